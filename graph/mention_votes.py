"""Each mention's corpus vote, computed once where the mention is extracted, stored with it.

The corpus step (`corpus.py`) decides a discovered entity over what every one of its
mentions says it is (`extract.rules.evidence.mention_evidence`). That vote reads the mention's
sentence and text alone, so it is computed where the mention is made, in the extraction
workers, and stored in the mention's row (`mentions.evidence` and `mentions.defines`,
schema version 6). The step then reads stored votes instead of running the evidence rules
again over every mention of every entity an ingest touches: a month into a 70,000-paper
database costs its own new mentions, not the old mentions of the entities it names.

Stored form, in two TEXT columns:

- `evidence`: what `mention_evidence` returns, as its value ("BENCHMARK",
  "untyped-definition", "modifier"), "" for no vote; NULL when not computed yet (rows of
  an older paperkg, or written by a caller that gave no votes): the step computes those
  and stores them (`mention_readings.fill_marks`), so each is computed once.
- `defines`: the type a definition in the sentence gives the name ("DATASET" for
  "a new dataset (X)"), "" for none; read for acronyms defined two ways.

The rules stay in `extract/rules/evidence.py`; this module only says where they run and how the
answer is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from .extract.rules.evidence import definition_evidence, undefined_evidence
from .extract.rules.listed_heads import listed_tails
from .records import EntityType, PaperExtraction

Vote = tuple[str, str]  # (evidence, defines), stored form

_TYPES = {t.value: t for t in EntityType}


def build_vote_tables() -> None:
    """Build the fixed tables the votes read, from the bundled gazetteer, now.

    `listed_head_type` reads the listed methods' and tasks' tails (`listed_tails`), which
    it builds at its first call: 22 ms, paid by the first definition of a process's first
    pass otherwise. The extractor calls this when it loads, as it builds its matcher's
    names then; the table depends on no input, and is built once a process.
    """
    listed_tails()


def vote_of(sentence: str, text: str) -> Vote:
    """The stored form of what one mention's sentence says the name in it is."""
    return vote_and_definition(sentence, text)[0]


def vote_and_definition(sentence: str, text: str) -> tuple[Vote, bool]:
    """`vote_of`, and whether the sentence defines the name ("long form (NAME)"), which the
    vote reads first: a reading mark asks it too (`mention_readings.marks_with_votes`)."""
    defined, typed = definition_evidence(sentence, text)
    # `mention_evidence` reads the definition first and returns what it says when there is
    # one: it is read once here (tests/test_mention_votes.py checks this against both calls).
    found = typed if defined else undefined_evidence(sentence, text)
    return (encode_evidence(found),
            typed.value if defined and isinstance(typed, EntityType) else ""), defined


def encode_evidence(found: str | EntityType | None) -> str:
    """`mention_evidence`'s answer as stored: its value, "" for none."""
    if found is None:
        return ""
    return found.value if isinstance(found, EntityType) else str(found)


def decode_evidence(stored: str) -> str | EntityType | None:
    """The inverse of `encode_evidence`: the very value `mention_evidence` returned."""
    if not stored:
        return None
    return _TYPES.get(stored, stored)


def decode_defines(stored: str) -> EntityType | None:
    """The type a stored `defines` names, None for none."""
    return _TYPES.get(stored) if stored else None


def votes_of(extraction: PaperExtraction) -> tuple[Vote | None, ...]:
    """Each mention's vote, in mention order, for the mentions of discovered entities (the
    only ones the corpus step decides); None for the others, whose votes nobody reads."""
    discovered = {e.id for e in extraction.entities if e.origin == "discovered"}
    return tuple(vote_of(m.sentence, m.text) if m.entity_id in discovered else None
                 for m in extraction.mentions)


def add_votes(extractions: Iterable[PaperExtraction]) -> list[PaperExtraction]:
    """The extractions with their mentions' votes (`PaperExtraction.votes`) filled in."""
    return [PaperExtraction(x.paper, x.mentions, x.entities, x.results, votes_of(x))
            for x in extractions]

