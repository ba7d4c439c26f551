"""A name that "namely" gives to what the paper says it made, past the introducing cue's reach.

Abstracts name their contribution after describing it: "we have proposed a new version of
the GCN in this paper, namely normalized Voronoi Graph Convolution Network (NVGCN)", "this
work develops novel joint constraints to adjust the weight distribution of networks, namely,
the Transformed Sparse Constraint joint with Condition Number Constraint (TSCNC)". The cue
("we have proposed") is too far, or a preposition in the description ("of the GCN") stops its
gap (`coined_names._GAP`), so the name keeps the role of a nearer cue or MENTIONS. A name of no
curated list, with a capital, that stands in the phrase right after "namely" (at most 12 words
on, no comma or ";" between), in a sentence where the paper (we, this work/paper/study) says
before it that it proposes, develops, introduces, presents, designs, devises, builds,
constructs, formulates or creates something (not "propose to"), and where no word of use or
of others' work ("such as", "including", "existing", "use", "integrating", "baseline") stands
between that verb and "namely", is what the paper made (round 25, data/roles/README.md).
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.introduced_names import is_proper_name
from paperkg.graph.records import Role

_INTRODUCES = Role.INTRODUCES
_OTHER_ROLES = frozenset({Role.MENTIONS, Role.USES})
_MOST_WORDS = 12
_MADE_BY_US = re.compile(
    r"\b(?:[Ww]e|[Tt]his\s+(?:work|paper|study|article|letter)|[Oo]ur\s+(?:work|paper|study))\s+"
    r"(?:have\s+|has\s+|also\s+|further\s+|first\s+)?"
    r"(?:propos|develop|introduc|present|design|devis|buil|construct|formulat|creat)\w*\b(?!\s+to\b)"
)
# "integrating different search solutions namely Grey Wolf Optimizer (GWO), ..." names what the
# made thing uses (the 10,000 abstracts).
_NOT_OURS = re.compile(r"\b(?:such as|including|existing|use[sd]?|using|compare[sd]?|baselines?|e\.g\.|"
                       r"integrat\w*|employ\w*|leverag\w*|utiliz\w*|adopt\w*|combin\w*)\b")


def introduce_namely_names(text: str, pairs: list, with_role) -> None:
    """INTRODUCES for a name "namely" gives to what the paper made (the module's docstring);
    `pairs` is changed in place, a mention replaced by `with_role`."""
    if "namely" not in text:
        return  # most abstracts never say it
    for i, (mention, c) in enumerate(pairs):
        if mention.role not in _OTHER_ROLES:
            continue
        sentence_start = text.rfind(". ", 0, c.start) + 1
        at = text.rfind("namely", sentence_start, c.start)
        if at < 0:
            continue
        between = text[at + 6 : c.start]
        if "," in between.strip(" ,") or ";" in between or len(between.split()) > _MOST_WORDS:
            continue
        made = None
        for made in _MADE_BY_US.finditer(text, sentence_start, at):
            pass
        if made is None or _NOT_OURS.search(text, made.end(), at) is not None:
            continue
        if c.entity is not None and c.entity.origin == "gazetteer":
            continue
        if is_proper_name(text[c.start : c.end]):
            pairs[i] = (with_role(mention, _INTRODUCES), c)
