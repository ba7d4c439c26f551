"""Ingest at growing sizes: seconds, CPU seconds, papers/s, peak RSS, DB bytes a paper, serve readiness.

    .venv/bin/python bench/ingest_scale.py [--sizes 10k,75k,300k] [--workers 2] [--dir /tmp/x]
        [--corpus DIR] [--stages]

Inputs come from ../shared/corpora/arxiv_cs_2025_2026 (or --corpus DIR): 10k is its first 10,000 records,
75k all of them, 300k the corpus four times, copies with their arXiv ids' year moved on
(`copied_id`) and titles suffixed (" (r2)").
Each size is ingested into a new database by `paperkg ingest` in a child process (peak
RSS and CPU seconds are the child's and its workers', from wait4), then `paperkg serve` is
started on a free port on 127.0.0.1 and timed until GET /health answers. Growth factors compare each size with the
one before it, per paper: 1.0 is linear. The last line is one JSON object keyed by size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "arxiv_cs_2025_2026"
BIN = Path(sys.executable).parent
SIZES = {"10k": (10_000, 1), "75k": (None, 1), "300k": (None, 4)}


def write_input(path: Path, limit: int | None, copies: int, corpus: Path = CORPUS) -> int:
    """Write the corpus (first `limit` records, `copies` times, suffixed) as JSON Lines."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(1, copies + 1):
            for source in sorted(corpus.glob("*.jsonl.gz")):
                with gzip.open(source, "rt", encoding="utf-8") as lines:
                    for line in lines:
                        if limit is not None and count >= limit:
                            return count
                        record = json.loads(line)
                        if copy > 1:
                            record["arxiv_id"] = copied_id(record["arxiv_id"], copy)
                            record["title"] = f"{record['title']} (r{copy})"
                        out.write(json.dumps(record) + "\n")
                        count += 1
    return count


def copied_id(arxiv_id: str, copy: int) -> str:
    """A distinct arXiv id for copy 2, 3, 4 of a paper: its year moved on by 10 x copy
    ("2503.11677" -> "4503.11677"). A suffix ("2503.11677-r2") is no arXiv id, so the paper
    took the slug of its title's first twelve words, and long titles of copies 3 and 4
    met copy 2's ids: each was rewritten in place (a scan of the full-text index a paper)
    instead of added."""
    yymm, number = arxiv_id.split(".", 1)
    return f"{int(yymm[:2]) + 10 * copy:02d}{yymm[2:]}.{number}"


def run_ingest(source: Path, db: Path, workers: int, stages: bool = False) -> tuple[float, float, float]:
    """Seconds, peak RSS (MB) and CPU seconds (its workers' too) of `paperkg ingest` in a
    child process; with `stages`, its log of each stage's seconds and memory
    (`graph/ingest_stages.py`) goes to stderr."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "paperkg"), *(["-v"] if stages else []), "ingest", str(source),
                             "--db", str(db), "--quiet", "--workers", str(workers)])
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"ingest of {source} failed with status {status}")
    # ru_maxrss of the largest child (a worker or the parent), in KB on Linux; the CPU
    # times add up the child and the workers it waited for: what others' load moves least.
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def serve_ready(db: Path) -> float:
    """Seconds from starting `paperkg serve` until GET /health answers 200."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "paperkg"), "serve", "--db", str(db), "--port", str(port)],
                            stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < 600:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as reply:
                    if reply.status == 200:
                        return time.perf_counter() - start
            except OSError:
                time.sleep(0.1)
        raise SystemExit("paperkg serve did not answer /health within 600 s")
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,75k,300k")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--dir", default=None, help="Where inputs and databases go [a temp dir].")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"The gzipped JSON Lines [{CORPUS}].")
    parser.add_argument("--stages", action="store_true", help="Log each ingest stage's seconds and memory.")
    args = parser.parse_args()
    if not any(args.corpus.glob("*.jsonl.gz")):
        raise SystemExit(f"{args.corpus} holds no *.jsonl.gz files: the bench needs ../shared beside the "
                         "checkout, or --corpus DIR")
    work = Path(args.dir or tempfile.mkdtemp(prefix="paperkg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, dict] = {}
    previous = None
    for size in args.sizes.split(","):
        limit, copies = SIZES[size]
        source, db = work / f"{size}.jsonl", work / f"{size}.db"
        papers = write_input(source, limit, copies, args.corpus)
        for stale in work.glob(f"{size}.db*"):
            stale.unlink()
        seconds, rss, cpu = run_ingest(source, db, args.workers, args.stages)
        row = {"papers": papers, "seconds": round(seconds, 1), "cpu_s": round(cpu, 1),
               "papers_per_s": round(papers / seconds),
               "peak_rss_mb": round(rss), "db_bytes_per_paper": round(db.stat().st_size / papers),
               "serve_ready_s": round(serve_ready(db), 2), "workers": args.workers}
        if previous:
            scale = papers / previous["papers"]
            row["growth"] = {k: round(row[k] / previous[k] / scale, 2)
                             for k in ("seconds", "cpu_s", "peak_rss_mb", "serve_ready_s")}
        print(f"{size}: " + ", ".join(f"{k} {v}" for k, v in row.items()), flush=True)
        figures[size] = previous = row
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
