"""The type a listed method or task gives a longer name that ends in it.

A compound's head decides what it names: "Graph Retrieval-Augmented Generation" and
"KG-RAG" are kinds of retrieval-augmented generation, a method, though papers define them
by a long form whose head word ("generation") reads as a task; "multimodal representation
learning" and "Fine-grained Object Detection" are kinds of listed tasks, though a cue typed
them METHOD. The head is the longest proper tail of the name that the bundled gazetteer
lists as one method or task:

- a tail of two or more words listed in lowercase matches in any case and with or without
  hyphens ("Retrieval Augmented Generation" is "retrieval-augmented generation");
- a tail written with capitals in the list (an acronym, "RAG", "MAP estimation") matches in
  that case only ("radio map estimation" is no MAP estimation);
- a one-word acronym tail gives METHOD only: a name that ends in a method's acronym is a
  variant of the method ("MM-RAG"), but one that ends in a task's acronym is as often a
  system built for the task ("DROID-SLAM", "CLIP-ReID");
- a name with a preposition has its head before it ("Feature Filtering for Few-Shot
  Learning"): no tail is its head.
"""

from __future__ import annotations

import re
from functools import lru_cache

from paperkg.graph.extract.rules.artifact_shapes import _listed_names
from paperkg.graph.records import EntityType

_KINDS = (EntityType.METHOD, EntityType.TASK)
_SPLIT = re.compile(r"[\s-]+")
_PREPOSITIONS = frozenset("for via with using by in on from to".split())


def listed_head_type(name: str) -> EntityType | None:
    """METHOD or TASK where the name's longest proper tail is a listed method or task (see the
    module's note), else None."""
    words = [w for w in _SPLIT.split(name.strip()) if w]
    if any(w in _PREPOSITIONS for w in words):
        return None  # "Feature Filtering for Few-Shot Learning" is a filtering: its head is before "for"
    lowered, exact = listed_tails()
    for i in range(1, len(words)):
        tail = words[i:]
        key = " ".join(tail)
        found = exact.get(key)
        if found is None and len(tail) >= 2:
            found = lowered.get(key.lower())
        if found is None:
            continue
        if len(tail) == 1 and found is not EntityType.METHOD:
            return None
        return found
    return None


@lru_cache(maxsize=1)
def listed_tails() -> tuple[dict[str, EntityType], dict[str, EntityType]]:
    """Listed method and task names and aliases, split into words joined by spaces: those
    written in lowercase (matched in any case), and those with capitals (matched as written).
    A name listed as more than one type gives none."""
    types: dict[str, set[str]] = {}
    for names, type_ in _listed_names():
        for listed in names:
            types.setdefault(" ".join(w for w in _SPLIT.split(listed) if w), set()).add(type_)
    lowered: dict[str, EntityType] = {}
    exact: dict[str, EntityType] = {}
    for key, found in types.items():
        if len(found) != 1 or next(iter(found)) not in {t.value for t in _KINDS}:
            continue
        (exact if key != key.lower() else lowered)[key] = EntityType(next(iter(found)))
    return lowered, exact
