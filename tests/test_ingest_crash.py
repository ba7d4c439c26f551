"""graph/ingest.py and graph/store.py under SIGKILL: a real `paperkg ingest` subprocess of a
few thousand papers is killed at random points (several seeds), then run again; the end
state equals that of one clean run, and nothing committed is lost or doubled."""

import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

TABLES = {
    "papers": "SELECT * FROM papers",
    "mentions": "SELECT * FROM mentions",
    "results": "SELECT * FROM results",
    "entities": "SELECT * FROM entities",
    "aliases": "SELECT * FROM aliases",
    "fts": "SELECT id, title, abstract FROM papers_fts",
}


def ingest_command(corpus, db, *options):
    return [sys.executable, "-m", "paperkg.api.cli", *options, "ingest", str(corpus), "--db", str(db), "--quiet",
            "--batch-size", "100"]


def dump(db):
    with sqlite3.connect(db) as conn:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()}


@pytest.fixture(scope="module")
def clean(tmp_path_factory, arxiv_records):
    folder = tmp_path_factory.mktemp("crash")
    corpus = arxiv_records(folder / "corpus.jsonl", 2000)
    started = time.monotonic()
    subprocess.run(ingest_command(corpus, folder / "clean.db"), check=True, capture_output=True)
    return corpus, dump(folder / "clean.db"), time.monotonic() - started


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_then_rerun_ends_as_one_clean_run(clean, tmp_path, seed):
    corpus, expected, took = clean
    db = tmp_path / "killed.db"
    process = subprocess.Popen(ingest_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random(seed).uniform(0.2, took))
    process.send_signal(signal.SIGKILL)
    process.wait()
    if db.exists():
        with sqlite3.connect(db) as conn:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            # killed before the schema's one transaction committed: an empty file, never half a schema
            count = conn.execute("SELECT count(*) FROM papers").fetchone()[0] if tables else 0
        assert not tables or set(TABLES) - {"fts"} <= tables, f"a partial schema was committed: {sorted(tables)}"
        assert count % 100 == 0, f"{count} papers: a partial batch was committed"
    subprocess.run(ingest_command(corpus, db), check=True, capture_output=True)
    got = dump(db)
    for table in TABLES:
        assert got[table] == expected[table], f"{table} differs after kill at seed {seed}"
    assert len(got["papers"]) == 2000 and len(set(got["mentions"])) == len(got["mentions"])


def test_a_kill_between_the_batches_and_the_corpus_step_is_made_good_by_the_next_ingest(clean, tmp_path):
    # every paper is stored when the batches end, so the rerun finds nothing new to write:
    # the step left undone is what it must still run
    corpus, expected, _ = clean
    db = tmp_path / "killed.db"
    process = subprocess.Popen(ingest_command(corpus, db, "-v"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    for line in process.stderr:
        if "ingest stage batches" in line:
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM papers").fetchone()[0] == 2000
        assert conn.execute("SELECT value FROM settings WHERE key = 'corpus_step_due'").fetchall() == [("1",)]
    subprocess.run(ingest_command(corpus, db), check=True, capture_output=True)
    got = dump(db)
    for table in TABLES:
        assert got[table] == expected[table], f"{table} differs after a kill before the corpus step"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM settings WHERE key = 'corpus_step_due'").fetchone() == (0,)
