"""Names in no list, found by their context and their shape.

One regex pass collects name-like spans: capitalised words and name-shaped words
("RewardBench", "DINOv2", "mBERT", "FLAMe-RM-24B"), optionally followed by more
capitalised words or versions ("Stable Diffusion 1.5/2.1", "Llama 2 7B"). Each span is
then read against the few words around it (set look-ups, no regex over the whole text):

- introductions: "we introduce/propose/present X", "a sampler called X";
- appositions: "X, a new benchmark", "a prior-data fitted network, TabPFN";
- head nouns: "the RewardBench benchmark", "our FLAMe-RM-24B model";
- lists: "models like GPT-4 and Claude-3", "algorithms (e.g., RLHF and DPO)"; names
  joined by "," / "and" share the type a cue gives any of them ("the GLUE and XNLI
  benchmarks");
- evaluation: "on CIFAR10", "on unconditional FFHQ" (name-shaped only; a dataset);
- titles: "MUSE: Machine Unlearning ..." introduces MUSE.

Name-shaped spans that no cue types are returned untyped (`NameHit.type is None`,
`cue` "shape"): the caller types them by their ending or leaves them. Generic phrases
("our model", "a new dataset") never match, since a name must be capitalised or
name-shaped, and a lone capitalised word at the start of a sentence ("However",
"Transformers are ...") or in title-cased text is not taken as a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from paperkg.graph.extract.cues import STOP_NAMES, TYPE_NOUNS, is_stop_name, type_of_shape
from paperkg.graph.records import EntityType, Role

_TAIL = r"[A-Za-z0-9]*(?:\.\d+)*(?:[-_+][A-Za-z0-9]+(?:\.\d+)*)*\+*"
_VERSION = r"\d+(?:\.\d+)*[BMKk]?(?:/\d+(?:\.\d+)*[BMKk]?)*"
_WORD = rf"(?:[A-Z]{_TAIL}|[a-z]+[A-Z0-9]{_TAIL}|\d+[A-Za-z]{_TAIL})"
NAME_SPANS = re.compile(
    rf"(?<![\w\-.+/]){_WORD}(?:/{_VERSION})?(?: (?:[A-Z]{_TAIL}|{_VERSION})(?![\w\-])){{0,3}}"
)
# NAME_SPANS for the spans that start with a capital or a digit, its first character
# first: re then skips the lower-case text between candidates in C, where NAME_SPANS,
# led by its look-behind, is tried at every position (see `_name_matches`).
_UPPER_NAME_SPANS = re.compile(
    rf"[A-Z0-9](?<![\w\-.+/].)(?:(?<=[A-Z]){_TAIL}|(?<=\d)\d*[A-Za-z]{_TAIL})"
    rf"(?:/{_VERSION})?(?: (?:[A-Z]{_TAIL}|{_VERSION})(?![\w\-])){{0,3}}"
)
# A capital or digit right after a lower-case letter: where "mBERT" or "word2vec" may be.
_AFTER_LOWER = re.compile(r"[A-Z0-9](?<=[a-z].)")
# Both at once, in one scan from the capitals and digits: `_UPPER_NAME_SPANS`'s spans,
# and a capital or digit after a lower-case letter alone (one character, so never a
# name) where `_AFTER_LOWER` finds one outside those spans (see `_name_spans`).
# The first class also holds NUL, which every branch then rejects (each reads the first
# character again, behind it): a class of three ranges is compiled to a bitmap, and re
# skips the text between candidates about twice as fast as over two ranges.
_SPANS_OR_AFTER_LOWER = re.compile(
    rf"[\0A-Z0-9](?:(?<=[a-z][A-Z0-9])|(?<![\w\-.+/].)(?:(?<=[A-Z]){_TAIL}|(?<=\d)\d*[A-Za-z]{_TAIL})"
    rf"(?:/{_VERSION})?(?: (?:[A-Z]{_TAIL}|{_VERSION})(?![\w\-])){{0,3}})"
)
_WORD_CHAR = re.compile(r"[\w\-.+/]")
_SHAPED = re.compile(r"[A-Za-z0-9][A-Z]|\d")
_JOINER = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+")
_INTRO_VERBS = frozenset(
    """introduce introduces introduced propose proposes proposed present presents presented
    release releases released develop develops developed design designs designed build builds
    construct constructs curate curates create creates contribute describe unveil""".split()
)
_CALLED = frozenset("called named dubbed termed coined call".split())
_LIST_OPENERS = frozenset("as like including e.g. e.g., i.e. i.e., namely -- ( : (e.g., (e.g. (i.e.,".split())
_INTRO_FILLERS = frozenset("the our new novel also further first then thus newly here".split())
_ON_MODIFIERS = frozenset(
    "the both unconditional conditional standard popular several multiple challenging public "
    "real-world large-scale".split()
)
_LEFT_CUE_WORDS = (
    _INTRO_FILLERS | _INTRO_VERBS | _CALLED | _LIST_OPENERS | _ON_MODIFIERS
    | frozenset(("as", "on", "e.g.,", "(e.g.,"))
)
_NOT_BEFORE_ON = frozenset("based built relies rely relying depends depend focus focuses top".split())
_GENERIC_WORDS = frozenset(
    """large small language vision visual deep neural foundation generative pretrained pre-trained
    multimodal multi-modal open base new novel general simple standard existing proposed recent
    efficient robust scalable unified modern classical traditional diffusion reward""".split()
)
_DETERMINERS = frozenset(("a", "an", "the"))
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
_NAME_HEAD = re.compile(r"\w (?:Treebanks?|TreeBank|Corpus|Corpora)$")
_NAME_HEAD_WORDS = ("Treebank", "Treebanks", "TreeBank", "Corpus", "Corpora")  # its last words
_PUNCT = ",.;:()\"'"

_Span = tuple[int, int, bool]  # a cleaned name span: start, end, and whether it is name-shaped


class NameHit(NamedTuple):
    """A name-like span: its type and confidence when a cue gave them, its cue and role.

    A named tuple rather than a frozen dataclass: as immutable, and built in a third of
    the time (a text has a few dozen hits; every user reads fields by name).
    """

    start: int
    end: int
    text: str
    type: EntityType | None
    confidence: float
    cue: str
    role: Role | None = None


def find_context_names(text: str) -> list[NameHit]:
    """Every name-like span of `text` with what its context says about it.

    Args:
        text: a title and abstract joined by a blank line, or any text.

    Returns:
        Hits in text order; untyped ones have cue "shape" and confidence 0.
    """
    hits: list[NameHit] = []
    for group in _coordinated(text, _name_spans(text)):
        cue = _group_cue(text, group)
        for start, end, shaped in group:
            name = text[start:end]
            if cue is not None and cue[0] == "on":
                shape_type = type_of_shape(name)
                if not shaped or shape_type in (EntityType.MODEL, EntityType.METHOD):
                    cue = None
                elif shape_type is not None:
                    cue = ("on", shape_type, 0.6, None)
            if cue is not None:
                hits.append(NameHit(start, end, name, cue[1], cue[2], cue[0], cue[3]))
            elif shaped:
                hits.append(NameHit(start, end, name, None, 0.0, "shape"))
            elif name.endswith(_NAME_HEAD_WORDS) and _NAME_HEAD.search(name):
                hits.append(NameHit(start, end, name, EntityType.DATASET, 0.6, "name_head"))
    return hits


def _name_spans(text: str) -> list[_Span]:
    """The cleaned spans of `_name_matches`, each with whether it is name-shaped.

    One scan (`_SPANS_OR_AFTER_LOWER`) finds the capital-led spans and, outside them,
    every capital or digit after a lower-case letter. Only where one of those ends a
    word-initial lower-case run ("mBERT"; never inside a capital-led span, which holds
    no lower-case word start) does the text need `_name_matches`' merged scan.
    """
    spans = _cleaned_spans(text, _SPANS_OR_AFTER_LOWER.finditer(text))
    return spans if spans is not None else _cleaned_spans(text, _name_matches(text))


def _cleaned_spans(text: str, matches: Iterable[re.Match]) -> list[_Span] | None:
    """Each match's name-like part, with whether it is name-shaped: (start, end, shaped).

    Leading and trailing words that are no part of a name go (`_trim_span`), and so does a
    plain capitalised word at a sentence start or in title-cased text (`_title_cased`).
    None at a one-character match that ends a word-initial lower-case run, where
    `_name_matches` must take the text instead.
    """
    spans = []
    for match in matches:
        span = match.group()
        trimmed = _trim_span(span)
        if trimmed is None:
            if len(span) == 1 and _lower_start(text, match.start()) is not None:
                return None  # a capital after "m" of "mBERT", say, found alone
            continue
        lead, length, plain = trimmed
        start = match.start() + lead
        if not plain or not _title_cased(text, start):
            spans.append((start, start + length, not plain))
    return spans


def _name_matches(text: str) -> Iterator[re.Match] | list[re.Match]:
    """What `NAME_SPANS.finditer(text)` finds, mostly found by `_UPPER_NAME_SPANS`.

    A span starts with a capital, a digit, or a word-initial run of lower-case letters
    before one ("mBERT"). Most texts have no such run: there `_UPPER_NAME_SPANS` finds
    every span. Otherwise the spans of both kinds are taken left to right, each search
    starting where the last span ended, as `finditer` takes them.
    """
    lower_starts = _lower_starts(text)
    if not lower_starts:
        return _UPPER_NAME_SPANS.finditer(text)
    matches: list[re.Match] = []
    position, index, count = 0, 0, len(lower_starts)
    while True:
        match = _UPPER_NAME_SPANS.search(text, position)
        while index < count and lower_starts[index] < position:
            index += 1
        while index < count and (match is None or lower_starts[index] < match.start()):
            lower = NAME_SPANS.match(text, lower_starts[index])
            index += 1
            if lower is not None:
                match = lower
                break
        if match is None:
            return matches
        matches.append(match)
        position = match.end()


def _lower_starts(text: str) -> list[int]:
    """Where a word-initial run of lower-case letters meets a capital or a digit."""
    starts = []
    for found in _AFTER_LOWER.finditer(text):
        start = _lower_start(text, found.start())
        if start is not None:
            starts.append(start)
    return starts


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
    return lead, len(joined), not _SHAPED.search(joined)


def _is_leading_filler(word: str) -> bool:
    """A word `_trim_span` drops from the front of a span: a stop name, an article or a
    sentence opener."""
    return is_stop_name(word) or word.lower() in _DETERMINERS or _is_sentence_opener(word)


def _trim_word(span: str) -> tuple[int, int, bool] | None:
    """`_trim_span` of a one-word span that is no stop name: the same tests, one word
    each, without splitting and joining (most spans are one word)."""
    lower = span.lower()
    if lower in _DETERMINERS or _is_sentence_opener(span):
        return None
    if span.replace(".", "").isdigit() or span in LANGUAGES:
        return None
    if "-" in span and _ADJECTIVAL.search(span) or span[:1].isdigit() and _SIZE_ONLY.fullmatch(span):
        return None
    if lower.rstrip("s") in _GENERIC_WORDS or lower in _GENERIC_WORDS:
        return None
    return 0, len(span), not _SHAPED.search(span)


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
    return bool(previous) and previous[-1][:1].isupper() and previous[-1] not in STOP_NAMES


def _coordinated(text: str, spans: list[_Span]) -> Iterator[list[_Span]]:
    group: list[_Span] = []
    for span in spans:
        if group and _JOINER.fullmatch(text, group[-1][1], span[0]):
            group.append(span)
            continue
        if group:
            yield group
        group = [span]
    if group:
        yield group


def _group_cue(text: str, group: list[_Span]):
    """(cue, type, confidence, role) for a group of coordinated names, or None."""
    first, last = group[0], group[-1]
    start = first[0]
    right = text[last[1] : last[1] + 70]
    if len(group) == 1 and start <= 1 or start > 1 and text[start - 2 : start] == "\n\n":
        title = _title_cue(text, first)
        if title is not None:
            return title
    # The cues read from the left all end at the word just before the names, which most
    # often can end none of them (`_may_end_left_cue`): then the window is not split.
    window = text[start - 60 if start > 60 else 0 : start]
    final = window.rsplit(None, 1)
    left = window.split() if final and _may_end_left_cue(final[-1]) else None
    if left:
        cue = _intro_cue(left)
        if cue is not None:
            return cue
    cue = _head_cue(right, text[last[0] : last[1]]) or _apposition_cue(right, single=len(group) == 1)
    if cue is not None or not left:
        return cue
    return _noun_before_cue(left, right) or _on_cue(text, left, right)


def _may_end_left_cue(word: str) -> bool:
    """Whether a word can be the last before a name that `_intro_cue`, `_noun_before_cue`
    or `_on_cue` reads: a filler or modifier they skip, or a word they test first."""
    return word.lower() in _LEFT_CUE_WORDS or word.rstrip(",") in TYPE_NOUNS


def _title_cue(text: str, span: _Span):
    name = text[span[0] : span[1]]
    if text[span[1] : span[1] + 1] != ":" or " " in name or not _SHAPED.search(name):
        return None
    rest = text[span[1] : text.find("\n", span[1]) if "\n" in text[span[1] :] else len(text)].lower()
    entity_type = next((t for words, t in _TITLE_CUES if any(w in rest for w in words)), None)
    return ("title", entity_type, 0.8, Role.INTRODUCES)


_TITLE_CUES = (
    (("benchmark", "evaluation", "leaderboard", "testbed", "arena"), EntityType.BENCHMARK),
    (("dataset", "corpus", "corpora", "treebank"), EntityType.DATASET),
    (("sampler", "solver", "method", "algorithm", "framework", "optimiz"), EntityType.METHOD),
    ((" model", " llm", "transformer", "network"), EntityType.MODEL),
)


def _intro_cue(left: list[str]):
    words = list(left)
    while words and words[-1].lower() in _INTRO_FILLERS:
        words.pop()
    if not words:
        return None
    if words[-1] in _CALLED or words[-1] == "as" and words[-2:-1] in (["to"], ["denoted"]):
        noun = next((w for w in reversed(words[-4:-1]) if w.strip(_PUNCT).lower() in TYPE_NOUNS), "")
        return ("called", TYPE_NOUNS.get(noun.strip(_PUNCT).lower()), 0.85, Role.INTRODUCES)
    if words[-1].lower() in _INTRO_VERBS and any(w.lower() in ("we", "paper", "work") for w in words[-4:-1]):
        return ("intro", None, 0.85, Role.INTRODUCES)
    return None


def _head_cue(right: str, name: str = ""):
    if not right.startswith(" "):
        return None
    words = right.split(None, 1)
    noun = words[0].rstrip(_PUNCT) if words else ""
    if noun.islower() and noun in TYPE_NOUNS and not right[1 + len(noun) : 2 + len(noun)] == "-":
        return ("head", TYPE_NOUNS[noun], 0.8, None)
    if right[1:5] in _SPLIT_OR_DATA_STARTS and (
        _SPLIT_HEAD.match(right) or (_DATA_HEAD.match(right) and any(c.isdigit() for c in name))
    ):
        return ("head", EntityType.DATASET, 0.75, None)
    modified = (
        len(words) > 1 and words[1][:4] in _DATA_NOUN_STARTS and _MODIFIED_DATA_HEAD.match(right)
    )
    if modified and modified.group(1) not in _NOT_MODIFIERS:
        return ("head", TYPE_NOUNS[modified.group(2)], 0.7, None)
    return None


# "the AMI meeting corpus", "the Twitter keyword dataset": one word between a name and
# the noun that types it, for data nouns only ("the BERT pretraining objective" is not).
_MODIFIED_DATA_HEAD = re.compile(
    r" ([a-z]+) (dataset|datasets|corpus|corpora|treebank|benchmark|benchmarks)\b(?!-)"
)
_NOT_MODIFIERS = frozenset(
    "and or of the a an with to in for as on from by at is are was were we our its their "
    "this that new other large small public".split()
)

# "the NIST MT08 test set", "the TAC 2008 data set": a split of something is a dataset.
_SPLIT_HEAD = re.compile(
    r" (?:(?:test|testing|training|train|dev|development|evaluation|validation|held-out)"
    r" (?:sets?|data|datasets?|splits?|collections?)|data[ -]?sets?|testsets?)\b"
)
# "WMT09 data", "the TAC 2008 data": a bare "data" names a dataset only after a name
# carrying a year or a number ("EEG data" and "RGB data" are modalities).
_DATA_HEAD = re.compile(r" data\b")
# How the heads above start, their first four letters: `_head_cue` tries a regex only
# where its words can be (the word after a name, or the one after that).
_SPLIT_OR_DATA_STARTS = frozenset(("test", "trai", "dev ", "deve", "eval", "vali", "held", "data"))
_DATA_NOUN_STARTS = frozenset("data corp tree benc".split())


def _apposition_cue(right: str, single: bool):
    if right[:1] not in _APPOSITION_FIRST:
        return None
    stripped = right.lstrip(" ")
    if not single or not stripped[:1] in (",", "-", "—", ":") and not stripped.startswith("is "):
        return None
    words = stripped.lstrip(",-—: ").split()
    if words and words[0] == "is":
        words = words[1:]
    if not words or words[0] not in _DETERMINERS:
        return None
    for word in words[1:8]:
        noun = word.rstrip(_PUNCT)
        if noun.lower() in TYPE_NOUNS and (noun.islower() or noun[:1].isupper()):
            return ("appos_after", TYPE_NOUNS[noun.lower()], 0.8, None)
        if word[-1:] in _PUNCT:
            return None
    return None


# What an apposition's right side starts with: spaces, one of its marks, or "is".
_APPOSITION_FIRST = frozenset(" ,-—:i")


def _noun_before_cue(left: list[str], right: str):
    if not left:
        return None
    last = left[-1]
    if last.rstrip(",").islower() and last.rstrip(",") in TYPE_NOUNS and (
        last.endswith(",") or right[:1] in _PUNCT or right[:1] == " "
    ):
        if last.endswith(",") or right[:1] in ",.;:)":
            return ("appos_before", TYPE_NOUNS[last.rstrip(",")], 0.75, None)
    if last.lower() in _LIST_OPENERS or last in ("e.g.,", "(e.g.,"):
        noun = next((w.strip(_PUNCT) for w in reversed(left[-4:-1]) if w.strip(_PUNCT) in TYPE_NOUNS), None)
        if noun is not None:
            return ("list", TYPE_NOUNS[noun], 0.75, None)
    return None


def _on_cue(text: str, left: list[str], right: str):
    words = list(left)
    while words and words[-1].lower() in _ON_MODIFIERS:
        words.pop()
    if not words or words[-1] not in ("on", "On") or (len(words) > 1 and words[-2] in _NOT_BEFORE_ON):
        return None
    follower = right.split(None, 1)[0].lower() if right.strip() else ""
    if right[:1].isalnum() or (follower.isalpha() and follower not in _ON_FOLLOWERS and right[:1] == " "):
        return None
    return ("on", EntityType.DATASET, 0.6, None)


_ON_FOLLOWERS = frozenset(
    """and or with for to in using by under at as from while when which where than but compared
    test validation dev dataset datasets benchmark benchmarks split splits task tasks""".split()
)


def typed_hits(hits: list[NameHit]) -> Iterator[NameHit]:
    """The hits (of `find_context_names`) that a context cue typed or introduced."""
    for hit in hits:
        if hit.cue == "shape":
            continue
        if hit.type is not None:
            yield hit  # already typed: the hit itself, not an equal copy
            continue
        entity_type = type_of_shape(hit.text)
        yield NameHit(hit.start, hit.end, hit.text, entity_type, hit.confidence, hit.cue, hit.role)
