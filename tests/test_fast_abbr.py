"""The fast paths of abbreviations, sentences, results and detokenizing agree with the plain
computations they replace.

Each reference below is the straightforward version the module used before (a regex
tried at every position, a character-by-character loop, every word of a window split
off); the fast one must give exactly what it gives, on the seed page's real sentences,
on edge cases, and on texts made at random (with a fixed seed) from the pieces the
rules react to.
"""

import random
import re

import pytest
from test_extract_fast_paths import seed_lines

from paperkg.graph.extract.rules.abbreviations import (
    _PAREN, _clause_start, _define, _is_short_form, _trimmed_definition, best_long_form, find_definitions,
    is_venue, type_of_long_form,
)
from paperkg.graph.extract.components import _bare_uses
from paperkg.graph.extract.text.detokenize import looks_tokenized
from paperkg.graph.extract.rules.results import (
    _METRIC_FIRST, _VALUE_FIRST, _digit_runs, _metric_first, _value_first,
)
from paperkg.graph.extract.text.sentences import _BOUNDARY, _boundaries, split_sentences
from paperkg.graph.records import EntityType

PLAIN_BREAK = re.compile(r"[,;:!?]|\.\s|\s(?:and|or|but|which|that|where|while|whereas)\s|\(|\)")

ABBREVIATION_EDGE_TEXTS = [
    "deep kernel machines (DKMs) and sparse autoencoders (SAEs)",
    "a model, and deep kernel machines (DKM)",
    "x. and deep kernel machines (DKM)",
    "first or and deep kernel machines (DKM)",
    "and (AB) or a b (AB)",
    "   (AB)",
    '"Hollow-tree Super" (HOTS) and \u201cquoted\u201d (Q)',
    "the \u0130stanbul Archive (\u0130A) and the Istanbul Archive (IA)",
    "a" * 230 + " b c (ABC)",
    "word " * 60 + "alpha beta (AB)",
    "alpha,beta gamma (BG) alpha;beta (AB)",
    "whereas alpha beta whereas (AB) where alpha beta (AB)",
    "x. and or and or but alpha beta (AB), y and or and alpha beta (AB)",
    "a1 b2 c3 d4 e5 f6 g7 h8 (ABCDEFGH) and a b c d e f g h i j k l m n o p (ABCDEFGHs)",
]
PIECES = [
    "and", "or", "whereas", "where", "that", "but", ".", ",", ";", ":", "!", "?", "(", ")", " ", " ", " ",
    "  ", "\n", "\t", "\u00a0", "deep", "kernel", "machines", "Deep", "a", "b", "ab", "x1", "2", '"',
    "\u201c", "-", "\u0130", " (DKM)", " (DKMs)", " (AB)", " (A B)", "( AB )", " (2B)", " (Ab)",
    " (ABCDEFGH)",
]


def random_texts(count: int, pieces: list[str], most: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, most))) for _ in range(count)]


def plain_best_long_form(short, words):
    """The reference: Schwartz & Hearst's loop, one character of the long form at a time."""
    chars = [ch.lower() for ch in short if ch.isalnum()]
    if short.endswith("s") and len(chars) > 2 and short[-2].isupper():
        chars = chars[:-1]
    text = " ".join(words).lower()
    s_index, l_index = len(chars) - 1, len(text) - 1
    used_words = set()
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


def plain_define(text, short, paren, short_start):
    """The reference: the whole window scanned for its last break, every word split off."""
    window_start = max(0, paren - 200)
    before = text[window_start:paren]
    clause = None
    for clause in PLAIN_BREAK.finditer(before):  # noqa: B007
        pass
    if clause is not None:
        window_start += clause.end()
        before = text[window_start:paren]
    runs = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", before)]
    runs = runs[-min(len(short) + 5, len(short) * 2):]
    if not runs:
        return None
    offset = plain_best_long_form(short, [word for _, word in runs])
    if offset is None:
        return None
    start, end = window_start + runs[offset][0], window_start + runs[-1][0] + len(runs[-1][1])
    return _trimmed_definition(text, short, start, end, short_start)


def abbreviation_texts() -> list[str]:
    return [*seed_lines(), *ABBREVIATION_EDGE_TEXTS, *random_texts(3000, PIECES, 80)]


def test_last_clause_break_is_the_last_match_of_the_plain_scan():
    rng = random.Random(3)
    for text in abbreviation_texts():
        for _ in range(3):
            start = rng.randint(0, len(text))
            stop = rng.randint(start, len(text))
            plain = None
            for plain in PLAIN_BREAK.finditer(text, start, stop):  # noqa: B007
                pass
            assert _clause_start(text, start, stop) == (plain.end() if plain else start), (text, start, stop)


