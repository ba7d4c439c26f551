"""The SQLite system of record: papers, entities with aliases, mentions and results.

Writes come in batches of `PaperExtraction`s, one transaction a batch, so an ingest
killed halfway leaves the previous state whole. Reads return records, never rows.

`Store` is one object over one connection, composed of a mixin a noun, each in its own
module: callers keep one `store.get_papers(...)`, `store.write_batch(...)` surface, and a
reader finds each noun's SQL in one place of 100-300 lines (mixins rather than reader
objects the store hands out, because every method already reads `self._db` under
`self._lock`, and the nouns call each other: a batch write reads the stored papers,
`find_entity` reads entities).

- `store.py` (this module): opening the file, its schema version and upgrades, reconnecting
  after a fork, and the settings kept in the database.
- `store_base.py`: the connection's query helpers (`_query`, `_select_in`, `_pages`) and
  transactions (`snapshot`, `write_transaction`).
- `store_writes.py`: batches of extractions, a user's names, deleting a paper;
  `store_bulk.py`: the indexes and cache of a bulk load.
- `store_papers.py`, `store_entities.py`, `store_mentions.py`: reads of papers (and their
  change log), of entities and aliases, of mentions, results and paper-entity edges.
- `store_records.py`: records to rows and back, and a paper's fingerprint.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from .errors import StoreError
from .records import Entity, locate_sentence
from .store_base import StoreBase
from .store_bulk import StoreBulk
from .store_entities import StoreEntities
from .store_faults import write_error
from .store_indexes import DeferredIndexes
from .store_mentions import PaperEntityEdge, StoreMentions
from .store_papers import YEAR_SQL, StorePapers
from .store_records import paper_fingerprint
from .store_schema import DEFERRED_INDEXES_SQL, MIGRATIONS, READ_INDEXES, SCHEMA, SCHEMA_VERSION
from .store_writes import BatchReport, StoreWrites

# Imported from here by the rest of paperkg: the store's public names, wherever they live.
__all__ = ["BatchReport", "PaperEntityEdge", "Store", "YEAR_SQL", "paper_fingerprint"]

log = logging.getLogger(__name__)


class Store(StoreWrites, StoreBulk, StorePapers, StoreEntities, StoreMentions, StoreBase):
    """A paperkg database file. Safe to share between threads (one lock guards it)."""

    def __init__(self, path: str | Path = "paperkg.db"):
        self.path = Path(path)
        self._lock = threading.RLock()
        # Entities this connection committed as they were written: writing one again
        # changes nothing (see `_write_entities`), so it is skipped. Emptied when anything
        # else may have changed entities: a corpus step, an import, another connection.
        self._written: dict[str, Entity] = {}
        # The origin in the store of each entity the batches' mentions named, read once
        # (`store_rows.store_origins`) and forgotten with `_written`: nothing but what
        # empties that changes an origin.
        self._origins: dict[str, str] = {}
        self._deferred: DeferredIndexes | None = None  # a bulk load's indexes not built yet
        self._data_version = None
        try:
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.create_function("locate_sentence", 3, locate_sentence, deterministic=True)
            self._migrate()
            self._db.executescript(DEFERRED_INDEXES_SQL + READ_INDEXES)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a paperkg database ({exc}); pass --db with a new file name"
            ) from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if 0 < version < SCHEMA_VERSION and all(v in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
            self._upgrade(version)
            return
        if version != 0:
            raise StoreError(
                f"{self.path} has schema version {version}, this paperkg expects "
                f"{SCHEMA_VERSION}; re-ingest into a new --db file"
            )
        tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise StoreError(f"{self.path} is an SQLite file of another program; pass --db with a new file name")
        # one transaction: a kill while the schema is written leaves an empty file, which the
        # next open fills, never half the tables (which it would refuse as another program's)
        self._db.executescript(f"BEGIN; {SCHEMA}; PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")

    def _upgrade(self, version: int) -> None:
        """Bring a database of an older schema version up to date, in one transaction."""
        statements = "".join(MIGRATIONS[v] for v in range(version, SCHEMA_VERSION))
        self._db.executescript(f"BEGIN; {statements}")
        lost = self._db.execute("SELECT paper_id FROM mentions WHERE sentence_start IS NULL UNION ALL "
                                "SELECT paper_id FROM held_mentions WHERE sentence_start IS NULL LIMIT 1").fetchone()
        if lost:
            self._db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: a mention of paper {lost[0]} has a sentence that is not in its title "
                             "or abstract, so schema version 10 cannot store it; re-ingest into a new --db file")
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._db.execute("COMMIT")
        log.info("%s: schema upgraded from version %d to %d", self.path, version, SCHEMA_VERSION)

    def close(self) -> None:
        self._db.close()

    def reconnect(self) -> None:
        """Read and write through a new connection of this process's own.

        For a process forked from the one that opened the store: SQLite connections must
        never be used across a fork (https://sqlite.org/howtocorrupt.html#_carrying_an_open_database_connection_across_a_fork_),
        so the inherited one is left untouched, neither used nor closed.
        """
        with self._lock:
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._forget_written()
            self._data_version = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def setting(self, key: str) -> str | None:
        """A value kept in the database between runs (`set_setting`), or None."""
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_setting(self, key: str, value: str) -> None:
        """Keep a value in the database for later runs."""
        self._write_setting("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))

    def forget_setting(self, key: str) -> None:
        """Remove a value `set_setting` kept."""
        self._write_setting("DELETE FROM settings WHERE key = ?", (key,))

    def _write_setting(self, sql: str, params: tuple) -> None:
        with self._lock:
            try:
                self._db.execute(sql, params)
            except sqlite3.Error as exc:  # a full disk, a read-only file: one clear error
                raise write_error(self.path, exc) from exc
