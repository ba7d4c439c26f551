"""The noun phrase a name stands in: "TED corpus", "Chinese Treebank (CTB)", "BLEU score".

A mention's span is the bare name, which is what the graph links ("TED"). Annotation
schemes differ on where a name ends: GSAP-NER and SciER mark the bare name, TDMSci,
SciERC and SciREX mark the whole noun phrase, head noun and parenthesised short form
included. `phrase_extents` gives each mention that wider extent, so a mention carries
both and a scorer can pick the convention of its gold (see `evaluation/labels.py`).

The phrase of a name is the name, then a parenthesised alias if one follows ("( CTB )"),
then a head noun of the name's type with the modifiers that may precede it ("test set",
"English corpus", "shared task", "score"). Names joined by "/", "and" or "&" before one
head share the phrase ("Reuters RCV1 / RCV2 corpora"), and a mention inside another's
phrase (the "CTB" of "Chinese Treebank ( CTB )") takes that phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from paperkg.graph.records import EntityType

_DATA_HEADS = (
    r"corpus|corpora|datasets?|data\s*-?\s*sets?|data|treebanks?|benchmarks?|collections?"
    r"|sets?|splits?|suites?|lexicons?|thesaurus|ontology"
)
# Words that may stand between a name and its head noun: a language, a split, a domain.
_MODIFIERS = (
    r"English|Chinese|German|French|Spanish|Japanese|Arabic|Czech|Korean|Russian|Hindi"
    r"|multilingual|monolingual|bilingual|parallel|learner|text|speech|news"
    r"|train|training|test|testing|dev|development|evaluation|validation|held\s*-\s*out"
)
# Before a data head, up to two more lowercase words ("Wikipedia dispute corpus", "MPQA
# subjectivity lexicon"), but not words that end a noun phrase or start another.
_NOT_MODIFIERS = (
    r"and|or|nor|other|of|the|a|an|with|to|in|for|as|on|from|by|at|its|their|this|that|these"
    r"|those|such|new|several|various|both|two|three|many|all|each|is|are|was|were|we|our"
)
_FREE_WORD = rf"(?!(?:{_NOT_MODIFIERS})\b)[a-z]+(?:-[a-z]+)*"
# "( CTB )", "( ep )", "( Webis - TRC - 12 )"; a lowercase phrase is a gloss, not a name.
_ALIAS = (
    r"\s*\(\s*(?:[A-Za-z][\w.&+-]*"
    r"|(?=[^()]*[A-Z0-9])[A-Za-z][\w.&+-]*(?:\s+[\w.&+-]+){1,2})\s*\)"
)
_HEAD_AFTER = {
    EntityType.DATASET: rf"(?:\s+(?:{_MODIFIERS})|\s+{_FREE_WORD}){{0,3}}\s+(?:{_DATA_HEADS})\b",
    EntityType.TASK: rf"(?:\s+(?:{_MODIFIERS}))*\s+(?:shared\s+tasks?|tasks?|challenges?|problems?)\b",
}
_HEAD_AFTER[EntityType.BENCHMARK] = _HEAD_AFTER[EntityType.DATASET]
_HEAD_AFTER = {kind: re.compile(rf"(?:{_ALIAS})?{head}") for kind, head in _HEAD_AFTER.items()}
_LANGUAGE = r"English|Chinese|German|French|Spanish|Japanese|Arabic|Czech|Korean|Russian|Hindi|Malay"
# "English Switchboard test set", "French / Spanish EMEA corpus": languages before a
# name belong to its phrase when the phrase has a head noun.
_LANGUAGES_BEFORE = re.compile(
    rf"\b(?:{_LANGUAGE})(?:\s*[/-]\s*(?:{_LANGUAGE}))?\s+(?:(?:bilingual|monolingual|parallel)\s+)?$"
)
_ALIAS_AFTER = re.compile(_ALIAS)
_JOINER = re.compile(r"\s*/\s*")
# How many earlier mentions a phrase may enclose ("A / B / C corpora").
_REACH = 3
_YEAR = re.compile(r"\(\s*(?:19|20)\d\d[a-z]?\s*\)")


def phrase_extents(
    text: str, spans: Sequence[tuple[int, int, EntityType]]
) -> list[tuple[int, int]]:
    """The noun-phrase extent of each mention, in the order given.

    Args:
        text: the text the spans index.
        spans: (start, end, type) of each mention, in text order, non-overlapping.

    Returns:
        (start, end) for each span; a name with no head noun or alias keeps its own span.
    """
    # Each name's own extent first: a head noun after it (with languages before it), else
    # an alias. Written inline: a function call a name cost a tenth of phrase_extents.
    extents = []
    for start, end, kind in spans:
        pattern = _HEAD_AFTER.get(kind)
        if pattern is not None and (found := pattern.match(text, end)) is not None:
            before = _LANGUAGES_BEFORE.search(text, max(0, start - 40), start)
            extents.append(((before.start() if before else start), found.end()))
            continue
        found = _ALIAS_AFTER.match(text, end)
        if found is None or _YEAR.fullmatch(text, found.start(), found.end()):
            extents.append((start, end))
        else:
            extents.append((start, found.end()))
    _join_coordinated(text, spans, extents)
    return _adopt_enclosing(spans, extents)


def _join_coordinated(text: str, spans, extents: list[tuple[int, int]]) -> None:
    """"A / B corpora": A's phrase runs to the end of B's when B has a head and A has none."""
    for index in range(len(spans) - 2, -1, -1):
        next_start, next_end, next_kind = spans[index + 1]
        if extents[index + 1][1] == next_end:
            continue  # the second name has no head of its own to share: most names
        start, end, kind = spans[index]
        if next_kind != kind or extents[index] != (start, end):
            continue
        if _JOINER.fullmatch(text, end, next_start):
            extents[index] = (start, extents[index + 1][1])


def _adopt_enclosing(spans, extents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A mention inside a nearby earlier mention's phrase of the same type takes that phrase."""
    adopted = list(extents)
    # Spans do not overlap: only a phrase wider than its name can enclose a later name
    # (none can before the first such phrase), and only one that ends at or after that
    # name's end, which no phrase so far does when `reach`, the farthest end, falls short.
    wide, reach = False, -1
    for index, (start, end, kind) in enumerate(spans):
        if wide and end <= reach:
            for earlier in range(index - 1, max(index - _REACH, 0) - 1, -1):
                e_start, e_end = adopted[earlier]
                if spans[earlier][2] == kind and e_start <= start and end <= e_end:
                    adopted[index] = (e_start, max(e_end, adopted[index][1]))
                    break
        phrase_start, phrase_end = adopted[index]
        if phrase_end > reach:
            reach = phrase_end
        if not wide:
            wide = phrase_start != start or phrase_end != end
    return adopted
