"""Extraction in worker processes: the store ends up identical to a one-process ingest."""

import json
import sqlite3
from pathlib import Path

import pytest

from paperkg.graph.extract.workers import decode_extraction, encode_extraction
from paperkg.graph.extract import Extractor
from paperkg.graph.ingest import ingest_paths
from paperkg.graph.records import Paper
from paperkg.graph.store import Store

from extract_fixtures import seed_lines

SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"


def dump(path: Path) -> list[str]:
    """Every row of the database as SQL, in a stable order."""
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def ingest_into(path: Path, files: list[Path], **options) -> str:
    with Store(path) as store:
        return ingest_paths(files, store, progress=False, **options).summary()


@pytest.fixture
def corpus(tmp_path) -> Path:
    """arXiv JSON Lines from the seed page's lines, with a paper repeated and one changed
    in a later batch, so that batches in flight meet the same paper."""
    lines = seed_lines()
    records = [{"arxiv_id": f"2501.{i:05d}", "title": lines[i][:80], "abstract": lines[i + 1],
                "listing_date": "2025-01-02"} for i in range(0, len(lines) - 1, 2)]
    records += [records[1], dict(records[2], abstract=records[2]["abstract"] + " We use BERT.")]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


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
