"""Reading papers from the store: lookups, full-text search, pages, and the change log.

The papers' part of `Store` (graph/store.py), a mixin over the connection helpers of
`store_base.StoreBase`; rows become `Paper`s in `store_records.paper_from_row`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .records import Paper
from .store_base import StoreBase
from .store_records import paper_from_row

# A paper's year: the stored one, else its date's (rows written before schema version 5).
YEAR_SQL = "coalesce(year, CAST(substr(date, 1, 4) AS INTEGER))"


def _fts_query(search: str) -> str:
    """Quote each word so user text never reaches FTS5's query syntax."""
    words = [w.replace('"', '""') for w in search.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


class StorePapers(StoreBase):
    """The paper reads of `Store`."""

    def count_papers(self, search: str | None = None) -> int:
        if search:
            return self._count("SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?", _fts_query(search))
        return self._count("SELECT count(*) FROM papers")

    def list_papers(self, search: str | None = None, limit: int = 20, offset: int = 0) -> list[Paper]:
        """Papers newest first (then by id); with `search`, best full-text matches first."""
        if search:
            sql = ("SELECT p.* FROM papers_fts f JOIN papers p ON p.rowid = f.rowid "
                   "WHERE papers_fts MATCH ? ORDER BY rank, p.id LIMIT ? OFFSET ?")
            params: tuple = (_fts_query(search), limit, offset)
        else:
            sql = "SELECT * FROM papers ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?"
            params = (limit, offset)
        return [paper_from_row(r) for r in self._query(sql, params)]

    def search_paper_ids(self, search: str) -> list[str]:
        """Ids of the papers matching a full-text search, best match first."""
        sql = "SELECT id FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank, id"
        return [row[0] for row in self._query(sql, (_fts_query(search),))]

    def paper_facets(self) -> list[tuple[str, int | None, bool, int | None, str | None, str | None]]:
        """(id, upvotes, has code, year, venue, DOI) of every paper: what paper filters and orders need."""
        return self._query("SELECT id, upvotes, code_urls != '[]', "
                           f"{YEAR_SQL}, venue, doi FROM papers")

    def get_papers(self, ids: Sequence[str]) -> dict[str, Paper]:
        rows = self._select_in("SELECT * FROM papers WHERE id IN ({})", ids)
        return {row[0]: paper_from_row(row) for row in rows}

    def iter_papers(self) -> Iterator[Paper]:
        """Every paper by id, read a page at a time so memory stays flat."""
        for rows in self._pages("SELECT * FROM papers WHERE id > ? ORDER BY id LIMIT ?"):
            yield from (paper_from_row(row) for row in rows)

    def iter_papers_as_written(self) -> Iterator[Paper]:
        """Every paper in the order it was first written (rowid: a rewrite keeps its place),
        a page at a time; papers new since the first page was read are left out."""
        last_written = self._count("SELECT coalesce(max(rowid), 0) FROM papers")
        for rows in self._pages(f"SELECT rowid, * FROM papers WHERE rowid > ? AND rowid <= {last_written} "
                                "ORDER BY rowid LIMIT ?", last=0):
            yield from (paper_from_row(row[1:]) for row in rows)

    def paper_dates(self) -> list[tuple[str, str | None]]:
        """(paper id, ISO date or None) of every paper."""
        return self._query("SELECT id, date FROM papers")

    # -- the change log (filled by triggers, see store_schema.CHANGE_LOG) ---------------

    def last_change(self) -> int:
        """The sequence number of the latest paper change; 0 when there was none."""
        return self._count("SELECT coalesce(max(seq), 0) FROM paper_changes")

    def changes_since(self, seq: int) -> tuple[int, list[str]]:
        """(the latest sequence number, ids of the papers changed after `seq`)."""
        rows = self._query("SELECT seq, paper_id FROM paper_changes WHERE seq > ? ORDER BY seq", (seq,))
        return (rows[-1][0] if rows else seq), list(dict.fromkeys(pid for _, pid in rows))
