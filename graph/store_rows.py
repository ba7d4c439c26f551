"""A batch of new papers written with one statement a table, rows built in one pass.

`Store.write_batch` writes a paper at a time: its row, its text in the full-text index,
its entities, mentions and results, a dozen statements a paper. When every paper of a
batch is new (an ingest into a fresh store, or a new month), nothing has to be deleted
or renumbered first, and the same rows can go in with one `executemany` a table: each
table receives its rows in the very order the paper-at-a-time writes give it (papers in
batch order, each paper's entities, aliases, mentions and results in theirs), so rowids,
the change log and every row are the same. Entities come before mentions, which refer to
them. At 75,000 papers this halves the SQLite time of the ingest's writing process,
which also feeds the extraction workers.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from itertools import repeat

from .records import Entity, PaperExtraction, entity_key
from .store_schema import MENTION_COLUMNS

PAPER_SQL = "INSERT OR REPLACE INTO papers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
# A paper's full-text row has the paper's rowid (store_schema.FTS_BY_ROWID).
FTS_SQL = "INSERT INTO papers_fts (rowid, id, title, abstract) VALUES (?,?,?,?)"
ENTITY_SQL = ("INSERT INTO entities VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
              "{update}variant_of = coalesce(entities.variant_of, excluded.variant_of)")
ALIAS_SQL = "INSERT OR IGNORE INTO aliases VALUES (?,?,?)"
MENTION_SQL = (f"INSERT INTO mentions ({MENTION_COLUMNS}, evidence, defines, reads) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
RESULT_SQL = "INSERT INTO results VALUES (?,?,?,?,?,?,?,?,?,?,?)"

_NO_VOTE = (None, None)  # a mention's vote not computed: the corpus step computes it


def entity_row(entity: Entity) -> tuple:
    """The `entities` row of an entity."""
    return (entity.id, entity.name, entity.type.value, entity.variant_of,
            json.dumps([list(x) for x in entity.external_ids]), entity.origin)


def alias_rows(entity: Entity) -> list[tuple[str, str, str]]:
    """The `aliases` rows of an entity: its name and aliases under their keys."""
    return [(key, a, entity.id) for a in (entity.name, *entity.aliases) if (key := entity_key(a))]


def mention_rows(extraction: PaperExtraction, marks: bool = False) -> list[tuple]:
    """The `mentions` rows of a paper's extraction, each with its vote (NULLs without) and,
    when `marks`, its reading mark as the workers computed it (else NULL; see
    `drop_marks_not_read`, which must follow)."""
    votes = extraction.votes if len(extraction.votes) == len(extraction.mentions) else ()
    reads = extraction.reads if marks and len(extraction.reads) == len(extraction.mentions) else ()
    return [(m.paper_id, m.field, m.start, m.end, m.text, m.sentence, m.type.value,
             m.entity_id, m.confidence, m.component, m.role.value, *m.phrase, *(vote or _NO_VOTE), mark)
            for m, vote, mark in zip(extraction.mentions, votes or repeat(None), reads or repeat(None))]


# A mark kept only where the corpus step would compute it with the rules (`fill_marks`):
# the workers judged by their own entities' origins, the store judges by its own.
DROP_MARKS_SQL = (
    "UPDATE mentions AS m SET reads = NULL WHERE m.rowid > ? AND m.reads IS NOT NULL AND NOT "
    "(SELECT e.origin = 'discovered' OR (e.origin = 'gazetteer' AND {may_introduce}) "
    "FROM entities e WHERE e.id = m.entity_id)"
)


def drop_marks_not_read(db, after_rowid: int) -> None:
    """Set back to NULL the marks of the mentions written after `after_rowid` that the
    corpus step would not compute with the rules (their entity, in this store, is neither
    discovered nor a gazetteer name in a sentence that may introduce it): it marks those
    itself, so every mark is the one `mention_readings.fill_marks` gives."""
    # imported here: mention_readings brings the extraction rules (and spaCy), which the
    # store's readers (the GraphQL schema) must not load
    from .mention_readings import MAY_INTRODUCE

    db.execute(DROP_MARKS_SQL.format(may_introduce=MAY_INTRODUCE), (after_rowid,))


def result_rows(extraction: PaperExtraction) -> list[tuple]:
    """The `results` rows of a paper's extraction; a value that is not finite is no result
    (SQLite would store NaN as NULL)."""
    return [(r.paper_id, r.field, r.start, r.end, r.sentence, r.entity_id, r.metric,
             r.value, r.unit, r.model_id, r.metric_id) for r in extraction.results
            if math.isfinite(r.value)]


def new_entities(extractions: Sequence[PaperExtraction], written: dict[str, Entity],
                 pending: dict[str, Entity]) -> list[Entity]:
    """The entities of a batch to write, in order: each unless this connection already
    wrote it as it is (`written`, committed; `pending`, this batch's, which it fills)."""
    out = []
    for extraction in extractions:
        for entity in extraction.entities:
            if written.get(entity.id) == entity or pending.get(entity.id) == entity:
                continue
            pending[entity.id] = entity
            out.append(entity)
    return out


def write_new_papers(db, extractions: Sequence[PaperExtraction], paper_rows: Sequence[tuple],
                     entities: Sequence[Entity]) -> None:
    """Insert a batch of papers none of which the store holds, one statement a table.

    Args:
        db: the connection, inside the batch's transaction.
        extractions: the papers' extractions, in batch order.
        paper_rows: the `papers` row of each, in the same order.
        entities: the entities to write (`new_entities`).
    """
    last = db.execute("SELECT coalesce(max(rowid), 0) FROM papers").fetchone()[0]
    db.executemany(PAPER_SQL, paper_rows)
    # The batch's papers are the rows after `last`, in batch order: their text goes to the
    # full-text index under their own rowids.
    db.execute("INSERT INTO papers_fts (rowid, id, title, abstract) "
               "SELECT rowid, id, title, abstract FROM papers WHERE rowid > ? ORDER BY rowid", (last,))
    db.executemany(ENTITY_SQL.format(update=""), [entity_row(e) for e in entities])
    db.executemany(ALIAS_SQL, [row for e in entities for row in alias_rows(e)])
    after = db.execute("SELECT coalesce(max(rowid), 0) FROM mentions").fetchone()[0]
    db.executemany(MENTION_SQL, [row for x in extractions for row in mention_rows(x, marks=True)])
    drop_marks_not_read(db, after)
    db.executemany(RESULT_SQL, [row for x in extractions for row in result_rows(x)])
