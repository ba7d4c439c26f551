"""Incremental ingest: one more month into a ~70k-paper database costs the month, not the corpus.

    .venv/bin/python bench/ingest_incremental.py [--workers 2] [--repeat 3] [--dir /tmp/x]
                                                  [--base-db BASE.db] [--corpus DIR]

From ../shared/corpora/arxiv_cs_2025_2026, the latest month by listing date with at least
1,000 papers is the new month (2026-06, 6,626 papers) and the records listed before it are
the base (67,802 papers); a later, partial month is left out. Without `--base-db`, the base is ingested
into a new database by `paperkg ingest` in a child process (timed: its papers a second are
the reference rate). `--base-db` copies a database built earlier from the same base (by
this bench, kept in `--dir`) instead, and the reference rate is then read from its
`base.json`.

`--papers N` ingests only the month's first N papers (for proportionality: a quarter month).

Then, `--repeat` times each, in a child process with the same `--workers`:
- (m) the month ingested into a copy of the base;
- (e) the month ingested into an empty database, the cost of the month alone.

The child times the phases of `ingest_paths`: loading the names extraction starts from
(`known_entities`), the batches (extraction and writes), and the corpus step
(`settle_corpus`, with the number of entities it re-decided), and within them the store's
writes (`write_s`), finding the touched entities (`touched_s`) and the corpus step's stages
(`c_...`: `c_decide_s`, the verdicts judged here or waited for from the pool, holds `c_read_rows_s`,
reading the entities' rows, which holds `c_lowercase_s`; `c_apply_s` is writing the verdicts), and the CPU seconds of the child and its
extraction workers (`cpu_s`: on a busy machine, steadier than the wall time). Medians are printed with
every run, then the ratios: (m) / (e) (1.0: the base costs nothing), and (m) against the
month at the base's rate. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "arxiv_cs_2025_2026"
BIN = Path(sys.executable).parent
MIN_MONTH = 1000  # papers: a later, partial month is left out


def split_corpus(folder: Path, corpus: Path = CORPUS) -> tuple[Path, Path, int, int, str]:
    """Write base.jsonl (the months before the new one) and month.jsonl; returns their counts."""
    records = []
    for source in sorted(corpus.glob("*.jsonl.gz")):
        with gzip.open(source, "rt", encoding="utf-8") as lines:
            records.extend(lines)
    months = [(json.loads(line).get("listing_date") or "")[:7] for line in records]
    sizes = Counter(months)
    month = max(m for m, n in sizes.items() if n >= MIN_MONTH)
    base, new = folder / "base.jsonl", folder / "month.jsonl"
    with base.open("w", encoding="utf-8") as b, new.open("w", encoding="utf-8") as m:
        for line, listed in zip(records, months):
            if listed < month:
                b.write(line)
            elif listed == month:
                m.write(line)
    return base, new, sum(n for m, n in sizes.items() if m < month), sizes[month], month


def take_papers(month: Path, count: int) -> tuple[Path, int]:
    """The first `count` records of the month, in their own file (the month when it has fewer)."""
    part = month.with_name(f"month-{count}.jsonl")
    with month.open(encoding="utf-8") as lines, part.open("w", encoding="utf-8") as out:
        taken = 0
        for line in lines:
            if taken == count:
                break
            out.write(line)
            taken += 1
    return part, taken


def ingest_base(source: Path, db: Path, workers: int) -> float:
    start = time.perf_counter()
    proc = subprocess.run([str(BIN / "paperkg"), "ingest", str(source), "--db", str(db), "--quiet",
                           "--workers", str(workers)], stdout=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise SystemExit(f"the base ingest failed with status {proc.returncode}")
    return time.perf_counter() - start


CHILD = r"""
import json, sys, time
from paperkg.graph import corpus, ingest, ingest_extractors, store as store_module
from paperkg.graph.store import Store

source, db, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
phases = {"names_s": 0.0, "corpus_s": 0.0, "decided": 0}

def timed(function, key):
    phases.setdefault(key, 0.0)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            phases[key] += time.perf_counter() - start
    return run

def timed_iter(function, key):
    phases.setdefault(key, 0.0)
    def run(*args, **kwargs):
        items = function(*args, **kwargs)
        while True:
            start = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                phases[key] += time.perf_counter() - start
            yield item
    return run

ingest_extractors.known_entities = timed(ingest_extractors.known_entities, "names_s")
ingest.settle_corpus = timed(ingest.settle_corpus, "corpus_s")
ingest.touched_entities = timed(ingest.touched_entities, "touched_s")
# The corpus step's stages (graph/corpus.py), by the module names it calls them through.
for name, key in (("_pull_back_held", "c_pull_back_s"), ("_merge_split_readings", "c_merge_splits_s"),
                  ("fill_marks", "c_fill_marks_s"), ("_apply_verdict", "c_apply_s"),
                  ("_lowercase_papers", "c_lowercase_s"),
                  ("_split_gazetteer_readings", "c_split_gazetteer_s"),
                  ("hold_lowercase_readings", "c_hold_lowercase_s"), ("_count_restored", "c_restored_s"),
                  ("delete_orphans", "c_orphans_s")):
    setattr(corpus, name, timed(getattr(corpus, name), key))
