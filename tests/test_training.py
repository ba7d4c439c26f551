"""graph/training.py: training a NER model on gold files, saving it, and using it beside the rules.

Loading a model and merging its spans with rule mentions, without training one, are tested
in tests/extract/test_trained_ner.py.
"""

from __future__ import annotations

import json
from itertools import islice, product
from pathlib import Path

import pytest
import spacy

from paperkg.graph.errors import GoldFormatError, PaperkgError
from paperkg.graph.evaluation.gold import GoldDocument, GoldEntity
from paperkg.graph.extract.trained_ner import MODEL_META, TRAINED_COMPONENT, add_trained_to_extractions, load_trained_ner
from paperkg.graph.records import EntityType, Paper, PaperExtraction
from paperkg.graph.training import SpanCounts, build_example, train_ner

SHARED = Path(__file__).resolve().parents[2] / "shared"

MODELS = ["Zorbnet", "Plimbert", "Gruntformer", "Vexal-7B"]
DATASETS = ["Quuxset", "Frobdata", "Snarkbench", "Wumpus-QA"]
TEMPLATES = [
    "We fine-tune {m} on {d} and report accuracy .",
    "Experiments with {m} on the {d} corpus show large gains .",
    "On {d} , {m} outperforms every baseline we tried .",
]


def gold_record(text: str, names: list[tuple[str, str]], doc_id: str) -> dict:
    """A GSAP-NER-style gold record whose entities are the first occurrences of `names`."""
    entities = []
    for name, label in names:
        start = text.index(name)
        entities.append({"start": start, "end": start + len(name), "label": label, "text": name})
    return {"source": "GSAP-NER", "split": "train", "doc_id": doc_id, "text": text,
            "entities": entities}


def tiny_gold_records() -> list[dict]:
    """Four dozen sentences naming made-up models and datasets, plus an ignored generic label."""
    records = []
    for i, template in enumerate(TEMPLATES):
        for j, (model, dataset) in enumerate(product(MODELS, DATASETS)):
            text = template.format(m=model, d=dataset)
            records.append(gold_record(text, [(model, "MLModel"), (dataset, "Dataset")], f"s{i}-{j}"))
    records.append(gold_record("Our model beats Zorbnet .", [("Our model", "MLModelGeneric"),
                                                             ("Zorbnet", "MLModel")], "generic"))
    records.append({"source": "GSAP-NER", "split": "train", "doc_id": "empty",
                    "text": "We thank the reviewers .", "entities": []})
    return records


def write_gold(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def trained_dir(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("training")
    gold = write_gold(base / "tiny.jsonl", tiny_gold_records())
    out = base / "model"
    train_ner([gold], out, epochs=5, seed=0, dev_fraction=0.1, progress=False)
    return out


def test_trained_model_is_saved_with_its_description(trained_dir):
    meta = json.loads((trained_dir / MODEL_META).read_text())
    assert meta["labels"] == ["DATASET", "MODEL"]
    assert meta["sources"] == ["GSAP-NER"]
    assert meta["epochs"] == 5 and 1 <= meta["best_epoch"] <= 5
    assert meta["spans"]["ignored"] == 1
    assert (trained_dir / "config.cfg").is_file() and (trained_dir / "ner").is_dir()


def test_trained_model_finds_names_with_offsets_into_the_text(trained_dir):
    trained = load_trained_ner(trained_dir)
    assert set(trained.labels) == {EntityType.DATASET, EntityType.MODEL}
    texts = [r["text"] for r in tiny_gold_records()]
    found = [(text, span) for text in texts for span in trained.spans(text)]
    assert found, "the model learnt nothing from four dozen repetitive sentences"
    for text, span in found:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end].strip() == text[span.start:span.end]
        assert span.type in (EntityType.DATASET, EntityType.MODEL)
        assert 0.0 <= span.score <= 1.0
    surfaces = {text[s.start:s.end] for text, s in found}
    assert surfaces & set(MODELS + DATASETS)


def test_trained_mentions_of_a_paper_point_into_their_fields(trained_dir):
    trained = load_trained_ner(trained_dir)
    paper = Paper(id="p1", title="Plimbert on Frobdata",
                  abstract="We fine-tune Zorbnet on Quuxset and report accuracy .")
    [merged] = add_trained_to_extractions([PaperExtraction(paper)], trained)
    assert merged.mentions
    for mention in merged.mentions:
        assert mention.text == paper.field_text(mention.field)[mention.start:mention.end]
        assert mention.component == TRAINED_COMPONENT
    assert {m.entity_id for m in merged.mentions} <= {e.id for e in merged.entities}


def test_same_seed_trains_the_same_model(tmp_path, trained_dir):
    gold = write_gold(tmp_path / "tiny.jsonl", tiny_gold_records())
    train_ner([gold], tmp_path / "again", epochs=5, seed=0, dev_fraction=0.1, progress=False)
    first, second = load_trained_ner(trained_dir), load_trained_ner(tmp_path / "again")
    text = "Experiments with Gruntformer on the Snarkbench corpus show large gains ."
    assert first.spans(text) == second.spans(text)


def test_retraining_replaces_an_earlier_model(tmp_path):
    gold = write_gold(tmp_path / "tiny.jsonl", tiny_gold_records()[:12])
    out = tmp_path / "model"
    train_ner([gold], out, epochs=1, progress=False)
    report = train_ner([gold], out, epochs=2, dev_fraction=0, progress=False)
    assert json.loads((out / MODEL_META).read_text())["epochs"] == 2
    assert report.best_epoch == 2 and report.dev_scores is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "tiny.jsonl"]


