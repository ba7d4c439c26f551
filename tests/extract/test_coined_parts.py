"""The parts, components and title names a paper coins (`extract/rules/coined_parts.py`),
on sentences and titles of arXiv abstracts of the corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.coined_parts import (
    _COMPONENT_HEAD, component_heads, find_component_names, find_enumerated_parts, find_title_name,
)
from paperkg.graph.records import EntityType
from sample_texts import random_texts, shape_texts


def unknown(surface: str):
    return None


def coined(text: str) -> list[str]:
    """The names the three readers coin in `text`."""
    found = [*find_enumerated_parts(text, unknown), *find_component_names(text, unknown),
             *find_title_name(text, unknown)]
    return [c.name for c in found]


def test_enumerated_parts_of_a_contribution_are_coined():
    text = ("Our method introduces three key innovations: (1) Instance-Guided Refinement that "
            "uses ground truth masks; (2) Influence Function Integration that captures the "
            "relationship between samples; and (3) Multi-Scale Boundary Enhancement that "
            "employs progressive refinement.")
    assert coined(text) == ["Instance-Guided Refinement", "Influence Function Integration",
                            "Multi-Scale Boundary Enhancement"]


def test_enumerated_items_drop_articles_and_skip_clauses():
    text = ("TMT consists of two key components: (1) An Adaptive Cluster-based Transferability "
            "Estimator (ACTE) that segments images. We present three key findings: (1) Existing "
            "LLM-as-a-Judge does not inherently exhibit it.")
    assert set(coined(text)) == {"Adaptive Cluster-based Transferability Estimator"}


def test_enumerated_items_outside_a_contribution_are_not_coined():
    text = ("Existing methods face two critical issues: (1) Inadequate Consideration of "
            "objectiveness, and (2) Insufficient Attention to constraints.")
    assert coined(text) == []


def test_a_title_head_the_shape_rules_miss_is_coined():
    text = "D-Convexity: A Unified Differentiable Convex Shape Prior\n\nConvexity is a prior."
    assert coined(text) == ["D-Convexity"]
    assert coined("Convexity: A Unified Prior\n\nConvexity is a prior.") == []


def test_a_title_that_is_a_dataset_name_is_coined():
    text = "IJmond Industrial Smoke Segmentation Dataset\n\nThis report describes a dataset."
    found = find_title_name(text, unknown)
    assert [(c.name, c.type) for c in found] == [
        ("IJmond Industrial Smoke Segmentation Dataset", EntityType.DATASET)]


@pytest.mark.parametrize("text, name", [
    ("Specifically, BrainCast integrates a Spatial Interaction Awareness module to capture it.",
     "Spatial Interaction Awareness"),
    ("The core innovation of HiT lies in its Bridge Module, which connects lightweight layers.",
     "Bridge Module"),
    ("Additionally, our Inter-Instance Relation Consistency module aligns the instance masks.",
     "Inter-Instance Relation Consistency"),
])
def test_a_capitalised_component_before_its_kind_is_coined(text, name):
    assert coined(text) == [name]


@pytest.mark.parametrize("text", [
    "During training, the RPN and RoI heads often disagree.",  # two names
    "It enables post-training pruning of highly sparse Global Attention layers.",  # no article
    "The collaboration between a Generative Hypothesis Agent and a Natural Mechanism Agent.",
    "This study leverages an Inertial Measurement Unit (IMU) dataset.",  # a device
])
def test_other_capitalised_phrases_before_a_kind_are_not_coined(text):
    assert coined(text) == []


@pytest.mark.parametrize("title, abstract, name", [
    ("OrthoAI v2: An Orthodontic Assistant", "We present it.", "OrthoAI v2"),
    ("Memex(RL): Scaling Memory for Agents", "We present it.", "Memex(RL)"),
    ("Ramsa: A Large Corpus of Emirati Speech", "The first release of Ramsa is described.", "Ramsa"),
])
def test_a_title_head_that_is_a_name_is_coined(title, abstract, name):
    assert coined(f"{title}\n\n{abstract}") == [name]


@pytest.mark.parametrize("title, abstract", [
    ("Hidden Clones: A Study of Code Reuse", "We study clones in code."),  # a phrase, not reused
    ("Convexity: A Unified Prior", "Convexity is a prior; convexity helps."),  # a word
    ("EgoVIS@CVPR: What Changed and What Could Have Changed?", "We study changes."),  # a venue tag
])
def test_a_title_head_that_is_no_name_is_not_coined(title, abstract):
    assert coined(f"{title}\n\n{abstract}") == []


def test_a_component_in_the_title_is_read_in_the_title_alone():
    text = ("Enhancing BiGRU with a KAN Block for Legal Document Classification\n\n"
            "We propose a model for legal documents.")
    assert coined(text) == []


HEAD_PIECES = [" ", "  ", "a", "A", "Its", "Module", "module", "modules", "Heads", "head", "-", ",",
               "\n", "Bridge", "Layer", "LayerNorm", "x", "É", "é", "_", "(", "Loss", "strategy", "ⓐ"]


def plain_component_heads(text: str) -> list[tuple[int, int]]:
    """The reference: every kind's noun, kept after a word that starts with a capital."""
    return [head.span() for head in _COMPONENT_HEAD.finditer(text)
            if text[text.rfind(" ", 0, head.start()) + 1 : head.start()][:1].isupper()]


@pytest.mark.parametrize("texts", [shape_texts(), random_texts(20000, HEAD_PIECES, 10, seed=5)],
                         ids=["seed lines and edge cases", "random"])
def test_component_heads_are_those_of_the_plain_scan(texts):
    for text in texts:
        assert [head.span() for head in component_heads(text)] == plain_component_heads(text), text
