"""Names of things outside the six types, and the shapes that say a model or a class."""

import pytest

from paperkg.graph.extract.rules.artifact_shapes import is_class_plural, model_by_shape
from paperkg.graph.extract.rules.entity_verdict import decide_entity
from paperkg.graph.extract.rules.evidence import UNTYPED_DEFINITION, definition_evidence
from paperkg.graph.extract.rules.outside_types import names_outside, outside_kind
from paperkg.graph.records import EntityType

MODEL, DATASET, BENCHMARK, METHOD, TASK = (EntityType.MODEL, EntityType.DATASET, EntityType.BENCHMARK,
                                           EntityType.METHOD, EntityType.TASK)


@pytest.mark.parametrize("name, kind", [
    ("Brazilian Portuguese", "language"),
    ("German Sign Language", "language"),
    ("Arabic Language", "language"),
    ("English-German", "language"),
    ("Swahili", "language"),
    ("American Sign Language", "language"),
    ("United States", "place"),
    ("NVIDIA Jetson AGX Orin", "hardware"),
    ("CPU-GPU", "hardware"),
    ("X-ray", "modality"),
    ("VIS-NIR", "modality"),
    ("LWIR", "modality"),
    ("PET-CT", "modality"),
    ("Linguistic Data Consortium", "organisation"),
    ("Pennsylvania State University", "organisation"),
    ("NASA", "organisation"),
    ("OpenAI", "organisation"),
    ("Parkinson's disease", "disease"),
    ("Mild Cognitive Impairment", "disease"),
    ("Jetson Orin NX", "hardware"),
    ("Raspberry Pi 5", "hardware"),
    ("NVIDIA A100", "hardware"),
    ("Graphical User Interface", "hardware"),
    ("Event-based Vision Sensors", "hardware"),
])
def test_names_of_things_outside_the_six_types_say_their_kind(name, kind):
    assert outside_kind(name) == kind


@pytest.mark.parametrize("name", [
    "English Wikipedia", "BERTurk", "Group Relative Policy Optimization", "EfficientNet B4",
    "Alzheimer's Disease Neuroimaging Initiative", "RGB-Diffusion", "ImageNet", "Chinese-LLaMA",
    "OpenAI o3", "group normalization", "Density Matrix Renormalization Group", "Decoupled Object Association",
    "Argoverse 2 Sensor", "SONAR",
])
def test_names_of_models_data_and_methods_are_not_outside(name):
    assert outside_kind(name) is None


@pytest.mark.parametrize("long_form", ["low Earth orbit", "World Health Organization", "coronary CT angiography",
                                       "computational social science",
                                       "Brain-Computer Interface"])
def test_a_long_form_headed_by_an_outside_thing_names_it(long_form):
    assert names_outside(long_form)


@pytest.mark.parametrize("long_form", ["Intersection over Union", "Gated Recurrent Unit", "Vision Transformer"])
def test_long_forms_of_metrics_and_models_are_not_outside(long_form):
    assert not names_outside(long_form)


def test_names_outside_reads_languages_as_outside_kind_does():
    """`names_outside` tests only the language branch of `outside_kind`; the two agree on
    every name and long form of these tests, and on the gazetteer's names."""
    from paperkg.graph.extract.names.gazetteer import Gazetteer
    from paperkg.graph.extract.rules import outside_types

    def plain(long_form):
        words = outside_types._WORDS.findall(long_form)
        head = words[-1].lower() if words else None
        heads = (outside_types._ORGANISATION_HEADS | outside_types._DISEASE_HEADS
                 | outside_types._HARDWARE_HEADS | outside_types._FIELD_HEADS)
        return bool(words) and (head in heads or head in outside_types.MODALITIES
                                or outside_kind(long_form) == "language")

    forms = ["English-German", "German Sign Language", "Brazilian Portuguese", "Swahili/English",
             "English.", "American Sign Language models", "sign language", "low Earth orbit", "", "(",
             "Intersection over Union", "Chinese-LLaMA", "English Wikipedia"]
    forms += [name for entity in Gazetteer.bundled().entities for name in (entity.name, *entity.aliases)]
    assert sum(names_outside(f) for f in forms) > 20  # the check covers both answers
    for form in forms:
        assert names_outside(form) == plain(form), form


