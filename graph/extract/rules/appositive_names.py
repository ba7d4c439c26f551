"""Names a paper coins and then describes by an apposition: "describes DecisionDB, an
infrastructure that logs ...", "At its core is BANSA (Bayesian Active Noise Selection via
Attention), an acquisition function that ...", "We further study ARISE (Analogical Reasoning
for Inference-time Safety Enhancement), a retrieval-guided inference-time enhancement".

A name-shaped word that no cue before it types (`context_names.py`: "describes" after "This
paper formalizes ... and", "is", "study" are no cues of its own) is dropped by
`names/unlisted.py` unless the apposition's noun is one of `cues.TYPE_NOUNS` right after it;
an "infrastructure", an "acquisition function", an "enhancement" are none, and a short
form's long form in parentheses between them hides any. Here such a word is the paper's own
when the apposition follows it (perhaps past its long form), the abstract has spoken of its
own work before it, it is the word's first use in the abstract, and the word before it makes
it the object of the paper's making or says what it is: a verb of the paper's making, "is",
"into", "and", a colon. Not after a preposition or a verb of use or comparison ("built upon
SAMTH, a strong baseline", "outperforms FactAlign, a strong supervised baseline", "collected
from Tieba-JokeBar, a Chinese online platform"), which on the first 10,000 corpus abstracts
held half the words so described (round 23, data/roles/README.md).
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.coined_forms import coined_candidates
from paperkg.graph.extract.rules.cues import type_of_noun
from paperkg.graph.extract.rules.subject_names import may_be_coined_hit, speaks_of_itself

_TITLE_BREAK = "\n\n"
# The apposition: perhaps the long form in parentheses, then ", a(n)" and its words up to a
# mark, "that"/"which" or a preposition; the last of them is the noun that types the name.
_APPOSITION = re.compile(r"(?: \([^()]{3,90}\))?, an? ((?:[\w-]+ ){0,5}?[a-z][\w-]*)(?=[,.;:)]| (?:that|which|for|to|of|in|on|with|designed|built|based|tailored)\b)")
# The word before the name that makes it the paper's own: what the paper makes, what its
# system is or integrates, or a list it names.
_OWN_BEFORE = frozenset(
    """is into and integrates introduces introduce introduced presents present presented proposes propose
    proposed describes describe described develops develop developed builds build built constructs construct
    constructed collects collect collected releases release released study studies design designs designed
    call called named dubbed termed""".split())


def find_appositive_names(text: str, hits, lookup, earlier=()) -> list[Candidate]:
    """INTRODUCES candidates of the untyped name-shaped hits an apposition describes, past
    the abstract's own voice.

    Args:
        text: a title and abstract joined by a blank line.
        hits: its `find_context_names` (only the untyped ones, cue "shape", are read).
        lookup: the known entity a surface form names, or None; listed names are never coined.
        earlier: the candidates of the earlier components (only read).

    Returns:
        The candidates in text order, typed by the apposition's first type noun (else METHOD).
    """
    places = [hit for hit in hits if hit[5] == "shape" and text.startswith((", a", " ("), hit[1])]
    if not places:
        return []
    abstract = text.find(_TITLE_BREAK) + len(_TITLE_BREAK)
    found: list[Candidate] = []
    for hit in places:
        start, end, name = hit[0], hit[1], hit[2]
        apposition = _APPOSITION.match(text, end)
        if apposition is None or start < abstract or text.find(name, abstract) != start:
            continue
        before = text[:start].rstrip()
        word = before[before.rfind(" ") + 1 :] if " " in before else before
        if not (word.endswith(":") or word.lower() in _OWN_BEFORE):
            continue
        if not speaks_of_itself(text, abstract - 1, start) or not may_be_coined_hit(hit, lookup, earlier):
            continue
        noun_type = _noun_type(text, apposition.start(1))
        for candidate in coined_candidates(text, start, end, None):
            candidate.type = noun_type or candidate.type
            found.append(candidate)
    return found


def _noun_type(text: str, at: int):
    """The type of the first type noun of the apposition starting at `at`, up to the end of its
    clause ("a large-scale well-annotated, and challenging climbing motion dataset."), or None."""
    clause = _CLAUSE_END.search(text, at, at + 120)
    for word in text[at : clause.start() if clause else at + 120].split():
        noun_type = type_of_noun(word.strip(",.;:()"))
        if noun_type is not None:
            return noun_type
    return None


_CLAUSE_END = re.compile(r"[.;]\s| (?:that|which|for|to|of)\b")
