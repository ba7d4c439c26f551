"""Ingest the same input two ways and compare the stores: helpers of the tests that check
that extraction elsewhere (worker processes, a Dask cluster) stores what one process does."""

import json
import sqlite3
from pathlib import Path

from paperkg.graph.ingest import ingest_paths
from paperkg.graph.store import Store
from paperkg.graph.store_schema import sentence_sql

from seed_page import seed_lines


def dump(path: Path) -> list[str]:
    """Every row of the database as SQL, in a stable order."""
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def ingest_into(path: Path, files: list[Path], **options) -> str:
    """Ingest `files` into the database at `path`; the summary line."""
    with Store(path) as store:
        return ingest_paths(files, store, progress=False, **options).summary()


def write_repeating_corpus(folder: Path) -> Path:
    """arXiv JSON Lines from the seed page's lines, with a paper repeated and one changed
    in a later batch, so that batches in flight meet the same paper."""
    lines = seed_lines()
    records = [{"arxiv_id": f"2501.{i:05d}", "title": lines[i][:80], "abstract": lines[i + 1],
                "listing_date": "2025-01-02"} for i in range(0, len(lines) - 1, 2)]
    records += [records[1], dict(records[2], abstract=records[2]["abstract"] + " We use BERT.")]
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def keep_sentences_as_text(db: sqlite3.Connection) -> None:
    """Turn a store's mention rows back into the form of schema 9 and before: each row
    with its sentence's text, no span (a column added at the end: the migration finds
    columns by name)."""
    for table in ("mentions", "held_mentions"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN sentence TEXT NOT NULL DEFAULT ''")
        db.execute(f"UPDATE {table} SET sentence = {sentence_sql(table)}")
        for column in ("sentence_start", "sentence_end"):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
