"""Corpus-level decisions after ingest: an entity's type over all its papers, and the floor.

Extraction decides per abstract; this step decides per entity, over every stored mention,
for entities that extraction found (origin "discovered"; gazetteer and user names are
final). It runs after the batches of an ingest, in one transaction:

1. **Type.** Each mention's sentence votes (`extract.rules.evidence.mention_evidence`, computed
   once where the mention was extracted and stored with it: `mention_votes.py`); the
   entity takes the type most papers support (`decide_entity`).
2. **Not a name.** An entity the corpus shows to be no name (an ordinal, a size, an untyped
   term, a field used as a modifier) has its mentions held back.
3. **Ambiguous acronyms.** A short acronym keeps the reading most papers support; a paper
   that defines it as a thing of another type ("Dual Dot-Regression (DDR)" loss beside the
   DDR dataset) keeps its own reading, in an entity `<id>~<type>`.
4. **Confidence floor.** An entity in one paper whose best mention is below
   `min_confidence` has its mentions held back: one weak context is no evidence.

The gazetteer names' readings are split first (corpus_readings.py): a paper that reads a
gazetteer name as what the corpus discovered under the paper's own text joins that
discovered entity, so every entity is decided once over all the mentions it will hold, and
a second step over the same store changes nothing.

Held mentions move to the `held_mentions` table, not away: when a later ingest names the
same entity, they come back and the entity is decided again over all its mentions, with
the readings an earlier split moved away, so a later paper that brings support (another
paper, a mention at the floor) restores them. So the step is incremental: it re-decides
only the entities the ingest touched (all of them with `entity_ids=None`), from the votes
the store keeps, and a month ingested later leaves the store that one ingest of all the
papers leaves (tests/test_ingest_incremental.py). Entities left with no mention are
deleted, with their aliases.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tqdm import tqdm

from .corpus_orphans import delete_entities, delete_orphans, keep_named_entities
from .corpus_readings import apply_readings, gazetteer_cases, hold_lowercase_readings
from .corpus_verdicts import (
    POOL_MIN_ENTITIES, POOL_MIN_READINGS, EntityCase, EntityVerdict, iter_in_order, iter_verdicts, read_gazetteer_chunk,
)
from .corpus_capitals import hold_title_case_words
from .corpus_classes import class_entities
from .corpus_definitions import defined_as_other_things
from .corpus_fragments import opening_fragments
from .corpus_introductions import introduced_data
from .corpus_listed_senses import split_listed_senses
from .corpus_listed_outside import hold_outside_papers
from .corpus_listed_titles import split_title_senses
from .corpus_listed_words import hold_word_phrases, hold_word_readings
from .corpus_longer_names import hold_longer_name_parts
from .corpus_model_classes import class_written_models
from .corpus_model_evidence import unevidenced_models
from .corpus_model_parts import part_named_models
from .corpus_mode_phrases import mode_phrases
from .corpus_modifiers import hold_likeness_mentions
from .corpus_outside_nouns import outside_type_entities
from .corpus_senses import hold_other_senses
from .corpus_sense_entities import split_senses
from .corpus_task_variants import task_variants
from .corpus_titles import title_case_classes
from .corpus_words import common_word_entities
from .extract.rules.evidence import is_capitalised_word
from .mention_readings import fill_marks, forget_weighed, gazetteer_forms, mark_weighed
from .records import EntityType
from .speed import gc_paused
from .store import Store
from .store_schema import HELD_COLUMNS, sentence_sql

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


# The indexes the step's queries read (`store_indexes.DeferredIndexes.build`): a bulk load
# builds them before the step and the rest after it. `entities_by_type` leads the plan of
# `hold_lowercase_readings`, whose rows it holds in that plan's order.
STEP_INDEXES = ("entities_by_type", "aliases_by_entity", "mentions_by_entity", "mentions_unmarked",
                "mentions_reading")

# Set by an ingest before its batches write and removed by the corpus step's transaction: found
# set, it says an ingest stopped (killed, out of power) between its batches and its step.
CORPUS_STEP_DUE = "corpus_step_due"


def stored_min_confidence(store: Store) -> float:
    """The confidence floor stored in the database, else the default."""
    value = store.setting("min_confidence")
    return float(value) if value is not None else DEFAULT_MIN_CONFIDENCE


def store_min_confidence(store: Store, value: float) -> None:
    """Remember a confidence floor in the database, for later ingests."""
    store.set_setting("min_confidence", str(value))


def settle_corpus(store: Store, min_confidence: float | None = None,
                  entity_ids: Iterable[str] | None = None, progress: bool = False,
                  workers: int = 1) -> SettleReport:
    """Decide types, hold back non-names and unsupported singletons, over the corpus.

    Args:
        store: the database, after an ingest.
        min_confidence: the floor; None takes the stored setting (default 0.65).
        entity_ids: the entities an ingest touched; None re-decides every one.
        progress: show a progress bar on stderr.
        workers: processes judging the entities (`corpus_verdicts.iter_verdicts`) when
            there are `POOL_MIN_ENTITIES` or more; the store ends up the same.

    Returns:
        What changed.
    """
    floor = stored_min_confidence(store) if min_confidence is None else min_confidence
    report = SettleReport()
    # Without the cyclic collector, here and in the pools forked here (`corpus_verdicts.iter_in_order`):
    # the step reads every discovered entity's rows into tuples (690,000 at 75,000 papers) and the
    # pools unpickle them; the collector's passes found nothing to free, and each full pass in a pool
    # process walked every object it inherited from the ingest (75k at load 7: 1.1-1.5 s of wall in
    # collections in each judging process, 0.4 in each gazetteer one; none since). The rows and
    # verdicts form no reference cycles; the collector runs again after the step.
    with gc_paused(), store.write_transaction() as db:
        db.execute("DELETE FROM settings WHERE key = ?", (CORPUS_STEP_DUE,))
        scope = _scope(db, entity_ids)
        held_empty = not scope and not db.execute("SELECT EXISTS (SELECT 1 FROM held_mentions)").fetchone()[0]
        held_indexes: list[str] = []
        try:
            with tqdm(desc="reading marks", unit=" mentions", disable=not progress, leave=False) as bar:
                fill_marks(db, scope, on_chunk=bar.update)  # the votes and marks of rows written without them, once
            # First the splits that give discovered entities mentions, so that each is decided
            # once over every mention it will hold: a step after this one changes nothing.
            joined: set[str] = set()
            report.split += _split_gazetteer_readings(db, scope, joined, workers)
            scope = _widen(db, scope, joined)
            pulled = _pull_back_held(db, scope)
            fill_marks(db, scope)  # of the held rows back, and of the entities the splits widened to
            # An `X~type` entity is made by its parent's split, and decided with it.
            entities = db.execute(
                f"SELECT id, name, type FROM entities WHERE origin = 'discovered' AND instr(id, '~') = 0 "
                f"{scope.replace('{}', 'id')} ORDER BY id").fetchall()
            ids = [entity[0] for entity in entities]
            _merge_split_readings(db, ids)
            report.decided = len(ids)
            if held_empty and len(ids) >= POOL_MIN_ENTITIES:  # a bulk load's step: see _drop_held_indexes
                held_indexes = _drop_held_indexes(db)
            keep_named_entities(db)
            with tqdm(total=len(ids), desc="corpus", unit=" entities", disable=not progress, leave=False) as bar:
                pool = workers if len(ids) >= POOL_MIN_ENTITIES else 1
                judged = range(CASES_A_CHUNK, len(ids) + CASES_A_CHUNK, CASES_A_CHUNK)  # after each chunk
                for done, verdicts in zip(judged, iter_verdicts(_iter_entity_cases(db, entities), floor, pool)):
                    held: list[tuple[str, str]] = []
                    orphans: list[str] = []
                    for verdict in verdicts:
                        _apply_verdict(db, verdict, report, held, orphans)
                    orphans += _hold_entities(db, held)
                    delete_entities(db, orphans)  # while the pool judges the next chunks
                    report.deleted += len(orphans)
                    bar.update(min(done, len(ids)) - bar.n)
            _hold_common_words(db, scope, report)
            report.not_names += hold_lowercase_readings(db, scope)
            report.not_names += hold_title_case_words(db, scope)
            report.not_names += hold_longer_name_parts(db, scope)
            report.not_names += hold_word_readings(db, scope) + hold_word_phrases(db, scope)
            report.not_names += hold_likeness_mentions(db, scope)
            report.not_names += hold_other_senses(db, scope)
            report.split += split_senses(db, scope) + split_listed_senses(db, scope)
            report.split += split_title_senses(db, scope)
            report.not_names += hold_outside_papers(db, scope)
            for entity_id in introduced_data(db, scope):
                _retype(db, entity_id, EntityType.DATASET, report)
            for entity_id in task_variants(db, scope):
                _retype(db, entity_id, EntityType.TASK, report)
            for entity_id in part_named_models(db, scope):
                _retype(db, entity_id, EntityType.METHOD, report)
            # after the splits and retypes, which they must not pre-empt
            models = sorted(set(unevidenced_models(db, scope)) | set(class_written_models(db, scope)))
            orphans = _hold_entities(db, [(entity_id, "not-a-name") for entity_id in models])
            delete_entities(db, orphans)
            report.not_names, report.deleted = report.not_names + len(models), report.deleted + len(orphans)
            report.restored = _count_restored(db, pulled)
            report.deleted += delete_orphans(db, scope)
            for sql in held_indexes:
                db.execute(sql)
        finally:
            db.execute("DROP TABLE IF EXISTS temp.corpus_scope")
            db.execute("DROP TABLE IF EXISTS temp.corpus_holds")
            db.execute("DROP TABLE IF EXISTS temp.corpus_orphans")
            db.execute("DROP TABLE IF EXISTS temp.corpus_kept")
    log.info(report.summary())
    return report


def _split_gazetteer_readings(db, scope: str, joined: set[str], workers: int) -> int:
    """`split_paper_readings` over the gazetteer names' mentions not weighed yet with their
    present forms (mention_readings.py), read in a pool of `workers` where there are many
    (`corpus_verdicts.iter_in_order`); returns the names split, and adds to `joined` the
    discovered entities their papers joined."""
    forms = gazetteer_forms(db, scope)
    forget_weighed(db, forms)
    cases = gazetteer_cases(db, scope)
    pool = workers if sum(len(case[3]) for case in cases) >= POOL_MIN_READINGS else 1
    chunks = [cases[i:i + 50] for i in range(0, len(cases), 50)]
    split = 0
    for chunk, readings in zip(chunks, iter_in_order(read_gazetteer_chunk, chunks, pool)):
        for case, reading in zip(chunk, readings):
            split += apply_readings(db, case[0], reading, gazetteer=True, joined=joined)
    mark_weighed(db, forms)
    return split


def _drop_held_indexes(db) -> list[str]:
    """Drop the indexes of `held_mentions`, which only readers and later steps read, and
    return their SQL, in their order, for the step to build them at its end. A step over
    every entity of a store that held none, and over many of them (a bulk load: 110,610 rows
    held at 75,000 papers), holds its entities' rows without them: one sort each instead of
    an insert a row (the holds 2.0-2.2 CPU s at 75k with them, 1.6 without). A small step
    gains nothing, and would rewrite the schema for it."""
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'held_mentions' "
                         "AND sql IS NOT NULL ORDER BY rowid").fetchall()
    for name, _ in indexes:
        db.execute(f"DROP INDEX {name}")
    return [sql for _, sql in indexes]


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


def _widen(db, scope: str, entity_ids: set[str]) -> str:
    """The scope (see `_scope`) with these entities too; all entities stay all."""
    if scope:
        db.executemany("INSERT OR IGNORE INTO temp.corpus_scope VALUES (?)", ((i,) for i in sorted(entity_ids)))
    return scope


# An entity's mention rows, (paper, sentence, text, confidence, evidence, defines, reads):
# the sentence only where `reads` says it gives its paper a reading, the only ones a rule
# reads it in (`corpus_verdicts.judge_entity`).
_ROWS = (f"SELECT entity_id, paper_id, CASE WHEN reads THEN {sentence_sql('mentions')} END, text, confidence, "
         "evidence, defines, reads FROM mentions WHERE entity_id IN ({})")


def _merge_split_readings(db, ids: list[str]) -> None:
    """Give back to each entity the mentions an earlier step split off into `<id>~<type>`
    entities (with its type), so that it is decided over all its papers, as one ingest of
    every paper decides it; the split is made again after the decision (`_split_defined`)."""
    parents = set(ids)
    merged = []
    for child, in db.execute("SELECT id FROM entities WHERE instr(id, '~') > 0").fetchall():
        parent = child.split("~", 1)[0]
        if parent in parents:
            db.execute("UPDATE mentions SET entity_id = ?, type = (SELECT type FROM entities WHERE id = ?) "
                       "WHERE entity_id = ?", (parent, parent, child))
            merged.append(child)
    # The split makes a child again where the decision still splits it: one left without
    # its mentions would outlive it, where one step over every paper never made it.
    delete_entities(db, merged)


CASES_A_CHUNK = 500


def _iter_entity_cases(db, entities: list[tuple[str, str, str]],
                       chunk: int = CASES_A_CHUNK) -> Iterator[list[EntityCase]]:
    """What the verdict on each of these (id, name, type) entities reads
    (`corpus_verdicts.EntityCase`), in order, a chunk of entities at a time (one query a
    chunk rather than one an entity). A split moves mentions only to an `X~type` entity,
    which is in no chunk, and a hold takes only its own entity's, and neither changes
    another entity's name or type: what is read ahead of the verdicts written stays true."""
    for i in range(0, len(entities), chunk):
        part = entities[i:i + chunk]
        rows: dict[str, list] = {entity_id: [] for entity_id, _, _ in part}
        for row in db.execute(_ROWS.format(",".join("?" * len(part))), list(rows)):
            rows[row[0]].append(row[1:])
        yield [(entity_id, name, type_, rows[entity_id], _lowercase_papers(db, name, rows[entity_id]))
               for entity_id, name, type_ in part]


