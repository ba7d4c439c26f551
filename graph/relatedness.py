"""Related papers and co-used entities, as sparse products over the paper x entity index.

Related papers: the source paper's (filtered) entities form a weight vector w, each entity
weighing its rarity (smoothed IDF, Sparck Jones 1972); the scores of all papers are the
product M w of the paper x entity matrix M with it, gathered column by column. Co-usage:
the column of an entity selects its papers; the sum of their rows counts, per entity, the
papers using both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .index import GraphIndex
from .records import EntityType, Role, SharedPapers


@dataclass(frozen=True)
class Ranking:
    """One page of a ranked list and the length of the whole list."""

    total: int
    items: list


@dataclass(frozen=True)
class CoUse:
    """An entity used in the same papers as another, and in how many."""

    entity_id: str
    papers: int


def rank_related(
    index: GraphIndex,
    paper_id: str,
    types: Sequence[EntityType] | None = None,
    roles: Sequence[Role] | None = None,
    include_variants: bool = False,
    limit: int = 10,
    offset: int = 0,
) -> Ranking:
    """Papers sharing entities with `paper_id`, rarest shared entities first.

    Args:
        index: the graph's index.
        paper_id: the paper to compare with (unknown ids give an empty ranking).
        types: count only entities of these types.
        roles: count only edges with these roles, on both papers (papers that EVALUATES_ON
            the same benchmark).
        include_variants: count every variant as its root entity (FLAMe-RM-24B as FLAMe).
        limit: page size.
        offset: where the page starts in the ranking.

    Returns:
        A Ranking of SharedPapers (ties: more shared entities, then smaller id), whose
        `explanation` maps each shared entity id to its weight, with the number of papers
        sharing anything.
    """
    row = index.paper_pos.get(paper_id)
    if row is None:
        return Ranking(0, [])
    matrix = index.incidence(include_variants)
    cols, roles_of = matrix.row(row)
    keep = index.entry_mask(cols, roles_of, types, roles)
    cols = np.unique(cols[keep])
    weights = index.rarity(matrix.col_sizes[cols])
    rows_parts, weight_parts = [], []
    for col, weight in zip(cols, weights):
        rows, col_roles = matrix.column(col)
        if roles:
            rows = rows[index.entry_mask(np.full(len(rows), col), col_roles, None, roles)]
        rows_parts.append(rows)
        weight_parts.append(np.full(len(rows), weight))
    if not rows_parts:
        return Ranking(0, [])
    rows = np.concatenate(rows_parts)
    scores = np.bincount(rows, np.concatenate(weight_parts), minlength=index.paper_total)
    counts = np.bincount(rows, minlength=index.paper_total)
    counts[row] = 0
    candidates = np.flatnonzero(counts)
    best = index.top(scores, counts, candidates, offset + limit)[offset:]
    weight_of = dict(zip(cols.tolist(), weights.tolist()))
    items = [_shared_papers(index, matrix, int(other), weight_of, roles) for other in best]
    return Ranking(len(candidates), items)


def _shared_papers(index, matrix, other: int, weight_of: dict[int, float], roles) -> SharedPapers:
    cols, col_roles = matrix.row(other)
    if roles:
        cols = cols[index.entry_mask(cols, col_roles, None, roles)]
    shared = {index.entity_ids[c]: weight_of[c] for c in set(cols.tolist()) if c in weight_of}
    return SharedPapers(
        paper_id=index.paper_ids[other],
        shared=tuple(sorted(shared, key=lambda e: (-shared[e], e))),
        score=round(sum(shared.values()), 6),
        explanation={e: round(w, 6) for e, w in shared.items()},
    )


def rank_co_used(
    index: GraphIndex,
    entity_id: str,
    types: Sequence[EntityType] | None = None,
    roles: Sequence[Role] | None = None,
    include_variants: bool = False,
    limit: int = 10,
    offset: int = 0,
) -> Ranking:
    """Entities used in the same papers as `entity_id`, most papers in common first.

    Args:
        index: the graph's index.
        entity_id: the entity (unknown ids give an empty ranking).
        types: only co-used entities of these types (benchmarks alongside GSM8K).
        roles: only co-used entities a paper uses in these roles (EVALUATES_ON).
        include_variants: fold variants into their root entity, on both sides.
        limit: page size.
        offset: where the page starts.

    Returns:
        A Ranking of CoUse, ties by entity id.
    """
    col = index.entity_pos.get(entity_id)
    if col is None:
        return Ranking(0, [])
    matrix = index.incidence(include_variants)
    if include_variants:
        col = int(index.root[col])
    papers, _ = matrix.column(col)
    starts, ends = matrix.row_ptr[papers], matrix.row_ptr[papers + 1]
    entries = _ranges(starts, ends)
    cols, roles_of = matrix.row_cols[entries], matrix.row_roles[entries]
    cols = cols[index.entry_mask(cols, roles_of, types, roles)]
    counts = np.bincount(cols, minlength=len(index.entity_ids))
    counts[col] = 0
    candidates = np.flatnonzero(counts)
    order = np.lexsort((candidates, -counts[candidates]))[offset:offset + limit]
    items = [CoUse(index.entity_ids[c], int(counts[c])) for c in candidates[order]]
    return Ranking(len(candidates), items)


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The concatenation of range(s, e) for each pair, without a Python loop."""
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return np.arange(total, dtype=np.int64) + offsets
