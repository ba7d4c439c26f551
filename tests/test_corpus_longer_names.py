"""Names read inside a longer name (graph/corpus_longer_names.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_longer_names import inside_longer_name
from paperkg.graph.records import EntityType
from paperkg.graph.store import Store

from corpus_papers import listed_paper, papers_naming, sentence_paper

DATASET, BENCHMARK, MODEL = EntityType.DATASET, EntityType.BENCHMARK, EntityType.MODEL

# Sentences of the 75k corpus that write O*NET, the occupational database.
O_NET = [
    "We use the U.S. Department of Labor's O*NET database, to capture preferences.",
    "The weights come from the O*NET occupational database.",
    "We compare divergent ontologies (ESCO, O*NET, national taxonomies).",
]


def settle(tmp_path, papers) -> Store:
    store = Store(tmp_path / "longer.db")
    store.write_batch(papers)
    settle_corpus(store)
    return store


def test_a_name_glued_after_a_star_is_not_the_dataset(tmp_path):
    papers = [sentence_paper(f"p{i}", sentence, "NET", DATASET) for i, sentence in enumerate(O_NET)]
    store = settle(tmp_path, papers)
    with store:
        assert papers_naming(store, "NET") == set()


def test_a_listed_name_inside_a_capitalised_run_is_held_in_that_paper_only(tmp_path):
    papers = [
        listed_paper("registry", "ELM was deployed at the British Columbia Cancer Registry, as a pilot.",
                     "Columbia", "Columbia", BENCHMARK),
        listed_paper("listed", "We evaluate on three datasets: CiFAKE, JSSSTU, and Columbia.", "Columbia", "Columbia",
                     BENCHMARK),
    ]
    store = settle(tmp_path, papers)
    with store:
        assert papers_naming(store, "Columbia") == {"listed"}


def test_a_name_before_its_type_noun_or_its_own_words_stays(tmp_path):
    papers = [
        listed_paper("noun", "We train on the Large ImageNet Validation set and report accuracy.", "ImageNet",
                     "ImageNet", DATASET),
        listed_paper("own", "The Microsoft Swin Transformer backbone performed best.", "Swin", "Swin Transformer",
                     MODEL),
    ]
    store = settle(tmp_path, papers)
    with store:
        assert papers_naming(store, "ImageNet") == {"noun"}
        assert papers_naming(store, "Swin Transformer") == {"own"}


def test_where_a_mention_stands_inside_a_longer_name():
    assert inside_longer_name("NET", "abstract", "Labor's O*", " database")
    assert inside_longer_name("NET", "abstract", "from the O{*}", " occupational")
    assert inside_longer_name("Texas", "abstract", "poker in No-Limit ", " Hold'em poker.")
    assert inside_longer_name("Columbia", "abstract", "faculty at ", " University Irving Medical")
    # a list, a variant's prefix, a sentence's first word, a title, an article
    assert not inside_longer_name("XSum", "abstract", "accuracy on CNN/", " -- above")
    assert not inside_longer_name("MNIST", "abstract", "MNIST and fashion-", ", we")
    assert not inside_longer_name("Texas", "abstract", "results. Great ", " Hold'em")
    assert not inside_longer_name("CLIP", "title", "Robust ", " Generalization")
    assert not inside_longer_name("Llama", "abstract", "we fine-tune The ", " Guard model")
    assert not inside_longer_name("MOSE", "abstract", "PVUW Challenge ", " Track, securing")
