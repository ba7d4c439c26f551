"""The fast paths of `kg_phrases` agree with the plain computations they replace.

Each shortcut in phrases.py (a test that skips a look-back, a scan that skips texts) must
give exactly what the straightforward version gives; the straightforward version is kept
here as the reference and both run on the seed page's sentences and on edge cases.
"""

import re

from extract_fixtures import seed_lines
from paperkg.graph.extract.rules.term_phrases import (
    _ANY_DIMENSION, _BEFORE, _MODIFIERS, _MOST_BEFORE, _MOST_MODIFIERS, _dimension_start,
    _extend_over, _is_domain_word, _is_metric_modifier, _is_modifier, _modifier_offset,
    _words_before, extend_known,
)


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
    lines = seed_lines()
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


def plain_words_before(pattern, text, end, limit, most):
    """The reference: `_words_before` as first written, slices and all."""
    starts, position = [], end - 1
    for _ in range(6 if " - " in text[limit:end] else most):
        space = text.rfind(" ", limit, position)
        starts.append(space + 1 if space >= 0 else limit)
        if space < 0:
            break
        position = space
    for words, start in zip(range(len(starts), 0, -1), reversed(starts)):
        if words > most and " - " not in text[start:end]:
            continue
        if pattern.fullmatch(text, start, end):
            return start
    return None


def plain_modifier_offset(text, span, span_start):
    """The reference: every word of the span tested, first to last; the offset passes the last stop."""
    offset, position = 0, 0
    for word in span.replace(" - ", "---").split(" "):
        if word and not _is_modifier(word.replace("---", "-"), text, span_start + position):
            offset = position + len(word) + 1
        position += len(word) + 1
    return min(offset, len(span))


MODIFIER_TEXTS = [
    "we improve abusive speech detection; the proposed novel efficient detection",
    "To tackle this, we develop block-wise dynamic quantization. While BERT parsing",
    "results on cross - lingual document classification and multi - task - aware English - German translation",
    "a---b c-d sentiment analysis, x - - y, the  double  spaced\nnewline\tword classification",
    "Chinese-to-English translation, 12 3D Results ADAPTED news the we can they",
]


def test_words_before_agrees_with_its_first_version():
    for text in [*texts(), *MODIFIER_TEXTS]:
        for end in [*word_starts(text), len(text)]:
            for pattern, most in ((_BEFORE, _MOST_BEFORE), (_MODIFIERS, _MOST_MODIFIERS)):
                for limit in (max(0, end - 80), max(0, end - 12)):
                    expected = plain_words_before(pattern, text, end, limit, most)
                    assert _words_before(pattern, text, end, limit, most) == expected, (text, end)


def test_modifier_offset_read_backwards_agrees_with_every_word_tested():
    for text in [*texts(), *MODIFIER_TEXTS]:
        starts = [*word_starts(text), len(text)]
        for index, end in enumerate(starts):
            for begin in starts[max(0, index - 6) : index]:
                span = text[begin:end]
                assert _modifier_offset(text, span, begin) == plain_modifier_offset(text, span, begin), (span, text)
