"""Tests of the measuring tools: gold reader, label maps, scoring, reports, extract I/O.

The expected scores are worked out by hand in the comments beside each example.
"""

from __future__ import annotations

import datetime
import gzip
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from paperkg.graph.errors import GoldFormatError, SourceFormatError, SourceNotFoundError
from paperkg.graph.evaluation import (
    evaluate,
    iter_gold,
    iter_text_records,
    read_label_map,
    mention_to_json,
)
from paperkg.graph.evaluation.labels import map_predicted_type
from paperkg.graph.evaluation.quality import (
    QUALITY_DOC_COMMAND,
    render_quality_doc,
    write_quality_doc,
)
from paperkg.graph.evaluation.scoring import Span, match_partial
from paperkg.graph.records import EntityType, Mention, PaperExtraction, Role

SHARED = Path(__file__).resolve().parents[2] / "shared"
T = EntityType


class FixedExtractor:
    """A stand-in extractor: finds the phrases it was given for each doc_id, typed as given."""

    def __init__(self, phrases: dict[str, list[tuple[str, EntityType]]]):
        self.phrases = phrases

    def extract_text(self, text: str, doc_id: str = "text") -> list[Mention]:
        return [
            make_mention(text, phrase, kind, doc_id)
            for phrase, kind in self.phrases.get(doc_id, [])
        ]


def make_mention(
    text: str, phrase: str, kind: EntityType, doc_id: str = "d", role=Role.MENTIONS
) -> Mention:
    start = text.index(phrase)
    return Mention(
        doc_id,
        "text",
        start,
        start + len(phrase),
        phrase,
        text,
        kind,
        phrase.lower(),
        0.9,
        "test",
        role,
    )


def gold_record(
    doc_id: str, text: str, entities: list[tuple[str, str]], source: str = "SciER"
) -> dict:
    """A gold line; each entity is (phrase, label), found at its first occurrence."""
    rows = []
    for phrase, label in entities:
        start = text.index(phrase)
        rows.append({"start": start, "end": start + len(phrase), "label": label, "text": phrase})
    return {"source": source, "split": "dev", "doc_id": doc_id, "text": text, "entities": rows}


def write_lines(path: Path, lines: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    return path


SENTENCE = "We fine-tune BERT on SQuAD 2.0 and ImageNet for question answering."


@pytest.fixture
def mixed_report(tmp_path):
    """Gold: BERT Method, SQuAD 2.0 Dataset, ImageNet Dataset, question answering Task.

    Predicted: BERT METHOD (exact), SQuAD DATASET (overlap only), ImageNet TASK (wrong
    type), question answering TASK (exact), fine-tune METHOD (spurious).
    """
    gold = write_lines(
        tmp_path / "gold.jsonl",
        [
            gold_record(
                "s1",
                SENTENCE,
                [
                    ("BERT", "Method"),
                    ("SQuAD 2.0", "Dataset"),
                    ("ImageNet", "Dataset"),
                    ("question answering", "Task"),
                ],
            )
        ],
    )
    extractor = FixedExtractor(
        {
            "s1": [
                ("BERT", T.METHOD),
                ("SQuAD", T.DATASET),
                ("ImageNet", T.TASK),
                ("question answering", T.TASK),
                ("fine-tune", T.METHOD),
            ]
        }
    )
    return evaluate(gold, extractor)


def test_strict_scores_count_only_exact_span_and_type(mixed_report):
    strict = mixed_report.to_json()["strict"]
    # METHOD: tp 1 (BERT), fp 1 (fine-tune) -> P 1/2, R 1/1, F1 2/3.
    assert strict["METHOD"] == pytest.approx(
        {"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "support": 1, "tp": 1, "fp": 1, "fn": 0}
    )
    # DATASET: SQuAD is not SQuAD 2.0, ImageNet was typed TASK -> nothing right, 2 missed.
    assert strict["DATASET"] == pytest.approx(
        {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 2, "tp": 0, "fp": 1, "fn": 2}
    )
    # TASK: question answering right, ImageNet spurious -> P 1/2, R 1/1.
    assert strict["TASK"]["precision"] == 0.5 and strict["TASK"]["recall"] == 1.0
    # micro: tp 2, fp 3, fn 2 -> P 2/5, R 2/4, F1 2*0.4*0.5/0.9 = 4/9.
    assert strict["micro"] == pytest.approx(
        {"precision": 0.4, "recall": 0.5, "f1": 4 / 9, "support": 4, "tp": 2, "fp": 3, "fn": 2}
    )


def test_partial_scores_accept_overlap_of_the_same_type(mixed_report):
    partial = mixed_report.to_json()["partial"]
    # SQuAD overlaps SQuAD 2.0 (same type) -> DATASET tp 1, fp 0, fn 1 (ImageNet).
    assert partial["DATASET"] == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2, "tp": 1, "fp": 0, "fn": 1}
    )
    # micro: tp 3, fp 2, fn 1 -> P 3/5, R 3/4, F1 2*0.6*0.75/1.35 = 2/3.
    assert partial["micro"]["precision"] == pytest.approx(0.6)
    assert partial["micro"]["recall"] == pytest.approx(0.75)
    assert partial["micro"]["f1"] == pytest.approx(2 / 3)


