"""Entity search over names and aliases: by prefix, by substring, and fuzzily.

Names are compared as `entity_key`s, so "cifar 10", "CIFAR-10" and "Cifar10" meet. Fuzzy
matching uses rapidfuzz's normalised Indel similarity (`fuzz.ratio`, 0-100), which
forgives a typo or two ("rewardbnech" finds RewardBench); below `FUZZY_MIN_LENGTH`
characters a query only matches by prefix or substring, because every short key is a
typo away from a short query.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from rapidfuzz import fuzz, process

from .records import entity_key

FUZZY_CUTOFF = 85
FUZZY_MIN_LENGTH = 5


class NameMatcher:
    """All alias keys of the store, sorted, with the entities each denotes."""

    def __init__(self, alias_keys: list[tuple[str, str]], names: dict[str, str]):
        by_key: dict[str, set[str]] = defaultdict(set)
        for key, entity_id in alias_keys:
            by_key[key].add(entity_id)
        self.keys = sorted(by_key)
        self.entities = {key: frozenset(ids) for key, ids in by_key.items()}
        self.names = names

    def match(self, search: str) -> set[str]:
        """Ids of the entities whose name or an alias matches `search` (empty for an empty key)."""
        query = entity_key(search)
        if not query:
            return set()
        keys = set(self._prefixed(query))
        keys.update(k for k in self.keys if query in k)
        if len(query) >= FUZZY_MIN_LENGTH:
            found = process.extract(query, self.keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None)
            keys.update(key for key, _, _ in found)
        return {entity for key in keys for entity in self.entities[key]}

    def _prefixed(self, query: str) -> list[str]:
        start = bisect.bisect_left(self.keys, query)
        end = bisect.bisect_left(self.keys, query + "\uffff")
        return self.keys[start:end]
