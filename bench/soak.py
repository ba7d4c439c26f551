"""Soak the GraphQL server: 60 s of mixed queries at concurrency 64, dropping connections.

    .venv/bin/python bench/soak.py [--seconds 60] [--concurrency 64] [--papers 20000] [--db PATH]

Starts `paperkg serve` on 127.0.0.1 over a database of 20,000 corpus papers (cut from
/work/cache/corpus75k.db when it is there, else ingested from ../shared's corpus), warms
it up for 5 s, then runs the mix: a paper page, papersSharing, a search, a page of 100
and malformed queries. Every 5 s it drops a tenth of its connections mid-request (the
client goes away; those are counted as dropped, not as errors). The server's stderr is
read as it comes, and its lines and traceback lines are counted.

Prints requests, errors by kind, p50/p99, the server's RSS at the start (after warm-up)
and the end, and the stderr line counts; the last line is one JSON object:
{"requests", "server_errors", "client_errors", "p50_ms", "p99_ms", "rss_start_mb",
"rss_end_mb", "rss_growth", "traceback_lines"}. Targets: 0 5xx, 0 connection errors
beyond the ones caused, rss_growth < 0.10, 0 traceback lines. Traffic goes only to
127.0.0.1 and the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DB = Path("/work/cache/corpus75k.db")
CORPUS = ROOT.parent / "shared" / "corpora" / "arxiv_cs_2025_2026"
WORK = Path("/tmp/paperkg-soak")

PAPER_PAGE = """query($id: ID!) { paper(id: $id) { id title abstract date authors
  entities { name type paperCount } mentions { text type role sentence } results { value unit } } }"""
SHARING = """query($id: ID!) { papersSharing(paperId: $id, first: 10) { score paper { id title }
  explanation { weight entity { name } } } }"""
SEARCH = "query($s: String) { papers(search: $s, first: 10) { totalCount edges { node { id title } } } }"
PAGE_100 = "query($after: String) { papers(first: 100, after: $after) { edges { cursor node { id title date } } } }"
MALFORMED = ["{ papers { totalCount }", "{ nope }", "query($n: Int!) { papers(first: $n) { totalCount } }",
             "{ paper(id: 1) { title } }", "{" * 40]


def build_database(path: Path, papers: int) -> Path:
    """A database of the first `papers` corpus papers (by id), made once and reused."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    if CORPUS_DB.exists():
        partial = path.with_suffix(".partial")
        source = sqlite3.connect(f"file:{CORPUS_DB}?mode=ro", uri=True)
        target = sqlite3.connect(partial)
        source.backup(target)
        source.close()
        keep = "(SELECT id FROM papers ORDER BY id LIMIT ?)"
        with target:
            for table, column in (("mentions", "paper_id"), ("results", "paper_id"), ("papers_fts", "id")):
                target.execute(f"DELETE FROM {table} WHERE {column} NOT IN {keep}", (papers,))
            target.execute(f"DELETE FROM papers WHERE id NOT IN {keep}", (papers,))
        target.execute("VACUUM")
        target.close()
        partial.rename(path)
    else:
        files = sorted(CORPUS.glob("*.jsonl.gz"))
        subprocess.run([sys.executable, "-m", "paperkg.api.cli", "ingest", *map(str, files[:8]),
                        "--db", str(path), "--quiet"], check=True)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    """`paperkg serve` in a subprocess, its stderr read line by line on a thread."""

    def __init__(self, db: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "paperkg.api.cli", "serve", "--db", str(db), "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_ready(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("the server exited:\n" + "\n".join(self.lines[-20:]))
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise SystemExit("the server did not answer /health in time")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=5)


