"""Corpus-level decisions after ingest: an entity's type over all its papers, and the floor.

Extraction decides per abstract; this step decides per entity, over every stored mention,
for entities that extraction found (origin "discovered"; gazetteer and user names are
final). It runs after the batches of an ingest, in one transaction:

1. **Type.** Each mention's sentence votes (`extract.evidence.mention_evidence`); the
   entity takes the type most papers support (`decide_entity`).
2. **Not a name.** An entity the corpus shows to be no name (an ordinal, a size, an untyped
   term, a field used as a modifier) has its mentions held back.
3. **Ambiguous acronyms.** A short acronym keeps the reading most papers support; a paper
   that defines it as a thing of another type ("Dual Dot-Regression (DDR)" loss beside the
   DDR dataset) keeps its own reading, in an entity `<id>~<type>`.
4. **Confidence floor.** An entity in one paper whose best mention is below
   `min_confidence` has its mentions held back: one weak context is no evidence.

Held mentions move to the `held_mentions` table, not away: when a later ingest brings the
same entity with support (another paper, or a mention at the floor), they return. So the
step is incremental: it re-decides only the entities the ingest touched (all of them with
`entity_ids=None`), from the totals the store keeps, and its answer does not depend on the
order papers came in. Entities left with no mention are deleted, with their aliases.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tqdm import tqdm

from .extract.rules.evidence import (
    decide_entity, definition_evidence, is_capitalised_word, is_short_acronym, mention_evidence,
)
from .records import EntityType
from .store import Store

log = logging.getLogger(__name__)

DEFAULT_MIN_CONFIDENCE = 0.65


@dataclass
class SettleReport:
    """What one corpus step changed, and how many discovered entities it decided."""

    decided: int = 0
    retyped: int = 0
    not_names: int = 0
    below_floor: int = 0
    restored: int = 0
    deleted: int = 0
    split: int = 0

    def summary(self) -> str:
        return (f"corpus step: {self.retyped} entities retyped, {self.not_names} held as not names, "
                f"{self.below_floor} singletons below the confidence floor held, "
                f"{self.split} ambiguous acronyms split, {self.restored} restored, "
                f"{self.deleted} entities without mentions removed")


def stored_min_confidence(store: Store) -> float:
    """The confidence floor stored in the database, else the default."""
    value = store.setting("min_confidence")
    return float(value) if value is not None else DEFAULT_MIN_CONFIDENCE


def store_min_confidence(store: Store, value: float) -> None:
    """Remember a confidence floor in the database, for later ingests."""
    store.set_setting("min_confidence", str(value))


def settle_corpus(store: Store, min_confidence: float | None = None,
                  entity_ids: Iterable[str] | None = None, progress: bool = False) -> SettleReport:
    """Decide types, hold back non-names and unsupported singletons, over the corpus.

    Args:
        store: the database, after an ingest.
        min_confidence: the floor; None takes the stored setting (default 0.65).
        entity_ids: the entities an ingest touched; None re-decides every one.
        progress: show a progress bar on stderr.

    Returns:
        What changed.
    """
    floor = stored_min_confidence(store) if min_confidence is None else min_confidence
    report = SettleReport()
    with store.write_transaction() as db:
        scope = _scope(db, entity_ids)
        try:
            report.restored = _restore_supported(db, floor, scope)
            ids = [r[0] for r in db.execute(
                f"SELECT id FROM entities WHERE origin = 'discovered' {scope.replace('{}', 'id')} ORDER BY id")]
            report.decided = len(ids)
            for entity_id in tqdm(ids, desc="corpus", unit=" entities", disable=not progress, leave=False):
                _settle_entity(db, entity_id, floor, report)
            report.deleted = _delete_orphans(db)
        finally:
            db.execute("DROP TABLE IF EXISTS temp.corpus_scope")
    log.info(report.summary())
    return report


def _scope(db, entity_ids: Iterable[str] | None) -> str:
    """An SQL condition "AND {} IN the touched entities" (empty for all), `{}` the column.

    The touched entities go to a temporary table, so that an ingest of a month reads the
    held mentions and entities it touched, not all of them."""
    if entity_ids is None:
        return ""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS corpus_scope (id TEXT PRIMARY KEY)")
    db.execute("DELETE FROM temp.corpus_scope")
    db.executemany("INSERT OR IGNORE INTO temp.corpus_scope VALUES (?)", ((i,) for i in entity_ids))
    return "AND {} IN temp.corpus_scope"


def _settle_entity(db, entity_id: str, floor: float, report: SettleReport) -> None:
    name, current = db.execute("SELECT name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    rows = db.execute("SELECT paper_id, sentence, text, confidence FROM mentions WHERE entity_id = ?",
                      (entity_id,)).fetchall()
    if not rows:
        return
    evidence = [(paper, mention_evidence(sentence, text)) for paper, sentence, text, _ in rows]
    lowercase_papers = _lowercase_papers(db, name, rows)
    decision = decide_entity(name, EntityType(current), evidence, lowercase_papers)
    if decision.not_a_name:
        _hold(db, entity_id, "not-a-name")
        report.not_names += 1
        return
    if len({r[0] for r in rows}) == 1 and max(r[3] for r in rows) < floor:
        _hold(db, entity_id, "below-floor")
        report.below_floor += 1
        return
    if decision.type is not None and decision.type.value != current:
        db.execute("UPDATE entities SET type = ? WHERE id = ?", (decision.type.value, entity_id))
        db.execute("UPDATE mentions SET type = ? WHERE entity_id = ?", (decision.type.value, entity_id))
        _log_papers_naming(db, entity_id)
        report.retyped += 1
    if is_short_acronym(name) and decision.type is not None:
        report.split += _split_defined(db, entity_id, name, decision.type, rows)


def _lowercase_papers(db, name: str, rows) -> int:
    """Papers that write the name in lowercase: in a mention, or, for one capitalised word,
    anywhere in their title or abstract ("Student" and "student")."""
    papers = {paper for paper, _, text, _ in rows if text.islower()}
    if is_capitalised_word(name):
        word = re.compile(rf"\b{re.escape(name.lower())}s?\b")
        for paper in {r[0] for r in rows} - papers:
            found = db.execute("SELECT title || ' ' || abstract FROM papers WHERE id = ?", (paper,)).fetchone()
            if found and word.search(found[0]):
                papers.add(paper)
    return len(papers)


def _split_defined(db, entity_id: str, name: str, main: EntityType, rows) -> int:
    """A paper that defines the acronym as a thing of another type keeps its own reading
    (a definition holds within its paper: Schwartz & Hearst, 2003): its mentions move to
    an entity `<id>~<type>` of their own. Returns 1 when any paper moved."""
    readings: dict[str, EntityType] = {}
    for paper, sentence, text, _ in rows:
        defined, found = definition_evidence(sentence, text)
        if defined and isinstance(found, EntityType):
            readings.setdefault(paper, found)
    moved = {paper: t for paper, t in readings.items() if t is not main}
    for type_ in set(moved.values()):
        _split(db, entity_id, name, type_, {p for p, t in moved.items() if t is type_})
    return int(bool(moved))


def _split(db, entity_id: str, name: str, type_: EntityType, papers: set[str]) -> None:
    """Give the papers that read an acronym the other way an entity of their own."""
    other = f"{entity_id}~{type_.value.lower()}"
    db.execute("INSERT OR IGNORE INTO entities (id, name, type, variant_of, external_ids, origin) "
               "VALUES (?, ?, ?, NULL, '[]', 'discovered')", (other, name, type_.value))
    for paper in sorted(papers):
        db.execute("UPDATE mentions SET entity_id = ?, type = ? WHERE entity_id = ? AND paper_id = ?",
                   (other, type_.value, entity_id, paper))
        db.execute("INSERT INTO paper_changes (paper_id) VALUES (?)", (paper,))


def _log_papers_naming(db, entity_id: str) -> None:
    """Log the papers whose mentions of this entity change, as the store's triggers log paper
    writes, so that a running server's live graph reads them again (graph/live.py)."""
    db.execute("INSERT INTO paper_changes (paper_id) SELECT DISTINCT paper_id FROM mentions "
               "WHERE entity_id = ?", (entity_id,))


