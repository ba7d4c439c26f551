"""`paperkg audit` and graph/audit.py, on a store ingested from the seed page."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperkg.api.cli import main
from paperkg.graph import audit

SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("audit") / "seed.db"
    result = CliRunner().invoke(main, ["ingest", str(SEED), "--db", str(db), "--as-of", "2026-11-28", "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def read_sheet(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fp:
        return list(csv.DictReader(fp, delimiter="\t"))


def test_a_draw_is_reproducible_with_its_seed(seed_db):
    conn = audit.open_readonly(seed_db)
    first, again = audit.draw_sample(conn, 20, seed=7), audit.draw_sample(conn, 20, seed=7)
    assert first == again
    assert [r.entity_id for r in audit.draw_sample(conn, 20, seed=8)] != [r.entity_id for r in first]


def test_a_draw_takes_equal_shares_of_the_strata(seed_db):
    conn = audit.open_readonly(seed_db)
    sizes = {key: len(ids) for key, ids in audit.count_strata(conn).items()}
    rows = audit.draw_sample(conn, 30, seed=1)
    taken = Counter(r.stratum for r in rows)
    assert len(rows) == min(30, sum(sizes.values()))
    assert all(taken[key] <= size for key, size in sizes.items())
    unexhausted = [taken[key] for key, size in sizes.items() if taken[key] < size]
    assert not unexhausted or max(unexhausted) - min(unexhausted) <= 1
    # a stratum with fewer entities than the others' share gives all it has
    assert all(taken[key] == size for key, size in sizes.items() if size <= min(unexhausted or [0]))


def test_a_draw_can_be_restricted_to_types_and_bands(seed_db, tmp_path):
    conn = audit.open_readonly(seed_db)
    rows = audit.draw_sample(conn, 50, seed=2, types={"MODEL", "DATASET"}, bands={"1"})
    held = sum(len(ids) for (_, type_, band), ids in audit.count_strata(conn).items()
               if type_ in {"MODEL", "DATASET"} and band == "1")
    assert rows and len(rows) == min(50, held)
    assert {r.stratum[1] for r in rows} <= {"MODEL", "DATASET"} and {r.stratum[2] for r in rows} == {"1"}
    sheet = tmp_path / "models.tsv"
    result = CliRunner().invoke(main, ["audit", "--db", str(seed_db), "-n", "5", "--type", "model",
                                       "--band", "1", "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    assert {row["type"] for row in read_sheet(sheet)} == {"MODEL"}


def test_the_sheet_marks_the_name_in_its_best_sentence(seed_db, tmp_path):
    sheet = tmp_path / "round.tsv"
    result = CliRunner().invoke(main, ["audit", "--db", str(seed_db), "-n", "12", "--seed", "3", "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    rows = read_sheet(sheet)
    assert len(rows) == 12 and list(rows[0]) == list(audit.COLUMNS)
    for row in rows:
        assert "[[" in row["evidence"] and row["verdict"] == "" and row["note"] == ""
        assert row["band"] == audit.band_of(int(row["papers"]))


def test_score_gives_precision_per_stratum_and_weights(seed_db, tmp_path):
    sheet = tmp_path / "judged.tsv"
    audit.write_sheet(audit.draw_sample(audit.open_readonly(seed_db), 8, seed=5), sheet)
    rows = read_sheet(sheet)
    for i, row in enumerate(rows):
        row["verdict"] = "ok" if i % 2 == 0 else "wrong-type:TASK"
    with open(sheet, "w", newline="", encoding="utf-8") as fp:
        out = csv.DictWriter(fp, fieldnames=audit.COLUMNS, delimiter="\t", lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
    conn = audit.open_readonly(seed_db)
    population = {k: len(v) for k, v in audit.count_strata(conn).items()}
    scores = audit.score_verdicts(audit.read_verdicts(sheet), population)
    assert sum(s.judged for s in scores) == 8 and sum(s.correct for s in scores) == 4
    for s in scores:
        assert s.population == population[s.stratum]
    precision, held = audit.weighted_precision(scores)
    assert held == sum(s.population for s in scores)
    assert precision == pytest.approx(sum(s.population * s.precision for s in scores) / held)
    result = CliRunner().invoke(main, ["audit", "--score", str(sheet), "--db", str(seed_db)])
    assert result.exit_code == 0 and "whole graph" in result.output


def test_weighting_follows_stratum_sizes():
    big, small = ("discovered", "MODEL", "1"), ("gazetteer", "MODEL", "10+")
    scores = audit.score_verdicts([(big, "ok"), (big, "not-a-name"), (small, "ok")], {big: 900, small: 100})
    assert audit.weighted_precision(scores) == (pytest.approx(0.55), 1000)


def test_a_bad_verdict_is_a_clean_error(seed_db, tmp_path):
    sheet = tmp_path / "bad.tsv"
    sheet.write_text("\t".join(audit.COLUMNS) + "\nx\tX\tMODEL\tdiscovered\t1\t1\tev\tmaybe\t\n")
    result = CliRunner().invoke(main, ["audit", "--score", str(sheet), "--db", str(seed_db)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "line 2" in result.output and "maybe" in result.output


def test_a_missing_database_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["audit", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "s.tsv")])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "does not exist" in result.output


def write_judged(path, rows) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fp:
        out = csv.DictWriter(fp, fieldnames=audit.COLUMNS, delimiter="\t", lineterminator="\n")
        out.writeheader()
        out.writerows(rows)


def test_sheets_pool_and_read_as_the_store_holds_them_now(seed_db, tmp_path):
    conn = audit.open_readonly(seed_db)
    drawn = read_sheet_of(audit.draw_sample(conn, 6, seed=3), tmp_path / "drawn.tsv")
    # A sheet judged on an older graph: one entity since gone, one judged as another type
    # that it has now, one of another type now than its verdict asked for.
    first, second, third = drawn[0], drawn[1], drawn[2]
    other = next(t for t in ("TASK", "METRIC") if t != second["type"])
    older = [dict(first, entity_id="no-such-entity", entity="Gone", verdict="not-a-name"),
             dict(second, type=other, verdict=f"wrong-type:{second['type']}"),
             dict(third, verdict="ok")]
    third_type = next(t for t in ("DATASET", "BENCHMARK") if t != third["type"])
    older[2]["type"] = third_type
    write_judged(tmp_path / "older.tsv", older)
    write_judged(tmp_path / "later.tsv", [dict(r, verdict="not-a-name") for r in drawn[3:]])

    now = audit.read_as_now(conn, audit.read_judged(tmp_path / "older.tsv"))
    assert [r.entity for r in now.gone] == ["Gone"]
    assert [r.entity_id for r in now.now_right] == [second["entity_id"]]
    assert [(r.entity_id, t) for r, t in now.retyped] == [(third["entity_id"], third["type"])]
    assert [v for _, v in now.verdicts] == ["ok", "ok"]
    assert {s for s, _ in now.verdicts} == {audit.AuditRow(r["entity_id"], r["entity"], r["type"], r["origin"],
                                                          int(r["papers"]), "").stratum for r in (second, third)}

    pooled = CliRunner().invoke(main, ["audit", "--score", str(tmp_path / "older.tsv"), "--score",
                                       str(tmp_path / "later.tsv"), "--as-now", "--db", str(seed_db)])
    assert pooled.exit_code == 0, pooled.output
    assert "1 rows dropped" in pooled.output and "1 wrong-type rows now right" in pooled.output
    assert "judge again: " in pooled.output
    judged = sum(int(n) for n in re.findall(r"\(\d+/(\d+) judged ok", pooled.output))
    assert judged == 2 + len(drawn[3:])  # the gone row dropped, the other five counted
    plain = CliRunner().invoke(main, ["audit", "--score", str(tmp_path / "older.tsv"), "--score",
                                      str(tmp_path / "later.tsv"), "--db", str(seed_db)])
    assert plain.exit_code == 0 and "dropped" not in plain.output


def test_as_now_without_a_sheet_is_a_usage_error(seed_db, tmp_path):
    result = CliRunner().invoke(main, ["audit", "--as-now", "-o", str(tmp_path / "s.tsv"), "--db", str(seed_db)])
    assert result.exit_code == 2 and "--as-now" in result.output


def read_sheet_of(rows, path) -> list[dict]:
    audit.write_sheet(rows, path)
    return read_sheet(path)
