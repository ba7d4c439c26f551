"""A name that is the subject of a passive verb of making, past a comma-closed aside.

"X is designed to ..." is read where the passive follows the name (`introduced_names._PASSIVE`),
but abstracts often put an aside between the two: "a lightweight module, Light-C3k2, was
designed to reduce computational cost", "Multi-Level Action Prediction strategy, which
combines spatial-semantic cues at multiple granularities, is designed to assist agents". The
cue nearest to the name ("integrating", "combines") then gives it USES or MENTIONS. A name of
no curated list, not before the abstract's own voice (`background_sentences.own_voice_start`;
an abstract written in passives has none), that
opens such a clause (perhaps with its short form and a part noun), then an aside of at most
150 characters closed by a comma, then "is/are/was/were [adverb] designed/proposed/developed/
introduced/presented/constructed/devised", with no "by" after it (others' work: "was proposed
by ...") and no examples before it in its sentence ("including", "such as"), is what the
paper made (round 25, data/roles/README.md).
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.background_sentences import own_voice_start
from paperkg.graph.extract.rules.introduced_names import is_proper_name
from paperkg.graph.records import Role

_INTRODUCES = Role.INTRODUCES
_OTHER_ROLES = frozenset({Role.MENTIONS, Role.USES})
_PART_NOUNS = ("module", "block", "layer", "mechanism", "component", "unit", "branch", "head",
               "strategy", "scheme", "loss", "network", "model", "framework", "method", "algorithm")
# The name's own words first (short form, part noun), then the aside, then the passive.
_ASIDE_THEN_MADE = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s+(?:" + "|".join(_PART_NOUNS) + r"))?"
    r"(?:,\s+[^.;:()]{1,150}?)?,\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    r"(?:designed|proposed|developed|introduced|presented|constructed|devised)\b(?!\s+by\b)"
)
# An item of examples is others' work trained or compared: "Four deep neural networks, including
# VGG-11, ..., and Swin Transformer-Tiny, were developed" (the 10,000 abstracts).
_EXAMPLES_BEFORE = re.compile(r"\b(?:including|such as|e\.g\.|like)\b")
# The passive alone, which every match of `_ASIDE_THEN_MADE` ends with: looked for once a text
# (most abstracts have none), so that only names before one are read.
_MADE = re.compile(
    r",\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    r"(?:designed|proposed|developed|introduced|presented|constructed|devised)\b(?!\s+by\b)"
)


def introduce_made_passives(text: str, pairs: list, with_role) -> None:
    """INTRODUCES for a name that is the subject of a passive verb of making past an aside
    (the module's docstring); `pairs` is changed in place, a mention replaced by `with_role`."""
    last_made = last_passive_start(text)
    if last_made < 0:
        return  # no passive of making at all
    voice = None
    for i, (mention, c) in enumerate(pairs):
        if c.end > last_made or mention.role not in _OTHER_ROLES or text.find(",", c.end, c.end + 48) < 0:
            continue  # one look first: most names have no comma close after them
        if _ASIDE_THEN_MADE.match(text, c.end) is None:
            continue
        if c.entity is not None and c.entity.origin == "gazetteer":
            continue
        if not is_proper_name(text[c.start : c.end]):
            continue
        if _EXAMPLES_BEFORE.search(text, text.rfind(". ", 0, c.start) + 1, c.start) is not None:
            continue
        if voice is None:
            voice = own_voice_start(text)
        if voice <= c.start:  # -1: an abstract that never says "we" speaks in passives
            pairs[i] = (with_role(mention, _INTRODUCES), c)


def last_passive_start(text: str) -> int:
    """Where the last ", is/are/was/were [adverb] designed/proposed/..." (not "by") of the
    text starts, or -1: a name after it opens no clause that `_ASIDE_THEN_MADE` matches."""
    last = -1
    for made in _MADE.finditer(text):
        last = made.start()
    return last
