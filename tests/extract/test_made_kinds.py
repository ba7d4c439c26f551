"""A coined name in apposition to a kind the paper made (`extract/rules/made_kinds.py`), on
corpus sentences (round 20, data/roles/README.md)."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor

from paper_roles import introduced


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def test_a_name_after_a_dataset_we_created_is_introduced(extractor):
    found = introduced(extractor, "Controllable image colorization",
                       "Additionally, we have created a specialized dataset for instance-level colorization "
                       "tasks, GPT-color, by leveraging large visual language models on existing image datasets.")
    assert {"GPT-color", "GPT color"} & found  # its entity is named "GPT color"


def test_a_name_after_the_model_a_process_results_in_is_introduced(extractor):
    found = introduced(extractor, "Bridging vision and code",
                       "Specifically, we co-develop our image-to-code model and dataset with model-in-the-loop "
                       "approach, resulting in an image-to-code model, FigCodifier and a large dataset.")
    assert "FigCodifier" in found


def test_a_name_after_a_kind_others_made_keeps_its_role(extractor):
    found = introduced(extractor, "Colorization with language models",
                       "Additionally, existing work has created a specialized dataset for colorization "
                       "tasks, GPT-color, which we use for training.")
    assert not {"GPT-color", "GPT color"} & found
