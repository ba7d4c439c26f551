"""Bulk writes (graph/store_rows.py) and deferred indexes: the rows a store ends with are
the rows paper-by-paper writes leave, and no index goes missing."""

import json
import sqlite3
from itertools import cycle
from pathlib import Path

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.workers import decode_extraction, decode_for_store, encode_extraction
from paperkg.graph.mention_readings import fill_marks
from paperkg.graph.records import Entity, Paper
from paperkg.graph.sources import iter_papers
from paperkg.graph.store import Store
from paperkg.graph.store_rows import json_list, mention_rows
from paperkg.graph.store_schema import DEFERRED_INDEXES

from seed_page import SEED
from store_dumps import ingest_into

TABLES = ("papers", "entities", "aliases", "mentions", "results", "held_mentions")


def rows_of(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as db:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def indexes_of(path: Path) -> list[tuple[str, str]]:
    """(table, index) in the order SQLite made them: its planner's order among equals."""
    with sqlite3.connect(path) as db:
        return db.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' "
                          "ORDER BY rowid").fetchall()


def test_a_new_batch_stores_the_rows_a_paper_at_a_time_stores(tmp_path):
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1, defer_indexes=True)  # in bulk
    bulk = rows_of(tmp_path / "kg.db")
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1, reextract=True)  # one by one
    assert rows_of(tmp_path / "kg.db") == bulk
    assert bulk["mentions"] and bulk["entities"] and bulk["results"]


def test_an_ingest_into_a_new_store_ends_with_its_indexes_in_their_order(tmp_path):
    Store(tmp_path / "empty.db").close()
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1, defer_indexes=True)
    by_table = lambda path, table: [n for t, n in indexes_of(path) if t == table]  # noqa: E731
    for table in ("papers", "entities", "aliases", "mentions", "results"):
        assert by_table(tmp_path / "kg.db", table) == by_table(tmp_path / "empty.db", table)


def test_indexes_an_ingest_killed_halfway_left_out_are_made_on_open(tmp_path):
    Store(tmp_path / "empty.db").close()
    Store(tmp_path / "kg.db").close()
    with sqlite3.connect(tmp_path / "kg.db") as db:  # as `Store.deferred_indexes` leaves them
        for name in (*DEFERRED_INDEXES, "mentions_discovered", "mentions_edges"):  # the last: in the step
            db.execute(f"DROP INDEX {name}")
    Store(tmp_path / "kg.db").close()
    assert sorted(indexes_of(tmp_path / "kg.db")) == sorted(indexes_of(tmp_path / "empty.db"))


# -- reading marks computed in the extraction workers ---------------------------------------

DEFINED = Paper("r1", "Results on MMLU", "We introduce MMLU (Massive Multitask Language Understanding), a "
                "benchmark of 57 subjects. GPT-4 leads on MMLU.")
MOVED = Paper("r2", "Pruning with MMLU", "We present MMLU, a new method for pruning large language models. "
              "We introduce FooNet, a model for pruning. MMLU prunes half of the weights.")


def marks_of(path: Path) -> dict[tuple, int | None]:
    with sqlite3.connect(path) as db:
        return {row[:3]: row[3] for row in db.execute("SELECT paper_id, start, entity_id, reads FROM mentions")}


def write_and_fill(path: Path, extractions, before=()) -> dict[tuple, int | None]:
    """Write the extractions as a batch of new papers, then let the corpus step's
    `fill_marks` mark what is left; the marks after the write, and the final marks."""
    with Store(path) as store:
        if before:
            store.add_entities(before)
        store.write_batch(extractions)
        written = marks_of(path)
        with store.write_transaction() as db:
            fill_marks(db)
    return written, marks_of(path)


def test_marks_from_the_workers_are_the_marks_the_corpus_step_gives(tmp_path):
    extractions = list(Extractor.default().extract([DEFINED, MOVED]))
    from_workers = [decode_extraction(x.paper, encode_extraction(x)) for x in extractions]
    assert any(mark is not None for x in from_workers for mark in x.reads)
    kept, marked = write_and_fill(tmp_path / "workers.db", from_workers)
    _, reference = write_and_fill(tmp_path / "step.db", extractions)
    assert marked == reference
    assert None not in reference.values() and 1 in reference.values()
    assert {k: v for k, v in kept.items() if v is not None}.items() <= reference.items()
    assert any(v is not None for v in kept.values()), "the write keeps the workers' marks"


def test_a_mark_the_store_would_not_compute_is_left_to_the_corpus_step(tmp_path):
    extractions = list(Extractor.default().extract([DEFINED, MOVED]))
    from_workers = [decode_extraction(x.paper, encode_extraction(x)) for x in extractions]
    marked = next(m for x in from_workers for m, r in zip(x.mentions, x.reads) if r == 1)
    as_user = [Entity(marked.entity_id, marked.text, marked.type, origin="user")]  # the store's word wins
    kept, final = write_and_fill(tmp_path / "workers.db", from_workers, before=as_user)
    _, reference = write_and_fill(tmp_path / "step.db", extractions, before=as_user)
    key = (marked.paper_id, marked.start, marked.entity_id)
    assert kept[key] == 0 and final[key] == 0  # written as the corpus step would mark it
    assert final == reference


def test_entities_shared_by_a_batchs_papers_are_written_once_as_they_are(tmp_path):
    extractions = list(Extractor.default().extract([DEFINED, MOVED]))
    decoded: dict = {}
    shared = [decode_extraction(x.paper, encode_extraction(x), decoded) for x in extractions]
    apart = [decode_extraction(x.paper, encode_extraction(x)) for x in extractions]
    for name, batch in (("shared.db", shared), ("apart.db", apart)):
        store = Store(tmp_path / name)
        store.write_batch(batch)
        store.close()
    assert rows_of(tmp_path / "shared.db") == rows_of(tmp_path / "apart.db")
    assert rows_of(tmp_path / "shared.db")["entities"]


def test_a_list_is_written_as_json_dumps_writes_it():
    for values in ((), ["a"], ("Ann Lee", "Bo Ðiệp"), [["wikidata", "Q1"]]):
        assert json_list(values) == json.dumps(list(values))


def test_the_workers_tuples_make_the_rows_their_mentions_make():
    """`encoded_mention_rows` (the store's fast path) against `mention_rows` of the decoded
    records, its oracle: every origin a mark is judged by, with and without origins, a
    phrase with a missing end."""
    papers = [p for p in iter_papers(SEED) if isinstance(p, Paper)]
    extractions = list(Extractor.default().extract(papers, batch_size=len(papers)))
    rows = [encode_extraction(x) for x in extractions]
    mentions, *rest = rows[0]
    rows[0] = ([(*m[:11], m[11], None) for m in mentions], *rest)  # a phrase without its end
    origins = dict(zip(sorted({m.entity_id for x in extractions for m in x.mentions}),
                       cycle(("discovered", "gazetteer", "user", "gazetteer"))))
    for paper, row in zip(papers, rows):
        plain, encoded = decode_extraction(paper, row), decode_for_store(paper, row)
        assert encoded.mentions == plain.mentions and encoded.plain() == plain
        for given in (origins, None):
            assert mention_rows(encoded, given) == mention_rows(plain, given)
    marked = [(m[7], mark) for row in rows for m, mark in zip(row[0], row[4])]
    assert len(marked) > 100
    assert {origins[eid] for eid, mark in marked if mark is not None} == {"discovered", "gazetteer", "user"}
