"""Benchmarks their own papers introduce as datasets (graph/corpus_introductions.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_introductions import apposition_type, introduced_types
from paperkg.graph.records import EntityType, PaperExtraction, Role, entity_id
from paperkg.graph.store import Store

from corpus_papers import sentence_paper

BENCHMARK, DATASET = EntityType.BENCHMARK, EntityType.DATASET

# Sentences of the 75k corpus: the paper that introduces ImgEdit, and papers that evaluate on it.
IMGEDIT_INTRODUCED = ("To overcome these limitations, we introduce ImgEdit, a large-scale, high-quality "
                      "image-editing dataset comprising 1.2 million carefully curated edit pairs.")
IMGEDIT_USED = [
    "UniLIP also achieves a score of 3.62 on the ImgEdit Benchmark, surpassing recent models.",
    "Our model achieves competitive performance on the ImgEdit and GEdit-Bench benchmarks.",
    "The framework achieves state-of-the-art results on the ImgEdit and GEdit-Bench benchmarks.",
]


def paper(pid: str, sentence: str, name: str, role: Role = Role.EVALUATES_ON) -> PaperExtraction:
    return sentence_paper(pid, sentence, name, BENCHMARK, role)


def stored_type(store: Store, name: str) -> EntityType | None:
    entity = store.get_entities([entity_id(name)]).get(entity_id(name))
    return entity.type if entity else None


def test_a_benchmark_its_paper_introduces_as_a_dataset_is_a_dataset(tmp_path):
    papers = [paper("intro", IMGEDIT_INTRODUCED, "ImgEdit", Role.INTRODUCES)]
    papers += [paper(f"u{i}", s, "ImgEdit") for i, s in enumerate(IMGEDIT_USED)]
    store = Store(tmp_path / "introductions.db")
    store.write_batch(papers)
    with store:
        settle_corpus(store)
        assert stored_type(store, "ImgEdit") is DATASET
        settle_corpus(store)  # a second step decides the same
        assert stored_type(store, "ImgEdit") is DATASET


def test_a_benchmark_without_a_data_introduction_stays(tmp_path):
    papers = [paper(f"u{i}", s, "ImgEdit") for i, s in enumerate(IMGEDIT_USED)]
    store = Store(tmp_path / "introductions.db")
    store.write_batch(papers)
    with store:
        settle_corpus(store)
        assert stored_type(store, "ImgEdit") is not DATASET


def test_apposition_heads_are_read_to_the_end_of_the_noun_phrase():
    assert apposition_type(", a large-scale, high-quality image-editing dataset comprising 1.2 million") is DATASET
    assert apposition_type(" (Robust evaluation of AI-generated image Detectors), a dataset of 72k examples") is DATASET
    assert apposition_type(", a comprehensive benchmark designed to evaluate reasoning") is BENCHMARK
    assert apposition_type(", a benchmark dataset of 500 questions") is None  # two types: nothing decided
    assert apposition_type(", a dataset and benchmark for retrieval") is None
    assert apposition_type(", a retrieval-augmented framework designed for detection") is None
    assert apposition_type(" benchmark results") is None


def test_an_introduction_as_a_benchmark_keeps_the_type_open():
    rows = [("INTRODUCES", ", a parallel dataset of emotion vocabulary"),
            ("INTRODUCES", " benchmark to evaluate LMMs' ability to inject knowledge")]
    assert introduced_types(rows) == {DATASET, BENCHMARK}
    assert introduced_types([("MENTIONS", None), ("EVALUATES_ON", " benchmark.")]) == set()
