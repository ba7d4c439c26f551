"""graph/extract/pipeline.py: the Extractor end to end on the seed page (discovery across batches,
entities, variants, results), and what importing it pulls in.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import paperkg.graph.extract as extract_package
from paperkg.graph.extract import Extractor, Gazetteer, read_gazetteer
from paperkg.graph.records import Entity, EntityType, Paper, Role, entity_id
from seed_page import seed_papers

TSV = """name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of
CIFAR-10\tDATASET\tCIFAR10
DINOv2\tMODEL\t\tQ117250953\tfacebook/dinov2-base\t2304.07193\t
Stable Diffusion\tMODEL\tSD
machine unlearning\tTASK
GPT-4\tMODEL
accuracy\tMETRIC
FID\tMETRIC
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "names.tsv"
    path.write_text(TSV, encoding="utf-8")
    return Gazetteer(read_gazetteer(path))


@pytest.fixture(scope="module")
def seed(gazetteer):
    return {x.paper.title.split(":")[0]: x for x in Extractor(gazetteer).extract(seed_papers())}


def check_invariants(extraction):
    paper = extraction.paper
    ids = {e.id for e in extraction.entities}
    for m in extraction.mentions:
        assert paper.field_text(m.field)[m.start : m.end] == m.text, m
        assert m.sentence and m.text in m.sentence
        assert m.entity_id in ids and 0 <= m.confidence <= 1 and m.component.startswith("kg_")
    for e in extraction.entities:
        assert e.variant_of is None or e.variant_of in ids, e


def names(extraction, entity_type=None):
    return {m.text for m in extraction.mentions if entity_type in (None, m.type)}


def test_seed_page_has_seventeen_papers():
    assert len(seed_papers()) == 17


def test_every_seed_mention_keeps_the_offset_invariant(seed):
    for extraction in seed.values():
        check_invariants(extraction)


def test_seed_page_names_come_out(seed):
    flame = seed["Foundational Autoraters"]
    assert "RewardBench" in names(flame, EntityType.BENCHMARK)
    assert "FLAMe-RM-24B" in names(flame, EntityType.MODEL)
    blindspots = seed["Uncovering Conceptual Blindspots in Generative Image Models Using Sparse Autoencoders"]
    assert "DINOv2" in names(blindspots, EntityType.MODEL)
    assert "CIFAR10" in names(seed["Scaling MLPs"], EntityType.DATASET)
    assert "MUSE" in names(seed["MUSE"], EntityType.BENCHMARK)
    assert "CleanCLIP" in names(seed["Effective Backdoor Mitigation in Vision-Language Models Depends on the Pre-training Objective"])
    assert "TabPFN" in names(seed["When Do Neural Nets Outperform Boosted Trees on Tabular Data?"])
    assert {"DC-Solver"} <= names(seed["DC-Solver"], EntityType.METHOD)
    assert "UCB1-FLAD" in names(seed["Improving Few-Shot Generalization by Exploring and Exploiting Auxiliary Data"])


def test_muse_and_restor_share_machine_unlearning(seed):
    for title in ("MUSE", "RESTOR"):
        tasks = {m.entity_id for m in seed[title].mentions if m.type is EntityType.TASK}
        assert entity_id("machine unlearning") in tasks


def test_blindspots_and_dc_solver_share_stable_diffusion_2_1(seed):
    target = entity_id("Stable Diffusion 2.1")
    blindspots = seed["Uncovering Conceptual Blindspots in Generative Image Models Using Sparse Autoencoders"]
    for extraction in (blindspots, seed["DC-Solver"]):
        assert target in {m.entity_id for m in extraction.mentions}
        entity = next(e for e in extraction.entities if e.id == target)
        assert entity.name == "Stable Diffusion 2.1" and entity.variant_of == entity_id("Stable Diffusion")


def test_flame_variant_chain_is_emitted(seed):
    entities = {e.id: e for e in seed["Foundational Autoraters"].entities}
    assert entities["flamerm24b"].variant_of == "flamerm"
    assert entities["flamerm"].variant_of == "flame"
    assert "flame" in entities


def test_titles_introduce_their_names(seed):
    for title, name in (("MUSE", "MUSE"), ("DC-Solver", "DC-Solver"), ("RESTOR", "RESTOR")):
        roles = {m.role for m in seed[title].mentions if m.text == name and m.field == "title"}
        assert roles == {Role.INTRODUCES}


def test_abbreviation_entity_has_both_forms_as_aliases(seed):
    entities = {e.id: e for e in seed["DC-Solver"].entities}
    regression = entities[entity_id("cascade polynomial regression")]
    assert "CPR" in regression.aliases and regression.origin == "discovered"


def test_gazetteer_entities_keep_their_external_ids(seed):
    blindspots = seed["Uncovering Conceptual Blindspots in Generative Image Models Using Sparse Autoencoders"]
    dino = next(e for e in blindspots.entities if e.id == "dinov2")
    assert ("hf", "facebook/dinov2-base") in dino.external_ids


