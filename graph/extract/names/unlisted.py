"""Candidates for names in no list: what context rules and name shapes say, checked against
the names known.

`find_context_names` (rules/context_names.py) gives each name-like span of a text, with
the type and role its context gives it, or the cue "shape" when only its shape marks it.
Here each becomes a candidate of `kg_shapes`:

- a span a context typed (or that is known, or whose shape or last word gives a type)
  keeps that type; a role with no type makes it a METHOD;
- a name-shaped word no cue typed takes the type of the same word typed elsewhere in the
  text, of the known name it is, of the known name it is a variant of ("Stable-Diffusion-2.1"),
  of its shape, of a typed piece ("UCB1-FLAD"), or of the data names of its list, known or
  typed by their shape.

Short forms that an abbreviation definition introduced are left to `kg_abbreviations`.
"""

from __future__ import annotations

from collections.abc import Callable

from paperkg.graph.extract.names.variants import parent_name
from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.context_names import NameHit, listed_with
from paperkg.graph.extract.rules.cues import type_of_noun, type_of_shape
from paperkg.graph.records import Entity, EntityType


def unlisted_name_candidates(
    text: str, hits: list[NameHit], earlier: list[Candidate],
    lookup: Callable[[str], Entity | None], knows: Callable[[str], bool],
) -> list[Candidate]:
    """The `kg_shapes` candidates of a text.

    Args:
        text: the text the hits were found in.
        hits: its `find_context_names`.
        earlier: the candidates of the earlier components (only read, for the short forms
            of definitions).
        lookup: the known entity a surface form names, or None.
        knows: whether a surface form names a known entity.

    Returns:
        The new candidates: typed hits first, in text order, then name-shaped words.
    """
    found: list[Candidate] = []
    typed = {h.text: h.type for h in hits if h.type is not None}
    shorts = {c.aliases[-1]: c.type for c in earlier if c.component == "kg_abbreviations"}
    typed.update(shorts)
    shaped = []
    for index, hit in enumerate(hits):
        if hit.cue == "shape" or hit.text in shorts:
            shaped.append(index)
            continue
        entity = lookup(hit.text)
        entity_type = entity.type if entity else hit.type or typed.get(hit.text)
        entity_type = entity_type or type_of_shape(hit.text) or type_of_noun(hit.text.split()[-1])
        if entity_type is None and hit.role is not None:
            entity_type = EntityType.METHOD
        if entity_type is not None:
            typed.setdefault(hit.text, entity_type)
            found.append(Candidate(hit.start, hit.end, hit.text, entity_type, hit.confidence,
                                   "kg_shapes", entity, hit.role))
    for index in shaped:
        if hits[index].text not in shorts:  # kg_abbreviations links those to their long form
            _add_shaped(hits[index], typed, found, lookup, knows,
                        lambda i=index: _list_type(text, hits, i, lookup))
    return found


def _list_type(text: str, hits: list, index: int, lookup) -> EntityType | None:
    """The data type the names of a hit's list give it: a known name next to it, or any
    name of the whole list typed by its shape ("FUNSD (0.79), CORD (0.95), ... and DocVQA
    (0.87)": DocVQA's "QA" types the list); the nearest one's, and None where any name of
    the list is of another type. A known name types only its neighbours: known names are
    more often ambiguous ("DROP", "FLAIR") than a name's shape is: on 40,000 corpus
    abstracts, known names typing whole lists added 66 mentions, 39 right; this rule adds
    24, 18 right, and drops 4, 3 of them wrong (bench/extract_diff.py)."""
    nearest, found = None, None
    for other in listed_with(text, hits, index):
        hit = hits[other]
        entity = lookup(hit.text)
        entity_type = entity.type if entity is not None else hit.type or type_of_shape(hit.text)
        if entity_type is None:
            continue
        if entity_type not in _LISTED_DATA:
            return None
        distance = abs(other - index)
        if entity is not None and distance > 1:
            continue  # a known data name further away neither types the hit nor stops others
        if nearest is None or distance < nearest:
            nearest, found = distance, entity_type
    return found


def _add_shaped(hit, typed: dict, found: list[Candidate], lookup, knows, listed=lambda: None) -> None:
    """A name-shaped word no cue typed: known, a variant of a known name, by shape, or by
    the data names it is listed with ("FUNSD (0.79), CORD (0.95), ... and DocVQA")."""
    word = hit.text
    if word in typed:
        found.append(Candidate(hit.start, hit.end, word, typed[word], 0.7, "kg_shapes", lookup(word)))
        return
    probe = word.split("/", 1)[0]  # "GPT-3.5/4": kg_variants splits the list later
    entity = lookup(probe)
    if entity is not None:
        name = entity.name if probe == word else word
        confidence = 0.85 if entity.origin != "discovered" else 0.65  # kg_discovered first
        found.append(Candidate(hit.start, hit.end, name, entity.type, confidence, "kg_shapes", entity))
        return
    word = probe
    parent = parent_name(word, knows)
    parent_entity = lookup(parent) if parent else None
    entity_type = parent_entity.type if parent_entity else type_of_shape(word)
    entity_type = entity_type or _type_of_pieces(word, typed) or listed()
    if parent_entity is not None:  # "Stable-Diffusion-2.1" -> "Stable Diffusion 2.1"
        word = f"{parent_entity.name} {word[len(parent):].lstrip(' -_')}"
    if entity_type is not None:
        found.append(Candidate(hit.start, hit.end, word if parent_entity else hit.text, entity_type,
                               0.75 if parent_entity else 0.5, "kg_shapes",
                               variant_of=parent_entity.name if parent_entity else None))


# Only datasets and benchmarks lend their type to a list's unknown names: lists of models
# and methods mix kinds ("GPT-4, RLHF and LoRA") more often than lists of datasets do.
_LISTED_DATA = frozenset((EntityType.DATASET, EntityType.BENCHMARK))


def _type_of_pieces(word: str, typed: dict) -> EntityType | None:
    """A hyphenated name takes the type of a typed piece ("UCB1-FLAD" where FLAD is a method)."""
    if "-" not in word:
        return None
    pieces = word.split("-")
    return typed.get(pieces[-1]) or typed.get(pieces[0])
