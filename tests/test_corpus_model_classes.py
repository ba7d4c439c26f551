"""Discovered models that the corpus writes as a class of models (graph/corpus_model_classes.py), on corpus sentences."""

from __future__ import annotations

import pytest

from paperkg.graph.corpus_model_classes import written_as_class
from paperkg.graph.records import EntityType

from corpus_papers import sentence_paper, type_after_steps

MODEL = EntityType.MODEL

# Sentences of the 75k corpus that write ANN, artificial neural networks, a class of models.
ANN = [
    "This is exemplified by reversal anomalies that highlight the limitations of traditional ANN models, such "
    "as the Sentence Gestalt (SG) Model.",
    "In this work, we use the FINN architecture to deploy three ANNs on an FPGA.",
    "Our spiking model surpasses advanced ANN models in zero-shot 3D classification.",
    "To bridge the modality and paradigm gap between ANN and SNN features, we design a model-based ISTA adapter.",
]


def test_a_model_written_as_a_class_in_half_its_papers_is_not_a_name(tmp_path):
    papers = [sentence_paper(f"a{i}", s, "ANN", MODEL) for i, s in enumerate(ANN)]
    assert type_after_steps(tmp_path, papers, "ANN") is None


@pytest.mark.parametrize("sentence", [
    "We fine-tune ANN-7B on the new corpus.",  # a size
    "We present ANN, a spiking language model trained on event streams.",  # a model apposition
])
def test_a_paper_that_writes_a_version_or_calls_it_a_model_keeps_it(tmp_path, sentence):
    papers = [sentence_paper(f"a{i}", s, "ANN", MODEL) for i, s in enumerate([*ANN, sentence])]
    assert type_after_steps(tmp_path, papers, "ANN") == "MODEL"


def test_a_model_written_as_a_class_in_fewer_than_half_its_papers_stays(tmp_path):
    one = [ANN[0], "The ANN predicts the next token.", "Our method outperforms ANN on GLUE.",
           "ANN reaches 90% accuracy on all tasks."]
    papers = [sentence_paper(f"a{i}", s, "ANN", MODEL) for i, s in enumerate(one)]
    assert type_after_steps(tmp_path, papers, "ANN") == "MODEL"


def test_a_name_built_of_a_model_part_stays(tmp_path):
    sentences = ["We compare against existing UperNet models.", "A UperNet model is used as the decoder.",
                 "Our method outperforms UperNet on ADE20K."]
    papers = [sentence_paper(f"u{i}", s, "UperNet", MODEL) for i, s in enumerate(sentences)]
    assert type_after_steps(tmp_path, papers, "UperNet") == "MODEL"


def test_what_writes_a_name_as_a_class():
    assert written_as_class("VLAs", "VLA", " struggle with complex manipulation", "Existing ")
    assert written_as_class("VLA", "VLA", " models are superior to VLN baselines", "Results show that ")
    assert written_as_class("ANN", "ANN", "-based methods while offering", "matches the performance of recent ")
    assert written_as_class("Manager", "Manager", " agent orchestrates a team", "assessment. A ")
    assert written_as_class("STRIPS", "STRIPS", " world models from action traces", "learning propositional ")
    # the last item of a list of models, a model after "the", a model written bare
    assert not written_as_class("ResShift", "ResShift", " models. Results", "compared against the ResViT and ")
    assert not written_as_class("CENTAUR", "CENTAUR", " model that was fine-tuned", "even for the recent ")
    assert not written_as_class("COSMOS", "COSMOS", " achieve strong scores", "encoders like VAE and ")
    assert not written_as_class("SetFit", "SetFit", " achieves 92% accuracy", "we find that ")
