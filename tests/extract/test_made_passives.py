"""A name that is the subject of a passive verb of making past an aside
(`extract/rules/made_passives.py`), on corpus and gold sentences (round 25, data/roles/README.md)."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor

from paper_roles import introduced


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def test_a_name_in_apposition_before_was_designed_is_introduced(extractor):
    found = introduced(extractor, "A lightweight network for sitting posture recognition",
                       "A lightweight single-stage network for sitting posture recognition termed LSP-YOLO was "
                       "proposed. By integrating partial convolution (PConv), a lightweight module, Light-C3k2, "
                       "was designed to reduce computational cost while maintaining feature extraction capability.")
    assert "Light-C3k2" in found


def test_a_name_before_a_relative_clause_and_is_designed_is_introduced(extractor):
    found = introduced(extractor, "Navigation with semantic maps",
                       "We build a semantic map of the scene. Building on this map, Multi-Level Action Prediction "
                       "strategy, which combines spatial-semantic cues at multiple granularities, is designed to "
                       "assist agents in decision-making.")
    assert "Multi-Level Action Prediction" in found


def test_a_name_proposed_by_others_keeps_its_role(extractor):
    found = introduced(extractor, "Sitting posture recognition",
                       "We study posture recognition. We compare against a module, Light-C3k2, which was proposed "
                       "by earlier work, and against a lightweight module, Light-C3k2, was proposed by Wang et al.")
    assert "Light-C3k2" not in found


def test_an_example_in_a_list_of_networks_developed_keeps_its_role(extractor):
    found = introduced(extractor, "Explainable glaucoma detection",
                       "We study saliency maps. Four deep neural networks, including VGG-11, ResNet-18, DeiT-Tiny, "
                       "and Swin Transformer-Tiny, were developed using binary diagnostic labels of glaucoma.")
    assert not {"Swin Transformer-Tiny", "DeiT-Tiny"} & found
