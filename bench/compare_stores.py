"""Compare two paperkg databases table by table, row by row (rowids included).

    .venv/bin/python bench/compare_stores.py A.db B.db [--fts-internals]

For checking that a change to the ingest leaves the store it writes identical: ingest the
same input with the code before and after (with the same PYTHONHASHSEED, as the corpus
step's order of new split entities follows set order), then compare. Each table's rows
are read in rowid order and hashed; it prints one line a table, SAME or DIFF with the row
count and digest of each, and exits 1 when any differs. The tables FTS5 keeps its index
in (`papers_fts_data`, `papers_fts_idx`, `papers_fts_config`) depend on how the rows were
written and on the index's settings, not only on the rows, and `papers_fts_content` exists
only in stores before schema 9 (whose index kept its own copy of the text): they are left
out, with the full-text table's own line of the schema, unless `--fts-internals`. The
indexed rows (`papers_fts`, `papers_fts_docsize`) are compared, `papers_fts` is checked with
FTS5's own integrity check, and "(fts searches)" compares what a search finds, in order: the
ids `MATCH` returns for each word of every 50th title of the first store.

A mention's sentence is compared as text whichever way a store keeps it: in a `sentence`
column (schema 9 and before) or as a span of its paper's field (`sentence_start`,
`sentence_end`, schema 10, read back through the store's own `sentence_sql`). The rows of
`mentions` and `held_mentions` are hashed as their other columns, in the table's order,
then the sentence's text; where both stores keep spans, "<table> (spans)" compares those too.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys

from paperkg.graph.store_schema import sentence_sql

_FTS_FORM = ("papers_fts_data", "papers_fts_idx", "papers_fts_config", "papers_fts_content")
_SENTENCE_COLUMNS = ("sentence", "sentence_start", "sentence_end")
_SEARCH = "SELECT id FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank, id"


def search_words(path: str) -> list[str]:
    """The distinct words of every 50th title of the store, as quoted FTS5 phrases."""
    db = sqlite3.connect(path)
    titles = db.execute("SELECT title FROM papers WHERE rowid % 50 = 1 ORDER BY rowid").fetchall()
    words = {w.strip(".,:;()!?'\"").lower() for title, in titles for w in title.split()}
    return sorted(f'"{w}"' for w in words if w.isalnum())


def digest_tables(path: str, fts_internals: bool, searches: list[str]) -> dict[str, tuple[int, str]]:
    """{table: (rows, digest of the rows in rowid order)}, the schema's digest and that of
    the ids each of `searches` finds."""
    db = sqlite3.connect(path)
    db.execute("INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')")
    out = {}
    for table, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        if table in _FTS_FORM and not fts_internals:
            continue
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
        if "sentence_start" in columns:
            kept = [f'"{c}"' for c in columns if c not in _SENTENCE_COLUMNS]
            out[table] = _digest_rows(db, table, ", ".join(kept + [sentence_sql(f'"{table}"')]))
            out[f"{table} (spans)"] = _digest_rows(db, table, "sentence_start, sentence_end")
        elif "sentence" in columns and table != "results":
            kept = [f'"{c}"' for c in columns if c not in _SENTENCE_COLUMNS]
            out[table] = _digest_rows(db, table, ", ".join(kept + ["sentence"]))
        else:
            out[table] = _digest_rows(db, table)
    schema = sorted(row for row in db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
                    if fts_internals or not row[1].startswith("papers_fts"))
    out["(schema)"] = (len(schema), hashlib.sha256(repr(schema).encode()).hexdigest()[:16])
    found = [db.execute(_SEARCH, (word,)).fetchall() for word in searches]
    out["(fts searches)"] = (sum(map(len, found)), hashlib.sha256(repr(found).encode()).hexdigest()[:16])
    return out


def _digest_rows(db, table: str, columns: str = "*") -> tuple[int, str]:
    try:
        cursor = db.execute(f'SELECT rowid, {columns} FROM "{table}" ORDER BY rowid')
    except sqlite3.OperationalError:  # WITHOUT ROWID tables of FTS5
        cursor = db.execute(f'SELECT * FROM "{table}" ORDER BY 1')
    digest, count = hashlib.sha256(), 0
    for row in cursor:
        digest.update(repr(row).encode())
        count += 1
    return count, digest.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--fts-internals", action="store_true", help="compare FTS5's index pages too")
    args = parser.parse_args()
    searches = search_words(args.a)
    a, b = (digest_tables(path, args.fts_internals, searches) for path in (args.a, args.b))
    differ = False
    for table in sorted(set(a) | set(b)):
        if table.endswith(" (spans)") and (table not in a or table not in b):
            continue  # one store keeps the sentences' text: compared as text above
        same = a.get(table) == b.get(table)
        differ |= not same
        sys.stdout.write(f"{'SAME' if same else 'DIFF'} {table}: {a.get(table)} {b.get(table)}\n")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
