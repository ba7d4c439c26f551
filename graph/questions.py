"""The graph questions of `KnowledgeGraph`: relatedness, co-usage, timelines, trends, paths,
leaderboards, filtered lists and counts.

A mixin, so that the read side keeps asking one object (`KnowledgeGraph`) while the
questions live here. Each answers from the index (`graph/index.py`, built on first use and
rebuilt when the graph changes), the store's SQL, or networkx, whichever is fast at 75,000
papers; `bench/graph_questions.py` times them.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from .errors import QuestionError
from .index import ROLES, TYPES, GraphIndex
from .leaderboard import Board, Direction, build_board
from .matching import NameMatcher
from .paths import Hop, find_path
from .queries import entity_node, paper_node
from .records import EntityType, Role
from .relatedness import Ranking, rank_co_used, rank_related
from .timeline import MonthCount, Trend, Windows, count_by_month, pick_windows, rank_trending
from .store import Store

PAPER_ORDERS = ("DATE", "UPVOTES", "RELEVANCE")
ENTITY_ORDERS = ("PAPER_COUNT", "NAME")
# What is computed from the index and kept with it: dropped whenever the index is.
DERIVED = ("_facets_cache", "_matcher_cache", "_stats_cache")


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


@dataclass(frozen=True)
class Stats:
    papers: int
    entities: int
    edges: int
    results: int
    entities_by_type: dict[EntityType, int]
    papers_by_type: dict[EntityType, int]


class GraphQuestions:
    """Mixed into `KnowledgeGraph`, which provides `graph` (networkx) and `store`."""

    graph: nx.Graph
    store: Store
    _variants: dict[str, list[str]]
    _index_lock = threading.Lock()

    # -- the index ----------------------------------------------------------------------

    @property
    def index(self) -> GraphIndex:
        """The paper x entity index of the current graph, built on first use.

        It is rebuilt when `graph` is replaced or gains or loses nodes; code that changes
        only edges calls `invalidate_index()`. (Counting edges would cost 170 ms at 75k
        papers: networkx sums the degrees.)
        """
        stamp = (id(self.graph), self.graph.number_of_nodes())
        cached = self.__dict__.get("_index_cache")
        if cached is not None and cached[0] == stamp:
            return cached[1]
        with self._index_lock:
            cached = self.__dict__.get("_index_cache")
            if cached is None or cached[0] != stamp:
                pairs = [(v, p) for p, vs in self._variants.items() for v in vs]
                cached = (stamp, GraphIndex(self.graph, pairs))
                self.__dict__["_index_cache"] = cached
                for key in DERIVED:
                    self.__dict__.pop(key, None)
        return cached[1]

    def invalidate_index(self) -> None:
        """Drop the index (and what depends on it) so the next question rebuilds it."""
        with self._index_lock:
            for key in ("_index_cache", *DERIVED):
                self.__dict__.pop(key, None)

    # -- relatedness and co-usage ---------------------------------------------------------

    def related_papers(self, paper_id: str, types: Sequence[EntityType] | None = None,
                       roles: Sequence[Role] | None = None, include_variants: bool = False,
                       limit: int = 10, offset: int = 0) -> Ranking:
        """Papers sharing entities with `paper_id`, ranked by rarity (see `rank_related`)."""
        self.require_paper(paper_id)
        return rank_related(self.index, paper_id, types, roles, include_variants, limit, offset)

    def co_used(self, entity_id: str, types: Sequence[EntityType] | None = None,
                roles: Sequence[Role] | None = None, include_variants: bool = False,
                limit: int = 10, offset: int = 0) -> Ranking:
        """Entities used in the same papers as `entity_id`, with counts (see `rank_co_used`)."""
        return rank_co_used(self.index, entity_id, types, roles, include_variants, limit, offset)

    def page_papers_of(self, entity_id: str, include_variants: bool = False,
                       limit: int = 20, offset: int = 0) -> tuple[int, list[str]]:
        """How many papers use an entity (its variants too when asked), and one page of their ids,
        newest first, without listing the rest."""
        index = self.index
        col = index.entity_pos.get(entity_id)
        if col is None:
            return 0, []
        if include_variants:
            cols = [index.entity_pos[e] for e in self._with_variants(entity_id) if e in index.entity_pos]
            rows = np.unique(np.concatenate([index.uses.column(c)[0] for c in cols]))
        else:
            rows = index.uses.column(col)[0]
        return len(rows), [index.paper_ids[r] for r in rows[offset:offset + limit]]

    def _with_variants(self, entity_id: str) -> list[str]:
        ids, frontier = [entity_id], [entity_id]
        while frontier:
            frontier = [child for parent in frontier for child in self._variants.get(parent, [])]
            ids.extend(frontier)
        return ids

    # -- time ---------------------------------------------------------------------------

    def timeline(self, entity_id: str, include_variants: bool = False) -> list[MonthCount]:
        """An entity's papers per month, oldest first; undated papers last."""
        return count_by_month(self.index, entity_id, include_variants)

    def trending(self, type: EntityType, months: int = 3, until: str | None = None,
                 min_papers: int = 5, limit: int = 10) -> tuple[Windows, int, list[Trend]]:
        """Entities of `type` whose share of papers grew most, recent `months` against the ones before."""
        windows = pick_windows(self.index, months, until)
        total, trends = rank_trending(self.index, type, windows, min_papers, limit)
        return windows, total, trends

    # -- paths and leaderboards ---------------------------------------------------------

    def path(self, source: tuple[str, str], target: tuple[str, str], max_hops: int = 8) -> list[Hop] | None:
        """The hops of a shortest path between two (kind, id) nodes, kind "paper" or "entity"."""
        return find_path(self.graph, _node_name(*source), _node_name(*target), max_hops)

    def leaderboard(self, entity_id: str, metric: str | None = None,
                    direction: Direction | None = None) -> Board:
        """The results on a dataset or benchmark for a metric (named by any alias), best first.

        Raises:
            QuestionError: `metric` names no metric the store knows and no result states.
        """
        keys = None
        if metric is not None:
            keys = self._metric_keys(metric)
        return build_board(self.store.results_on([entity_id]), keys, direction)

    def _metric_keys(self, metric: str) -> set[str]:
        from .records import entity_key

        keys = {entity_key(metric)}
        found = self.store.find_entity(metric)
        if found is not None and found.type == EntityType.METRIC:
            keys |= {found.id, *(entity_key(a) for a in (found.name, *found.aliases))}
        if not any(keys):
            raise QuestionError(f"metric: {metric!r} names no metric; pass a name such as \"accuracy\" or \"FID\"")
        return keys

    # -- filtered lists -------------------------------------------------------------------

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

    def _facets(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per paper row: upvotes (0 when unknown), has code, ISO date ("" when unknown)."""
        index = self.index
        cached = self.__dict__.get("_facets_cache")
        if cached is None:
            upvotes = np.zeros(index.paper_total, dtype=np.int64)
            has_code = np.zeros(index.paper_total, dtype=bool)
            for pid, votes, code in self.store.paper_facets():
                row = index.paper_pos.get(pid)
                if row is not None:
                    upvotes[row], has_code[row] = votes or 0, bool(code)
            dates = np.array([self.graph.nodes[paper_node(p)].get("date") or "" for p in index.paper_ids])
            cached = self.__dict__["_facets_cache"] = (upvotes, has_code, dates)
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

    # -- counts ---------------------------------------------------------------------------

    def stats(self) -> Stats:
        """Papers, entities, edges and results, with entities and papers by entity type.

        Counted once per index (a pass over every edge: 0.3 s at 75k papers), then kept.
        """
        index = self.index
        cached = self.__dict__.get("_stats_cache")
        if cached is not None:
            return cached
        u = index.uses
        rows = np.repeat(np.arange(index.paper_total), np.diff(u.row_ptr))
        pairs = np.unique(rows * len(TYPES) + index.entity_type[u.row_cols])
        papers_by_type = np.bincount(pairs % len(TYPES), minlength=len(TYPES))
        entities_by_type = np.bincount(index.entity_type, minlength=len(TYPES))
        stats = self.__dict__["_stats_cache"] = Stats(
            papers=index.paper_total, entities=len(index.entity_ids), edges=len(u.row_cols),
            results=self.store.count_results(),
            entities_by_type={t: int(entities_by_type[i]) for i, t in enumerate(TYPES)},
            papers_by_type={t: int(papers_by_type[i]) for i, t in enumerate(TYPES)},
        )
        return stats


def _node_name(kind: str, ident: str) -> str:
    return paper_node(ident) if kind == "paper" else entity_node(ident)


__all__ = ["ENTITY_ORDERS", "PAPER_ORDERS", "ROLES", "GraphQuestions", "PaperFilter", "Stats"]
