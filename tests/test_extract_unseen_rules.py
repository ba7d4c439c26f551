"""Rules for names no list knows (issue 10), on sentences of arXiv abstracts in the corpus.

Each test hides the sentence's listed names first, as `paperkg eval --unseen` does, so
what is checked is the rule, not the gazetteer.
"""

from __future__ import annotations

from paperkg.graph.evaluation.unseen import hide_names_in
from paperkg.graph.extract import Extractor
from paperkg.graph.extract.names.gazetteer import Gazetteer
from paperkg.graph.extract.rules.name_spans import name_spans
from paperkg.graph.extract.rules.context_names import _coordinated
from paperkg.graph.records import EntityType


def unseen_types(text: str) -> dict[str, EntityType]:
    """The types found in `text` by an extractor blind to every listed name in it."""
    kept = hide_names_in(Gazetteer.bundled().entities, [text]).kept
    return {m.text: m.type for m in Extractor(Gazetteer(kept)).extract_text(text)}


def test_an_introduced_name_takes_the_type_of_its_head_noun():
    # arXiv 2025-03 corpus abstract.
    text = ("Furthermore, we introduce the UF7D dataset, a curated collection of high-resolution "
            "underwater images spanning seven distinct waterbody styles.")
    assert unseen_types(text)["UF7D"] is EntityType.DATASET


def test_a_net_name_pretrained_on_is_a_dataset():
    # arXiv 2025-04 corpus abstract.
    text = ("Additionally, we propose an efficient pre-training strategy that enhances "
            "performance even without ImageNet pre-training.")
    assert unseen_types(text)["ImageNet"] is EntityType.DATASET


def test_a_list_goes_on_past_the_scores_in_parentheses():
    # arXiv 2025-03 corpus abstract: the three names are one list, typed together.
    text = ("Our solution achieves the highest accuracy, significantly outperforming "
            "Azure (91%), AWS (83%), and GPT-4o (79%).")
    groups = [[text[s:e] for s, e, _ in g] for g in _coordinated(text, name_spans(text))]
    assert ["Azure", "AWS", "GPT-4o"] in groups