def test_type_blind_line_scores_spans_whatever_their_type(mixed_report):
    blind = mixed_report.to_json()["type_blind"]
    # Exact spans: BERT, ImageNet, question answering -> 3 of 5 predicted, 3 of 4 gold.
    assert blind["strict"]["precision"] == pytest.approx(3 / 5)
    assert blind["strict"]["recall"] == pytest.approx(3 / 4)
    # Overlapping spans add SQuAD -> 4 of 5 predicted, 4 of 4 gold, F1 = 2*0.8*1/1.8.
    assert blind["partial"]["precision"] == pytest.approx(4 / 5)
    assert blind["partial"]["recall"] == pytest.approx(1.0)
    assert blind["partial"]["f1"] == pytest.approx(8 / 9)


def test_partial_matching_is_greedy_by_overlap_and_one_to_one():
    gold = [Span("d", 0, 10, T.MODEL), Span("d", 12, 20, T.MODEL)]
    # p0 overlaps g0 by 2 and g1 by 5; p1 overlaps g0 by 4. Largest first: (p0, g1), (p1, g0).
    predicted = [Span("d", 8, 17, T.MODEL), Span("d", 5, 9, T.MODEL)]
    assert sorted(match_partial(gold, predicted)) == [(0, 1), (1, 0)]
    # Two predictions inside one gold entity: only the larger overlap (8 chars) counts.
    assert match_partial(
        [Span("d", 0, 10, T.MODEL)], [Span("d", 0, 4, T.MODEL), Span("d", 2, 10, T.MODEL)]
    ) == [(1, 0)]
    # Overlap of another type is no match.
    assert match_partial([Span("d", 0, 10, T.MODEL)], [Span("d", 0, 10, T.TASK)]) == []


def test_one_long_prediction_counts_for_one_gold_entity(tmp_path):
    text = "We compare Llama 2 and Llama 3 on MMLU."
    gold = write_lines(
        tmp_path / "g.jsonl",
        [
            gold_record(
                "a", text, [("Llama 2", "MLModel"), ("Llama 3", "MLModel")], source="GSAP-NER"
            )
        ],
    )
    report = evaluate(gold, FixedExtractor({"a": [("Llama 2 and Llama 3", T.MODEL)]}))
    model = report.to_json()["partial"]["MODEL"]
    assert (model["tp"], model["fp"], model["fn"]) == (1, 0, 1)


def test_benchmark_counts_as_dataset_and_model_as_method_without_model_gold(tmp_path):
    text = "BERT is evaluated on GLUE."
    gold = write_lines(
        tmp_path / "g.jsonl", [gold_record("a", text, [("BERT", "Method"), ("GLUE", "Dataset")])]
    )
    report = evaluate(gold, FixedExtractor({"a": [("BERT", T.MODEL), ("GLUE", T.BENCHMARK)]}))
    strict = report.to_json()["strict"]
    assert strict["METHOD"]["tp"] == 1 and strict["DATASET"]["tp"] == 1
    assert strict["micro"]["f1"] == 1.0
    assert "MODEL" not in strict and "BENCHMARK" not in strict


