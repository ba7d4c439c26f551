"""A database written by an older paperkg is upgraded in place, with nothing lost."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from seed_graph import seed_extractions
from store_dumps import keep_sentences_as_text

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.errors import StoreError
from paperkg.graph.store import Store
from paperkg.graph.store_schema import HELD_COLUMNS, SCHEMA_VERSION, sentence_sql

BIBLIOGRAPHIC = (("papers", "year"), ("papers", "venue"), ("papers", "doi"))
VOTES = (("mentions", "evidence"), ("mentions", "defines"),
         ("held_mentions", "evidence"), ("held_mentions", "defines"))
READS = (("mentions", "reads"), ("held_mentions", "reads"))


def retitled(extraction, title: str):
    """The extraction of its paper under another title, without the title's mentions (whose
    sentence was the old title)."""
    return replace(extraction, paper=replace(extraction.paper, title=title),
                   mentions=tuple(m for m in extraction.mentions if m.field != "title"))


def make_version_1_database(path) -> int:
    """A store as paperkg wrote it at schema version 1; returns how many mentions it holds."""
    store = Store(path)
    store.write_batch(seed_extractions())
    store.close()
    db = sqlite3.connect(path)
    keep_sentences_as_text(db)
    db.execute("DROP INDEX mentions_unmarked")
    db.execute("DROP INDEX mentions_reading")
    for table, column in (("mentions", "phrase_start"), ("mentions", "phrase_end"),
                          ("results", "metric_id"), *BIBLIOGRAPHIC, *VOTES, *READS):
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("PRAGMA user_version = 1")
    count = db.execute("SELECT count(*) FROM mentions").fetchone()[0]
    db.commit()
    db.close()
    return count


def test_version_1_database_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    mentions = make_version_1_database(path)
    store = Store(path)
    version = store._db.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    papers = [e.paper.id for e in seed_extractions()]
    found = store.mentions_of_papers(papers)
    assert sum(len(v) for v in found.values()) == mentions
    # Rows written before the upgrade have no phrase: it is the name's own span.
    mention = next(iter(found.values()))[0]
    assert mention.phrase == (mention.start, mention.end)
    assert all(r.metric_id is None for r in store.iter_results())


def test_upgraded_database_takes_new_rows(tmp_path):
    path = tmp_path / "old.db"
    make_version_1_database(path)
    store = Store(path)
    report = store.write_batch(seed_extractions(), force=True)
    assert report.updated == len(seed_extractions())


def make_version_4_database(path) -> None:
    """A store as paperkg wrote it at schema version 4, before year, venue and DOI."""
    store = Store(path)
    store.write_batch(seed_extractions())
    store.close()
    db = sqlite3.connect(path)
    keep_sentences_as_text(db)
    db.execute("DROP INDEX mentions_unmarked")
    db.execute("DROP INDEX mentions_reading")
    for table, column in (*BIBLIOGRAPHIC, *VOTES, *READS):
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("DELETE FROM paper_changes")
    db.execute("PRAGMA user_version = 4")
    db.commit()
    db.close()


def test_version_4_database_gets_years_from_dates_and_sees_no_change(tmp_path):
    path = tmp_path / "v4.db"
    make_version_4_database(path)
    store = Store(path)
    papers = list(store.iter_papers())
    # Rows from before keep NULL; their year is their date's, without a row rewritten.
    assert papers and all(p.year is None for p in papers)
    assert all(p.publication_year == (p.date.year if p.date else None) for p in papers)
    assert {year for _, _, _, year, _, _ in store.paper_facets()} == {p.publication_year for p in papers}
    assert all(p.venue is None and p.doi is None for p in papers)
    # The migration logs nothing for a running server, and the same input is unchanged.
    assert store.changes_since(0) == (0, [])
    report = store.write_batch(seed_extractions())
    assert (report.added, report.updated) == (0, 0)
    assert report.unchanged == len(seed_extractions())
    # The change log still works after the migration lifted and restored its trigger.
    first = seed_extractions()[0]
    store.write_batch([replace(first, paper=replace(first.paper, venue="NeurIPS 2024"))])
    assert store.changes_since(0)[1] == [first.paper.id]
    assert store.get_papers([first.paper.id])[first.paper.id].venue == "NeurIPS 2024"


def test_version_6_database_gets_its_reading_marks_from_the_next_corpus_step(tmp_path):
    """Schema 7 adds `reads` (graph/mention_votes.py): NULL in the rows written before,
    filled by the next corpus step that touches their entity, as a new store fills them."""
    for name in ("v6.db", "new.db"):
        with Store(tmp_path / name) as store:
            store.write_batch(seed_extractions())
    db = sqlite3.connect(tmp_path / "v6.db")
    keep_sentences_as_text(db)
    db.execute("DROP INDEX mentions_unmarked")
    db.execute("DROP INDEX mentions_reading")
    for table, column in READS:
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("PRAGMA user_version = 6")
    db.commit()
    db.close()
    with Store(tmp_path / "v6.db") as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store._db.execute("SELECT count(*) FROM mentions WHERE reads IS NOT NULL").fetchone() == (0,)
        settle_corpus(store)
    with Store(tmp_path / "new.db") as store:
        settle_corpus(store)
    marks = "SELECT paper_id, start, entity_id, reads FROM mentions ORDER BY paper_id, start, entity_id"
    with sqlite3.connect(tmp_path / "v6.db") as old, sqlite3.connect(tmp_path / "new.db") as new:
        assert old.execute(marks).fetchall() == new.execute(marks).fetchall()
        assert old.execute("SELECT count(*) FROM mentions WHERE reads = 1").fetchone()[0] > 0


def make_database_with_text_copy(path, version: int, fill: str) -> sqlite3.Connection:
    """The seed store at schema `version` (7 or 8), whose full-text index keeps its own copy
    of the text, filled by the statement `fill`; an open connection to it."""
    with Store(path) as store:
        store.write_batch(seed_extractions())
    db = sqlite3.connect(path)
    keep_sentences_as_text(db)
    db.executescript(f"""
        DROP TABLE papers_fts;
        CREATE VIRTUAL TABLE papers_fts USING fts5 (id UNINDEXED, title, abstract);
        {fill};
        PRAGMA user_version = {version};
    """)
    return db


def test_version_7_full_text_rows_take_their_papers_rowids(tmp_path):
    """Schema 8 gives each paper's full-text row the paper's rowid, so that a rewrite or a
    delete finds it by rowid; a version 7 store's rows, numbered on their own, are remade."""
    path = tmp_path / "v7.db"
    db = make_database_with_text_copy(path, 7, "INSERT INTO papers_fts (id, title, abstract) "
                                      "SELECT id, title, abstract FROM papers ORDER BY rowid DESC")
    rowids = "SELECT p.id, p.rowid, f.rowid FROM papers p JOIN papers_fts f ON f.id = p.id ORDER BY p.id"
    assert any(paper != text for _, paper, text in db.execute(rowids))  # numbered on their own
    db.close()
    first = seed_extractions()[0]
    with Store(path) as store:
        rows = store._db.execute(rowids).fetchall()
        assert len(rows) == len(seed_extractions()) and all(paper == text for _, paper, text in rows)
        word = first.paper.title.split()[0]
        assert first.paper.id in store.search_paper_ids(word)
        store.write_batch([retitled(first, "Zyxwv")])
        assert store.search_paper_ids("Zyxwv") == [first.paper.id]
        assert first.paper.id not in store.search_paper_ids(word) or word in first.paper.abstract
        assert store._db.execute("SELECT count(*) FROM papers_fts").fetchone()[0] == len(seed_extractions())
        assert store.delete_paper(first.paper.id)
        assert store.search_paper_ids("Zyxwv") == []
        assert store._db.execute(rowids).fetchall() == [r for r in rows if r[0] != first.paper.id]


