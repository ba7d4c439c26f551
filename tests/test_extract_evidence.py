"""Corpus-level evidence (graph/extract/rules/evidence.py), on sentences of the arXiv cs corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.evidence import (
    MODIFIER, UNTYPED_DEFINITION, decide_entity, is_junk_name, mention_evidence,
)
from paperkg.graph.records import EntityType

BENCHMARK, DATASET, METHOD = EntityType.BENCHMARK, EntityType.DATASET, EntityType.METHOD
MODEL, TASK = EntityType.MODEL, EntityType.TASK

RVOS_DEFINED = ("Referring Video Object Segmentation (RVOS) aims to segment target objects "
                "throughout a video based on a text description.")
LOS_DEFINED = ("Transient measurements, captured by the timeresolved systems, are widely employed in "
               "photon-efficient reconstruction tasks, including line-of-sight (LOS) and "
               "non-line-of-sight (NLOS) imaging.")
FRAMEVGGT = ("Motivated by this observation, we propose FrameVGGT, a frame-driven rolling explicit-memory "
             "framework that treats each frame's incremental KV contribution as a coherent evidence block.")
PIE_BENCH = ("Experimental results on the popular PIE-Bench and RW-800 benchmarks demonstrate the superior "
             "performance of our approach in preserving background and providing accurate edits.")
REMOTE_SENSING = ("Semantic segmentation of remote sensing images is challenging because of large "
                  "intra-class variance.")
OBJECT_DETECTION = "We evaluate on object detection tasks with strong baselines."


@pytest.mark.parametrize("name", [
    "Phase-1", "Stage 2", "stage II",            # ordinals: "In Phase-1, a large multimodal LLM ..."
    "20B-parameter", "64K-token", "7B",           # sizes: "our best 20B-parameter model"
    "5x5", "512x512",                             # dimensions: "instances (4x4, 5x5, 7x7)"
    "UAV-captured", "CNN-based", "U-shaped",      # adjectives: "three complex UAV-captured datasets"
])
def test_shapes_that_are_never_names_are_junk(name):
    assert is_junk_name(name)


@pytest.mark.parametrize("name", ["RewardBench", "GPT-4", "Qwen2.5-7B", "CIFAR-10", "ResNet-50",
                                  "Llama 3.1 8B Instruct", "PIE-Bench", "YOLOv8"])
def test_names_with_digits_are_not_junk(name):
    assert not is_junk_name(name)


def test_a_definition_votes_its_long_forms_type():
    assert mention_evidence(RVOS_DEFINED, "RVOS") is TASK


def test_a_lowercase_long_form_without_typed_head_is_a_term():
    assert mention_evidence(LOS_DEFINED, "LOS") == UNTYPED_DEFINITION


def test_an_apposition_votes_its_head_noun():
    assert mention_evidence(FRAMEVGGT, "FrameVGGT") is METHOD


def test_a_following_type_noun_votes():
    assert mention_evidence(PIE_BENCH, "PIE-Bench") is None  # "and" follows
    assert mention_evidence("We report results on the HD-EPIC benchmark.", "HD-EPIC") is BENCHMARK


def test_a_phrase_before_a_plain_noun_is_a_modifier():
    assert mention_evidence(REMOTE_SENSING, "remote sensing") == MODIFIER
    assert mention_evidence(OBJECT_DETECTION, "object detection") is None


def test_the_type_most_papers_support_wins():
    evidence = [("a", BENCHMARK), ("b", TASK), ("c", TASK), ("c", TASK)]
    decision = decide_entity("RVOS", BENCHMARK, evidence)
    assert decision.type is TASK and not decision.not_a_name


def test_one_paper_repeating_a_cue_does_not_outvote_two():
    evidence = [("a", MODEL)] * 5 + [("b", METHOD), ("c", METHOD)]
    assert decide_entity("MDM", MODEL, evidence).type is METHOD


def test_a_tie_keeps_the_current_type():
    assert decide_entity("CHAIR", BENCHMARK, [("a", BENCHMARK), ("b", EntityType.METRIC)]).type is BENCHMARK


def test_a_field_used_as_a_modifier_is_not_a_name():
    evidence = [(str(i), MODIFIER) for i in range(6)] + [("x", METHOD), ("y", None), ("z", None)]
    assert decide_entity("remote sensing", METHOD, evidence).not_a_name


def test_a_task_phrase_used_as_a_modifier_stays():
    evidence = [(str(i), MODIFIER) for i in range(6)]
    assert not decide_entity("object detection", TASK, evidence).not_a_name


def test_an_acronym_defined_only_as_a_term_is_not_a_name():
    evidence = [("a", UNTYPED_DEFINITION), ("b", UNTYPED_DEFINITION), ("c", DATASET)]
    assert decide_entity("LOS", DATASET, evidence).not_a_name
    assert not decide_entity("MDM", MODEL, evidence + [("d", MODEL), ("e", MODEL)]).not_a_name


@pytest.mark.parametrize("name", [
    "low-latency retrieval",        # "This enables low-latency retrieval, with ColmmBERT-base-TR ..."
    "high-performance detection",   # "... a single feature-level fusion unit to enable high-performance detection"
    "unanimous recognition",        # "... and received unanimous recognition from all 20+ expert judges."
    "systematic optimization",      # "... obscuring their individual impacts and hindering systematic optimization."
])
def test_a_phrase_led_by_a_grading_word_is_junk(name):
    assert is_junk_name(name)


@pytest.mark.parametrize("name", ["low-light image enhancement", "visual generation", "robust optimization",
                                  "Efficient Inference"])
def test_descriptive_phrases_and_title_names_are_not_junk(name):
    assert not is_junk_name(name)


def test_a_hyphenated_or_assessment_head_types_a_definition():
    title = "Nano Bio-Agents (NBA): Small Language Model Agents for Genomics"
    assert mention_evidence(title, "NBA") is MODEL
    biqa = ("In this work, we investigate how a model can acquire both human-like and self-consistent "
            "reasoning capability for blind image quality assessment (BIQA).")
    assert mention_evidence(biqa, "BIQA") is TASK