def test_model_stays_model_against_gsap_ner(tmp_path):
    text = "BERT builds on the Transformer."
    gold = write_lines(
        tmp_path / "g.jsonl",
        [
            gold_record(
                "a",
                text,
                [("BERT", "MLModel"), ("Transformer", "ModelArchitecture")],
                source="GSAP-NER",
            )
        ],
    )
    report = evaluate(gold, FixedExtractor({"a": [("BERT", T.MODEL), ("Transformer", T.MODEL)]}))
    strict = report.to_json()["strict"]
    # Transformer is METHOD in GSAP-NER (ModelArchitecture): our MODEL is wrong there.
    assert (strict["MODEL"]["tp"], strict["MODEL"]["fp"]) == (1, 1)
    assert (strict["METHOD"]["tp"], strict["METHOD"]["fn"]) == (0, 1)


def test_types_the_gold_lacks_are_not_scored(tmp_path):
    text = "BERT reaches 90 accuracy on SST-2."
    gold = write_lines(
        tmp_path / "g.jsonl",
        [gold_record("a", text, [("accuracy", "METRIC"), ("SST-2", "DATASET")], source="TDMSci")],
    )
    report = evaluate(gold, FixedExtractor({"a": [("BERT", T.MODEL), ("SST-2", T.BENCHMARK)]}))
    # TDMSci has neither MODEL nor METHOD: BERT is neither right nor wrong there.
    assert report.unscored == Counter({T.MODEL: 1})
    micro = report.to_json()["strict"]["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (1, 0, 1)


def test_ignored_gold_labels_have_no_support_and_do_not_excuse_predictions(tmp_path):
    text = "Our model beats GPT-4 (see https://x.org)."
    gold = write_lines(
        tmp_path / "g.jsonl",
        [
            gold_record(
                "a",
                text,
                [("Our model", "MLModelGeneric"), ("GPT-4", "MLModel"), ("https://x.org", "URL")],
                source="GSAP-NER",
            )
        ],
    )
    report = evaluate(gold, FixedExtractor({"a": [("GPT-4", T.MODEL), ("Our model", T.MODEL)]}))
    model = report.to_json()["strict"]["MODEL"]
    assert (model["support"], model["tp"], model["fp"]) == (1, 1, 1)
    assert report.to_json()["strict"]["micro"]["support"] == 1


def test_repeated_predictions_of_one_span_count_once(tmp_path):
    text = "ResNet-50 on ImageNet."
    gold = write_lines(tmp_path / "g.jsonl", [gold_record("a", text, [("ImageNet", "Dataset")])])
    report = evaluate(
        gold, FixedExtractor({"a": [("ImageNet", T.DATASET), ("ImageNet", T.DATASET)]})
    )
    assert report.to_json()["strict"]["DATASET"]["precision"] == 1.0


def test_report_json_has_the_documented_shape(mixed_report):
    data = json.loads(json.dumps(mixed_report.to_json()))
    for mode in ("strict", "partial"):
        assert set(data[mode]) == {"METHOD", "DATASET", "TASK", "micro"}
        for row in data[mode].values():
            assert {"precision", "recall", "f1", "support"} <= set(row)
            assert all(0.0 <= row[key] <= 1.0 for key in ("precision", "recall", "f1"))


def test_table_shows_each_type_micro_and_type_blind(mixed_report):
    lines = mixed_report.to_table().splitlines()
    assert lines[0].startswith("gold.jsonl: 1 documents, 4 gold entities, 5 predictions")
    method = next(line for line in lines if line.startswith("METHOD"))
    assert method.split() == ["METHOD", "50.0", "100.0", "66.7", "50.0", "100.0", "66.7", "1"]
    assert any(line.startswith("micro") for line in lines)
    assert any(line.startswith("type-blind") for line in lines)


def test_errors_list_false_positives_and_misses_in_context(mixed_report):
    listing = mixed_report.errors(10)
    assert "False positives (first 3 of 3)" in listing
    assert "Misses (first 2 of 2)" in listing
    # The mistyped ImageNet shows what the gold had on that span.
    assert "FP   TASK      'ImageNet'" in listing and "gold: DATASET 'ImageNet'" in listing
    assert "on SQuAD 2.0 and [[ImageNet]] for question answering." in listing
    assert len(mixed_report.errors(1).splitlines()) == 1 + 2 + 1 + 1 + 2


def test_json_errors_list_cases_when_asked(mixed_report):
    assert "errors" not in mixed_report.to_json()
    cases = mixed_report.to_json(errors=1)["errors"]
    assert [(c["kind"], c["text"], c["type"]) for c in cases] == [
        ("false positive", "fine-tune", "METHOD"),
        ("miss", "SQuAD 2.0", "DATASET"),
    ]


def test_mentions_outside_the_text_are_dropped_with_a_warning(tmp_path, caplog):
    text = "GPT-4 wins."
    gold = write_lines(
        tmp_path / "g.jsonl", [gold_record("a", text, [("GPT-4", "MLModel")], "GSAP-NER")]
    )

    class OffTheEnd(FixedExtractor):
        def extract_text(self, text, doc_id="text"):
            return [Mention(doc_id, "text", 8, 40, "x", text, T.MODEL, "x", 1.0, "bad")]

    model = evaluate(gold, OffTheEnd({})).to_json()["strict"]["MODEL"]
    assert (model["fp"], model["fn"]) == (0, 1)
    assert "g.jsonl:1: mention 'x' has offsets 8-40 outside the text" in caplog.text


class FixedPaperExtractor(FixedExtractor):
    """The stand-in on the ingestion path: `extract(papers)` yields PaperExtractions."""

    def __init__(self, phrases):
        super().__init__(phrases)
        self.batches = []

    def extract(self, papers):
        papers = list(papers)
        self.batches.append(len(papers))
        for paper in papers:
            phrases = self.phrases.get(paper.abstract, [])
            mentions = [make_mention(paper.abstract, p, kind, paper.id) for p, kind in phrases]
            mentions = [replace(m, field="abstract") for m in mentions]
            yield PaperExtraction(paper, tuple(mentions))


def test_corpus_mode_scores_the_ingestion_path_over_all_texts_at_once(tmp_path):
    second = "We use ImageNet and CIFAR-10."
    gold = write_lines(
        tmp_path / "g.jsonl",
        [
            gold_record("s1", SENTENCE, [("BERT", "Method"), ("SQuAD 2.0", "Dataset")]),
            gold_record("s2", second, [("ImageNet", "Dataset"), ("CIFAR-10", "Dataset")]),
        ],
    )
    # Keyed by text: the ingestion path sees papers, not gold doc_ids.
    extractor = FixedPaperExtractor(
        {
            SENTENCE: [("BERT", T.METHOD), ("SQuAD", T.DATASET)],
            second: [("ImageNet", T.DATASET), ("CIFAR-10", T.BENCHMARK)],
        }
    )
    data = evaluate(gold, extractor, corpus=True).to_json()
    assert extractor.batches == [2]
    assert data["extraction"].startswith("ingestion path")
    # tp: BERT, ImageNet, CIFAR-10 (BENCHMARK as DATASET); fp: SQuAD; fn: SQuAD 2.0.
    micro = data["strict"]["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (3, 1, 1)


def test_gold_reader_reads_the_schema(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", [gold_record("a", SENTENCE, [("BERT", "Method")]), ""])
    (document,) = list(iter_gold(path))
    assert (document.source, document.doc_id, document.line) == ("SciER", "a", 1)
    assert (
        document.entities[0].text
        == "BERT"
        == SENTENCE[document.entities[0].start : document.entities[0].end]
    )


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"text": "abc"}', '"entities" list'),
        (
            '{"text": "abc", "entities": [{"start": 1, "end": 9, "label": "Task"}]}',
            "0 <= start < end <= 3",
        ),
        (
            '{"text": "abc", "entities": [{"start": 0, "end": 2, "label": "Task", "text": "bc"}]}',
            "cover 'ab'",
        ),
        ('{"text": "abc", "entities": [{"start": 0, "end": 2}]}', '"label"'),
    ],
)
def test_bad_gold_line_is_an_error_naming_file_and_line(tmp_path, bad_line, message):
    path = write_lines(tmp_path / "g.jsonl", [gold_record("a", SENTENCE, []), bad_line])
    with pytest.raises(GoldFormatError, match=message) as raised:
        list(iter_gold(path))
    assert str(raised.value).startswith(f"{path}:2")


