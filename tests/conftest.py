"""Fixtures shared by several test modules."""

import json
import socket

import pytest

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


@pytest.fixture
def free_port():
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def seed_kg(tmp_path_factory):
    """The seed graph (tests/seed_graph.py) in a store of its own, closed after the module."""
    from seed_graph import build_seed_graph

    kg = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield kg
    kg.store.close()
