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

`decide_entity` weighs the votes (one per paper and kind, so one abstract that repeats a
name does not outvote others) and returns the type the corpus supports, or that the name is
not a name. Shapes that are never names whatever the context (ordinals, sizes, adjective
compounds, grading phrases) are in `junk_shapes`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from paperkg.graph.extract.rules.abbreviations import find_definitions, type_of_long_form
from paperkg.graph.extract.rules.artifact_shapes import is_class_plural, model_by_shape
from paperkg.graph.extract.rules.cues import TYPE_NOUNS
from paperkg.graph.extract.rules.junk_shapes import is_bare_shape, is_class_phrase, is_junk_name, is_manner_phrase
from paperkg.graph.extract.rules.name_use import PART, QUALIFIER, introduced_type, name_use, noun_type
from paperkg.graph.extract.rules.outside_types import names_outside, outside_kind
from paperkg.graph.records import EntityType, entity_key

UNTYPED_DEFINITION = "untyped-definition"
NAMED_DEFINITION = "named-definition"
MODIFIER = "modifier"
CLASS = "class"

# Everything up to a type noun, a clause break or 80 characters after "NAME, a/an/the".
_APPOSITION = re.compile(r"^\s*,\s+(?:a|an|the)\s+([^,;:.()]{0,80})")
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
    at = sentence.find(name)
    if at < 0:
        return None
    right = sentence[at + len(name):]
    if name.islower():
        # After a phrase a type noun is what the phrase is about, not what it is:
        # "object detection models", "remote sensing benchmark".
        return MODIFIER if _modifies(right) else None
    use = name_use(sentence, at, name)
    if use is not None:
        return use
    apposition = _APPOSITION.match(right)
    if apposition:
        for word in _WORD.findall(apposition.group(1)):
            if word.islower() and noun_type(word):
                return noun_type(word)
    next_word = _WORD.match(right[1:]) if right[:1] == " " else None
    if next_word is None:
        return None
    word = next_word.group()
    if word in ("score", "scores") and _NUMBER_NEXT.match(right[1 + len(word):]):
        return None  # a verb: "Claude Sonnet 3.5 scores 90.5% on ChartQAPro"
    if word in TYPE_NOUNS and right[1 + len(word):2 + len(word)] != "-":
        if word in _PLURAL_MODEL_NOUNS and is_capitalised_words(name):
            return CLASS  # "Vision-Language-Action models", "Large Language Models": a class
        return TYPE_NOUNS[word]
    return None


def definition_evidence(sentence: str, name: str) -> tuple[bool, str | EntityType | None]:
    """Whether the sentence defines the name ("long form (NAME)"), and what that votes."""
    # Every definition is "long form (short form)": a sentence without "(" defines nothing.
    definitions = _definitions_in(sentence) if "(" in sentence else ()
    if not definitions:  # most sentences define nothing: no need to fold the name
        return False, None
    key = entity_key(_TRAILING_PAREN.sub("", name))  # a span "Cycle-Consistent Search (CCS)"
    for definition in definitions:
        if key in (_cached_key(definition.short), _cached_key(definition.long)):
            if names_outside(definition.long):  # "Low Earth Orbit (LEO)", "Visual Geometry Group (VGG)"
                return True, UNTYPED_DEFINITION
            found = long_form_type(definition.long)
            if found is EntityType.MODEL and _names_a_class(definition.short, definition.long):
                return True, UNTYPED_DEFINITION
            if found in (EntityType.TASK, EntityType.METRIC) and _component_after(sentence, definition.short_end):
                return True, EntityType.METHOD  # "Category-aware Semantic Alignment (CSA) module"
            if found is not None:
                return True, found
            # A lowercase long form with no typed head is a term; a capitalised one may
            # still be a name ("Adjacent Possible Exploration (APE)"), unless other papers
            # write the same acronym's long form in lowercase (`decide_entity`); a type noun
            # after it types it ("Bi-Directional Text Fusion (BiT) module").
            if _is_term(_sentence_case(sentence, definition)):
                return True, UNTYPED_DEFINITION
            after = _noun_after(sentence, definition.short_end)
            if after is EntityType.MODEL and _plural_after(sentence, definition.short_end):
                return True, UNTYPED_DEFINITION  # "Vision-Language-Action (VLA) models": a class
            return True, after or NAMED_DEFINITION
    return False, None