def test_missing_or_empty_gold_file_is_a_clear_error(tmp_path):
    with pytest.raises(SourceNotFoundError, match="no such file"):
        list(iter_gold(tmp_path / "absent.jsonl"))
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(GoldFormatError, match="no records"):
        list(iter_gold(tmp_path / "empty.jsonl"))


def test_unmapped_label_and_unknown_source_are_errors(tmp_path):
    path = write_lines(tmp_path / "g.jsonl", [gold_record("a", SENTENCE, [("BERT", "Algorithm")])])
    with pytest.raises(GoldFormatError, match=r"g.jsonl:1: label 'Algorithm'.*--labels"):
        evaluate(path, FixedExtractor({}))
    path = write_lines(tmp_path / "h.jsonl", [gold_record("a", SENTENCE, [], source="MyScheme")])
    with pytest.raises(GoldFormatError, match="no built-in label map for source 'MyScheme'"):
        evaluate(path, FixedExtractor({}))


def test_label_map_file_overrides_the_builtin_map(tmp_path):
    record = gold_record(
        "a",
        SENTENCE,
        [("BERT", "Algorithm"), ("ImageNet", "Corpus"), ("SQuAD 2.0", "Thing")],
        source="MyScheme",
    )
    gold = write_lines(tmp_path / "g.jsonl", [record])
    extractor = FixedExtractor({"a": [("BERT", T.METHOD), ("ImageNet", T.DATASET)]})
    as_json = tmp_path / "map.json"
    as_json.write_text(json.dumps({"Algorithm": "method", "Corpus": "DATASET", "Thing": None}))
    as_tsv = tmp_path / "map.tsv"
    as_tsv.write_text("# ours\nAlgorithm\tMETHOD\nCorpus\tDATASET\n\nThing\tnull\n")
    for label_map in (as_json, str(as_tsv), read_label_map(as_tsv)):
        micro = evaluate(gold, extractor, label_map).to_json()["strict"]["micro"]
        assert (micro["tp"], micro["fp"], micro["fn"]) == (2, 0, 0)


