"""What a paper introduces, decided over the whole paper rather than one window at a time.

`roles.py` gives each mention the role of the nearest cue before it, and "we propose ..."
or "our ..." up to 90 characters back made INTRODUCES of every name in reach: the generic
concepts a contribution is about ("we propose a novel form of self-attention that turns
Transformers into ...", "our biological reservoir computing system") and the parts of a
longer name ("IG-CAM (Instance-Guided Class Activation Mapping)"). A paper introduces
names it coins, so here:

- a window's INTRODUCES stands only for the first name after its cue (and the names
  listed with it, or named as its parts: "FuseRL, a framework comprising FuseSFT and FusePO",
  "SlideCoder integrates a Color Gradient-based Segmentation algorithm"), a name in the proper sense (a capital or a digit, not a stop word, not
  a concept the gazetteer lists in lower case such as "feed-forward network"), not the
  object of a preposition ("a variant of Q-learning") and not the tail of a longer
  capitalised name, nor a modifier of the noun another name is given to ("a DPM sampler
  called DC-Solver");
- it is given where the paper says it in other ways: "X is introduced", "the proposed X",
  "our trained model, X", and a coined acronym: a Title-Case long form that no list knows,
  ending in a component noun ("a Semantic Fusion Block (SFB)"; Schwartz & Hearst
  definitions, see `abbreviations.py`).

`carry_list_roles` then carries EVALUATES_ON down a list of data past the 90 characters
a cue reaches ("experiments on CIFAR-10, CIFAR-100, ..., and Caltech-101").

The title ("MUSE: ...") and the context rules of `context_names.py` ("we propose X", "called X")
and `coined_names.py` set their INTRODUCES on the candidate, and those stand as they are; a
title's opening name keeps INTRODUCES when another rule's candidate won its span.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.cues import GENERAL_PHRASES, TYPE_NOUNS, is_stop_name
from paperkg.graph.records import EntityType, Role
from paperkg.graph.speed import mention_of

_INTRODUCES, _MENTIONS, _EVALUATES_ON = Role.INTRODUCES, Role.MENTIONS, Role.EVALUATES_ON
_DATA = frozenset({EntityType.DATASET, EntityType.BENCHMARK})
_TITLE_BREAK = "\n\n"  # between the title and the abstract in the text a paper is read as
# What joins two items of a list, perhaps past a result in parentheses: "FUNSD (0.79), CORD".
_LIST_JOIN = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:\s*,\s*(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+)")
# A name after one of these is what a contribution acts on or is for, not the contribution.
_PREPOSITIONS = frozenset(
    "of for to by with in on from into via between over than about through across within "
    "against under among toward towards upon beyond using including".split()
)
# What may stand between two names that one cue introduces together ("X and Y", "X, Y").
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
# The noun of a component between its name and the passive: "a Spatial Prior Injection
# module is introduced", "the Dynamic Tree Scan (DTS) block is designed".
_PASSIVE_NOUNS = ("module", "modules", "block", "blocks", "layer", "layers", "mechanism", "component",
                  "components", "unit", "branch", "head", "strategy", "scheme", "loss")
_PASSIVE = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s+(?:" + "|".join(_PASSIVE_NOUNS) + r"))?\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    r"(?:introduced|proposed|presented|developed|designed|released)\b"
)
_PASSIVE_STARTS = (" is ", " are ", " was ", " were ", " (", *(f" {noun} " for noun in _PASSIVE_NOUNS))
_ABBREVIATIONS = "kg_abbreviations"
# Components whose candidates may be a definition "Long Form (LF)": `term_phrases.py` gives
# a defined metric as one mention, "Subagent-Management Score (SMS)".
_DEFINERS = ("kg_abbreviations", "kg_phrases")
_PROPOSED = re.compile(r"\b(?:[Tt]he|[Oo]ur)\s+(?:newly\s+)?proposed\s+$")
# A name that modifies the noun phrase after it ("the proposed FOG prediction framework").
_MODIFIES_NOUN = re.compile(r" [a-z]+ (?:" + "|".join(sorted(TYPE_NOUNS)) + r")\b")
# A name that modifies the noun a later name is given to: "a new fast DPM sampler called DC-Solver".
_NAMED_AFTER = re.compile(r"(?: [a-z][\w-]*){1,3},? (?:called|named|dubbed|termed)\b")
# The parts of what was just introduced: "we propose FuseRL, a framework comprising FuseSFT".
_PARTS_OF = re.compile(r"\b(?:comprising|consisting of|composed of|made up of)\s+\Z")
# A sentence saying what an introduced thing is made of: "SlideCoder integrates a X and a Y".
_PARTS_SENTENCE = re.compile(
    r"(?:[A-Z]\w+, )?(\S+) (?:integrates|incorporates|comprises|consists of|combines|contains|"
    r"features|includes|introduces|employs)\b"
)
# A name that modifies a compound adjective: "our LSTM-based memory encoder".
_BASED_ON_NAME = re.compile(r"-(?:based|style|like|inspired|driven|guided|powered|initiali[sz]ed)\b")
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
# The head nouns of a coined component's long form ("... Fusion Block", "... Data Pipeline").
_COMPONENT_HEADS = frozenset(
    """network networks net model models module modules block blocks layer layers pipeline
    framework adaptor adapter mechanism encoder decoder head branch transformer
    attention loss strategy algorithm architecture system agent engine generator
    estimator score metric index""".split()
)
_COINED_TYPES = frozenset({EntityType.MODEL, EntityType.METHOD, EntityType.METRIC})


def settle_introductions(text: str, pairs: list) -> list:
    """The (mention, candidate) pairs of one paper with INTRODUCES where the paper coins a name.

    Args:
        text: the paper's text ("title\\n\\nabstract"), which candidates' offsets point into.
        pairs: (Mention, Candidate) in text order, roles as `assign_role` or a rule set them.

    Returns:
        `pairs` itself, a mention replaced where its role changes (few papers have any).
    """
    last_intro = None  # the last introduced mention: its end, sentence and whether it stood
    introduced: set[str] = set()  # the names introduced so far, folded
    sentence, parts_from = None, -1  # where the current sentence lists an introduced name's parts
    for i, (mention, c) in enumerate(pairs):
        start = c.start
        if mention.sentence is not sentence:
            sentence = mention.sentence
            parts_from = _parts_start(text, start, sentence, introduced) if introduced else -1
        if mention.role is _INTRODUCES:
            joined = last_intro is not None and last_intro[1] == mention.sentence and bool(
                _JOINED.fullmatch(text, last_intro[0], start))
            kept = True
            if c.role is None:  # a window's cue, not a rule that read the words next to it
                first = last_intro is None or last_intro[1] != mention.sentence or joined or (
                    last_intro[2] and _PARTS_OF.search(text, last_intro[0], start) is not None)
                kept = (first or _after_our(text, start)) and _is_coined_here(text, c)
                kept = kept and (not joined or last_intro[2]) or _defines_last_intro(
                    text, c, last_intro, mention.sentence)
                if not kept:  # the cue's reach was wrong; its own apposition may still define it
                    kept = text.startswith(", a", c.end) and _is_defined_by_apposition(
                        text, c, _MENTIONS, mention.sentence)
                    if not kept:
                        pairs[i] = (_with_role(mention, _MENTIONS), c)
            last_intro = (c.end, mention.sentence, kept)
            if kept:
                introduced.add(text[start : c.end].casefold())
            continue
        if 0 <= parts_from <= start and _is_coined_part(text, c):
            pairs[i] = (_with_role(mention, _INTRODUCES), c)
            continue
        # The words that could introduce a mention, looked for in C first: most have none.
        near = start - 40 if start > 40 else 0
        if text.startswith(", a", c.end) and _is_defined_by_apposition(text, c, mention.role, mention.sentence):
            pairs[i] = (_with_role(mention, _INTRODUCES), c)
            last_intro = (c.end, mention.sentence, True)
            introduced.add(text[start : c.end].casefold())
            continue
        if c.component in _DEFINERS or text.startswith(_PASSIVE_STARTS, c.end) or text.find(
                "proposed", near, start) >= 0 or text.find("ur ", near, start) >= 0 or text.find(
                "new", near, start) >= 0 or text.find("novel", near, start) >= 0:
            if _is_introduced_otherwise(text, c) or _defines_last_intro(text, c, last_intro, mention.sentence):
                pairs[i] = (_with_role(mention, _INTRODUCES), c)
                last_intro = (c.end, mention.sentence, True)
                introduced.add(text[start : c.end].casefold())
    if pairs and pairs[0][0].role is not _INTRODUCES:
        _introduce_title_head(text, pairs)
    return pairs


def _introduce_title_head(text: str, pairs: list) -> None:
    """INTRODUCES for the name a title opens with before its colon ("YOLO-ROC: A
    High-Precision ..."), when another rule's candidate of the same span (a short form's
    use, say) won over the title rule's and left it another role. A name the curated lists
    know is an existing thing ("BERT: ..."), and keeps its role."""
    mention, c = pairs[0]
    if c.start != 0 or text[c.end : c.end + 1] != ":" or " " in text[: c.end]:
        return
    if c.entity is not None and c.entity.origin != "discovered" or not is_proper_name(text[: c.end]):
        return
    pairs[0] = (_with_role(mention, _INTRODUCES), c)


def _parts_start(text: str, start: int, sentence: str, introduced: set[str]) -> int:
    """Where the parts begin in a sentence that says what an introduced name is made of
    ("SlideCoder integrates a ... algorithm and a ... method"), or -1."""
    match = _PARTS_SENTENCE.match(sentence)
    if match is None or match.group(1).casefold() not in introduced:
        return -1
    at = text.rfind(sentence, 0, start + len(sentence))
    return at + match.end() if at >= 0 else -1


def _is_coined_part(text: str, c) -> bool:
    """A part named like a coinage: Title Case, several words or name-shaped, in no list."""
    name = text[c.start : c.end]
    return ((c.entity is None or c.entity.origin != "gazetteer") and is_proper_name(name)
            and " " in name and _is_title_case(name) and not _ends_in_general_phrase(name))


def _ends_in_general_phrase(name: str) -> bool:
    """Whether a name is a kind of a general concept: "an extended Continuous Time Markov
    Decision Process" is a Markov decision process, not a part the paper coins."""
    folded = " ".join(name.lower().split())
    return any(folded == phrase or folded.endswith(" " + phrase) for phrase in GENERAL_PHRASES)


