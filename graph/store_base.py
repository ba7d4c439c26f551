"""The connection every part of `Store` shares: query helpers, paging and transactions.

`Store` (graph/store.py) is composed of a mixin a noun (writes, papers, entities,
mentions); each reads and writes through the helpers here, under the one lock, so that
none holds SQL plumbing of its own. The attributes below are set by `Store.__init__`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Entity
    from .store import Store
    from .store_indexes import DeferredIndexes


class StoreBase:
    """The connection state and helpers the mixins of `Store` share."""

    path: Path
    _db: sqlite3.Connection
    _lock: threading.RLock
    _written: dict[str, Entity]
    _origins: dict[str, str]
    _deferred: DeferredIndexes | None
    _data_version: int | None

    def _pages(self, sql: str, size: int = 500, last: object = "") -> Iterator[list[tuple]]:
        """Pages of `sql` (which takes `id > ?` and `LIMIT ?`), keyed on the first column.

        Keyset paging: each page starts after the last id of the one before, so a reader
        holds one page in memory and never pays for OFFSET.
        """
        while True:
            rows = self._query(sql, (last, size))
            if not rows:
                return
            yield rows
            last = rows[-1][0]

    def _paper_id_pages(self) -> Iterator[list[str]]:
        for rows in self._pages("SELECT id FROM papers WHERE id > ? ORDER BY id LIMIT ?"):
            yield [row[0] for row in rows]

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _count(self, sql: str, *params) -> int:
        return self._query(sql, tuple(params))[0][0]

    def _select_in(self, sql: str, values: Sequence[str]) -> list[tuple]:
        """Run `sql` with its `IN ({})` filled by `values`, in chunks SQLite accepts."""
        values = list(dict.fromkeys(values))
        rows: list[tuple] = []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows.extend(self._query(sql.format(",".join("?" * len(chunk))), tuple(chunk)))
        return rows

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Reads inside see one committed state of the database (a WAL read transaction)."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self
            finally:
                self._db.execute("COMMIT")

    @contextmanager
    def write_transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one write transaction, for a write step over many tables
        (the corpus step): committed when the block ends, rolled back when it raises."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._forget_written()  # the step may delete or change entities
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _forget_written(self) -> None:
        """Forget the entities this connection wrote and the origins it read: another
        connection, a corpus step or an import may have changed them."""
        self._written.clear()
        self._origins.clear()