def test_definitions_are_those_of_the_plain_algorithm():
    defined = 0
    for text in abbreviation_texts():
        for match in _PAREN.finditer(text):
            if _is_short_form(short := match.group(1)):
                plain = plain_define(text, short, match.start(), match.start(1))
                assert _define(text, short, match.start(), match.start(1)) == plain, text
                defined += plain is not None
    assert defined > 300  # the comparison has teeth


def test_long_form_search_agrees_with_the_character_loop():
    rng = random.Random(1)
    vocabulary = ["deep", "Kernel", "machines", "a", "ab", "b-a", "x", "\u0130x", "ss", "s", "AB", "k9", "9k"]
    shorts = ["DKM", "AB", "ABs", "SAEs", "\u0130A", "aB", "9K", "A-B", "ss", "KS", "A", "", "-"]
    for _ in range(5000):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 8))]
        short = rng.choice(shorts)
        assert best_long_form(short, words) == plain_best_long_form(short, words), (short, words)


def plain_bare_uses(text, short):
    """The reference: every place `short` starts, kept when no word character touches it."""
    uses = []
    for start in range(len(text)):
        if not text.startswith(short, start):
            continue
        end = start + len(short) + text.startswith("s", start + len(short))
        before, after = text[start - 1 : start], text[end : end + 1]
        if not re.fullmatch(r"[\w-]", before) and not re.fullmatch(r"[\w-]", after):
            uses.append((start, end))
    return uses


def test_bare_uses_are_the_whole_word_occurrences():
    pieces = ["A", "B", "s", "-", "_", " ", "a", "1", "\u00e9", "AB", "ABs", "\n", "(AB)"]
    for text in [*seed_lines(), *random_texts(2000, pieces, 12)]:
        for short in ("A", "AB", "ABs", "A B", "s", "B-", "\u00e9", "LLM", "RL"):
            assert _bare_uses(text, short) == plain_bare_uses(text, short), (text, short)


PLAIN_SENTENCE_END = re.compile(r"(?:[.!?][\"')\]]?)\s+(?=[A-Z0-9(\[\"'])|\n\s*\n")
PLAIN_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|Tab|Ref|Refs|No|approx|resp|Dr|Mr|Ms|"
    r"Prof|St|Jr|Inc|Ltd|Co|Corp|al|viz|ca|w\.r\.t|[A-Z])\.$"
)
SENTENCE_EDGE_TEXTS = [
    "We use e.g. BERT. It works, cf. Fig. 2. Then we stop.",
    "Title ends with Plan B.\n\nAbstract starts. J. Smith et al. (2020) said so.",
    "A title, i.e.\n\n\nAbstract. (Yes) it is! 'Quoted.' \"Q?\" [1] x.) Y",
    "e.g. 5 x.\n\n\n",
    "Fig. 1 shows w.r.t. X. approx. 5 (approx. Five) e.g.) Then.\n \nNext",
    "no end mark\n\nlower case. after.\n\n",
]
SENTENCE_PIECES = [
    ".", ".", "!", "?", "\n", "\n\n", " ", " ", "\t", "e.g", "et al", "al", "J", "A", "Fig", "(", ")", '"',
    "'", "x", "1", "]", "[", "w.r.t", "approx", "No", "Word", "\u00a0", "\x1c", "\u00c9",
]


def plain_split_sentences(text):
    """The reference: every end mark matched, then tested for an abbreviation before it."""
    ends = []  # (where a sentence stops, where the next may start)
    for match in PLAIN_SENTENCE_END.finditer(text):
        stop = match.start() + len(match.group(0).rstrip())
        if text[match.start()] != "." or not PLAIN_ABBREVIATION_END.search(text, max(0, stop - 12), stop):
            ends.append((stop, match.end()))
    starts = [0, *(end for _, end in ends)]
    spans = [(start, stop) for start, (stop, _) in zip(starts, ends) if stop > start]
    return spans + [(starts[-1], len(text.rstrip()))] if text[starts[-1]:].strip() else spans


def sentence_texts() -> list[str]:
    no_marks = [piece for piece in SENTENCE_PIECES if piece not in "!?"]
    return [*seed_lines(), *SENTENCE_EDGE_TEXTS, "\n\n".join(seed_lines()),
            *random_texts(3000, SENTENCE_PIECES, 25), *random_texts(3000, no_marks, 25, seed=1)]


def test_sentences_are_those_of_the_plain_splitter():
    for text in sentence_texts():
        assert split_sentences(text) == plain_split_sentences(text), text