# A sentence's definitions are compared with every name the sentence holds: their keys are kept.
_cached_key = lru_cache(maxsize=65536)(entity_key)


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
    key = entity_key(_TRAILING_PAREN.sub("", name))
    long = next((d.long for d in _definitions_in(sentence)
                 if key in (entity_key(d.short), entity_key(d.long))), None)
    defined, found = definition_evidence(sentence, name)
    if isinstance(found, EntityType) or found == UNTYPED_DEFINITION:
        return found, long
    return introduced_type(sentence, name), long


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


def _is_term(long: str) -> bool:
    return all(w.islower() for w in _WORD.findall(long))


_ARTIFACTS = frozenset((EntityType.MODEL, EntityType.DATASET, EntityType.BENCHMARK))


def is_capitalised_word(name: str) -> bool:
    """One word of letters, capitalised and otherwise lowercase ("Student", not "BERT")."""
    return name.isalpha() and len(name) >= 4 and name[0].isupper() and name[1:].islower()


def is_capitalised_words(name: str) -> bool:
    words = name.replace("-", " ").split()
    return len(words) > 1 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)


def _is_phrase(name: str) -> bool:
    """Words of letters in any case, whose own head word gives no type ("remote sensing",
    "Structured Output"; not "object detection", not "RewardBench")."""
    words = name.replace("-", " ").split()
    return (len(words) > 1 and all(w.isalpha() and (w.islower() or w[1:].islower()) for w in words)
            and long_form_type(name.lower()) is None)


@dataclass(frozen=True)
class Decision:
    """The corpus's verdict on one entity: its type, or that it is not a name."""

    type: EntityType | None
    not_a_name: bool
    votes: dict[str, int]


_UNTYPED_KINDS = (UNTYPED_DEFINITION, NAMED_DEFINITION, MODIFIER, QUALIFIER, PART, CLASS)


def _used_as_no_artifact(current: EntityType, votes: Counter, typed: dict[str, int], papers: int) -> bool:
    """Whether two or more papers use the name as a qualifier of another noun, as a part of
    longer names or as a class, more than use it as a model, dataset or benchmark, and either half of its
    papers do or three and an eighth do and twice as many as vote for any type: "IEEE" (IEEE Trans., IEEE 802.11, "IEEE
    benchmark networks"), "CVPR 2026", "ToM benchmarks", "OpenAI" (OpenAI Deep Research,
    OpenAI API)."""
    against = votes[QUALIFIER] + votes[PART] + votes[CLASS]
    artifact_votes = sum(typed.get(t.value, 0) for t in _ARTIFACTS)
    if against < 2 or against <= artifact_votes:
        return False
    return against * 2 >= papers or (against >= 3 and against > 2 * max(typed.values(), default=0)
                                      and against * 8 >= papers)


def decide_entity(name: str, current: EntityType,
                  evidence: Iterable[tuple[str, str | EntityType | None]],
                  lowercase_papers: int = 0, defining_papers: int = 1) -> Decision:
    """Weigh the evidence of an entity's mentions, given as (paper id, evidence) pairs, to a
    verdict that a second pass keeps.

    Some rules apply to models, datasets and benchmarks only, and read the type the entity
    has; a verdict that moves it into or out of those types would meet other rules on the
    next pass ("large audio-language models": a class of systems, MODEL -> METHOD, then a
    term by its definitions). So the verdict is decided again from the type it gives, until
    it stays (`_decide_once`); where two types give each other, the one with more votes (the
    first by name on a tie) is taken, from whichever it started. `defining_papers`: papers
    that define the name by an acronym (a manner phrase that none defines is no name).
    """
    evidence = list(evidence)
    seen: list[EntityType] = [current]
    decision = _decide_once(name, current, evidence, lowercase_papers, defining_papers)
    while not decision.not_a_name and decision.type is not None and decision.type != seen[-1]:
        if decision.type in seen:  # a cycle: settle on one of its types, whatever the start
            cycle = sorted(seen[seen.index(decision.type):], key=lambda t: (-decision.votes.get(t.value, 0), t.value))
            return Decision(cycle[0], False, decision.votes)
        seen.append(decision.type)
        decision = _decide_once(name, decision.type, evidence, lowercase_papers, defining_papers)
    return decision


