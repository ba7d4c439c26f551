"""Audit the entities of a store: draw a stratified sample to judge, score a judged sheet.

An entity's stratum is its origin ("gazetteer", "discovered", "user"), its type and its
paper-count band (1, 2, 3-9, 10+). `draw_sample` takes the same number of entities from
every stratum (a stratum smaller than its share gives all it has, the rest goes to the
others), in an order fixed by the seed, and writes a TSV sheet: one row an entity with its
best evidence (the sentence of its highest-confidence mention, the name in [[ ]]), and
empty `verdict` and `note` columns for a judge. `score_sheet` reads the judged sheet back
and gives precision per stratum, with how many entities each stratum holds in the store,
so that an estimate over many strata weighs each by its size (stratified sampling,
Cochran 1977, ch. 5).

Verdicts: `ok`; `not-a-name` (a phrase, a word, a fragment); `wrong-type:TYPE`.
"""

from __future__ import annotations

import csv
import random
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import AuditSheetError, StoreError
from .store_schema import sentence_sql

BANDS = ("1", "2", "3-9", "10+")
COLUMNS = ("entity_id", "entity", "type", "origin", "papers", "band", "evidence", "verdict", "note")
VERDICTS = ("ok", "not-a-name", "wrong-type")


def band_of(papers: int) -> str:
    """The paper-count band of an entity found in `papers` papers."""
    return "1" if papers <= 1 else "2" if papers == 2 else "3-9" if papers < 10 else "10+"


@dataclass(frozen=True)
class AuditRow:
    """One entity of the sample, as written to the sheet."""

    entity_id: str
    entity: str
    type: str
    origin: str
    papers: int
    evidence: str

    @property
    def stratum(self) -> tuple[str, str, str]:
        return (self.origin, self.type, band_of(self.papers))


@dataclass(frozen=True)
class StratumScore:
    """Precision of one stratum of a judged sheet."""

    stratum: tuple[str, str, str]
    judged: int
    correct: int
    population: int

    @property
    def precision(self) -> float | None:
        return self.correct / self.judged if self.judged else None


def open_readonly(db: str | Path) -> sqlite3.Connection:
    """A read-only connection to a paperkg database.

    Raises:
        StoreError: the file does not exist or holds no paperkg entities.
    """
    path = Path(db)
    if not path.is_file():
        raise StoreError(f"{path} does not exist; create it with `paperkg ingest FILE --db {path}`")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute("SELECT id, name, type, origin FROM entities LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a paperkg database ({exc}); pass --db with a paperkg database") from exc
    return conn


def count_strata(conn: sqlite3.Connection) -> dict[tuple[str, str, str], list[str]]:
    """Every entity with a mention, by stratum (origin, type, band), ids sorted."""
    strata: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    rows = conn.execute(
        "SELECT e.id, e.origin, e.type, c.papers FROM entities e "
        "JOIN entity_paper_counts c ON c.entity_id = e.id ORDER BY e.id"
    )
    for entity_id, origin, type_, papers in rows:
        strata[(origin, type_, band_of(papers))].append(entity_id)
    return dict(strata)


