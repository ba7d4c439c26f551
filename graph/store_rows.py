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
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple

from .encoded_extraction import EncodedExtraction
from .errors import StoreError
from .records import Entity, PaperExtraction, spanned_mentions
from .speed import fast_entity_key
from .store_schema import MENTION_COLUMNS

PAPER_SQL = "INSERT OR REPLACE INTO papers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
# A paper's full-text row has the paper's rowid (store_schema.FTS_BY_ROWID).
FTS_SQL = "INSERT INTO papers_fts (rowid, id, title, abstract) VALUES (?,?,?,?)"
# Takes a paper's text out of the full-text index: an external-content table
# (store_schema.FTS_TABLE) is told the rowid and the very text it indexed.
FTS_DELETE_SQL = "INSERT INTO papers_fts (papers_fts, rowid, id, title, abstract) VALUES ('delete',?,?,?,?)"
ENTITY_SQL = ("INSERT INTO entities VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
              "{update}variant_of = coalesce(entities.variant_of, excluded.variant_of)")
ALIAS_SQL = "INSERT OR IGNORE INTO aliases VALUES (?,?,?)"
MENTION_SQL = (f"INSERT INTO mentions ({MENTION_COLUMNS}, evidence, defines, reads) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
RESULT_SQL = "INSERT INTO results VALUES (?,?,?,?,?,?,?,?,?,?,?)"

_NO_VOTE = (None, None)  # a mention's vote not computed: the corpus step computes it


def json_list(values) -> str:
    """`json.dumps(list(values))`: most of the lists a store writes (external ids, code and
    page links) are empty, and "[]" needs no encoder."""
    return json.dumps(list(values)) if values else "[]"


def entity_row(entity: Entity) -> tuple:
    """The `entities` row of an entity."""
    return (entity.id, entity.name, entity.type.value, entity.variant_of,
            json_list(map(list, entity.external_ids)), entity.origin)


def alias_rows(entity: Entity) -> list[tuple[str, str, str]]:
    """The `aliases` rows of an entity: its name and aliases under their keys (`entity_key`,
    by its fast path: a bulk load keys every name and alias of every entity it writes)."""
    return [(key, a, entity.id) for a in (entity.name, *entity.aliases) if (key := fast_entity_key(a))]


def mention_rows(extraction: PaperExtraction | EncodedExtraction,
                 origins: Mapping[str, str] | None = None) -> list[tuple]:
    """The `mentions` rows of a paper's extraction, each with its vote (NULLs without) and,
    given `origins` (the store's origin of each entity) and the workers' marks, the reading
    mark it is stored with (`stored_mark`); else NULL, for the corpus step to fill."""
    if isinstance(extraction, EncodedExtraction):
        return encoded_mention_rows(extraction, origins)
    votes = extraction.votes if len(extraction.votes) == len(extraction.mentions) else ()
    reads = extraction.reads if origins is not None and len(extraction.reads) == len(extraction.mentions) else ()
    try:
        mentions = spanned_mentions(extraction)
    except ValueError as exc:
        raise StoreError(f"{exc}: the store keeps a sentence as a slice of its paper's field") from exc
    return [(*_HEAD(m), m.type.value, *_MIDDLE(m), m.role.value, *m.phrase, *(vote or _NO_VOTE),
             stored_mark(mark, origins[m.entity_id], m.sentence, m.text) if reads else None)
            for m, vote, mark in zip(mentions, votes or repeat(None), reads or repeat(None))]


def encoded_mention_rows(extraction: EncodedExtraction, origins: Mapping[str, str] | None = None) -> list[tuple]:
    """`mention_rows` of the workers' mention tuples, the same rows without `Mention` records
    (`encoded_extraction.py`; `mention_rows` of the decoded records is the oracle of
    tests/test_store_rows.py). A tuple is a row's columns after the paper's id, but for the
    phrase, the name's span where either end is missing (`Mention.phrase`). `stored_mark` is
    unrolled (its calls were two fifths of this function's time under cProfile), and a
    sentence is cut from the paper only where it reads one."""
    count, paper, pid = len(extraction.mention_tuples), extraction.paper, extraction.paper.id
    votes = extraction.votes if len(extraction.votes) == count else repeat(None)
    reads = extraction.reads if origins is not None and len(extraction.reads) == count else None
    rows = []
    for (f, s, e, t, ss, se, ty, eid, c, comp, role, ps, pe), vote, mark in zip(
            extraction.mention_tuples, votes, reads or repeat(None)):
        if reads is None:
            stored = None
        elif (origin := origins[eid]) == "discovered":
            stored = mark
        elif mark_reads_sentence(mark, origin):
            stored = stored_mark(mark, origin, paper.field_text(f)[ss:se], t)
        else:
            stored = 0
        if ps is None or pe is None:
            ps, pe = s, e
        evidence, defines = vote or _NO_VOTE
        rows.append((pid, f, s, e, t, ss, se, ty, eid, c, comp, role, ps, pe, evidence, defines, stored))
    return rows


def mentioned_entities(extraction: PaperExtraction | EncodedExtraction) -> list[str]:
    """The entity id of each of an extraction's mentions, in order."""
    if isinstance(extraction, EncodedExtraction):
        return [t[7] for t in extraction.mention_tuples]
    return [m.entity_id for m in extraction.mentions]


# A mention's plain fields, fetched in C: most of the rows an ingest writes are mentions. Its
# sentence is stored as its span (store_schema.SENTENCE_SPANS).
_HEAD = attrgetter("paper_id", "field", "start", "end", "text", "sentence_start", "sentence_end")
_MIDDLE = attrgetter("entity_id", "confidence", "component")


def stored_mark(mark: int | None, origin: str, sentence: str, text: str) -> int | None:
    """The reading mark a mention is written with, from the workers' `mark` (None: not
    computed) and its entity's origin in this store: the mark `mention_readings.fill_marks`
    leaves. It computes a mark with the rules only for a discovered name, or a gazetteer
    name in a sentence that may introduce it, and marks every other row 0 without reading
    it: so those rows are written 0 here (not left for its UPDATE to rewrite), and the
    workers' mark, judged by their own entities' origins, is kept only where the store's
    own entity needs it. A None that stays goes to the rules. `sentence` is read only
    where `mark_reads_sentence`."""
    if origin == "discovered":
        return mark
    # a mark of None says the sentence may not introduce the name (`workers.reading_marks`)
    if not mark_reads_sentence(mark, origin):
        return 0
    # imported here: the store's readers must not load the extraction package
    from .extract.workers import may_introduce

    return mark if may_introduce(sentence, text) else 0


def mark_reads_sentence(mark: int | None, origin: str) -> bool:
    """Whether `stored_mark` reads the mention's sentence: a gazetteer name's computed mark."""
    return origin == "gazetteer" and mark is not None


class StoreOrigins(NamedTuple):
    """The store's origins of entities read before: `committed` by earlier transactions, and
    `read` in this one (which its writer keeps once it commits)."""

    committed: Mapping[str, str]
    read: dict[str, str]


def store_origins(db, entity_ids: Iterable[str], known: StoreOrigins | None = None,
                  chunk: int = 900) -> dict[str, str]:
    """The origin of each of these entities in the store; with `known`, only those it lacks
    are read (most of a batch's entities were named by the batches before it: at 75,000
    papers, reading them all again was 1-1.5% of the ingest's writing process), and join
    its `read`."""
    if known is not None:
        missing = [i for i in entity_ids if i not in known.committed]
        known.read.update(store_origins(db, missing, chunk=chunk))
        return {i: known.committed[i] if i in known.committed else known.read[i] for i in entity_ids}
    ids = list(entity_ids)
    origins: dict[str, str] = {}
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        origins.update(db.execute(f"SELECT id, origin FROM entities WHERE id IN ({','.join('?' * len(part))})",
                                  part).fetchall())
    return origins


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
    # The entity each id was last judged by: a batch's papers share their decoded entities
    # (`workers.decode_extraction`), so most are that very object, judged already.
    judged: dict[str, Entity] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            if judged.get(entity.id) is entity:
                continue
            judged[entity.id] = entity
            if written.get(entity.id) == entity or pending.get(entity.id) == entity:
                continue
            pending[entity.id] = entity
            out.append(entity)
    return out


def write_new_papers(db, extractions: Sequence[PaperExtraction], paper_rows: Sequence[tuple],
                     entities: Sequence[Entity], known: StoreOrigins | None = None) -> None:
    """Insert a batch of papers none of which the store holds, one statement a table.

    Args:
        db: the connection, inside the batch's transaction.
        extractions: the papers' extractions, in batch order.
        paper_rows: the `papers` row of each, in the same order.
        entities: the entities to write (`new_entities`).
        known: the store's origins of entities read before (`store_origins`).
    """
    last = db.execute("SELECT coalesce(max(rowid), 0) FROM papers").fetchone()[0]
    db.executemany(PAPER_SQL, paper_rows)
    # The batch's papers are the rows after `last`, in batch order: their text goes to the
    # full-text index under their own rowids.
    db.execute("INSERT INTO papers_fts (rowid, id, title, abstract) "
               "SELECT rowid, id, title, abstract FROM papers WHERE rowid > ? ORDER BY rowid", (last,))
    db.executemany(ENTITY_SQL.format(update=""), [entity_row(e) for e in entities])
    db.executemany(ALIAS_SQL, [row for e in entities for row in alias_rows(e)])
    origins = store_origins(db, {eid for x in extractions if x.reads for eid in mentioned_entities(x)}, known)
    db.executemany(MENTION_SQL, [row for x in extractions for row in mention_rows(x, origins)])
    db.executemany(RESULT_SQL, [row for x in extractions for row in result_rows(x)])