def _decide_once(name: str, current: EntityType, evidence: list[tuple[str, str | EntityType | None]],
                 lowercase_papers: int, defining_papers: int) -> Decision:
    """One pass of the verdict from the entity's current type.

    The entity takes the type most papers vote for when that beats its current type's
    votes; a lowercase phrase that modifies other nouns in most of its papers, or an
    acronym whose every definition is an untyped term and that no cue types, is not a name.
    A model, dataset or benchmark named by capitalised words ("Video Encoder", "Structured
    Output") that most of its papers write in lowercase (`lowercase_papers`) is a common
    phrase that a title capitalised, not a name; so is one capitalised word ("Student",
    "Segmentation", "Deepfake") that most of its papers also use in lowercase.
    A model, dataset or benchmark that more papers use as a qualifier of another noun or as
    a part of longer names than as the thing itself is not a name (`_used_as_no_artifact`).
    A model, dataset or benchmark named by a phrase or capitalised words whose head names a
    task or a metric ("AI-Generated Image Detection") has that head's vote besides its papers'.
    A phrase is a modifier only when its own head word gives no type: "object detection
    performance" uses a task, "remote sensing images" a field. An acronym is a term when
    its untyped definitions are at least twice its typed votes ("line-of-sight (LOS)").
    A method or task named by a manner adjective and a generic process ("iterative
    optimization", `is_manner_phrase`) that no paper defines is a description.
    """
    evidence = list(evidence)
    papers = len({paper for paper, _ in evidence}) or 1
    head = _own_head_type(name) if current in _ARTIFACTS else None
    if head is not None:  # "AI-Generated Image Detection" is a task wherever it is written
        evidence.append(("", head))
    seen = {(paper, str(getattr(e, "value", e))) for paper, e in evidence if e is not None}
    votes = Counter(kind for _, kind in seen)
    typed = {k: v for k, v in votes.items() if k not in _UNTYPED_KINDS}
    if is_junk_name(name) or is_bare_shape(name) or is_class_phrase(name):
        return Decision(None, True, dict(votes))
    if defining_papers == 0 and current not in _ARTIFACTS and is_manner_phrase(name):
        return Decision(None, True, dict(votes))
    if _names_outside_types(name, current, typed, papers):
        return Decision(None, True, dict(votes))
    if current in _ARTIFACTS and model_by_shape(name):  # "Olmo3-7B", "GPT 5.4": whatever one cue said
        return Decision(EntityType.MODEL, False, dict(votes))
    if current in _ARTIFACTS and _used_as_no_artifact(current, votes, typed, papers):
        return Decision(None, True, dict(votes))
    if _is_phrase(name) and votes[MODIFIER] > max(typed.values(), default=0) and votes[MODIFIER] * 2 >= papers:
        return Decision(None, True, dict(votes))
    if _LOWERCASE_WORDS.match(name) and (current in _ARTIFACTS or _wins_as_artifact(typed, current)):
        return _decide_lowercase_artifact(name, votes)  # either way, so that a second pass agrees
    if current in _ARTIFACTS and is_capitalised_words(name) and (
            papers >= 2 and lowercase_papers * 2 >= papers):
        return Decision(None, True, dict(votes))
    if is_capitalised_word(name) and lowercase_papers * 2 >= papers:
        return Decision(None, True, dict(votes))
    # Where some papers write the long form in lowercase, its capitalised definitions are the
    # same term capitalised ("Not Safe For Work (NSFW)", "Mild Cognitive Impairment (MCI)"),
    # for a model, dataset or benchmark; methods and tasks are often capitalised by their
    # authors ("Contrast Limited Adaptive Histogram Equalization (CLAHE)").
    capitalised = votes[NAMED_DEFINITION] if votes[UNTYPED_DEFINITION] and current in _ARTIFACTS else 0
    terms = votes[UNTYPED_DEFINITION] + capitalised
    if terms >= max(1, 2 * sum(typed.values())):
        return Decision(None, True, dict(votes))
    if typed:
        best, count = max(sorted(typed.items()), key=lambda kv: kv[1])
        if count > typed.get(current.value, 0):
            if current in _ARTIFACTS and EntityType(best) not in _ARTIFACTS and votes[QUALIFIER] + votes[PART] >= count:
                # data named only as a qualifier, with as few votes for anything else: a field,
                # a language, a region ("AI-for-science benchmarks", "Indian datasets")
                return Decision(None, True, dict(votes))
            return Decision(EntityType(best), False, dict(votes))
    return Decision(current, False, dict(votes))


