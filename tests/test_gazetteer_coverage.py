"""bench/gazetteer_coverage.py: its counting, ranking and coverage arithmetic on hand-made data."""

import gzip
import importlib.util
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from paperkg.graph.extract import Gazetteer
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "gazetteer_coverage.py"
_spec = importlib.util.spec_from_file_location("gazetteer_coverage", SCRIPT)
coverage = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = coverage  # dataclasses look their module up while the script loads
_spec.loader.exec_module(coverage)

CIFAR = Entity("cifar10", "CIFAR-10", EntityType.DATASET, aliases=("CIFAR10 dataset",),
               external_ids=(("hf", "uoft-cs/cifar10"),))
LLAMA = Entity("llama2", "Llama 2", EntityType.MODEL, external_ids=(("arxiv", "2307.09288"),))
LLAMA_7B = Entity("llama27b", "Llama 2 7B", EntityType.MODEL, variant_of="llama2")
BLEU = Entity("bleu", "BLEU", EntityType.METRIC, aliases=("BLEU score",),
              external_ids=(("wikidata", "Q4835051"),))
GAZETTEER = Gazetteer([CIFAR, LLAMA, LLAMA_7B, BLEU])


def mention(paper: str, text: str, eid: str, type_: EntityType, component: str = "kg_gazetteer") -> Mention:
    return Mention(paper, "abstract", 0, len(text), text, text, type_, eid, 0.9, component)


def extraction(paper: str, mentions: list[Mention], entities: list[Entity]) -> PaperExtraction:
    return PaperExtraction(Paper(paper, paper, "abstract"), tuple(mentions), tuple(entities))


def test_gazetteer_summary_counts_aliases_ids_and_variants_per_type():
    summary = coverage.summarize_gazetteer(GAZETTEER.entities)
    assert summary["MODEL"].entities == 2 and summary["MODEL"].variants == 1
    assert summary["MODEL"].schemes == Counter({"arxiv": 1})
    assert summary["all"].entities == 4
    assert (summary["all"].aliases, summary["all"].with_aliases) == (2, 2)
    assert summary["all"].schemes == Counter({"hf": 1, "arxiv": 1, "wikidata": 1})
    assert summary["TASK"].entities == 0


def test_dangling_variant_links_are_named():
    orphan = Entity("gpt45", "GPT-4.5", EntityType.MODEL, variant_of="gpt4")
    assert coverage.dangling_variants([*GAZETTEER.entities, orphan]) == ["GPT-4.5"]


def test_mentions_are_grouped_by_entity_over_papers():
    zorble = Entity("zorblenet", "ZorbleNet", EntityType.MODEL, origin="discovered")
    counts, _ = coverage.count_names([
        extraction("p1", [mention("p1", "CIFAR-10", "cifar10", EntityType.DATASET),
                          mention("p1", "CIFAR10", "cifar10", EntityType.DATASET),
                          mention("p1", "ZorbleNet", "zorblenet", EntityType.MODEL, "kg_shapes")],
                   [CIFAR, zorble]),
        extraction("p2", [mention("p2", "CIFAR10", "cifar10", EntityType.DATASET)], [CIFAR]),
    ])
    assert (len(counts["cifar10"].papers), counts["cifar10"].mentions) == (2, 3)
    assert counts["cifar10"].name == "CIFAR10"  # the surface form used most
    assert counts["zorblenet"].origin == "discovered" and counts["zorblenet"].found_by == "kg_shapes"


def test_top_names_rank_by_papers_then_mentions_then_id():
    def named(eid: str, papers: int, mentions: int):
        return coverage.NameCount(eid, papers={f"p{i}" for i in range(papers)}, mentions=mentions)

    counts = {c.entity_id: c for c in (named("b", 3, 3), named("a", 3, 3), named("c", 3, 9),
                                       named("d", 5, 5), named("e", 1, 50))}
    assert [c.entity_id for c in coverage.top_names(counts, 4)] == ["d", "c", "a", "b"]


def test_names_are_classified_by_where_they_come_from():
    def named(eid: str, name: str, variant_of: str | None = None):
        return coverage.NameCount(eid, entity_name=name, variant_of=variant_of)

    parents = {"llama27bchat": "llama27b"}
    assert coverage.classify_name(named("cifar10", "CIFAR-10"), GAZETTEER, {}) == "gazetteer"
    # An entity of its own although "BLEU score" is a bundled alias: a linking gap.
    assert coverage.classify_name(named("bleuscore", "BLEU score"), GAZETTEER, {}) == "alias"
    assert coverage.classify_name(named("llama27bchat", "Llama 2 7B Chat"), GAZETTEER, parents) == "variant"
    assert coverage.bundled_parent(named("llama27bchat", "Llama 2 7B Chat"), GAZETTEER, parents) is LLAMA_7B
    assert coverage.classify_name(named("zorblenet", "ZorbleNet", "zorble"), GAZETTEER, {}) == "rules"


def test_coverage_by_type_shares_names_and_mentions():
    def named(eid: str, type_: str, mentions: int):
        return coverage.NameCount(eid, mentions=mentions, types=Counter({type_: 1}))

    top = [named("cifar10", "DATASET", 10), named("zorbleset", "DATASET", 30), named("bleu", "METRIC", 5)]
    rows = coverage.coverage_by_type(top, lambda c: GAZETTEER.get(c.entity_id) is not None)
    assert (rows["DATASET"].names, rows["DATASET"].curated) == (2, 1)
    assert (rows["DATASET"].mentions, rows["DATASET"].curated_mentions) == (40, 10)
    assert (rows["all"].names, rows["all"].curated, rows["all"].curated_mentions) == (3, 2, 15)
    assert coverage.percent(rows["all"].curated, rows["all"].names) == "66.7%"
    assert coverage.percent(0, 0) == "-"