def test_bad_label_map_files_name_the_problem(tmp_path):
    (tmp_path / "a.tsv").write_text("Task\tTASK\nMaterial DATASET\n")
    with pytest.raises(GoldFormatError, match=r"a.tsv:2: expected `label<TAB>TYPE`"):
        read_label_map(tmp_path / "a.tsv")
    (tmp_path / "b.json").write_text('{"Material": "CORPUS"}')
    with pytest.raises(GoldFormatError, match="unknown type 'CORPUS'; use one of MODEL"):
        read_label_map(tmp_path / "b.json")
    with pytest.raises(SourceNotFoundError, match="--labels"):
        read_label_map(tmp_path / "absent.tsv")


def test_predicted_types_map_to_the_coarser_gold_type():
    gsap = frozenset({T.MODEL, T.METHOD, T.DATASET, T.TASK})
    scierc = frozenset({T.METHOD, T.DATASET, T.TASK, T.METRIC})
    tdmsci = frozenset({T.DATASET, T.TASK, T.METRIC})
    assert map_predicted_type(T.BENCHMARK, gsap) == T.DATASET
    assert map_predicted_type(T.MODEL, gsap) == T.MODEL
    assert map_predicted_type(T.MODEL, scierc) == T.METHOD
    assert map_predicted_type(T.MODEL, tdmsci) is None
    assert map_predicted_type(T.METRIC, gsap) is None