def _apply_verdict(db, verdict: EntityVerdict, report: SettleReport, held: list[tuple[str, str]],
                   orphans: list[str]) -> None:
    """Write one entity's verdict (`corpus_verdicts.judge_chunk`: a type it names is new).

    A hold of the whole entity joins `held`, (entity, reason) pairs written together by
    `_hold_entities`, which is called here first when this verdict writes anything else,
    so that every table receives its rows in the order of the verdicts; the entities it leaves
    orphans join `orphans`."""
    entity_id = verdict.entity_id
    if verdict.hold is not None:
        held.append((entity_id, verdict.hold))
        if verdict.hold == "not-a-name":
            report.not_names += 1
        else:
            report.below_floor += 1
        return
    retyped = verdict.type is not None
    if retyped or verdict.readings is not None:
        orphans += _hold_entities(db, held)
        held.clear()
    if retyped:
        _retype(db, entity_id, verdict.type, report)
    if verdict.readings is not None:
        report.split += apply_readings(db, entity_id, verdict.readings)


def _lowercase_papers(db, name: str, rows) -> int:
    """Papers that write the name in lowercase: in a mention, or, for one capitalised word,
    anywhere in their title or abstract ("Student" and "student")."""
    papers = {row[0] for row in rows if row[2].islower()}
    if is_capitalised_word(name):
        lowered, word = name.lower(), None
        for paper in {r[0] for r in rows} - papers:
            found = db.execute("SELECT title || ' ' || abstract FROM papers WHERE id = ?", (paper,)).fetchone()
            if found and lowered in found[0]:  # the pattern below needs the word: most texts lack it
                word = word or re.compile(rf"\b{re.escape(lowered)}s?\b")
                if word.search(found[0]):
                    papers.add(paper)
    return len(papers)


