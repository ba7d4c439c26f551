"""The graph questions of `KnowledgeGraph`: relatedness, co-usage, timelines, trends, paths,
leaderboards, filtered lists and counts.

A mixin, so that the read side keeps asking one object (`KnowledgeGraph`) while the
questions live here. Each answers from the index (`graph/index.py`, built on first use and
rebuilt when the graph changes), the store's SQL, or networkx, whichever is fast at 75,000
papers; `bench/graph_questions.py` times them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from .errors import QuestionError
from .filters import ListFilters, PaperFilter
from .index import TYPES, GraphIndex
from .leaderboard import Board, Direction, build_board
from .paths import Hop, find_path
from .queries import entity_node, paper_node
from .records import EntityType, Role
from .relatedness import Ranking, rank_co_used, rank_related
from .store import Store
from .timeline import MonthCount, Trend, Windows, count_by_month, pick_windows, rank_trending

# What is computed from the index and kept with it: dropped whenever the index is.
DERIVED = ("_facets_cache", "_matcher_cache", "_stats_cache")


@dataclass(frozen=True)
class Stats:
    papers: int
    entities: int
    edges: int
    results: int
    entities_by_type: dict[EntityType, int]
    papers_by_type: dict[EntityType, int]


class GraphQuestions(ListFilters):
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

    def path(self, source: tuple[str, str], target: tuple[str, str], max_hops: int = 8,
             via: Sequence[EntityType] | None = None) -> list[Hop] | None:
        """The hops of a shortest path between two (kind, id) nodes, kind "paper" or "entity",
        optionally only through entities of the types `via`."""
        return find_path(self.graph, _node_name(*source), _node_name(*target), max_hops, via)

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


__all__ = ["GraphQuestions", "PaperFilter", "Stats"]
