"""Acronyms a paper expands as a technique of its own (graph/extract/rules/acronym_senses.py)."""

from __future__ import annotations

from paperkg.graph.extract.rules.acronym_senses import other_sense_papers
from paperkg.graph.extract.rules.evidence import paper_reading
from paperkg.graph.records import EntityType

# Corpus sentences that define FAR.
FAR = [
    ("m1", "Q-Margin consistently improves at low False Acceptance Rates (FAR), a capability critical for "
           "practical high-security deployments."),
    ("m2", "We report two complementary metrics: Miss Rate (MR) and False Alarm Rate (FAR), capturing failures "
           "to detect misbehavior and oversensitivity."),
    ("f1", "To investigate long-context video modeling, we introduce Frame AutoRegressive (FAR), a strong "
           "baseline for video autoregressive modeling."),
    ("f2", "For efficiency, Factorized Adaptive Rollout (FAR) improves sampling efficiency by forming more "
           "informative training groups."),
    ("u1", "Reducing the FAR remains the goal of the deployed system."),
]


def readings(sentences, name):
    return [(paper, sentence, *paper_reading(sentence, name)) for paper, sentence in sentences]


def test_papers_that_expand_a_metrics_acronym_as_a_technique_read_another_thing():
    assert other_sense_papers("FAR", EntityType.METRIC, readings(FAR, "FAR")) == {"f1", "f2"}


def test_without_a_typed_long_form_nothing_is_taken_for_another_thing():
    # no paper says what FAR measures: the capitalised long forms may be the metric's own
    assert other_sense_papers("FAR", EntityType.METRIC, readings(FAR[2:], "FAR")) == set()
    # and a method's acronym is left to the per-paper readings
    assert other_sense_papers("FAR", EntityType.METHOD, readings(FAR, "FAR")) == set()


def test_a_long_form_sharing_the_typed_ones_words_or_spoken_of_as_a_measure_is_the_same_thing():
    same = [("s1", "Results are reported as False Alarm Ratio (FAR) on the held-out split.")]
    measured = [("s2", "We propose a new metric, Frame Alignment Robustness (FAR), for video generation.")]
    assert other_sense_papers("FAR", EntityType.METRIC, readings(FAR[:2] + same + measured, "FAR")) == set()
