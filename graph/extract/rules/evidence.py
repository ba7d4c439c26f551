"""Corpus-level evidence: what each context says an entity is, and the verdict over all of them.

Within one abstract a name takes the type of the first cue that reaches it, and the
`Lexicon` then hands that type to every later abstract: "RVOS benchmark" in one paper
made RVOS a BENCHMARK in 29, though the papers that define it say "Referring Video Object
Segmentation (RVOS)". Here every stored mention is read again on its own, and votes:

- a definition "long form (NAME)" votes the type its long form's head gives
  (`type_of_long_form`), or, when the long form is lowercase and has no typed head
  ("line-of-sight (LOS)", "field programmable gate arrays (FPGAs)") or names a class of
  models ("World Action Models (WAMs)"), says it is a term; a capitalised long form with no
  typed head says it is a term when other papers write it in lowercase;
- a type noun right after the name ("NAME benchmark", "NAME model") or at the head of its
  apposition ("NAME, a frame-driven ... framework") votes that noun's type;
- any other lowercase word right after a lowercase phrase says the phrase modifies a noun
  ("remote sensing images", "poor recognition performance"): a field or a description;
- a name that qualifies a type noun ("four CD benchmarks", "a Lean 4 benchmark") or that is
  part of a longer name ("IEEE Transactions", "ACCIDENT@CVPR 2026"), or a name of capitalised
  words before a plural model noun ("Vision-Language-Action models": a class) votes against being a
  model, dataset or benchmark of its own (`name_use`).

`entity_verdict.decide_entity` weighs the votes (one per paper and kind, so one abstract
that repeats a name does not outvote others) and returns the type the corpus supports, or
that the name is not a name. Shapes that are never names whatever the context (ordinals,
sizes, adjective compounds, grading phrases) are in `junk_shapes`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from paperkg.graph.extract.rules.abbreviations import find_definitions, type_of_long_form
from paperkg.graph.extract.rules.cues import TYPE_NOUNS
from paperkg.graph.extract.rules.junk_shapes import is_junk_name
from paperkg.graph.extract.rules.listed_heads import listed_head_type
from paperkg.graph.extract.rules.name_use import (
    PART, QUALIFIER, apposition_type, called_type, introduced_type, name_use, noun_type)
from paperkg.graph.extract.rules.outside_types import names_outside
from paperkg.graph.records import EntityType
from paperkg.graph.speed import fast_entity_key

UNTYPED_DEFINITION = "untyped-definition"
NAMED_DEFINITION = "named-definition"
MODIFIER = "modifier"
CLASS = "class"
SOFTWARE = "software"
FRAGMENT = "fragment"

EVENT = "event"

# An event's edition before one of its tracks: "SemEval 2025 Task 2", "the IWSLT 2025
# low-resource track", "the NTIRE 2026 Nighttime Image Dehazing Challenge", "Task 5 of
# SemEval-2025". The track is the benchmark; the edition of the series (a name ending in its
# year), named before it, is an event. A shared task named by itself ("the WMT24 shared
# task"), a track's own name ("SemEval-2025 Task 9") and a dataset a challenge is named after
# ("the GOOSE 2D ... Challenge") are not read so. A track's number may follow a tie or a hyphen
# and its word be lowercase ("SemEval 2026 Task~12", "SemEval-2026 Task-1", "at SemEval-2026 task 7").
_EDITION = re.compile(r"(?:^|[\s-])(?:19|20)\d\d$")
_TRACK_AFTER = re.compile(
    r"^\s*[-:]?\s*(?:(?:[Tt]ask|[Tt]rack|[Ss]ubtask)[\s~-]*\d|(?:(?!(?:and|or|the|a|an|on|in|of|with|to|for|by|we|our|is|are|was|were)\s)"
    r"[\w&/+-]+\s+){1,6}?(?:Challenge|Competition|Track|track|Shared\s+Task|shared\s+task)\b)")
_TRACK_BEFORE = re.compile(r"\b(?:Task|Track|Subtask)\s*\d+[A-Za-z]?\s+(?:of|at)\s+(?:the\s+)?$")

# Software, as papers name it: a noun right after the name ("the LangChain library", "the
# spaCy toolkit"), or a plural class before a list the name is in ("frameworks such as
# LangChain, LangGraph", "libraries like NLTK and spaCy"). A library, toolkit or platform is
# what a system is built with, none of the six types. "framework" alone is not read: papers
# call their own methods frameworks ("the GRPO framework").
_SOFTWARE_NOUNS = frozenset("library libraries toolkit toolkits package packages software".split())
_SOFTWARE_LIST = re.compile(
    r"\b(?:frameworks|libraries|toolkits|packages|platforms|SDKs)\s*(?:\(|,?\s*(?:such\s+as|like|including|e\.g\.,?)\s+)"
    r"(?:[\w.+-]+(?:\s[\w.+-]+)?,?\s+(?:and\s+|or\s+)?){0,5}$")
# The plural class nouns `_SOFTWARE_LIST` starts with, looked for first in the 120 characters
# before a name: `re` skips to their first letters in C, where `_SOFTWARE_LIST`, led by `\b`,
# is tried at every position (9,543 names a 3,000-abstract pass reach it; 6 match).
_SOFTWARE_CLASS = re.compile(r"(?:framework|librarie|toolkit|package|platform|SDK)s")

# Everything up to a type noun, a clause break or 80 characters after "NAME, a/an/the", or
# after "NAME (its long form), a/an/the".
_APPOSITION = re.compile(r"^\s*(?:\([^()]*\))?\s*,\s+(?:a|an|the)\s+([^,;:.()]{0,80})")
_WORD = re.compile(r"[A-Za-z][\w-]*")
_NUMBER_NEXT = re.compile(r"^\s+(?:an?\s+|only\s+|up\s+to\s+)?[\d.]")
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)$")
def mention_evidence(sentence: str, name: str) -> str | EntityType | None:
    """What one sentence says the name in it is: a type, UNTYPED_DEFINITION, MODIFIER or None.

    Args:
        sentence: the sentence of a stored mention.
        name: the mention's text as it occurs in the sentence.
    """
    defined, found = definition_evidence(sentence, name)
    if defined:
        return found
    return undefined_evidence(sentence, name)


def undefined_evidence(sentence: str, name: str) -> str | EntityType | None:
    """`mention_evidence` of a name the sentence does not define (`definition_evidence`
    says False): for a caller that has asked that already."""
    at = sentence.find(name)
    if at < 0:
        return None
    right = sentence[at + len(name):]
    if is_fragment(sentence[:at], name, right) and _glued_everywhere(sentence, name, at):
        return FRAGMENT
    if at == 0 and _starts_sentence_in_lowercase(name):
        # "Deep research agents ...", "Graph foundation models ...": a lowercase phrase that starts
        # the sentence, before its head noun or its verb; the verb is no modifier's noun
        return None
    if name.islower():
        # No apposition is read after a lowercase phrase: ", the/an ..." after one is as often
        # a clause's subject or a list's next item ("direct image-to-image translation, the FAL
        # module decomposes ..."), and one such vote retyped "translation" (audit round 12).
        # After a phrase a type noun is what the phrase is about, not what it is:
        # "object detection models", "remote sensing benchmark".
        return MODIFIER if _modifies(right) else None
    if _after_software_list(sentence, at):
        return SOFTWARE
    if _EDITION.search(name) and (_TRACK_AFTER.match(right) or _TRACK_BEFORE.search(sentence, max(0, at - 40), at)):
        return EVENT
    use = name_use(sentence, at, name)
    if use is not None:
        return use
    called = called_type(sentence[max(0, at - 40):at])
    if called is not None:
        return called  # "a novel method called Dual LoRA"
    apposition = _APPOSITION.match(right)
    typed = apposition_type(apposition.group(1)) if apposition else None
    if typed is not None:
        return typed
    next_word = _WORD.match(right[1:]) if right[:1] == " " else None
    if next_word is None:
        return None
    word = next_word.group()
    if word in _SOFTWARE_NOUNS or word == "SDK":  # lowercase: "Agent Skill Libraries" is a title's
        return SOFTWARE
    if word in ("score", "scores") and _NUMBER_NEXT.match(right[1 + len(word):]):
        return None  # a verb: "Claude Sonnet 3.5 scores 90.5% on ChartQAPro"
    if word in TYPE_NOUNS and right[1 + len(word):2 + len(word)] != "-":
        if word in _PLURAL_MODEL_NOUNS and is_capitalised_words(name):
            return CLASS  # "Vision-Language-Action models", "Large Language Models": a class
        return TYPE_NOUNS[word]
    return None


def _after_software_list(sentence: str, at: int) -> bool:
    """`_SOFTWARE_LIST.search(sentence, max(0, at - 120), at)`: a match holds a class noun of
    `_SOFTWARE_CLASS` in the same characters, so it is searched only where one stands."""
    start = max(0, at - 120)
    return (_SOFTWARE_CLASS.search(sentence, start, at) is not None
            and _SOFTWARE_LIST.search(sentence, start, at) is not None)


# A name glued to more name characters is a piece of a longer name, not the name: "QuIP#",
# "Qwen3-1.7B" read as "Qwen3-1.7", "GLM-4.1V-Thinking", "7.2K QA pairs" read as "K QA",
# "Split&Splat", "Bind & Compose" (a title's name of two capitalised words); also a variant
# glued on ("Gemini2.5Pro", "YOLOv11m"), which names the variant. Not a plural ("WAMs"). A
# letter of any script: "Fr" of "Fréchet" is no name either; nor "AD" of "AD^2-Bench".
_GLUED_ON = re.compile(r"^(?:[#^]|(?!s\b)[^\W_])")
_GLUED_AMPERSAND = re.compile(r"^&[A-Z]")
_WORD_AMPERSAND = re.compile(r"^ & [A-Z][a-z]+\b")


def is_fragment(left: str, name: str, right: str) -> bool:
    """Whether the name, between `left` and `right` in its sentence, is part of a longer
    name glued to it (see above)."""
    return bool(_GLUED_ON.match(right) or left[-1:].isalnum() or _GLUED_AMPERSAND.match(right)
                or (is_capitalised_word(name) and _WORD_AMPERSAND.match(right)))


def _glued_everywhere(sentence: str, name: str, first: int) -> bool:
    """Whether every occurrence of the name after the first is a fragment too: "WinoMTeus
    adapts the WinoMT benchmark" names WinoMT, which the mention may be."""
    at = sentence.find(name, first + 1)
    while at >= 0:
        if not is_fragment(sentence[:at], name, sentence[at + len(name):]):
            return False
        at = sentence.find(name, at + 1)
    return True


