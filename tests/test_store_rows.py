"""Bulk writes (graph/store_rows.py) and deferred indexes: the rows a store ends with are
the rows paper-by-paper writes leave, and no index goes missing."""

import sqlite3
from pathlib import Path

from paperkg.graph.store import Store
from paperkg.graph.store_schema import DEFERRED_INDEXES

from seed_page import SEED
from store_dumps import ingest_into

TABLES = ("papers", "entities", "aliases", "mentions", "results", "held_mentions")


def rows_of(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as db:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def indexes_of(path: Path) -> list[tuple[str, str]]:
    """(table, index) in the order SQLite made them: its planner's order among equals."""
    with sqlite3.connect(path) as db:
        return db.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' "
                          "ORDER BY rowid").fetchall()


def test_a_new_batch_stores_the_rows_a_paper_at_a_time_stores(tmp_path):
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1, defer_indexes=True)  # in bulk
    bulk = rows_of(tmp_path / "kg.db")
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1, reextract=True)  # one by one
    assert rows_of(tmp_path / "kg.db") == bulk
    assert bulk["mentions"] and bulk["entities"] and bulk["results"]


def test_an_ingest_into_a_new_store_ends_with_its_indexes_in_their_order(tmp_path):
    Store(tmp_path / "empty.db").close()
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1, defer_indexes=True)
    by_table = lambda path, table: [n for t, n in indexes_of(path) if t == table]  # noqa: E731
    for table in ("papers", "entities", "aliases", "mentions", "results"):
        assert by_table(tmp_path / "kg.db", table) == by_table(tmp_path / "empty.db", table)


def test_indexes_an_ingest_killed_halfway_left_out_are_made_on_open(tmp_path):
    Store(tmp_path / "empty.db").close()
    Store(tmp_path / "kg.db").close()
    with sqlite3.connect(tmp_path / "kg.db") as db:  # as `Store.deferred_indexes` leaves them
        for name in (*DEFERRED_INDEXES, "mentions_discovered"):
            db.execute(f"DROP INDEX {name}")
    Store(tmp_path / "kg.db").close()
    assert sorted(indexes_of(tmp_path / "kg.db")) == sorted(indexes_of(tmp_path / "empty.db"))
