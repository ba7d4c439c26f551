"""Compare two paperkg databases table by table, row by row (rowids included).

    .venv/bin/python bench/compare_stores.py A.db B.db [--fts-internals]

For checking that a change to the ingest leaves the store it writes identical: ingest the
same input with the code before and after (with the same PYTHONHASHSEED, as the corpus
step's order of new split entities follows set order), then compare. Each table's rows
are read in rowid order and hashed; it prints one line a table, SAME or DIFF with the row
count and digest of each, and exits 1 when any differs. The pages FTS5 keeps its index in
(`papers_fts_data`, `papers_fts_idx`) depend on how the rows were written, not only on
them, so they are left out unless `--fts-internals`; the indexed rows (`papers_fts`,
`papers_fts_content`, `papers_fts_docsize`) are compared, and `papers_fts` is checked with
FTS5's own integrity check.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys

_FTS_PAGES = ("papers_fts_data", "papers_fts_idx")


def digest_tables(path: str, fts_internals: bool) -> dict[str, tuple[int, str]]:
    """{table: (rows, digest of the rows in rowid order)}, and the schema's digest."""
    db = sqlite3.connect(path)
    db.execute("INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')")
    out = {}
    for table, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        if table in _FTS_PAGES and not fts_internals:
            continue
        out[table] = _digest_rows(db, table)
    schema = sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    out["(schema)"] = (len(schema), hashlib.sha256(repr(schema).encode()).hexdigest()[:16])
    return out


def _digest_rows(db, table: str) -> tuple[int, str]:
    try:
        cursor = db.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid')
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
    a, b = digest_tables(args.a, args.fts_internals), digest_tables(args.b, args.fts_internals)
    differ = False
    for table in sorted(set(a) | set(b)):
        same = a.get(table) == b.get(table)
        differ |= not same
        sys.stdout.write(f"{'SAME' if same else 'DIFF'} {table}: {a.get(table)} {b.get(table)}\n")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