def test_an_acronym_defined_as_an_orbit_or_an_organisation_is_a_term():
    orbit = "In SOD, low Earth orbit (LEO) satellites must detect other objects with high precision and minimal delay."
    body = ("According to the World Health Organization (WHO), approximately 18 million deaths happen each year "
            "due to precisely heart diseases.")
    assert definition_evidence(orbit, "LEO") == (True, UNTYPED_DEFINITION)
    assert definition_evidence(body, "WHO") == (True, UNTYPED_DEFINITION)
    antenna = ("Unmanned aerial vehicle (UAV) with the intrinsic three-dimensional (3D) mobility provides an ideal "
               "platform for implementing aerial movable antenna (AMA) system enabled by UAV swarm cooperation.")
    assert definition_evidence(antenna, "AMA") == (True, UNTYPED_DEFINITION)


def test_languages_modalities_and_hardware_are_not_names_whatever_a_cue_said():
    # "... whereas the size of the German Sign Language corpora is ten times ..."
    assert decide_entity("German Sign Language", DATASET, [("a", DATASET), ("b", None)]).not_a_name
    # "... across challenging NIR, SWIR, and LWIR benchmarks using widely adopted fusion strategies."
    assert decide_entity("LWIR", BENCHMARK, [("a", BENCHMARK)]).not_a_name
    # "We also evaluate the performance of object detection models on Raspberry Pi 5 and an Intel NUC ..."
    assert decide_entity("Raspberry Pi 5", DATASET, [("a", None)]).not_a_name
    assert decide_entity("Jetson Orin NX", METHOD, [("a", None)]).not_a_name


def test_an_acronym_that_is_also_a_modality_stays_a_task():
    assert not decide_entity("IR", TASK, [("a", TASK)]).not_a_name


def test_a_disease_is_data_where_half_its_papers_call_it_so():
    assert decide_entity("Parkinson's disease", DATASET, [("a", None), ("b", None), ("c", DATASET)]).not_a_name
    assert not decide_entity("Heart Disease", DATASET, [("a", DATASET), ("b", None)]).not_a_name


@pytest.mark.parametrize("name", ["2D CNNs", "LMMs", "MM-LLMs", "Video-MLLMs", "VideoLLMs"])
def test_a_plural_acronym_names_a_class(name):
    # "For enhanced generalization, we adopt 2D CNNs to map position maps to attribute maps, ..."
    assert is_class_plural(name)
    assert decide_entity(name, MODEL, [("a", None), ("b", MODEL)]).not_a_name


@pytest.mark.parametrize("name", ["GLUE", "ViTs", "DNS", "SQuAD", "BioMedMCQs"])
def test_names_not_ending_in_a_plural_acronym_are_no_class(name):
    assert not is_class_plural(name)


@pytest.mark.parametrize("name", ["Olmo3-7B", "AceReason 14B", "Qwen3-30B-A3B", "GPT 5.4", "Gemini 3.1"])
def test_a_size_in_billions_or_a_listed_family_with_a_version_is_a_model(name):
    # "On AIME'24/25 and GPQA benchmarks, Olmo3-7B trained for 128 epochs on 400 samples outperforms ..."
    assert model_by_shape(name)
    assert decide_entity(name, BENCHMARK, [("a", BENCHMARK)]).type is MODEL


@pytest.mark.parametrize("name", ["Recipe1M", "OSV-5M", "ImageNet 2012", "KITTI 2015", "BioASQ-7b", "LLaVA-665k",
                                  "SA-1B DeRS", "FineWeb-Edu-10B"])
def test_datasets_counted_in_millions_or_dated_are_no_models(name):
    assert not model_by_shape(name)


@pytest.mark.parametrize("name", ["INT4", "FP8", "BF16", "MXFP4"])
def test_a_number_format_is_not_a_model(name):
    # "... quantized to INT4 with negligible accuracy loss ..."
    assert decide_entity(name, MODEL, [("a", MODEL)]).not_a_name


