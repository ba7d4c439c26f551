"""Data names used as words of another noun phrase, not as the data a paper reports on.

A dataset or benchmark name after an evaluation cue is data evaluated on, unless the words
around it make it part of something else:

- a kind of data: a name that a lower-case adjective qualifies before a plural data noun,
  "Experiments on both synthetic and real sparse ToF datasets" (arXiv 2504.16545), "applied
  to limited and high-dimensional MEG datasets" (a sensing modality, not a data set), or an
  indefinite article and its adjectives before a singular one, "on both a self-constructed
  patient-level Placental dataset" (arXiv 2508.03277), "using a proprietary nine-satellite
  MWIR dataset": what is named is a sort of data, and a named data set takes "the";
- a modifier: a name in the possessive or in a compound adjective, "rated higher than
  KVRET's human-collected dialogs" (arXiv 2507.19867), "a field experiment on Reddit's
  r/ChangeMyView", "across ten diverse Reddit-based domains", "using CheXpert-defined
  labels": what is evaluated is the noun the name qualifies. A split of the data in the
  possessive ("CIFAR-10's test set") is still the data;
- a piece: a name glued by a hyphen to a word before or after it, "on the mini-ImageNet
  dataset" (arXiv 2506.10582), "mathematical reasoning (CAP-GSM8K)" (arXiv 2601.23133),
  "QVHighlights and Charades- STA" (arXiv 2510.20244, broken at a line end), "on the
  Kvasir-Capsule": the data is the whole word, which another name, or none, stands for.
  A dash that opens a list after a plural ("three benchmarks-AMOS, TotalSegmentator, and
  BraTS") glues nothing.
"""

from __future__ import annotations

import re

# Words before a name that qualify no kind of data: determiners, prepositions, conjunctions.
_NOT_ADJECTIVES = frozenset(
    "the a an these those this that its their our his her both all each every any and or nor "
    "on in of to from with across for by at into over than as via using versus vs including "
    "namely such like between among under within".split())
_PLURAL_DATA = re.compile(r"\s+(?:datasets|data\s+sets|corpora|benchmarks)\b")
_SINGULAR_DATA = re.compile(r"\s+(?:dataset|data\s+set|corpus|benchmark)\b")
_MAX_ADJECTIVES = 3
# A name and a list joiner before the adjectives: "the DroneCrowd and newly shared
# UP-COUNT-TRACK datasets" is a list whose plural is the list's ("limited and
# high-dimensional MEG datasets" is not).
_LISTED_BEFORE = re.compile(r"\b[A-Z0-9][\w+-]*\)?(?:,|\s+and|\s+or|,\s+and)\s+(?:the\s+)?\Z")
_COMPOUND_WORD = r"-(?:based|defined|style|like|derived|inspired|sourced)"
_COMPOUND_SUFFIX = re.compile(_COMPOUND_WORD + r"\Z")
_COMPOUND_AFTER = re.compile(_COMPOUND_WORD + r"\b")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\s+(?P<rest>[^.;,]{0,40})")
_SPLIT_NOUN = re.compile(
    r"\b(?:test|testing|validation|dev|development|evaluation|held-out|train|training)?\s*"
    r"(?:sets?|splits?|subsets?|partitions?|tracks?|tasks?|leaderboards?|questions|problems)\b")
_REACH = 60
# A word glued before a name by a hyphen (perhaps broken at a line end: "Charades- STA"),
# and a word glued after it: a capital or a digit ("Cityscapes-C", "DUT-USEG"); lower-case
# words after a hyphen are compound adjectives ("-based") or a setting ("COCO-to-VOC").
_GLUED_BEFORE = re.compile(r"(?<![\w-])(?P<word>[A-Za-z0-9][\w.+]*)(?:-|(?<=[A-Za-z])- )\Z")
_GLUED_AFTER = re.compile(r"-[A-Z0-9]")
_LIST_DASH_WORDS = frozenset("benchmarks datasets corpora tasks domains data sets".split())


def named_as_a_kind(text: str, start: int, end: int) -> bool:
    """Whether the data name at text[start:end] qualifies a kind of data: lower-case
    adjectives before it and a plural data noun after it, with no "the" or listed name before
    them, or "a"/"an" and one to three adjectives before it and a singular data noun after."""
    plural = _PLURAL_DATA.match(text, end) is not None
    if not plural and _SINGULAR_DATA.match(text, end) is None:
        return False
    before = text[max(0, start - _REACH) : start]
    words = before.split()
    adjectives = 0
    while adjectives < len(words) and adjectives <= _MAX_ADJECTIVES:
        word = words[-1 - adjectives]
        if not word[:1].islower() or not word.replace("-", "").isalnum() or word in _NOT_ADJECTIVES:
            break
        adjectives += 1
    if not adjectives or adjectives > _MAX_ADJECTIVES:
        return False
    opener = words[-1 - adjectives] if adjectives < len(words) else ""
    if not plural:
        return opener in ("a", "an", "A", "An")
    if opener in ("the", "The"):
        return False
    run = re.search(r"(?:\S+\s+){%d}\Z" % adjectives, before)
    return run is None or _LISTED_BEFORE.search(before, 0, run.start()) is None


def named_as_a_modifier(text: str, start: int, end: int) -> bool:
    """Whether the data name at text[start:end] qualifies another noun: in the possessive
    (not of a split of its own, "X's test set") or in a compound adjective ("X-based")."""
    if _COMPOUND_SUFFIX.search(text[start:end]) or _COMPOUND_AFTER.match(text, end):
        return True
    possessive = _POSSESSIVE_AFTER.match(text, end)
    return possessive is not None and _SPLIT_NOUN.search(possessive.group("rest")) is None


def named_as_a_piece(text: str, start: int, end: int) -> bool:
    """Whether the data name at text[start:end] is glued by a hyphen to a word before it
    ("mini-ImageNet", "CAP-GSM8K", "Charades- STA") or to a capital or digit after it
    ("Kvasir-Capsule"): a piece of a longer name, not the data itself. A plural data noun
    before the hyphen opens a list ("benchmarks-AMOS, ...") and glues nothing."""
    if _GLUED_AFTER.match(text, end):
        return True
    if not text[max(0, start - 2) : start].endswith(("-", "- ")):
        return False  # `_GLUED_BEFORE` ends in a hyphen: most names have none before them
    glued = _GLUED_BEFORE.search(text, max(0, start - 40), start)
    return glued is not None and glued.group("word") not in _LIST_DASH_WORDS
