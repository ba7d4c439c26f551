"""Shapes that are never names (graph/extract/rules/junk_shapes.py), on spans of the arXiv cs corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.artifact_shapes import is_family_hybrid
from paperkg.graph.extract.rules.junk_shapes import (
    is_bare_shape, is_class_phrase, is_degree_of_metric, is_junk_name, is_manner_phrase, is_plain_phrase)
from paperkg.graph.records import EntityType


@pytest.mark.parametrize("name", [
    "iterative optimization",   # "... solved by iterative optimization over the latent code ..."
    "adaptive pruning",         # "... an adaptive pruning and densification strategy ..."
    "two-stage fine-tuning",    # "... a two-stage fine-tuning scheme ..."
    "later-stage pruning",      # "... and a later-stage pruning guided by cross-modal attention"
    "unconditional generation",
])
def test_a_manner_adjective_before_a_generic_process_is_a_manner_phrase(name):
    assert is_manner_phrase(name)


@pytest.mark.parametrize("name", [
    "object detection", "binary classification", "landmark localization",  # the process's object
    "contrastive learning rate",                                           # not a process head
    "Adaptive Pruning",                                                    # capitalised: a title or a name
    "iterative closest point registration",                                # more than two words
])
def test_a_process_with_its_object_or_a_longer_name_is_no_manner_phrase(name):
    assert not is_manner_phrase(name)


@pytest.mark.parametrize("name", ["pre-trained diffusion model", "text-to-image diffusion models",
                                  "multimodal transformer", "multimodal web agents",
                                  "3D diffusion models", "4D world model"])
def test_lowercase_words_headed_by_a_model_noun_name_a_class(name):
    assert is_class_phrase(name)


@pytest.mark.parametrize("name", ["Diffusion Transformer", "transformer", "model merging", "BERT model",
                                  "3D U-Net", "3D scene generation", "3D"])
def test_a_capitalised_model_one_word_or_another_head_is_no_class_phrase(name):
    assert not is_class_phrase(name)


@pytest.mark.parametrize("name", ["v2.0", "W4A4", "INT4", "FP8", "LoRA-adapted", "ImageNet-pretrained"])
def test_versions_number_formats_and_participle_compounds_are_bare_shapes(name):
    assert is_bare_shape(name)


@pytest.mark.parametrize("name", ["GPT-4", "Qwen2.5-7B", "ResNet-50", "INT4-Bench"])
def test_names_with_versions_are_no_bare_shapes(name):
    assert not is_bare_shape(name) and not is_junk_name(name)


@pytest.mark.parametrize("name", ["per-scene optimization", "per-image optimization", "layer-wise pruning",
                                  "pixel-wise prediction"])
def test_a_distributive_or_wise_modifier_is_a_manner(name):
    assert is_manner_phrase(name)


@pytest.mark.parametrize("name", ["sub-second latency", "millimeter-level accuracy", "real-time throughput",
                                  "full-precision accuracy", "human-level accuracy", "near-zero accuracy"])
def test_a_degree_of_a_value_before_a_metric_is_no_metric(name):
    assert is_degree_of_metric(name, EntityType.METRIC)


@pytest.mark.parametrize("name", ["pixel-level accuracy", "top-1 accuracy", "token-level F1", "mean average precision"])
def test_a_metric_with_a_unit_of_measure_is_a_metric(name):
    assert not is_degree_of_metric(name, EntityType.METRIC)


@pytest.mark.parametrize("name", ["CNN-Transformer", "CNN-GNN", "Hybrid Mamba-Transformer", "CNN+LSTM", "Transformer-CNN",
                                  "VLM-LLM", "LLM-to-LLM", "SLM-LLM"])
def test_joined_network_families_are_a_hybrid(name):
    assert is_family_hybrid(name)


@pytest.mark.parametrize("name", ["Vision Mamba", "Attention U-Net", "Transformer", "Bi-GRU", "ResNet-Transformer",
                                  "Human-LLM", "LLM"])
def test_one_family_or_a_named_network_is_no_hybrid(name):
    assert not is_family_hybrid(name)


@pytest.mark.parametrize("name", [
    "domain-specific fine-tuning",  # "... we find that domain-specific fine-tuning using solely ... VQA data is insufficient"
    "test-time optimization",       # "... pseudolabels provided by strong unsupervised test-time optimization methods"
    "real-time detection",          # "... achieving precise real-time detection of multiple pipettes remains a challenge"
    "domain-specific self-supervised pre-training",  # "... the benefits of domain-specific self-supervised pre-training for ... ASR"
])
def test_a_time_or_purpose_compound_before_a_generic_process_is_a_manner(name):
    assert is_manner_phrase(name)


@pytest.mark.parametrize("name", [
    "self-supervised pre-training",            # the kind of supervision alone names a paradigm
    "domain-specific named entity recognition",  # more than a manner and a process
    "test-time scaling",                       # not a generic process head
])
def test_supervision_alone_or_a_longer_phrase_is_no_manner(name):
    assert not is_manner_phrase(name)


@pytest.mark.parametrize("name", [
    "stable optimization",       # "... achieving their stable optimization and effective deployment remains a ... challenge"
    "high-fidelity generation",  # "... accelerates diffusion sampling while maintaining high-fidelity generation"
    "benign fine-tuning",        # "... erode their safety alignment, even for benign fine-tuning datasets"
    "diverse generation",        # "... noise diffusion for diverse generation"
])
def test_a_quality_adjective_before_a_generic_process_is_a_description(name):
    assert is_manner_phrase(name)


@pytest.mark.parametrize("name", ["semantic segmentation", "visual localization", "medical classification"])
def test_a_classifying_adjective_before_a_process_names_a_kind(name):
    assert not is_manner_phrase(name)


@pytest.mark.parametrize("name", ["feature optimization", "token-level optimization", "non-uniform quantization",
                                  "channel pruning"])
def test_lowercase_words_alone_are_a_plain_phrase(name):
    assert is_plain_phrase(name)


@pytest.mark.parametrize("name", ["LoRA fine-tuning", "INT4 quantization", "Random Sampling", "SageAttention", "3-d printing"])
def test_a_capital_or_a_digit_is_no_plain_phrase(name):
    assert not is_plain_phrase(name)