class Load:
    """The mixed-query load: workers, latencies, outcomes by kind."""

    def __init__(self, url: str, ids: list[str], words: list[str], seed: int = 7):
        self.url = f"{url}/graphql"
        self.ids, self.words = ids, words
        self.random = random.Random(seed)
        self.latencies: list[float] = []
        self.kinds: Counter = Counter()
        self.in_flight: dict[int, asyncio.Task] = {}
        self.recording = False

    def request(self) -> dict:
        kind = self.random.choices(["paper", "sharing", "search", "page", "malformed"], [30, 20, 25, 15, 10])[0]
        if kind == "paper":
            return {"query": PAPER_PAGE, "variables": {"id": self.random.choice(self.ids)}}
        if kind == "sharing":
            return {"query": SHARING, "variables": {"id": self.random.choice(self.ids)}}
        if kind == "search":
            return {"query": SEARCH, "variables": {"s": " ".join(self.random.sample(self.words, 2))}}
        if kind == "page":
            return {"query": PAGE_100, "variables": {"after": None}}
        return {"query": self.random.choice(MALFORMED)}

    async def worker(self, number: int, stop: float) -> None:
        client = httpx.AsyncClient(timeout=60)
        try:
            while time.monotonic() < stop:
                task = asyncio.ensure_future(client.post(self.url, json=self.request()))
                self.in_flight[number] = task
                started = time.perf_counter()
                try:
                    response = await task
                except asyncio.CancelledError:
                    if asyncio.current_task().cancelling():
                        raise
                    # Dropped by `dropper` (which counts it); its connection is gone mid-request.
                    await client.aclose()
                    client = httpx.AsyncClient(timeout=60)
                    continue
                except httpx.HTTPError as exc:
                    self._count(f"connection error ({type(exc).__name__})")
                    continue
                finally:
                    self.in_flight.pop(number, None)
                if self.recording:
                    self.latencies.append((time.perf_counter() - started) * 1000)
                status = response.status_code
                self._count("5xx" if status >= 500 else "4xx" if status >= 400 else
                            "200 with errors" if "errors" in response.json() else "200")
        finally:
            await client.aclose()

    def _count(self, kind: str) -> None:
        if self.recording:
            self.kinds[kind] += 1

    async def dropper(self, stop: float, every: float, share: float) -> None:
        while time.monotonic() + every < stop:
            await asyncio.sleep(every)
            tasks = [task for task in self.in_flight.values() if not task.done()]
            for task in self.random.sample(tasks, max(1, int(len(tasks) * share)) if tasks else 0):
                task.cancel()
                self._count("dropped (caused by the bench)")

    async def run(self, seconds: float, concurrency: int, drop: bool = True) -> None:
        stop = time.monotonic() + seconds
        jobs = [self.worker(i, stop) for i in range(concurrency)]
        if drop:
            jobs.append(self.dropper(stop, every=5.0, share=0.1))
        await asyncio.gather(*jobs)


def sample_inputs(db: Path) -> tuple[list[str], list[str]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM papers ORDER BY random() LIMIT 500")]
        titles = [r[0] for r in conn.execute("SELECT title FROM papers ORDER BY random() LIMIT 300")]
    words = sorted({w.strip(":,.()").lower() for t in titles for w in t.split() if len(w) > 4 and w.isalpha()})
    return ids, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--papers", type=int, default=20_000)
    parser.add_argument("--db", type=Path, help="use this database instead of building one")
    args = parser.parse_args()

    db = args.db or build_database(WORK / f"soak{args.papers}.db", args.papers)
    ids, words = sample_inputs(db)
    server = Server(db)
    try:
        server.wait_ready()
        load = Load(server.url, ids, words)
        asyncio.run(load.run(5, args.concurrency, drop=False))  # warm-up: caches, loaders, pages
        rss_start = rss_mb(server.process.pid)
        load.recording = True
        started = time.monotonic()
        asyncio.run(load.run(args.seconds, args.concurrency))
        took = time.monotonic() - started
        time.sleep(1)
        rss_end = rss_mb(server.process.pid)
    finally:
        server.stop()
    report(load, server.lines, rss_start, rss_end, took, args)


def report(load: Load, lines: list[str], rss_start: float, rss_end: float, took: float, args) -> None:
    kinds = load.kinds
    latencies = sorted(load.latencies)
    p50 = statistics.median(latencies) if latencies else float("nan")
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
    tracebacks = [line for line in lines if "Traceback" in line or line.startswith("  File ")]
    answered = sum(n for kind, n in kinds.items() if kind.startswith(("200", "4xx", "5xx")))
    print(f"{answered:,} requests answered in {took:.0f} s ({answered / took:.0f}/s) at concurrency "
          f"{args.concurrency} over {args.papers:,} papers")
    for kind, count in sorted(kinds.items()):
        print(f"  {kind:<40} {count:>8,}")
    print(f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print(f"server RSS {rss_start:.1f} MB after warm-up, {rss_end:.1f} MB at the end "
          f"({(rss_end - rss_start) / rss_start:+.1%})")
    print(f"server stderr: {len(lines)} lines, {len(tracebacks)} traceback lines")
    for line in lines[:5]:
        print(f"  | {line[:160]}")
    print(json.dumps({
        "requests": answered,
        "server_errors": kinds["5xx"],
        "client_errors": kinds["4xx"],
        "p50_ms": round(p50, 1),
        "p99_ms": round(p99, 1),
        "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1),
        "rss_growth": round((rss_end - rss_start) / rss_start, 4),
        "traceback_lines": len(tracebacks),
    }))


if __name__ == "__main__":
    main()
