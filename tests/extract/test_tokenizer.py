"""graph/extract/text/tokenizer.py: the extractor's tokenizer splits text exactly as spaCy's English
tokenizer does, and spaCy finds it by its registered name.
"""

import pickle
import spacy

from paperkg.graph.extract import Extractor, Gazetteer
from paperkg.graph.extract.text.tokenizer import TOKENIZER, blank_pipeline, trim_lexical_attributes
from sample_texts import CLAUSE_EDGE_TEXTS, word_edge_texts
from seed_page import SEED, seed_lines


def reference_tokenizer():
    """The tokenizer the extractor used before: spaCy's own, with lean lexemes."""
    nlp = spacy.blank("en")
    trim_lexical_attributes(nlp.vocab)
    return nlp.tokenizer


def token_view(doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.whitespace_, t.lower_, t.norm_) for t in doc]


def test_extractor_tokenizer_splits_every_text_as_spacy_does():
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours, reference = Extractor(Gazetteer([])).nlp.tokenizer, reference_tokenizer()
    plain = spacy.blank("en").tokenizer
    for text in [*lines, "\n\n".join(lines), *word_edge_texts()]:
        expected = token_view(reference(text))
        assert token_view(ours(text)) == expected, text
        assert [(t.text, t.whitespace_) for t in plain(text)] == [(t, w) for t, w, *_ in expected]


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


def test_lean_tokenizer_splits_text_as_spacy_does():
    lean, plain = blank_pipeline().tokenizer, spacy.blank("en").tokenizer
    for line in [*seed_lines(), *CLAUSE_EDGE_TEXTS]:
        assert [t.text for t in lean(line)] == [t.text for t in plain(line)]
        assert [t.lower_ for t in lean(line)] == [t.lower_ for t in plain(line)]


def test_runs_kept_whole_are_runs_no_english_rule_splits():
    import itertools
    import random
    import string

    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from paperkg.graph.extract.text.tokenizer import WORD_OR_NUMBER

    defaults = spacy.blank("en").Defaults
    prefix = compile_prefix_regex(defaults.prefixes).search
    suffix = compile_suffix_regex(defaults.suffixes).search
    infix = compile_infix_regex(defaults.infixes).finditer
    characters = string.ascii_letters + string.digits + "-.'é"
    runs = ["".join(p) for n in (1, 2, 3) for p in itertools.product(string.ascii_letters + string.digits, repeat=n)]
    rng = random.Random(10)
    runs += ["".join(rng.choice(characters) for _ in range(rng.randint(1, 20))) for _ in range(30_000)]
    kept = [run for run in runs if WORD_OR_NUMBER.match(run)]
    assert len(kept) > 140_000 and not WORD_OR_NUMBER.match("GPT4") and not WORD_OR_NUMBER.match("abc\n")
    for run in kept:
        assert not (prefix(run) or suffix(run) or any(infix(run)) or defaults.url_match(run)), run


def test_special_cases_of_letters_still_split_beside_affixes():
    ours, reference = Extractor(Gazetteer([])).nlp.tokenizer, reference_tokenizer()
    text = "(Cannot) dont. \"gonna\" Cant, 2024) (12 cannot... Aint! lets-go 3B 10x y'all (dont)"
    assert token_view(ours(text)) == token_view(reference(text))
    assert [t.text for t in ours("(Cannot)")] == ["(", "Can", "not", ")"]
