"""Corpus-level discovery: a name introduced with strong cues anywhere is known everywhere.

"we introduce RewardBench", "the RewardBench benchmark", "MUSE, a ... benchmark" or a
title "DC-Solver: ..." make the name a `discovered` entity, typed by its cue. The
`Lexicon` then answers for it in every abstract of the corpus, next to the gazetteer.
Only names whose shape marks them as names (inner capitals or digits: "RewardBench",
"DC-Solver") or that take two capitalised words are discovered: a lone capitalised word
("Transformer") is too often an ordinary word to be matched everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from paperkg.graph.extract.rules.cues import is_stop_name, type_of_shape
from paperkg.graph.extract.rules.evidence import is_junk_name
from paperkg.graph.extract.names.gazetteer import Gazetteer, cached_entity_key
from paperkg.graph.extract.rules.context_names import NameHit, typed_hits
from paperkg.graph.records import Entity, entity_id

_STRONG = re.compile(r"[A-Za-z0-9][A-Z]|[A-Za-z]-?\d|^[A-Z][a-z]+ [A-Z]")
STRONG_CONFIDENCE = 0.8
_UNSEEN = object()  # a memo's "not looked up yet"; None is a result


def discover_entities(hit_lists: Iterable[list[NameHit]], known: Gazetteer) -> list[Entity]:
    """Entities introduced with strong cues in a batch of texts that `known` does not hold.

    Args:
        hit_lists: `find_context_names` of each text (computed once, also used to match).
        known: names that need no discovery.

    Returns:
        One entity per new name, typed by its strongest cue, origin "discovered".
    """
    best: dict[str, tuple[float, Entity]] = {}
    for hits in hit_lists:
        for hit in typed_hits(hits):
            if hit.confidence < STRONG_CONFIDENCE or not _is_discoverable(hit.text):
                continue
            if known.lookup(hit.text) is not None:
                continue
            entity_type = hit.type or type_of_shape(hit.text)
            if entity_type is None:
                continue
            key = cached_entity_key(hit.text)  # made by the lookup above: no regex runs
            if key not in best or best[key][0] < hit.confidence:
                entity = Entity(entity_id(hit.text), hit.text, entity_type, origin="discovered")
                best[key] = (hit.confidence, entity)
    return [entity for _, entity in best.values()]


def _is_discoverable(name: str) -> bool:
    return (not is_stop_name(name) and len(name) >= 3 and bool(_STRONG.search(name))
            and not is_junk_name(name))


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
