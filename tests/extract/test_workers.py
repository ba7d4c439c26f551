"""Extraction in worker processes: the store ends up identical to a one-process ingest."""

from pathlib import Path

import pytest

from paperkg.graph.extract.workers import decode_extraction, encode_extraction
from paperkg.graph.extract import Extractor
from paperkg.graph.records import Paper
from paperkg.graph.store import Store

from seed_page import SEED
from store_dumps import dump, ingest_into, write_repeating_corpus


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_repeating_corpus(tmp_path)


def test_two_workers_store_what_one_process_stores(tmp_path, corpus):
    one = ingest_into(tmp_path / "one.db", [SEED, corpus], batch_size=4, workers=1)
    two = ingest_into(tmp_path / "two.db", [SEED, corpus], batch_size=4, workers=2)
    assert one == two
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    with Store(tmp_path / "two.db") as store:
        assert store.entities_by_origin("discovered"), "the seed page introduces names"


def test_reingest_with_workers_changes_nothing(tmp_path):
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=4, workers=2)
    before = dump(tmp_path / "kg.db")
    summary = ingest_into(tmp_path / "kg.db", [SEED], batch_size=4, workers=2)
    assert "0 new, 0 updated" in summary
    assert dump(tmp_path / "kg.db") == before


def test_plain_records_round_trip():
    extractor = Extractor.default()
    paper = Paper("p1", "RewardBench: evaluating reward models",
                  "We evaluate GPT-4 on ImageNet and reach 93% accuracy on CIFAR10.")
    (extraction,) = extractor.extract([paper])
    assert extraction.mentions and extraction.results
    assert decode_extraction(paper, encode_extraction(extraction)) == extraction
