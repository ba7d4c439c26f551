"""graph/extract/rules/term_phrases.py: lower-case task and method phrases read off their head noun,
known names extended over their modifiers; each fast path against its plain version.
"""

import re

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.term_phrases import (
    _ANY_DIMENSION, _BEFORE, _dimension_start, _extend_over, _follows_subject,
    _HEAD_WORDS, _is_domain_word, _is_language_pair, _is_metric_modifier, _is_modifier, _LANGUAGES,
    _modifier_offset, _MODIFIERS, _MOST_BEFORE, _MOST_MODIFIERS, _starts_sentence, _STOP,
    _words_before, extend_known, find_heads, find_phrase_candidates, find_phrases,
)
from paperkg.graph.records import EntityType
from sample_texts import name_texts, word_starts
from seed_page import seed_lines


def phrases(text):
    return {text[p.start : p.end]: p.type for p in find_phrases(text)}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("We improve abusive speech detection on social media.", "abusive speech detection"),
        ("a benchmark for emoji prediction in tweets", "emoji prediction"),
        ("Experiments on Chinese-to-English translation show gains.", "Chinese-to-English translation"),
        ("Results on cross - lingual document classification improve.", "cross - lingual document classification"),
        ("Parsing is still hard for long sentences.", "Parsing"),
    ],
)
def test_task_phrases_are_read_off_their_head_noun(text, phrase):
    assert phrases(text) == {phrase: EntityType.TASK}


@pytest.mark.parametrize(
    "text",
    [
        "Our method solves the task efficiently.",
        "We report classification accuracy and detection results.",
        "Generation is slow and prediction is noisy.",  # bare heads that need a modifier
        "the proposed novel efficient detection",  # only generic adjectives before it
    ],
)
def test_generic_phrases_are_not_tasks(text):
    assert phrases(text) == {}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # GSAP-NER 2110.02861: the verb is not part of the method's name
        ("To tackle this, we develop block-wise dynamic quantization.", "block-wise dynamic quantization"),
        ("In practice we harness dynamic quantization for speed.", "dynamic quantization"),
        ("Such models can accelerate image segmentation.", "image segmentation"),
    ],
)
def test_a_verb_before_a_phrase_is_left_out(text, phrase):
    assert phrases(text) == {phrase: EntityType.METHOD if "quantization" in phrase else EntityType.TASK}


def test_method_phrases_need_a_modifier():
    text = "We apply dynamic quantization after distillation."
    assert phrases(text) == {"dynamic quantization": EntityType.METHOD}


def test_known_names_take_their_domain_modifier_and_become_variants(terms_extractor, found):
    text = "We study financial sentiment analysis with online knowledge distillation."
    mentions = found(terms_extractor, text)
    assert mentions["financial sentiment analysis"].type is EntityType.TASK
    assert mentions["online knowledge distillation"].type is EntityType.METHOD
    extraction = next(terms_extractor.extract([_paper(text)]))
    by_name = {e.name: e for e in extraction.entities}
    assert by_name["financial sentiment analysis"].variant_of == by_name["sentiment analysis"].id


def test_generic_adjectives_do_not_extend_a_known_name(terms_extractor, found):
    mentions = found(terms_extractor, "An efficient machine unlearning method for LLMs.")
    assert "machine unlearning" in mentions


def test_metric_keeps_its_bare_acronym_and_its_averaging(terms_extractor, found):
    mentions = found(terms_extractor, "It gains 2.1 BLEU scores and higher micro-averaged accuracy.")
    assert "BLEU" in mentions and "BLEU scores" not in mentions
    assert mentions["micro-averaged accuracy"].type is EntityType.METRIC


def test_a_defined_metric_is_one_mention_with_both_forms(terms_extractor, found):
    text = "We lower the word error rate (WER) by 10%, and WER drops further with data."
    mentions = found(terms_extractor, text)
    whole = mentions["word error rate (WER)"]
    assert whole.type is EntityType.METRIC
    assert mentions["WER"].entity_id == whole.entity_id


def _paper(text):
    from paperkg.graph.records import Paper

    return Paper(id="p1", title="Title", abstract=text)