def definition_evidence(sentence: str, name: str) -> tuple[bool, str | EntityType | None]:
    """Whether the sentence defines the name ("long form (NAME)"), and what that votes."""
    # Every definition is "long form (short form)": a sentence without "(" defines nothing.
    definitions = _definitions_in(sentence) if "(" in sentence else ()
    if not definitions:  # most sentences define nothing: no need to fold the name
        return False, None
    # A span "Cycle-Consistent Search (CCS)" keys as its long form; the expression needs a ")"
    # (29 of the 4,673 names that reach here on 3,000 abstracts: 1.9 ms by `sub`, 0.3 ms so).
    key = _cached_key(_TRAILING_PAREN.sub("", name) if ")" in name else name)
    for index, definition in enumerate(definitions):
        if key in (_cached_key(definition.short), _cached_key(definition.long)):
            return True, _definition_vote(sentence, index)
    return False, None


@lru_cache(maxsize=256)
def _definition_vote(sentence: str, index: int) -> str | EntityType:
    """What the sentence's definition number `index` (`_definitions_in`) votes for the name
    it defines: a pure function of the two, remembered, as a sentence's long form and short
    form are mentions alike ("Long Form (LF)": 1,794 definitions for the 3,552 defined names
    the votes read on the first 3,000 abstracts). A paper's votes are read together, so a
    few hundred entries keep its definitions."""
    definition = _definitions_in(sentence)[index]
    if names_outside(definition.long):  # "Low Earth Orbit (LEO)", "Visual Geometry Group (VGG)"
        return UNTYPED_DEFINITION
    if _process_after(sentence, definition.short_end):
        return EntityType.METHOD  # "Action-Conditioned Consistency (ACC) post-training"
    if _DOCUMENT_AFTER.match(sentence, definition.short_end):
        return UNTYPED_DEFINITION  # "This Systematization of Knowledge (SoK) paper": a kind of paper
    found = long_form_type(definition.long)
    if found in (EntityType.METHOD, EntityType.TASK):
        # a kind of a listed method or task: "Cross-domain few-shot learning (CD-FSL)"
        # is a task, "Multimodal Retrieval-Augmented Generation (MMRAG)" a method
        found = listed_head_type(definition.long) or found
    if found is EntityType.MODEL and _names_a_class(definition.short, _sentence_case(sentence, definition)):
        return UNTYPED_DEFINITION
    if found in (EntityType.TASK, EntityType.METRIC) and _component_after(sentence, definition.short_end):
        return EntityType.METHOD  # "Category-aware Semantic Alignment (CSA) module"
    if found is EntityType.TASK and _proposed(sentence, definition):
        return EntityType.METHOD  # "we propose Generation-Enhanced Alignment (GEA)"
    if found is not None:
        return found
    # A lowercase long form with no typed head is a term; a capitalised one may
    # still be a name ("Adjacent Possible Exploration (APE)"), unless other papers
    # write the same acronym's long form in lowercase (`decide_entity`); a type noun
    # after it types it ("Bi-Directional Text Fusion (BiT) module").
    if _is_term(_sentence_case(sentence, definition)):
        return UNTYPED_DEFINITION
    after = _noun_after(sentence, definition.short_end)
    if after is EntityType.MODEL and _plural_after(sentence, definition.short_end):
        return UNTYPED_DEFINITION  # "Vision-Language-Action (VLA) models": a class
    return after or NAMED_DEFINITION


