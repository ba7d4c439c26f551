"""graph/store_faults.py: a full disk or a read-only database gives one clear error, keeps
every committed batch and leaves no partial batch behind.

The full disk is a real one: a 1 MB tmpfs mounted for the test (root only, as in CI);
elsewhere SQLite's `max_page_count` caps the file instead, which SQLite reports with the
same SQLITE_FULL error. The read-only file is made immutable with `chattr +i` as root
(root ignores file modes) and read-only with chmod otherwise.
"""

import os
import sqlite3
import subprocess

import pytest
from click.testing import CliRunner

from paperkg.api.cli import main
from paperkg.graph.errors import StoreError
from paperkg.graph.store import Store

from seed_graph import SEED_PAGE, copied_extractions

def paper_count(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM papers").fetchone()[0]


@pytest.fixture
def small_disk(tmp_path):
    """A directory on a 1 MB filesystem, or None where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                                            capture_output=True).returncode:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_gives_one_clear_error_and_keeps_whole_batches(tmp_path, small_disk, arxiv_records):
    if small_disk is None:
        pytest.skip("mounting a small tmpfs needs root; test_a_capped_database_... covers SQLITE_FULL")
    db = small_disk / "kg.db"
    assert CliRunner().invoke(main, ["ingest", str(SEED_PAGE), "--db", str(db), "--quiet"]).exit_code == 0
    big = arxiv_records(tmp_path / "big.jsonl", 3000)
    result = CliRunner().invoke(main, ["ingest", str(big), "--db", str(db), "--quiet", "--batch-size", "100"])
    assert result.exit_code == 1
    error_lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 1 and "disk holding" in error_lines[0] and "is full" in error_lines[0]
    assert "Traceback" not in result.output
    stored = paper_count(db)
    assert stored >= 17 and (stored - 17) % 100 == 0 and stored < 3017


def test_a_capped_database_reports_a_full_disk_and_rolls_the_batch_back(tmp_path):
    with Store(tmp_path / "kg.db") as store:
        store.write_batch(copied_extractions(1)[:4])
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(StoreError, match=r"disk holding .* is full .*Nothing of the failed batch was written"):
            store.write_batch(copied_extractions(40))
        assert store.count_papers() == 4
        assert not store._db.in_transaction


def test_a_read_only_database_gives_one_clear_error_and_loses_nothing(tmp_path, arxiv_records):
    db = tmp_path / "kg.db"
    assert CliRunner().invoke(main, ["ingest", str(SEED_PAGE), "--db", str(db), "--quiet"]).exit_code == 0
    before = db.read_bytes()
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode:
            pytest.skip("chattr +i is not available here, and root ignores chmod")
    else:
        db.chmod(0o444)
    try:
        records = arxiv_records(tmp_path / "more.jsonl", 20)
        result = CliRunner().invoke(main, ["ingest", str(records), "--db", str(db), "--quiet"])
    finally:
        subprocess.run(["chattr", "-i", str(db)], capture_output=True)
        db.chmod(0o644)
    assert result.exit_code == 1
    error_lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 1 and "read-only" in error_lines[0] and str(db) in error_lines[0], result.output
    assert "Traceback" not in result.output
    assert db.read_bytes() == before and paper_count(db) == 17
