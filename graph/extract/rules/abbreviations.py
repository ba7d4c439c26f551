"""Abbreviation definitions: "deep kernel machines (DKMs)" ties DKMs to its long form.

The algorithm is Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text", Pacific Symposium on Biocomputing 8:451-462:
a short form in parentheses (2-10 characters, at most two words, a letter first or
second) is matched right to left, character by character, against the words before it;
every character must be found, the first one at the start of a word, and the long form
takes at most min(|A| + 5, 2|A|) words. Two filters of ours keep out what abstracts
add to the biomedical text the algorithm was written for: a long form never spans a
clause break (",", ";", ":") and at least half its words contribute a letter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable
from typing import NamedTuple

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.cues import is_stop_name, type_of_noun, type_of_shape
from paperkg.graph.records import Entity, EntityType

_PAREN = re.compile(r"\(\s*([^()\s][^()]{0,12}?)\s*\)")
_QUOTES = "\"'`\u201c\u201d\u2018\u2019"
_CONJUNCTIONS = ("and", "or", "but", "which", "that", "where", "while", "whereas")
# Clause breaks, `[,;:!?]|\.\s|\s(?:and|or|...)\s|\(|\)`, written for the text read backwards
# (see `_clause_start`) and led by a character set, which re skips to in C.
_BREAK_REVERSED = re.compile(
    rf"[,;:!?()\s](?:(?<=\s)\.|(?<=\s)(?:{'|'.join(w[::-1] for w in _CONJUNCTIONS)})\s|(?<=[,;:!?()]))"
)
_GENERIC_LONG = re.compile(
    r"^(?:(?:large|small|pre-?trained|multimodal|vision[- ]language|multi-?modal)\s+)*"
    r"(?:language|foundation|generative|machine learning|deep learning|neural|reasoning)?\s*"
    r"(?:models?|networks?|learning|intelligence|processing)$"
    # Fields and kinds of language are not artifacts: "natural language processing (NLP)".
    r"|^(?:natural|programming|formal|human|source|target)\s+languages?(?:\s+processing)?$"
    r"|^computer\s+vision$",
    re.IGNORECASE,
)


class Definition(NamedTuple):
    """One definition: `long` at [long_start, long_end), `short` at [short_start, short_end).

    A named tuple: a frozen dataclass's generated `__init__` sets each field through
    `object.__setattr__`, three times as long (some 5,450 definitions a 3,000-abstract
    pass, of the texts and of the votes' sentences)."""

    long: str
    short: str
    long_start: int
    long_end: int
    short_start: int
    short_end: int


def find_definitions(text: str) -> list[Definition]:
    """All "long form (short form)" definitions in `text`, in order.

    Args:
        text: a title or abstract.

    Returns:
        The definitions found; a short form defined twice keeps its first definition.
    """
    found: dict[str, Definition] = {}
    for match in _PAREN.finditer(text):
        short = match.group(1)
        if not _is_short_form(short) or short in found:
            continue
        definition = _define(text, short, match.start(), match.start(1))
        if definition is not None:
            found[short] = definition
    return list(found.values())


def _is_short_form(short: str) -> bool:
    if not 2 <= len(short) <= 10 or len(short.split()) > 2 or not short[0].isalnum():
        return False
    # An upper-case letter; in ASCII, lower-casing changes exactly those.
    if not (short.lower() != short if short.isascii() else any(ch.isupper() for ch in short)):
        return False
    return short[0].isalpha() or short[1].isalpha()


def _define(text: str, short: str, paren: int, short_start: int) -> Definition | None:
    window_start = _clause_start(text, max(0, paren - 200), paren)
    found = _long_form_in(text[window_start:paren], short)
    if found is None:
        return None
    long, start, end = found
    return Definition(long, short, window_start + start, window_start + end, short_start, short_start + len(short))


@lru_cache(maxsize=2048)
def _long_form_in(before: str, short: str) -> tuple[str, int, int] | None:
    """The long form of `short` in `before`, the clause that ends at its "(": the form and its
    start and end in `before`; None when there is none.

    A pure function of the clause and the short form, remembered: a batch's votes read the
    definitions of every sentence that holds a mention (`evidence._definitions_in`) after
    the whole texts' were read here, and a definition's clause is most often the same
    string in both, as it starts after the sentence's start (2,357 of the 2,736 clauses
    the votes read on the first 3,000 abstracts). A batch of 1,000 abstracts holds some
    1,430 clauses, so 2,048 keep a batch's until its votes, and not more: a text read again
    (as by the speed bench's later passes) is read anew.
    """
    limit = min(len(short) + 5, len(short) * 2)
    words = before.rsplit(None, limit)[-limit:]  # from the right: only the words wanted
    if not words:
        return None
    offset = best_long_form(short, words)
    if offset is None:
        return None
    # A word holds no space, so a word's last occurrence before the next one's start is it.
    position = len(before)
    for word in reversed(words[offset:]):
        position = before.rfind(word, 0, position)
    return _trimmed_long_form(before, short, position, len(before.rstrip()))


def _clause_start(text: str, start: int, stop: int) -> int:
    """Where text[start:stop]'s last clause break ends (`start` when it has none): the
    end of the last match of `[,;:!?]|\\.\\s|\\s(?:and|or|...)\\s|\\(|\\)` in it, read left to right.

    Found from the right: the break that ends last is the first match of
    `_BREAK_REVERSED` in the reversed text. Read left to right it is a match too,
    unless it is a conjunction whose first space went to the match before it (". and",
    "and or "): in a chain of matches that each end on the next one's first space, the
    first is a match, the second is not, the third is, and so on.
    """
    backwards = text[start:stop][::-1]
    found = _BREAK_REVERSED.search(backwards)
    if found is None:
        return start
    chain = [found]
    while len(chain[-1].group()) > 2:  # a conjunction's, " and ": its first space may be taken
        before = _BREAK_REVERSED.match(backwards, chain[-1].end() - 1)
        if before is None:
            break
        chain.append(before)
    last = chain[0] if len(chain) % 2 else chain[1]
    return stop - last.start()


def _trimmed_long_form(text: str, short: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The long form text[start:end] without quotes around it, and its start and end, unless
    that long form is generic or the short form itself."""
    while start < end and text[start] in _QUOTES:  # '"Hollow-tree Super" (HOTS)'
        start += 1
    while end > start and text[end - 1] in _QUOTES:
        end -= 1
    long = text[start:end]
    if _GENERIC_LONG.match(long) or long.lower() == short.lower():
        return None
    return long, start, end


def best_long_form(short: str, words: list[str]) -> int | None:
    """Index of the first word of the long form of `short` in `words`, or None.

    Schwartz & Hearst's right-to-left match: each alphanumeric character of the short
    form, from its last, is found in the words from the right; the first character must
    begin a word. Returns None when some character is missing or when fewer than half
    the long form's words contribute a letter (our filter against loose matches).
    """
    chars = _short_form_letters(short)
    if not chars:
        return None
    text = " ".join(words).lower()
    position, used_words = len(text), set()
    for ch in chars[:0:-1]:  # right to left, each before the last one found
        position = text.rfind(ch, 0, position)
        if position < 0:
            return None
        used_words.add(text.count(" ", 0, position))
    ch = chars[0]
    position = text.rfind(ch, 0, position)
    while position > 0 and text[position - 1].isalnum():  # the first one begins a word
        position = text.rfind(ch, 0, position)
    if position < 0:
        return None
    first = text.count(" ", 0, position)
    used_words.add(first)
    span = len(words) - first
    if span <= 0 or len(used_words) * 2 < span:
        return None
    return first


def _short_form_letters(short: str) -> str:
    """The lower-cased letters and digits of a short form that its long form must hold.

    Empty when one of them lower-cases to more than one character ("İ"), which a
    character-by-character match never finds.
    """
    if short.isascii():
        lower = short.lower()
        chars = lower if lower.isalnum() else "".join(ch for ch in lower if ch.isalnum())
    else:
        letters = [ch.lower() for ch in short if ch.isalnum()]
        chars = "".join(letters)
        if len(chars) != len(letters):
            return ""
    if short.endswith("s") and len(chars) > 2 and short[-2].isupper():
        chars = chars[:-1]  # plural short form: "SAEs" defines "sparse autoencoders"
    return chars


# Head words, as endings (`str.endswith`): "... detection" is a TASK, "... rate" a METRIC.
_TASK_HEADS = (
    "detection", "classification", "translation", "recognition", "answering", "generation", "parsing",
    "segmentation", "summarisation", "summarization", "unlearning", "retrieval", "prediction",
    "estimation", "tracking", "captioning", "extraction", "labeling", "labelling", "tagging", "synthesis",
    "completion", "understanding", "reasoning", "localization", "grounding", "alignment", "forecasting",
    "linking", "resolution",
)
_METRIC_HEADS = (
    "rate", "score", "error", "distance", "divergence", "accuracy", "precision", "recall", "ratio",
)
_METHOD_HEADS = (
    "autoencoder", "machine", "process", "regression", "optimization", "optimisation", "learning",
    "training", "sampling", "search", "attention", "embedding", "descent", "decoding", "distillation",
    "pruning", "quantization", "tuning", "adaptation", "augmentation", "propagation", "estimator",
    "kernel", "forest", "tree", "layer", "unit",
)


# Evaluation campaigns named in title case are benchmarks, as TREC and SemEval are in the
# gazetteer: "Text Analysis Conference (TAC)", "Chinese Opinion Analysis Evaluation (COAE)".
_CAMPAIGN_HEADS = tuple(
    head + plural
    for head in ("Conference", "Evaluation", "Challenge", "Competition", "Campaign", "Track", "Contest")
    for plural in ("", "s")
)
# Venues are neither: "International Conference on Machine Learning (ICML)".
_VENUE = re.compile(r"\b(?:Conference|Workshop|Symposium|Meeting|Congress)s?\s+(?:on|of)\b|\bAssociation\s+for\b")
# A word every venue has, looked for first: re skips to its capitals in C, where `_VENUE`
# (led by \b) is tried at every position.
_VENUE_WORD = re.compile(r"Conference|Workshop|Symposium|Meeting|Congress|Association")


def is_venue(text: str, definition: Definition) -> bool:
    """Whether a definition names a conference or workshop, which is never an entity;
    the venue's head may stand before the long form ("Conference on [Neural Information
    Processing Systems] (NeurIPS)")."""
    start, end = max(0, definition.long_start - 25), definition.long_end
    return _VENUE_WORD.search(text, start, end) is not None and _VENUE.search(text, start, end) is not None


@lru_cache(maxsize=65536)
def type_of_long_form(long: str) -> EntityType | None:
    """The type a long form's head word gives, or None ("sparse autoencoders" -> METHOD).

    Cached: a pass asks it of the same long forms again and again (9,183 calls on the first
    3,000 abstracts, 3,768 long forms: the definitions, then each mention's vote).

    A network or model that is given a short form of its own and that the gazetteer
    does not know is a MODEL ("deep attention convolutional neural network (DACNN)",
    "stochastic configuration networks (SCNs)"): families that are METHODs
    ("convolutional neural networks (CNNs)") are known names, typed by the gazetteer
    before this is asked. GSAP-NER annotates such defined names as named models.
    """
    words = long.split()
    if words[-1].endswith(_CAMPAIGN_HEADS) and all(w[:1].isupper() for w in words if len(w) > 3):
        return EntityType.BENCHMARK
    head = words[-1].lower().strip("-")
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if singular.endswith(_TASK_HEADS) or head.endswith(_TASK_HEADS):
        return EntityType.TASK
    if singular.endswith(_METRIC_HEADS):
        return EntityType.METRIC
    if singular.endswith(_METHOD_HEADS):
        return EntityType.METHOD
    noun_type = type_of_noun(head) or type_of_noun(singular)
    return noun_type


_OWN_USE_CONFIDENCE = 0.97


def abbreviation_candidates(text: str, lookup: Callable[[str], Entity | None]) -> list[Candidate]:
    """Candidates of the definitions in `text` and of the later uses of their short forms.

    Long and short form name one entity: the known one either names (`lookup`), else a new
    one named by the long form and typed by its head word, its short form's shape or the
    noun after it. Venues and words that never name an artifact are left out.

    Args:
        text: the text to read.
        lookup: the known entity a surface form names, or None.

    Returns:
        The definitions' candidates (the long form's span) and the short forms' uses.
    """
    found: list[Candidate] = []
    if "(" not in text:  # every definition is "long form (short form)"
        return found
    for definition in find_definitions(text):
        long, short = definition.long, definition.short
        listed_short = lookup(short)
        entity = lookup(long) or _unless_defined_otherwise(listed_short, long, short)
        if entity is None and is_venue(text, definition):
            continue  # "International Conference on Machine Learning (ICML)"
        if (entity is None or entity.origin != "gazetteer") and (
            _is_stop_short_form(short) or is_stop_name(long)
        ):
            continue  # "Artificial Intelligence (AI)", "electroencephalography (EEG)"
        uses = bare_uses(text, short)
        entity_type = entity.type if entity else type_of_long_form(long)
        entity_type = (entity_type or type_of_shape(short)
                       or _type_of_following_noun(text, definition, uses) or EntityType.METHOD)
        confidence = 0.9 if entity else 0.7
        name = entity.name if entity else long
        aliases = (long, short)
        found.append(Candidate(definition.long_start, definition.long_end, name, entity_type,
                               confidence, "kg_abbreviations", entity, None, aliases))
        # A short form the paper defines as another thing than the listed one it spells:
        # its uses here are the paper's, above the gazetteer's (0.95) reading of them.
        use_confidence = _OWN_USE_CONFIDENCE if entity is None and listed_short is not None else confidence - 0.05
        for start, end in uses:
            found.append(Candidate(start, end, name, entity_type, use_confidence,
                                   "kg_abbreviations", entity, None, aliases))
    return found


def _unless_defined_otherwise(entity: Entity | None, long: str, short: str) -> Entity | None:
    """The known entity a short form names, unless this paper's definition makes it another
    thing: "Multi-agent Inference for Negotiation Dialogue (MIND)" is not the Microsoft
    News Dataset, "Lightweight Fine-Tuning (LiFT)" is not a "LIFT" known in another casing.

    The lookup folds case, so an acronym a paper coins for its own contribution often meets
    a listed name; its definition wins for that paper when the list spells the short form
    otherwise, or knows long forms of it that share no word with this one. A short form
    listed with no long form and spelt alike ("DINO") keeps the listed entity: nothing says
    it is another thing.
    """
    if entity is None or entity.origin != "gazetteer":
        return entity
    surfaces = (entity.name, *entity.aliases)
    if _letters(short) not in {_letters(form) for form in surfaces}:
        return None  # the same letters in another case: "LiFT" is not "LIFT" ("CEval" is "C-Eval", "CNNs" "CNN")
    known_long = [form for form in surfaces if " " in form]
    if known_long and not any(_shares_a_word(form, long) for form in known_long):
        return None
    return entity


def _letters(form: str) -> str:
    """A surface form without its hyphens, spaces, dots and plural "s", its case kept."""
    return re.sub(r"[\s.-]+", "", form).removesuffix("s")


def _shares_a_word(one: str, other: str) -> bool:
    """Whether two long forms share a word of four letters or more ("Segment Anything" and
    "Segment Anything Model"), read in any case and without a plural or a hyphen."""
    def words(phrase: str) -> set[str]:
        return {w.rstrip("s") for w in re.split(r"[\s-]+", phrase.casefold()) if len(w) >= 4}
    return bool(words(one) & words(other))


def _type_of_following_noun(text: str, definition, uses: list[tuple[int, int]]) -> EntityType | None:
    """The type a head noun right after the definition or a later use (`uses`) gives it:
    "the Knowledge Base Population (KBP) dataset", "COAE dataset is ..."."""
    close = text.find(")", definition.short_end)
    ends = [close + 1] if close >= 0 else []
    ends += [end for _, end in uses]
    for end in ends:
        word = _NEXT_WORD.match(text, end)
        if word and (found := type_of_noun(word.group(1))):
            return found
    return None


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def _is_stop_short_form(short: str) -> bool:
    """Whether a short form, or its singular, is a word that never names an artifact."""
    return is_stop_name(short) or (short.endswith("s") and is_stop_name(short[:-1]))


def bare_uses(text: str, short: str) -> list[tuple[int, int]]:
    """Every whole-word use of `short` (or its plural) in `text`; str.find, no regex."""
    uses, size, length = [], len(short), len(text)
    start = text.find(short)
    while start >= 0:
        end = start + size
        if end < length and text[end] == "s":
            end += 1
        # A letter, digit, "-" or "_" on either side makes it part of a longer word.
        before = text[start - 1] if start else " "
        after = text[end] if end < length else " "
        if not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_"):
            uses.append((start, end))
        start = text.find(short, start + 1)
    return uses
