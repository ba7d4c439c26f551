"""A name that "namely" gives to what the paper says it made (`extract/rules/namely_made.py`),
on corpus and gold sentences (round 25, data/roles/README.md)."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor

from paper_roles import introduced


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def test_a_name_after_namely_past_a_described_version_is_introduced(extractor):
    found = introduced(extractor, "Image classification with graph networks",
                       "Graph networks model relational data. In particular, we have proposed a new version of the "
                       "GCN in this paper, namely normalized Voronoi Graph Convolution Network (NVGCN), which is "
                       "faster than the regular GCN.")
    assert {"NVGCN", "normalized Voronoi Graph Convolution Network"} & found


def test_a_name_after_namely_the_is_introduced(extractor):
    found = introduced(extractor, "Well-conditioned networks",
                       "To overcome this challenge, this work develops novel joint constraints to adjust the weight "
                       "distribution of networks, namely, the Transformed Sparse Constraint joint with Condition "
                       "Number Constraint (TSCNC), which copes with smoothing distribution.")
    assert {"TSCNC", "Transformed Sparse Constraint joint with Condition Number Constraint"} & found


def test_names_after_namely_of_what_the_paper_uses_keep_their_role(extractor):
    found = introduced(extractor, "Text classification",
                       "We propose a simple recipe. We use two strong encoders, namely RoBERTa-Large and "
                       "DeBERTa-V3, as baselines.")
    assert not {"RoBERTa-Large", "DeBERTa-V3"} & found


def test_names_after_namely_of_what_the_made_thing_integrates_keep_their_role(extractor):
    found = introduced(extractor, "Uncertainty quantification",
                       "To address this, we introduce innovative frameworks that enhances MCD by integrating "
                       "different search solutions namely Grey Wolf Optimizer (GWO), Bayesian Optimization (BO), "
                       "and Particle Swarm Optimization (PSO).")
    assert not {"Grey Wolf Optimizer", "GWO"} & found