# A sentence's definitions are compared with every name the sentence holds: their keys are
# kept, as are the names' (which recur). `fast_entity_key` is `entity_key`, faster.
_cached_key = lru_cache(maxsize=65536)(fast_entity_key)


def _noun_after(sentence: str, end: int) -> EntityType | None:
    """The type of a type noun right after a definition's closing parenthesis, if any."""
    after = _AFTER_PAREN.match(sentence, end)
    return noun_type(after.group(1)) if after and after.group(1).islower() else None


_AFTER_PAREN = re.compile(r"\)\s+([A-Za-z]+)")
# Model nouns in the plural: after a name of capitalised words they name a class of models.
_PLURAL_MODEL_NOUNS = frozenset("models networks transformers encoders decoders classifiers llms lms agents".split())


def _plural_after(sentence: str, end: int) -> bool:
    after = _AFTER_PAREN.match(sentence, end)
    return bool(after) and after.group(1) in _PLURAL_MODEL_NOUNS
# Nouns of a part of a system: a definition they follow names that part, whatever task its
# long form's head names ("Discriminative Feature Enhancement (DFE) mechanism").
_COMPONENT_NOUNS = frozenset("module modules mechanism strategy block layer unit component scheme procedure loss branch".split())


def _component_after(sentence: str, end: int) -> bool:
    after = _AFTER_PAREN.match(sentence, end)
    return bool(after) and after.group(1) in _COMPONENT_NOUNS


