"""The name tests of `extract/rules/introduced_names.py`; in whole abstracts, see test_contributions.py."""

import pytest

from paperkg.graph.extract.rules.introduced_names import is_proper_name, is_title_case


@pytest.mark.parametrize(("name", "proper"), [
    ("MUSE", True), ("DC-Solver", True), ("3D", False), ("machine unlearning", False), ("AI", False),
])
def test_proper_names_have_a_capital_or_digit_and_are_no_stop_words(name, proper):
    assert is_proper_name(name) is proper


@pytest.mark.parametrize(("phrase", "title_case"), [
    ("Semantic Fusion Block", True),
    # arXiv 2603.14952: Title Case leaves its prepositions in lower case.
    ("Unified Pansharpening Model with Thin Cloud Removal", True),
    ("verifiable process supervision", False),
    ("Unified pansharpening model", False),
])
def test_title_case_words_start_with_a_capital_but_prepositions(phrase, title_case):
    assert is_title_case(phrase) is title_case
