"""Latency of the GraphQL API at corpus scale, measured as a user's load generator sees it.

From the repository root, with the project's venv and the Debian package `wrk`:

    .venv/bin/python bench/api_latency.py [--db FILE] [--duration 8] [--workers N] [--response-cache N]

It builds (or reuses) a database of the whole corpus with `paperkg ingest`, starts
`paperkg serve` as a user does, and drives it with `wrk` (one thread, `--latency`), each
request's paper id drawn at random from real papers of the database by a Lua script:

- (a) `paper`: `paper(id)` with its entities and mentions, at concurrency 16;
- (b) `sharing`: `papersSharing(paperId, type: BENCHMARK, first: 10)`, at 16;
- (c) `page`: `papers(first: 100)` with each paper's entities, at 4;
- (r) `rest`: `GET /rest/paper/{id}`, the same JSON as (a) from a plain FastAPI route.

The server runs as a user starts it, response cache included (schema/response_cache.py):
(c) is the same query every time, so it is answered from memory after the first, as a
frontend's home page would be; `--response-cache 0` measures it executed every time.
(a), (b) and (r) draw their ids from 20,000 papers, so few repeat within a run.

It prints p50, p99 and requests a second of each, the seconds from process start until
the server answers a GraphQL query (`ready_s`), and as its last line one JSON object:
{"paper": {"p50_ms", "p99_ms", "rps"}, "sharing": ..., "page": ..., "rest": ...,
"ready_s": ..., "rss_mb": ..., "workers": ..., "response_cache": ..., "paper_over_rest": ...}.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from paperkg.api.rest import PAPER_QUERY
from paperkg.api.serving import default_workers

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "arxiv_cs_2025_2026"
CACHE = ROOT / "bench" / ".cache"
PAPERKG = Path(sys.executable).with_name("paperkg")
# What decides a database's content: the readers, the extractor, the store and their data.
CODE_PATHS = ("graph/sources", "graph/extract", "graph/ingest*.py", "graph/store*.py",
              "graph/corpus*.py", "graph/records.py", "data")
# Ids (a), (b) and (r) draw from: enough that at a few hundred requests a second for 8 s
# few ids come twice, so that (a) and (b) measure execution, not the response cache.
SAMPLE_IDS = 20_000

SHARING_QUERY = """query($id: ID!) { papersSharing(paperId: $id, type: BENCHMARK, first: 10) {
  score paper { id title } shared { id name } } }"""
PAGE_QUERY = """{ papers(first: 100) { totalCount edges { node { id title date
  entities { id name type } } } } }"""


@dataclass(frozen=True)
class Request:
    """One measured request: its name, concurrency, and the Lua that makes it."""

    name: str
    label: str
    connections: int
    lua: str


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.jsonl.gz (default %(default)s)")
    parser.add_argument("--db", type=Path, help="measure this database (copied first) instead of building one")
    parser.add_argument("--duration", type=int, default=8, help="seconds of wrk per request (default 8)")
    parser.add_argument("--workers", type=int, default=None,
                        help="`paperkg serve --workers` (default: serve's own default, one a core up to 4)")
    parser.add_argument("--response-cache", type=int, default=None,
                        help="`paperkg serve --response-cache` (default: the server's, 256 answers; 0: off)")
    parser.add_argument("--only", nargs="*", help="measure only these requests (paper sharing page rest)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is not installed; install the Debian package (`apt-get install wrk`) and run again")
    db = prepare_db(args)
    ids, sharing_ids = sample_ids(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    workers = ["--workers", str(args.workers)] if args.workers else []
    workers_served = args.workers or default_workers()
    if args.response_cache is not None:
        workers += ["--response-cache", str(args.response_cache)]
    server = subprocess.Popen(
        [str(PAPERKG), "serve", "--db", str(db), "--port", str(port), *workers],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        ready_s = wait_ready(server, base, started)
        check_answers(base, ids[0], sharing_ids[0])
        rss_mb = resident_mb(server.pid)
        print(f"ready in {ready_s:.2f} s, {rss_mb:.0f} MB in memory (PSS, workers included); {count_papers(db):,} papers; "
              f"wrk -t1 --latency -d{args.duration}s, {workers_served} worker(s), response cache "
              f"{'default' if args.response_cache is None else args.response_cache}; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        figures: dict[str, object] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for request in build_requests(ids, sharing_ids):
                if args.only and request.name not in args.only:
                    continue
                script = Path(tmp) / f"{request.name}.lua"
                script.write_text(request.lua)
                figures[request.name] = run_wrk(wrk, base, script, request, args.duration)
    finally:
        server.terminate()
        server.wait(timeout=30)
    figures["ready_s"] = round(ready_s, 2)
    figures["rss_mb"] = round(rss_mb)
    figures["workers"], figures["response_cache"] = workers_served, args.response_cache
    if "paper" in figures and "rest" in figures:
        figures["paper_over_rest"] = round(figures["paper"]["rps"] / figures["rest"]["rps"], 3)
    print(json.dumps(figures))
    return 0


# -- the database ---------------------------------------------------------------------------

def prepare_db(args: argparse.Namespace) -> Path:
    """A private copy of `--db`, or the cached database of the corpus (built when missing)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    if args.db:
        if not args.db.is_file():
            sys.exit(f"--db {args.db}: no such file; pass a database made by `paperkg ingest`")
        copy = CACHE / "measured.db"
        for suffix in ("-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        source = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
        target = sqlite3.connect(copy)
        source.backup(target)
        source.close(), target.close()
        return copy
    files = sorted(args.corpus.glob("*.jsonl.gz"))
    if not files:
        sys.exit(f"no *.jsonl.gz in {args.corpus}; pass --corpus DIR (the arXiv JSON Lines) or --db FILE")
    db = CACHE / f"corpus-{corpus_key(files)}.db"
    if db.is_file():
        print(f"reusing {db.relative_to(ROOT)}")
        return db
    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    print(f"building {db.relative_to(ROOT)} from {len(files)} files with `paperkg ingest` (a few minutes)")
    subprocess.run([str(PAPERKG), "ingest", *map(str, files), "--db", str(partial)], check=True)
    partial.rename(db)
    return db


def _code_files(pattern: str) -> list[Path]:
    """The files under CODE_PATHS's entry `pattern` (a glob of files or a directory), sorted."""
    paths = []
    for top in sorted(ROOT.glob(pattern)):
        paths.extend([top] if top.is_file() else sorted(top.rglob("*")))
    return paths


def corpus_key(files: list[Path]) -> str:
    """A hash of the corpus files (name, size, mtime) and of the code that decides the content."""
    digest = hashlib.sha256()
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    for pattern in CODE_PATHS:
        for path in _code_files(pattern):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def sample_ids(db: Path) -> tuple[list[str], list[str]]:
    """Random real paper ids; and ids of papers that use a benchmark, for `papersSharing`."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM papers ORDER BY random() LIMIT ?", (SAMPLE_IDS,))]
        sharing = [r[0] for r in conn.execute(
            "SELECT DISTINCT paper_id FROM mentions WHERE type = 'BENCHMARK' ORDER BY random() LIMIT ?",
            (SAMPLE_IDS,))]
    finally:
        conn.close()
    if not ids or not sharing:
        sys.exit(f"{db} holds no papers (or none with a benchmark); ingest a corpus into it first")
    return ids, sharing


def count_papers(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM papers").fetchone()[0]
    finally:
        conn.close()


# -- the server -----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post_graphql(base: str, query: str, variables: dict | None = None, timeout: float = 10) -> dict:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(f"{base}/graphql", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def wait_ready(server: subprocess.Popen, base: str, started: float, timeout: float = 300) -> float:
    """Seconds from the process start until it answers a GraphQL query."""
    while time.monotonic() - started < timeout:
        if server.poll() is not None:
            sys.exit(f"paperkg serve exited with {server.returncode}: {server.stderr.read()}")
        try:
            if "data" in post_graphql(base, "{ papers(first: 1) { totalCount } }", timeout=1):
                return time.monotonic() - started
        except (OSError, urllib.error.URLError):
            time.sleep(0.02)
    sys.exit(f"paperkg serve did not answer within {timeout:.0f} s")


def check_answers(base: str, paper_id: str, sharing_id: str) -> None:
    """Each measured request answers without errors, and REST equals GraphQL for (a)."""
    paper = post_graphql(base, PAPER_QUERY, {"id": paper_id})
    sharing = post_graphql(base, SHARING_QUERY, {"id": sharing_id})
    page = post_graphql(base, PAGE_QUERY)
    for name, answer in (("paper", paper), ("sharing", sharing), ("page", page)):
        if answer.get("errors") or not answer.get("data"):
            sys.exit(f"the {name} query failed: {json.dumps(answer)[:500]}")
    with urllib.request.urlopen(f"{base}/rest/paper/{paper_id}", timeout=10) as response:
        rest = json.loads(response.read())
    if rest != paper["data"]["paper"]:
        sys.exit(f"GET /rest/paper/{paper_id} differs from the GraphQL answer of (a)")


def resident_mb(pid: int) -> float:
    """Memory of the server and its children (workers), from /proc: the sum of their
    proportional set sizes, so that pages forked workers share count once (each process's
    resident set where the kernel gives no PSS)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return sum(_memory_kb(each) for each in [pid, *map(int, children)]) / 1024


def _memory_kb(pid: int) -> int:
    for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1])
        except OSError:
            continue
    return 0


