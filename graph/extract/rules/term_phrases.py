"""Lower-case task and method phrases that no list holds, read off their head noun.

Task names in papers are mostly compound nouns whose last word says what kind of
problem they are: "query segmentation", "emoji prediction", "abusive speech detection".
Compiled regexes find a task head noun ("detection", "classification", "parsing", ...)
and a look back takes up to three words before it; the words are then cut from the
left at the last one that cannot modify a noun (a determiner, preposition, pronoun,
verb, adverb or a generic adjective such as "novel" or "efficient"), so "we improve
abusive speech detection" keeps "abusive speech detection" and "the task" or "our
method" never match (neither ends in a head noun). Method phrases work alike with
method heads ("knowledge distillation", "dynamic quantization") but need a modifier:
a bare "learning" or "attention" is not a name.

Known lower-case names get the same treatment: a task or method the gazetteer found
("sentiment analysis", "knowledge distillation") is extended over a domain modifier
before it ("financial sentiment analysis", "online knowledge distillation"), and the
longer phrase becomes a variant of the known name. Annotators of GSAP-NER (Otto et al.,
2023) and TDMSci (Hou et al., 2021) both mark such phrases whole.

Everything is a compiled regex or a set look-up over words, so the cost per abstract is
one regex scan per head ending (four) and a few set look-ups per match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.name_spans import LANGUAGES as _LANGUAGES
from paperkg.graph.records import EntityType

_TASK_HEADS = (
    "detection recognition classification segmentation generation translation "
    "summarization summarisation answering parsing retrieval estimation prediction "
    "synthesis tagging labeling labelling disambiguation extraction normalization "
    "tracking captioning forecasting localization identification linking completion "
    "mining inpainting"
).split()
_METHOD_HEADS = frozenset(
    "distillation regularization optimization sampling quantization pruning augmentation "
    "pretraining pre-training fine-tuning finetuning".split()
)
# A modifier word: lower-case letters, maybe hyphenated ("short-text", "cross - lingual").
_MOD = r"[A-Za-z][a-z0-9]*(?:(?:-| - )[A-Za-z0-9][a-z0-9]*)*"
_HEAD_WORDS = frozenset(_TASK_HEADS) | _METHOD_HEADS


def _head_scans(heads: list[str]) -> tuple[tuple[str, re.Pattern[str], tuple[int, ...]], ...]:
    """One scan per head ending (-ion, -ing, -sis, -val): a needle, a regex, head lengths.

    Each regex starts with its ending as a literal, so `re` skips to the ending's three
    letters in C; one regex led by the four endings starts with a character set
    instead and stops at every "i" and "s" of the text, which costs more than four
    literal scans (0.097 s against 0.058 s on 5,000 abstracts). Behind an ending,
    the two letters before it rule out most words ("using", "learning"), then one
    fixed-width look-behind per head length checks the whole word, its heads as
    alternatives that `re` rules out by their first letter. Head length
    `lengths[match.lastindex]` (an empty group per length) ends at `match.end()`.
    The needle, the ending that the heads share after their first letter ("tion",
    "ynthesis"), rules out a text for the rarer heads with one cheap `in` test.
    """
    # What the look-behinds assume: lower-case heads of letters and hyphens, as the
    # plain suffix regex `[A-Za-z][a-z\-]*(?:ion|ing|sis|val)` would find them, with
    # two letters between the first (either case) and the ending.
    assert all(re.fullmatch(r"[a-z][a-z\-]{2,}(?:ion|ing|sis|val)", head) for head in heads)
    scans = []
    for suffix in ("ion", "ing", "sis", "val"):
        group = [head for head in sorted(heads) if head.endswith(suffix)]
        lengths = sorted({len(head) for head in group})
        behind = "|".join(
            rf"(?<=(?<![\w\-])(?:{'|'.join(_either_case(h) for h in group if len(h) == length)}))()"
            for length in lengths
        )
        endings = "|".join(sorted({re.escape(head[-len(suffix) - 2 :]) for head in group}))
        pattern = re.compile(rf"{suffix}(?![\w\-])(?<={endings})(?:{behind})")
        scans.append((_common_ending([head[1:] for head in group]), pattern, (0, *lengths)))
    return tuple(scans)


def _common_ending(words: list[str]) -> str:
    """The longest ending all `words` share."""
    ending = words[0]
    while not all(word.endswith(ending) for word in words):
        ending = ending[1:]
    return ending


def _either_case(head: str) -> str:
    """A regex for a lower-case head, lower-case or capitalised ("Parsing")."""
    return f"[{head[0].upper()}{head[0]}]{re.escape(head[1:])}"


_HEAD_SCANS = _head_scans(sorted(_HEAD_WORDS))


def find_heads(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every task or method head noun in `text`, in text order."""
    heads = []
    for needle, pattern, lengths in _HEAD_SCANS:
        if needle in text:  # "ynthesis" is in one abstract in seventeen, "etrieval" in fifteen
            heads += [(match.end() - lengths[match.lastindex], match.end()) for match in pattern.finditer(text)]
    heads.sort()  # heads are whole words, so no two overlap
    return heads