def test_a_dimension_before_an_architecture_makes_a_variant_of_it():
    # SciER 53719258: "3D CNNs" and "2D CNNs" are the methods compared, both variants of CNN.
    text = "Unlike 2D CNNs, 3D CNNs and 1D-ResNet models see time; a 12D CNN is no such thing."
    mentions = {m.text: m for m in Extractor.default().extract_text(text)}
    assert {"2D CNNs", "3D CNNs", "1D-ResNet"} <= set(mentions)
    assert "12D CNN" not in mentions and "CNN" in mentions
    assert mentions["3D CNNs"].entity_id != mentions["CNN"].entity_id


HEAD_EDGE_TEXTS = [
    "Detection, pre-training and Pre-training; fine-tuning-based re-detection detections",
    "object detection-aware DETECTION xdetection detection_ detection- (retrieval) sampling.",
    "synthesis/translation\nparsing",
    # the two letters before an ending, capitalised and hyphenated heads, near misses
    "Mining, mining; MINING data-mining re-mining inpainting Inpainting pre-training Pre-Training",
    "fine-tuning, finetuning: tuning, Synthesis, synthesis-based retrieval (Retrieval) interval",
    "redetection, detections; completion deletion addition Estimation labeling-tracking",
]


def test_head_scan_finds_the_words_the_suffix_regex_and_set_find():
    plain = re.compile(r"(?<![\w\-])[A-Za-z][a-z\-]*(?:ion|ing|sis|val)(?![\w\-])")
    for text in [*name_texts(), *HEAD_EDGE_TEXTS]:
        expected = [m.span() for m in plain.finditer(text) if m.group(0).lower() in _HEAD_WORDS]
        assert find_heads(text) == expected, text


MODIFIER_EDGE_TEXTS = [
    "on financial sentiment analysis and cross - lingual English named entity recognition",
    "the micro-averaged accuracy, labeled precision, unigram BLEU and Chinese-English MT",
    "a\nbilingual dictionary induction; legal  summarization (clinical) text classification",
]


def test_words_before_skips_only_starts_the_pattern_cannot_take():
    for text in [*name_texts(), *MODIFIER_EDGE_TEXTS]:
        for end in word_starts(text):
            for pattern, most in ((_BEFORE, _MOST_BEFORE), (_MODIFIERS, _MOST_MODIFIERS)):
                plain = _words_before(pattern, text, end, max(0, end - 80), 99)
                assert _words_before(pattern, text, end, max(0, end - 80), most) == plain, text


def test_extend_known_shortcut_agrees_with_the_full_look_back():
    for text in [*name_texts(), *MODIFIER_EDGE_TEXTS]:
        for start in word_starts(text):
            assert extend_known(text, start) == _extend_over(text, start, _is_domain_word), text
            assert extend_known(text, start, True) == _extend_over(text, start, _is_metric_modifier)


def plain_is_modifier(word, text, at):
    """The reference: every test of `_is_modifier` made in place, nothing cached."""
    lower = word.lower()
    stop = lower in _STOP or lower.rstrip("s") in _STOP
    name = word[:1].isupper() and word not in _LANGUAGES and not _starts_sentence(text, at)
    inflected = lower.endswith(("ly", "ed", "ing", "'s")) and "-" not in lower
    plural = lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ics", "news"))
    verb = _follows_subject(text, at)
    return not stop and (_is_language_pair(word)
                         or not (name or inflected or verb or plural or lower.isdigit()))


def test_cached_modifier_verdicts_agree_with_the_plain_tests():
    extra = ["English-German", "Chinese-to-English", "Results", "ADAPTED", "news", "the", "3D", "12",
             "we", "develop", "block-wise", "can", "Chinese-English", "they", "While"]
    for text in [*name_texts(), *MODIFIER_EDGE_TEXTS, " ".join(extra), ". ".join(extra)]:
        for match in re.finditer(r"\S+", text):
            word, at = match.group(0), match.start()
            assert _is_modifier(word, text, at) == plain_is_modifier(word, text, at), (word, text)


