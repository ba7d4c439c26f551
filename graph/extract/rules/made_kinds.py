"""A name given to a kind of thing the paper says it made: "we have created a specialized
dataset for instance-level colorization tasks, GPT-color, by leveraging ...", "resulting in
an image-to-code model, FigCodifier and ImgCode-8.6M dataset".

The window cues reach the kind ("a ... dataset") but not the name in apposition after it,
which then keeps the role of whatever cue stands nearer ("leveraging", "utilize"). A coined
name (`introduced_siblings.is_coined_unlisted`) right after ", " that closes the object of a
verb of making said by the paper (we create, build, construct, develop, design, curate,
collect, release, train; resulting in, yielding) is that thing's name (round 20,
data/roles/README.md).
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.cues import TYPE_NOUNS
from paperkg.graph.extract.rules.introduced_siblings import is_coined_unlisted
from paperkg.graph.records import Role

_INTRODUCES = Role.INTRODUCES
_OTHER_ROLES = frozenset({Role.MENTIONS, Role.USES})
# How far back the verb of making may stand: a kind of at most a few words and what it is for.
_REACH = 120
_KINDS = "|".join(sorted((re.escape(w) for w in TYPE_NOUNS), key=len, reverse=True))
_MADE_KIND = re.compile(
    r"\b(?:[Ww]e\s+(?:have\s+)?(?:creat|construct|buil|develop|design|curat|collect|releas|train)\w*|"
    r"resulting\s+in|yielding)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:" + _KINDS + r")"
    r"(?:\s+(?:for|of)\s+[\w\s-]{1,60}?)?,\s+\Z")


def introduce_made_kinds(text: str, pairs: list, with_role) -> None:
    """INTRODUCES for a coined name in apposition to a kind the paper made (the module's
    docstring); `pairs` is changed in place, a mention replaced by `with_role`."""
    for i, (mention, c) in enumerate(pairs):
        if mention.role not in _OTHER_ROLES or c.start < 2 or text[c.start - 2] != ",":
            continue  # one character read first: most mentions stand after no comma
        if not is_coined_unlisted(text, c):
            continue
        left = text[max(0, c.start - _REACH) : c.start].rsplit(". ", 1)[-1]  # this sentence's words
        if _MADE_KIND.search(left) is not None:
            pairs[i] = (with_role(mention, _INTRODUCES), c)