FTS_CHECK = "INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)"


def _words_of(extractions) -> list[str]:
    return sorted({w.strip(".,:;()").lower() for x in extractions for w in x.paper.title.split()} - {""})


def test_version_8_full_text_index_reads_its_text_from_papers(tmp_path):
    """Schema 9 keeps the full-text index without a copy of the text: a version 8 store's
    own copy (`papers_fts_content`) is dropped and the index rebuilt from `papers`, and
    every search finds the same papers in the same order."""
    path = tmp_path / "v8.db"
    db = make_database_with_text_copy(path, 8, "INSERT INTO papers_fts (rowid, id, title, abstract) "
                                      "SELECT rowid, id, title, abstract FROM papers ORDER BY rowid")
    words = _words_of(seed_extractions())
    search = "SELECT id FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank, id"
    before = {word: [i for i, in db.execute(search, (f'"{word}"',))] for word in words}
    db.close()
    with Store(path) as store:
        tables = {name for name, in store._db.execute("SELECT name FROM sqlite_master")}
        assert "papers_fts" in tables and "papers_fts_content" not in tables
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        store._db.execute(FTS_CHECK)
        after = {word: store.search_paper_ids(word) for word in words}
    assert after == before and sum(map(len, after.values())) > len(words)


def test_the_full_text_index_follows_rewritten_and_deleted_papers(tmp_path):
    """The index holds no text of its own: a rewrite and a delete take the old text out
    (FTS5's integrity check against `papers` fails when they do not)."""
    first, second, *_ = seed_extractions()
    with Store(tmp_path / "s.db") as store:
        store.write_batch(seed_extractions())
        old_word = first.paper.title.split()[0]
        store.write_batch([retitled(first, "Zyxwv")])
        store._db.execute(FTS_CHECK)
        assert store.search_paper_ids("Zyxwv") == [first.paper.id]
        assert first.paper.id not in store.search_paper_ids(old_word) or old_word in first.paper.abstract
        assert store.delete_paper(second.paper.id)
        store._db.execute(FTS_CHECK)
        assert all(second.paper.id not in store.search_paper_ids(w) for w in second.paper.title.split())
        count = store._db.execute("SELECT count(*) FROM papers_fts").fetchone()[0]
        assert count == len(seed_extractions()) - 1


