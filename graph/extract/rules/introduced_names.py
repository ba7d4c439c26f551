"""Whether a mention names something its paper coins: the tests `contributions.py` applies.

A window's cue ("we propose ...", "our ...") reaches every name in 90 characters; these
tests keep its INTRODUCES for the name the paper gives its contribution, a name in the
proper sense that is not the object of a preposition or a gerund, not the tail of a longer
name, nor a modifier of another noun. Others find a coinage where no cue reached: "X is
introduced", "the proposed X", a coined acronym's definition (its tests in
`coined_acronyms.py`), and a name defined by its apposition ("CARVE, a resolution-enhanced
model").
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.coined_acronyms import (
    heads_its_phrase, is_coined_acronym, is_title_case, names_a_new_kind,
)
from paperkg.graph.extract.rules.cues import TYPE_NOUNS, is_stop_name
from paperkg.graph.records import Role

_MENTIONS = Role.MENTIONS
# A name after one of these is what a contribution acts on or is for, not the contribution.
_PREPOSITIONS = frozenset(
    "of for to by with in on from into via between over than about through across within "
    "against under among toward towards upon beyond using including".split()
)
# The noun of a component between its name and the passive: "a Spatial Prior Injection
# module is introduced", "the Dynamic Tree Scan (DTS) block is designed".
_PASSIVE_NOUNS = ("module", "modules", "block", "blocks", "layer", "layers", "mechanism", "component",
                  "components", "unit", "branch", "head", "strategy", "scheme", "loss")
_PASSIVE = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s+(?:" + "|".join(_PASSIVE_NOUNS) + r"))?\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    r"(?:introduced|proposed|presented|developed|designed|released)\b"
)
# The same said of a short form in parentheses after its kind: "a cross-modal diff-attention
# module (CMDA-Module) is designed to ...", "an attention-aware linear fusion module
# (AALF-Module) is proposed".
_KIND_THEN_NAME = re.compile(r"\b(?:" + "|".join(sorted({*_PASSIVE_NOUNS, *(
    w for w in TYPE_NOUNS if not w.endswith("s"))})) + r")\s+\(\Z")
_NAME_CLOSED_PASSIVE = re.compile(r"\)" + _PASSIVE.pattern)
PASSIVE_STARTS = (" is ", " are ", " was ", " were ", " (", ") is ", ") are ", ") was ", ") were ",
                  *(f" {noun} " for noun in _PASSIVE_NOUNS))
# Components whose candidates may be a definition "Long Form (LF)": `term_phrases.py` gives
# a defined metric as one mention, "Subagent-Management Score (SMS)".
DEFINERS = ("kg_abbreviations", "kg_phrases")
_PROPOSED = re.compile(r"\b(?:[Tt]he|[Oo]ur)\s+(?:newly\s+)?proposed\s+$")
# A name that modifies the noun phrase after it ("the proposed FOG prediction framework").
_MODIFIES_NOUN = re.compile(r" [a-z]+ (?:" + "|".join(sorted(TYPE_NOUNS)) + r")\b")
# A name that modifies the noun a later name is given to: "a new fast DPM sampler called DC-Solver".
_NAMED_AFTER = re.compile(r"(?: [a-z][\w-]*){1,3},? (?:called|named|dubbed|termed)\b")
# A name that modifies a compound adjective: "our LSTM-based memory encoder".
_BASED_ON_NAME = re.compile(r"-(?:based|style|like|inspired|driven|guided|powered|initiali[sz]ed)\b")
# A definition that begins a compound adjective: "an adaptive Kullback-Leibler (KL)
# divergence-based distillation regularization method" is a kind of method.
_DEFINED_MODIFIER = re.compile(r"\s*\([^()]{1,20}\)\s+[a-z]+" + _BASED_ON_NAME.pattern)
_DETERMINERS = frozenset("the a an".split())
# A name, or its definition, that modifies a plural noun after it: "ETF classifiers",
# "transform the State Geologic Map Compilation (SGMC) polygons".
# A verb in "s" takes an object after it ("our CRM surpasses the ..."), a plural noun is
# followed by a preposition or a stop ("classifiers to solve", "polygons into").
_MODIFIES_PLURAL = re.compile(
    r"(?:\s*\([^()]{1,20}\))?\s+(?!(?:is|was|has|as|this|its|does|thus|plus|across|versus|whereas)\b)"
    r"[a-z][a-z-]*[a-rt-z]s(?:\s*[,.;:)]|\s+(?:to|into|for|of|in|on|with|from|and|or|that|which)\b)")
# A name given to a new thing of a kind, by apposition: "on a new dataset, HealthAdvice",
# "a novel language task, the Blackbird Language Matrices (BLM) task".
_NEW_NOUN = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:new|novel)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(sorted({*TYPE_NOUNS, "task"}))
    + r"),\s*(?:the\s+)?\Z")
_OUR_NOUN = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+){0,2}[a-z]+,\s*$")
# What the paper's own work yields, named by apposition: "The resulting model, DKT, achieves ...".
_RESULTING_KIND = re.compile(r"\b[Tt]he\s+resulting\s+(?:[\w-]+\s+){0,2}(?:"
                             + "|".join(sorted(w for w in TYPE_NOUNS if not w.endswith("s"))) + r"),\s*$")
# The same with more modifiers, when the noun is a kind of made thing and no preposition
# stands among them: "our panoramic attention prediction approach, DriverGaze360-Net,
# jointly learns ..." (not "our experiments on multiple datasets, GPT-4 ...").
_OUR_KIND = re.compile(
    r"\b[Oo]ur\s+(?:(?!(?:on|in|of|for|with|across|to|and|or|from|by)\s)[\w-]+\s+){3,4}(?:"
    + "|".join(sorted(w for w in TYPE_NOUNS if not w.endswith("s"))) + r"),\s*$")


def is_proper_name(name: str) -> bool:
    """Whether a name is a name in the proper sense: a capital or a digit, not a stop word."""
    return any(ch.isupper() or ch.isdigit() for ch in name) and not is_stop_name(name)


def is_generic(c) -> bool:
    """A concept the lists know in lower case ("feed-forward network", "Q-learning" is not)."""
    entity = c.entity
    return entity is not None and entity.origin == "gazetteer" and entity.name == entity.name.lower()


def after_our(text: str, start: int) -> bool:
    """Whether "our" (and perhaps one word) stands right before `start`: "our ReSPC module"."""
    return "our" in text[max(0, start - 30) : start].lower() and bool(_OUR.search(text, 0, start))


_OUR = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+)?\Z")


def _names_a_thing(text: str, c) -> bool:
    """Whether a mention is a name in the proper sense; for a definition, whether its short
    form is, coined from a Title-Case long form or in mixed case ("CalVerT")."""
    name = text[c.start : c.end]
    if is_proper_name(name):
        return True
    if c.component != "kg_abbreviations" or len(c.aliases) != 2:
        return False
    long, short = c.aliases
    if not is_proper_name(short):
        return False
    return not short.isupper() or is_title_case(long) or c.entity is None and (
        heads_its_phrase(text, c.end) or names_a_new_kind(text, c.start, c.end))


def is_coined_here(text: str, c) -> bool:
    """Whether a window-introduced mention can be what the paper introduces."""
    return _names_a_thing(text, c) and not is_generic(c) and _stands_as_coined(text, c)


def defines_coined_short_form(text: str, phrase, c) -> bool:
    """Whether `c` is a short form coined for a lower-case phrase that a cue introduced but
    that names nothing itself: "We propose a representation-level language shift (LS) that
    aligns ...", where the phrase rule's "representation-level language shift" won the span
    of the definition "language shift (LS)". The phrase must stand where a coinage does
    (`_stands_as_coined`: not "a framework for hyperspectral anomaly detection (HAD)") and
    be the whole noun phrase (not "a tensor ring (TR) decomposition method"), the short form
    in parentheses right after it, in no list ("large language model (LLM)")."""
    if c.component != "kg_abbreviations" or len(c.aliases) != 2 or is_listed_name(c):
        return False
    long, short = c.aliases
    if text[phrase.end : c.start] not in (" (", "(") or text[c.start : c.end] != short:
        return False
    if not text.endswith(long, phrase.start, phrase.end) or not is_proper_name(short):
        return False
    return ((heads_its_phrase(text, phrase.end) or names_a_new_kind(text, phrase.start, phrase.end))
            and not is_generic(phrase) and _stands_as_coined(text, phrase))


def is_listed_name(c) -> bool:
    """Whether the curated lists know a mention's entity (not one discovered in the corpus)."""
    return c.entity is not None and c.entity.origin != "discovered"