def _hold(db, entity_id: str, reason: str) -> None:
    _log_papers_naming(db, entity_id)
    db.execute("INSERT INTO held_mentions SELECT m.*, ?, p.fingerprint FROM mentions m "
               "JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ?", (reason, entity_id))
    db.execute("DELETE FROM mentions WHERE entity_id = ?", (entity_id,))


def _restore_supported(db, floor: float, scope: str = "") -> int:
    """Bring back held singletons whose entity has since gained support (not non-names);
    `scope` (see `_scope`) limits the step to the entities an ingest touched."""
    # A paper changed or gone since its mentions were held has new mentions (or none).
    db.execute("DELETE FROM held_mentions WHERE fingerprint IS NOT (SELECT fingerprint FROM papers "
               f"WHERE papers.id = held_mentions.paper_id) {scope.replace('{}', 'entity_id')}")
    supported = [r[0] for r in db.execute(
        f"SELECT h.entity_id FROM held_mentions h WHERE h.reason = 'below-floor' {scope.replace('{}', 'h.entity_id')} "
        "GROUP BY h.entity_id "
        "HAVING max(h.confidence) >= ? OR EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = h.entity_id "
        "AND m.paper_id NOT IN (SELECT paper_id FROM held_mentions WHERE entity_id = h.entity_id))",
        (floor,))]
    columns = ", ".join(f'"{c[1]}"' for c in db.execute("PRAGMA table_info(mentions)"))
    for entity_id in supported:
        db.execute(f"INSERT INTO mentions ({columns}) SELECT {columns} FROM held_mentions "
                   "WHERE entity_id = ? AND reason = 'below-floor'", (entity_id,))
        db.execute("DELETE FROM held_mentions WHERE entity_id = ?", (entity_id,))
        _log_papers_naming(db, entity_id)
    return len(supported)


def _delete_orphans(db) -> int:
    orphan = ("origin = 'discovered' AND id NOT IN (SELECT entity_id FROM mentions) "
              "AND id NOT IN (SELECT variant_of FROM entities WHERE variant_of IS NOT NULL) "
              "AND id NOT IN (SELECT entity_id FROM results) "
              "AND id NOT IN (SELECT model_id FROM results WHERE model_id IS NOT NULL) "
              "AND id NOT IN (SELECT metric_id FROM results WHERE metric_id IS NOT NULL)")
    deleted = 0
    while True:  # a parent is an orphan once its last variant is gone, in the pass before
        db.execute(f"DELETE FROM aliases WHERE entity_id IN (SELECT id FROM entities WHERE {orphan})")
        removed = db.execute(f"DELETE FROM entities WHERE {orphan}").rowcount
        deleted += removed
        if not removed:
            return deleted


def touched_entities(store: Store, paper_ids: Iterable[str]) -> set[str]:
    """The entities the mentions of these papers name (for an incremental corpus step)."""
    return store.entities_named_in(list(paper_ids))

