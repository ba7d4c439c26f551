"""The fast paths of `kg_phrases` agree with the plain computations they replace.

Each shortcut in phrases.py (a test that skips a look-back, a scan that skips texts) must
give exactly what the straightforward version gives; the straightforward version is kept
here as the reference and both run on the seed page's sentences and on edge cases.
"""

import re
from pathlib import Path

from paperkg.graph.extract.phrases import (
    _ANY_DIMENSION, _dimension_start, _extend_over, _is_domain_word, _is_metric_modifier,
    extend_known,
)

SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"

EDGE_TEXTS = [
    # a hyphen farther back than the last two words, or in them
    "state-of-the-art results on sentiment analysis",
    "a well-known financial sentiment analysis, short-text classification",
    # " - " joins words, so a kept word can lie farther back than two
    "cross - lingual English named entity recognition and multi - modal machine translation",
    # words joined by a newline or tab, a mark before a word, double spaces
    "foo\nfinancial sentiment analysis; bar\tlegal  summarization (clinical) text mining",
    "labeled\nprecision, micro-averaged accuracy, (unigram) BLEU, token  accuracy",
    # dimensions, written the ways `_DIMENSION_BEFORE` takes and near misses
    "3D CNNs, 2D-ResNet, 1D - convolution, 5D CNN, x3D CNN, v1.3D CNN, 3D \nCNN, 3DCNN, 4D",
    "",
]


def texts() -> list[str]:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 40]
    return [*lines, *EDGE_TEXTS]


def word_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", text)]


def test_extend_known_shortcut_agrees_on_hyphens_and_joined_words():
    for text in texts():
        for start in [*word_starts(text), len(text)]:
            assert extend_known(text, start) == _extend_over(text, start, _is_domain_word), (text, start)
            assert extend_known(text, start, True) == _extend_over(text, start, _is_metric_modifier), (
                text, start)


def test_texts_without_any_dimension_have_none_before_any_name():
    for text in texts():
        if _ANY_DIMENSION.search(text) is None:
            assert all(_dimension_start(text, at) is None for at in range(len(text) + 1)), text


def test_dimension_edge_texts_do_have_dimensions():
    text = EDGE_TEXTS[-2]
    assert _ANY_DIMENSION.search(text)
    assert _dimension_start(text, text.index("CNNs")) == 0
    assert _dimension_start(text, text.index("ResNet")) == text.index("2D")
