"""Discovered models named as a part of a paper's method (graph/corpus_model_parts.py), on corpus sentences."""

from __future__ import annotations

import pytest

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_model_parts import is_part_name, keeps_part_method, writes_as_model
from paperkg.graph.records import EntityType, Role, entity_id
from paperkg.graph.store import Store

from corpus_papers import sentence_paper, type_after_steps

MODEL = EntityType.MODEL

# Sentences of the 75k corpus that name a module of the paper's own method.
PARTS = [
    ("Specifically, we introduce a Spatial Signal Encoder to predict spatially adaptive modulation weights, which "
     "are used to guide multi-scale fusion.", "Spatial Signal Encoder"),
    ("Finally, a Progressive Reconstruction Decoder iteratively fuses multi-scale features to ensure topological "
     "consistency.", "Progressive Reconstruction Decoder"),
]


@pytest.mark.parametrize("sentence, name", PARTS)
def test_a_part_of_a_papers_method_is_a_method(tmp_path, sentence, name):
    papers = [sentence_paper("p1", sentence, name, MODEL, Role.INTRODUCES)]
    assert type_after_steps(tmp_path, papers, name) == "METHOD"


def test_a_second_step_does_not_type_a_part_back(tmp_path):
    sentence, name = PARTS[0]
    with Store(tmp_path / "kg.db") as store:
        store.write_batch([sentence_paper("p1", sentence, name, MODEL, Role.INTRODUCES)])
        first = settle_corpus(store)
        second = settle_corpus(store)
        assert first.retyped >= 1 and second.retyped == 0
        assert store.get_entities([entity_id(name)])[entity_id(name)].type is EntityType.METHOD


@pytest.mark.parametrize("sentence, name", [
    ("We introduce Perception Encoder (PE), a state-of-the-art encoder for image and video understanding.",
     "Perception Encoder"),  # a model apposition
    ("We use a hybrid training strategy to train the EEG Encoder, which includes cross-attention.",
     "EEG Encoder"),  # trained
    ("Across four CIR benchmarks and eleven Generalist Multimodal Fusion models, a single modality suffices.",
     "Generalist Multimodal Fusion"),  # a class of models
])
def test_a_paper_that_writes_it_as_a_model_keeps_it(tmp_path, sentence, name):
    papers = [sentence_paper("p1", sentence, name, MODEL, Role.INTRODUCES)]
    assert type_after_steps(tmp_path, papers, name) == "MODEL"


def test_what_names_a_part():
    assert is_part_name("Motion State Encoder") and is_part_name("Landmark-Guided Adaptive Encoder")
    assert is_part_name("Holographic Reduced Representations") and is_part_name("DP-Fusion")
    # whole models, a version, one word, released embedding models and adapters
    assert not is_part_name("Point Transformer") and not is_part_name("Mask2Former Decoder")
    assert not is_part_name("Encoder") and not is_part_name("QZhou-Embedding") and not is_part_name("BIR-Adapter")


def test_what_writes_a_part_as_a_model():
    assert writes_as_model("Hash Encoder", "Hash Encoder", "USES", " achieves 92% recall", "The ")
    assert writes_as_model("Hash Encoder", "Hash Encoder", "USES", " models are", "Existing ")
    assert writes_as_model("Hash Encoder", "Hash Encoder", "COMPARES", " on COCO", "outperforms the ")
    assert not writes_as_model("Hash Encoder", "Hash Encoder", "INTRODUCES", " compresses this signature",
                               "hash functions. A ")


def test_the_verdict_keeps_a_part_a_method():
    assert keeps_part_method("Motion State Encoder", "METHOD", "MODEL")
    assert not keeps_part_method("Motion State Encoder", "MODEL", "METHOD")
    assert not keeps_part_method("Point Transformer", "METHOD", "MODEL")
