"""A database written by an older paperkg is upgraded in place, with nothing lost."""

from __future__ import annotations

import sqlite3

from seed_graph import seed_extractions

from paperkg.graph.store import Store
from paperkg.graph.store_schema import SCHEMA_VERSION


def make_version_1_database(path) -> int:
    """A store as paperkg wrote it at schema version 1; returns how many mentions it holds."""
    store = Store(path)
    store.write_batch(seed_extractions())
    store.close()
    db = sqlite3.connect(path)
    for table, column in (("mentions", "phrase_start"), ("mentions", "phrase_end"),
                          ("results", "metric_id")):
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("PRAGMA user_version = 1")
    count = db.execute("SELECT count(*) FROM mentions").fetchone()[0]
    db.commit()
    db.close()
    return count


def test_version_1_database_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    mentions = make_version_1_database(path)
    store = Store(path)
    version = store._db.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    papers = [e.paper.id for e in seed_extractions()]
    found = store.mentions_of_papers(papers)
    assert sum(len(v) for v in found.values()) == mentions
    # Rows written before the upgrade have no phrase: it is the name's own span.
    mention = next(iter(found.values()))[0]
    assert mention.phrase == (mention.start, mention.end)
    assert all(r.metric_id is None for r in store.iter_results())


def test_upgraded_database_takes_new_rows(tmp_path):
    path = tmp_path / "old.db"
    make_version_1_database(path)
    store = Store(path)
    report = store.write_batch(seed_extractions(), force=True)
    assert report.updated == len(seed_extractions())
