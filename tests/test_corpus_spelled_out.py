"""Acronyms their papers spell out as methods or tasks (graph/corpus_spelled_out.py), on corpus sentences."""

from __future__ import annotations

from corpus_papers import acronym_paper

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_spelled_out import agreed_type, spelled_out
from paperkg.graph.records import EntityType, entity_id
from paperkg.graph.store import Store

# Sentences in the shape of the 75k corpus's SSL papers: the long form in the text, and "SSL
# models", which made the acronym a model.
SSL_SPELLED_OUT = [
    ["Semi-supervised learning (SSL) leverages unlabeled data.", "SSL models reach strong accuracy."],
    ["We revisit semi-supervised learning (SSL) for medical images.", "We compare two SSL models."],
    ["Existing semi-supervised learning (SSL) methods assume balanced classes.", "Our SSL model does not."],
]


def stored_type(store: Store, name: str) -> EntityType | None:
    entity = store.get_entities([entity_id(name)]).get(entity_id(name))
    return entity.type if entity else None


def test_an_acronym_its_papers_spell_out_as_a_method_is_a_method(tmp_path):
    store = Store(tmp_path / "spelled.db")
    store.write_batch([acronym_paper(f"s{i}", sentences, "SSL") for i, sentences in enumerate(SSL_SPELLED_OUT)])
    with store:
        settle_corpus(store)
        assert stored_type(store, "SSL") is EntityType.METHOD
        settle_corpus(store)  # a second step decides the same
        assert stored_type(store, "SSL") is EntityType.METHOD


def test_two_papers_spelling_it_out_are_not_enough(tmp_path):
    store = Store(tmp_path / "spelled.db")
    store.write_batch([acronym_paper(f"s{i}", sentences, "SSL") for i, sentences in enumerate(SSL_SPELLED_OUT[:2])]
                      + [acronym_paper("m", ["Our SSL model is small.", "SSL models are fast."], "SSL")])
    with store:
        settle_corpus(store)
        assert stored_type(store, "SSL") is not EntityType.METHOD


def test_long_forms_are_read_before_the_bracket():
    assert spelled_out("We revisit semi-supervised learning (SSL) for images.", "SSL") == "semi-supervised learning"
    assert spelled_out("Fake Image Detection and Localization (FIDL) is fragmented.", "FIDL") == (
        "Fake Image Detection and Localization")
    assert spelled_out("We use SSL models.", "SSL") is None
    assert agreed_type(["semi-supervised learning"] * 3) is EntityType.METHOD
    assert agreed_type(["semi-supervised learning"] * 2) is None  # too few papers spell it out
    assert agreed_type(["semi-supervised learning", "semi-supervised learning", "Small Speech Language Model"]) is None
