"""Names coined beside a name the paper introduces (`extract/rules/introduced_siblings.py`),
on corpus sentences (round 20, data/roles/README.md)."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor

from paper_roles import introduced


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def test_a_definition_joined_by_and_to_an_introduced_one_is_introduced(extractor):
    found = introduced(extractor, "Prototype perturbation for few-shot learning",
                       "We have developed two approaches for calculating the perturbations: Neighbor-Driven "
                       "Prototype Perturbation (NDPP) and Optimization-Driven Prototype Perturbation (ODPP).")
    assert {"Neighbor-Driven Prototype Perturbation", "Optimization-Driven Prototype Perturbation"} <= found


def test_a_parallel_clause_after_while_names_a_sibling(extractor):
    found = introduced(extractor, "UniFlowRestore: A General Video Restoration Framework",
                       "We propose UniFlowRestore, a general video restoration framework. A physics-aware "
                       "backbone PhysicsUNet encodes degradation priors as potential energy, while "
                       "PromptGenerator produces task-relevant prompts as momentum.")
    assert {"PhysicsUNet", "PromptGenerator"} <= found


def test_the_apposition_of_an_introduced_name_is_no_sibling(extractor):
    found = introduced(extractor, "Video class-incremental learning",
                       "To address these limitations, we propose Spatiotemporal Preservation and Routing "
                       "(StPR), a unified and exemplar-free VCIL framework that explicitly disentangles "
                       "and preserves spatiotemporal information.")
    assert "VCIL" not in found


def test_counted_things_beside_an_introduced_name_are_no_siblings(extractor):
    found = introduced(extractor, "Dynamic point cloud quality",
                       "In this paper, we introduce a large-scale DPCQA database, named DPCD, which "
                       "includes 15 reference DPCs and 525 distorted DPCs from seven types of lossy "
                       "compression and noise distortion.")
    assert "DPCD" in found and not {"DPCs", "DPC"} & found


def test_a_definition_used_beside_an_introduced_one_keeps_its_role(extractor):
    found = introduced(extractor, "Robust watermarking",
                       "Specifically, we embed watermarks into high-frequency sub-bands using Dual-Tree "
                       "Complex Wavelet Transform (DT-CWT) and employ a Structural Consistency Graph "
                       "Neural Network (SC-GNN) to preserve visual quality.")
    assert "Dual-Tree Complex Wavelet Transform" not in found and "DT-CWT" not in found