def test_full_stops_and_blank_lines_are_the_boundary_matches():
    for text in sentence_texts():
        assert [m.span() for m in _boundaries(text)] == [m.span() for m in _BOUNDARY.finditer(text)], text


RESULT_PIECES = [
    "accuracy", "F1", "score", " of ", "of", " ", "  ", "\n", "5", "12", "3.5", "1,000", "%", "pp", "x",
    " on ", " in ", " the ", "ImageNet", "X", "top-1 ", "error rate", "over ", "less than ", "(", ")", "a",
    "-", "@", "pass@1", ",", ".", "xaccuracy", "win rate", "points", "\u0663", "\uff15", "1.5.3", "1,2345",
    "0",
]


def result_texts() -> list[str]:
    return [*seed_lines(), *random_texts(20000, RESULT_PIECES, 16, seed=2)]


def test_metric_first_search_finds_what_a_full_scan_finds():
    found = 0
    for text in result_texts():
        full = [(m.span(), m.groupdict()) for m in _METRIC_FIRST.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _metric_first(text)] == full, text
        found += bool(full)
    assert found > 100  # the comparison has teeth


def test_value_first_matches_from_digit_runs_are_those_of_a_full_scan():
    found = 0
    for text in [*result_texts(), "no digits at all", "", "\u0663 on X", "x\uff15 on Y 7", "\u00e9 12 on X"]:
        runs = [match.start() for match in re.finditer(r"(?<!\d)\d", text)]
        assert _digit_runs(text) == runs, text
        full = [(m.span(), m.groupdict()) for m in _VALUE_FIRST.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _value_first(text, runs)] == full, text
        found += bool(full)
    assert found > 100  # the comparison has teeth


def test_short_form_test_agrees_with_the_plain_one():
    def plain(short):
        if not 2 <= len(short) <= 10 or len(short.split()) > 2:
            return False
        if not (short[0].isalnum() and any(ch.isupper() for ch in short)):
            return False
        return short[0].isalpha() or (len(short) > 1 and short[1].isalpha())

    shorts = [match.group(1) for text in abbreviation_texts() for match in _PAREN.finditer(text)]
    letters = ["A", "b", "1", " ", "\u0130", "\u01c5", "\u2102", "-", "s", "\u00e9", "\u03a3"]
    shorts += random_texts(5000, letters, 12)
    for short in shorts:
        assert _is_short_form(short) == plain(short), short


@pytest.mark.parametrize(("long", "expected"), [
    ("Text Analysis Conference", EntityType.BENCHMARK),
    ("Chinese Opinion Analysis Evaluations", EntityType.BENCHMARK),
    ("text analysis conference", None),
    ("abstractive summarisation", EntityType.TASK),
    ("sequence labelling", EntityType.TASK),
    ("multi-object tracking", EntityType.TASK),
    ("word error rates", EntityType.METRIC),
    ("sparse autoencoders", EntityType.METHOD),
    ("Gaussian process", EntityType.METHOD),
    ("residual units-", EntityType.METHOD),
    ("stochastic configuration networks", EntityType.MODEL),
    ("neural address", None),
])
def test_long_forms_are_typed_by_their_head_word(long, expected):
    assert type_of_long_form(long) is expected


def test_tokenized_text_is_told_as_the_plain_test_tells_it():
    def plain(text):
        if " , " not in text and " . " not in text and not text.endswith(" ."):
            return False
        spaced = len(re.findall(r"\w [,.;:)](?:\s|$)", text))
        return spaced > 0 and spaced > len(re.findall(r"\w[,.;:)](?:\s|$)", text))

    edges = ["RTE - 5 test set ( Bentivogli et al . )", "x ,y", "uses .NET", "ends with a .", "a , b , c. d",
             " ."]
    pieces = ["a", "b", " ", " ", " , ", " . ", ".", ";", ")", "x1", "\n"]
    texts = [*seed_lines(), *edges, *random_texts(5000, pieces, 20, seed=4)]
    assert sum(plain(text) for text in texts) > 300
    for text in texts:
        assert looks_tokenized(text) == plain(text), text


@pytest.mark.parametrize(("text", "venue"), [
    ("the International Conference on Machine Learning (ICML) and", True),
    ("at the Workshops of Neural Information Processing Systems (NeurIPS)", True),
    ("the Association for Computational Linguistics (ACL)", True),
    ("the Text Analysis Conference (TAC) track", False),
    ("a PreConference on Tests (PCT)", False),
    ("deep kernel machines (DKMs)", False),
])
def test_venues_are_told_by_their_head_words(text, venue):
    (definition,) = find_definitions(text)
    assert is_venue(text, definition) is venue
