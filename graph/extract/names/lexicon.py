"""Every name the extractor knows: the gazetteer's, then those discovered so far.

One `Lexicon` is shared by every component that looks a name up (`Extractor` gives it
through `use_lexicon`); discovery (discovery.py) adds to it batch by batch.
"""

from __future__ import annotations

from collections.abc import Iterable

from paperkg.graph.extract.names.gazetteer import Gazetteer, cached_entity_key
from paperkg.graph.records import Entity

_UNSEEN = object()  # a memo's "not looked up yet"; None is a result

class Lexicon:
    """The gazetteer plus the entities discovered so far, looked up by normalised key.

    Args:
        gazetteer: the curated (and imported) names.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.discovered: dict[str, Entity] = {}
        self._memo: dict[str, Entity | None] = {}

    def lookup(self, surface: str) -> Entity | None:
        """The gazetteer entity, else the discovered entity, a surface form names."""
        found = self._memo.get(surface, _UNSEEN)
        if found is not _UNSEEN:  # a miss is a third of the calls: no KeyError raised
            return found
        if len(self._memo) > 200_000:  # abstracts bring endless new words; stay bounded
            self._memo.clear()
        found = self.gazetteer.lookup(surface) or self.discovered.get(cached_entity_key(surface))
        self._memo[surface] = found
        return found

    def get(self, id: str) -> Entity | None:  # noqa: A002
        """The entity with this id, gazetteer first."""
        return self.gazetteer.get(id) or self.discovered.get(id)

    def knows(self, surface: str) -> bool:
        """Whether a surface form names a known entity."""
        return self.lookup(surface) is not None

    def add_discovered(self, entities: Iterable[Entity]) -> list[Entity]:
        """Remember newly discovered entities; returns those that were new."""
        new = []
        for entity in entities:
            # Cached: discovery made the key of each name (and the lookup below reuses it).
            key = cached_entity_key(entity.name)
            if key and key not in self.discovered and self.gazetteer.lookup(entity.name) is None:
                self.discovered[key] = entity
                new.append(entity)
        if new:
            self._memo.clear()
        return new