def _retype(db, entity_id: str, entity_type: EntityType, report: SettleReport) -> None:
    db.execute("UPDATE entities SET type = ? WHERE id = ?", (entity_type.value, entity_id))
    db.execute("UPDATE mentions SET type = ? WHERE entity_id = ?", (entity_type.value, entity_id))
    _log_papers_naming(db, entity_id)
    report.retyped += 1


def _log_papers_naming(db, entity_id: str) -> None:
    """Log the papers whose mentions of this entity change, as the store's triggers log paper
    writes, so that a running server's live graph reads them again (graph/live.py)."""
    db.execute("INSERT INTO paper_changes (paper_id) SELECT DISTINCT paper_id FROM mentions "
               "WHERE entity_id = ?", (entity_id,))


def _hold_entities(db, held: list[tuple[str, str]]) -> list[str]:
    """Hold every mention of each (entity, reason) of `held`, in that order, with one
    statement a table for all of them (three statements an entity were a third of the
    step's own CPU at 75,000 papers, holding 42,000 entities): each entity's papers are
    logged for a running server (as `_log_papers_naming`, by paper id), and its rows are
    copied in the order of the index on (entity_id, paper_id), entity after entity, as
    holding one entity at a time would. Returns those of them left orphans, which the step
    deletes at once (`keep_named_entities`)."""
    if not held:
        return []
    db.execute("CREATE TEMP TABLE IF NOT EXISTS corpus_holds "
               "(position INTEGER PRIMARY KEY, entity_id TEXT NOT NULL UNIQUE, reason TEXT NOT NULL)")
    db.execute("DELETE FROM temp.corpus_holds")
    db.executemany("INSERT INTO temp.corpus_holds (entity_id, reason) VALUES (?, ?)", held)
    db.execute("INSERT INTO paper_changes (paper_id) SELECT m.paper_id FROM temp.corpus_holds h "
               "CROSS JOIN mentions m ON m.entity_id = h.entity_id GROUP BY h.position, m.paper_id "
               "ORDER BY h.position, m.paper_id")
    db.execute(f"INSERT INTO held_mentions ({HELD_COLUMNS}, reason, fingerprint) "
               f"SELECT {_HELD_FROM_M}, h.reason, p.fingerprint FROM temp.corpus_holds h "
               "CROSS JOIN mentions m ON m.entity_id = h.entity_id JOIN papers p ON p.id = m.paper_id "
               "ORDER BY h.position, m.paper_id, m.rowid")
    db.execute("DELETE FROM mentions WHERE entity_id IN (SELECT entity_id FROM temp.corpus_holds)")
    return [r[0] for r in db.execute("SELECT entity_id FROM temp.corpus_holds WHERE entity_id NOT IN temp.corpus_kept")]


