"""Names their papers call software, formats or platforms (graph/corpus_outside_nouns.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus_outside_nouns import nouns_beside
from paperkg.graph.records import EntityType

from corpus_papers import sentence_paper, type_after_steps

MODEL, BENCHMARK = EntityType.MODEL, EntityType.BENCHMARK

# Sentences of the 75k corpus that name ChromaDB: two call it a store or an engine, one
# names it bare.
CHROMADB = [
    "We use a fixed generation model (GPT-4o-mini), a common vector store (ChromaDB), and OpenAI's "
    "text-embedding-3-small embeddings.",
    "The coaches query a Retrieval-Augmented Generation (RAG) pipeline utilizing a vector search engine (ChromaDB).",
    "The system features a vectorized skill repository backed by ChromaDB and an adaptive model management layer.",
]


def test_a_name_its_papers_call_a_store_and_an_engine_is_not_a_name(tmp_path):
    papers = [sentence_paper(f"c{i}", s, "ChromaDB", MODEL) for i, s in enumerate(CHROMADB)]
    assert type_after_steps(tmp_path, papers, "ChromaDB") is None


def test_a_name_more_papers_call_a_model_stays(tmp_path):
    sentences = ["We implement the method on top of the OpenSim library for musculoskeletal simulation.",
                 "We fine-tune the OpenSim model on gait recordings of twelve subjects.",
                 "Compared with the OpenSim models, our network predicts joint torques more accurately."]
    papers = [sentence_paper(f"o{i}", s, "OpenSim", MODEL) for i, s in enumerate(sentences)]
    assert type_after_steps(tmp_path, papers, "OpenSim") == "MODEL"


def test_a_benchmarking_platform_is_not_held(tmp_path):
    sentences = ["We present OmniGenBench, a modular benchmarking platform designed to unify the data layers.",
                 "OmniGenBench enables standardized, one-command evaluation of any genomic foundation model.",
                 "We evaluate three models on OmniGenBench and report their accuracy."]
    papers = [sentence_paper(f"g{i}", s, "OmniGenBench", BENCHMARK) for i, s in enumerate(sentences)]
    assert type_after_steps(tmp_path, papers, "OmniGenBench") is not None


def test_the_nouns_beside_a_name():
    assert nouns_beside(" library, the Tempora-0325 dataset", "We release the YourBench") == ["library"]
    assert nouns_beside(", a large public registry of agent skills.", "an empirical study of ") == ["registry"]
    assert nouns_beside("), and OpenAI's embeddings", "a common vector store (") == ["store"]
    assert nouns_beside(" (UE) engine, for military target detection", "a photorealistic tool, ") == ["engine"]
    assert nouns_beside(" stores incoming interactions in a memory layer", "To this end, ") == ["stores"]
    assert nouns_beside(", a modular benchmarking platform designed to", "We present ") == ["benchmark"]
    assert nouns_beside(" Format for LLMs", "") == []  # a capitalised word: part of a longer name