def test_reported_numbers_become_results(seed):
    results = {(r.entity_id, r.metric, r.value) for r in seed["DC-Solver"].results}
    assert ("ffhq", "FID", 10.38) in results
    flame = {(r.entity_id, r.metric, r.value, r.model_id) for r in seed["Foundational Autoraters"].results}
    assert ("rewardbench", "accuracy", 87.8, "flamerm24b") in flame
    scaling = {(r.entity_id, r.value, r.unit) for r in seed["Scaling MLPs"].results}
    assert ("cifar10", 93.0, "%") in scaling
    for extraction in seed.values():
        for r in extraction.results:
            assert r.sentence and 0 <= r.start < r.end <= len(extraction.paper.field_text(r.field))


def test_a_name_introduced_once_is_found_in_every_abstract(gazetteer):
    papers = [
        Paper("a", "A", "We introduce ZetaBench, a new benchmark for reasoning."),
        Paper("b", "B", "Our model scores well and ZetaBench shows it."),
    ]
    extractor = Extractor(gazetteer)
    by_id = {x.paper.id: x for x in extractor.extract(papers)}
    (mention,) = [m for m in by_id["b"].mentions if m.text == "ZetaBench"]
    assert mention.type is EntityType.BENCHMARK and mention.component == "kg_discovered"
    assert mention.confidence < 0.9
    assert any(e.name == "ZetaBench" for e in extractor.discovered)


def test_previously_discovered_entities_can_be_passed_in(gazetteer):
    known = Entity(entity_id("ZetaBench"), "ZetaBench", EntityType.BENCHMARK, origin="discovered")
    extractor = Extractor(gazetteer, discovered=[known], discover=False)
    (mention,) = extractor.extract_text("Scores on ZetaBench are reported.", "d1")
    assert (mention.paper_id, mention.field, mention.entity_id) == ("d1", "text", "zetabench")


def test_papers_run_step_by_step_together_come_out_as_each_run_alone(monkeypatch):
    # `_run` takes a few texts through each step together; one text at a time is the
    # plain order, and the order must change nothing (7 together: the 17 seed papers
    # make three runs, the last one short).
    from paperkg.graph.extract import pipeline

    papers = seed_papers()
    extractor = Extractor.default()
    prepared = extractor.prepare_batch(papers)
    extractor.add_discovered(prepared.found)
    monkeypatch.setattr(pipeline, "_STEPS_TOGETHER", 7)
    together = extractor.extract_prepared(prepared)
    monkeypatch.setattr(pipeline, "_STEPS_TOGETHER", 1)
    alone = extractor.extract_prepared(prepared)
    assert len(together) == len(papers) and sum(len(x.mentions) for x in together) > 100
    for one, other in zip(together, alone):
        assert (one.mentions, one.entities, one.results) == (other.mentions, other.entities, other.results)


def test_default_extractor_runs_on_the_seed_page():
    extractor = Extractor.default()
    assert [p for p in extractor.nlp.pipe_names if not p.startswith("kg_")] == []
    extractions = list(extractor.extract(seed_papers(), batch_size=5))
    assert len(extractions) == 17
    for extraction in extractions:
        check_invariants(extraction)
    flame = next(x for x in extractions if x.paper.title.startswith("Foundational"))
    assert "RewardBench" in names(flame, EntityType.BENCHMARK)


def test_empty_and_odd_texts_do_not_crash(gazetteer):
    extractor = Extractor(gazetteer)
    for text in ("", " ", "((()))", "A:", "\n\n", "x" * 5000, "GPT-4/"):
        for m in extractor.extract_text(text):
            assert text[m.start : m.end] == m.text
    (extraction,) = extractor.extract([Paper("e", "", "")])
    assert extraction.mentions == ()


def test_importing_the_pipeline_pulls_in_no_training_or_evaluation():
    # A fresh interpreter: this one has imported everything the other tests needed.
    probe = ("import sys, paperkg.graph.extract.pipeline\n"
             "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('paperkg.'))))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert "paperkg.graph.extract.pipeline" in loaded
    assert [m for m in loaded if m.startswith(("paperkg.graph.training", "paperkg.graph.evaluation"))] == []


# What each part of extract/ may import of extract/: text handling nothing else, rules text,
# names rules and text; the pipeline on top (extract/*.py) any of them.
LAYERS = {"text": {"text"}, "rules": {"text", "rules"}, "names": {"text", "rules", "names"}}


def test_extract_subpackages_import_only_the_layers_below_them():
    root = Path(extract_package.__file__).parent
    for layer, allowed in LAYERS.items():
        for path in (root / layer).glob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("paperkg.graph.extract"):
                    parts = node.module.split(".")
                    assert len(parts) > 3 and parts[3] in allowed, f"{path.name}: from {node.module}"
