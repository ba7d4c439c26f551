"""Tests of `paperkg eval --unseen`: hiding every listed name a gold set's text holds."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from paperkg.api.cli import main
from paperkg.graph.evaluation.unseen import UnseenSetup, collect_name_keys, hide_names_in
from paperkg.graph.extract import Extractor
from paperkg.graph.extract.names.gazetteer import Gazetteer
from paperkg.graph.records import Entity, EntityType, entity_key

# Sentences of the seed page (data/daily_papers.txt) and of arXiv abstracts, not gold text.
SEED = "FLAMe-RM-24B outperforms GPT-4o on RewardBench, trained on 5M+ human judgments."
TOKENIZED = "Results on CIFAR - 10 and Stable Diffusion 2 . 1 samples ."


def write_gold(path: Path, records: list[tuple[str, str, list[tuple[str, str]]]]) -> Path:
    """A GSAP-NER gold file: (doc_id, text, [(phrase, label)]) a line."""
    with path.open("w") as out:
        for doc_id, text, entities in records:
            spans = [{"start": text.index(p), "end": text.index(p) + len(p), "label": label,
                      "text": p} for p, label in entities]
            out.write(json.dumps({"source": "GSAP-NER", "split": "dev", "doc_id": doc_id,
                                  "text": text, "entities": spans}) + "\n")
    return path


def test_name_keys_meet_across_tokenized_spellings():
    keys = collect_name_keys([TOKENIZED])
    assert entity_key("CIFAR-10") in keys
    assert entity_key("Stable Diffusion 2.1") in keys
    assert entity_key("CIFAR-100") not in keys


def test_an_entity_is_hidden_when_its_name_or_an_alias_occurs():
    entities = [
        Entity("rewardbench", "RewardBench", EntityType.BENCHMARK),
        Entity("gpt-4o", "GPT-4 Omni", EntityType.MODEL, aliases=("GPT-4o",)),
        Entity("imagenet", "ImageNet", EntityType.DATASET),
    ]
    names = hide_names_in(entities, [SEED])
    assert [e.id for e in names.hidden] == ["rewardbench", "gpt-4o"]
    assert [e.id for e in names.kept] == ["imagenet"]


def test_the_bundled_gazetteer_loses_exactly_the_names_of_the_text():
    bundled = Gazetteer.bundled()
    names = hide_names_in(bundled.entities, [SEED])
    assert len(names.kept) + len(names.hidden) == len(bundled)
    kept = Gazetteer(names.kept)
    assert kept.lookup("GPT-4o") is None and kept.lookup("RewardBench") is None
    assert kept.lookup("ImageNet") is not None
    keys = collect_name_keys([SEED])
    for entity in names.kept:
        assert all(entity_key(s) not in keys for s in (entity.name, *entity.aliases))


def test_unseen_scores_with_an_extractor_blind_to_the_hidden_names(tmp_path):
    gold = write_gold(tmp_path / "gsap_ner_abstracts_dev.jsonl",
                      [("p1|text_unit_0", SEED, [("GPT-4o", "MLModel")])])
    built = []

    def build(kept):
        built.append(Extractor(Gazetteer(kept)))
        return built[-1]

    setup = UnseenSetup(Gazetteer.bundled().entities, build)
    report = setup.evaluate(gold)
    assert report.name == "gsap_ner_abstracts_dev.jsonl (--unseen)"
    assert built[0].gazetteer.lookup("GPT-4o") is None
    hidden = len(hide_names_in(Gazetteer.bundled().entities, [SEED]).hidden)
    assert f"unseen: {hidden} of {len(Gazetteer.bundled())} list entities hidden" in report.extraction
    assert report.documents == 1


def test_cli_eval_unseen_prints_the_unseen_table(tmp_path):
    gold = write_gold(tmp_path / "gsap_ner_abstracts_dev.jsonl",
                      [("p1|text_unit_0", SEED, [("GPT-4o", "MLModel")])])
    result = CliRunner().invoke(main, ["eval", "--unseen", str(gold)])
    assert result.exit_code == 0, result.output
    assert "gsap_ner_abstracts_dev.jsonl (--unseen): 1 documents" in result.output
    assert "list entities hidden" in result.output


def test_cli_eval_refuses_a_fold_out_of_range(tmp_path):
    gold = write_gold(tmp_path / "g.jsonl", [("p1|text_unit_0", SEED, [])])
    result = CliRunner().invoke(main, ["eval", "--folds", "0,7", str(gold)])
    assert result.exit_code == 2
    assert "--folds" in result.output and "0-4" in result.output