def test_text_records_skip_bad_lines_with_file_and_line(tmp_path, caplog):
    path = write_lines(
        tmp_path / "in.jsonl",
        [
            {"doc_id": "a", "text": "BERT on GLUE."},
            "{broken",
            {"doc_id": "b"},
            "",
            {"arxiv_id": "2501.00001", "abstract": "We use ImageNet.", "title": "T"},
            [1, 2],
            {"text": "no id here"},
        ],
    )
    skipped = []
    records = list(iter_text_records(path, skipped))
    assert records == [("a", "BERT on GLUE."), ("2501.00001", "We use ImageNet.")]
    # Line 4 is blank: blank lines are not records, so not reported either.
    assert [(s.line, s.reason.split(" (")[0].split(":")[0].split(";")[0]) for s in skipped] == [
        (2, "not valid JSON"),
        (3, "no text"),
        (6, "expected a JSON object, found list"),
        (7, "no id"),
    ]
    assert f"{path}:2: not valid JSON" in caplog.text


def test_text_records_read_gzip_and_reject_binary_lines(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wb") as stream:
        stream.write(b'{"doc_id": "a", "text": "x"}\n\xff\xfe\x00\x01\n')
    skipped = []
    assert list(iter_text_records(path, skipped)) == [("a", "x")]
    assert skipped[0].line == 2 and "not UTF-8" in skipped[0].reason


def test_text_records_of_an_empty_or_truncated_file_are_clear_errors(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    with pytest.raises(SourceFormatError, match="empty"):
        list(iter_text_records(tmp_path / "empty.jsonl"))
    data = gzip.compress(b'{"doc_id": "a", "text": "x"}\n' * 1000)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceFormatError, match="corrupt or truncated"):
        list(iter_text_records(tmp_path / "cut.jsonl.gz"))


def test_mention_to_json_keeps_offsets_into_the_text():
    text = "We introduce RewardBench."
    data = mention_to_json(make_mention(text, "RewardBench", T.BENCHMARK, role=Role.INTRODUCES))
    assert data == {
        "start": 13,
        "end": 24,
        "text": "RewardBench",
        "type": "BENCHMARK",
        "entity": "rewardbench",
        "role": "INTRODUCES",
        "confidence": 0.9,
        "phrase_start": 13,
        "phrase_end": 24,
    }
    assert text[data["start"] : data["end"]] == data["text"]


def test_quality_doc_marks_targets_met_and_not_met(tmp_path):
    text = "We report accuracy and F1 on SNLI for entailment."
    gold = write_lines(
        tmp_path / "tdmsci_train.jsonl",
        [
            gold_record(
                "a",
                text,
                [("accuracy", "METRIC"), ("F1", "METRIC"), ("SNLI", "DATASET")],
                source="TDMSci",
            )
        ],
    )
    # DATASET: 1/1 -> F1 100 (>= 61.45, met); METRIC: accuracy only -> P 1, R 1/2, F1 66.7 (< 78.85).
    extractor = FixedExtractor({"a": [("SNLI", T.DATASET), ("accuracy", T.METRIC)]})
    out = tmp_path / "docs" / "quality.md"
    write_quality_doc([gold], extractor, out)
    page = out.read_text()
    assert "do not hand-edit" in page and f"    {QUALITY_DOC_COMMAND}" in page
    assert f"Generated on {datetime.date.today().isoformat()}" in page
    assert (
        "| tdmsci_train | DATASET | normal | >= 61.45 | 100.0 | phrase | 100.0 "
        "| released model 54.5 (test) | met |" in page
    )
    assert (
        "| tdmsci_train | METRIC | normal | >= 78.85 | 66.7 | phrase | 66.7 "
        "| released model 76.8 (test) | not met |" in page
    )
    assert (
        "| gsap_ner_abstracts_dev | MODEL | normal | >= 80 | - | - | - | SciDeBERTa 70.0 "
        "| not measured |" in page
    )
    assert "1 of 6 targets met" in page
    assert "| METRIC | 100.0 | 50.0 | 66.7 | 100.0 | 50.0 | 66.7 | 2 |" in page


def test_quality_doc_is_the_same_for_the_same_results(mixed_report):
    day = datetime.date(2026, 1, 2)
    assert render_quality_doc([mixed_report], today=day) == render_quality_doc(
        [mixed_report], today=day
    )


def oracle_extractor(gold_path: Path) -> FixedExtractor:
    """An extractor that returns the gold's own named entities, typed as our types."""
    ours = {
        "MLModel": T.MODEL,
        "Dataset": T.DATASET,
        "Datasource": T.DATASET,
        "Task": T.TASK,
        "Method": T.METHOD,
        "ModelArchitecture": T.METHOD,
    }

    class Oracle(FixedExtractor):
        def extract_text(self, text, doc_id="text"):
            return [
                Mention(doc_id, "text", s, e, text[s:e], text, kind, "x", 1.0, "oracle")
                for s, e, kind in self.phrases[doc_id]
            ]

    table = {}
    for line in gold_path.read_text().splitlines():
        record = json.loads(line)
        table[record["doc_id"]] = [
            (e["start"], e["end"], ours[e["label"]])
            for e in record["entities"]
            if e["label"] in ours
        ]
    return Oracle(table)


@pytest.mark.shared
def test_gold_itself_scores_perfectly_on_gsap_ner():
    gold_path = SHARED / "gold" / "gsap_ner_abstracts_dev.jsonl"
    if not gold_path.is_file():
        pytest.skip(f"{gold_path} is absent")
    data = evaluate(gold_path, oracle_extractor(gold_path)).to_json()
    assert data["documents"] == 71
    for mode in ("strict", "partial"):
        assert all(row["f1"] == 1.0 for row in data[mode].values())


@pytest.mark.shared
def test_default_extractor_scores_are_well_formed_on_gsap_ner():
    gold_path = SHARED / "gold" / "gsap_ner_abstracts_dev.jsonl"
    if not gold_path.is_file():
        pytest.skip(f"{gold_path} is absent")
    extract = pytest.importorskip("paperkg.graph.extract")
    if not hasattr(extract, "Extractor"):
        pytest.skip("paperkg.graph.extract has no Extractor yet")
    per_text = evaluate(gold_path, extract.Extractor.default()).to_json()
    ingestion = evaluate(gold_path, extract.Extractor.default(), corpus=True).to_json()
    expected = Counter()
    groups = {
        "MLModel": "MODEL",
        "Dataset": "DATASET",
        "Datasource": "DATASET",
        "Task": "TASK",
        "Method": "METHOD",
        "ModelArchitecture": "METHOD",
    }
    for line in gold_path.read_text().splitlines():
        expected.update(
            groups[e["label"]] for e in json.loads(line)["entities"] if e["label"] in groups
        )
    for data in (per_text, ingestion):
        assert data["documents"] == 71
        for mode in ("strict", "partial"):
            assert {kind: data[mode][kind]["support"] for kind in expected} == dict(expected)
            assert data[mode]["micro"]["support"] == sum(expected.values())
            for row in data[mode].values():
                assert all(0.0 <= row[key] <= 1.0 for key in ("precision", "recall", "f1"))


def test_each_source_is_scored_on_its_own_span_convention(tmp_path):
    from paperkg.graph.extract import Extractor

    text = "Here we describe our experiments on the FrameNet corpus , which is large ."
    gold = write_lines(
        tmp_path / "g.jsonl",
        [
            gold_record("tdm", text, [("FrameNet corpus", "DATASET")], source="TDMSci"),
            gold_record("gsap", text, [("FrameNet", "Dataset")], source="GSAP-NER"),
        ],
    )
    extractor = Extractor.default()
    report = evaluate(gold, extractor)
    assert report.to_json()["strict"]["DATASET"]["f1"] == 1.0
    assert report.to_json()["spans"] == "name (1 documents), phrase (1 documents)"
    names_only = evaluate(gold, extractor, spans="name").to_json()["strict"]["DATASET"]
    assert (names_only["tp"], names_only["fp"], names_only["fn"]) == (1, 1, 1)


def test_two_mentions_of_one_phrase_score_once(tmp_path):
    from paperkg.graph.extract import Extractor

    text = "We train on the Chinese Treebank ( CTB ) and report accuracy ."
    gold = write_lines(
        tmp_path / "g.jsonl",
        [gold_record("a", text, [("Chinese Treebank ( CTB )", "DATASET")], source="TDMSci")],
    )
    dataset = evaluate(gold, Extractor.default()).to_json()["strict"]["DATASET"]
    assert (dataset["tp"], dataset["fp"], dataset["fn"]) == (1, 0, 0)
