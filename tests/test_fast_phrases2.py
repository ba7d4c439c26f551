"""The second speed round's shortcuts in `kg_phrases` give what the plain code gave.

`PhraseRules.run` reads each candidate's type once and compares it by identity; a known
lower-case TASK or METHOD is still extended over its domain modifier, and no other type is.
"""

import re

from paperkg.graph.extract.candidates import Candidate
from paperkg.graph.extract.components import DocState
from paperkg.graph.extract.rules.term_phrases import (
    PhraseRules, _extend_over, _is_domain_word, _is_metric_modifier, extend_known,
)
from paperkg.graph.records import EntityType

TEXT = "We study financial sentiment analysis with online knowledge distillation on legal bert."


def run_on(kind: EntityType, name: str) -> list[tuple[str, str | None]]:
    start = TEXT.index(name)
    state = DocState(TEXT, None)
    state.candidates.append(Candidate(start, start + len(name), name, kind, 0.9, "kg_gazetteer"))
    PhraseRules().run(state)
    return [(c.name, c.variant_of) for c in state.candidates[1:] if c.component == "kg_phrases"]


def test_known_task_and_method_are_extended() -> None:
    assert ("financial sentiment analysis", "sentiment analysis") in run_on(EntityType.TASK, "sentiment analysis")
    assert ("online knowledge distillation", "knowledge distillation") in run_on(
        EntityType.METHOD, "knowledge distillation")


def test_other_types_are_not_extended() -> None:
    for kind in (EntityType.MODEL, EntityType.DATASET, EntityType.BENCHMARK):
        assert all(variant != "sentiment analysis" for _, variant in run_on(kind, "sentiment analysis"))
        assert all(variant != "bert" for _, variant in run_on(kind, "bert"))


def test_extend_known_tests_written_out_match_the_predicates() -> None:
    """`extend_known`'s shortcut spells out `_is_domain_word` and `_is_metric_modifier`."""
    text = "English sentiment analysis, micro precision, MACRO recall, low-resource parsing, x y z"
    for start in (m.start() for m in re.finditer(r"\S+", text)):
        assert extend_known(text, start) == _extend_over(text, start, _is_domain_word), start
        assert extend_known(text, start, True) == _extend_over(text, start, _is_metric_modifier), start
    assert extend_known(text, text.index("sentiment")) == 0
    assert extend_known(text, text.index("precision"), True) == text.index("micro")


def test_new_candidates_fill_the_fields_they_name() -> None:
    """`PhraseRules.run` builds candidates positionally: variant_of set, the rest defaults."""
    state = DocState("We improve abusive speech detection with 3D CNNs.", None)
    start = state.text.index("CNNs")
    state.candidates.append(Candidate(start, start + 4, "CNN", EntityType.METHOD, 0.9, "kg_gazetteer"))
    PhraseRules().run(state)
    made = {c.name: c for c in state.candidates if c.component == "kg_phrases"}
    assert made["abusive speech detection"].variant_of is None  # no lexicon: no parent
    assert made["abusive speech detection"].type is EntityType.TASK
    for candidate in made.values():
        assert (candidate.entity, candidate.role, candidate.aliases) == (None, None, ())
    assert made["3D CNNs"].variant_of == "CNN"
