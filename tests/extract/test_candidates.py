"""graph/extract/rules/candidates.py: overlap resolution (bisect) agrees with testing every pair."""

import random

from paperkg.graph.extract.rules.candidates import Candidate, resolve_overlaps
from paperkg.graph.records import EntityType


def pairwise_resolution(candidates):
    """The reference: keep longest first, testing each against every kept span."""
    ranked = sorted(candidates, key=lambda c: (-c.length, -c.confidence, c.start))
    taken, kept = [], []
    for c in ranked:
        if any(c.start < end and start < c.end for start, end in taken):
            continue
        taken.append((c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def test_overlap_resolution_agrees_with_pairwise_tests():
    rng = random.Random(7)
    for _ in range(500):
        candidates = []
        for i in range(rng.randint(0, 30)):
            start = rng.randint(0, 60)
            end = start + rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
            candidates.append(Candidate(start, end, f"n{i}", EntityType.METHOD,
                                        rng.choice([0.5, 0.7, 0.9]), "kg_test"))
        assert resolve_overlaps(candidates) == pairwise_resolution(candidates)
