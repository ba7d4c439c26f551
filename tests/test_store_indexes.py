"""graph/store_indexes.py: a bulk load builds the indexes the corpus step reads before it and
the others after it, and every table ends with its indexes in the order a new store has them."""

import sqlite3
from pathlib import Path

from paperkg.graph.corpus import STEP_INDEXES
from paperkg.graph.ingest import ingest_paths
from paperkg.graph.store import Store

from seed_page import SEED
from store_dumps import dump, ingest_into, write_repeating_corpus


def indexes_of(path: Path, table: str) -> list[str]:
    """The table's indexes in the order SQLite made them: its planner's order among equals."""
    with sqlite3.connect(path) as db:
        return [name for name, in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                             "AND tbl_name = ? ORDER BY rowid", (table,))]


TABLES = ("papers", "entities", "aliases", "mentions", "results", "held_mentions")


def test_an_index_is_built_with_those_made_before_it_on_its_table_and_the_rest_wait(tmp_path):
    Store(tmp_path / "empty.db").close()
    with Store(tmp_path / "kg.db") as store:
        with store.deferred_indexes() as build_now:
            assert "mentions_by_entity" not in indexes_of(tmp_path / "kg.db", "mentions")
            assert "mentions_edges" not in indexes_of(tmp_path / "kg.db", "mentions")  # built when a batch rewrites
            build_now(["mentions_reading"])
            during = {table: indexes_of(tmp_path / "kg.db", table) for table in TABLES}
    # made with the two made before it; mentions_edges, made after them, is dropped till the end
    assert [n for n in during["mentions"] if not n.startswith("sqlite_")] == [
        "mentions_by_entity", "mentions_unmarked", "mentions_reading"]
    assert "papers_by_date" not in during["papers"] and "entities_by_type" not in during["entities"]
    for table in TABLES:
        assert indexes_of(tmp_path / "kg.db", table) == indexes_of(tmp_path / "empty.db", table), table


def test_the_corpus_step_finds_the_indexes_it_reads(tmp_path):
    Store(tmp_path / "empty.db").close()
    with Store(tmp_path / "kg.db") as store:
        with store.deferred_indexes() as build_now:
            build_now(STEP_INDEXES)
            with sqlite3.connect(tmp_path / "kg.db") as db:
                standing = {name for name, in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert set(STEP_INDEXES) <= standing
    assert {"mentions_edges", "mentions_discovered", "papers_by_date"}.isdisjoint(standing)


def test_a_store_with_papers_defers_nothing(tmp_path):
    Store(tmp_path / "empty.db").close()
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1)
    with Store(tmp_path / "kg.db") as store:
        with store.deferred_indexes() as build_now:
            build_now(STEP_INDEXES)
            for table in TABLES:
                assert indexes_of(tmp_path / "kg.db", table) == indexes_of(tmp_path / "empty.db", table), table


class IndexWatchingStore(Store):
    """A store that notes, as each batch is written, which of the corpus step's indexes stand."""

    def __init__(self, path):
        super().__init__(path)
        self.standing_at_writes: list[set[str]] = []

    def write_batch(self, extractions, *args, **kwargs):
        tables = ("mentions", "entities", "aliases")
        self.standing_at_writes.append({name for table in tables for name in indexes_of(self.path, table)})
        return super().write_batch(extractions, *args, **kwargs)


def test_a_bulk_ingest_with_workers_builds_the_step_indexes_while_its_last_batches_are_extracted(tmp_path):
    Store(tmp_path / "empty.db").close()
    corpus = write_repeating_corpus(tmp_path)
    with IndexWatchingStore(tmp_path / "kg.db") as store:
        ingest_paths([SEED, corpus], store, batch_size=4, workers=2, defer_indexes=True, progress=False)
    # built once every batch was read, before the batches still in flight were written
    assert set(STEP_INDEXES) <= store.standing_at_writes[-1]
    assert len(store.standing_at_writes) > 1
    # in one process they are built once every batch is written
    ingest_into(tmp_path / "one.db", [SEED, corpus], batch_size=4, workers=1, defer_indexes=True)
    assert dump(tmp_path / "kg.db") == dump(tmp_path / "one.db")
    for table in TABLES:
        assert indexes_of(tmp_path / "kg.db", table) == indexes_of(tmp_path / "empty.db", table), table


class RewriteWatchingStore(Store):
    """A store that notes the mentions' indexes standing as it rewrites a paper it holds."""

    def __init__(self, path):
        super().__init__(path)
        self.standing_at_rewrites: list[list[str]] = []

    def _write_extraction(self, extraction, fingerprint, replace, *args, **kwargs):
        if replace:
            self.standing_at_rewrites.append(indexes_of(self.path, "mentions"))
        return super()._write_extraction(extraction, fingerprint, replace, *args, **kwargs)


def test_a_bulk_load_rewriting_a_paper_it_stored_first_builds_the_index_of_mentions_by_paper(tmp_path):
    corpus = write_repeating_corpus(tmp_path)  # a paper changed in a later batch
    with RewriteWatchingStore(tmp_path / "kg.db") as store:
        report = ingest_paths([corpus], store, batch_size=4, workers=1, defer_indexes=True, progress=False)
    assert report.written.updated == 1
    assert [[n for n in standing if not n.startswith("sqlite_")] for standing in store.standing_at_rewrites] == [
        ["mentions_by_entity", "mentions_unmarked", "mentions_reading", "mentions_edges"]]
    ingest_into(tmp_path / "plain.db", [corpus], batch_size=4, workers=1, defer_indexes=False)
    assert sorted(dump(tmp_path / "kg.db")) == sorted(dump(tmp_path / "plain.db"))
    for table in TABLES:
        assert indexes_of(tmp_path / "kg.db", table) == indexes_of(tmp_path / "plain.db", table), table
