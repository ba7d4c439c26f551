"""Filtered, ordered and counted lists of papers and entities, for `papers` and `entities`.

A mixin of `KnowledgeGraph` (through `GraphQuestions`): filters are boolean masks over the
index's paper rows or entity columns, so a total is a count of the mask and a page is a
slice of its ordered positions; only the page's records are then read from the store.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import networkx as nx
import numpy as np

from .errors import QuestionError
from .index import TYPES, GraphIndex
from .matching import NameMatcher
from .queries import paper_node
from .records import EntityType, Role
from .sources.fields import doi_key
from .store import Store


@dataclass(frozen=True)
class PaperFilter:
    """What `filter_papers` keeps; every field is optional and they combine with AND."""

    search: str | None = None
    entity_ids: tuple[str, ...] | None = None
    types: tuple[EntityType, ...] | None = None
    roles: tuple[Role, ...] | None = None
    since: str | None = None
    until: str | None = None
    has_code: bool | None = None
    year: int | None = None
    venue: str | None = None
    doi: str | None = None


class ListFilters:
    """Mixed into `KnowledgeGraph`; needs `graph`, `store` and `index`."""

    graph: nx.Graph
    store: Store
    index: GraphIndex

    def filter_papers(self, where: PaperFilter, order_by: str = "DATE",
                      limit: int = 20, offset: int = 0) -> tuple[int, list[str]]:
        """How many papers pass `where`, and one page of their ids in `order_by` order.

        Raises:
            QuestionError: RELEVANCE without `search`, or a date that is not YYYY-MM-DD.
        """
        index = self.index
        keep = np.ones(index.paper_total, dtype=bool)
        if where.entity_ids is not None or where.types or where.roles:
            keep &= self._papers_using(where)
        if where.since or where.until:
            keep &= self._papers_between(where.since, where.until)
        if where.has_code is not None:
            keep &= self._facets()[1] == where.has_code
        if where.year is not None:
            keep &= self._facets()[3] == where.year
        if where.venue is not None:
            keep &= self._papers_at_venue(where.venue)
        if where.doi is not None:
            keep &= self._papers_with_doi(where.doi)
        if where.search:
            hits = [index.paper_pos[p] for p in self.store.search_paper_ids(where.search) if p in index.paper_pos]
            rows = np.array(hits, dtype=np.int64)
            rows = rows[keep[rows]]
        else:
            rows = np.flatnonzero(keep)
        if order_by == "RELEVANCE":
            if not where.search:
                raise QuestionError("orderBy: RELEVANCE needs `search`; order by DATE or UPVOTES otherwise")
        elif order_by == "UPVOTES":
            upvotes = self._facets()[0][rows]
            rows = rows[np.lexsort((rows, -upvotes))]
        else:
            rows = np.sort(rows)
        return len(rows), [index.paper_ids[r] for r in rows[offset:offset + limit]]

    def _papers_using(self, where: PaperFilter) -> np.ndarray:
        index = self.index
        keep = np.zeros(index.paper_total, dtype=bool)
        if where.entity_ids is not None:
            for entity_id in where.entity_ids:
                col = index.entity_pos.get(entity_id)
                if col is not None:
                    rows, roles = index.uses.column(col)
                    keep[rows[index.entry_mask(np.full(len(rows), col), roles, where.types, where.roles)]] = True
            return keep
        u = index.uses
        entries = index.entry_mask(u.row_cols, u.row_roles, where.types, where.roles)
        rows = np.repeat(np.arange(index.paper_total), np.diff(u.row_ptr))
        keep[rows[entries]] = True
        return keep

    def _papers_between(self, since: str | None, until: str | None) -> np.ndarray:
        dates = self._facets()[2]
        keep = dates != ""
        for bound, name in ((since, "since"), (until, "until")):
            if bound is not None:
                try:
                    text = datetime.date.fromisoformat(bound).isoformat()
                except ValueError:
                    raise QuestionError(f"{name}: {bound!r} is not a date; write it as YYYY-MM-DD") from None
                keep &= (dates >= text) if name == "since" else (dates <= text)
        return keep

    def _papers_at_venue(self, venue: str) -> np.ndarray:
        """Papers whose venue holds `venue`, ignoring case: "NeurIPS" finds "NeurIPS 2024"."""
        wanted = " ".join(venue.split()).casefold()
        if not wanted:
            raise QuestionError("venue: give part of a venue's name, e.g. venue: \"NeurIPS\"")
        venues = self._facets()[4]
        hits = {v for v in set(venues.tolist()) if v and wanted in v}
        return np.isin(venues, list(hits)) if hits else np.zeros(len(venues), dtype=bool)

    def _papers_with_doi(self, doi: str) -> np.ndarray:
        """Papers with this DOI, written as sources write it ("https://doi.org/10.1145/X",
        "doi:10.1145/X", any case): the store keeps it bare and in lower case."""
        wanted = doi_key(doi)
        if wanted is None:
            raise QuestionError(f"doi: {doi!r} is not a DOI; give one as 10.NNNN/..., e.g. doi: \"10.1145/3292500.3330701\"")
        return self._facets()[5] == wanted

    def _facets(self) -> tuple[np.ndarray, ...]:
        """Per paper row: upvotes (0 when unknown), has code, ISO date ("" when unknown),
        year (0 when unknown), case-folded venue ("" when unknown) and DOI ("" when unknown)."""
        index = self.index
        cached = self.__dict__.get("_facets_cache")
        if cached is None:
            upvotes = np.zeros(index.paper_total, dtype=np.int64)
            has_code = np.zeros(index.paper_total, dtype=bool)
            years = np.zeros(index.paper_total, dtype=np.int64)
            venues = np.full(index.paper_total, "", dtype=object)
            dois = np.full(index.paper_total, "", dtype=object)
            for pid, votes, code, year, venue, doi in self.store.paper_facets():
                row = index.paper_pos.get(pid)
                if row is not None:
                    upvotes[row], has_code[row] = votes or 0, bool(code)
                    years[row], venues[row], dois[row] = year or 0, (venue or "").casefold(), doi or ""
            dates = np.array([self.graph.nodes[paper_node(p)].get("date") or "" for p in index.paper_ids])
            cached = self.__dict__["_facets_cache"] = (upvotes, has_code, dates, years, venues, dois)
        return cached

    def filter_entities(self, type: EntityType | None = None, search: str | None = None,
                        min_papers: int = 0, order_by: str = "PAPER_COUNT",
                        limit: int = 20, offset: int = 0) -> tuple[int, list[str]]:
        """How many entities pass the filters, and one page of their ids.

        `search` matches names and aliases by prefix, by substring and fuzzily (see
        `NameMatcher`); the order is by papers (most first) or by name, then id.
        """
        index = self.index
        keep = index.uses.col_sizes >= min_papers
        if type is not None:
            keep &= index.entity_type == TYPES.index(EntityType(type))
        if search is not None:
            matched = np.zeros(len(keep), dtype=bool)
            cols = [index.entity_pos[e] for e in self._name_matcher().match(search) if e in index.entity_pos]
            matched[cols] = True
            keep &= matched
        cols = np.flatnonzero(keep)
        if order_by == "NAME":
            names = self._name_matcher().names
            ordered = sorted(cols.tolist(), key=lambda c: (names.get(index.entity_ids[c], "").casefold(), c))
            cols = np.array(ordered, dtype=np.int64)
        else:
            cols = cols[np.lexsort((cols, -index.uses.col_sizes[cols]))]
        return len(cols), [index.entity_ids[c] for c in cols[offset:offset + limit]]

    def _name_matcher(self) -> NameMatcher:
        self.index  # noqa: B018 - (re)builds the index, which drops a stale matcher
        matcher = self.__dict__.get("_matcher_cache")
        if matcher is None:
            matcher = self.__dict__["_matcher_cache"] = NameMatcher(self.store.alias_keys(), self.store.entity_names())
        return matcher
