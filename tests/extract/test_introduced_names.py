"""The name tests of `extract/rules/introduced_names.py`; in whole abstracts, see test_contributions.py."""

import pytest

from paperkg.graph.extract.rules.introduced_names import is_proper_name


@pytest.mark.parametrize(("name", "proper"), [
    ("MUSE", True), ("DC-Solver", True), ("3D", False), ("machine unlearning", False), ("AI", False),
])
def test_proper_names_have_a_capital_or_digit_and_are_no_stop_words(name, proper):
    assert is_proper_name(name) is proper