def test_gold_spans_become_entities_missing_tokens_or_nothing():
    nlp = spacy.blank("en")
    text = "Zorbnet-based tuning on the Quuxset corpus beats our model ."
    document = GoldDocument("GSAP-NER", "train", "d", text, (
        GoldEntity(0, 4, "MLModel", "Zorb"),                        # inside a token
        GoldEntity(28, 42, "Dataset", "Quuxset corpus"),            # longest of three
        GoldEntity(28, 35, "Dataset", "Quuxset"),
        GoldEntity(28, 42, "Task", "Quuxset corpus"),
        GoldEntity(49, 58, "MLModelGeneric", "our model"),          # not learnt
    ))
    counts = SpanCounts()
    example = build_example(nlp, document, None, counts)
    assert [(e.text, e.label_) for e in example.reference.ents] == [("Quuxset corpus", "DATASET")]
    assert counts == SpanCounts(records=1, spans=5, used=1, ignored=1, adjusted=0,
                                unaligned=1, overlapping=2)
    assert example.reference[0].ent_iob_ == ""          # missing, not "outside"
    assert example.reference[-2].ent_iob_ == "O"


def test_gold_without_learnable_spans_fails_clearly(tmp_path):
    gold = write_gold(tmp_path / "generic.jsonl", [
        gold_record("Our model wins .", [("Our model", "MLModelGeneric")], "a"),
        {"source": "GSAP-NER", "doc_id": "b", "text": "Nothing here .", "entities": []},
    ])
    with pytest.raises(GoldFormatError, match="no span to learn from .*1 with ignored labels"):
        train_ner([gold], tmp_path / "model", epochs=1, progress=False)
    assert not (tmp_path / "model").exists()


def test_training_refuses_a_directory_of_other_files(tmp_path):
    gold = write_gold(tmp_path / "tiny.jsonl", tiny_gold_records())
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine")
    with pytest.raises(PaperkgError, match="not a paperkg model"):
        train_ner([gold], tmp_path / "notes", epochs=1, progress=False)
    assert (tmp_path / "notes" / "keep.txt").read_text() == "mine"


def test_training_into_an_unwritable_place_fails_before_training(tmp_path):
    gold = write_gold(tmp_path / "tiny.jsonl", tiny_gold_records())
    with pytest.raises(PaperkgError, match="cannot write the model"):
        train_ner([gold], tmp_path / "tiny.jsonl" / "model", epochs=1, progress=False)


@pytest.mark.parametrize("settings, message", [
    ({"epochs": 0}, "epochs must be"), ({"dev_fraction": 1.0}, "dev_fraction must be"),
])
def test_bad_training_settings_fail_clearly(tmp_path, settings, message):
    gold = write_gold(tmp_path / "tiny.jsonl", tiny_gold_records())
    with pytest.raises(PaperkgError, match=message):
        train_ner([gold], tmp_path / "model", progress=False, **settings)
    with pytest.raises(PaperkgError, match="no gold file"):
        train_ner([], tmp_path / "model", progress=False)


@pytest.mark.shared
def test_training_runs_on_real_gold(tmp_path):
    source = SHARED / "gold" / "tdmsci_train.jsonl"
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    with source.open(encoding="utf-8") as lines:
        head = tmp_path / "tdmsci_head.jsonl"
        head.write_text("".join(islice(lines, 200)), encoding="utf-8")
    report = train_ner([head], tmp_path / "model", epochs=1, progress=False)
    assert report.train_documents + report.dev_documents == 200
    assert set(report.labels) <= {"TASK", "DATASET", "METRIC"} and report.counts.used > 100
    assert load_trained_ner(tmp_path / "model").labels