corpus._iter_entity_cases = timed_iter(corpus._iter_entity_cases, "c_read_rows_s")
corpus.iter_verdicts = timed_iter(corpus.iter_verdicts, "c_decide_s")
# Writing the batches: the store's transactions (the rest of the batches is extraction).
Store.write_batch = timed(Store.write_batch, "write_s")
start = time.perf_counter()
with Store(db) as store:
    opened = time.perf_counter() - start
    report = ingest.ingest_paths([source], store, workers=workers, progress=False)
import resource
cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for f in ("ru_utime", "ru_stime"))  # the extraction workers too, once joined
phases.update(seconds=time.perf_counter() - start, open_s=opened, added=report.written.added, cpu_s=cpu,
              decided=report.corpus.decided if report.corpus else 0)
phases["batches_s"] = phases["seconds"] - phases["open_s"] - phases["names_s"] - phases["corpus_s"]
print(json.dumps(phases))
"""

def ingest_month(source: Path, db: Path, workers: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(source), str(db), str(workers)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"the month's ingest failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def median_of(runs: list[dict]) -> dict:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None, help="Work folder (default: a temporary one).")
    parser.add_argument("--base-db", type=Path, default=None, help="A base database built earlier here.")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="The folder of monthly .jsonl.gz files (default: ../shared/corpora/arxiv_cs_2025_2026).")
    parser.add_argument("--papers", type=int, default=None,
                        help="Ingest only the month's first N papers (proportionality: a quarter month).")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}; pass --corpus with the folder of arxiv_cs_2025_2026")
    folder = args.dir or Path(tempfile.mkdtemp(prefix="paperkg-incremental-"))
    folder.mkdir(parents=True, exist_ok=True)
    base_src, month_src, base_n, month_n, month = split_corpus(folder, args.corpus)
    if args.papers is not None:
        month_src, month_n = take_papers(month_src, args.papers)
    print(f"base: {base_n:,} papers; new month {month}: {month_n:,} papers; workers {args.workers}; "
          f"load average at start {os.getloadavg()[0]:.1f}", flush=True)
    if args.base_db:
        base_db, base_info = args.base_db, json.loads((args.base_db.parent / "base.json").read_text())
    else:
        base_db = folder / "base.db"
        base_db.unlink(missing_ok=True)
        seconds = ingest_base(base_src, base_db, args.workers)
        base_info = {"papers": base_n, "seconds": seconds}
        (folder / "base.json").write_text(json.dumps(base_info))
    rate = base_info["papers"] / base_info["seconds"]
    print(f"base ingest: {base_info['seconds']:.1f} s, {rate:.0f} papers/s", flush=True)
    into_base, alone = [], []
    for _ in range(args.repeat):
        for runs, start_from in ((into_base, base_db), (alone, None)):
            db = folder / "month.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            if start_from is not None:
                shutil.copy(start_from, db)
            runs.append(ingest_month(month_src, db, args.workers))
            print(("(m) into the base " if start_from else "(e) into an empty db ") + json.dumps(runs[-1]),
                  flush=True)
    m, e = median_of(into_base), median_of(alone)
    at_rate = month_n / rate
    for label, r in (("(m) month into the base", m), ("(e) month into an empty db", e)):
        print(f"{label}: {r['seconds']:.1f} s, {r['cpu_s']:.1f} CPU s (open {r['open_s']:.1f}, names {r['names_s']:.1f}, "
              f"batches {r['batches_s']:.1f}, corpus step {r['corpus_s']:.1f} s over {r['decided']:.0f} entities)")
    stages = sorted(k for k in m if k.startswith(("c_", "touched", "write")))
    print("stages, s: " + ", ".join(f"{k} {m[k]:.2f} / {e[k]:.2f}" for k in stages) + "  ((m) / (e))")
    print(f"(m) / (e): {m['seconds'] / e['seconds']:.2f}; corpus step (m) / (e): "
          f"{m['corpus_s'] / max(e['corpus_s'], 1e-9):.2f}")
    print(f"the month at the base's rate: {at_rate:.1f} s; (m) / that: {m['seconds'] / at_rate:.2f}")
    print(json.dumps({"base_papers": base_n, "month_papers": month_n, "base_papers_per_s": rate,
                      "month_into_base": m, "month_alone": e, "ratio_base_over_alone": m["seconds"] / e["seconds"],
                      "ratio_to_base_rate": m["seconds"] / at_rate}))


if __name__ == "__main__":
    main()
