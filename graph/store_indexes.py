"""The indexes a bulk load into an empty store builds once, after its batches, not a row at a time.

`Store.deferred_indexes` drops `store_schema.DEFERRED_INDEXES` (and the kg_discovered
mentions' index and `mentions_edges`) while the batches write, and builds them afterwards: one sort instead of a
random insert a row. The corpus step after the batches reads some of them (`build` those
first), and the others are built once it is done, so that its holds and deletes (about
100,000 mentions and 47,000 entities at 75,000 papers) do not keep them up.

Order matters: SQLite's planner, between two indexes of a table as good for a query, takes
the one made last, and a query of the corpus step reads rows in the order of the index it
takes. So on each table every index from its first one dropped on is made again, in the
order the store had them (the mentions' `mentions_edges` is made again after
`mentions_by_entity`), and `build` makes an index with every one made
before it on its table: each table ends with its indexes in their order, as a store written
without deferring has them. An index made later than another of its table is only ever
dropped, never used, until that one stands. A store killed before they are built makes the
missing ones on open (`store_schema.DEFERRED_INDEXES_SQL`, `READ_INDEXES`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from tqdm import tqdm

from .store_schema import DEFERRED_INDEXES

# Dropped while the batches write: the readers' indexes, the kg_discovered mentions' one, and
# `mentions_edges`, which only a batch rewriting stored papers reads (`build_for_rewrites`):
# written through by every mention of a bulk load, then dropped for the corpus step and built
# again after it, it cost 1.3-1.4 CPU s of SQLite (689,003 mentions, 5,400 a transaction) for
# nothing.
DROPPED_FOR_BATCHES = frozenset({*DEFERRED_INDEXES, "mentions_discovered", "mentions_edges"})
# What a batch that rewrites stored papers reads their old mentions by (their paper_id).
REWRITE_INDEX = "mentions_edges"


class DeferredIndexes:
    """The indexes of one bulk load not built yet, as (name, table, sql) in the store's order."""

    def __init__(self, db: sqlite3.Connection, first: Iterable[str] = ()) -> None:
        """Drop `DROPPED_FOR_BATCHES` and remember, table by table, which indexes to make again;
        `first` are those built before any other (the corpus step's)."""
        self._db = db
        self._first = tuple(first)
        order = db.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
                           "AND sql IS NOT NULL ORDER BY rowid").fetchall()
        first: dict[str, int] = {}  # table -> position of its first index dropped
        for position, (name, table, _) in enumerate(order):
            if name in DROPPED_FOR_BATCHES:
                first.setdefault(table, position)
        self._pending = [index for position, index in enumerate(order)
                         if index[1] in first and position >= first[index[1]]]
        for name in DROPPED_FOR_BATCHES:
            db.execute(f"DROP INDEX IF EXISTS {name}")

    def build(self, names: Iterable[str] | None = None, progress: bool = False) -> None:
        """Build these of the pending indexes now (None: all), each with every pending one made
        before it on its table, and drop the others still standing (the batches wrote through
        them), which what runs before the rest are built then need not keep up."""
        wanted = None if names is None else set(names)
        last: dict[str, int] = {}  # table -> position of its last index wanted
        for position, (name, table, _) in enumerate(self._pending):
            if wanted is None or name in wanted:
                last[table] = position
        now = [index for position, index in enumerate(self._pending)
               if index[1] in last and position <= last[index[1]]]
        self._pending = [index for index in self._pending if index not in now]
        for name, _, _ in self._pending + now:
            self._db.execute(f"DROP INDEX IF EXISTS {name}")
        for _, _, sql in tqdm(now, desc="indexes", unit=" indexes", disable=not progress or not now, leave=False):
            self._db.execute(sql)

    def build_for_rewrites(self) -> None:
        """Build `REWRITE_INDEX` unless it stands: a bulk load that meets a paper stored by one
        of its earlier batches rewrites it, and finds its mentions by paper through that
        index, not by a scan a paper. The `first` indexes are built with it, so that the
        store makes its indexes in one order whenever the rewrite comes."""
        if any(name == REWRITE_INDEX for name, _, _ in self._pending):
            self.build([*self._first, REWRITE_INDEX])
