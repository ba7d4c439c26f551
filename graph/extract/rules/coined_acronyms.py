"""Definitions "Long Form (LF)" that coin a paper's own name, and the shapes they take.

A Title-Case long form that ends in a component noun and stands in no one else's work is a
coinage ("a Semantic Fusion Block (SFB)", not "Markov Random Field (MRF)"); a lower-case long
form is one when "novel" or "new" stands before it and a kind of thing after its short form
("a novel energy-entropy learning (EEL) strategy"), or when its short form closes the noun
phrase ("we propose verifiable process supervision (VPS), a post-training framework").
`introduced_names.py` applies these tests; Schwartz & Hearst (2003) find the definitions
(`abbreviations.py`).
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.cues import TYPE_NOUNS
from paperkg.graph.records import EntityType

# The head nouns of a coined component's long form ("... Fusion Block", "... Data Pipeline").
_COMPONENT_HEADS = frozenset(
    """network networks net model models module modules block blocks layer layers pipeline
    framework adaptor adapter mechanism encoder decoder head branch transformer
    attention loss strategy algorithm architecture system agent engine generator
    estimator score metric index""".split()
)
_COINED_TYPES = frozenset({EntityType.MODEL, EntityType.METHOD, EntityType.METRIC})


# A definition that is the whole noun phrase, no modifier of a noun after it: "we propose
# verifiable process supervision (VPS), a post-training framework", not "our biological
# reservoir computing (BRC) system" (a kind of system, named by what it is about) nor "a
# novel inverse synthetic aperture radar (ISAR) imaging method".
# A preposition after it ends the phrase as well: "time-step parallelism (TSP) in the diffusion
# architecture".
_HEADS_ITS_PHRASE = re.compile(
    r"\s*\([^()]{1,20}\)(?:\s*[,.;:]|\s+(?:that|which|to|for|as|with|and|is|was|in|on|by|via|into|across)\b)")


def heads_its_phrase(text: str, end: int) -> bool:
    """Whether the definition's short form right after `end` closes the whole noun phrase
    (`_HEADS_ITS_PHRASE`): nothing it modifies stands after it."""
    return _HEADS_ITS_PHRASE.match(text, end) is not None


# A new thing's long form, its short form, then its kind: "we propose a novel energy-entropy
# learning (EEL) strategy", "a new interspatial attention (ISA) mechanism". The acronym is
# the name given to the kind's instance the paper makes; without "novel" or "new" such a
# phrase is as often a field ("our biological reservoir computing (BRC) system").
_NEW_BEFORE = re.compile(r"\b(?:novel|new)\s+\Z")
_SHORT_THEN_KIND = re.compile(
    r"\s*\([^()]{1,20}\)\s+(?:" + "|".join(sorted(w for w in TYPE_NOUNS if not w.endswith("s") or w == "corpus"))
    # not when a name follows the kind: "a novel opinion-unaware ... assessment (OU NR-IQA)
    # method, SFD-IQA": the acronym is the task, the name after it the method.
    + r")\b(?!-|\s*,\s*[A-Z])")


def names_a_new_kind(text: str, start: int, end: int) -> bool:
    """Whether the lower-case long form at `start`-`end` is what "novel" or "new" before it
    and its short form and kind after it make a new named thing (`_SHORT_THEN_KIND`)."""
    return (_NEW_BEFORE.search(text, max(0, start - 12), start) is not None
            and _SHORT_THEN_KIND.match(text, end) is not None)


# Words Title Case leaves in lower case: "Unified Pansharpening Model with Thin Cloud Removal".
_TITLE_LOWER = frozenset("with from into onto over under upon via".split())


def is_title_case(phrase: str) -> bool:
    """Whether every word of a phrase longer than three letters, but the prepositions
    Title Case leaves in lower case, starts with a capital."""
    return all(w[:1].isupper() for w in phrase.split() if len(w) > 3 and w not in _TITLE_LOWER)


def is_coined_acronym(text: str, c) -> bool:
    """A definition "Long Form (LF)" whose long form no list knows, in Title Case, ending
    in a component noun: "a Semantic Fusion Block (SFB)", not "Markov Random Field (MRF)"."""
    if c.entity is not None or c.type not in _COINED_TYPES or len(c.aliases) != 2:
        return False
    long, short = c.aliases
    if short.endswith("s") and short[-2:-1].isupper():
        return False  # "Video Large Language Models (Video-LLMs)": a plural names a class of things
    at = c.start if text.startswith(long, c.start) else _definition_start(text, c.start, long)
    if at < 0:
        return False  # a later use of the short form: its definition speaks for it
    words = long.split()
    if len(words) < 2 or not (words[-1].split("-")[-1].lower() in _COMPONENT_HEADS
                              or _COMPONENT_AFTER.match(text, c.end)):
        return False
    if _BUILT_ON.search(text, max(0, at - 30), at):
        return False  # "two models based on Long-term Recurrent Convolutional Networks (LRCNs)"
    # "Recent work on Code World Models (CWMs) demonstrates ...": another paper's coinage;
    # "metrics like Canopy Height Model (CHM), Plant Area Index (PAI)": examples of known ones.
    return (is_title_case(long) and _OTHERS_WORK.search(text, max(0, at - 60), at) is None
            and _EXAMPLES_BEFORE.search(text, max(0, at - 60), at) is None)


def _definition_start(text: str, start: int, long: str) -> int:
    """Where the long form starts when the short form at `start` is the one in its
    definition's parentheses ("Structure-aware Trajectory Modulation (STM)"), else -1."""
    if text[start - 1 : start] != "(":
        return -1  # tested before the text up to it is copied
    before = text[: start - 1].rstrip()
    if not before.endswith(long):
        return -1
    return len(before) - len(long)


# A component noun right after the definition: "a lightweight Structure-aware Trajectory
# Modulation (STM) module", where the long form itself ends in no such noun.
_COMPONENT_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\))?\s+(?:" + "|".join(sorted(_COMPONENT_HEADS)) + r")\b")


# What a contribution is built on or applied to, right before a name: "based on", "applied
# to the", "a variant of" (not "through a Semantic Fusion Block (SFB)": a part it adds).
_BUILT_ON = re.compile(r"\b(?:on|to|of|from|upon)\s+(?:the\s+|an?\s+)?\Z")
# Examples of known things right before a definition, a list of names only: "models like the
# Describe Anything Model (DAM)", "such as DDPM, Consistency Diffusion Models (CDM)" (not "metrics
# like Word Error Rate (WER) to compute the Fairness Adjusted ASR Score (FAAS)").
_EXAMPLES_BEFORE = re.compile(
    r"\b(?:like|such as|e\.g\.,?)\s+(?:(?:the|an?|of|for|and|or|[A-Z][\w'-]*|\([^()]*\))[\s,]+)*\Z")
_OTHERS_WORK = re.compile(
    r"\b(?:[Rr]ecent|[Pp]rior|[Pp]revious|[Ee]xisting|[Ee]arlier)\s+(?:work|works|studies|research|"
    r"methods|approaches|advances)\b[^.;]*\Z")