def _stands_as_coined(text: str, c) -> bool:
    """Whether a mention stands where a coined name does: not what a contribution is built
    on or acts on, not a modifier of another noun, not the tail of a longer name."""
    if _BASED_ON_NAME.match(text, c.end) or _DEFINED_MODIFIER.match(text, c.end):
        return False  # "our BERT-based classifier": what the contribution is built on
    if _MODIFIES_PLURAL.match(text, c.end):
        return False  # "balancing learnable and ETF classifiers": a kind of the things acted on
    if _MODIFIES_NOUN.match(text, c.end):
        return False  # "we develop novel Monte Carlo inference strategies": a kind of strategy
    if text[c.start - 1 : c.start] == "-" and text[c.start - 2 : c.start - 1].isalnum():
        return False  # "propose PaQ-RT-DETR": the listed tail of a longer name, not the name
    before = text[max(0, c.start - 40) : c.start].split()
    if not before:
        return True
    last = before[-1]
    if last.lower() in _DETERMINERS and len(before) > 1:
        last = before[-2]  # "within the RLVR framework": the object of "within"
        if last.lower() in _PREPOSITIONS or _is_acted_on(last):
            return False
        last = before[-1]
    if last.lower() in _PREPOSITIONS or _NAMED_AFTER.match(text, c.end) or _is_acted_on(last):
        return False
    return not _is_tail_of_a_longer_name(text, c.start, last)


