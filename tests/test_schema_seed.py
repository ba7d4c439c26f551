"""The hand-made seed graph used by the schema and API tests quotes the seed page."""

from seed_graph import (
    SENTENCE_BREAK, ENTITIES, PAPERS, SEED_PAGE, build_seed_graph, seed_extractions, seed_paper,
)


def test_hand_made_mentions_quote_their_field():
    for extraction in seed_extractions():
        for mention in extraction.mentions:
            assert mention.text == extraction.paper.field_text(mention.field)[mention.start:mention.end]
            assert mention.text in mention.sentence


def test_seed_abstracts_are_sentences_of_the_seed_page():
    page = SEED_PAGE.read_text(encoding="utf-8")
    for key in PAPERS:
        paper = seed_paper(key)
        assert paper.title in page
        for sentence in SENTENCE_BREAK.split(paper.abstract):
            assert sentence in page, (key, sentence)


def test_seed_graph_holds_every_paper_and_mentioned_entity(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    assert kg.count_papers() == len(PAPERS)
    assert kg.entity("stablediffusion2.1").aliases == ("Stable-Diffusion-2.1",)
    assert kg.count_entities() == len(ENTITIES)
