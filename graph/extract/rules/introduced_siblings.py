"""Names coined beside a name the paper introduces, in the same breath: its siblings.

A sentence that introduces one of the paper's own names often names the others of its kind
next to it, joined by "and" or "while", and the cue that reached the first one
does not reach them, or another cue (a verb of use before the list) gives them its role:
"along with the Past Time Attention (PTA) module, mode attention module and anchor-oriented
decoder (AoD)", "we define DermEval as a physician aligned six dimensional evaluator and
DermBench as the corresponding benchmark", "A physics-aware backbone PhysicsUNet encodes
degradation priors as potential energy, while PromptGenerator produces task-relevant
prompts", "one grounded in curated technical documentation (RAG-Wiki), and another using
narrative-style incident reports (RAG-News)". Such a name is the paper's own too when it is
coined in shape (an acronym, a word with an inner capital), no curated list knows it, and
nothing between the two names says use, comparison, example or data (round 20,
data/roles/README.md: the "other role" misses of the twelve tuning halves).
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.background_sentences import own_voice_start
from paperkg.graph.extract.rules.introduced_names import is_coined_here
from paperkg.graph.records import Role

_INTRODUCES = Role.INTRODUCES
# Data evaluated on or a compared system keeps its role: "including Segment-Me-If-You-Can,
# and RoadAnomaly, demonstrate that the proposed X".
_OTHER_ROLES = frozenset({Role.MENTIONS, Role.USES})
# At most this many words between the two names: a parallel clause, not the next thought.
_MOST_WORDS = 12
# What joins two siblings: "and" as a word (not in "plug-and-play"), "while", a ";" (a comma
# alone opens an apposition as often: "we propose MGT-Prism, an MGT detection method").
_JOINER = re.compile(r";|(?<![\w-])(?:and|while|whereas)(?![\w-])")
# What says the other name is not the paper's own: comparison, examples, existing work,
# evaluation, building on something, a name's preposition ("X for federated learning (FL)"),
# a count ("which includes 15 reference DPCs and 525 distorted DPCs"; an item marker "(2)"
# starts another item), a verb of its own ("learn RGBD feature representations and present
# DFormerv2", "using DT-CWT and employ a SC-GNN"), a colon (a title's "HDLxGraph: Bridging
# LLMs and HDL ..."). Each was a wrong pair on the first 10,000 corpus abstracts.
_NOT_SIBLING = re.compile(
    r":|\d|\b(?:than|compar\w*|outperform\w*|surpass\w*|over|against|versus|vs|baselines?|existing|prior|"
    r"previous|conventional|traditional|standard|popular|such|e\.g|i\.e|including|like|unlike|based|"
    r"built|upon|from|instead|replac\w*|extend\w*|improv\w*|inspired|adapt\w*|follow\w*|"
    r"evaluat(?:e|es|ed|ing|ion)|test\w*|benchmarks?|datasets?|experiments?|results?|"
    r"show\w*|demonstrat\w*|achiev\w*|employ\w*|utiliz\w*|leverag\w*|adopt\w*|appl(?:y|ies|ied)|"
    r"present\w*|propos\w*|introduc\w*|design\w*|develop\w*|"
    r"for|in|on|of|to|by|via|through|within|across|into)\b", re.IGNORECASE)
# The apposition that describes an introduced name: "StPR), a unified and exemplar-free
# VCIL framework" is what StPR is, no sibling of it.
_APPOSITION = re.compile(r"\s*(?:\([^()]{1,20}\))?\)?\s*,\s+(?:a|an|the)\b")
# A sentence that compares with others or gives examples names others' things: "our proposed
# framework has outperformed ... existing models ``Vision Transformer", ... and ``PneuNet"".
_OTHERS_SENTENCE = re.compile(
    r"\b(?:outperform\w*|compar(?:ed|ing|ison)|than|existing|baselines?|such as|e\.g|like)\b")
# A coined shape: an acronym of two capitals or more, or a word with a capital inside it
# ("PhysicsUNet", "AoD", "RAG-News"), one token.
_COINED_SHAPE = re.compile(r"[A-Z][\w-]*[A-Z][\w-]*|[A-Z][a-z]+[A-Z]\w*")


def introduce_siblings(text: str, pairs: list, with_role) -> None:
    """INTRODUCES for the names coined beside a name the paper introduces (the module's
    docstring); `pairs` is changed in place, a mention replaced by `with_role`.

    Args:
        text: the paper's text ("title\\n\\nabstract"), which candidates' offsets point into.
        pairs: (Mention, Candidate) in text order, roles as `settle_introductions` left them.
        with_role: makes the same mention with another role.
    """
    introduced: dict[str, list] = {}
    for mention, c in pairs:
        if mention.role is _INTRODUCES:
            introduced.setdefault(mention.sentence, []).append(c)
    if not introduced:
        return
    turn = own_voice_start(text)
    names = [text[c.start : c.end].casefold() for held in introduced.values() for c in held]
    for i, (mention, c) in enumerate(pairs):
        if mention.role not in _OTHER_ROLES or mention.sentence not in introduced:
            continue
        if turn < 0 or c.start < turn or _OTHERS_SENTENCE.search(mention.sentence) is not None:
            continue  # background before the paper speaks of itself, or others' things
        if not is_coined_unlisted(text, c) or not is_coined_here(text, c):
            continue
        name = text[c.start : c.end].casefold()
        if any(name in held for held in names):
            continue  # what an introduced name is built from: "TSL" of "TSLFormer"
        if any(_are_siblings(text, other, c) for other in introduced[mention.sentence]):
            pairs[i] = (with_role(mention, _INTRODUCES), c)


def is_coined_unlisted(text: str, c) -> bool:
    """Whether a candidate is one token of a coined shape ("PhysicsUNet", "AoD", "RAG-News")
    that no curated list knows."""
    if c.entity is not None and c.entity.origin == "gazetteer":
        return False
    return _COINED_SHAPE.fullmatch(text, c.start, c.end) is not None


def _are_siblings(text: str, introduced, c) -> bool:
    """Whether the words between an introduced name and another name join the two as
    parallel items: a joiner, few words, and nothing of use, comparison or data."""
    if introduced.end <= c.start:
        between = text[introduced.end : c.start]
        if _APPOSITION.match(between):
            return False
    elif c.end <= introduced.start:
        between = text[c.end : introduced.start]
    else:
        return False
    if "\n" in between or len(between.split()) > _MOST_WORDS:
        return False
    return _JOINER.search(between) is not None and _NOT_SIBLING.search(between) is None
