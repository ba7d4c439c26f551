"""Noun-phrase extents of mentions, tokenized text read as written, and dataset editions.

Sentences are from NLP and ML papers, in the tokenized form annotated corpora use
("RTE - 5 test set") where that is the point of the test.
"""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.text.detokenize import Detokenized, looks_tokenized
from paperkg.graph.extract.text.phrase_extents import phrase_extents
from paperkg.graph.extract.names.variants import following_suffix
from paperkg.graph.records import EntityType

T = EntityType


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.default()


def phrases(extractor: Extractor, text: str) -> dict[str, str]:
    """Each mention's text -> the text of its phrase."""
    return {m.text: text[m.phrase[0] : m.phrase[1]] for m in extractor.extract_text(text)}


def extent_texts(text: str, names: list[tuple[str, EntityType]]) -> list[str]:
    spans = []
    for name, kind in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name), kind))
    return [text[s:e] for s, e in phrase_extents(text, spans)]


def test_phrase_takes_the_head_noun_of_a_dataset_or_task():
    text = "Subsequently , we design a multi - label classification task using the TED corpus ."
    assert extent_texts(text, [("multi - label classification", T.TASK), ("TED", T.DATASET)]) == [
        "multi - label classification task", "TED corpus",
    ]


def test_phrase_takes_a_split_and_a_language_before_the_head():
    text = "Word error rates on the English Switchboard test set are reported."
    assert extent_texts(text, [("Switchboard", T.DATASET)]) == ["English Switchboard test set"]


def test_parenthesised_short_form_joins_the_phrase_and_both_mentions_share_it():
    text = "We train on the Chinese Treebank ( CTB ) and report accuracy."
    found = extent_texts(text, [("Chinese Treebank", T.DATASET), ("CTB", T.DATASET)])
    assert found == ["Chinese Treebank ( CTB )", "Chinese Treebank ( CTB )"]


def test_names_joined_by_a_slash_share_one_head():
    text = "evaluating on documents from the Reuters RCV1 / RCV2 corpora ."
    found = extent_texts(text, [("Reuters RCV1", T.DATASET), ("RCV2", T.DATASET)])
    assert found == ["Reuters RCV1 / RCV2 corpora"] * 2


def test_names_joined_by_and_keep_their_own_phrases():
    text = "We use the PKU and MSRA benchmark datasets ."
    assert extent_texts(text, [("PKU", T.DATASET), ("MSRA", T.DATASET)]) == [
        "PKU", "MSRA benchmark datasets",
    ]


def test_glosses_citations_and_other_types_are_left_out():
    text = "The FBIS corpus ( news domain ) and BERT ( Devlin et al. , 2019 ) and GLUE ( 2019 )."
    found = extent_texts(text, [("FBIS corpus", T.DATASET), ("BERT", T.MODEL), ("GLUE", T.BENCHMARK)])
    assert found == ["FBIS corpus", "BERT", "GLUE"]


def test_a_name_without_head_or_short_form_keeps_its_span():
    text = "We evaluate on ImageNet and report top-1 accuracy."
    assert extent_texts(text, [("ImageNet", T.DATASET)]) == ["ImageNet"]


def test_extractor_mentions_carry_their_phrase(extractor):
    text = "Here we describe our experiments on the FrameNet corpus, which is large."
    assert phrases(extractor, text)["FrameNet"] == "FrameNet corpus"


def test_a_phrase_never_runs_from_the_title_into_the_abstract(extractor):
    from paperkg.graph.records import Paper

    paper = Paper(id="p", title="Results on GENIA", abstract="Data sets are scarce in biomedicine.")
    (extraction,) = extractor.extract([paper])
    genia = next(m for m in extraction.mentions if m.text == "GENIA")
    assert genia.field == "title" and genia.phrase == (genia.start, genia.end)


def test_tokenized_text_is_read_through_a_view_without_the_inserted_spaces():
    text = "We evaluate on the RTE - 5 test set ( Bentivogli et al . , 2009 ) and CTB 5 . 1 ."
    view = Detokenized(text)
    assert view.changed
    assert view.view == "We evaluate on the RTE-5 test set (Bentivogli et al., 2009) and CTB 5.1."
    start = view.view.index("RTE-5")
    assert text[slice(*view.original_span(start, start + 5))] == "RTE - 5"


def test_text_written_normally_is_read_as_it_is():
    text = "We propose BERT - a model that reads both ways. It is strong (really)."
    assert not looks_tokenized(text)
    assert Detokenized(text).view == text


def test_names_in_tokenized_text_are_found_with_offsets_into_the_text_as_given(extractor):
    text = "We report results on the MUC - 4 data and on CIFAR - 10 ."
    found = {m.text: m for m in extractor.extract_text(text)}
    assert "MUC - 4" in found and "CIFAR - 10" in found
    for mention in found.values():
        assert text[mention.start : mention.end] == mention.text
    assert found["CIFAR - 10"].entity_id == "cifar10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" 2010 evaluation campaign", " 2010"), ("-3 test collection", "-3"), (" 2000 images", None),
     (" 12 layers", None), ("'14 English-German", "'14"), (" ' 09 data", " ' 09"),
     ("'s test set", None), ("' 2010", None)],
)
def test_datasets_take_editions_but_not_counts(text, expected):
    found = following_suffix("IWSLT" + text, 5, integers=False, editions=True)
    assert (found[1] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("We use the TAC 2008 data set for evaluation .", "TAC 2008", T.DATASET),
        ("Results on the WMT09 data are lower .", "WMT09", T.DATASET),
        ("Our model is trained on the AMIX meeting corpus .", "AMIX", T.DATASET),
        ("Scores on the LIVEQ test dataset improve .", "LIVEQ", T.DATASET),
    ],
)
def test_head_nouns_after_a_split_or_a_modifier_type_a_new_name(extractor, text, name, kind):
    found = {m.text: m.type for m in extractor.extract_text(text)}
    assert found.get(name) is kind


def test_modalities_and_model_objectives_are_not_datasets(extractor):
    text = "We record EEGX data from subjects and study the BERTX pretraining objective."
    assert not any(m.type is T.DATASET for m in extractor.extract_text(text))


def test_one_number_read_both_ways_is_one_result_with_its_metric_entity(extractor):
    from paperkg.graph.records import Paper

    abstract = ("Our sampler reaches 10.38 FID on FFHQ. Notably, FLAMe-RM-24B achieves an "
                "accuracy of 87.8% on RewardBench.")
    (extraction,) = extractor.extract([Paper(id="p", title="Samplers", abstract=abstract)])
    read = [(r.entity_id, r.metric, r.metric_id, r.value) for r in extraction.results]
    assert read == [("ffhq", "FID", "fid", 10.38), ("rewardbench", "accuracy", "accuracy", 87.8)]
