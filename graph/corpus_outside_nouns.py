"""Names the corpus writes beside the nouns of software, formats and platforms: "ChromaDB".

Extraction types a discovered name by the words around it in one abstract, and a tool, a
file format, a simulator or a registry is written where models and data are ("a RAG pipeline
over ChromaDB", "quantised GGUF variants"), so it can come out a MODEL, a DATASET or a
BENCHMARK. The papers that say what it is name it by a noun of its kind:

- the lowercase word right after the name: "the [[OPC UA]] library", "the [[WordNet LMF]]
  format" (one word: "the [[SpiNNaker]] neuromorphic platform" is not read);
- as the head of an apposition: "[[ClawHub]], a large public registry of agent skills",
  "[[AdversariaLLM]], a toolbox for ...";
- before the name in brackets: "a common vector store ([[ChromaDB]])", "an LLM platform
  ([[AutoIND]])".

A discovered model, dataset or benchmark is held as no name of the six types where more of
its papers write it so than write it with a type noun of its own kind in the same places ("the
X model", "X, a dataset of ...", "a benchmark (X)"): over the corpus, what the papers call it,
not one paper's cue (docs/audit/README.md, "Rules after round 30"). An apposition's word made
of a type noun names the kind ("a modular benchmarking platform"). "Framework", "system",
"solver", "tool", "API" and "protocol" are not such nouns: the corpus calls its models, methods
and evaluations so ("the X framework", "a neural solver (POMO)", "a live benchmark protocol").
"""

from __future__ import annotations

import re
from collections import defaultdict

from .extract.rules.cues import TYPE_NOUNS
from .records import EntityType
from .store_schema import FIELD_TEXT

# Nouns of things outside the six types that software, data and services are called by
# (the ACM Computing Classification System's "Software and its engineering" and "Information
# systems" heads: libraries, toolkits, compilers, simulators, formats, database and storage
# engines, platforms, package registries), singular and plural.
OUTSIDE_NOUNS = frozenset(
    """library libraries toolkit toolkits toolbox toolboxes package packages codebase codebases
    software compiler compilers simulator simulators engine engines format formats platform
    platforms registry registries hub database databases""".split())

_KIND_NOUNS = {
    EntityType.MODEL: frozenset(w for w, t in TYPE_NOUNS.items() if t is EntityType.MODEL),
    EntityType.DATASET: frozenset(w for w, t in TYPE_NOUNS.items() if t in (EntityType.DATASET, EntityType.BENCHMARK)),
}
_KIND_NOUNS[EntityType.BENCHMARK] = _KIND_NOUNS[EntityType.DATASET]

# Every mention of a discovered model, dataset or benchmark (not a split `X~type` reading):
# entity, type, paper, the 60 characters after it and the 40 before it in its field.
_ROWS = (f"SELECT e.id, e.type, m.paper_id, substr({FIELD_TEXT}, m.\"end\" + 1, 60), "
         f"substr({FIELD_TEXT}, max(1, m.start - 39), min(m.start, 40)) "
         "FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.origin = 'discovered' AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') "
         "AND instr(e.id, '~') = 0 {scope} ORDER BY e.id")

# An acronym's bracket after the name: "Unreal Engine (UE) engine".
_BRACKET = re.compile(r"^\s*\([^()]{0,20}\)")
# The word right after the name: "ChromaDB database", "OPC UA library".
_NEXT_WORD = re.compile(r"^\s*([A-Za-z]+)\b(?!-)")
# An apposition's words up to its first preposition, relative or punctuation: ", a large
# public registry of ..." -> "large public registry".
_APPOSITION = re.compile(r"^\s*,\s+(?:a|an|the)\s+((?:[A-Za-z][\w-]*\s+){0,4}?[A-Za-z][\w-]*)"
                         r"(?=\s*(?:[,.;:()]|\s(?:of|for|that|which|with|to|in|on|from|and|or|by|built|designed|developed)\b))")
# A word of the apposition that names a thing of the six types or is made of one ("a
# modular benchmarking platform" is a benchmark): the noun it is made of.
_KIND_WORD = re.compile(r"^(model|network|dataset|benchmark|corpus|llm)(?:s|ing)?$")
# The noun before the name's bracket: "a vector store (".
_BRACKETED = re.compile(r"([A-Za-z]+)\s*\(\s*$")


def outside_type_entities(db, scope: str = "") -> list[str]:
    """The discovered models, datasets and benchmarks their papers call a library, a format,
    a platform or another thing outside the six types more often than a thing of their kind
    (see above), sorted by id.

    Args:
        db: a connection to the store, inside the corpus step and after its verdicts.
        scope: which entities to read, as `corpus._scope` writes it ("" for all).
    """
    outside: dict[str, set[str]] = defaultdict(set)
    own: dict[str, set[str]] = defaultdict(set)
    for entity_id, entity_type, paper, after, before in db.execute(_ROWS.format(scope=scope.replace("{}", "e.id"))):
        kind = _KIND_NOUNS[EntityType(entity_type)]
        for noun in nouns_beside(after or "", before or ""):
            if noun in kind:
                own[entity_id].add(paper)
            elif noun in OUTSIDE_NOUNS:
                outside[entity_id].add(paper)
    return sorted(entity_id for entity_id, papers in outside.items() if len(papers) > len(own[entity_id]))


def nouns_beside(after: str, before: str) -> list[str]:
    """The lowercase nouns a mention is written with: the word right after it (past an
    acronym's bracket), the head of an apposition after it, the noun before its bracket."""
    nouns = []
    bracket = _BRACKET.match(after)
    rest = after[bracket.end():] if bracket else after
    apposition = _APPOSITION.match(rest)
    if apposition:
        words = apposition.group(1).lower().split()
        kinds = (match.group(1) for match in map(_KIND_WORD.match, words) if match)
        nouns.append(next(kinds, words[-1]))
    else:
        word = _NEXT_WORD.match(rest)
        if word and word.group(1).islower():
            nouns.append(word.group(1))
    bracketed = _BRACKETED.search(before)
    if bracketed and after.lstrip().startswith(")"):
        nouns.append(bracketed.group(1).lower())
    return nouns
