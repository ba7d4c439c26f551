"""Discovered models that no paper writes as a model (graph/corpus_model_evidence.py), on corpus sentences."""

from __future__ import annotations

import pytest

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_model_evidence import has_model_part, writes_a_model
from paperkg.graph.records import EntityType
from paperkg.graph.store import Store

from corpus_papers import acronym_paper, sentence_paper, type_after_steps

MODEL = EntityType.MODEL

# Sentences of the 75k corpus that name the Lorentz model of hyperbolic space, a geometry.
LORENTZ = [
    "Grounded in the Lorentz model, our model employs a novel hyperbolic graph attention layer with a signed "
    "aggregation mechanism.",
    "We build an architecture-agnostic semantic segmentation framework in the hyperbolic Lorentz model.",
    "To overcome this, we propose HyNeuralMap, a framework that employ hyperbolic Lorentz model to map visual "
    "semantics into a shared hierarchy.",
]


def test_a_model_no_paper_writes_as_a_model_is_not_a_name(tmp_path):
    papers = [sentence_paper(f"l{i}", s, "Lorentz", MODEL) for i, s in enumerate(LORENTZ)]
    assert type_after_steps(tmp_path, papers, "Lorentz") is None


@pytest.mark.parametrize("sentence", [
    "Our method outperforms Lorentz on three hyperbolic benchmarks.",
    "We release Lorentz 2.0 with a longer context.",
    "Recent hyperbolic models, such as Lorentz, embed hierarchies.",
    "We present Lorentz, a hyperbolic language model trained on taxonomies.",
])
def test_a_paper_that_writes_it_as_a_model_keeps_it(tmp_path, sentence):
    papers = [sentence_paper(f"l{i}", s, "Lorentz", MODEL) for i, s in enumerate([*LORENTZ[:2], sentence])]
    assert type_after_steps(tmp_path, papers, "Lorentz") == "MODEL"


def test_a_model_in_fewer_than_three_papers_is_not_read(tmp_path):
    papers = [sentence_paper(f"l{i}", s, "Lorentz", MODEL) for i, s in enumerate(LORENTZ[:2])]
    assert type_after_steps(tmp_path, papers, "Lorentz") == "MODEL"


def test_what_writes_a_name_as_a_model():
    assert writes_a_model("Qwen-7B", "USES", " on math", "we fine-tune ")
    assert writes_a_model("SEED", "USES", " 1.5 and GPT-4o", "we compare ")
    assert writes_a_model("GaussianWorld", "USES", ") by 1.5 IoU", "outperforming prior art (e.g., ")
    assert writes_a_model("Zip-NeRF", "USES", " on indoor scenes", "higher quality than the state-of-the-art ")
    assert writes_a_model("OmniGen", "USES", ", have enabled", "unified image generation models, such as ")
    assert writes_a_model("Orchestrator", "USES", ", an 8B model that achieves", "we produce ")
    assert writes_a_model("PanoWorld", "INTRODUCES", ": A Generative Spatial World Model for", "")
    assert not writes_a_model("ETF", "USES", ") prototypes, our method", "By pre-assigning and fixing ")
    assert not writes_a_model("Markov", "USES", " models, we establish", "rigorous theoretical analysis based on ")


def test_what_names_are_built_of_a_model_part():
    listed = frozenset({"XLM", "BERT", "LLaVA"})
    for name in ("AfroXLMR", "German BERT", "QCNet", "PatchGAN", "TarFlow", "NN-Former", "Vector-Quantized VAE"):
        assert has_model_part(name, listed), name
    for name in ("CNN", "Markov", "ETF", "Digital Surface Model", "BERT"):
        assert not has_model_part(name, listed), name


# Papers of the 75k corpus that define "TDM" as three different models, one a paper.
TDM = [
    ("We propose a mobile-optimized two-stage deep learning framework that integrates a Threading Detection Model "
     "(TDM) to parallelize YOLOv10-based detection and MobileSAM-based segmentation.", "Threading Detection Model"),
    ("Specifically, it integrates a Texture Diffusion Model (TDM) that supports flexible multi-condition guidance "
     "from text and/or image prompts.", "Texture Diffusion Model"),
    ("Comparative experiments with the existing Telegraph Diffusion Model (TDM) demonstrate the superiority of "
     "the proposed approaches in reducing speckle noise.", "Telegraph Diffusion Model"),
]


def test_an_acronym_of_three_models_is_split_not_held(tmp_path):
    papers = [acronym_paper(f"t{i}", [sentence], "TDM", long_form) for i, (sentence, long_form) in enumerate(TDM)]
    store = Store(tmp_path / "senses.db")
    store.write_batch(papers)
    with store:
        settle_corpus(store)
        naming = store._db.execute("SELECT count(DISTINCT paper_id), count(DISTINCT entity_id) FROM mentions "
                                   "WHERE entity_id LIKE 'tdm%'").fetchone()
    assert naming[0] == 3 and naming[1] >= 2  # every paper still names a TDM, split by sense
