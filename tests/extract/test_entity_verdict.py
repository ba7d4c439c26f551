"""The corpus's verdict on one entity (graph/extract/rules/entity_verdict.py)."""

from __future__ import annotations

from paperkg.graph.extract.rules.entity_verdict import decide_entity
from paperkg.graph.extract.rules.evidence import definition_evidence
from paperkg.graph.extract.rules.junk_shapes import is_manner_phrase
from paperkg.graph.records import EntityType


def test_a_value_after_a_metric_is_no_name():
    assert decide_entity("ROUGE-L 0.429", EntityType.METRIC, [("p1", None)]).not_a_name
    assert decide_entity("PSNR 35.49", EntityType.METRIC, [("p1", None)]).not_a_name
    assert decide_entity("accuracy 93%", EntityType.METRIC, [("p1", None)]).not_a_name


def test_a_model_version_is_no_value():
    assert not decide_entity("Gemini 2.5", EntityType.MODEL, [("p1", EntityType.MODEL)]).not_a_name
    assert not decide_entity("Grok 4.20", EntityType.MODEL, [("p1", EntityType.MODEL)]).not_a_name
    assert not decide_entity("ROUGE-L", EntityType.METRIC, [("p1", None)]).not_a_name
    assert not decide_entity("BLEU 2", EntityType.METRIC, [("p1", None)]).not_a_name  # a variant
    assert not decide_entity("IoU 0.3", EntityType.METRIC, [("p1", None)]).not_a_name  # a threshold


def test_an_able_adjective_names_a_kind_of_process_not_a_manner():
    assert not is_manner_phrase("controllable generation")
    assert not is_manner_phrase("promptable segmentation")
    assert is_manner_phrase("iterative optimization")
    assert decide_entity("controllable generation", EntityType.TASK, [("p1", None)], defining_papers=0).type is EntityType.TASK
    assert decide_entity("adaptive pruning", EntityType.METHOD, [("p1", None)], defining_papers=0).not_a_name


def test_a_technique_a_paper_proposes_under_a_task_head_is_a_method():
    proposed = "To address these limitations, we propose the Generation-Enhanced Alignment (GEA) from a generative perspective."
    assert definition_evidence(proposed, "GEA") == (True, EntityType.METHOD)
    new_task = "We introduce Multi-Image Grounding (MIG), a new task that requires locating objects across images."
    assert definition_evidence(new_task, "MIG") == (True, EntityType.TASK)


def test_a_listed_family_version_is_a_model_whatever_its_type():
    assert decide_entity("YOLO26", EntityType.METHOD, [("p1", EntityType.METHOD)] * 2).type is EntityType.MODEL
    assert decide_entity("Ovis2.5-2B", EntityType.METRIC, [("p1", None)]).type is EntityType.MODEL