def _is_tail_of_a_longer_name(text: str, start: int, last: str) -> bool:
    """Whether a mention at `start`, after the word `last`, ends a longer capitalised name:
    "(Instance-Guided [Class Activation Mapping])", "BitNet [v2]"."""
    return (text[start - 1 : start] == " " and last[:1].isupper() and last[-1:].isalnum()
            and last.lower() not in ("we", "our", "the", "a", "an", "this", "here"))


# Gerunds that introduce what follows them, as "by proposing X" does.
_INTRODUCING = frozenset(
    "introducing proposing presenting developing designing building constructing curating creating "
    "releasing naming calling comprising".split())


def _is_acted_on(word: str) -> bool:
    """Whether a word before a name makes the name the object of what the contribution does:
    a gerund ("by estimating the number of false alarms (NFA)", "by balancing learnable and
    ETF classifiers"), unless it is one that introduces ("by proposing MUSE") or lists the
    parts of what was introduced ("a framework comprising FuseSFT and FusePO")."""
    return word.islower() and word.endswith("ing") and len(word) > 5 and word not in _INTRODUCING


def is_introduced_otherwise(text: str, c) -> bool:
    """"X is introduced", "the proposed X", "our model, X", or a coined acronym's definition.

    The words around the mention are read first: most mentions have none of these, and
    the name tests cost more than a look at the text.
    """
    end = c.end
    said = text.startswith(PASSIVE_STARTS, end) and (_PASSIVE.match(text, end) is not None or _is_named_kind_made(
        text, c.start, end))
    if not said:
        left = text[c.start - 40 if c.start > 40 else 0 : c.start]
        said = ("proposed" in left and _PROPOSED.search(left) is not None
                and not _MODIFIES_NOUN.match(text, end)
                or "ur " in left and _OUR_NOUN.search(left) is not None
                or "resulting" in left and _RESULTING_KIND.search(left) is not None
                or text.startswith(", ", c.start - 2) and _our_kind_before(text, c.start)
                or ("new" in left or "novel" in left) and _NEW_NOUN.search(left) is not None
                or c.component in DEFINERS and is_coined_acronym(text, c))
    if not said:
        return False
    forms = c.aliases or (text[c.start : end],)
    return any(is_proper_name(form) for form in forms) and not is_generic(c)


def _is_named_kind_made(text: str, start: int, end: int) -> bool:
    """Whether the name at `start`-`end` fills the parentheses after a kind of thing that
    the passive after them says is made: "a ... module (CMDA-Module) is designed"."""
    return (text[start - 1 : start] == "(" and _NAME_CLOSED_PASSIVE.match(text, end) is not None
            and _KIND_THEN_NAME.search(text, max(0, start - 20), start) is not None)


