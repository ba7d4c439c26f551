"""Name-like spans of a text, found by their shape alone.

One regex scan collects capitalised and name-shaped words ("RewardBench", "DINOv2",
"mBERT", "FLAMe-RM-24B"), optionally followed by more capitalised words or versions
("Stable Diffusion 1.5/2.1", "Llama 2 7B"). Each span is then trimmed of what is no part
of a name: leading articles, stop names and sentence openers ("While BERT"), trailing
stop names, generic words ("Large Language"), adjectival names ("LLM-based"), bare sizes
("7B"), and plain capitalised words that only start a sentence or sit in title-cased
text. `context_names.py` reads the context of what is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from paperkg.graph.extract.rules.cues import STOP_NAMES, is_stop_name

_TAIL = r"[A-Za-z0-9]*(?:\.\d+)*(?:[-_+][A-Za-z0-9]+(?:\.\d+)*)*\+*"
_VERSION = r"\d+(?:\.\d+)*[BMKk]?(?:/\d+(?:\.\d+)*[BMKk]?)*"
_WORD = rf"(?:[A-Z]{_TAIL}|[a-z]+[A-Z0-9]{_TAIL}|\d+[A-Za-z]{_TAIL})"
NAME_SPANS = re.compile(
    rf"(?<![\w\-.+/]){_WORD}(?:/{_VERSION})?(?: (?:[A-Z]{_TAIL}|{_VERSION})(?![\w\-])){{0,3}}"
)
# NAME_SPANS' capital- and digit-led spans, its first character first (re then skips the
# lower-case text between candidates in C, where NAME_SPANS, led by its look-behind, is
# tried at every position), and in the same scan a capital or digit after a lower-case
# letter alone (one character, so never a name) outside those spans: where a lower-case
# led span ("mBERT", "word2vec") may start, which `name_spans` then reads with NAME_SPANS.
# The first class also holds NUL, which every branch then rejects (each reads the first
# character again, behind it): a class of three ranges is compiled to a bitmap, and re
# skips the text between candidates about twice as fast as over two ranges.
_SPANS_OR_AFTER_LOWER = re.compile(
    rf"[\0A-Z0-9](?:(?<=[a-z][A-Z0-9])|(?<![\w\-.+/].)(?:(?<=[A-Z]){_TAIL}|(?<=\d)\d*[A-Za-z]{_TAIL})"
    rf"(?:/{_VERSION})?(?: (?:[A-Z]{_TAIL}|{_VERSION})(?![\w\-])){{0,3}})"
)
_WORD_CHAR = re.compile(r"[\w\-.+/]")
SHAPED = re.compile(r"[A-Za-z0-9][A-Z]|\d")
_GENERIC_WORDS = frozenset(
    """large small language vision visual deep neural foundation generative pretrained pre-trained
    multimodal multi-modal open base new novel general simple standard existing proposed recent
    efficient robust scalable unified modern classical traditional diffusion reward""".split()
)
DETERMINERS = frozenset(("a", "an", "the"))
# "LLM-based agent", "AI-driven tools", "ImageNet-scale data": a name made into an
# adjective describes something else; it is not a name itself.
_ADJECTIVAL = re.compile(
    r"-(?:based|driven|generated|powered|like|style|free|aware|guided|specific|centric|"
    r"enhanced|augmented|assisted|level|scale|wise|only|friendly|agnostic|conditioned|"
    r"inspired|oriented|dependent|independent|native|compatible|ready|sized|grade|class)$",
    re.IGNORECASE,
)
# A bare size or count ("14B", "7B", "100K") names no thing.
_SIZE_ONLY = re.compile(r"\d+(?:\.\d+)?[KMBT]?")
# Language names: "the English corpus", "on Chinese" name a language, not a dataset.
LANGUAGES = frozenset(
    """English Chinese German French Spanish Arabic Japanese Korean Russian Hindi Czech
    Italian Portuguese Dutch Turkish Urdu Vietnamese Thai Persian Farsi Hebrew Swedish
    Finnish Polish Greek Indonesian Bengali Tamil Swahili Danish Hungarian Romanian
    Mandarin Cantonese Catalan Basque Ukrainian Norwegian Malay Tagalog""".split()
)
# Capitalised head words that make a phrase a corpus's own name ("French Treebank").

NameSpan = tuple[int, int, bool]  # a cleaned name span: start, end, and whether it is name-shaped


def name_spans(text: str) -> list[NameSpan]:
    """The cleaned spans of `NAME_SPANS.finditer(text)`, each with whether it is name-shaped.

    One scan (`_SPANS_OR_AFTER_LOWER`) finds the capital-led spans and, outside them,
    every capital or digit after a lower-case letter. Where one of those ends a
    word-initial lower-case run ("mBERT"; never inside a capital-led span, which holds
    no lower-case word start), NAME_SPANS matches from the run's start, and the scan
    resumes after that span, as `finditer` would: one scan of the text in all, where
    NAME_SPANS alone, led by its look-behind, is tried at every position.
    """
    spans: list[NameSpan] = []
    scan, position = _SPANS_OR_AFTER_LOWER.finditer, 0
    while (lower := _clean_into(spans, text, scan(text, position))) is not None:
        match = NAME_SPANS.match(text, lower)  # a run `_lower_start` found: always a span
        _clean_into(spans, text, (match,))
        position = match.end()
    return spans


def _cleaned_spans(text: str, matches: Iterable[re.Match]) -> list[NameSpan] | None:
    """Each match's name-like part, with whether it is name-shaped: (start, end, shaped).

    Leading and trailing words that are no part of a name go (`_trim_span`), and so does a
    plain capitalised word at a sentence start or in title-cased text (`_title_cased`).
    None at a one-character match that ends a word-initial lower-case run, which
    `name_spans` reads with NAME_SPANS instead.
    """
    spans: list[NameSpan] = []
    return spans if _clean_into(spans, text, matches) is None else None


def _clean_into(spans: list[NameSpan], text: str, matches: Iterable[re.Match]) -> int | None:
    """Append the cleaned spans of `matches` (see `_cleaned_spans`) to `spans`.

    Returns:
        None when every match was read; else the start of the word-initial lower-case run
        that a one-character match ends ("m" of "mBERT"), where reading stopped.
    """
    for match in matches:
        span = match.group()
        trimmed = _trim_span(span)
        if trimmed is None:
            if len(span) == 1:
                lower = _lower_start(text, match.start())
                if lower is not None:
                    return lower  # a capital after "m" of "mBERT", say, found alone
            continue
        lead, length, plain = trimmed
        start = match.start() + lead
        if not plain or not _title_cased(text, start):
            spans.append((start, start + length, not plain))
    return None


def _lower_start(text: str, capital: int) -> int | None:
    """Where the word-initial lower-case run before `capital` starts, if there is one."""
    if capital == 0 or not "a" <= text[capital - 1] <= "z":
        return None
    start = capital - 1
    while start > 0 and "a" <= text[start - 1] <= "z":
        start -= 1
    if start == 0 or not _WORD_CHAR.match(text, start - 1):
        return start
    return None


# Words that open a sentence before a name and are capitalised only for that: "While
# BERT is strong", "Using ViT, we", "Notably, GPT-4". spaCy's English stop words cover the
# conjunctions and pronouns; these are the adverbs and participles it lacks.
_OPENERS = frozenset(
    """unlike despite given compared using leveraging following building inspired motivated
    based notably recently specifically finally importantly interestingly surprisingly
    similarly consequently ultimately traditionally typically generally currently previously
    subsequently alternatively conversely unfortunately fortunately crucially critically
    empirically theoretically experimentally practically essentially particularly
    especially primarily mainly instead overall today""".split()
) | STOP_WORDS


def _is_sentence_opener(word: str) -> bool:
    return word[1:].islower() and word.lower() in _OPENERS


@lru_cache(maxsize=65536)
def _trim_span(span: str) -> tuple[int, int, bool] | None:
    """What `_cleaned_spans` keeps of a span, from its text alone: (offset, length, plain).

    Leading stop names, articles and sentence openers and trailing stop names are
    dropped; None when nothing name-like is left. `plain` (no inner capital, no digit) asks the caller
    to check the context with `_title_cased`. Spans recur across texts ("LLMs",
    "We"), hence the cache.
    """
    if len(span) < 2 or is_stop_name(span):
        return None  # "(2+1)D": a letter alone is never a name
    if " " not in span:
        return _trim_word(span)
    words = span.split(" ")
    first, last, lead = 0, len(words), 0
    while first < last and _is_leading_filler(words[first]):
        lead += len(words[first]) + 1
        first += 1
    while last > first and is_stop_name(words[last - 1]):
        last -= 1
    if last - first <= 1:
        # One word left: none of the leading fillers, so `_trim_word` tests it as is.
        trimmed = _trim_word(words[first]) if first < last else None
        return trimmed and (lead, trimmed[1], trimmed[2])
    kept = words[first:last]
    if kept[0].replace(".", "").isdigit() or LANGUAGES.issuperset(kept):
        return None
    if "-" in kept[-1] and _ADJECTIVAL.search(kept[-1]):
        return None  # (a bare size, `_SIZE_ONLY`, has no space)
    for word in kept:
        lower = word.lower()
        if lower.rstrip("s") not in _GENERIC_WORDS and lower not in _GENERIC_WORDS:
            break
    else:
        return None
    # A span kept whole (most are) is no stop name: tested first of all.
    joined = span if len(kept) == len(words) else " ".join(kept)
    if joined is not span and is_stop_name(joined):
        return None  # "As Artificial Intelligence systems evolve": a field of study
    return lead, len(joined), not SHAPED.search(joined)


def _is_leading_filler(word: str) -> bool:
    """A word `_trim_span` drops from the front of a span: a stop name, an article or a
    sentence opener."""
    return is_stop_name(word) or word.lower() in DETERMINERS or _is_sentence_opener(word)


def _trim_word(span: str) -> tuple[int, int, bool] | None:
    """`_trim_span` of a one-word span that is no stop name: the same tests, one word
    each, without splitting and joining (most spans are one word)."""
    lower = span.lower()
    if lower in DETERMINERS or _is_sentence_opener(span):
        return None
    if span.replace(".", "").isdigit() or span in LANGUAGES:
        return None
    if "-" in span and _ADJECTIVAL.search(span) or span[:1].isdigit() and _SIZE_ONLY.fullmatch(span):
        return None
    if lower.rstrip("s") in _GENERIC_WORDS or lower in _GENERIC_WORDS:
        return None
    return 0, len(span), not SHAPED.search(span)


def _title_cased(text: str, start: int) -> bool:
    """Whether a plain capitalised word starts a sentence or sits in title-cased text."""
    if start < 3:
        before = text[:start].rstrip(" ")
        if start == 0 or not before or before[-1] in ".!?:(\"\n":
            return True
    else:
        before = text[start - 3 : start].rstrip(" ")
        if not before or before[-1] in ".!?:(\"\n":
            return True
    previous = text[start - 25 if start > 25 else 0 : start].rsplit(None, 1)
    if not previous or not previous[-1][:1].isupper() or previous[-1] in STOP_NAMES:
        return False
    return previous[-1][-1] != "," or not _listed_after(text, start, previous[-1])


# An acronym in parentheses that closes a list of capitalised words spells them out: "the
# Scoring, Remember, and Reference (SRR) framework", "named Multi-resolution, Multi-polarization,
# ... SAR dataset (M4-SAR)".
_SPELLED_LIST = re.compile(r"[^.;()]{0,80}?\([A-Z][A-Za-z0-9-]*[A-Z0-9]\)")
# The capitals that open a word or a hyphenated piece: "Long-Context Re-ranker" -> L, C.
_INITIALS = re.compile(r"(?<![A-Za-z])[A-Z]")


def _listed_after(text: str, start: int, previous: str) -> bool:
    """Whether a plain capitalised word after a capitalised word and its comma is the next item
    of a list of names ("including Fishyscapes Lost and Found, Segment-Me-If-You-Can, and
    RoadAnomaly", dev; "Experiments on Samson, Jasper Ridge, and Urban", test6), not the long
    form of the name before it ("we introduce LOCORE, Long-Context Re-ranker, a model": its
    initials, the first first, are that name's capitals) nor a list an acronym spells out."""
    if _SPELLED_LIST.match(text, start):
        return False
    capitals = [c for c in previous if c.isupper()]
    initials = _INITIALS.findall(text[start : start + 60].split(",", 1)[0])
    return not (initials and initials[0] == capitals[0] and set(initials) <= set(capitals))
    capitals = [c for c in previous if c.isupper()]
    words = text[start : start + 40].split(",", 1)[0]
    initials = [c.upper() for c in _INITIALS.findall(words)][:3]
    at = 0
    for initial in initials:
        while at < len(capitals) and capitals[at] != initial:
            at += 1
        if at == len(capitals):
            return True
        at += 1
    return False
