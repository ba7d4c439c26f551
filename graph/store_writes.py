"""Writing to the store: batches of extractions, a user's names, deleted papers.

The part of `Store` (graph/store.py) that changes papers, entities, mentions and
results, a mixin over the connection helpers of `store_base.StoreBase`; the rows it
writes are built in `store_rows.py` and `store_records.py`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .encoded_extraction import EncodedExtraction
from .merge import merge_paper
from .records import Entity, Paper, PaperExtraction
from .store_base import StoreBase
from .store_faults import write_error
from .store_records import paper_fingerprint, paper_row
from .store_rows import (
    ALIAS_SQL, ENTITY_SQL, FTS_DELETE_SQL, FTS_SQL, MENTION_SQL, PAPER_SQL, RESULT_SQL, StoreOrigins, alias_rows,
    entity_row, mention_rows, new_entities, result_rows, write_new_papers,
)


@dataclass(frozen=True)
class BatchReport:
    """What one `write_batch` did.

    `replaced_entities` are the entities that the replaced mentions (held ones too) and
    results of rewritten papers named: a paper that no longer names one changes its count,
    so the corpus step after an ingest decides it again, with the entities the new mentions
    name, and removes it if nothing names it any more.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    replaced_entities: frozenset[str] = frozenset()

    def __add__(self, other: BatchReport) -> BatchReport:
        return BatchReport(
            self.added + other.added, self.updated + other.updated, self.unchanged + other.unchanged,
            self.replaced_entities | other.replaced_entities,
        )