def _defines_last_intro(text: str, c, last_intro, sentence: str) -> bool:
    """Whether `c` is the short form defined right after the name just introduced, which the
    rules may have cut short: "called Semantic Relations-based Unsupervised Framing
    Analysis (SUFA)", where "Analysis" was left out of the name."""
    if last_intro is None or not last_intro[2] or last_intro[1] != sentence:
        return False
    if c.component != "kg_abbreviations" or text[c.start - 1 : c.start] != "(":
        return False
    between = text[last_intro[0] : c.start - 1]
    return len(between) < 25 and len(between.split()) <= 2 and not any(p in between for p in ",;()")


def is_proper_name(name: str) -> bool:
    """Whether a name is a name in the proper sense: a capital or a digit, not a stop word."""
    return any(ch.isupper() or ch.isdigit() for ch in name) and not is_stop_name(name)


def _is_generic(c) -> bool:
    """A concept the lists know in lower case ("feed-forward network", "Q-learning" is not)."""
    entity = c.entity
    return entity is not None and entity.origin == "gazetteer" and entity.name == entity.name.lower()


def _after_our(text: str, start: int) -> bool:
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
    return not short.isupper() or _is_title_case(long) or c.entity is None and _HEADS_ITS_PHRASE.match(
        text, c.end) is not None