_MOST_MODIFIERS, _MOST_BEFORE = 3, 2  # words of `_MOD` each pattern takes at most
_MODIFIERS = re.compile(rf"(?<![\w\-])(?:{_MOD}\s){{1,{_MOST_MODIFIERS}}}")
_BEFORE = re.compile(rf"(?<![\w\-])(?:{_MOD}\s){{1,{_MOST_BEFORE}}}")

# Words that end a phrase on their left: they do not modify the head noun.
_STOP = frozenset(
    """a an the this that these those our their its his her my your we they it which what
    whose such each every any some all both either neither no not other another same
    several many much more most few less least of in on for to with by from at as into
    onto over under between among via per than and or but nor so if then also only even
    just very well is are was were be been being has have had do does can could may might
    must shall should will would new novel proposed existing previous prior recent current
    standard traditional conventional classical typical popular common general generic
    simple basic naive efficient effective accurate robust scalable fast faster improved
    better best good strong weak high low large small big various different multiple
    single two three first second final next main key important challenging difficult hard
    complex real practical automatic automated precise successful further additional full
    complete overall joint downstream related similar specific particular certain given
    whole entire true false neural deep statistical supervised unsupervised
    semi-supervised self-supervised weakly-supervised state-of-the-art so-called
    well-known task tasks method methods model models approach approaches use perform
    improve enable address tackle solve study investigate explore apply evaluate achieve
    boost support facilitate benefit require propose present introduce consider combine
    integrate leverage exploit enhance help make allow show demonstrate learn train test
    compare handle focus yield outperform via using based after before during through
    within without across against along around about above below beyond upon toward
    towards while when where whereas since until unlike like including gold divide built
    accelerate develop design build construct employ adopt utilize utilise incorporate
    reduce increase adapt extend generalize generalise analyze analyse assess measure
    unify simplify refine stabilize stabilise conduct provide obtain produce reach include
    i.e. e.g. etc large-scale small-scale real-world high-quality long-term short-term
    open-source end-to-end data-driven""".split()
)
# Heads that name a task only with a modifier in front: alone they are ordinary words.
_NEEDS_MODIFIER = frozenset(
    "generation prediction estimation extraction identification linking completion "
    "mining recognition detection tracking localization labeling labelling synthesis "
    "answering captioning forecasting normalization inpainting segmentation tagging "
    "retrieval disambiguation".split()
)
# Task heads that name a task alone ("parsing"): methods need a modifier, and so do these.
_MAY_BE_BARE = frozenset(_TASK_HEADS) - _NEEDS_MODIFIER - _METHOD_HEADS
_TASK, _METHOD, _METRIC = EntityType.TASK, EntityType.METHOD, EntityType.METRIC
# Words after a head that show it modifies another noun ("classification accuracy").
_NOT_HEAD_BEFORE = frozenset(
    "accuracy accuracies error errors rate rates score scores performance loss losses "
    "layer layers head heads model models network networks module modules quality data "
    "system systems rule rules table tables lexicon pair pairs probability probabilities "
    "cost time result results feature features".split()
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A task or method phrase at [start, end) of a text."""

    start: int
    end: int
    type: EntityType


def find_phrases(text: str) -> list[Phrase]:
    """Every task or method phrase that a head noun marks in `text`.

    Args:
        text: a title and abstract, or any text.

    Returns:
        Phrases in text order; a bare head counts only for the unambiguous task heads
        ("parsing", "summarization"); methods need at least one modifier.
    """
    return [Phrase(*phrase) for phrase in _phrase_spans(text)]


def _phrase_spans(text: str) -> list[tuple[int, int, EntityType]]:
    """`find_phrases` as plain tuples, for `find_phrase_candidates` (a frozen dataclass costs more)."""
    found, previous = [], 0
    # Heads first, then a look back over a short window: far cheaper than one regex
    # that tries "up to three words and a head" at every position of the text.
    for head_start, head_end in find_heads(text):
        if _modifies_next(text, head_end):
            continue
        start = head_start
        limit = head_start - 80 if head_start - 80 > previous else previous
        words = _words_before(_MODIFIERS, text, head_start, limit, _MOST_MODIFIERS)
        if words is not None:
            start = words + _modifier_offset(text, text[words:head_start], words)
        previous, head = head_end, text[head_start:head_end]
        if start < head_start:
            found.append((start, head_end, _METHOD if head.lower() in _METHOD_HEADS else _TASK))
        elif head.lower() in _MAY_BE_BARE and _is_lower_word(text, head, head_start):
            found.append((start, head_end, _TASK))
    return found


def extend_known(text: str, start: int, metric: bool = False) -> int:
    """Where a known lower-case name starting at `start` begins with its modifiers.

    Only domain modifiers count here ("financial", "short-text", "cross - lingual",
    "English"), and for metrics the ways of averaging and counting ("micro-averaged
    accuracy", "labeled precision", "unigram BLEU"): the name itself already says what
    it is.
    """
    window = text[start - 60 if start > 60 else 0 : start]
    # The words kept are among the window's last two unless " - " joins words there,
    # and an allowed word holds a hyphen or is one word of a set, so either test finds
    # it: most known names have no allowed word before them, and nothing to look for.
    # The two tests are `_is_metric_modifier` and `_is_domain_word` written out, as this
    # runs for every lower-case known name (two calls fewer a name, a tenth faster).
    if " - " not in window:
        words = window.rsplit(None, 2)[-2:]
        if metric:
            for word in words:
                if "-" in word or word.lower() in _METRIC_MODIFIERS:
                    break
            else:
                return start
        else:
            for word in words:
                if "-" in word or word in _LANGUAGES or word.lower() in _DOMAINS:
                    break
            else:
                return start
    return _extend_over(text, start, _is_metric_modifier if metric else _is_domain_word)


def _extend_over(text: str, start: int, allowed: Callable[[str], bool]) -> int:
    """`extend_known` without its shortcut: the `allowed` words before `start`, if any."""
    begin = _words_before(_BEFORE, text, start, max(0, start - 60), _MOST_BEFORE)
    if begin is None:
        return start
    span = text[begin:start]
    offset = _modifier_offset(text, span, begin)
    words = span[offset:].replace(" - ", "---").split(" ")[:-1]  # "x y " -> ["x", "y"]
    while words and not allowed(words[0].replace("---", "-")):
        offset += len(words.pop(0)) + 1  # keep the allowed words nearest the name
    return begin + offset if words else start


def _words_before(
    pattern: re.Pattern[str], text: str, end: int, limit: int, most: int
) -> int | None:
    """Where the longest run of words that `pattern` takes ends at `end`, or None.

    Tries the starts of the last few words, farthest first, with anchored matches: a
    `$`-anchored search would try every position of the window instead. `pattern` takes
    at most `most` words of `_MOD`; only " - " puts a space inside one, so a start with
    more spaces after it and no " - " is not tried, nor looked for.
    """
    starts, position = [], end - 1
    for _ in range(6 if text.find(" - ", limit, end) >= 0 else most):
        space = text.rfind(" ", limit, position)
        if space < 0:
            starts.append(limit)
            break
        starts.append(space + 1)
        position = space
    for words in range(len(starts), 0, -1):
        start = starts[words - 1]
        if words > most and text.find(" - ", start, end) < 0:
            continue
        if pattern.fullmatch(text, start, end):
            return start
    return None


def _modifier_offset(text: str, span: str, span_start: int) -> int:
    """How many characters of `span` to drop: everything up to its last stop word.

    The words are read from the last one back, so that the first word that cannot
    modify settles it and the words before it are never looked at.
    """
    dashed = "-" in span  # without a hyphen, neither replacement changes a thing
    joined = span.replace(" - ", "---") if dashed else span  # " - ", "---": 3 characters
    position = len(joined) + 1
    for word in reversed(joined.split(" ")):
        position -= len(word) + 1  # where `word` starts
        if word and not _is_modifier(word.replace("---", "-") if dashed else word, text, span_start + position):
            return min(position + len(word) + 1, len(span))
    return 0


def _is_modifier(word: str, text: str, at: int) -> bool:
    """Whether `word`, at `at` in `text`, can modify a head noun (see `_modifier_by_word`)."""
    verdict, capitalised, modifier = _modifier_by_word(word)
    if verdict is not None:
        return verdict
    if capitalised and not _starts_sentence(text, at):
        return False
    return modifier and not _follows_subject(text, at)


@lru_cache(maxsize=65536)
def _modifier_by_word(word: str) -> tuple[bool | None, bool, bool]:
    """What a word alone says of modifying a head noun: (verdict, capitalised, modifier).

    `verdict` is the answer when the word settles it (a stop word never modifies, a
    language pair always does), else None, and then a `capitalised` word other than a
    language is a name unless a sentence starts there, and a word that is no
    `modifier` by its form (an adverb, participle, plural or number) never is. Phrases
    are made of the same few thousand words, hence the cache.
    """
    lower = word.lower()
    if lower in _STOP or lower.rstrip("s") in _STOP:
        return False, False, False
    if _is_language_pair(word):
        return True, False, True
    capitalised = word[:1].isupper() and word not in _LANGUAGES
    inflected = lower.endswith(("ly", "ed", "ing", "'s")) and "-" not in lower
    plural = lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ics", "news"))
    return None, capitalised, not (inflected or plural or lower.isdigit())


_SUBJECTS = frozenset("we they i it can could may might will would should must".split())


def _follows_subject(text: str, at: int) -> bool:
    """Whether the word at `at` comes right after a subject pronoun or a modal verb."""
    space = text.rfind(" ", max(0, at - 8), at - 1)
    return text[space + 1 : at - 1].lower() in _SUBJECTS if at > 1 and text[at - 1] == " " else False


def _is_language_pair(word: str) -> bool:
    """ "Chinese-to-English", "English-German": a language pair, as in "... translation"."""
    parts = [part for part in word.split("-") if part != "to"]
    return len(parts) >= 2 and all(part in _LANGUAGES for part in parts)


def _is_lower_word(text: str, word: str, at: int) -> bool:
    """A bare head counts lower-case, or capitalised only where a sentence starts."""
    return word.islower() or (word[1:].islower() and _starts_sentence(text, at))


def _is_domain_word(word: str) -> bool:
    return "-" in word or word in _LANGUAGES or word.lower() in _DOMAINS


_DOMAINS = frozenset(
    """biomedical clinical medical financial legal scientific multilingual bilingual
    monolingual crosslingual multimodal multi-modal multi-document multidocument
    document sentence passage dialogue conversational open-domain abstractive
    extractive online offline aspect query video image speech audio text code graph
    temporal spatial fine-grained commonsense visual spoken textual molecular mathematical
    math news social""".split()
)


_METRIC_MODIFIERS = frozenset(
    """labeled unlabeled labelled unlabelled micro macro weighted averaged average mean
    pairwise relational exact token word sentence character document corpus unigram
    bigram""".split()
)


def _is_metric_modifier(word: str) -> bool:
    return "-" in word or word.lower() in _METRIC_MODIFIERS


def _starts_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(" ")
    return at == 0 or not before or before[-1] in ".!?:\n"


def _modifies_next(text: str, end: int) -> bool:
    """Whether the word after a head shows the head modifies it ("parsing accuracy")."""
    if text[end : end + 1] != " ":  # a mark or the end of the text: no next word
        return False
    following = text[end : end + 16].split(None, 1)
    return bool(following) and following[0].lower() in _NOT_HEAD_BEFORE


# "3D CNNs", "2D-ResNet", "1D convolutional neural network": the dimension makes another
# architecture, a variant of the one named (SciER and GSAP-NER mark it in the name).
_DIMENSIONED = frozenset({EntityType.METHOD, EntityType.MODEL})
_DIMENSION_BEFORE = re.compile(r"(?<![\w.])[1-4]D(?: - |-| )$")
# Anywhere in a text: where this finds nothing, `_DIMENSION_BEFORE` finds nothing
# either, and six abstracts in seven have no dimension at all. Led by the literal "D",
# which `re` skips to in C: led by the character set [1-4], it costs twelve times more.
_ANY_DIMENSION = re.compile(r"D(?<=[1-4]D)[ -]")


def _dimension_start(text: str, start: int) -> int | None:
    """Where a dimension written right before `start` begins ("3D " + "CNN"), or None."""
    match = _DIMENSION_BEFORE.search(text, max(0, start - 6), start)
    return match.start() if match else None


def find_phrase_candidates(
    text: str, found: list[Candidate], lookup: Callable[[str], object] | None,
) -> list[Candidate]:
    """The `kg_phrases` candidates of a text: head-noun phrases and modifiers of known names.

    Args:
        text: the text the candidates were found in.
        found: the candidates of the earlier components (only read).
        lookup: the shared lexicon's lookup, to make a phrase a variant of the known name
            it ends with; None leaves phrases without a parent.

    Returns:
        The new candidates, in the order they are found.
    """
    added: list[Candidate] = []
    dimensioned = _DIMENSIONED if _ANY_DIMENSION.search(text) else ()
    # New candidates take positional arguments only (entity, role, aliases and
    # variant_of last): keywords cost a third more per candidate.
    for candidate in found:
        if candidate.component == "kg_coined":
            continue  # a name as the paper coins it: "an instance-level [Shortcut Score]"
        # The type read once and compared by identity: this loop sees every candidate.
        kind = candidate.type
        if metric := kind is _METRIC:
            if candidate.component == "kg_abbreviations":
                _add_defined_metric(text, candidate, added)
        if metric or (kind is _TASK or kind is _METHOD) and text[candidate.start].islower():
            start = extend_known(text, candidate.start, metric)
            if start < candidate.start:
                added.append(Candidate(start, candidate.end, text[start : candidate.end],
                                       candidate.type, candidate.confidence - 0.2, "kg_phrases",
                                       None, None, (), candidate.name))
        if kind in dimensioned and (start := _dimension_start(text, candidate.start)) is not None:
            added.append(Candidate(start, candidate.end, text[start : candidate.end],
                                   candidate.type, candidate.confidence - 0.1, "kg_phrases",
                                   None, None, (), candidate.name))
    for start, end, kind in _phrase_spans(text):
        name = text[start:end]
        added.append(Candidate(start, end, name, kind, 0.55, "kg_phrases", None, None, (),
                               _known_parent(name, lookup)))
    return added


def _add_defined_metric(text: str, candidate: Candidate, found: list) -> None:
    """A metric and its defined short form as one mention: "word error rate (WER)".

    TDMSci's annotators mark metric definitions whole; the entity keeps both forms
    as aliases either way, so the graph loses nothing.
    """
    short = candidate.aliases[-1] if candidate.aliases else ""
    match = re.match(rf"\s*\(\s*{re.escape(short)}\s*\)", text[candidate.end : candidate.end + len(short) + 8])
    if short and match and text[candidate.start : candidate.end] == candidate.aliases[0]:
        found.append(Candidate(candidate.start, candidate.end + match.end(), candidate.name,
                               candidate.type, candidate.confidence, "kg_phrases",
                               candidate.entity, aliases=candidate.aliases))


def _known_parent(name: str, lookup: Callable[[str], object] | None) -> str | None:
    """The longest known name that `name` ends with ("document classification")."""
    if lookup is None:
        return None
    words = name.split()
    for index in range(1, len(words)):
        entity = lookup(" ".join(words[index:]))
        if entity is not None:
            return entity.name
    return None
