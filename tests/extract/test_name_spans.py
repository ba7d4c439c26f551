"""graph/extract/rules/name_spans.py: name-like spans found by their shape, trimmed of what is no
part of a name; the one-scan fast path against the plain regex and cleaning (the oracles here).
"""

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.cues import STOP_NAMES, is_stop_name
from paperkg.graph.extract.rules.name_spans import (
    DETERMINERS, LANGUAGES, NAME_SPANS, SHAPED, _ADJECTIVAL, _cleaned_spans, _GENERIC_WORDS,
    _is_sentence_opener, _listed_after, _SIZE_ONLY, _SPANS_OR_AFTER_LOWER, _title_cased, name_spans,
)
from sample_texts import lower_run_texts, name_texts, shape_texts


@pytest.mark.parametrize(
    "text",
    [
        "However, our model outperforms a new dataset in this paper.",
        "We propose a new benchmark. Our method is simple. In this work we study it.",
        "The Transformer is popular. Transformers are large models.",
        "Experiments in France and Germany show that We can do better.",
        "We decode electroencephalography (EEG) signals and magnetic resonance imaging (MRI) scans.",
        "Recent advances in artificial intelligence (AI) rely on the key-value (KV) cache.",
    ],
)
def test_generic_phrases_and_ordinary_capitalised_words_are_not_entities(names_extractor, text):
    assert names_extractor.extract_text(text) == []


def test_names_made_into_adjectives_are_not_entities():
    names_extractor = Extractor.default()
    found = {m.text for m in names_extractor.extract_text(
        "We build an LLM-based agent, a CLIP-based retriever and AI-driven tools on ImageNet-scale data.")}
    assert found == {"CLIP", "ImageNet"}


def test_a_bare_model_size_is_not_an_entity():
    names_extractor = Extractor.default()
    texts = {m.text for m in names_extractor.extract_text("We train a 14B model and compare it with T5.")}
    assert "14B" not in texts and "T5" in texts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("While BERT is strong, it is slow.", "BERT"),  # GSAP-NER 1901.08746
        ("Unlike CLIP, our encoder reads text.", "CLIP"),
        ("Using ViT as the backbone, we find gains.", "ViT"),
        ("Notably GPT-4 fails on these.", "GPT-4"),
    ],
)
def test_a_sentence_opener_is_not_part_of_the_name(text, name):
    assert {m.text for m in Extractor.default().extract_text(text)} == {name}


def test_name_scan_finds_what_name_spans_finds():
    for text in name_texts():
        assert name_spans(text) == _cleaned_spans(text, NAME_SPANS.finditer(text)), text


def plain_clean(text, start, span):
    """The reference: every check of `_cleaned_spans` made on the text, nothing cached."""
    words = span.split(" ")
    first, last = 0, len(words)
    while first < last and (is_stop_name(words[first]) or words[first].lower() in DETERMINERS
                            or _is_sentence_opener(words[first])):
        first += 1
    while last > first and is_stop_name(words[last - 1]):
        last -= 1
    kept, start = words[first:last], start + sum(len(word) + 1 for word in words[:first])
    name = " ".join(kept)
    generic = [w.lower().rstrip("s") in _GENERIC_WORDS or w.lower() in _GENERIC_WORDS for w in kept]
    if len(span) < 2 or is_stop_name(span) or not kept or kept[0].replace(".", "").isdigit():
        return None
    if set(kept) <= LANGUAGES or (len(kept) > 1 and is_stop_name(name)):
        return None
    if _ADJECTIVAL.search(kept[-1]) or _SIZE_ONLY.fullmatch(name) or all(generic):
        return None
    if not SHAPED.search(name) and _title_cased(text, start):
        return None
    return start, start + len(name)