# Data the paper's own making yields, named before its head noun: "we propose an Automatic
# Dataset Creation Framework ..., constructing the ForgetMe dataset", "we leverage AI to assist
# annotators in constructing the ViMRHP dataset", "forming the X dataset", "resulting in a X
# dataset". Its first use: "We start from ViMRHP. ... constructing the ViMRHP dataset" builds
# on a named thing.
# "newly introduced" without "our" is as often another paper's data: "We evaluate our model on
# PolypDB, a newly introduced dataset" (the 10,000 abstracts); "newly constructed" is made here.
_OTHERS_VERBS = r"(?:introduced|proposed|released|published|presented)\b"
MADE_HEADS = (" dataset", " benchmark", " corpus")
_MADE_BEFORE = re.compile(
    r"\b(?:forming|yielding|resulting\s+in|producing|constructing|creating|curating|building|compiling)"
    r"\s+(?:the|an?|our)\s+(?:new\s+|novel\s+)?\Z"
    # data called new where it is used, whatever the verb: "Extensive experiments on CelebA-HQ,
    # FFHQ, and on a new E-Mask dataset demonstrate ..." (round 15: the paper's own data,
    # also evaluated on)
    r"|\b(?:[Aa]n?\s+(?:new|novel|newly\s+(?!" + _OTHERS_VERBS + r")[\w-]+)|[Oo]ur\s+(?:new|novel|newly\s+[\w-]+))\s+\Z")


def is_made_data(text: str, c) -> bool:
    """Whether a name no list knows, first used here, is data the paper's making yields
    (`_MADE_BEFORE`, then the name and its head noun)."""
    if not text.startswith(MADE_HEADS, c.end) or is_listed_name(c):
        return False
    if _MADE_BEFORE.search(text, max(0, c.start - 40), c.start) is None:
        return False
    name = text[c.start : c.end]
    return not _used_before(text, name, c.start) and is_proper_name(name) and not is_generic(c)


def _used_before(text: str, name: str, start: int) -> bool:
    """Whether the abstract uses `name` as a word before `start` (not inside "AIM-SciQA")."""
    at = text.find("\n\n") + 2
    while (at := text.find(name, at, start)) >= 0:
        if not (text[at - 1 : at].isalnum() or text[at - 1 : at] == "-"):
            return True
        at += 1
    return False


def _our_kind_before(text: str, start: int) -> bool:
    """Whether "our", three or four modifiers and a kind of made thing stand before `start`
    (`_OUR_KIND`), looked for as "ur " in C first."""
    far = start - 60 if start > 60 else 0
    return text.find("ur ", far, start) >= 0 and _OUR_KIND.search(text, far, start) is not None


_OTHERS_OPENER = re.compile(r"(?:Prior|Previous|Existing|Earlier|Recent|Traditional|Conventional)\b")
_NEW_IN_APPOSITION = re.compile(r"\b(?:new|novel|newly\s+(?!" + _OTHERS_VERBS + r"))\b")
# What a name is, said right after it: ", a resolution-enhanced model for ...".
_APPOSITION = re.compile(
    r",\s+an?\s+(?:[\w-]+\s+){0,4}?(?:" + "|".join(sorted(TYPE_NOUNS)) + r")\b")
_APPOSITION_PAST_PARENS = re.compile(
    r" \([^()]{1,40}\),\s+an?\s+(?:[\w-]+\s+){0,4}?(?:" + "|".join(sorted(TYPE_NOUNS)) + r")\b")


def is_defined_by_apposition(text: str, c, role: Role, sentence: str) -> bool:
    """Whether a name no list knows is defined by the apposition after it as a thing of a
    kind: with no cue before it ("We integrate these designs into CARVE, a
    resolution-enhanced model for ..."), or as a new one whatever the cue ("together with
    VisPhysQuant, a new benchmark dataset"). A known name so described ("BERT, a
    pretrained language model"), or one in a sentence about others' work ("Prior pipelines
    ... construct MathV360K, a multimodal instruction dataset"), is an existing thing."""
    if c.entity is not None and c.entity.origin != "discovered" or role is Role.COMPARES:
        return False
    if _OTHERS_OPENER.match(sentence):
        return False  # "Prior pipelines ... and then construct MathV360K, a multimodal ..."
    before = text[max(0, c.start - 40) : c.start].split()
    if before and _is_tail_of_a_longer_name(text, c.start, before[-1]):
        return False
    match = _APPOSITION.match(text, c.end)
    if match is None and text.startswith(" (", c.end):
        # a new thing's apposition past a parenthesis: "RAGTruth-Enhance (2,675 samples), a
        # newly re-annotated benchmark"; only when it says new, as a cue would
        match = _APPOSITION_PAST_PARENS.match(text, c.end)
        role = Role.USES
    if match is None or role is not _MENTIONS and _NEW_IN_APPOSITION.search(match.group()) is None:
        return False
    return is_proper_name(text[c.start : c.end])
