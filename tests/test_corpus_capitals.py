"""Gazetteer words capitalised by their place (graph/corpus_capitals.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_capitals import capitalised_by_place
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

BENCHMARK = EntityType.BENCHMARK

# Titles and sentences of the 75k corpus that capitalise "Tourism" by their place, and one that
# names it as data in a list (a domain of a list, "(Healthcare, Legal, Tourism, and General)", is
# the word: graph/corpus_listed_words.py).
TOURISM_TITLES = [
    "Adapting Small Language Models to Low-Resource Domains: A Case Study in Hindi Tourism QA",
    "Agentic Framework for Balancing Recommendations in Tourism",
]
TOURISM_OPENING = ("Tourism and travel planning increasingly rely on digital assistance, yet existing multimodal "
                   "AI systems often lack specialized knowledge.")
TOURISM_LISTED = "Forecasts improve on the M4, Tourism, and Electricity datasets."
# Papers that write the word in lowercase.
TOURISM_LOWERCASE = [
    "We study how tourism recommender systems adapt to seasonal demand.",
    "Sustainable tourism requires models of visitor flows.",
    "A dataset of hotel reviews supports research on tourism and hospitality.",
]
# A sentence that names the United Nations, not the Nations benchmark.
UNITED_NATIONS = "In 2012, the United Nations introduced 17 Sustainable Development Goals."


def listed(pid: str, text: str, name: str, title: bool = False) -> PaperExtraction:
    """A paper whose title or abstract is `text`, naming the gazetteer benchmark `name` in it."""
    start = text.index(name)
    field = "title" if title else "abstract"
    mention = Mention(pid, field, start, start + len(name), name, text, BENCHMARK, entity_id(name), 0.95,
                      "kg_gazetteer")
    paper = Paper(pid, text, "An abstract.") if title else Paper(pid, f"Paper {pid}", text)
    return PaperExtraction(paper, (mention,), (Entity(entity_id(name), name, BENCHMARK, origin="gazetteer"),))


def unnamed(pid: str, sentence: str) -> PaperExtraction:
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (), ())


def papers_naming(store: Store, name: str) -> set[str]:
    with store:
        return {mention.paper_id for batch in store.iter_mentions() for mention in batch
                if mention.entity_id == entity_id(name)}


def settle(tmp_path, papers: list[PaperExtraction]) -> Store:
    store = Store(tmp_path / "capitals.db")
    store.write_batch(papers)
    settle_corpus(store)
    return store


def test_a_common_word_a_title_or_an_opening_capitalises_is_not_the_benchmark(tmp_path):
    papers = [listed(f"t{i}", title, "Tourism", title=True) for i, title in enumerate(TOURISM_TITLES)]
    papers += [listed("s0", TOURISM_OPENING, "Tourism"), listed("l0", TOURISM_LISTED, "Tourism")]
    store = settle(tmp_path, papers + [unnamed(f"w{i}", s) for i, s in enumerate(TOURISM_LOWERCASE)])
    assert papers_naming(store, "Tourism") == {"l0"}


def test_a_word_the_corpus_never_writes_in_lowercase_stays(tmp_path):
    papers = [listed(f"t{i}", title, "Tourism", title=True) for i, title in enumerate(TOURISM_TITLES)]
    store = settle(tmp_path, papers + [unnamed("w0", TOURISM_LOWERCASE[0])])
    assert papers_naming(store, "Tourism") == {"t0", "t1"}


def test_the_last_word_of_a_longer_name_is_not_the_benchmark(tmp_path):
    lowercase = ["Their survey covers 40 nations.", "Many nations regulate AI.", "Data from 12 nations."]
    papers = [listed("u0", UNITED_NATIONS, "Nations"), listed("l0", "Results on the Kinship and Nations "
                                                                        "benchmarks improve.", "Nations")]
    store = settle(tmp_path, papers + [unnamed(f"w{i}", s) for i, s in enumerate(lowercase)])
    assert papers_naming(store, "Nations") == {"l0"}


def test_a_data_noun_after_the_word_or_a_list_before_it_keeps_it():
    assert not capitalised_by_place("title", "he ", " Dataset for Sign Recognition")
    assert not capitalised_by_place("abstract", "on the ETTh1, ", " and Electricity datasets")
    assert not capitalised_by_place("abstract", "ts. Highway ", " Flow is forecast")  # the sentence's opener
    assert not capitalised_by_place("abstract", "ks. ", " and BIRD established execution-accuracy protocols")
    assert capitalised_by_place("abstract", "In 2012, the United ", " introduced")
    assert capitalised_by_place("abstract", "", " sign recognition is vital")