# A process right after a definition: the defined thing is what it does ("PageRank (PR)
# re-ranking", "Action-Conditioned Consistency (ACC) post-training"): a method. Not all of
# `artifact_shapes.has_process_head`'s heads: after a definition "tuning" and "quantization"
# take it as their object ("hyperparameter (HP) tuning", "integer (INT) quantization"); on
# 10,000 abstracts sharing that list changed 3 definitions, 2 of them wrongly.
_PROCESS_AFTER = re.compile(
    r"\)\s+(?:fusion|re-?ranking|(?:pre-?|post-?|co-)?training|fine-?tuning|distillation|pruning|decoding)\b")


# A kind of publication after a definition: "This Systematization of Knowledge (SoK) paper".
_DOCUMENT_AFTER = re.compile(r"\)\s+(?:paper|papers|survey|surveys)\b")  # not "articles": "New York Times (NYT) articles" are data


def _process_after(sentence: str, end: int) -> bool:
    return bool(_PROCESS_AFTER.match(sentence, end))


# A paper's own contribution: a task is a problem others share, named by its field; what a
# paper proposes under a task's head word is its technique, unless it calls it a task.
_PROPOSES = re.compile(
    r"(?:\b[Ww]e\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design|devise)|"
    r"\b(?:paper|work|study)\s+(?:proposes|introduces|presents))\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:novel\s+|new\s+)?$")
