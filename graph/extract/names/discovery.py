"""Corpus-level discovery: a name introduced with strong cues anywhere is known everywhere.

"we introduce RewardBench", "the RewardBench benchmark", "MUSE, a ... benchmark" or a
title "DC-Solver: ..." make the name a `discovered` entity, typed by its cue. The
`Lexicon` (lexicon.py) then answers for it in every abstract of the corpus, next to the
gazetteer.
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
