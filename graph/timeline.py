"""An entity's papers per month, and the entities whose share of papers grows fastest.

Both count over the index's per-paper months: a timeline is a `bincount` of one column's
months; trending compares two windows of months for every entity of a type at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np

from .errors import QuestionError
from .index import TYPES, UNDATED, GraphIndex, month_text
from .records import EntityType


@dataclass(frozen=True)
class MonthCount:
    """How many papers of an entity appeared in one month ("2025-06"); None: undated papers."""

    month: str | None
    papers: int


@dataclass(frozen=True)
class Trend:
    """An entity's papers and share of all papers in a previous and a recent window."""

    entity_id: str
    previous_papers: int
    recent_papers: int
    previous_share: float
    recent_share: float
    growth: float


@dataclass(frozen=True)
class Windows:
    """Two adjacent windows of whole months, as month codes: [start, end) each."""

    previous_start: int
    recent_start: int
    end: int

    def describe(self) -> tuple[str, str, str, str]:
        return (month_text(self.previous_start), month_text(self.recent_start - 1),
                month_text(self.recent_start), month_text(self.end - 1))


def count_by_month(index: GraphIndex, entity_id: str, include_variants: bool = False) -> list[MonthCount]:
    """An entity's papers per month, oldest first, months without papers left out.

    Undated papers come last with `month=None`, so the counts always sum to the
    entity's paper count.
    """
    col = index.entity_pos.get(entity_id)
    if col is None:
        return []
    if include_variants:
        col = int(index.root[col])
    rows, _ = index.incidence(include_variants).column(col)
    months, counts = np.unique(index.paper_month[rows], return_counts=True)
    found = [MonthCount(month_text(int(m)), int(n)) for m, n in zip(months, counts) if m != UNDATED]
    undated = int(counts[months == UNDATED].sum())
    return found + ([MonthCount(None, undated)] if undated else [])


def pick_windows(index: GraphIndex, months: int, until: str | None = None) -> Windows:
    """The `months` months up to `until` (default: the newest paper's month), and the ones before.

    Raises:
        QuestionError: `months` is below 1, or `until` is not a YYYY-MM(-DD) date.
    """
    if months < 1:
        raise QuestionError(f"months: {months} is too small; a window is at least 1 month")
    if until is None:
        dated = index.paper_month[index.paper_month != UNDATED]
        if not len(dated):
            raise QuestionError("no paper has a date, so there is no window to compare; ingest dated papers")
        last = int(dated.max())
    else:
        try:
            day = datetime.date.fromisoformat(until if len(until) > 7 else until + "-01")
        except ValueError:
            raise QuestionError(f"until: {until!r} is not a date; write it as YYYY-MM or YYYY-MM-DD") from None
        last = day.year * 12 + day.month - 1
    end = last + 1
    return Windows(end - 2 * months, end - months, end)


def rank_trending(
    index: GraphIndex, type: EntityType, windows: Windows, min_papers: int = 5, limit: int = 10
) -> tuple[int, list[Trend]]:
    """Entities of `type` whose share of papers grew most from the previous to the recent window.

    Growth is the ratio of add-one smoothed shares, (r + 1) / (R + 1) over (p + 1) / (P + 1),
    with r and p an entity's papers in each window and R and P all papers in each: an
    entity going from 0 to 40 papers outranks one going from 400 to 440. Entities with fewer
    than `min_papers` recent papers are left out, so one-off names do not top the list.

    Returns:
        The number of entities that qualified, and the best `limit` of them.
    """
    month = index.paper_month
    recent_rows = (month >= windows.recent_start) & (month < windows.end)
    previous_rows = (month >= windows.previous_start) & (month < windows.recent_start)
    matrix = index.uses.matrix()
    recent = np.asarray(matrix.T @ recent_rows.astype(np.float64)).round().astype(np.int64)
    previous = np.asarray(matrix.T @ previous_rows.astype(np.float64)).round().astype(np.int64)
    n_recent, n_previous = int(recent_rows.sum()), int(previous_rows.sum())
    growth = ((recent + 1) / (n_recent + 1)) / ((previous + 1) / (n_previous + 1))
    eligible = np.flatnonzero((index.entity_type == TYPES.index(EntityType(type))) & (recent >= min_papers))
    order = np.lexsort((eligible, -np.round(growth[eligible], 9)))[:limit]
    trends = [
        Trend(index.entity_ids[c], int(previous[c]), int(recent[c]),
              float(previous[c] / max(n_previous, 1)), float(recent[c] / max(n_recent, 1)), round(float(growth[c]), 6))
        for c in eligible[order]
    ]
    return len(eligible), trends
