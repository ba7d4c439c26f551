"""graph/extract/text/affixes.py: the quick affix, infix and URL searches find exactly what spaCy's
compiled expressions find (kept here as the oracle).
"""

import random

import pytest
from spacy.lang.en import English
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from paperkg.graph.extract.text.affixes import InfixFinditer, PrefixSearch, SuffixSearch, UrlMatch
from sample_texts import EDGE_WORDS, word_edge_texts
from seed_page import seed_lines


def random_strings(count: int, seed: int) -> list[str]:
    """Short strings over the characters the affix rules care about."""
    alphabet = list("aAzZsSmgkKhT019.,;:!?()[]{}<>-–—~/\\=+*^%$#&@_'\"`’”“…°€¥§±×→😀αé\n ")
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(count)]


def span(match):
    return None if match is None else match.span()


def test_affix_searches_find_what_the_full_expressions_find():
    defaults = English.Defaults
    prefix, suffix = PrefixSearch(defaults.prefixes), SuffixSearch(defaults.suffixes)
    infix = InfixFinditer(defaults.infixes)
    url = UrlMatch(defaults.url_match.__self__)
    plain_prefix = compile_prefix_regex(defaults.prefixes).search
    plain_suffix = compile_suffix_regex(defaults.suffixes).search
    plain_infix = compile_infix_regex(defaults.infixes).finditer
    words = [w for text in word_edge_texts() for w in text.split()]
    for string in [*random_strings(20000, seed=11), *words, *EDGE_WORDS]:
        assert span(prefix.search(string)) == span(plain_prefix(string)), string
        assert span(suffix.search(string)) == span(plain_suffix(string)), string
        assert [m.span() for m in infix.finditer(string)] == [m.span() for m in plain_infix(string)]
        assert span(url.match(string)) == span(defaults.url_match(string)), string


# "a|b" + "$" anchors only "b", so the full expression is no union of anchored rules;
# left out of a smaller expression, "(x)" would renumber the groups after it.
@pytest.mark.parametrize("entries", [["a|b", "c"], ["(x)y", "z"]])
def test_rules_not_tried_apart_fall_back_to_the_full_expression(entries):
    suffix, prefix = SuffixSearch(entries), PrefixSearch(entries)
    assert suffix._rules is None and prefix._rules is None
    for string in ["xa", "ax", "xb", "bx", "c", "xc", "xy", "axy", "xyz", "z", "zxy"]:
        assert span(suffix.search(string)) == span(compile_suffix_regex(entries).search(string))
        assert span(prefix.search(string)) == span(compile_prefix_regex(entries).search(string))


def long_strings(count: int, seed: int) -> list[str]:
    """Chunks of up to 40 characters, dense in the characters affix rules care about."""
    alphabet = list("aAzZs019.,:;-–—~/=+*^<>…°%)(😀αé'’\"")
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_infixes_tried_where_they_can_begin_are_the_full_expressions_matches():
    infixes = English.Defaults.infixes
    ours, plain = InfixFinditer(infixes).finditer, compile_infix_regex(infixes).finditer
    words = [w for line in seed_lines() for w in line.split()]
    extra = ["state-of-the-art", "a..b...c", "x-y-z-", "-x-", "10-20-30", "α-β-γ", "é…é"]
    for string in [*long_strings(5000, seed=5), *words, *extra]:
        assert [m.span() for m in ours(string)] == [m.span() for m in plain(string)], string


def test_suffix_searches_bounded_by_a_run_of_dots_are_the_full_expressions():
    suffixes = English.Defaults.suffixes
    ours, plain = SuffixSearch(suffixes).search, compile_suffix_regex(suffixes).search
    dots = ["...", "a...", "a.", "1.", "°C.", "x.y..", ".a.", "A.", "é..", "10%.", "a\n.", ".a"]
    words = [w for line in seed_lines() for w in line.split()]
    for string in [*long_strings(5000, seed=7), *words, *dots]:
        found, expected = ours(string), plain(string)
        assert (found and found.span()) == (expected and expected.span()), string


def test_searches_of_other_rules_share_no_per_character_search():
    # The per-character searches are shared by the searches of the same rules (each
    # extractor builds its tokenizers afresh); a search of other rules builds its own.
    for cls, compile_plain, strings in (
        (PrefixSearch, compile_prefix_regex, ["ab", "ba", "a", "b", "c"]),
        (SuffixSearch, compile_suffix_regex, ["ab", "ba", "a", "b", "xa", "xb"]),
    ):
        first, other, again = cls(["a"]), cls(["b"]), cls(["a"])
        for string in strings:
            first.search(string)  # builds first's searches of each string's anchor character
            for search, entries in ((other, ["b"]), (again, ["a"])):
                expected = compile_plain(entries).search(string)
                assert span(search.search(string)) == span(expected), (cls.__name__, entries, string)
