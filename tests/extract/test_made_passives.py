"""A name that is the subject of a passive verb of making past an aside
(`extract/rules/made_passives.py`), on corpus and gold sentences (round 25, data/roles/README.md)."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.made_passives import _ASIDE_THEN_MADE, last_passive_start

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


def test_the_last_passive_start_bounds_every_clause_the_rule_reads():
    texts = ["By integrating PConv, a lightweight module, Light-C3k2, was designed to reduce cost, and "
             "Fast-C3k2, were\n proposed by Wang et al. Then MLAP strategy, which combines cues, is newly "
             "developed to assist agents.",
             "Light-C3k2 (LC), a module, was proposed by others.",
             "No passive here, is it?"]
    lasts = [last_passive_start(text) for text in texts]
    assert lasts[0] == texts[0].index(", is newly developed")
    assert lasts[1:] == [-1, -1]
    for text, last in zip(texts, lasts):
        matched = [at for at in range(len(text)) if _ASIDE_THEN_MADE.match(text, at)]
        assert all(at <= last for at in matched)
    assert [at for at in range(len(texts[0])) if _ASIDE_THEN_MADE.match(texts[0], at)]