class StoreWrites(StoreBase):
    """The writes of `Store`: a batch, a user's names or a deletion is one transaction."""

    def changed_papers(self, papers: Sequence[Paper]) -> list[Paper]:
        """The papers of `papers` that are new or differ from what the store holds, each
        merged with what is known of it (`merge.merge_paper`: no known field is emptied)."""
        ids = [p.id for p in papers]
        known, stored = self._fingerprints(ids), self.get_papers(ids)
        merged = [merge_paper(stored.get(p.id), p) for p in papers]
        return [p for p in merged if known.get(p.id) != paper_fingerprint(p)]

    def is_empty(self) -> bool:
        """Whether the store holds no paper and no entity."""
        return not self._query("SELECT 1 FROM papers UNION ALL SELECT 1 FROM entities LIMIT 1")

    def _fingerprints(self, ids: Sequence[str]) -> dict[str, str]:
        rows = self._select_in("SELECT id, fingerprint FROM papers WHERE id IN ({})", ids)
        return dict(rows)

    def write_batch(self, extractions: Iterable[PaperExtraction | EncodedExtraction], force: bool = False,
                    renew: set[str] | None = None) -> BatchReport:
        """Store papers with their mentions, entities and results in one transaction (the
        extraction workers' extractions as they came, `encoded_extraction.py`).

        Each paper is first merged with the stored one (`merge.merge_paper`: the newest
        non-empty value of each field wins). A paper whose merged fingerprint is unchanged
        is left alone (unless `force`, which rewrites its mentions and counts it as
        updated); a changed one has its old mentions and results replaced.

        `renew` (graph/reextract.py) holds ids of entities whose stored row and aliases
        the first write of each replaces whole, as a fresh store would hold them; the ids
        written are taken out of it.

        Raises:
            StoreError: SQLite refused the write (full disk, read-only file, ...); the
                batch was rolled back whole, and earlier batches are kept.
        """
        extractions = list(extractions)
        ids = [e.paper.id for e in extractions]
        known, stored = self._fingerprints(ids), self.get_papers(ids)
        added = updated = unchanged = 0
        replaced: set[str] = set()
        with self._lock:
            if known and self._deferred is not None:
                self._deferred.build_for_rewrites()
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise write_error(self.path, exc) from exc
            self._check_written()
            pending: dict[str, Entity] = {}
            origins: dict[str, str] = {}  # read in this transaction, kept once it commits
            try:
                if not known and not renew and len(set(ids)) == len(ids):  # all new: one statement a table
                    added = self._write_new_batch(extractions, pending, origins)
                    extractions = []
                for extraction in extractions:
                    merged = merge_paper(stored.get(extraction.paper.id), extraction.paper)
                    if merged is not extraction.paper:
                        extraction = replace(extraction, paper=merged)
                    stored[merged.id] = merged
                    fingerprint = paper_fingerprint(extraction.paper)
                    old = known.get(extraction.paper.id)
                    if old == fingerprint and not force:
                        unchanged += 1
                        continue
                    if old is not None:
                        replaced |= self._entities_named_by(extraction.paper.id)
                    self._write_extraction(extraction, fingerprint, replace=old is not None, renew=renew,
                                           pending=pending)
                    known[extraction.paper.id] = fingerprint
                    added, updated = (added + 1, updated) if old is None else (added, updated + 1)
                self._db.execute("COMMIT")
                self._written.update(pending)
                self._origins.update(origins)
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):  # disk full, read-only, locked
                    raise write_error(self.path, exc) from exc
                raise
        return BatchReport(added, updated, unchanged, frozenset(replaced))

    def _entities_named_by(self, paper_id: str) -> set[str]:
        """The entities a stored paper's mentions, held mentions and results name (through
        the indexes on their paper_id)."""
        named = {row[0] for table in ("mentions", "held_mentions") for row in self._db.execute(
            f"SELECT DISTINCT entity_id FROM {table} WHERE paper_id = ?", (paper_id,))}
        for row in self._db.execute("SELECT entity_id, model_id, metric_id FROM results WHERE paper_id = ?",
                                    (paper_id,)):
            named.update(value for value in row if value is not None)
        return named

    def _check_written(self) -> None:
        """Forget the entities written before when another connection committed since
        (PRAGMA data_version changes only for other connections' commits)."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._forget_written()
            self._data_version = version

    def _write_new_batch(self, extractions: list[PaperExtraction], pending: dict[str, Entity],
                         origins: dict[str, str]) -> int:
        """Write a batch of distinct papers the store does not hold (`store_rows.py`); how
        many. The entities' origins it reads join `origins`."""
        rows = [paper_row(x.paper) + (paper_fingerprint(x.paper), x.paper.year, x.paper.venue, x.paper.doi)
                for x in extractions]
        write_new_papers(self._db, extractions, rows, new_entities(extractions, self._written, pending),
                         StoreOrigins(self._origins, origins))
        return len(extractions)

    def _write_extraction(self, extraction: PaperExtraction, fingerprint: str, replace: bool,
                          renew: set[str] | None = None, pending: dict[str, Entity] | None = None) -> None:
        paper = extraction.paper
        db = self._db
        # A paper's full-text row has its rowid, which a rewrite keeps; it is rewritten only
        # when the text changed, not for a re-extraction.
        text_changed, old = True, None
        if replace:
            db.execute("DELETE FROM mentions WHERE paper_id = ?", (paper.id,))
            db.execute("DELETE FROM held_mentions WHERE paper_id = ?", (paper.id,))  # superseded too
            db.execute("DELETE FROM results WHERE paper_id = ?", (paper.id,))
            old = db.execute("SELECT title, abstract, rowid FROM papers WHERE id = ?", (paper.id,)).fetchone()
            text_changed = old is None or old[:2] != (paper.title, paper.abstract)
            if old is not None and text_changed:
                db.execute(FTS_DELETE_SQL, (old[2], paper.id, *old[:2]))
        rowid = db.execute(PAPER_SQL, paper_row(paper) + (fingerprint, paper.year, paper.venue, paper.doi)).lastrowid
        if old is not None:  # keep its place in the order papers came in (rowid)
            rowid = old[2]
            db.execute("UPDATE papers SET rowid = ? WHERE id = ?", (rowid, paper.id))
        if text_changed:
            db.execute(FTS_SQL, (rowid, paper.id, paper.title, paper.abstract))
        if renew:
            self._renew_entities([e for e in extraction.entities if e.id in renew], renew)
        self._write_entities(extraction.entities, pending=pending)
        db.executemany(MENTION_SQL, mention_rows(extraction))
        db.executemany(RESULT_SQL, result_rows(extraction))

    def _write_entities(self, entities: Iterable[Entity], take_over: bool = False,
                        pending: dict[str, Entity] | None = None) -> None:
        """Insert entities and their aliases; an existing entity keeps its type and origin
        unless `take_over` (a user's import, which overrides what extraction decided).

        With `pending` (a batch's), an entity this connection already wrote as it is
        now is skipped: writing it again would change nothing (its row keeps its values
        and a variant_of once set, its aliases are there), yet it rewrote pages of
        the entities and aliases tables for every paper naming it. The entities
        written go to `pending`, which the caller keeps once its transaction commits.
        """
        update = "type = excluded.type, origin = excluded.origin, " if take_over else ""
        for entity in entities:
            if pending is not None:
                if self._written.get(entity.id) == entity or pending.get(entity.id) == entity:
                    continue
                pending[entity.id] = entity
            self._db.execute(ENTITY_SQL.format(update=update), entity_row(entity))
            self._db.executemany(ALIAS_SQL, alias_rows(entity))

    def _renew_entities(self, entities: list[Entity], renew: set[str]) -> None:
        """Replace the stored rows and aliases of these entities with theirs (see `write_batch`)."""
        for entity in entities:
            renew.discard(entity.id)
            self._written.pop(entity.id, None)
            self._origins.pop(entity.id, None)
            self._db.execute("DELETE FROM aliases WHERE entity_id = ?", (entity.id,))
            self._db.execute(
                "UPDATE entities SET name = ?, type = ?, variant_of = ?, external_ids = ?, origin = ? "
                "WHERE id = ?", (entity.name, entity.type.value, entity.variant_of,
                                 json.dumps([list(x) for x in entity.external_ids]), entity.origin, entity.id))

    def add_entities(self, entities: Iterable[Entity]) -> int:
        """Add a user's names outside any paper; returns how many were new.

        A name the store already holds takes the imported type and origin: the user's
        word is final. Papers already stored keep their mentions until re-extracted.
        """
        entities = list(entities)
        with self._lock:
            self._forget_written()
            before = self._count("SELECT count(*) FROM entities")
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._write_entities(entities, take_over=True)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return self._count("SELECT count(*) FROM entities") - before

    def delete_paper(self, paper_id: str) -> bool:
        """Delete a paper with its mentions and results, in one transaction; False if unknown."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                found = self._db.execute("SELECT rowid, id, title, abstract FROM papers WHERE id = ?",
                                         (paper_id,)).fetchone()
                if found:
                    self._db.execute(FTS_DELETE_SQL, found)
                deleted = self._db.execute("DELETE FROM papers WHERE id = ?", (paper_id,)).rowcount
                self._db.execute("DELETE FROM held_mentions WHERE paper_id = ?", (paper_id,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return deleted > 0
