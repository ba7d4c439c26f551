"""Names a paper gives, in parentheses, to the thing its introducing verb makes.

"To address this dilemma, we propose a Cross-modal Consistency Learning framework
(CCL-SLR), which ...", "we propose an alternate optimization strategy (A-RDO)", "we
introduce a Synergistic training framework for Foundation and Conventional models
(SynFoC)": the object of "we propose" is a noun phrase whose head is a kind of thing
(framework, strategy, model, dataset, ...), and the name in parentheses right after it is
the name the paper gives that thing. The cue's window (`roles.WINDOW`) gives INTRODUCES
to the first name after the verb only, and a short form that no definition rule pairs with
its long form ("CCL-SLR", "SynFoC") was left used or mentioned.

`contributions.settle_introductions` asks this only of a mention in parentheses, not yet
introduced (one or two an abstract), so its cost is a few character tests a mention.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.cues import TYPE_NOUNS, is_stop_name
from paperkg.graph.extract.rules.introduced_names import is_listed_name, is_proper_name

# The head nouns of one made thing (plurals name a class: "Large Multimodal Models (LMMs)").
_HEADS = frozenset(word for word in (*TYPE_NOUNS, "task") if not word.endswith("s") or word in (
    "corpus", "toolkit"))
# The introducing verb and the object's article, then the object up to the parenthesis;
# no clause ends inside it (a full stop, ";", ":", "which", "that"), and what stands in
# parentheses inside it is short ("a novel contrastive language-image pre-training (CLIP)
# based FL approach for medical image classification (FedMedCLIP)").
_SUBJECT = r"(?:\b[Ww]e\s+(?:[a-z]+\s+){0,2}?|\b(?:[Tt]his|[Oo]ur)\s+(?:paper|work|study|article)\s+)"
_VERB = r"(?:introduc|propos|present|develop|design|build|construct|creat|curat)(?:e|es|ed|e?d)?\s+"
_PHRASE = r"(?P<phrase>(?:[^.;:()]|\([^.;:()]{1,20}\)){3,160}?)"
_OBJECT = re.compile(_SUBJECT + _VERB + r"(?:an?|the)\s+" + _PHRASE + r"\s*\Z")
_CLAUSE_WORDS = re.compile(r"(?<![\w-])(?:which|that|where|while|whereas|to|and\s+(?:we|then|further))(?![\w-])"
                           r"|,\s+(?:and|but)\b")
# "a framework for Foundation and Conventional models (SynFoC)": the head, then what it is for.
_HEAD_FOR = re.compile(r"\b([a-z]+)\s+(?:for|of)\s+(?=[^,]{3,70}\Z)")
# Words that make the name what the object acts on or is made of, not the object itself:
# "a framework based on a plug-and-play diffusion model (PnP-DM)", "a constraint into the
# iterative convolution-thresholding method (ICTM)", "a framework consisting of ...".
_ACTED_ON = frozenset(
    """of for to by with in on from into via between over than about through across within
    against under among toward towards upon beyond using including consisting comprising
    incorporating containing integrating combining""".split())
_REACH = 220  # characters before the parenthesis the verb may stand


def object_verb_end(text: str, c, sentence: str) -> int:
    """Where the object of an introducing verb starts, when `c`, a mention in parentheses,
    names the thing that verb makes: "we propose a X framework (NAME)", or, for a name in
    mixed case that does not spell what the thing is for, "we introduce a framework for X
    (NaMe)"; else -1. A name the curated lists know, a plural, or a name used before is not
    named here.

    Args:
        text: the paper's text, which `c`'s offsets point into.
        c: the candidate, `text[c.start - 1] == "("` and `text[c.end] == ")"`.
        sentence: the mention's sentence, a slice of `text` before or around `c`.

    Returns:
        Where the introducing verb's object starts (past its article), or -1.
    """
    name = text[c.start : c.end]
    if is_listed_name(c) or not is_proper_name(name) or is_stop_name(name):
        return -1
    if name[-1:] == "s" and name[-2:-1].isupper():
        return -1  # "Reasoning Reward Models (ReasRMs)": a plural names a class
    if text.find(name, 0, c.start) >= 0:
        return -1  # a later use of a name: what it names was said before
    at = text.rfind(sentence, 0, c.start + len(sentence))
    match = _OBJECT.search(text, max(at, c.start - _REACH, 0), c.start - 1)
    if match is None:
        return -1
    phrase = match.group("phrase")
    if _CLAUSE_WORDS.search(phrase):
        return -1
    words = phrase.split()
    if words[-1].lower() in _HEADS:
        object_words = words
    else:
        around = _HEAD_FOR.search(phrase)
        if around is None or around.group(1) not in _HEADS or not any(ch.islower() for ch in name):
            return -1
        if name[:1].casefold() == phrase[around.end() :].lstrip()[:1].casefold():
            return -1  # "an approach for ray-based 3D Gaussian Splatting (RayGS)": what it is for
        object_words = phrase[: around.end(1)].split()
    if any(word in _ACTED_ON for word in object_words):
        return -1  # "a method ... based on The Bethesda System (TBS)": what it is built on
    return match.start("phrase")
