"""Names that titles capitalise (graph/corpus_titles.py), on corpus titles and sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_titles import lowered_words
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

BENCHMARK = EntityType.BENCHMARK

# Titles of the 75k corpus that name mobile GUI agents, a class of agents, and one sentence
# that types them by the noun after them.
TITLES = [
    "Hidden Ghost Hand: Unveiling Backdoor Vulnerabilities in MLLM-Powered Mobile GUI Agents",
    "UI-Genie: A Self-Improving Approach for Iteratively Boosting MLLM-based Mobile GUI Agents",
    "OS-Sentinel: Towards Safety-Enhanced Mobile GUI Agents via Hybrid Validation in Realistic Workflows",
]
TYPED = "Our agent achieves state-of-the-art performance across three standard Mobile GUI Agents benchmarks."
# Abstracts that write the words in lowercase.
LOWERCASE = [
    "We study how mobile GUI agents plan actions on smartphones.",
    "Existing mobile GUI agents fail on long tasks.",
    "A benchmark for mobile GUI agents in Chinese apps.",
]
NAMED = "Results on the Mobile GUI Agents benchmark improve by five points."
INTRODUCED = "We introduce Mobile GUI Agents, a framework of cooperating agents for phone use."


def named(pid: str, text: str, title: bool) -> PaperExtraction:
    """A paper naming the discovered benchmark "Mobile GUI Agents" in its title or abstract."""
    name = "Mobile GUI Agents"
    start = text.index(name)
    field = "title" if title else "abstract"
    mention = Mention(pid, field, start, start + len(name), name, text, BENCHMARK, entity_id(name), 0.8, "kg_shapes")
    paper = Paper(pid, text, "An abstract.") if title else Paper(pid, f"Paper {pid}", text)
    return PaperExtraction(paper, (mention,), (Entity(entity_id(name), name, BENCHMARK, origin="discovered"),))


def entity_after_step(tmp_path, papers: list[PaperExtraction]) -> bool:
    lowercase = [PaperExtraction(Paper(f"l{i}", f"Paper l{i}", s), (), ()) for i, s in enumerate(LOWERCASE)]
    store = Store(tmp_path / "titles.db")
    store.write_batch(papers + lowercase)
    with store:
        settle_corpus(store)
        return entity_id("Mobile GUI Agents") in store.get_entities([entity_id("Mobile GUI Agents")])


def test_a_class_that_titles_capitalise_is_not_a_name(tmp_path):
    papers = [named(f"t{i}", title, title=True) for i, title in enumerate(TITLES)] + [named("a", TYPED, False)]
    assert not entity_after_step(tmp_path, papers)


def test_a_paper_that_introduces_the_name_keeps_it(tmp_path):
    papers = [named(f"t{i}", title, title=True) for i, title in enumerate(TITLES)] + [named("a", INTRODUCED, False)]
    assert entity_after_step(tmp_path, papers)


def test_names_written_in_abstracts_are_not_read(tmp_path):
    papers = [named("t0", TITLES[0], title=True)] + [named(f"a{i}", NAMED, False) for i in range(3)]
    assert entity_after_step(tmp_path, papers)


def test_capitalised_words_are_lowered_and_acronyms_kept():
    assert lowered_words("Mobile GUI-Agents") == ["mobile", "GUI", "agents"]
    assert lowered_words("Medical VQA") == ["medical", "VQA"]
    assert lowered_words("VQA") is None  # no capitalised word
    assert lowered_words("MultiUAV Plat") is None  # not a word of either shape
