"""Records read from the store, remembered for the graph's current state.

A server reads the same entities over and over: every paper page names GPT-4, ImageNet or
MMLU, and a page of 100 papers names about 470 entities, most of them names that the page
before named too. Reading them from SQLite costs a B-tree probe and a decode each, against
a dict look-up here. Records are immutable and only change when the store does, which moves
`KnowledgeGraph.change_seq` (graph/live.py): a cache keyed on that sequence never serves a
record the store has since changed. The least recently used records go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Record = TypeVar("Record")


class RecordCache(Generic[Record]):
    """At most `size` records by id, for one state of the store; safe across threads."""

    def __init__(self, size: int):
        self.size = size
        self._records: OrderedDict[str, Record] = OrderedDict()
        self._state: object = None
        self._lock = threading.Lock()

    def get_many(self, ids: Sequence[str], state: object,
                 read: Callable[[Sequence[str]], dict[str, Record]]) -> dict[str, Record]:
        """The records of `ids` (unknown ids absent), reading those not remembered with `read`.

        Args:
            ids: the record ids wanted.
            state: the store's state now (`change_seq`); a new state forgets every record.
            read: reads records by id from the store, `ids -> {id: record}`.
        """
        found, missing = self._remembered(ids, state)
        if missing:
            fresh = read(missing)
            found.update(fresh)
            self._remember(fresh, state)
        return found

    def _remembered(self, ids: Sequence[str], state: object) -> tuple[dict[str, Record], list[str]]:
        found: dict[str, Record] = {}
        missing: list[str] = []
        with self._lock:
            if state != self._state:
                self._records.clear()
                self._state = state
            records = self._records
            for record_id in ids:
                record = records.get(record_id)
                if record is None:
                    missing.append(record_id)
                else:
                    records.move_to_end(record_id)
                    found[record_id] = record
        return found, missing

    def _remember(self, fresh: dict[str, Record], state: object) -> None:
        if self.size <= 0:
            return
        with self._lock:
            if state != self._state:  # the store moved on while these were read
                return
            self._records.update(fresh)
            while len(self._records) > self.size:
                self._records.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()

    def __len__(self) -> int:
        return len(self._records)


__all__ = ["RecordCache"]