_HELD_FROM_M = ", ".join(f"m.{column.strip()}" for column in HELD_COLUMNS.split(","))


def _hold_common_words(db, scope: str, report: SettleReport) -> None:
    """Hold the entities named by words the corpus writes in lowercase
    (`corpus_words.common_word_entities`), as classes of things (`corpus_classes.class_entities`)
    or as a sentence's first words (`corpus_fragments.opening_fragments`), the classes titles capitalise
    (`corpus_titles.title_case_classes`), the names their papers call software, formats or platforms
    (`corpus_outside_nouns.outside_type_entities`), and the acronyms their
    papers define as no model and as no other one type (`corpus_definitions.defined_as_other_things`;
    those defined as one other type take it), after the verdicts that give each its type."""
    other_things = defined_as_other_things(db, scope)
    held = sorted({*common_word_entities(db, scope), *class_entities(db, scope), *opening_fragments(db, scope),
                   *title_case_classes(db, scope), *outside_type_entities(db, scope), *mode_phrases(db, scope),
                   *(entity_id for entity_id, entity_type in other_things if entity_type is None)})
    for entity_id, entity_type in other_things:
        if entity_type is not None and entity_id not in held:
            _retype(db, entity_id, entity_type, report)
    orphans = _hold_entities(db, [(entity_id, "not-a-name") for entity_id in held])
    delete_entities(db, orphans)
    report.not_names += len(held)
    report.deleted += len(orphans)


