"""Data a paper calls new where it evaluates on it is its own (`introduced_names.py`, round 15)."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor

from paper_roles import introduced


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def test_a_new_dataset_in_the_experiments_is_introduced(extractor):
    found = introduced(extractor, "Face inpainting with identity preserving diffusion",
                       "We propose ID-ControlNet, which conditions inpainting on identity features. "
                       "Extensive experiments on CelebA-HQ, FFHQ, and on a new E-Mask dataset demonstrate "
                       "that ID-ControlNet improves identity preservation.")
    assert "E-Mask" in found
    assert not {"CelebA-HQ", "FFHQ"} & found


def test_a_newly_annotated_benchmark_past_its_size_is_introduced(extractor):
    found = introduced(extractor, "Retromorphic testing for hallucination detection",
                       "We evaluate RT4CHART on RAGTruth++ (408 samples) and RAGTruth-Enhance (2,675 "
                       "samples), a newly re-annotated benchmark. On RAGTruth-Enhance, it achieves a "
                       "span-level F1 of 47.5%.")
    assert "RAGTruth-Enhance" in found
    assert "RAGTruth++" not in found


def test_a_dataset_past_a_parenthesis_not_called_new_is_not_introduced(extractor):
    found = introduced(extractor, "Retromorphic testing for hallucination detection",
                       "We evaluate RT4CHART on RAGTruth-Enhance (2,675 samples), a re-annotated "
                       "benchmark, and report span-level F1.")
    assert "RAGTruth-Enhance" not in found


def test_an_existing_dataset_on_a_new_split_is_not_introduced(extractor):
    # "new" before another word than the name's head: the name is not what is new.
    found = introduced(extractor, "Segmentation",
                       "We propose SegX. Experiments on a new split of the Cityscapes dataset show gains.")
    assert "Cityscapes" not in found


def test_a_newly_introduced_dataset_without_our_is_another_papers(extractor):
    found = introduced(extractor, "Polyp segmentation",
                       "We propose PolypNet. We evaluate our model on PolypDB, a newly introduced dataset "
                       "with multi-modality and multi-center data.")
    assert "PolypDB" not in found
