"""How long the explorer takes to show a paper page and an entity page at corpus scale.

From the repository root, with the project's venv, Playwright and Debian's chromium:

    nice -n 10 .venv/bin/python bench/explorer_page.py [--db /work/cache/corpus75k.db] [--runs 7]

It copies the database (its code may migrate it), starts `paperkg serve` on it as a user
does, picks a well-connected paper (of the papers using the benchmark most papers use, the
one using the most entities), that benchmark's entity page and a search ("diffusion
transformer"), and opens each in headless chromium `--runs` times, each time in a fresh
browser context (an empty cache), timing (on the page's own clock) from the start of
navigation until the view says `data-state="ready"` (everything rendered, the
neighbourhood graph drawn).
The first visit of a paper page after start-up is reported apart (`first_paper_ms`): it is
the one that may wait for the graph index (graph/questions.py `index`).

It prints each figure with the load average, and as its last line one JSON object:
{"first_paper_ms", "paper_ms": {"median", "min", "max"}, "entity_ms": {...}, "search_ms": {...}, "ready_s",
"load_before", "load_after", "paper", "entity"}.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PAPERKG = Path(sys.executable).with_name("paperkg")
DEFAULT_DB = Path("/work/cache/corpus75k.db")
# The benchmark most papers use, and of its papers the one using the most entities; read
# from the copy with SQL so that the first page the browser opens is the server's first question.
PICK = """WITH top AS (SELECT m.entity_id AS id FROM mentions m JOIN entities e ON e.id = m.entity_id
  WHERE e.type = 'BENCHMARK' GROUP BY m.entity_id ORDER BY COUNT(DISTINCT m.paper_id) DESC LIMIT 1)
SELECT (SELECT id FROM top), m.paper_id, COUNT(DISTINCT m.entity_id) AS n FROM mentions m
WHERE m.paper_id IN (SELECT paper_id FROM mentions WHERE entity_id = (SELECT id FROM top))
GROUP BY m.paper_id ORDER BY n DESC, m.paper_id LIMIT 1"""


SEARCH = "diffusion transformer"  # a search page: papers by full text and entities by name
# Notes the page's clock when the view turns ready (the test's polling would add its own delay).
READY_CLOCK = """new MutationObserver(() => {
  const view = document.getElementById("view");
  if (view && view.dataset.state === "ready" && window.__paperkgReady === undefined) window.__paperkgReady = performance.now();
}).observe(document, { subtree: true, attributes: true, childList: true });"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="database to copy and serve (default %(default)s)")
    parser.add_argument("--runs", type=int, default=7, help="visits of each page (default 7)")
    return parser.parse_args(argv)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_db(source: Path, folder: Path) -> Path:
    """A private copy of `source` through SQLite's backup (its -wal included)."""
    if not source.is_file():
        sys.exit(f"Error: {source} does not exist; build one with `paperkg ingest ... --db {source}`")
    target = folder / "explorer.db"
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def start_server(db: Path, port: int) -> tuple[subprocess.Popen, float]:
    """`paperkg serve` on `db`; returns the process and the seconds until /health answered."""
    started = time.monotonic()
    server = subprocess.Popen([str(PAPERKG), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while True:
        if server.poll() is not None:
            sys.exit(f"Error: paperkg serve exited: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return server, time.monotonic() - started
        except OSError:
            time.sleep(0.2)


def time_page(browser, url: str) -> float:
    """Milliseconds from navigation start to data-state=ready, in a fresh context."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.add_init_script(READY_CLOCK)
    try:
        page.goto(url, wait_until="commit")
        page.wait_for_selector("main#view[data-state=ready]", timeout=60_000)
        return page.evaluate("window.__paperkgReady")
    finally:
        context.close()


def summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values)), "min": round(min(values)), "max": round(max(values))}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("Error: playwright is not installed; pip install -e '.[test]'")
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Error: no chromium on PATH; apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as folder:
        db = copy_db(args.db, Path(folder))
        with sqlite3.connect(db) as connection:
            entity_id, paper_id, entity_count = connection.execute(PICK).fetchone()
        port = free_port()
        load_before = os.getloadavg()[0]
        server, ready_s = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            paper_url, entity_url = f"{base}/paper/{paper_id}", f"{base}/entity/{entity_id}"
            search_url = f"{base}/search?q={SEARCH.replace(' ', '%20')}"
            print(f"served in {ready_s:.1f} s; paper {paper_id} ({entity_count} entities), entity {entity_id}")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--headless=new"])
                first = time_page(browser, paper_url)
                papers = [time_page(browser, paper_url) for _ in range(args.runs)]
                entities = [time_page(browser, entity_url) for _ in range(args.runs)]
                searches = [time_page(browser, search_url) for _ in range(args.runs)]
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    result = {"first_paper_ms": round(first), "paper_ms": summary(papers), "entity_ms": summary(entities),
              "search_ms": summary(searches),
              "ready_s": round(ready_s, 1), "load_before": round(load_before, 2),
              "load_after": round(os.getloadavg()[0], 2), "paper": paper_id, "entity": entity_id}
    print(f"first paper page {first:.0f} ms; paper page median {result['paper_ms']['median']} ms, "
          f"entity page median {result['entity_ms']['median']} ms, search page median "
          f"{result['search_ms']['median']} ms over {args.runs} runs "
          f"(load average {load_before:.2f} before, {result['load_after']:.2f} after)")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
