"""Rewriting stored papers: what a re-ingest of papers with a changed abstract costs the store.

    .venv/bin/python bench/store_rewrite.py COPY.db [--papers 200] [--batch 50]

Writes to the database (the newest papers get " We also report timings." appended to their
abstract, their mentions kept), so give it a copy. Times `Store.write_batch` alone, in CPU
seconds (steady on a busy machine), then checks that a full-text search finds every
rewritten paper by its new word. A paper's full-text row was found by its unindexed id
before schema 8 (a scan of the whole index a paper); now by its rowid.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

from paperkg.graph.records import PaperExtraction
from paperkg.graph.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="A copy of a paperkg database (it is written).")
    parser.add_argument("--papers", type=int, default=200)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"no database at {args.db}; give a copy of one built by `paperkg ingest`")
    with Store(args.db) as store:  # upgraded to this paperkg's schema first, outside the timing
        with sqlite3.connect(args.db) as db:
            ids = [r[0] for r in db.execute("SELECT id FROM papers ORDER BY rowid DESC LIMIT ?", (args.papers,))]
        papers, mentions = store.get_papers(ids), store.mentions_of_papers(ids)
        batch = [PaperExtraction(replace(papers[i], abstract=papers[i].abstract + " We also report timings."),
                                 tuple(mentions.get(i, ()))) for i in ids]
        cpu, wall = time.process_time(), time.perf_counter()
        for i in range(0, len(batch), args.batch):
            store.write_batch(batch[i:i + args.batch])
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        found = set(store.search_paper_ids("timings")) & set(ids)
        total = store.count_papers()
    print(f"{len(ids)} of {total:,} papers rewritten: {cpu:.2f} CPU s ({1000 * cpu / len(ids):.1f} ms a paper), "
          f"{wall:.2f} s wall; the search finds {len(found)} of them")


if __name__ == "__main__":
    main()
