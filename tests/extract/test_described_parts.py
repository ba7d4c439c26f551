"""Parts named after "a"/"an" with a clause that says what they do
(`extract/rules/described_parts.py`), on sentences of arXiv abstracts of the corpus and the
role gold's tuning halves."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.described_parts import find_described_parts
from paperkg.graph.records import Entity, EntityType, Paper, Role


def unknown(surface: str) -> Entity | None:
    return None


def described(abstract: str, lookup=unknown) -> list[str]:
    """The names coined in an abstract (after a title, which the rule skips)."""
    text = f"A Title With A Prompt Enhancer That Works\n\n{abstract}"
    found = find_described_parts(text, lookup)
    assert all(c.role is Role.INTRODUCES and text[c.start:c.end] == c.name for c in found)
    return [c.name for c in found]


@pytest.mark.parametrize(("abstract", "names"), [
    # arXiv 2603.21696 (dev2): a part noun between the run and the clause.
    ("MIND introduces a Strategic Appraisal phase that infers opponent willingness (w) from "
     "linguistic nuances.", ["Strategic Appraisal"]),
    # arXiv 2605.25347: lower-case modifiers after the article.
    ("To make the model easier to use, we equip it with a lightweight Prompt Enhancer that "
     "expands concise user intents into structured visual descriptions.", ["Prompt Enhancer"]),
    # arXiv 2602.03548: a lower-case piece inside the run, the second item of a list.
    ("SEAD decouples user modeling into two components: a Profile Controller that generates "
     "diverse user states, and a User Role-play Model that focuses on realistic role-playing.",
     ["Profile Controller", "User Role-play Model"]),
    # arXiv 2512.21984 (test4): one hyphenated name-shaped word before a part noun.
    ("The backbone uses a C2f-Pro module that combines re-parameterized convolution with "
     "efficient multi-scale attention.", ["C2f-Pro"]),
    # arXiv 2504.21692: an adverb before the verb.
    ("Its core component is a Reference Frame Memory Engine that dynamically selects frames.",
     ["Reference Frame Memory Engine"]),
])
def test_a_title_case_run_a_clause_describes_is_coined(abstract, names):
    assert described(abstract) == names


@pytest.mark.parametrize("abstract", [
    # arXiv 2503.18665 (test4) and an STPNet-like case: the description of a name just given.
    "We propose Similar, a Step-wise Multi-dimensional Generalist Reward Model, which offers signals.",
    "We propose STPNet, a Scale-aware Text Prompt Network that leverages vision-language models.",
    # arXiv 2505.07775: "as a", a role taken, not a part made.
    "We review three perspectives: (3) AI as a Persuasion Judge, which explores evaluation.",
    # arXiv 2505.01802: a lower-case piece ends the one word.
    "Precisely, we introduce a NN-mechanism that divides the longer sequence of inputs.",
    "We adopt the Memory Manager that stores facts.",  # "the": an existing part
    "We use a Detector that finds birds.",  # one plain word
    "We use a Vision Transformer to encode images.",  # no clause that describes it
    "We build a Hybrid Mamba-Transformer framework that scales.",  # a kind the run modifies
])
def test_a_description_a_role_or_an_existing_part_is_not_coined(abstract):
    assert described(abstract) == []


def test_a_listed_name_is_not_coined():
    def lookup(surface: str) -> Entity | None:
        if surface == "Vision Transformer":
            return Entity("visiontransformer", "Vision Transformer", EntityType.MODEL, origin="gazetteer")
        return None
    assert described("Our system uses a Vision Transformer that encodes patches.", lookup) == []


def test_the_title_is_not_read():
    assert find_described_parts("A Memory Manager That Stores Facts\n\nWe study memory.", unknown) == []


def test_the_extractor_introduces_a_described_part():
    paper = Paper(id="2603.21696", title="MIND: Negotiation Agents",
                  abstract="We propose MIND, a negotiation agent. MIND introduces a Strategic Appraisal "
                           "phase that infers opponent willingness from linguistic nuances.")
    extraction = next(iter(Extractor.default().extract([paper])))
    roles = {m.text: m.role for m in extraction.mentions}
    assert roles.get("Strategic Appraisal") is Role.INTRODUCES
