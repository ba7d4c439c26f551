"""Fixtures shared by the test modules: seed graphs, a client of the app over one, synthetic
arXiv records, a conference list with year, venue and DOI, and a free port."""

import json
import socket

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app
from paperkg.graph.ingest import ingest_paths
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.store import Store

from seed_graph import build_seed_graph


TOPICS = ["BERT on GLUE", "ResNet-50 on ImageNet", "GPT-2 on WikiText-103", "ViT on CIFAR-10", "T5 on SQuAD"]


def write_arxiv_records(path, count: int, start: int = 0):
    """`count` arXiv listing records (ids 2503.{start:05d}...), one JSON object a line."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + count):
            topic = TOPICS[i % len(TOPICS)]
            out.write(json.dumps({
                "arxiv_id": f"2503.{i:05d}", "title": f"Revisiting {topic} ({i})", "listing_date": "2025-03-18",
                "abstract": f"We revisit {topic} in setting {i}. Our method improves accuracy by {i % 7}% "
                            f"over RoBERTa and compares with LLaMA on MMLU.",
            }) + "\n")
    return path


@pytest.fixture(scope="session")
def arxiv_records():
    """Write synthetic arXiv JSON Lines: `arxiv_records(path, count)` -> path."""
    return write_arxiv_records


# A conference's paper list, in the shape users bring (issue 13, section 0): ids are the
# titles' slugs ("scaling-reasoning-agents"), the DOI is stored lower case without its URL.
CONFERENCE_LIST = [
    {"venue": "NeurIPS 2024", "year": 2024, "id": "xyz-42", "title": "Scaling Reasoning Agents",
     "abstract": "We fine-tune Llama 3 on GSM8K and report 85.1% accuracy.", "authors": ["Ada Lovelace", "Alan Turing"],
     "doi": "https://doi.org/10.5555/ABC.123", "pdf": "https://proceedings.example.org/42.pdf",
     "site": "https://neurips.cc/virtual/2024/poster/42", "track": "main", "status": "Poster"},
    {"venue": "ICLR 2025", "year": 2025, "id": "iclr-7", "title": "Sparse Routers for Mixtures",
     "abstract": "We train a mixture of experts with BERT embeddings and evaluate it on MMLU.",
     "authors": ["Grace Hopper"], "doi": None, "pdf": "", "site": "", "track": "main", "status": "Oral"},
]


@pytest.fixture(scope="module")
def conference_kg(tmp_path_factory):
    """The graph of `CONFERENCE_LIST`, written as JSON Lines and ingested as a user would."""
    folder = tmp_path_factory.mktemp("conference")
    source = folder / "neurips.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in CONFERENCE_LIST), encoding="utf-8")
    store = Store(folder / "kg.db")
    ingest_paths([source], store, progress=False, workers=1)
    yield KnowledgeGraph(store)
    store.close()


@pytest.fixture
def free_port():
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def seed_kg_factory(tmp_path_factory):
    """Build seed graphs (with `copies` renamed copies of every paper) for one module; closed after it."""
    made = []

    def make(copies: int = 0):
        kg = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db", copies=copies)
        made.append(kg)
        return kg

    yield make
    for kg in made:
        kg.store.close()


@pytest.fixture(scope="module")
def seed_kg(seed_kg_factory):
    """The six-paper seed graph in a fresh store, one a test module."""
    return seed_kg_factory()


@pytest.fixture(scope="module")
def seed_client(seed_kg):
    """A TestClient of `create_app(seed_kg)`."""
    with TestClient(create_app(seed_kg)) as test_client:
        yield test_client
