"""Contests a paper takes part in: shared tasks, challenges and competitions.

A system paper reports its results on the contest it was written for, and the role gold
counts that contest as evaluated on ("our participation in the CURE-Bench NeurIPS 2025
Challenge", "our CL4Health 2026 submission"). Such names hold a year or a shape of their
own that no list knows, and the words after them, "shared task", "Challenge", "our ...
submission", say what they are. A contest merely named ("a key factor: the Ambiguity
Challenge inherent in GCD") or one the paper organises ("we present an overview of the
1st NTIRE 2025 CD-FSOD Challenge", "We present the Mu-SHROOM shared task", which
introduces it) is not one the paper takes part in: the words of taking part in its
sentence ("participation", "our team", "ranked second", "our solution") tell them apart.
"""

from __future__ import annotations

import re

from paperkg.graph.records import EntityType, Role

# The noun after a contest's name, or the end of a name that holds it.
_CONTEST_AFTER = re.compile(r" (?:shared task|[Cc]hallenge|[Cc]ompetition)\b")
_CONTEST_END = (" Challenge", " Competition")
_OUR_SUBMISSION = re.compile(r" submission\b")  # only after "our": "(... for arXiv submission)" is none
# The words of taking part, as `roles._TAKING_PART` with the paper's own entry.
_TAKING_PART = re.compile(
    r"\b(?:[Pp]articipat\w*|[Tt]eam\b|team's|ranked|ranking|\d+(?:st|nd|rd|th)\s+place|(?:first|second|third)\s+place|"
    r"contribution|[Oo]ur\s+(?:solution|system|approach|method|methodology|experiments|entry|submission)|"
    # the paper's own entry, described: "We propose a ... approach ... in the LT-EDI 2026 shared task"
    r"[Ww]e\s+(?:propose|present|describe|develop)\s+(?:a|an|our)\b)")
_ORGANISING = re.compile(r"\b(?:organi[sz]\w*|overview)")
# A head that names one edition of a contest: a digit, a hyphen or an inner capital in a word
# ("LT-EDI 2026", "3DTeethLand", "SLRTP Sign Production"), not plain words ("Ambiguity Challenge").
_EDITION = re.compile(r"\d|-|\b\w+[A-Z]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def contest_cue(text: str, start: int, end: int):
    """("contest", BENCHMARK, 0.75, EVALUATES_ON) for a contest's name at `start`-`end` whose
    sentence says the paper takes part; None when the name is no contest's, names no edition
    of one, or the paper does not take part (the other rules then read it as before)."""
    name = text[start:end]
    head = name
    if name.endswith(_CONTEST_END):
        head = name.rsplit(" ", 1)[0]
    elif not _CONTEST_AFTER.match(text, end):
        our_submission = _OUR_SUBMISSION.match(text, end) is not None and text.endswith("our ", 0, start)
        if not our_submission:
            return None
        return ("contest", EntityType.BENCHMARK, 0.75, Role.EVALUATES_ON) if _EDITION.search(head) else None
    if _EDITION.search(head) is None:
        return None
    stop_before = text.rfind(". ", 0, start)
    sentence_start = max(stop_before + 2 if stop_before >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stop = _SENTENCE_END.search(text, end)
    sentence = text[sentence_start : stop.start() if stop else len(text)]
    if _ORGANISING.search(sentence) or _TAKING_PART.search(sentence) is None:
        return None  # the organisers' report, or a contest named: the other rules read it as before
    return ("contest", EntityType.BENCHMARK, 0.75, Role.EVALUATES_ON)
