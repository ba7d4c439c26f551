"""`paperkg reextract`: what a user sees after importing names, and its errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from paperkg.api.cli import main

from reextract_fixtures import write_papers


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_reextract_after_names_import_reports_the_merge(tmp_path):
    db = str(tmp_path / "kg.db")
    assert run("ingest", str(write_papers(tmp_path / "papers.jsonl")), "--db", db, "--quiet").exit_code == 0
    names = tmp_path / "names.tsv"
    names.write_text("name\taliases\nZorbleNet-7\tZN-7\n", encoding="utf-8")
    assert run("names", "import", str(names), "--type", "DATASET", "--db", db).exit_code == 0

    result = run("reextract", "--db", db, "--quiet", "--workers", "1")

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "3 papers re-extracted"
    assert lines[1].startswith("entities: 1 added, 0 removed, 1 merged, 0 types changed")
    assert "  added: ZorbleNet-7 (DATASET, 3 papers)" in lines
    assert "  merged: ZN-7 -> ZorbleNet-7 (3 papers)" in lines


def test_json_lists_every_change_and_a_second_run_none(tmp_path):
    db = str(tmp_path / "kg.db")
    run("ingest", str(write_papers(tmp_path / "papers.jsonl")), "--db", db, "--quiet")
    names = tmp_path / "names.tsv"
    names.write_text("name\taliases\nZorbleNet-7\tZN-7\n", encoding="utf-8")
    run("names", "import", str(names), "--type", "DATASET", "--db", db)

    first = json.loads(run("reextract", "--db", db, "--quiet", "--json").output)
    second = json.loads(run("reextract", "--db", db, "--quiet", "--json").output)

    assert first["counts"] == {"added": 1, "removed": 0, "merged": 1, "retyped": 0}
    assert first["merged"] == [{"id": "zn7", "name": "ZN-7", "type": "BENCHMARK", "papers": 3,
                                "into": "zorblenet7", "into_name": "ZorbleNet-7"}]
    assert second["counts"] == {"added": 0, "removed": 0, "merged": 0, "retyped": 0}
    assert second["mentions"]["before"] == second["mentions"]["after"] == first["mentions"]["after"]


def test_a_missing_database_is_a_one_line_error_and_is_not_created(tmp_path):
    db = tmp_path / "nowhere.db"
    result = run("reextract", "--db", str(db))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: {db} does not exist; re-extraction works on a database that "
        f"`paperkg ingest FILE --db {db}` made"]
    assert not db.exists()


def test_a_file_that_is_no_database_is_a_one_line_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not sqlite at all\n" * 100, encoding="utf-8")
    result = run("reextract", "--db", str(path))
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1 and result.output.startswith(f"Error: {path} is not a paperkg")
