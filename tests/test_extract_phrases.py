"""Lower-case task, method and metric phrases, corpus heads and case policy, on real sentences."""

import pytest
from extract_fixtures import extractor_from_tsv

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.abbreviations import find_definitions
from paperkg.graph.extract.names.patterns import is_case_sensitive, spelling_variants
from paperkg.graph.extract.rules.term_phrases import find_phrases
from paperkg.graph.extract.rules.context_names import find_context_names
from paperkg.graph.records import EntityType

TSV = """name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of
sentiment analysis\tTASK\tsentiment classification
knowledge distillation\tMETHOD\tKD
machine unlearning\tTASK
accuracy\tMETRIC
BLEU\tMETRIC
pretraining\tMETHOD
The Well\tDATASET
"""


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    return extractor_from_tsv(TSV, tmp_path_factory.mktemp("gaz"))


def found(extractor, text):
    mentions = extractor.extract_text(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text, m
    return {m.text: m for m in mentions}


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


def test_known_names_take_their_domain_modifier_and_become_variants(extractor):
    text = "We study financial sentiment analysis with online knowledge distillation."
    mentions = found(extractor, text)
    assert mentions["financial sentiment analysis"].type is EntityType.TASK
    assert mentions["online knowledge distillation"].type is EntityType.METHOD
    extraction = next(extractor.extract([_paper(text)]))
    by_name = {e.name: e for e in extraction.entities}
    assert by_name["financial sentiment analysis"].variant_of == by_name["sentiment analysis"].id


def test_generic_adjectives_do_not_extend_a_known_name(extractor):
    mentions = found(extractor, "An efficient machine unlearning method for LLMs.")
    assert "machine unlearning" in mentions


def test_metric_keeps_its_bare_acronym_and_its_averaging(extractor):
    mentions = found(extractor, "It gains 2.1 BLEU scores and higher micro-averaged accuracy.")
    assert "BLEU" in mentions and "BLEU scores" not in mentions
    assert mentions["micro-averaged accuracy"].type is EntityType.METRIC


def test_a_defined_metric_is_one_mention_with_both_forms(extractor):
    text = "We lower the word error rate (WER) by 10%, and WER drops further with data."
    mentions = found(extractor, text)
    whole = mentions["word error rate (WER)"]
    assert whole.type is EntityType.METRIC
    assert mentions["WER"].entity_id == whole.entity_id


def test_capitalised_treebank_and_corpus_heads_name_datasets():
    hits = {h.text: h.type for h in find_context_names("We train on the French Treebank and the Kyoto Corpus.")}
    assert hits == {"French Treebank": EntityType.DATASET, "Kyoto Corpus": EntityType.DATASET}


def test_language_names_are_not_datasets():
    assert find_context_names("Results on the English and Chinese corpora differ.") == []


def test_fields_are_not_abbreviation_entities():
    text = "Advances in natural language processing (NLP) use sparse autoencoders (SAEs)."
    assert [d.short for d in find_definitions(text)] == ["SAEs"]


def test_an_article_led_name_keeps_its_capitals(extractor):
    assert is_case_sensitive("The Well") and not is_case_sensitive("Stable Diffusion")
    assert "the well" not in {k.lower() for k in found(extractor, "It works as well as the well-known baseline.")}
    assert "The Well" in found(extractor, "We evaluate on The Well, a physics dataset.")


def test_prefixed_methods_match_hyphenated(extractor):
    assert "pre-training" in set(spelling_variants("pretraining", EntityType.METHOD))
    assert found(extractor, "Large-scale pre-training helps.")["pre-training"].type is EntityType.METHOD


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
