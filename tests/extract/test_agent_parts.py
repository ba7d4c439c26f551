"""Parts named as agents after "a"/"an" (`extract/rules/agent_parts.py`), on sentences of
arXiv abstracts of the corpus and the role gold's tuning halves."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.agent_parts import find_agent_parts
from paperkg.graph.records import Entity, EntityType, Role


def unknown(surface: str) -> Entity | None:
    return None


def agents(abstract: str, lookup=unknown) -> list[str]:
    """The names coined in an abstract (after a title, which the rule skips)."""
    found = find_agent_parts(f"A Title With A Memory Manager\n\n{abstract}", lookup)
    assert all(c.role is Role.INTRODUCES for c in found)
    return [c.name for c in found]


@pytest.mark.parametrize(("abstract", "names"), [
    # arXiv 2603.18718 (test3): parts of a memory system, named as agents.
    ("On the forward path, a Meta-Thinker produces structured guidance that steers a Memory "
     "Manager during construction and directs a Query Reasoner during iterative retrieval.",
     ["Memory Manager", "Query Reasoner"]),
    # arXiv 2603.21482 (test6): the article opens the sentence.
    ("A Scene-Aware Prompt Generator produces image-specific soft prompts.", ["Scene-Aware Prompt Generator"]),
    # arXiv 2505.11932: items of a list after a plain word and a comma are kept.
    ("QCompiler includes a Query Expression Translator, a Lexical Syntax Parser, and a Recursive "
     "Descent Processor to compile queries.",
     ["Query Expression Translator", "Lexical Syntax Parser", "Recursive Descent Processor"]),
])
def test_a_title_case_agent_after_an_indefinite_article_is_coined(abstract, names):
    assert agents(abstract) == names


@pytest.mark.parametrize("abstract", [
    "This study integrates a Temporal Fusion Transformer to predict travel patterns.",  # an architecture
    "We train a Convolutional Auto-Encoder on X-ray images.",
    "It aligns WSIs with a Concept Prior derived from the available WSIs.",  # no agent noun
    "We use a Hybrid Mamba-Transformer framework for video.",
    "We build tasks from a Kaggle Freelancer dataset of job postings.",  # the run modifies a kind
    "We propose PDIG, a Photovoltaic Defect Image Generator based on SD.",  # a name's description
    "We adopt the Memory Manager of prior work.",  # "the": an existing part
    "We use a Detector to find birds.",  # one plain word
])
def test_a_kind_a_description_or_an_existing_part_is_not_coined(abstract):
    assert agents(abstract) == []


def test_a_listed_name_is_not_coined():
    def lookup(surface: str) -> Entity | None:
        if surface == "Memory Manager":
            return Entity("memorymanager", "Memory Manager", EntityType.METHOD, origin="gazetteer")
        return None
    assert agents("Our system uses a Memory Manager for long contexts.", lookup) == []


def test_the_title_is_not_read():
    assert find_agent_parts("A Memory Manager for Agents\n\nWe study memory.", unknown) == []


def test_a_run_joined_by_a_connector_or_ending_in_a_process_noun_is_not_coined():
    assert agents("We train a Neural Network for Multiple NLP Tasks Transfer.") == []
    assert agents("We apply a Style Transfer to images.") == []
