"""Shapes that are never names (graph/extract/rules/junk_shapes.py), on spans of the arXiv cs corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.junk_shapes import is_bare_shape, is_class_phrase, is_junk_name, is_manner_phrase


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
                                  "multimodal transformer", "multimodal web agents"])
def test_lowercase_words_headed_by_a_model_noun_name_a_class(name):
    assert is_class_phrase(name)


@pytest.mark.parametrize("name", ["Diffusion Transformer", "transformer", "model merging", "BERT model"])
def test_a_capitalised_model_one_word_or_another_head_is_no_class_phrase(name):
    assert not is_class_phrase(name)


@pytest.mark.parametrize("name", ["v2.0", "W4A4", "INT4", "FP8", "LoRA-adapted", "ImageNet-pretrained"])
def test_versions_number_formats_and_participle_compounds_are_bare_shapes(name):
    assert is_bare_shape(name)


@pytest.mark.parametrize("name", ["GPT-4", "Qwen2.5-7B", "ResNet-50", "INT4-Bench"])
def test_names_with_versions_are_no_bare_shapes(name):
    assert not is_bare_shape(name) and not is_junk_name(name)
