"""Every name the extractor knows: the gazetteer's, then those discovered so far.

One `Lexicon` is shared by every component that looks a name up (`Extractor` gives it
through `use_lexicon`); discovery (discovery.py) adds to it batch by batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from paperkg.graph.extract.names.gazetteer import Gazetteer, cached_entity_key
from paperkg.graph.records import Entity
from paperkg.graph.speed import Memo


class Lexicon:
    """The gazetteer plus the entities discovered so far, looked up by normalised key.

    Args:
        gazetteer: the curated (and imported) names.

    `lookup(surface)` is the gazetteer entity, else the discovered entity, a surface form
    names, or None; remembered (a `Memo`: the extractor looks up some 40,000 surfaces a
    3,000-abstract pass, two thirds of them seen before), until names are discovered.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.discovered: dict[str, Entity] = {}
        discovered = self.discovered  # the closure holds no `self`: no reference cycle
        self._memo = Memo(lambda surface: gazetteer.lookup(surface)
                          or discovered.get(cached_entity_key(surface)))
        self.lookup: Callable[[str], Entity | None] = self._memo.__getitem__

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