def allocate(sizes: dict[tuple[str, str, str], int], n: int) -> dict[tuple[str, str, str], int]:
    """Split `n` draws equally over strata, never more than a stratum holds."""
    share = dict.fromkeys(sizes, 0)
    left = min(n, sum(sizes.values()))
    open_strata = sorted(k for k, size in sizes.items() if size)
    while left and open_strata:
        each = max(1, left // len(open_strata))
        for key in list(open_strata):
            take = min(each, sizes[key] - share[key], left)
            share[key] += take
            left -= take
            if share[key] == sizes[key]:
                open_strata.remove(key)
            if not left:
                break
    return share


def draw_sample(conn: sqlite3.Connection, n: int, seed: int, types: Collection[str] = (),
                bands: Collection[str] = ()) -> list[AuditRow]:
    """A stratified random sample of `n` entities, the same for the same store and seed.

    Args:
        conn: a connection to the store.
        n: how many entities to draw.
        seed: the seed of the draw.
        types: draw only from strata of these types (all when empty).
        bands: draw only from strata of these paper-count bands (all when empty).
    """
    strata = {key: ids for key, ids in count_strata(conn).items()
              if (not types or key[1] in types) and (not bands or key[2] in bands)}
    share = allocate({key: len(ids) for key, ids in strata.items()}, n)
    rng = random.Random(seed)
    chosen = []
    for key in sorted(strata):
        chosen += rng.sample(strata[key], share[key])
    return [_audit_row(conn, entity_id) for entity_id in chosen]


def _audit_row(conn: sqlite3.Connection, entity_id: str) -> AuditRow:
    name, type_, origin = conn.execute(
        "SELECT name, type, origin FROM entities WHERE id = ?", (entity_id,)).fetchone()
    papers = conn.execute(
        "SELECT count(DISTINCT paper_id) FROM mentions WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    best = conn.execute(
        f"SELECT {sentence_sql('mentions')}, text FROM mentions WHERE entity_id = ? "
        "ORDER BY confidence DESC, paper_id, start LIMIT 1", (entity_id,)).fetchone()
    return AuditRow(entity_id, name, type_, origin, papers, mark_name(*best) if best else "")


def mark_name(sentence: str, text: str) -> str:
    """The sentence on one line with the first occurrence of `text` in [[ ]]."""
    flat = " ".join(sentence.split())
    at = flat.find(text)
    return flat if at < 0 else f"{flat[:at]}[[{text}]]{flat[at + len(text):]}"


def write_sheet(rows: Iterable[AuditRow], path: str | Path) -> None:
    """Write the sample as a TSV sheet with empty `verdict` and `note` columns."""
    with open(path, "w", newline="", encoding="utf-8") as fp:
        out = csv.writer(fp, delimiter="\t", lineterminator="\n")
        out.writerow(COLUMNS)
        for r in rows:
            out.writerow((r.entity_id, r.entity, r.type, r.origin, r.papers, band_of(r.papers),
                          r.evidence, "", ""))


@dataclass(frozen=True)
class JudgedRow:
    """One judged row of a sheet: the entity, the stratum it was judged in, the verdict."""

    entity_id: str
    entity: str
    type: str
    stratum: tuple[str, str, str]
    verdict: str


def read_judged(path: str | Path) -> list[JudgedRow]:
    """The judged rows of a sheet; rows without a verdict are skipped.

    Raises:
        AuditSheetError: the file is missing, lacks a column, or has a verdict not understood.
    """
    path = Path(path)
    if not path.is_file():
        raise AuditSheetError(f"{path} does not exist; write a sheet with `paperkg audit -o {path}`")
    with open(path, newline="", encoding="utf-8") as fp:
        reader = csv.DictReader(fp, delimiter="\t")
        missing = {"entity_id", "origin", "type", "papers", "verdict"} - set(reader.fieldnames or ())
        if missing:
            raise AuditSheetError(f"{path} has no column {', '.join(sorted(missing))}; "
                                  "score a sheet written by `paperkg audit`")
        judged = []
        for line, row in enumerate(reader, start=2):
            verdict = (row["verdict"] or "").strip().lower()
            if not verdict:
                continue
            if verdict.split(":")[0] not in VERDICTS:
                raise AuditSheetError(f"{path}, line {line}: verdict {verdict!r} is not one of "
                                      "ok, not-a-name, wrong-type:TYPE; correct it and score again")
            try:
                papers = int(row["papers"])
            except (TypeError, ValueError):
                raise AuditSheetError(f"{path}, line {line}: papers {row['papers']!r} is not a number; "
                                      "correct it and score again") from None
            judged.append(JudgedRow(row["entity_id"], row.get("entity") or "", row["type"],
                                    (row["origin"], row["type"], band_of(papers)), verdict))
    return judged


def read_verdicts(path: str | Path) -> list[tuple[tuple[str, str, str], str]]:
    """(stratum, verdict) of each judged row of a sheet, in the stratum it was judged in."""
    return [(row.stratum, row.verdict) for row in read_judged(path)]


@dataclass
class ReadNow:
    """Judged rows read as the store holds their entities now (`read_as_now`)."""

    verdicts: list[tuple[tuple[str, str, str], str]]
    gone: list[JudgedRow]        # no longer in the graph (held, merged or removed): dropped
    now_right: list[JudgedRow]   # judged wrong-type:T, and the entity is T now: counted ok
    retyped: list[tuple[JudgedRow, str]]  # another type now than judged: verdict kept, judge again


def read_as_now(conn: sqlite3.Connection, rows: Iterable[JudgedRow]) -> ReadNow:
    """Judged rows as the store holds their entities now, to score judged sheets against a
    graph made after them (a later ingest or corpus step): a row whose entity has no mention
    now is dropped, every other row counts in its entity's present stratum, and a
    wrong-type:TYPE row whose entity now has that type counts ok. A row whose entity has
    another type now, not the one its verdict asked for, keeps its verdict and is listed."""
    present = {entity_id: (origin, type_, band_of(papers)) for entity_id, origin, type_, papers in conn.execute(
        "SELECT e.id, e.origin, e.type, c.papers FROM entities e JOIN entity_paper_counts c ON c.entity_id = e.id")}
    out = ReadNow([], [], [], [])
    for row in rows:
        stratum = present.get(row.entity_id)
        if stratum is None:
            out.gone.append(row)
            continue
        verdict = row.verdict
        if verdict.startswith("wrong-type:") and verdict.split(":", 1)[1].upper() == stratum[1]:
            out.now_right.append(row)
            verdict = "ok"
        elif stratum[1] != row.type:
            out.retyped.append((row, stratum[1]))
        out.verdicts.append((stratum, verdict))
    return out


def score_verdicts(verdicts: Sequence[tuple[tuple[str, str, str], str]],
                   population: dict[tuple[str, str, str], int]) -> list[StratumScore]:
    """Precision per stratum of judged rows, with each stratum's size in the store."""
    judged: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for stratum, verdict in verdicts:
        judged[stratum][0] += 1
        judged[stratum][1] += verdict == "ok"
    return [StratumScore(key, j, c, population.get(key, 0)) for key, (j, c) in sorted(judged.items())]


def weighted_precision(scores: Iterable[StratumScore]) -> tuple[float | None, int]:
    """Stratum-weighted precision over judged strata, and the entities those strata hold."""
    scores = [s for s in scores if s.judged]
    total = sum(s.population for s in scores)
    if not total:
        return None, 0
    return sum(s.population * s.precision for s in scores) / total, total


def group_scores(scores: Sequence[StratumScore], groups: dict[str, tuple[set[str], set[str]]]
                 ) -> dict[str, tuple[float | None, int, int, int]]:
    """Weighted precision of named groups of strata, each (types, bands), over all origins.

    Returns:
        Per group: (weighted precision, entities held, judged, correct).
    """
    out = {}
    for name, (types, bands) in groups.items():
        members = [s for s in scores if s.stratum[1] in types and s.stratum[2] in bands]
        precision, held = weighted_precision(members)
        out[name] = (precision, held, sum(s.judged for s in members), sum(s.correct for s in members))
    return out


TARGET_GROUPS = {
    "MODEL/DATASET/BENCHMARK in 3+ papers (target 90%)":
        ({"MODEL", "DATASET", "BENCHMARK"}, {"3-9", "10+"}),
    "METHOD/TASK/METRIC in 3+ papers (target 80%)": ({"METHOD", "TASK", "METRIC"}, {"3-9", "10+"}),
    "all types, 1-2 papers": ({"MODEL", "DATASET", "BENCHMARK", "METHOD", "TASK", "METRIC"}, {"1", "2"}),
}
