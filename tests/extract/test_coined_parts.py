"""The parts and title names a paper coins (`extract/rules/coined_parts.py`),
on sentences and titles of arXiv abstracts of the corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.coined_parts import (
    find_enumerated_parts, find_title_name,
)
from paperkg.graph.records import EntityType


def unknown(surface: str):
    return None


def coined(text: str) -> list[str]:
    """The names the two readers coin in `text`."""
    found = [*find_enumerated_parts(text, unknown), *find_title_name(text, unknown)]
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


@pytest.mark.parametrize(("text", "name"), [
    # arXiv 2512.09730 (dev3): a plain word the title calls a library, which the abstract writes
    # capitalised as often as its package's lower-case name ("pip install interpreto").
    ("Interpreto: An Explainability Library for Transformers\n\nInterpreto is a Python library for "
     "post-hoc explainability. Interpreto supports both classification and generation models; "
     "install via pip install interpreto. Code: https://github.com/FOR-sight-ai/interpreto.", "Interpreto"),
    # arXiv 2604.08167 (dev3): a head whose first word is shaped like a name, called an adapter.
    ("T-Gated Adapter: A Lightweight Temporal Adapter for Vision-Language Medical Segmentation\n\n"
     "We propose a temporal adapter that injects adjacent-slice context.", "T-Gated Adapter"),
])
def test_a_title_head_the_title_calls_a_kind_of_thing_is_coined(text, name):
    assert coined(text) == [name]


@pytest.mark.parametrize("text", [
    # The abstract writes the head in lower case more often: a concept, not a name.
    "Convexity: A Unified Framework for Robust Optimization\n\nWe show that convexity helps, and "
    "that convexity of the loss is enough.",
    # The head's first word is named alone in the abstract: the title is about it.
    "RANSAC Revisited: An Improved Algorithm for Robust Subspace Recovery\n\nWe revisit RANSAC.",
    # No kind in apposition after the colon.
    "Interpreto: Explaining Transformers\n\nInterpreto explains models; pip install interpreto.",
    "Interpreto: A Survey of Transformers\n\nInterpreto explains models; pip install interpreto.",
])
def test_a_title_head_without_a_kind_or_used_as_a_word_is_not_coined(text):
    assert coined(text) == []