def test_list_coverage_counts_distinct_names_by_entity_key():
    keys = coverage.gazetteer_keys(GAZETTEER.entities)
    names = ["CIFAR10", "cifar-10", "Llama-2", "ZorbleNet", "---", "cifar10 dataset", "Quux", "Blorp", "Fnord"]
    result = coverage.list_coverage("mixed", names, keys, examples=2)
    # "---" has no key; "cifar-10" repeats "CIFAR10"; "cifar10 dataset" is an alias.
    assert (result.total, result.matched) == (7, 3)
    assert result.missing == ["ZorbleNet", "Quux"]


def test_list_coverage_counts_expected_types_apart():
    keys = coverage.gazetteer_keys(GAZETTEER.entities)
    result = coverage.list_coverage("datasets", ["CIFAR-10", "BLEU", "Nope"], keys,
                                    expected=coverage.DATA_TYPES)
    assert (result.total, result.matched, result.typed) == (3, 2, 1)


def test_pwc_names_are_ranked_by_occurrences_without_placeholders(tmp_path):
    path = tmp_path / "pwc.tsv"
    path.write_text("name\ttype\toccurrences_in_pwc_archive_csvs\n"
                    "N/A\ttask\t900\nRare Task\ttask\t2\nCommon Task\ttask\t40\n"
                    "(deleted task 2)\ttask\t50\nSome Set\tdataset\t99\nMiddle Task\ttask\t7\n")
    assert coverage.read_pwc_names(path, "task", 2) == ["Common Task", "Middle Task"]
    assert coverage.read_pwc_names(path, "dataset", 5) == ["Some Set"]


def test_frequent_values_and_timm_names():
    assert coverage.read_frequent(["b", "a", "b", "", "c", "b", "a"], 2) == ["b", "a"]
    assert coverage.timm_family("convnext_base") == "convnext"
    assert coverage.timm_family("tf_efficientnet_b0") == "efficientnet"


def test_timm_architectures_drop_the_pretrained_tag(tmp_path):
    path = tmp_path / "timm.csv"
    path.write_text("model,top1\nvit_base_patch16_224.augreg_in21k,81.1\n"
                    "vit_base_patch16_224.orig_in21k,80.0\nresnet50.a1_in1k,80.4\n")
    assert coverage.read_timm_architectures(path) == ["vit_base_patch16_224", "resnet50"]


def test_missing_lists_are_reported_absent(tmp_path):
    (tmp_path / "torchvision_dataset_classes.txt").write_text("CIFAR10\nMNIST\n")
    measured = dict(coverage.measure_lists(tmp_path, coverage.gazetteer_keys(GAZETTEER.entities), 500))
    found = measured["torchvision_dataset_classes.txt"]
    assert (found.total, found.matched, found.missing) == (2, 1, ["MNIST"])
    assert measured["hf_transformers_model_names.tsv"].label.endswith(": absent")


def test_a_list_without_its_columns_is_reported_unreadable(tmp_path):
    (tmp_path / "pwc_derived_names.tsv").write_text("title\tcount\nSome Task\t3\n")
    measured = coverage.measure_lists(tmp_path, coverage.gazetteer_keys(GAZETTEER.entities), 500)
    pwc = [c for file, c in measured if file == "pwc_derived_names.tsv"]
    assert len(pwc) == 4 and all(": unreadable (KeyError" in c.label and c.total == 0 for c in pwc)


def test_sample_is_seeded_and_keeps_file_order():
    items = list(range(100))
    first = coverage.pick_sample(items, 10, seed=0)
    assert first == coverage.pick_sample(items, 10, seed=0) == sorted(first)
    assert first != coverage.pick_sample(items, 10, seed=1)
    assert coverage.pick_sample(items, 500, seed=0) == items


def test_without_the_corpus_the_script_stops_with_one_line(tmp_path):
    with pytest.raises(SystemExit) as stopped:
        coverage.main(["--corpus", str(tmp_path / "absent"), "--out", str(tmp_path / "out.md")])
    message = str(stopped.value.code)
    assert message.startswith(f"No *.jsonl.gz files in {tmp_path / 'absent'}") and "\n" not in message
    assert not (tmp_path / "out.md").exists()


def test_report_is_written_from_a_small_corpus(tmp_path):
    corpus, names = tmp_path / "corpus", tmp_path / "names"
    corpus.mkdir()
    names.mkdir()
    records = [{"arxiv_id": f"2601.0000{i}", "title": f"Paper {i}", "listing_date": "2026-01-02",
                "abstract": f"We fine-tune BERT on CIFAR-10 and SQuAD and report accuracy, run {i}."}
               for i in range(6)]
    with gzip.open(corpus / "2026-01.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(r) + "\n" for r in records)
    (names / "torchvision_dataset_classes.txt").write_text("CIFAR10\nZorbleSet\n")
    out = tmp_path / "gazetteer.md"
    coverage.main(["--corpus", str(corpus), "--names", str(names), "--n", "4", "--out", str(out)])
    report = out.read_text(encoding="utf-8")
    assert report.startswith("# Gazetteer coverage\n")
    assert f"Generated by `python bench/gazetteer_coverage.py` on {date.today().isoformat()}" in report
    assert "over 4 abstracts" in report and "of the 6 papers" in report
    assert "| torchvision_dataset_classes.txt | dataset classes | 2 | 1 | 50.0% |" in report
    assert "| CIFAR-10 |" not in report  # curated names are not curation candidates