_CALLED_A_TASK = re.compile(r"\b(?:task|tasks|problem|setting|challenge|benchmark|paradigm)\b")


def _proposed(sentence: str, definition) -> bool:
    """Whether the sentence proposes the defined thing ("We propose the Generation-Enhanced
    Alignment (GEA)") and does not call it a task or problem in the words after it."""
    return bool(_PROPOSES.search(sentence, 0, definition.long_start)) and not _CALLED_A_TASK.search(
        sentence[definition.short_end:definition.short_end + 60])


def _names_a_class(short: str, long: str) -> bool:
    """A plural definition names a class of models, not one: "World Action Models (WAMs)",
    "world-action models (WAM)" (not "Nano Bio-Agents (NBA)", a title's one system)."""
    head = long.split()[-1] if long.split() else ""
    plural_head = head.endswith("s") and not head.endswith("ss")
    return (short.endswith("s") and short[-2:-1].isupper()) or (plural_head and long == long.lower())


def paper_reading(sentence: str, name: str) -> tuple[str | EntityType | None, str | None]:
    """What a paper says the name is where it defines or introduces it, and the long form
    it defines, if any: ("ATOMIC (Autonomous Technology for ...), an end-to-end framework")
    -> (METHOD, "Autonomous Technology for ..."). The type is None where the sentence
    neither types the name nor calls it a term."""
    long = defined_long_form(sentence, name)
    defined, found = definition_evidence(sentence, name)
    if isinstance(found, EntityType) or found == UNTYPED_DEFINITION:
        return found, long
    return own_type(sentence, name), long


def own_type(sentence: str, name: str) -> EntityType | None:
    """The type a paper gives a name it introduces as its own: "we introduce NAME, a ...
    framework" (`introduced_type`); a title "NAME: A Multi-Agent ... Reasoning Engine for
    ..." whose apposition's head is a type noun; a long form the paper develops with the
    name in parentheses and an apposition after them ("we developed Temporal Rectal
    Endoscopy Cross-attention (TREX), a longitudinal deep learning approach")."""
    found = introduced_type(sentence, name)
    if found is not None:
        return found
    if sentence.startswith(name):
        title = _TITLE_APPOSITION.match(sentence, len(name))
        return noun_type(title.group(1).lower()) if title else None
    at = sentence.find(name)
    if at > 0 and sentence[at - 1] == "(" and _DEVELOPED.search(sentence, 0, at):
        apposition = _AFTER_PARENTHESES.match(sentence, at + len(name))
        if apposition:
            return apposition_type(apposition.group(1))
    return None


# "NAME: A/An/The <words> HEAD" up to a preposition or clause break: the head types the
# name ("MARBLE: A Multi-Agent Rule-Based LLM Reasoning Engine for Accident Severity Prediction").
_TITLE_APPOSITION = re.compile(
    r":\s+(?:A|An|The)\s+(?:[\w-]+\s+){0,8}?([A-Za-z]+)(?=\s+(?:for|of|with|via|in|on|to|from|by|and|that|towards?)\b|\s*[:;,.()]|\s*$)")
_DEVELOPED = re.compile(
    r"\b[Ww]e\s+(?:\w+ly\s+)?(?:introduce|propose|present|develop|design|build|construct|create)(?:d|ed)?\b")
_AFTER_PARENTHESES = re.compile(r"\)\s*,\s+(?:a|an|the)\s+([^,;:.()]{0,80})")


def gives_reading(sentence: str, name: str) -> bool:
    """Whether `paper_reading` finds anything (a type, a term or a long form), without
    weighing a definition: a definition of the name is a long form whatever its vote, so
    only `own_type` is left to ask of the others. The extraction workers mark every
    mention that may give a reading (`mention_readings.reads_of`): `definition_evidence`
    twice over was most of that (tests/test_mention_readings.py checks both agree)."""
    return defined_long_form(sentence, name) is not None or own_type(sentence, name) is not None


def defined_long_form(sentence: str, name: str) -> str | None:
    """The long form of the sentence's definition of the name, by either of its forms
    ("Autonomous Technology for ... (ATOMIC)" for ATOMIC), if the sentence defines it."""
    if "(" not in sentence:  # a definition is "long form (short form)": `definition_evidence`'s test
        return None
    key = _cached_key(_TRAILING_PAREN.sub("", name))
    return next((d.long for d in _definitions_in(sentence) if key in (_cached_key(d.short), _cached_key(d.long))),
                None)


