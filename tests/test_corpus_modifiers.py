"""Names written as a likeness (graph/corpus_modifiers.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_modifiers import written_as_likeness
from paperkg.graph.records import EntityType, PaperExtraction
from paperkg.graph.store import Store

from corpus_papers import papers_naming, sentence_paper

MODEL = EntityType.MODEL

# Sentences of the 75k corpus that name the MMDiT architecture, and one that writes a likeness of it.
MMDIT_NAMED = [
    "We build on the MMDiT backbone of Stable Diffusion 3 and fine-tune it on edit pairs.",
    "Our method distills the MMDiT transformer into a four-step generator.",
    "Experiments with the MMDiT model show consistent gains in prompt following.",
]
MMDIT_LIKENESS = "The module integrates effectively with MMDiT-style architectures such as Stable Diffusion 3.5 Turbo."


def paper(pid: str, sentence: str, name: str) -> PaperExtraction:
    return sentence_paper(pid, sentence, name, MODEL)


def test_a_paper_writing_a_likeness_of_a_model_leaves_it(tmp_path):
    papers = [paper(f"n{i}", s, "MMDiT") for i, s in enumerate(MMDIT_NAMED)]
    papers.append(paper("style", MMDIT_LIKENESS, "MMDiT"))
    store = Store(tmp_path / "modifiers.db")
    store.write_batch(papers)
    with store:
        settle_corpus(store)
        assert papers_naming(store, "MMDiT") == {"n0", "n1", "n2"}
        settle_corpus(store)  # a second step pulls the held paper back and holds it again
        assert papers_naming(store, "MMDiT") == {"n0", "n1", "n2"}


def test_likeness_suffixes_are_whole_words():
    assert written_as_likeness("-style architectures")
    assert written_as_likeness("-like, but")
    assert written_as_likeness("-Inspired dynamics")
    assert not written_as_likeness("-likelihood ratio")
    assert not written_as_likeness("-L model")
    assert not written_as_likeness(None)