def test_cleaned_spans_agree_with_the_plain_cleaning():
    for text in name_texts():
        for match in NAME_SPANS.finditer(text):
            span = match.group(0)
            expected = plain_clean(text, match.start(), span)
            expected = [(*expected, bool(SHAPED.search(text[slice(*expected)])))] if expected else []
            assert _cleaned_spans(text, [match]) == expected, span


def test_one_scan_finds_the_spans_of_the_plain_regex():
    for text in shape_texts():
        assert name_spans(text) == _cleaned_spans(text, NAME_SPANS.finditer(text)), text


def plain_title_cased(text, start):
    """The reference: the context read with strip and split."""
    before = text[max(0, start - 3) : start]
    if start == 0 or not before.strip(" ") or before.rstrip(" ")[-1:] in ".!?:(\"\n":
        return True
    previous = text[max(0, start - 25) : start].split()
    if not (previous and previous[-1][:1].isupper() and previous[-1] not in STOP_NAMES):
        return False
    return not previous[-1].endswith(",") or not _listed_after(text, start, previous[-1])


def test_title_case_is_read_as_with_strip_and_split():
    for text in [*shape_texts(), "A  B", "x.  Y", "AI X", "(  X", "\u2009\u00a0X", "Foo\tX"]:
        for start in range(len(text) + 1):
            assert _title_cased(text, start) == plain_title_cased(text, start), (text, start)


def test_one_scan_with_lower_case_runs_finds_the_spans_of_the_plain_regex():
    resumed = lower_led = 0
    for text in lower_run_texts():
        spans = name_spans(text)
        assert spans == _cleaned_spans(text, NAME_SPANS.finditer(text)), text
        # The scan stopped at a run at least once: the resumed path was taken.
        resumed += _cleaned_spans(text, _SPANS_OR_AFTER_LOWER.finditer(text)) is None
        lower_led += sum(text[start].islower() for start, _, _ in spans)
    assert resumed > 10 and lower_led > 20


def span_texts(text):
    return [text[start:end] for start, end, _ in name_spans(text)]


@pytest.mark.parametrize(("text", "name"), [
    # dev (arXiv 2504.19183) and test6 (arXiv 2605.04247): a capitalised word closed by a comma
    # is a list's item, so the plain word after it is the next item, not title-cased text.
    ("Extensive empirical evaluations on multiple benchmark datasets, including Fishyscapes Lost and "
     "Found, Segment-Me-If-You-Can, and RoadAnomaly, demonstrate that the proposed SOTA improves.",
     "Segment-Me-If-You-Can"),
    ("Experiments on Samson, Jasper Ridge, and Urban show consistent improvements over baselines.",
     "Jasper Ridge"),
    # arXiv 2505.01225, of the 10,000 corpus abstracts.
    ("We benchmark these approaches on three land cover datasets: DFC2022, Vaihingen, and Potsdam.",
     "Vaihingen"),
])
def test_a_plain_word_after_a_listed_name_and_its_comma_is_a_span(text, name):
    assert name in span_texts(text)


@pytest.mark.parametrize(("text", "name"), [
    # The long form of the name before the comma (its initials are that name's capitals) and a
    # list that an acronym spells out stay title-cased text (arXiv 2503.21772, 2503.17050 of the
    # corpus, which the first form of the rule read as names).
    ("We introduce LOCORE, Long-Context Re-ranker, a model that takes local descriptors.",
     "Long-Context Re-ranker"),
    ("By combining these modules, we develop the Scoring, Remember, and Reference (SRR) framework.",
     "Remember"),
])
def test_a_long_form_or_a_spelled_list_after_a_comma_is_no_span(text, name):
    assert name not in span_texts(text)


def test_a_list_item_is_told_from_a_long_form_by_its_initials():
    long_form, listed = "LOCORE, Long-Context Re-ranker, a model", "Samson, Jasper Ridge, and Urban"
    assert not _listed_after(long_form, long_form.index("Long"), "LOCORE,")
    assert _listed_after(listed, listed.index("Jasper"), "Samson,")