# A definition that is the whole noun phrase, no modifier of a noun after it: "we propose
# verifiable process supervision (VPS), a post-training framework", not "our biological
# reservoir computing (BRC) system" (a kind of system, named by what it is about) nor "a
# novel inverse synthetic aperture radar (ISAR) imaging method".
_HEADS_ITS_PHRASE = re.compile(r"\s*\([^()]{1,20}\)(?:\s*[,.;:]|\s+(?:that|which|to|for|as|with|and|is|was)\b)")


# Words Title Case leaves in lower case: "Unified Pansharpening Model with Thin Cloud Removal".
_TITLE_LOWER = frozenset("with from into onto over under upon via".split())


def _is_title_case(phrase: str) -> bool:
    """Whether every word of a phrase longer than three letters, but the prepositions
    Title Case leaves in lower case, starts with a capital."""
    return all(w[:1].isupper() for w in phrase.split() if len(w) > 3 and w not in _TITLE_LOWER)


def _is_coined_here(text: str, c) -> bool:
    """Whether a window-introduced mention can be what the paper introduces."""
    if not _names_a_thing(text, c) or _is_generic(c):
        return False
    if _BASED_ON_NAME.match(text, c.end):
        return False  # "our BERT-based classifier": what the contribution is built on
    if _MODIFIES_PLURAL.match(text, c.end):
        return False  # "balancing learnable and ETF classifiers": a kind of the things acted on
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


