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
from dataclasses import dataclass

from paperkg.graph.extract.cues import type_of_noun
from paperkg.graph.records import EntityType

_PAREN = re.compile(r"\(\s*([^()\s][^()]{0,12}?)\s*\)")
_WORD = re.compile(r"\S+")
_QUOTES = "\"'`\u201c\u201d\u2018\u2019"
_BREAK = re.compile(r"[,;:!?]|\.\s|\s(?:and|or|but|which|that|where|while|whereas)\s|\(|\)")
_GENERIC_LONG = re.compile(
    r"^(?:(?:large|small|pre-?trained|multimodal|vision[- ]language|multi-?modal)\s+)*"
    r"(?:language|foundation|generative|machine learning|deep learning|neural|reasoning)?\s*"
    r"(?:models?|networks?|learning|intelligence|processing)$"
    # Fields and kinds of language are not artifacts: "natural language processing (NLP)".
    r"|^(?:natural|programming|formal|human|source|target)\s+languages?(?:\s+processing)?$"
    r"|^computer\s+vision$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Definition:
    """One definition: `long` at [long_start, long_end), `short` at [short_start, short_end)."""

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
    if not 2 <= len(short) <= 10 or len(short.split()) > 2:
        return False
    if not (short[0].isalnum() and any(ch.isupper() for ch in short)):
        return False
    return short[0].isalpha() or (len(short) > 1 and short[1].isalpha())


def _define(text: str, short: str, paren: int, short_start: int) -> Definition | None:
    window_start = max(0, paren - 200)
    before = text[window_start:paren]
    clause = None
    for clause in _BREAK.finditer(before):  # noqa: B007 - the long form follows the last
        pass
    if clause is not None:
        window_start += clause.end()
        before = text[window_start:paren]
    starts, words = last_words(before, min(len(short) + 5, len(short) * 2))
    if not words:
        return None
    offset = best_long_form(short, words)
    if offset is None:
        return None
    start = window_start + starts[offset]
    end = window_start + starts[-1] + len(words[-1])
    while start < end and text[start] in _QUOTES:  # '"Hollow-tree Super" (HOTS)'
        start += 1
    while end > start and text[end - 1] in _QUOTES:
        end -= 1
    long = text[start:end]
    if _GENERIC_LONG.match(long) or long.lower() == short.lower():
        return None
    return Definition(long, short, start, end, short_start, short_start + len(short))


def last_words(text: str, limit: int) -> tuple[list[int], list[str]]:
    """The starts and texts of the last `limit` words (runs of non-space) of `text`.

    What `_WORD.finditer` gives, found from the end with `str.split` and `str.rfind`:
    a word holds no space, so the last occurrence of a word before the next one's
    start is that word.
    """
    words = text.split()[-limit:]
    starts, position = [], len(text)
    for word in reversed(words):
        position = text.rfind(word, 0, position)
        starts.append(position)
    starts.reverse()
    return starts, words


def best_long_form(short: str, words: list[str]) -> int | None:
    """Index of the first word of the long form of `short` in `words`, or None.

    Schwartz & Hearst's right-to-left match: each alphanumeric character of the short
    form, from its last, is found in the words from the right; the first character must
    begin a word. Returns None when some character is missing or when fewer than half
    the long form's words contribute a letter (our filter against loose matches).
    """
    chars = [ch.lower() for ch in short if ch.isalnum()]
    if short.endswith("s") and len(chars) > 2 and short[-2].isupper():
        chars = chars[:-1]  # plural short form: "SAEs" defines "sparse autoencoders"
    text = " ".join(words).lower()
    s_index, l_index = len(chars) - 1, len(text) - 1
    used_words: set[int] = set()
    while s_index >= 0:
        ch = chars[s_index]
        while l_index >= 0 and (
            text[l_index] != ch or (s_index == 0 and l_index > 0 and text[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        used_words.add(text.count(" ", 0, l_index))
        s_index -= 1
        l_index -= 1
    first = text.count(" ", 0, l_index + 1)
    span = len(words) - first
    if span <= 0 or len(used_words) * 2 < span:
        return None
    return first


_TASK_HEAD = re.compile(
    r"(?:detection|classification|translation|recognition|answering|generation|parsing|"
    r"segmentation|summari[sz]ation|unlearning|retrieval|prediction|estimation|tracking|"
    r"captioning|extraction|labell?ing|tagging|synthesis|completion|understanding|reasoning|"
    r"localization|grounding|alignment|forecasting|linking|resolution)$"
)
_METRIC_HEAD = re.compile(r"(?:rate|score|error|distance|divergence|accuracy|precision|recall|ratio)$")
_METHOD_HEAD = re.compile(
    r"(?:autoencoder|machine|process|regression|optimization|optimisation|learning|training|"
    r"sampling|search|attention|embedding|descent|decoding|distillation|pruning|quantization|"
    r"tuning|adaptation|augmentation|propagation|estimator|kernel|forest|tree|layer|unit)$"
)


# Evaluation campaigns named in title case are benchmarks, as TREC and SemEval are in the
# gazetteer: "Text Analysis Conference (TAC)", "Chinese Opinion Analysis Evaluation (COAE)".
_CAMPAIGN_HEAD = re.compile(r"(?:Conference|Evaluation|Challenge|Competition|Campaign|Track|Contest)s?$")
# Venues are neither: "International Conference on Machine Learning (ICML)".
_VENUE = re.compile(r"\b(?:Conference|Workshop|Symposium|Meeting|Congress)s?\s+(?:on|of)\b|\bAssociation\s+for\b")


def is_venue(text: str, definition: Definition) -> bool:
    """Whether a definition names a conference or workshop, which is never an entity;
    the venue's head may stand before the long form ("Conference on [Neural Information
    Processing Systems] (NeurIPS)")."""
    return bool(_VENUE.search(text, max(0, definition.long_start - 25), definition.long_end))


def type_of_long_form(long: str) -> EntityType | None:
    """The type a long form's head word gives, or None ("sparse autoencoders" -> METHOD).

    A network or model that is given a short form of its own and that the gazetteer
    does not know is a MODEL ("deep attention convolutional neural network (DACNN)",
    "stochastic configuration networks (SCNs)"): families that are METHODs
    ("convolutional neural networks (CNNs)") are known names, typed by the gazetteer
    before this is asked. GSAP-NER annotates such defined names as named models.
    """
    words = long.split()
    if _CAMPAIGN_HEAD.search(words[-1]) and all(w[:1].isupper() for w in words if len(w) > 3):
        return EntityType.BENCHMARK
    head = words[-1].lower().strip("-")
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if _TASK_HEAD.search(singular) or _TASK_HEAD.search(head):
        return EntityType.TASK
    if _METRIC_HEAD.search(singular):
        return EntityType.METRIC
    if _METHOD_HEAD.search(singular):
        return EntityType.METHOD
    noun_type = type_of_noun(head) or type_of_noun(singular)
    return noun_type
