"""Ingest on a Dask LocalCluster of 2 workers against local `--workers 2`, in one run.

    .venv/bin/python bench/ingest_dask.py [--papers 5000] [--rounds 3] [--workers 2] [--dir /tmp/x]

Input: the first --papers records of ../shared/corpora/arxiv_cs_2025_2026 (as
bench/ingest_scale.py writes them). One LocalCluster (`--workers` worker processes, one
thread each, on 127.0.0.1) is started once and kept, as a real cluster would be; its start
is printed apart. Each round ingests the input into a new database twice, alternating
which goes first: `paperkg ingest --workers N` and `paperkg ingest --dask ADDRESS`, each in
a child process, timed wall-clock from start to exit (the Dask run includes connecting and
each worker building its extractor, as the local run includes starting its processes).
It checks that the two databases are identical (every row), and prints each round's
seconds, the medians, and last one JSON line with "ratio": the median of the rounds'
dask / local seconds (above 1: the Dask path is slower on one machine), and
"coordinator_papers_per_cpu_s": papers / CPU seconds of the `paperkg ingest` process in the
Dask runs (reading, change checks, decoding, SQLite writes, the corpus step: what one
ingest process can take in however many workers extract for it).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from distributed import LocalCluster

from ingest_scale import BIN, CORPUS, write_input


def timed_ingest(source: Path, db: Path, *options: str) -> tuple[float, float]:
    """Wall-clock seconds of `paperkg ingest SOURCE --db DB OPTIONS` into a new database, and
    the CPU seconds of that process and the processes it waited for (its local workers)."""
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "paperkg"), "ingest", str(source), "--db", str(db), "--quiet", *options],
                            stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"paperkg ingest {' '.join(options)} failed with status {status}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dir", default=None, help="Where the input and databases go [a temp dir].")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is absent: the bench needs ../shared beside the checkout")
    work = Path(args.dir or tempfile.mkdtemp(prefix="paperkg-dask-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / "input.jsonl"
    papers = write_input(source, args.papers, 1)
    started = time.perf_counter()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        print(f"LocalCluster of {args.workers} workers started in {time.perf_counter() - started:.1f} s; "
              f"{papers} papers", flush=True)
        runs = {"local": ("--workers", str(args.workers)), "dask": ("--dask", cluster.scheduler_address)}
        seconds: dict[str, list[float]] = {"local": [], "dask": []}
        cpu: dict[str, list[float]] = {"local": [], "dask": []}
        for round_ in range(args.rounds):
            order = ["local", "dask"] if round_ % 2 == 0 else ["dask", "local"]
            for name in order:
                wall, used = timed_ingest(source, work / f"{name}.db", *runs[name])
                seconds[name].append(wall)
                cpu[name].append(used)
            identical = dump(work / "local.db") == dump(work / "dask.db")
            print(f"round {round_ + 1} (load {os.getloadavg()[0]:.1f}): local {seconds['local'][-1]:.1f} s, "
                  f"dask {seconds['dask'][-1]:.1f} s (its coordinator {cpu['dask'][-1]:.1f} CPU s), "
                  f"identical stores: {'yes' if identical else 'NO'}", flush=True)
            if not identical:
                raise SystemExit("the Dask store differs from the local one")
    ratios = [d / local for d, local in zip(seconds["dask"], seconds["local"])]
    figures = {"papers": papers, "workers": args.workers,
               "local_s": round(statistics.median(seconds["local"]), 2),
               "dask_s": round(statistics.median(seconds["dask"]), 2),
               "ratio": round(statistics.median(ratios), 2),
               # what one ingest process can take in, whatever the cluster: papers / its CPU seconds
               "coordinator_papers_per_cpu_s": round(papers / statistics.median(cpu["dask"]))}
    print(f"median: local {figures['local_s']} s ({papers / figures['local_s']:.0f} papers/s), "
          f"dask {figures['dask_s']} s ({papers / figures['dask_s']:.0f} papers/s), "
          f"ratio dask/local {figures['ratio']}")
    print(json.dumps(figures))


if __name__ == "__main__":
    sys.exit(main())
