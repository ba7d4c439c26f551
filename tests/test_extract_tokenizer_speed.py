"""The quick-affix tokenizer splits text exactly as spaCy's English tokenizer does.

Its searches (graph/extract/text/affixes.py) skip work the plain expressions would do; these
tests keep the plain expressions as the reference: the same tokens (text, whitespace,
lower case and norm) on real abstract sentences and on edge cases, the same match spans
on random strings, and a tokenizer that saves and loads like spaCy's.
"""

import pickle
import random
from pathlib import Path

import pytest
import spacy
from spacy.lang.en import English
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from paperkg.graph.extract import Extractor, Gazetteer
from paperkg.graph.extract.text.affixes import InfixFinditer, PrefixSearch, SuffixSearch, UrlMatch
from paperkg.graph.extract.text.tokenizer import TOKENIZER, blank_pipeline, trim_lexical_attributes

SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"

EDGE_WORDS = [
    "GPT-4o", "1.5B", "(e.g.,", "i.e.,", "CIFAR-10/100", "U.S.", "don't", "can't", "It's",
    "models'", "10%", "3x", "2.5x", "$10^5$", "$\\times$", "($48$", "US$5", "€3.2M", "5km",
    "3km/h", "20°C.", "https://github.com/org/repo.", "(https://arxiv.org/abs/2401.01234)",
    "www.example.com,", "user@example.com", "<a@b.co>", "“quoted”", "‘single’", "\"GPT\"",
    "'LLM'", "state–of–the–art", "pre—training", "x--y", "a~b", "A/B", "a:b", "x=1", "<s>",
    "</s>", "1e-5", "3.14", "1,000,000", "5.0.", "...", "etc.", "e.g", ":)", ":-(", "^_^",
    "-_-", "<3", ":D", "C++", "C#", "F1-score", "top-1", "k-NN", "x86_64", "U-Net++", "[CLS]",
    "{x}", "(a)-(b)", "24h", "10a.m.", "Fig.", "No.", "pp.", "St.", "Ph.D.", "Mr.", "A.I.",
    "vs.", "w/o", "w/", "#1", "&", "*", "§3", "±0.5", "≥90%", "≈", "→", "×", "😀!", "α-β",
    "Tülu-3", "naïve", "Schrödinger's", "BLEU-4,", "ROUGE-L)", "(SOTA).", "LLaMA-2-7B", "o1",
    "DeepSeek-R1's", "’s", "'S", "i.", "I'm", "y'all", "gonna", "'cause", "o'clock", "\u00a0",
    "a\u200bb", "x\ty", "10-20%", "5-10x", "~5", "+3.2", "-0.1", "2024-01-01", "v2.1.0",
]
WRAPPERS = ["{}", "({})", "{},", "{}.", "\"{}\"", "({}),", "[{}]:", "{}'s", "'{}'", "{};"]


def reference_tokenizer():
    """The tokenizer the extractor used before: spaCy's own, with lean lexemes."""
    nlp = spacy.blank("en")
    trim_lexical_attributes(nlp.vocab)
    return nlp.tokenizer


def token_view(doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.whitespace_, t.lower_, t.norm_) for t in doc]


def edge_texts() -> list[str]:
    words = [wrapper.format(word) for word in EDGE_WORDS for wrapper in WRAPPERS]
    rng = random.Random(3)
    sentences = [" ".join(rng.sample(words, 12)) for _ in range(200)]
    return [*words, *sentences, "  double  spaces\n\nand\ttabs ", "", " ", "end\n"]


def test_extractor_tokenizer_splits_every_text_as_spacy_does():
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours, reference = Extractor(Gazetteer([])).nlp.tokenizer, reference_tokenizer()
    plain = spacy.blank("en").tokenizer
    for text in [*lines, "\n\n".join(lines), *edge_texts()]:
        expected = token_view(reference(text))
        assert token_view(ours(text)) == expected, text
        assert [(t.text, t.whitespace_) for t in plain(text)] == [(t, w) for t, w, *_ in expected]


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
    words = [w for text in edge_texts() for w in text.split()]
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


def test_tokenizer_is_registered_and_saves_as_spacy_patterns(tmp_path):
    nlp = blank_pipeline()
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER
    plain = spacy.blank("en").tokenizer
    assert plain.from_bytes(nlp.tokenizer.to_bytes()).suffix_search.__self__.pattern == (
        spacy.blank("en").tokenizer.suffix_search.__self__.pattern
    )
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    unpickled = pickle.loads(pickle.dumps(nlp.tokenizer))
    text = "GPT-4o reaches 90.1% (e.g., on CIFAR-10/100), don't it?"
    expected = [(t.text, t.whitespace_) for t in plain(text)]
    assert [(t.text, t.whitespace_) for t in loaded(text)] == expected
    assert [(t.text, t.whitespace_) for t in unpickled(text)] == expected



def test_plain_spacy_finds_the_tokenizer_by_its_registered_name():
    import subprocess
    import sys

    code = ("import spacy; nlp = spacy.blank('en', config={'nlp': {'tokenizer': "
            "{'@tokenizers': 'paperkg.faster_affixes_tokenizer.v1'}}}); "
            "print(' '.join(t.text for t in nlp('GPT-4o (e.g., CIFAR-10/100).')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["GPT-4o", "(", "e.g.", ",", "CIFAR-10/100", ")", "."]