def _pull_back_held(db, scope: str = "") -> list[str]:
    """Put the held mentions of the entities in `scope` (see `_scope`) back among the
    mentions, so that each entity is decided over all its mentions, held or not, as one
    ingest of every paper would decide it; the step holds again what it still must.
    Returns the entities whose mentions came back."""
    # A paper changed or gone since its mentions were held has new mentions (or none).
    db.execute("DELETE FROM held_mentions WHERE fingerprint IS NOT (SELECT fingerprint FROM papers "
               f"WHERE papers.id = held_mentions.paper_id) {scope.replace('{}', 'entity_id')}")
    pulled = [r[0] for r in db.execute(  # of entities a paper names again (held ones were deleted)
        "SELECT DISTINCT h.entity_id FROM held_mentions h JOIN entities e ON e.id = h.entity_id "
        f"WHERE e.origin = 'discovered' {scope.replace('{}', 'h.entity_id')} ORDER BY h.entity_id")]
    for entity_id in pulled:
        db.execute(f"INSERT INTO mentions ({HELD_COLUMNS}) SELECT {HELD_COLUMNS} FROM held_mentions "
                   "WHERE entity_id = ?", (entity_id,))
        db.execute("DELETE FROM held_mentions WHERE entity_id = ?", (entity_id,))
    return pulled


def _count_restored(db, pulled: list[str]) -> int:
    """How many of the pulled-back entities keep their mentions; their papers are logged
    for a running server (graph/live.py)."""
    kept = [e for e in pulled if db.execute("SELECT 1 FROM mentions WHERE entity_id = ? LIMIT 1", (e,)).fetchone()]
    for entity_id in kept:
        _log_papers_naming(db, entity_id)
    return len(kept)


def touched_entities(store: Store, paper_ids: Iterable[str]) -> set[str]:
    """The entities the mentions of these papers name (for an incremental corpus step)."""
    return store.entities_named_in(list(paper_ids))