PHRASE_EDGE_TEXTS = [
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


def phrase_texts() -> list[str]:
    lines = seed_lines()
    return [*lines, *PHRASE_EDGE_TEXTS]


def test_extend_known_shortcut_agrees_on_hyphens_and_joined_words():
    for text in phrase_texts():
        for start in [*word_starts(text), len(text)]:
            assert extend_known(text, start) == _extend_over(text, start, _is_domain_word), (text, start)
            assert extend_known(text, start, True) == _extend_over(text, start, _is_metric_modifier), (
                text, start)


def test_texts_without_any_dimension_have_none_before_any_name():
    for text in phrase_texts():
        if _ANY_DIMENSION.search(text) is None:
            assert all(_dimension_start(text, at) is None for at in range(len(text) + 1)), text


def test_dimension_edge_texts_do_have_dimensions():
    text = PHRASE_EDGE_TEXTS[-2]
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
    for text in [*phrase_texts(), *MODIFIER_TEXTS]:
        for end in [*word_starts(text), len(text)]:
            for pattern, most in ((_BEFORE, _MOST_BEFORE), (_MODIFIERS, _MOST_MODIFIERS)):
                for limit in (max(0, end - 80), max(0, end - 12)):
                    expected = plain_words_before(pattern, text, end, limit, most)
                    assert _words_before(pattern, text, end, limit, most) == expected, (text, end)


def test_modifier_offset_read_backwards_agrees_with_every_word_tested():
    for text in [*phrase_texts(), *MODIFIER_TEXTS]:
        starts = [*word_starts(text), len(text)]
        for index, end in enumerate(starts):
            for begin in starts[max(0, index - 6) : index]:
                span = text[begin:end]
                assert _modifier_offset(text, span, begin) == plain_modifier_offset(text, span, begin), (span, text)


TEXT = "We study financial sentiment analysis with online knowledge distillation on legal bert."


def run_on(kind: EntityType, name: str) -> list[tuple[str, str | None]]:
    start = TEXT.index(name)
    given = [Candidate(start, start + len(name), name, kind, 0.9, "kg_gazetteer")]
    return [(c.name, c.variant_of) for c in find_phrase_candidates(TEXT, given, None)]


def test_known_task_and_method_are_extended() -> None:
    assert ("financial sentiment analysis", "sentiment analysis") in run_on(EntityType.TASK, "sentiment analysis")
    assert ("online knowledge distillation", "knowledge distillation") in run_on(
        EntityType.METHOD, "knowledge distillation")


def test_other_types_are_not_extended() -> None:
    for kind in (EntityType.MODEL, EntityType.DATASET, EntityType.BENCHMARK):
        assert all(variant != "sentiment analysis" for _, variant in run_on(kind, "sentiment analysis"))
        assert all(variant != "bert" for _, variant in run_on(kind, "bert"))


def test_extend_known_tests_written_out_match_the_predicates() -> None:
    """`extend_known`'s shortcut spells out `_is_domain_word` and `_is_metric_modifier`."""
    text = "English sentiment analysis, micro precision, MACRO recall, low-resource parsing, x y z"
    for start in (m.start() for m in re.finditer(r"\S+", text)):
        assert extend_known(text, start) == _extend_over(text, start, _is_domain_word), start
        assert extend_known(text, start, True) == _extend_over(text, start, _is_metric_modifier), start
    assert extend_known(text, text.index("sentiment")) == 0
    assert extend_known(text, text.index("precision"), True) == text.index("micro")


def test_new_candidates_fill_the_fields_they_name() -> None:
    """`find_phrase_candidates` builds candidates positionally: variant_of set, the rest defaults."""
    text = "We improve abusive speech detection with 3D CNNs."
    start = text.index("CNNs")
    given = [Candidate(start, start + 4, "CNN", EntityType.METHOD, 0.9, "kg_gazetteer")]
    made = {c.name: c for c in find_phrase_candidates(text, given, None)}
    assert made["abusive speech detection"].variant_of is None  # no lexicon: no parent
    assert made["abusive speech detection"].type is EntityType.TASK
    for candidate in made.values():
        assert (candidate.entity, candidate.role, candidate.aliases) == (None, None, ())
    assert made["3D CNNs"].variant_of == "CNN"


def test_a_coined_name_is_not_extended_over_its_modifier():
    # "instance-level" would extend a metric; the paper coined "Shortcut Score" alone.
    text = "We further propose an instance-level Shortcut Score that combines confidence."
    start = text.index("Shortcut")
    coined = Candidate(start, start + len("Shortcut Score"), "Shortcut Score", EntityType.METRIC,
                       0.75, "kg_coined")
    assert all(c.start >= start for c in find_phrase_candidates(text, [coined], None))
