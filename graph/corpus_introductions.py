"""Benchmarks their own papers introduce as datasets are datasets.

A discovered name is typed BENCHMARK where most papers evaluate on it ("the ImgEdit and
GEdit-Bench benchmarks"), though the paper that introduces it calls it a dataset ("we introduce
ImgEdit, a large-scale, high-quality image-editing dataset comprising ..."), and that
introduction, the entity's most confident mention, is what a reader sees first. The judged
rounds 15-26 count such entities wrong (wrong-type:DATASET) wherever the introduction is clear.

The rule reads the apposition that introduces a thing ("NAME, a/an ... HEAD", as
`corpus_classes.introduced` reads it) up to its head noun, the last word before a word that
ends the noun phrase ("of", "comprising", "with", a comma after a type noun): where the
appositions of an entity's papers give a dataset noun of `cues.TYPE_NOUNS` and no other type
noun (a head with both, "a benchmark dataset", decides nothing), and no paper introduces the
name as a benchmark ("we propose the EVOKE benchmark"), the benchmark is retyped DATASET. Names
that hold a benchmark word themselves ("OmniDocBench") are not read.
"""

from __future__ import annotations

import re

from .extract.rules.cues import TYPE_NOUNS
from .records import EntityType
from .store_schema import FIELD_TEXT

_MIN_PAPERS = 3
_KINDS = (EntityType.MODEL, EntityType.DATASET, EntityType.BENCHMARK)
_CANDIDATES = ("SELECT id, name FROM (SELECT e.id, e.name, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id) AS papers FROM entities e "
               "WHERE e.origin = 'discovered' AND e.type = 'BENCHMARK' AND instr(e.id, '~') = 0 {scope}) "
               "WHERE papers >= ? ORDER BY id")
# A mention's role and the text after it, long enough for an apposition's head.
_ROWS = (f"SELECT m.role, substr({FIELD_TEXT}, m.\"end\" + 1, 160) FROM mentions m "
         "JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ?")
_APPOSITION = re.compile(r"^\s*(?:\([^()]*\))?\s*[,:]\s+(?:a|an)\s+(?P<rest>.+)", re.S)
# Words that end an apposition's noun phrase: prepositions, relatives, participles of making.
_PHRASE_ENDS = frozenset(
    "of for that which comprising containing contain contains with including to designed built consisting "
    "spanning featuring covering in on from by where whose constructed curated collected derived".split())
_JOINS = frozenset(("and", "or"))
_MAX_WORDS = 12
_OWN_BENCH = re.compile(r"bench|arena|leaderboard", re.I)


def introduced_data(db, scope: str = "") -> list[str]:
    """The discovered benchmarks, in `_MIN_PAPERS` or more papers, that their papers
    introduce as datasets only (see above).

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        Their ids, to retype DATASET.
    """
    found = []
    for entity_id, name in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id")),
                                      (_MIN_PAPERS,)).fetchall():
        if not _OWN_BENCH.search(name) and introduced_types(db.execute(_ROWS, (entity_id,)).fetchall()) == {
                EntityType.DATASET}:
            found.append(entity_id)
    return found


def introduced_types(rows: list[tuple[str, str]]) -> set[EntityType]:
    """The model, dataset and benchmark types that (role, text after) mention rows
    introduce their name as: by an apposition's head, or by an introducing mention
    followed by a type noun ("we propose the EVOKE benchmark")."""
    types: set[EntityType] = set()
    for role, after in rows:
        after = after or ""
        head = apposition_type(after)
        if head is not None:
            types.add(head)
        elif role == "INTRODUCES":
            first = re.match(r"^\s*([A-Za-z]+)", after)
            kind = TYPE_NOUNS.get(first.group(1).lower()) if first else None
            if kind in _KINDS:
                types.add(kind)
    return types


def apposition_type(after: str) -> EntityType | None:
    """The type of an apposition's head noun ("ImgEdit, a large-scale image-editing
    dataset comprising ..."), None where there is no apposition, its head is no model,
    dataset or benchmark noun, or it joins or mixes nouns of two types."""
    match = _APPOSITION.match(after)
    if not match:
        return None
    words: list[str] = []
    for written in match.group("rest").split()[:_MAX_WORDS]:
        word = re.sub(r"[^\w-]", "", written).lower()
        if word in _JOINS:
            return None
        if word in _PHRASE_ENDS:
            break
        words.append(word)
        if re.search(r"[.;:)]$", written) or (written.endswith(",") and word in TYPE_NOUNS):
            break
    else:
        return None
    kinds = {TYPE_NOUNS[word] for word in words if TYPE_NOUNS.get(word) in _KINDS}
    head = TYPE_NOUNS.get(words[-1]) if words else None
    return head if head in _KINDS and kinds == {head} else None