# -- the load -------------------------------------------------------------------------------

def lua_ids(ids: list[str]) -> str:
    return "local ids = {" + ",".join(json.dumps(i) for i in ids) + "}\n"


def graphql_lua(query: str, ids: list[str] | None) -> str:
    """A wrk script that POSTs `query`, with a random id of `ids` as `$id` when given."""
    lua = 'wrk.method = "POST"\nwrk.path = "/graphql"\nwrk.headers["Content-Type"] = "application/json"\n'
    if ids is None:
        return lua + f"wrk.body = {json.dumps(json.dumps({'query': query}))}\n"
    head, tail = json.dumps({"query": query, "variables": {"id": "\x00"}}).split('"\\u0000"')
    return lua + lua_ids(ids) + f"""
math.randomseed(os.time())
local head, tail = {json.dumps(head)}, {json.dumps(tail)}
request = function()
  local body = head .. '"' .. ids[math.random(#ids)] .. '"' .. tail
  return wrk.format(nil, "/graphql", nil, body)
end
"""


def rest_lua(ids: list[str]) -> str:
    return lua_ids(ids) + """
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/rest/paper/" .. ids[math.random(#ids)])
end
"""


def build_requests(ids: list[str], sharing_ids: list[str]) -> list[Request]:
    for each in ids + sharing_ids:
        if not re.fullmatch(r"[\w.\-/]+", each):
            sys.exit(f"paper id {each!r} needs escaping in a URL; the bench expects arXiv-like ids")
    return [
        Request("paper", "(a) paper(id) with entities and mentions", 16, graphql_lua(PAPER_QUERY, ids)),
        Request("sharing", "(b) papersSharing(type: BENCHMARK, first: 10)", 16, graphql_lua(SHARING_QUERY, sharing_ids)),
        Request("page", "(c) papers(first: 100) with entities", 4, graphql_lua(PAGE_QUERY, None)),
        Request("rest", "(r) GET /rest/paper/{id}, the JSON of (a)", 16, rest_lua(ids)),
    ]


def run_wrk(wrk: str, base: str, script: Path, request: Request, duration: int) -> dict[str, float]:
    """Run wrk for one request; print and return its p50, p99 (ms) and requests a second."""
    out = subprocess.run(
        [wrk, "-t1", f"-c{request.connections}", f"-d{duration}s", "--latency", "-s", str(script), base],
        capture_output=True, text=True, check=True,
    ).stdout
    p50, p99 = (to_ms(re.search(rf"^\s+{q}%\s+(\S+)", out, re.M).group(1)) for q in (50, 99))
    rps = float(re.search(r"Requests/sec:\s+(\S+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    note = (f"  ({bad.group(1)} non-2xx!)" if bad else "") + (f"  (socket errors: {errors.group(1)})" if errors else "")
    print(f"{request.label:<48} c={request.connections:<3} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  "
          f"{rps:8.1f} req/s{note}", flush=True)
    return {"p50_ms": round(p50, 2), "p99_ms": round(p99, 2), "rps": round(rps, 1)}


def to_ms(text: str) -> float:
    """wrk's '12.34ms', '850.00us' or '1.02s' in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


if __name__ == "__main__":
    sys.exit(main())