def test_version_9_sentences_become_spans_of_their_papers_text(tmp_path):
    """Schema 10 keeps each sentence once, in its paper: a version 9 store's mention rows,
    held ones too, get the span of the sentence they held, the very span a new store
    writes, and every mention reads the same sentence back."""
    extractions = seed_extractions()
    papers = [x.paper.id for x in extractions]
    for name in ("v9.db", "new.db"):
        with Store(tmp_path / name) as store:
            store.write_batch(extractions)
            with store.write_transaction() as db:  # held mentions, as a corpus step holds them
                db.execute(f"INSERT INTO held_mentions ({HELD_COLUMNS}, reason, fingerprint) SELECT "
                           f"{HELD_COLUMNS.replace('paper_id', 'm.paper_id')}, 'test', p.fingerprint FROM mentions m "
                           "JOIN papers p ON p.id = m.paper_id WHERE m.rowid % 3 = 0 ORDER BY m.rowid")
    spans = "SELECT rowid, sentence_start, sentence_end FROM {} ORDER BY rowid"
    with Store(tmp_path / "new.db") as store:
        written = {table: store._query(spans.format(table)) for table in ("mentions", "held_mentions")}
        sentences = store.mentions_of_papers(papers)
    assert written["held_mentions"], "the seed's corpus step holds some mentions"
    db = sqlite3.connect(tmp_path / "v9.db")
    keep_sentences_as_text(db)
    db.execute("PRAGMA user_version = 9")
    held_text = db.execute("SELECT sentence FROM held_mentions ORDER BY rowid").fetchall()
    db.commit()
    db.close()
    with Store(tmp_path / "v9.db") as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = {row[1] for row in store._db.execute("PRAGMA table_info(mentions)")}
        assert "sentence" not in columns
        assert {table: store._query(spans.format(table)) for table in written} == written
        read = store.mentions_of_papers(papers)
        assert store._query(f"SELECT {sentence_sql('held_mentions')} FROM held_mentions ORDER BY rowid") == held_text
    assert {p: [m.sentence for m in ms] for p, ms in read.items()} == \
        {p: [m.sentence for m in ms] for p, ms in sentences.items()}
    by_paper = {x.paper.id: x.paper for x in extractions}
    assert all(m.sentence == by_paper[m.paper_id].field_text(m.field)[m.sentence_start:m.sentence_end]
               and m.sentence for ms in read.values() for m in ms)


def test_a_version_9_sentence_not_in_its_paper_stops_the_upgrade_unchanged(tmp_path):
    path = tmp_path / "v9.db"
    with Store(path) as store:
        store.write_batch(seed_extractions())
    db = sqlite3.connect(path)
    keep_sentences_as_text(db)
    db.execute("UPDATE mentions SET sentence = 'A sentence of no paper.' WHERE rowid = 3")
    paper = db.execute("SELECT paper_id FROM mentions WHERE rowid = 3").fetchone()[0]
    db.execute("PRAGMA user_version = 9")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match=f"paper {paper} has a sentence that is not in its title or abstract"):
        Store(path)
    with sqlite3.connect(path) as db:  # rolled back: still version 9, its text kept
        assert db.execute("PRAGMA user_version").fetchone()[0] == 9
        assert db.execute("SELECT sentence FROM mentions WHERE rowid = 3").fetchone()[0] == "A sentence of no paper."
