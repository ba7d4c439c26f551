"""A paper x entity incidence index of the graph, as numpy arrays, for fast graph questions.

networkx stays the graph model `KnowledgeGraph` exposes; this index is built from it once
(lazily, on the first question that needs it) and answers the questions that would
otherwise loop over networkx in Python: rankings by shared entities, co-usage, per-month
counts. Each is a gather over CSR/CSC slices plus a `numpy.bincount`, i.e. the sparse
product of the paper x entity matrix with a vector, in O(entries touched).

Papers are numbered newest first (date descending, undated last, then id), so a column's
rows in ascending order are that entity's papers newest first, and a page of them is a
slice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp

from .records import EntityType, Role

TYPES = list(EntityType)
ROLES = [Role.MENTIONS, Role.USES, Role.EVALUATES_ON, Role.COMPARES, Role.INTRODUCES]
UNDATED = -1


def month_code(day: str | None) -> int:
    """An ISO date ("2025-06-24") as months since year 0 (year * 12 + month - 1); -1 if none."""
    if not day:
        return UNDATED
    return int(day[:4]) * 12 + int(day[5:7]) - 1


def month_text(code: int) -> str:
    """The inverse of `month_code`: 24302 -> "2025-03"."""
    return f"{code // 12:04d}-{code % 12 + 1:02d}"


@dataclass
class Incidence:
    """One sparse paper x column matrix, kept both by row (CSR) and by column (CSC).

    `row_roles` / `col_roles` hold each entry's role code (an index into ROLES).
    """

    row_ptr: np.ndarray
    row_cols: np.ndarray
    row_roles: np.ndarray
    col_ptr: np.ndarray
    col_rows: np.ndarray
    col_roles: np.ndarray
    col_sizes: np.ndarray

    @classmethod
    def from_entries(cls, rows: np.ndarray, cols: np.ndarray, roles: np.ndarray,
                     n_rows: int, n_cols: int) -> Incidence:
        """Build both orientations from coordinate entries (duplicates keep the strongest role)."""
        key = rows.astype(np.int64) * n_cols + cols
        order = np.lexsort((-roles, key))
        key, rows, cols, roles = key[order], rows[order], cols[order], roles[order]
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        rows, cols, roles = rows[first], cols[first], roles[first]
        row_ptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=row_ptr[1:])
        by_col = np.lexsort((rows, cols))
        col_sizes = np.bincount(cols, minlength=n_cols)
        col_ptr = np.zeros(n_cols + 1, dtype=np.int64)
        np.cumsum(col_sizes, out=col_ptr[1:])
        return cls(row_ptr, cols, roles, col_ptr, rows[by_col], roles[by_col], col_sizes)

    def row(self, r: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.row_ptr[r], self.row_ptr[r + 1]
        return self.row_cols[a:b], self.row_roles[a:b]

    def column(self, c: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.col_ptr[c], self.col_ptr[c + 1]
        return self.col_rows[a:b], self.col_roles[a:b]

    def matrix(self) -> sp.csr_matrix:
        """The 0/1 paper x column matrix as scipy CSR."""
        n_rows = len(self.row_ptr) - 1
        data = np.ones(len(self.row_cols), dtype=np.float64)
        return sp.csr_matrix((data, self.row_cols, self.row_ptr), shape=(n_rows, len(self.col_sizes)))


class GraphIndex:
    """Paper and entity numbering, per-paper months and the paper x entity incidence.

    Attributes:
        paper_ids: paper ids, newest first; `paper_pos` maps an id to its row.
        entity_ids: entity ids in id order; `entity_pos` maps an id to its column.
        paper_month: each paper's `month_code`.
        id_rank: each paper's position in id order (the tie-breaker of rankings).
        entity_type: each entity's type code (an index into TYPES).
        root: each entity's topmost variant ancestor ("flamermf24b" -> "flame").
        uses: papers x entities.
    """

    def __init__(self, graph: nx.Graph, variant_pairs: Iterable[tuple[str, str]] = ()):
        papers, entities = [], []
        for node, data in graph.nodes(data=True):
            kind, ident = node.split(":", 1)
            (papers if kind == "paper" else entities).append((ident, data))
        papers.sort(key=lambda p: p[0])
        months = [month_code(d.get("date")) for _, d in papers]
        dates = [d.get("date") or "" for _, d in papers]
        # Newest first, undated last, then by id: a stable sort on descending date.
        order = sorted(range(len(papers)), key=lambda i: (dates[i] == "", _invert(dates[i])))
        self.paper_ids = [papers[i][0] for i in order]
        self.paper_pos = {pid: i for i, pid in enumerate(self.paper_ids)}
        self.paper_month = np.array([months[i] for i in order], dtype=np.int32)
        self.id_rank = np.array(order, dtype=np.int64)
        entities.sort(key=lambda e: e[0])
        self.entity_ids = [eid for eid, _ in entities]
        self.entity_pos = {eid: i for i, eid in enumerate(self.entity_ids)}
        type_code = {t: i for i, t in enumerate(TYPES)}
        self.entity_type = np.array([type_code[EntityType(d["type"])] for _, d in entities], dtype=np.int8)
        self.uses = self._incidence(graph)
        self.root = self._roots(variant_pairs)
        self._root_uses: Incidence | None = None

    @property
    def paper_total(self) -> int:
        return len(self.paper_ids)

    def _incidence(self, graph: nx.Graph) -> Incidence:
        role_code = {r: i for i, r in enumerate(ROLES)}
        rows, cols, roles = [], [], []
        for u, v, role in graph.edges(data="role"):
            if u.startswith("entity:"):
                u, v = v, u
            rows.append(self.paper_pos[u[6:]])
            cols.append(self.entity_pos[v[7:]])
            roles.append(role_code[Role(role)])
        return Incidence.from_entries(np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64),
                                      np.array(roles, dtype=np.int8), self.paper_total, len(self.entity_ids))

    def _roots(self, variant_pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        parent = {v: p for v, p in variant_pairs if v in self.entity_pos and p in self.entity_pos}
        root = np.arange(len(self.entity_ids), dtype=np.int64)
        for variant in parent:
            top, seen = variant, {variant}
            while top in parent and parent[top] not in seen:
                top = parent[top]
                seen.add(top)
            root[self.entity_pos[variant]] = self.entity_pos[top]
        return root

    def root_uses(self) -> Incidence:
        """Papers x entities with every variant folded into its root (built on first use)."""
        if self._root_uses is None:
            u = self.uses
            rows = np.repeat(np.arange(self.paper_total, dtype=np.int64), np.diff(u.row_ptr))
            self._root_uses = Incidence.from_entries(rows, self.root[u.row_cols], u.row_roles,
                                                     self.paper_total, len(self.entity_ids))
        return self._root_uses

    def incidence(self, include_variants: bool) -> Incidence:
        return self.root_uses() if include_variants else self.uses

    def entry_mask(self, cols: np.ndarray, roles: np.ndarray, types: Iterable[EntityType] | None,
                   role_filter: Iterable[Role] | None) -> np.ndarray:
        """Which entries (columns `cols` with roles `roles`) pass a type and a role filter."""
        keep = np.ones(len(cols), dtype=bool)
        if types:
            keep &= np.isin(self.entity_type[cols], [TYPES.index(EntityType(t)) for t in types])
        if role_filter:
            keep &= np.isin(roles, [ROLES.index(Role(r)) for r in role_filter])
        return keep

    def rarity(self, sizes: np.ndarray) -> np.ndarray:
        """Smoothed inverse document frequency log(1 + N / papers) of columns of these sizes."""
        return np.log1p(self.paper_total / np.maximum(sizes, 1))

    def top(self, scores: np.ndarray, counts: np.ndarray, candidates: np.ndarray, k: int) -> np.ndarray:
        """The `k` best candidate rows: highest score, then most shared, then smallest id."""
        if k <= 0 or not len(candidates):
            return candidates[:0]
        # Sums of the same weights in another order differ in the last bits; that noise
        # must not decide an order, so scores are compared to 1e-9.
        rounded = np.round(scores[candidates], 9)
        if len(candidates) > k:
            kth = np.partition(rounded, len(rounded) - k)[len(rounded) - k]
            keep = rounded >= kth
            candidates, rounded = candidates[keep], rounded[keep]
        order = np.lexsort((self.id_rank[candidates], -counts[candidates], -rounded))
        return candidates[order[:k]]


def _invert(day: str) -> str:
    # Descending dates with an ascending sort: map each digit d to 9 - d.
    return day.translate(_INVERT)


_INVERT = str.maketrans("0123456789", "9876543210")

