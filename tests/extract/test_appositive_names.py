"""Coined names an apposition describes (`extract/rules/appositive_names.py`), on sentences of
arXiv abstracts of the corpus and the role gold's tuning halves."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.appositive_names import find_appositive_names
from paperkg.graph.extract.rules.context_names import find_context_names
from paperkg.graph.records import Entity, EntityType, Paper, Role


def unknown(surface: str) -> Entity | None:
    return None


def described(abstract: str, lookup=unknown) -> list[tuple[str, str]]:
    """The names coined in an abstract (after a title), with their types."""
    text = f"A Title\n\n{abstract}"
    found = find_appositive_names(text, find_context_names(text), lookup)
    assert all(c.role is Role.INTRODUCES and text[c.start:c.end] == c.name for c in found)
    return [(c.name, c.type.value) for c in found]


@pytest.mark.parametrize(("abstract", "names"), [
    # arXiv 2602.11295 (test8): "describes", joined to "This paper formalizes".
    ("This paper formalizes decision-valued maps and describes DecisionDB, an infrastructure that "
     "logs, replays and audits these relationships.", [("DecisionDB", "METHOD")]),
    # arXiv 2505.17561 (test5): past the long form in parentheses, after "is".
    ("We propose ANSE. At its core is BANSA (Bayesian Active Noise Selection via Attention), an "
     "acquisition function that measures entropy disagreement.", [("BANSA", "METHOD")]),
    # arXiv 2605.03242: "study" said of the paper's own.
    ("We introduce ROME. We further study ARISE (Analogical Reasoning for Inference-time Safety "
     "Enhancement), a retrieval-guided inference-time enhancement that retrieves trajectories.",
     [("ARISE", "METHOD")]),
    # arXiv 2503.21268: the apposition's noun types the name.
    ("To address the insufficiency of climbing motion datasets, we collect AscendMotion, a "
     "large-scale well-annotated, and challenging climbing motion dataset.", [("AscendMotion", "DATASET")]),
])
def test_a_coined_word_an_apposition_describes_is_introduced(abstract, names):
    assert described(abstract) == names


@pytest.mark.parametrize("abstract", [
    # arXiv 2503.23519, 2505.09039, 2503.20417: others' work, after a preposition or a verb of comparison.
    "Our framework is built upon SAMTH, a strong teacher-student baseline featuring a head.",
    "Our results show that ACPO outperforms FactAlign, a strong supervised alignment baseline.",
    "We study jokes collected from Tieba-JokeBar, a Chinese online platform known for joke sharing.",
    # Before the abstract speaks of its own work.
    "Wikipedia is powered by MediaWiki, a free and open-source software. We study its forks.",
    # No apposition.
    "We propose DecisionDB for auditing decisions.",
])
def test_others_work_or_a_word_with_no_apposition_is_not_introduced(abstract):
    assert described(abstract) == []


def test_a_listed_name_is_not_introduced():
    def lookup(surface: str) -> Entity | None:
        if surface == "DecisionDB":
            return Entity("decisiondb", "DecisionDB", EntityType.METHOD, origin="gazetteer")
        return None
    assert described("This paper describes DecisionDB, an infrastructure that logs maps.", lookup) == []


def test_only_the_first_use_is_read():
    abstract = ("We study DecisionDB. This paper then describes DecisionDB, an infrastructure that "
                "logs maps.")
    assert described(abstract) == []


def test_the_extractor_introduces_a_described_name():
    paper = Paper(id="2602.11295", title="Decision-valued maps",
                  abstract="This paper formalizes decision-valued maps and describes DecisionDB, an "
                           "infrastructure that logs, replays and audits these relationships.")
    extraction = next(iter(Extractor.default().extract([paper])))
    assert {m.text: m.role for m in extraction.mentions}.get("DecisionDB") is Role.INTRODUCES