def _names_outside_types(name: str, current: EntityType, typed: dict[str, int], papers: int) -> bool:
    """A language, place, modality, organisation, disease or piece of hardware (`outside_kind`),
    or a class named by a plural acronym ("2D CNNs"). Modalities are judged as models or
    data only ("IR" is also information retrieval); a disease or a platform is data where
    half its papers call it so (UCI's "Heart Disease" dataset, "the Reddit dataset")."""
    kind = outside_kind(name)
    if kind == "modality" and current not in _ARTIFACTS:
        return False
    if kind in ("disease", "platform") and typed.get(current.value, 0) * 2 >= papers:
        return False
    return kind is not None or (current in _ARTIFACTS and is_class_plural(name))


_LOWERCASE_WORDS = re.compile(r"^[a-z]+(?:[- ][a-z]+)*$")


def _wins_as_artifact(typed: dict[str, int], current: EntityType) -> bool:
    """Whether the votes would retype the entity as a model, dataset or benchmark: the type
    most papers vote for (the first in name order on a tie) is one, and beats the current."""
    if not typed:
        return False
    best, count = max(sorted(typed.items()), key=lambda kv: kv[1])
    return EntityType(best) in _ARTIFACTS and count > typed.get(current.value, 0)


def _decide_lowercase_artifact(name: str, votes: Counter) -> Decision:
    """A model, dataset or benchmark named by lowercase words only names none: a phrase with a
    task or metric head is that ("attack detection", "depression detection"), a phrase with
    a data head a description ("visual reasoning benchmark"), another phrase a technique
    (a METHOD; one headed by a model noun, "conditional diffusion model", is a class and no
    name: `is_class_phrase`), one word a common noun ("validator", "role-playing")."""
    head = _own_head_type(name) or (long_form_type(name) if " " not in name else None)
    if head in (EntityType.TASK, EntityType.METRIC):  # "classification" is a task by its own word
        return Decision(head, False, dict(votes))
    if noun_type(name.split()[-1]) in (EntityType.DATASET, EntityType.BENCHMARK):
        return Decision(None, True, dict(votes))  # a description: "tour experience dataset"
    if " " in name:
        return Decision(EntityType.METHOD, False, dict(votes))
    return Decision(None, True, dict(votes))


def _own_head_type(name: str) -> EntityType | None:
    """A task or metric that a phrase or a name of capitalised words says it is by its own
    head word ("depression detection", "AI-Generated Image Detection")."""
    words = name.replace("-", " ").split()
    if len(words) < 2 or not (name.islower() or all(w[:1].isupper() or not w[:1].isalpha() for w in words)):
        return None
    found = long_form_type(name)
    return found if found in (EntityType.TASK, EntityType.METRIC) else None


_SHORT_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,5}s?$")


def is_short_acronym(name: str) -> bool:
    """A short form that papers define anew ("CD", "MDM", "ACL"s)."""
    return bool(_SHORT_ACRONYM.match(name)) and sum(c.isupper() for c in name) >= 2
