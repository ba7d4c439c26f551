"""The definition tests of `extract/rules/coined_acronyms.py`; in whole abstracts, see test_contributions.py."""

import pytest

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.coined_acronyms import (
    heads_its_phrase, is_coined_acronym, is_title_case, names_a_new_kind,
)
from paperkg.graph.records import EntityType


@pytest.mark.parametrize(("phrase", "title_case"), [
    ("Semantic Fusion Block", True),
    # arXiv 2603.14952: Title Case leaves its prepositions in lower case.
    ("Unified Pansharpening Model with Thin Cloud Removal", True),
    ("verifiable process supervision", False),
    ("Unified pansharpening model", False),
])
def test_title_case_words_start_with_a_capital_but_prepositions(phrase, title_case):
    assert is_title_case(phrase) is title_case


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(("text", "long", "new_kind"), [
    # arXiv 2504.19706: "novel", the long form, its short form, a kind of thing.
    ("we propose a novel energy-entropy learning (EEL) strategy that", "energy-entropy learning", True),
    # Without "novel" or "new", as often a field.
    ("our biological reservoir computing (BRC) system", "biological reservoir computing", False),
    # arXiv 2503.19295: a name after the kind; the acronym is the task.
    ("a novel no-reference image quality assessment (NR-IQA) method, SFD-IQA, improves",
     "no-reference image quality assessment", False),
])
def test_a_new_kind_is_novel_long_form_short_form_and_kind(text, long, new_kind):
    assert names_a_new_kind(text, *_span(text, long)) is new_kind


@pytest.mark.parametrize(("text", "long", "heads"), [
    ("we propose verifiable process supervision (VPS), a post-training framework",
     "verifiable process supervision", True),
    ("a tensor ring (TR) decomposition method", "tensor ring", False),
])
def test_a_short_form_that_closes_its_noun_phrase(text, long, heads):
    assert heads_its_phrase(text, _span(text, long)[1]) is heads


def _definition(text: str, long: str, short: str) -> Candidate:
    start, end = _span(text, f"{long} ({short})")
    return Candidate(start, end, long, EntityType.METHOD, 0.9, "kg_abbreviations", aliases=(long, short))


@pytest.mark.parametrize(("text", "long", "short", "coined"), [
    ("the model enhances the segmentation through a Semantic Fusion Block (SFB).", "Semantic Fusion Block",
     "SFB", True),
    ("unlike a Markov Random Field (MRF), it is fast.", "Markov Random Field", "MRF", False),
    ("Recent work on Code World Models (CWMs) shows gains.", "Code World Models", "CWMs", False),
    ("two models based on Temporal Fusion Networks (TFN) are compared.", "Temporal Fusion Networks",
     "TFN", False),
])
def test_a_title_case_component_definition_is_a_coinage(text, long, short, coined):
    assert is_coined_acronym(text, _definition(text, long, short)) is coined
