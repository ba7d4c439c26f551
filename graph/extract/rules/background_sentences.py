"""Names an abstract defines before it speaks of its own work: background, not coinage.

An abstract most often opens with the field's state ("The Linear Mixing Model (LMM)
dominates spectral unmixing ...", "... referred to as Symmetric Cross-modal Knowledge
Distillation (SCKD)", "To overcome these issues, the task of semantic occupancy prediction
(SOP) is proposed") and only then turns to the paper ("we", "our", "this paper", "here").
A definition, a passive "is proposed" or a Title-Case name read as the paper's own in a
sentence before that turn is someone else's; the rules that read one window at a time
cannot see the turn, so it is read here over the whole abstract.

Pooled over the ten tuning halves of the role gold (round 15, data/roles/README.md), the
test removes 4 INTRODUCES false positives in three halves and no true one.
"""

from __future__ import annotations

import re

from paperkg.graph.records import Role

# The paper speaking of itself: "we", "our", "this paper", "the study", "my" ("The study
# introduces SCANAR and AIDOC", "My doctoral research introduces ...": wrong removals on the
# 10,000 abstracts with "we" and "this paper" alone). Passive "is proposed" and "novel" are
# left out: background says them too ("the task of ... is proposed"); an abstract with none
# of these words (all passive) is left alone. A word read too early ("I", "the study of")
# only makes the rule take back less.
_OWN_VOICE = re.compile(
    r"\b(?:[Ww]e|[Oo]ur|us|[Mm]y|I|[Tt]his\s+(?:paper|work|study|article|letter|research|thesis|report)|"
    r"[Tt]he\s+(?:current\s+|present\s+)?(?:paper|study)|[Hh]ere(?:in)?|[Ii]n\s+this)\b")
_TITLE_BREAK = "\n\n"
# Read once: a member read through its class (`Role.INTRODUCES`) costs a look-up each time
# (some 0.13 us in Python 3.11), and the loop below reads it for every mention of a paper.
_INTRODUCES = Role.INTRODUCES


def own_voice_start(text: str) -> int:
    """Where the abstract of `text` ("title\\n\\nabstract") first speaks of the paper itself,
    as an offset into `text`, or -1 when it never does (or has no abstract)."""
    at = text.find(_TITLE_BREAK)
    if at < 0:
        return -1
    match = _OWN_VOICE.search(text, at + len(_TITLE_BREAK))
    return match.start() if match is not None else -1


def demote_background_introductions(text: str, pairs: list, with_role) -> None:
    """MENTIONS for each INTRODUCES mention of the abstract whose sentence ends before the
    abstract first speaks of the paper (`own_voice_start`).

    Args:
        text: the paper's text, "title\\n\\nabstract", which candidates' offsets point into.
        pairs: (Mention, Candidate) in text order; changed in place.
        with_role: makes a copy of a mention with another role.
    """
    turn = -1
    for i, (mention, c) in enumerate(pairs):
        if mention.role is not _INTRODUCES or mention.field != "abstract" or mention.sentence_end is None:
            continue
        field_start = c.start - mention.start
        if turn < 0:
            # Most papers' first INTRODUCES is in a sentence that says "we": read it alone
            # before the whole background before it.
            if _OWN_VOICE.search(text, field_start + (mention.sentence_start or 0),
                                 field_start + mention.sentence_end) is not None:
                return
            turn = own_voice_start(text)
            if turn < 0:
                return
        if field_start + mention.sentence_end > turn:
            return  # mentions come in text order: every later one is past the turn too
        pairs[i] = (with_role(mention, Role.MENTIONS), c)
