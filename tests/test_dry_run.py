"""`paperkg ingest --dry-run` (graph/dry_run.py): says what would change and writes nothing."""

import hashlib
import re

from click.testing import CliRunner

from paperkg.api.cli import main

from seed_graph import SEED_PAGE


def run(*args):
    return CliRunner().invoke(main, ["ingest", *map(str, args), "--quiet"])


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_dry_run_reports_new_updated_fields_and_replaced_mentions_without_writing(tmp_path):
    db = tmp_path / "kg.db"
    first = run(SEED_PAGE, "--db", db, "--dry-run")
    assert first.exit_code == 0 and "17 new" in first.output and "nothing written" in first.output
    assert not db.exists()

    assert run(SEED_PAGE, "--db", db).exit_code == 0
    text = SEED_PAGE.read_text(encoding="utf-8").replace("RESTOR helps uncover", "RESTOR helps find")
    text = re.sub(r"(?m)^(Jul 8, 2024)$", r"\1 42", text, count=1)  # one new upvote count
    edited = tmp_path / "edited.txt"
    edited.write_text(text, encoding="utf-8")
    before = digest(db)
    result = run(edited, "--db", db, "--dry-run")
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    assert "(0 new, 2 updated, 15 unchanged)" in summary
    assert "fields updated: abstract 1, upvotes 1" in summary
    assert "mentions replaced for 1 paper(s)" in summary
    assert digest(db) == before
    real = run(edited, "--db", db)
    assert "(0 new, 2 updated, 15 unchanged)" in real.output
