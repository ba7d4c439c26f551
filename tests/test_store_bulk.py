"""graph/store_bulk.py: a bulk load's last commits reach the database file while its last
indexes are built, on another thread, not at each commit."""

import shutil
import sqlite3

from paperkg.graph.corpus import STEP_INDEXES
from paperkg.graph.store import Store

from seed_page import SEED
from store_dumps import ingest_into


def setting_in_file_alone(tmp_path, key: str) -> str | None:
    """The setting as the database file holds it without its write-ahead log (a copy of the
    file alone): what a checkpoint has moved into it."""
    shutil.copy(tmp_path / "kg.db", tmp_path / "alone.db")
    with sqlite3.connect(tmp_path / "alone.db") as db:
        row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def autocheckpoint(store: Store) -> int:
    return store._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]


def test_commits_after_the_step_indexes_are_checkpointed_beside_the_last_indexes(tmp_path):
    Store(tmp_path / "kg.db").close()  # its schema in the file (the last close checkpoints)
    with Store(tmp_path / "kg.db") as store:
        store.tune_for_bulk_writes(checkpoint_mb=64)
        with store.deferred_indexes() as build_now:
            build_now(STEP_INDEXES)  # while the last batches are extracted: they keep SQLite's checkpoints
            assert autocheckpoint(store) == 64 * 1024 * 1024 // 4096
            build_now(STEP_INDEXES, last=True)  # after the batches, before the corpus step
            assert autocheckpoint(store) == 0  # the step's commit leaves its pages in the log
            store.set_setting("step", "done")
            assert setting_in_file_alone(tmp_path, "step") is None
        assert setting_in_file_alone(tmp_path, "step") == "done"
        assert autocheckpoint(store) == 64 * 1024 * 1024 // 4096
        assert store.setting("step") == "done"


def test_a_store_with_papers_keeps_checkpointing_at_commits(tmp_path):
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1)
    with Store(tmp_path / "kg.db") as store:
        store.tune_for_bulk_writes(checkpoint_mb=64)
        with store.deferred_indexes() as build_now:
            build_now(STEP_INDEXES, last=True)
            assert autocheckpoint(store) == 64 * 1024 * 1024 // 4096