def _is_introduced_otherwise(text: str, c) -> bool:
    """"X is introduced", "the proposed X", "our model, X", or a coined acronym's definition.

    The words around the mention are read first: most mentions have none of these, and
    the name tests cost more than a look at the text.
    """
    end = c.end
    said = text.startswith(_PASSIVE_STARTS, end) and _PASSIVE.match(text, end) is not None
    if not said:
        left = text[c.start - 40 if c.start > 40 else 0 : c.start]
        said = ("proposed" in left and _PROPOSED.search(left) is not None
                and not _MODIFIES_NOUN.match(text, end)
                or "ur " in left and _OUR_NOUN.search(left) is not None
                or ("new" in left or "novel" in left) and _NEW_NOUN.search(left) is not None
                or c.component in _DEFINERS and _is_coined_acronym(text, c))
    if not said:
        return False
    forms = c.aliases or (text[c.start : end],)
    return any(is_proper_name(form) for form in forms) and not _is_generic(c)


_OTHERS_OPENER = re.compile(r"(?:Prior|Previous|Existing|Earlier|Recent|Traditional|Conventional)\b")
_NEW_IN_APPOSITION = re.compile(r"\b(?:new|novel)\b")
# What a name is, said right after it: ", a resolution-enhanced model for ...".
_APPOSITION = re.compile(
    r",\s+an?\s+(?:[\w-]+\s+){0,4}?(?:" + "|".join(sorted(TYPE_NOUNS)) + r")\b")


def _is_defined_by_apposition(text: str, c, role: Role, sentence: str) -> bool:
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
    if match is None or role is not _MENTIONS and _NEW_IN_APPOSITION.search(match.group()) is None:
        return False
    return is_proper_name(text[c.start : c.end])


def _is_coined_acronym(text: str, c) -> bool:
    """A definition "Long Form (LF)" whose long form no list knows, in Title Case, ending
    in a component noun: "a Semantic Fusion Block (SFB)", not "Markov Random Field (MRF)"."""
    if c.entity is not None or c.type not in _COINED_TYPES or len(c.aliases) != 2:
        return False
    long = c.aliases[0]
    if not text.startswith(long, c.start):
        return False  # a later use of the short form: its definition speaks for it
    words = long.split()
    if len(words) < 2 or words[-1].split("-")[-1].lower() not in _COMPONENT_HEADS:
        return False
    # "Recent work on Code World Models (CWMs) demonstrates ...": another paper's coinage.
    return _is_title_case(long) and _OTHERS_WORK.search(text, max(0, c.start - 60), c.start) is None


_OTHERS_WORK = re.compile(
    r"\b(?:[Rr]ecent|[Pp]rior|[Pp]revious|[Ee]xisting|[Ee]arlier)\s+(?:work|works|studies|research|"
    r"methods|approaches|advances)\b[^.;]*\Z")


def carry_list_roles(text: str, pairs: list) -> list:
    """The (mention, candidate) pairs with EVALUATES_ON carried down a list of data.

    A cue reaches 90 characters back (`roles.WINDOW`), so the last names of a long list
    ("experiments on CIFAR-10, CIFAR-100, ..., EuroSAT, and Caltech-101") had no cue in
    reach; a dataset or benchmark with no role that a list joins to the one before it,
    evaluated on, in the same sentence, is evaluated on as well.

    A title reports no experiments: its "on" says what a paper is about ("... Low-level
    Information on Generalizable AI-Generated Image Detection", "... Learning on RISC-V-based
    Ultra-Low-Power SoC"), and Title Case makes names of its words; data a paper evaluates
    on is evaluated on in its abstract, so a title's EVALUATES_ON is taken back.

    Args:
        text: the paper's text, which candidates' offsets point into.
        pairs: (Mention, Candidate) in text order, roles as `settle_introductions` left them.

    Returns:
        `pairs` itself, a mention replaced where its role changes.
    """
    title_end = text.find(_TITLE_BREAK)
    last = None  # the last mention: its end, its sentence and whether it was data evaluated on
    for i, (mention, c) in enumerate(pairs):
        evaluated = mention.role is _EVALUATES_ON
        if evaluated and c.end <= title_end:  # "... Low-level Information on Generalizable ..."
            pairs[i] = (_with_role(mention, _MENTIONS), c)
            evaluated = False
        if (not evaluated and last is not None and last[2] and mention.role is _MENTIONS
                and c.type in _DATA and last[1] is mention.sentence
                and _LIST_JOIN.fullmatch(text, last[0], c.start) is not None):
            pairs[i] = (_with_role(mention, _EVALUATES_ON), c)
            evaluated = True
        last = (c.end, mention.sentence, evaluated and c.type in _DATA)
    return pairs


def _with_role(mention, role: Role):
    """The same mention with another role."""
    m = mention
    return mention_of(m.paper_id, m.field, m.start, m.end, m.text, m.sentence, m.type, m.entity_id,
                      m.confidence, m.component, role, m.phrase_start, m.phrase_end)
