"""Names defined before an abstract turns to its own work (`extract/rules/background_sentences.py`)."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.background_sentences import own_voice_start

from paper_roles import introduced


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def test_the_turn_is_the_first_we_or_this_paper_of_the_abstract():
    text = "Our title\n\nThe field uses X. In this paper, we propose Y."
    assert own_voice_start(text) == text.index("In this")
    assert own_voice_start("T\n\nThe Linear Mixing Model (LMM) dominates. It fails.") == -1
    assert own_voice_start("no abstract") == -1
    assert own_voice_start("") == -1


def test_an_opening_definition_of_the_field_is_not_introduced(extractor):
    found = introduced(extractor, "Physics-Guided Regime Unmixing",
                       "The Linear Mixing Model (LMM) dominates spectral unmixing for its simplicity, but "
                       "fails under multiple scattering. We propose PGRU, a physics-guided unmixing "
                       "framework that selects a regime per pixel.")
    assert "Linear Mixing Model" not in found and "LMM" not in found
    assert "PGRU" in found


def test_a_background_passive_is_proposed_is_not_introduced(extractor):
    found = introduced(extractor, "Object-centric occupancy",
                       "Camera-based perception lacks depth. To overcome these issues, the task of "
                       "semantic occupancy prediction (SOP) is proposed, which aims to infer geometry and "
                       "semantics. To address this, we propose Object-Centric SOP (OC-SOP), a framework "
                       "that integrates object cues.")
    assert "semantic occupancy prediction" not in found and "SOP" not in found


def test_a_definition_after_the_turn_is_still_introduced(extractor):
    found = introduced(extractor, "Fusion",
                       "Fusion is hard. In this paper, we design a Semantic Fusion Block (SFB) that "
                       "aligns features across modalities.")
    assert "Semantic Fusion Block" in found


def test_an_abstract_that_never_says_we_is_left_alone(extractor):
    # All passive: no turn to find, so nothing is taken back.
    found = introduced(extractor, "A fusion block",
                       "A Semantic Fusion Block (SFB) is proposed to align features across modalities. "
                       "Experiments show gains.")
    assert "Semantic Fusion Block" in found


def test_the_study_and_my_research_are_the_paper_speaking(extractor):
    found = introduced(extractor, "Horizon scanning tools",
                       "Methodology: The study introduces SCANAR and AIDOC, open-source Python-based "
                       "tools designed to improve horizon scanning.")
    assert {"SCANAR", "AIDOC"} <= found
    text = "T\n\nInterviews are hard. My doctoral research introduces a system."
    assert own_voice_start(text) == text.index("My")
