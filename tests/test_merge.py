"""The merge rule of graph/merge.py, through the store and the `ingest` command.

The newest non-empty value of each field wins: a later record never empties a known field,
upvotes take the latest value, a changed abstract replaces the mentions.
"""

import re
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner

from paperkg.api.cli import main
from paperkg.graph.merge import changed_fields, merge_paper, plan_change
from paperkg.graph.records import Paper
from paperkg.graph.store import Store

from seed_graph import SEED_PAGE, seed_extraction

DATE_LINE = re.compile(r"^[A-Z][a-z]{2} \d{1,2}(, \d{4})?( \d+)?$")


def ingest(path, db):
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return result


def paper_rows(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, title, abstract, date, authors_count, upvotes FROM papers ORDER BY id").fetchall()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("merge") / "seed.db"
    ingest(SEED_PAGE, db)
    return db


def test_the_page_again_without_its_date_lines_keeps_every_date(seed_db, tmp_path):
    db = tmp_path / "kg.db"
    db.write_bytes(seed_db.read_bytes())
    before = paper_rows(db)
    lines = SEED_PAGE.read_text(encoding="utf-8").splitlines()
    undated = tmp_path / "undated.txt"
    undated.write_text("\n".join(line for line in lines if not DATE_LINE.match(line.strip())), encoding="utf-8")
    result = ingest(undated, db)
    assert paper_rows(db) == before
    assert sum(row[3] is not None for row in before) >= 16
    assert "17 unchanged" in result.output


def test_a_latin1_save_of_the_page_erases_nothing(seed_db, tmp_path):
    db = tmp_path / "kg.db"
    db.write_bytes(seed_db.read_bytes())
    before = paper_rows(db)
    latin1 = tmp_path / "latin1.txt"
    # What a save as Latin-1 does: "•" (not in Latin-1) becomes "?", "·" becomes byte 0xB7.
    latin1.write_bytes(SEED_PAGE.read_text(encoding="utf-8").encode("latin-1", "replace"))
    result = ingest(latin1, db)
    assert paper_rows(db) == before
    assert "17 unchanged" in result.output and "0 skipped" in result.output


def test_the_newest_non_empty_value_of_each_field_wins():
    known = Paper("p", "Title", "Old abstract.", date=date(2024, 7, 8), authors_count=4, upvotes=9,
                  urls=("https://a.example",), source="old.txt:1")
    later = Paper("p", "Title", "New abstract.", date=None, authors_count=None, upvotes=3,
                  urls=(), categories=("cs.CL",), source="new.txt:5")
    merged = merge_paper(known, later)
    assert merged == Paper("p", "Title", "New abstract.", date=date(2024, 7, 8), authors_count=4,
                           upvotes=3, urls=("https://a.example",), categories=("cs.CL",), source="new.txt:5")
    assert changed_fields(known, merged) == ["abstract", "upvotes", "categories"]
    assert plan_change(known, later).replaces_mentions
    assert merge_paper(None, later) is later


def test_write_batch_keeps_known_fields_and_takes_the_latest_upvotes(tmp_path):
    with Store(tmp_path / "kg.db") as store:
        first = seed_extraction("muse")
        store.write_batch([first])
        bare = replace(first.paper, date=None, authors_count=None, upvotes=0, urls=(), code_urls=())
        report = store.write_batch([replace(first, paper=bare)])
        stored = store.get_papers([bare.id])[bare.id]
    assert report.updated == 1
    assert stored == replace(first.paper, upvotes=0, source=bare.source)


def test_a_changed_abstract_replaces_the_mentions_and_an_unchanged_one_keeps_them(tmp_path):
    with Store(tmp_path / "kg.db") as store:
        first = seed_extraction("muse")
        store.write_batch([first])
        assert store.changed_papers([replace(first.paper, date=None)]) == []
        edited = replace(first.paper, abstract="We evaluate on ImageNet only.", date=None)
        (changed,) = store.changed_papers([edited])
        assert changed.date == first.paper.date and changed.abstract == edited.abstract
        store.write_batch([replace(first, paper=edited, mentions=(), entities=(), results=())])
        assert store.mentions_of_papers([edited.id]) == {}
        assert store.get_papers([edited.id])[edited.id].date == first.paper.date