@lru_cache(maxsize=65536)
def _definitions_in(sentence: str) -> tuple:
    """`find_definitions`, remembered: the corpus step asks it of one sentence for every
    entity the sentence names, and again for short acronyms (a third of its time at 75k)."""
    return tuple(find_definitions(sentence))


# Heads that `type_of_long_form` does not know, for the corpus step only: task nouns
# ("blind image quality assessment (BIQA)") and method nouns ("Dataset Policy Gradient").
_MORE_TASK_HEADS = ("assessment", "identification", "restoration", "editing", "verification",
                    "planning", "navigation", "enhancement")
_MORE_METHOD_HEADS = ("gradient", "gradients")


def long_form_type(long: str) -> EntityType | None:
    """The type a long form's head gives: `type_of_long_form`, then the last part of a
    hyphenated head ("Nano Bio-Agents" -> MODEL), then the heads above."""
    found = type_of_long_form(long) or type_of_long_form(long.replace("-", " "))
    if found is not None:
        return found
    head = long.split()[-1].lower() if long.split() else ""
    if head.endswith(_MORE_TASK_HEADS):
        return EntityType.TASK
    return EntityType.METHOD if head.endswith(_MORE_METHOD_HEADS) else None


def _modifies(right: str) -> bool:
    next_word = _WORD.match(right[1:]) if right[:1] == " " else None
    if next_word is None or not next_word.group().islower():
        return False
    word = next_word.group()
    # "image restoration methods/tasks" is a thing that has methods: not a modifier use.
    return word not in _FUNCTION_WORDS and word not in TYPE_NOUNS and word not in _TASK_NOUNS


_TASK_NOUNS = frozenset("task tasks problem problems challenge challenges setting settings".split())

# Words that may follow a name without the name modifying them ("X and Y", "X on Z").
_FUNCTION_WORDS = frozenset(
    """a an the and or but nor of on in at to for from by with without via as than into onto
    over under between across through within is are was were be been being has have had do does
    did can could may might must shall should will would that which who whom whose where when
    while whereas if then thus hence so yet also not only both either neither each every such
    its their our his her this these those it they we using based toward towards against among
    per beyond versus vs""".split()
)


def _sentence_case(sentence: str, definition) -> str:
    """The long form as it reads inside a sentence: a capital that only starts the sentence
    ("Shared decision-making (SDM) is ...") is no sign of a name."""
    long = definition.long
    first = long.split(" ", 1)[0]
    if sentence[:definition.long_start].strip() or not first[:1].isupper() or not first[1:].islower():
        return long
    return long[:1].lower() + long[1:]


def _starts_sentence_in_lowercase(name: str) -> bool:
    """Words that only the start of a sentence capitalises ("Cognitive diagnosis models ...",
    "Graph foundation models ..."): a lowercase phrase, read as one."""
    first, _, rest = name.partition(" ")
    return bool(rest) and first[1:].islower() and rest.islower() and first[:1].isupper()


def _is_term(long: str) -> bool:
    return all(w.islower() for w in _WORD.findall(long))


def is_capitalised_word(name: str) -> bool:
    """One word of letters, capitalised and otherwise lowercase ("Student", not "BERT")."""
    return name.isalpha() and len(name) >= 4 and name[0].isupper() and name[1:].islower()


def is_capitalised_words(name: str) -> bool:
    words = name.replace("-", " ").split()
    return len(words) > 1 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)


def is_phrase(name: str) -> bool:
    """Words of letters in any case, whose own head word gives no type ("remote sensing",
    "Structured Output"; not "object detection", not "RewardBench")."""
    words = name.replace("-", " ").split()
    return (len(words) > 1 and all(w.isalpha() and (w.islower() or w[1:].islower()) for w in words)
            and long_form_type(name.lower()) is None)


_SHORT_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,5}s?$")


def is_short_acronym(name: str) -> bool:
    """A short form that papers define anew ("CD", "MDM", "ACL"s)."""
    return bool(_SHORT_ACRONYM.match(name)) and sum(c.isupper() for c in name) >= 2