def test_a_language_typed_as_a_method_is_not_a_name():
    # "... to translate the instructions into Vietnamese and evaluate the models ..."
    assert decide_entity("Vietnamese", METHOD, [("a", None), ("b", METHOD)]).not_a_name


def test_a_lowercase_phrase_typed_as_a_model_or_data_is_a_task_a_method_or_nothing():
    # "... a lightweight attack detection model for in-vehicle networks ..."
    assert decide_entity("attack detection", MODEL, [("a", MODEL), ("b", MODEL)]).type is TASK
    # "... a lightweight two-stage retrieval pipeline ..." read as a model by one cue
    assert decide_entity("two-stage retrieval pipeline", MODEL, [("a", MODEL)]).type is METHOD
    assert decide_entity("validator", MODEL, [("a", MODEL)]).not_a_name
    assert decide_entity("speechocean762", DATASET, [("a", DATASET)]).type is DATASET


def test_a_lowercase_phrase_with_a_data_head_describes_data_and_names_none():
    # "... we construct a tour experience dataset from online travel reviews ..."
    assert decide_entity("tour experience dataset", DATASET, [("a", DATASET)]).not_a_name


@pytest.mark.parametrize("start", [MODEL, METHOD, TASK])
def test_a_lowercase_phrase_headed_by_a_model_noun_is_a_class_from_any_type(start):
    # "Visual autoregressive models (VAR) have recently emerged as a promising class ...",
    # "... we fine-tune a conditional diffusion model on paired scans ..."
    votes = [("a", MODEL), ("b", MODEL), ("c", None)]
    assert decide_entity("visual autoregressive models", start, votes).not_a_name
    assert decide_entity("conditional diffusion model", start, [("a", MODEL)]).not_a_name
    assert not decide_entity("Diffusion Transformer", MODEL, [("a", MODEL)]).not_a_name


def test_a_lowercase_task_with_one_stray_data_vote_stays_a_task():
    # "classification" in 2,573 papers: one BENCHMARK vote ties its one TASK vote
    votes = [("a", BENCHMARK), ("b", TASK), ("c", EntityType.METRIC), ("d", None)]
    assert decide_entity("classification", TASK, votes).type is TASK


def test_one_lowercase_task_word_typed_as_data_is_a_task_and_a_field_modifier_no_name():
    # "classification" typed BENCHMARK by one cue, in 2,573 papers
    assert decide_entity("classification", BENCHMARK, [("a", BENCHMARK), ("b", None)]).type is TASK
    # "remote sensing images", "remote sensing benchmark": a field that modifies nouns
    votes = [("a", "modifier"), ("b", "modifier"), ("c", BENCHMARK)]
    assert decide_entity("remote sensing", BENCHMARK, votes).not_a_name


@pytest.mark.parametrize("name, kind", [("DICOM", "format"), ("HEVC", "format"), ("Twitter", "platform"),
                                        ("Kaggle", "platform"), ("6G", "standard")])
def test_formats_platforms_and_network_generations_are_outside(name, kind):
    assert outside_kind(name) == kind
    assert decide_entity(name, DATASET, [("a", None), ("b", None), ("c", DATASET)]).not_a_name


def test_a_platform_most_papers_call_data_stays_data():
    # "... on the Reddit dataset of 1.2M comments ..."
    assert not decide_entity("Reddit", DATASET, [("a", DATASET), ("b", DATASET), ("c", None)]).not_a_name


@pytest.mark.parametrize("name", ["Vision-Language-Action", "Vision-Language", "RGB-Event", "Event-RGB",
                                  "EEG-text", "Language-RGB-Thermal"])
def test_a_name_of_media_alone_is_a_modality_and_no_model_or_data(name):
    # "Vision-Language-Action (VLA) models", "medical Vision-Language datasets", "existing Event-RGB datasets"
    assert outside_kind(name) == "modality"
    assert decide_entity(name, EntityType.MODEL, [("a", EntityType.MODEL), ("b", None)]).not_a_name


@pytest.mark.parametrize("name", ["text-to-speech", "Video-T1", "Visual Genome", "Action Genome", "Vision"])
def test_a_conversion_a_named_version_or_one_medium_word_is_no_media_compound(name):
    assert outside_kind(name) is None
