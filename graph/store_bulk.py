"""Bulk loads into the store: a larger page cache, and indexes built once after the batches.

The part of `Store` (graph/store.py) an ingest calls around its batches (graph/ingest.py:
every ingest tunes the connection, a bulk input into an empty store defers indexes), a
mixin over the connection of `store_base.StoreBase`; what is deferred, and in which order
it is built, is `store_indexes.DeferredIndexes`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .store_base import StoreBase
from .store_indexes import DeferredIndexes


class StoreBulk(StoreBase):
    """The bulk-load settings of `Store`: deferred indexes and the connection's cache."""

    @contextmanager
    def deferred_indexes(self, progress: bool = False, first: Iterable[str] = ()
                         ) -> Iterator[Callable[..., None]]:
        """Into a store without papers, write the block's batches without the indexes only
        readers and the corpus step use (`store_indexes.DeferredIndexes`), built once, in the
        store's order, when the block ends, raised or not (with a progress bar on stderr when
        `progress`: 4 s at 75,000 papers).

        Yields `build_now(names, last=False)`, which builds these of them at once, for work inside the
        block that reads them (the corpus step, `corpus.STEP_INDEXES`); the others are then
        dropped until the block ends. Into a store with papers, nothing is deferred and
        `build_now` does nothing. `first` are built before any other: with `mentions_edges`
        when a batch rewrites a paper an earlier one stored (`DeferredIndexes.build_for_rewrites`).

        `build_now(names, last=True)` says that only the corpus step writes before the block
        ends: its commit (some 49,000 pages at 75,000 papers) then leaves its pages in the
        write-ahead log, and checkpoints on another thread move them into the database while
        the block's last indexes are built (`_checkpoint_beside`). Checkpointed at once by
        SQLite, they took 0.35-0.55 s of the ingest's one-core end on top of writing them, and
        the close another 0.2 s for the last indexes' pages. The batches' commits keep
        SQLite's checkpoints, which run while the workers extract.
        """
        with self._lock:
            empty = self._db.execute("SELECT NOT EXISTS (SELECT 1 FROM papers)").fetchone()[0]
            indexes = self._deferred = DeferredIndexes(self._db, first) if empty else None

        every = []  # this connection's checkpoint interval, once `build_now` set it aside

        def build_now(names: Iterable[str], last: bool = False) -> None:
            if indexes is not None:
                with self._lock:
                    indexes.build(names, progress)
                    if last and not every:
                        every.append(self._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
                        self._db.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            yield build_now
        finally:
            self._deferred = None
            if indexes is not None:
                with self._lock, _checkpoint_beside(self.path):
                    indexes.build(None, progress)
                with self._lock:
                    for pages in every:
                        self._db.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")

    def tune_for_bulk_writes(self, cache_mb: int = 256, checkpoint_mb: int = 64) -> None:
        """Let this connection keep `cache_mb` of pages in memory and move its write-ahead
        log into the database every `checkpoint_mb` (SQLite's defaults: 2 MB and 4 MB).

        A bulk ingest inserts into indexes spread over the whole file: with a small cache
        each batch reads most of their pages again, and with frequent checkpoints each
        batch's pages are copied and synced again. Durability is unchanged: a commit is in
        the log whatever its size (WAL with synchronous=NORMAL survives a killed process).
        """
        with self._lock:
            self._db.execute(f"PRAGMA cache_size = {-1024 * int(cache_mb)}")
            self._db.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint_mb) * 1024 * 1024 // 4096}")


@contextmanager
def _checkpoint_beside(path: str | Path, every_s: float = 0.02) -> Iterator[None]:
    """Move the committed pages of the write-ahead log into the database on another thread
    and connection while the block runs, again every `every_s` as the block commits more;
    stop at the block's end.

    A passive checkpoint runs beside a writer (https://sqlite.org/c3ref/wal_checkpoint_v2.html) and
    Python's sqlite3 lets go of the GIL while SQLite works, so the block's index builds and the
    copies overlap; the store's close then has only the last index's pages to move. A
    checkpoint that cannot run (a busy or a memory store) leaves the log to the next one:
    SQLite's own, at the latest when the last connection closes."""
    done = threading.Event()

    def checkpoint() -> None:
        try:
            db = sqlite3.connect(str(path), isolation_level=None)
            try:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                while not done.wait(every_s):
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            finally:
                db.close()  # not the last connection: it leaves the log to the store's
        except sqlite3.Error:
            pass

    thread = threading.Thread(target=checkpoint, name="paperkg-checkpoint", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
