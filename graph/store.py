"""The SQLite system of record: papers, entities with aliases, mentions and results.

Writes come in batches of `PaperExtraction`s, one transaction a batch, so an ingest
killed halfway leaves the previous state whole. Reads return records, never rows.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
from contextlib import contextmanager
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path


from .encoded_extraction import EncodedExtraction
from .errors import StoreError
from .merge import merge_paper
from .records import (
    Entity, EntityType, EntityUse, Mention, Paper, PaperExtraction, Result, Role, entity_key, locate_sentence,
)
from .speed import mention_of
from .store_faults import write_error
from .store_indexes import DeferredIndexes
from .store_rows import (
    ALIAS_SQL, ENTITY_SQL, FTS_DELETE_SQL, FTS_SQL, MENTION_SQL, PAPER_SQL, RESULT_SQL, StoreOrigins, alias_rows,
    entity_row, json_list, mention_rows, new_entities, result_rows, write_new_papers,
)
from .store_schema import (
    DEFERRED_INDEXES_SQL, MENTION_COLUMNS, MIGRATIONS, READ_INDEXES,
    SCHEMA, SCHEMA_VERSION, sentence_sql,
)

log = logging.getLogger(__name__)


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


# A paper's year: the stored one, else its date's (rows written before schema version 5).
YEAR_SQL = "coalesce(year, CAST(substr(date, 1, 4) AS INTEGER))"
# The one edge record is records.EntityUse; this name stays for graph/rdf.py's reads.
PaperEntityEdge = EntityUse
# Role.strength in SQL: the aggregate keeps the strongest role of a paper's mentions.
_ROLE_STRENGTH_SQL = "CASE role " + " ".join(f"WHEN '{r.value}' THEN {r.strength}" for r in Role) + " ELSE 0 END"
_ROLES_BY_STRENGTH = sorted(Role, key=lambda r: r.strength)


def paper_fingerprint(paper: Paper) -> str:
    """A hash of everything ingest says about a paper; equal hashes mean nothing changed.

    Year, venue and DOI (schema version 5) join the hash only when they say something:
    a paper without them, or whose year is its date's, hashes as before they existed, so
    databases written earlier do not see every paper as changed.
    """
    # An ingest asks it of each paper three times (sent, stored, written): remembered.
    return _remembered(_fingerprint, paper)


def _remembered(function, paper: Paper):
    """`function(paper)`, from a cache of recent papers (a paper is a frozen value)."""
    try:
        return function(paper)
    except TypeError:  # a field given as a list: unhashable, computed afresh
        return function.__wrapped__(paper)


@lru_cache(maxsize=8192)
def _fingerprint(paper: Paper) -> str:
    fields = list(_paper_row(paper)[1:-1])
    derived_year = paper.date is not None and paper.year == paper.date.year
    extra = [None if derived_year else paper.year, paper.venue, paper.doi]
    if any(value is not None for value in extra):
        fields += extra
    payload = json.dumps(fields, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _paper_row(paper: Paper) -> tuple:
    return _remembered(_paper_row_of, paper)


@lru_cache(maxsize=8192)
def _paper_row_of(paper: Paper) -> tuple:
    return (
        paper.id, paper.title, paper.abstract,
        paper.date.isoformat() if paper.date else None,
        json_list(paper.authors), paper.authors_count, paper.upvotes,
        json_list(paper.code_urls), json_list(paper.urls), paper.arxiv_id,
        json_list(paper.categories), paper.source,
    )


class Store:
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

    # -- writing ----------------------------------------------------------------------

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

    def _forget_written(self) -> None:
        """Forget the entities this connection wrote and the origins it read: another
        connection, a corpus step or an import may have changed them."""
        self._written.clear()
        self._origins.clear()

    def _write_new_batch(self, extractions: list[PaperExtraction], pending: dict[str, Entity],
                         origins: dict[str, str]) -> int:
        """Write a batch of distinct papers the store does not hold (`store_rows.py`); how
        many. The entities' origins it reads join `origins`."""
        rows = [_paper_row(x.paper) + (paper_fingerprint(x.paper), x.paper.year, x.paper.venue, x.paper.doi)
                for x in extractions]
        write_new_papers(self._db, extractions, rows, new_entities(extractions, self._written, pending),
                         StoreOrigins(self._origins, origins))
        return len(extractions)

    @contextmanager
    def deferred_indexes(self, progress: bool = False, first: Iterable[str] = ()
                         ) -> Iterator[Callable[[Iterable[str]], None]]:
        """Into a store without papers, write the block's batches without the indexes only
        readers and the corpus step use (`store_indexes.DeferredIndexes`), built once, in the
        store's order, when the block ends, raised or not (with a progress bar on stderr when
        `progress`: 4 s at 75,000 papers).

        Yields `build_now(names)`, which builds these of them at once, for work inside the
        block that reads them (the corpus step, `corpus.STEP_INDEXES`); the others are then
        dropped until the block ends. Into a store with papers, nothing is deferred and
        `build_now` does nothing. `first` are built before any other: with `mentions_edges`
        when a batch rewrites a paper an earlier one stored (`DeferredIndexes.build_for_rewrites`).
        """
        with self._lock:
            empty = self._db.execute("SELECT NOT EXISTS (SELECT 1 FROM papers)").fetchone()[0]
            indexes = self._deferred = DeferredIndexes(self._db, first) if empty else None

        def build_now(names: Iterable[str]) -> None:
            if indexes is not None:
                with self._lock:
                    indexes.build(names, progress)
        try:
            yield build_now
        finally:
            self._deferred = None
            if indexes is not None:
                with self._lock:
                    indexes.build(None, progress)

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
        rowid = db.execute(PAPER_SQL, _paper_row(paper) + (fingerprint, paper.year, paper.venue, paper.doi)).lastrowid
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

    # -- reading papers -----------------------------------------------------------------

    def count_papers(self, search: str | None = None) -> int:
        if search:
            return self._count("SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?", _fts_query(search))
        return self._count("SELECT count(*) FROM papers")

    def list_papers(self, search: str | None = None, limit: int = 20, offset: int = 0) -> list[Paper]:
        """Papers newest first (then by id); with `search`, best full-text matches first."""
        if search:
            sql = ("SELECT p.* FROM papers_fts f JOIN papers p ON p.rowid = f.rowid "
                   "WHERE papers_fts MATCH ? ORDER BY rank, p.id LIMIT ? OFFSET ?")
            params: tuple = (_fts_query(search), limit, offset)
        else:
            sql = "SELECT * FROM papers ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?"
            params = (limit, offset)
        return [_paper_from_row(r) for r in self._query(sql, params)]

    def search_paper_ids(self, search: str) -> list[str]:
        """Ids of the papers matching a full-text search, best match first."""
        sql = "SELECT id FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank, id"
        return [row[0] for row in self._query(sql, (_fts_query(search),))]

    def paper_facets(self) -> list[tuple[str, int | None, bool, int | None, str | None, str | None]]:
        """(id, upvotes, has code, year, venue, DOI) of every paper: what paper filters and orders need."""
        return self._query("SELECT id, upvotes, code_urls != '[]', "
                           f"{YEAR_SQL}, venue, doi FROM papers")

    def alias_keys(self) -> list[tuple[str, str]]:
        """(alias key, entity id) of every name and alias."""
        return self._query("SELECT DISTINCT key, entity_id FROM aliases")

    def entity_names(self) -> dict[str, str]:
        """The name of every entity, by id."""
        return dict(self._query("SELECT id, name FROM entities"))

    def count_results(self) -> int:
        return self._count("SELECT count(*) FROM results")

    def get_papers(self, ids: Sequence[str]) -> dict[str, Paper]:
        rows = self._select_in("SELECT * FROM papers WHERE id IN ({})", ids)
        return {row[0]: _paper_from_row(row) for row in rows}

    def iter_papers(self) -> Iterator[Paper]:
        """Every paper by id, read a page at a time so memory stays flat."""
        for rows in self._pages("SELECT * FROM papers WHERE id > ? ORDER BY id LIMIT ?"):
            yield from (_paper_from_row(row) for row in rows)

    def iter_papers_as_written(self) -> Iterator[Paper]:
        """Every paper in the order it was first written (rowid: a rewrite keeps its place),
        a page at a time; papers new since the first page was read are left out."""
        last_written = self._count("SELECT coalesce(max(rowid), 0) FROM papers")
        for rows in self._pages(f"SELECT rowid, * FROM papers WHERE rowid > ? AND rowid <= {last_written} "
                                "ORDER BY rowid LIMIT ?", last=0):
            yield from (_paper_from_row(row[1:]) for row in rows)

    # -- reading entities ---------------------------------------------------------------

    def get_entities(self, ids: Sequence[str]) -> dict[str, Entity]:
        rows = self._select_in("SELECT * FROM entities WHERE id IN ({})", ids)
        aliases = self._aliases_of(rows)
        return {r[0]: _entity_from_row(r, aliases.get(r[0], ())) for r in rows}

    def find_entity(self, name: str) -> Entity | None:
        """The entity a name or alias denotes, case- and punctuation-insensitively.

        Where several entities share an alias, the one used by most papers wins.
        """
        rows = self._query(
            "SELECT a.entity_id, (SELECT count(DISTINCT paper_id) FROM mentions m "
            "WHERE m.entity_id = a.entity_id) AS n FROM aliases a WHERE a.key = ? "
            "ORDER BY n DESC, a.entity_id LIMIT 1",
            (entity_key(name),),
        )
        if not rows:
            return None
        return self.get_entities([rows[0][0]]).get(rows[0][0])

    def count_entities(self, type: EntityType | None = None, search: str | None = None) -> int:
        where, params = _entity_filter(type, search)
        return self._count(f"SELECT count(*) FROM entities e {where}", *params)

    def list_entities(
        self, type: EntityType | None = None, search: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[Entity]:
        """Entities by number of papers that mention them, most first."""
        where, params = _entity_filter(type, search)
        rows = self._query(
            f"SELECT e.* FROM entities e LEFT JOIN entity_paper_counts c ON c.entity_id = e.id "
            f"{where} ORDER BY coalesce(c.papers, 0) DESC, e.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        aliases = self._aliases_of(rows)
        return [_entity_from_row(r, aliases.get(r[0], ())) for r in rows]

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity by id with its aliases, a page at a time."""
        for rows in self._pages("SELECT * FROM entities WHERE id > ? ORDER BY id LIMIT ?"):
            aliases = self._aliases_of(rows)
            yield from (_entity_from_row(row, aliases.get(row[0], ())) for row in rows)

    def entities_by_origin(self, origin: str) -> list[Entity]:
        """Entities a user imported ("user") or extraction discovered ("discovered")."""
        ids = [r[0] for r in self._query("SELECT id FROM entities WHERE origin = ?", (origin,))]
        return list(self.get_entities(ids).values())

    def matched_discovered(self) -> list[Entity]:
        """The discovered entities the extractor matched as discovered names (kg_discovered).

        Extraction also stores names found by shape alone with origin "discovered"; only
        the ones it had discovered from a strong cue belong in a later run's lexicon, or a
        run resumed after a crash would match more than one clean run does.
        """
        # Only the matched ones are read (a fifth of the discovered at 75k papers, 10 s -> 1 s),
        # through a partial index of the kg_discovered mentions (store_schema.READ_INDEXES).
        ids = [r[0] for r in self._query(
            "SELECT id FROM entities WHERE origin = 'discovered' AND id IN "
            "(SELECT entity_id FROM mentions WHERE component = 'kg_discovered') ORDER BY id")]
        found = self.get_entities(ids)
        return [found[i] for i in ids]

    def paper_counts(self, entity_ids: Sequence[str]) -> dict[str, int]:
        rows = self._select_in("SELECT entity_id, papers FROM entity_paper_counts WHERE entity_id IN ({})", entity_ids)
        return dict(rows)

    def _aliases_of(self, entity_rows: Sequence[tuple]) -> dict[str, tuple[str, ...]]:
        """The aliases of the entities of these `entities` rows (id, name, ...), besides their names."""
        found: dict[str, list[str]] = defaultdict(list)
        names = {row[0]: row[1] for row in entity_rows}
        rows = self._select_in("SELECT entity_id, alias FROM aliases WHERE entity_id IN ({}) ORDER BY alias", list(names))
        for entity, alias in rows:
            if alias != names.get(entity):
                found[entity].append(alias)
        return {k: tuple(v) for k, v in found.items()}

    # -- reading mentions, results, edges ----------------------------------------------

    def mentions_of_papers(self, paper_ids: Sequence[str]) -> dict[str, list[Mention]]:
        found: dict[str, list[Mention]] = defaultdict(list)
        rows = self._select_in(
            f"SELECT {MENTION_COLUMNS}, {sentence_sql('mentions')} FROM mentions WHERE paper_id IN ({{}}) "
            "ORDER BY paper_id, field DESC, start",
            paper_ids
        )
        for row in rows:
            found[row[0]].append(_mention_from_row(row))
        return found

    def results_of_papers(self, paper_ids: Sequence[str]) -> dict[str, list[Result]]:
        found: dict[str, list[Result]] = defaultdict(list)
        rows = self._select_in("SELECT * FROM results WHERE paper_id IN ({}) ORDER BY paper_id, field DESC, start", paper_ids)
        for row in rows:
            found[row[0]].append(Result(*row))
        return found

    def results_on(self, entity_ids: Sequence[str]) -> list[Result]:
        """Every result measured on these datasets or benchmarks, by paper and position."""
        rows = self._select_in("SELECT * FROM results WHERE entity_id IN ({})", entity_ids)
        return sorted((Result(*row) for row in rows), key=lambda r: (r.paper_id, r.field, r.start))

    def iter_results(self) -> Iterator[Result]:
        """Every result, grouped by paper, a page of papers at a time."""
        for ids in self._paper_id_pages():
            for rows in self.results_of_papers(ids).values():
                yield from rows

    def iter_mentions(self) -> Iterator[list[Mention]]:
        """Every paper's mentions as one list a paper (papers by id), a page at a time."""
        for ids in self._paper_id_pages():
            yield from self.mentions_of_papers(ids).values()

    def iter_edges(self) -> Iterator[EntityUse]:
        """Every paper-entity pair with its mention count, strongest role and best confidence."""
        return (EntityUse(*row) for row in self.iter_edge_rows())

    def iter_edge_rows(self) -> Iterator[tuple[str, str, int, Role, float]]:
        """`iter_edges` as plain tuples of EntityUse's fields, in its order, by paper id.

        The graph build's fast path: one aggregate query over the covering index
        `mentions_edges`, no record per edge (460k edges at 75k papers).
        """
        cursor = self._db.cursor()
        with self._lock:
            cursor.execute(
                f"SELECT paper_id, entity_id, count(*), max({_ROLE_STRENGTH_SQL}), max(confidence) "
                "FROM mentions GROUP BY paper_id, entity_id ORDER BY paper_id, entity_id"
            )
            rows = cursor.fetchall()
        roles = _ROLES_BY_STRENGTH
        return ((paper, entity, count, roles[strength], confidence)
                for paper, entity, count, strength, confidence in rows)

    def paper_dates(self) -> list[tuple[str, str | None]]:
        """(paper id, ISO date or None) of every paper."""
        return self._query("SELECT id, date FROM papers")

    def entity_types(self) -> list[tuple[str, EntityType]]:
        """(entity id, type) of every entity."""
        types = {t.value: t for t in EntityType}
        return [(eid, types[kind]) for eid, kind in self._query("SELECT id, type FROM entities")]

    def edges_of_papers(self, paper_ids: Sequence[str]) -> list[EntityUse]:
        """The paper-entity edges of these papers (see `iter_edges`)."""
        rows = self._select_in(
            f"SELECT paper_id, entity_id, count(*), max({_ROLE_STRENGTH_SQL}), max(confidence) "
            "FROM mentions WHERE paper_id IN ({}) GROUP BY paper_id, entity_id", paper_ids
        )
        roles = _ROLES_BY_STRENGTH
        return [EntityUse(paper, entity, count, roles[strength], confidence)
                for paper, entity, count, strength, confidence in rows]

    # -- the change log (filled by triggers, see store_schema.CHANGE_LOG) ---------------

    def last_change(self) -> int:
        """The sequence number of the latest paper change; 0 when there was none."""
        return self._count("SELECT coalesce(max(seq), 0) FROM paper_changes")

    def changes_since(self, seq: int) -> tuple[int, list[str]]:
        """(the latest sequence number, ids of the papers changed after `seq`)."""
        rows = self._query("SELECT seq, paper_id FROM paper_changes WHERE seq > ? ORDER BY seq", (seq,))
        return (rows[-1][0] if rows else seq), list(dict.fromkeys(pid for _, pid in rows))

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Reads inside see one committed state of the database (a WAL read transaction)."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self
            finally:
                self._db.execute("COMMIT")

    def entities_named_in(self, paper_ids: Sequence[str]) -> set[str]:
        """The entities the mentions of these papers name, held-back mentions included."""
        return {row[0] for table in ("mentions", "held_mentions") for row in self._select_in(
            f"SELECT DISTINCT entity_id FROM {table} WHERE paper_id IN ({{}})", paper_ids)}

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

    def variant_pairs(self) -> list[tuple[str, str]]:
        """(variant id, parent id) for every entity that is a variant of another."""
        return self._query("SELECT id, variant_of FROM entities WHERE variant_of IS NOT NULL")

    # -- plumbing -------------------------------------------------------------------------

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


def _fts_query(search: str) -> str:
    """Quote each word so user text never reaches FTS5's query syntax."""
    words = [w.replace('"', '""') for w in search.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


def _entity_filter(type: EntityType | None, search: str | None) -> tuple[str, tuple]:
    clauses, params = [], []
    if type is not None:
        clauses.append("e.type = ?")
        params.append(EntityType(type).value)
    if search:
        clauses.append("e.id IN (SELECT entity_id FROM aliases WHERE alias LIKE ? ESCAPE '\\')")
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _paper_from_row(row: tuple) -> Paper:
    (pid, title, abstract, day, authors, authors_count, upvotes,
     code_urls, urls, arxiv_id, categories, source, _fingerprint, year, venue, doi) = row
    return Paper(
        id=pid, title=title, abstract=abstract,
        date=date.fromisoformat(day) if day else None,
        authors=tuple(json.loads(authors)), authors_count=authors_count, upvotes=upvotes,
        code_urls=tuple(json.loads(code_urls)), urls=tuple(json.loads(urls)),
        arxiv_id=arxiv_id, categories=tuple(json.loads(categories)), source=source,
        year=year, venue=venue, doi=doi,
    )


def _entity_from_row(row: tuple, aliases: tuple[str, ...]) -> Entity:
    eid, name, type_, variant_of, external_ids, origin = row
    return Entity(
        id=eid, name=name, type=EntityType(type_), aliases=aliases, variant_of=variant_of,
        external_ids=tuple(tuple(x) for x in json.loads(external_ids)), origin=origin,
    )


def _mention_from_row(row: tuple) -> Mention:
    (paper_id, field, start, end, text, sentence_start, sentence_end, type_, entity, confidence, component, role,
     phrase_start, phrase_end, sentence) = row
    return mention_of(paper_id, field, start, end, text, sentence, EntityType(type_), entity,
                      confidence, component, Role(role), phrase_start, phrase_end, sentence_start, sentence_end)
