"""Candidates: what each rule proposes, before overlaps are resolved.

Every `kg_` component appends `Candidate`s to `Doc._.kg_candidates`; `kg_resolve` keeps
the longest of overlapping ones (ties: higher confidence, then earlier component) and
writes them to `Doc._.kg_mentions`. Offsets are characters into `doc.text`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter

from paperkg.graph.records import Entity, EntityType, Role

_START = attrgetter("start")  # a C key: a third faster than a Python one


@dataclass(slots=True)
class Candidate:
    """A span of `doc.text` that names `entity` (or a new entity called `name`).

    `role` is set by the rules that already know it (a title "X: ..." introduces X);
    the pipeline fills in the rest. `entity` is None until the resolver links the name;
    `variant_of` is the parent's name for names that no gazetteer entry describes.
    """

    start: int
    end: int
    name: str
    type: EntityType
    confidence: float
    component: str
    entity: Entity | None = None
    role: Role | None = None
    aliases: tuple[str, ...] = ()
    variant_of: str | None = None

    @property
    def length(self) -> int:
        """Length in characters, the first criterion of overlap resolution."""
        return self.end - self.start


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep a set of non-overlapping candidates, longest first.

    Args:
        candidates: proposals from all rules, in any order.

    Returns:
        The kept candidates in text order; exact duplicates of a kept span are dropped.
    """
    ranked = sorted(candidates, key=_rank)
    starts: list[int] = []  # the kept spans, sorted: they never overlap, so ends sort alike
    ends: list[int] = []
    kept: list[Candidate] = []
    for candidate in ranked:
        start, end = candidate.start, candidate.end
        if start >= end:  # empty spans: the plain test (they keep no order with the rest)
            if any(start < e and s < end for s, e in zip(starts, ends)):
                continue
            kept.append(candidate)
            continue
        # Only the last kept span starting before `end` can reach past `start`.
        index = bisect_left(starts, end)
        if index and ends[index - 1] > start:
            if candidate.role is not None:
                _pass_role(candidate, kept)
            continue
        starts.insert(index, start)
        ends.insert(index, end)
        kept.append(candidate)
    kept.sort(key=_START)
    return kept


def _pass_role(dropped: Candidate, kept: list[Candidate]) -> None:
    """Give the role a rule read for a span to the candidate kept for the same span: the
    gazetteer's "MUSE" outranks the title rule's, but "MUSE: ..." still introduces it."""
    for other in kept:
        if other.start == dropped.start and other.end == dropped.end and other.role is None:
            other.role = dropped.role
            return


def _rank(candidate: Candidate) -> tuple[int, float, int]:
    return candidate.start - candidate.end, -candidate.confidence, candidate.start
