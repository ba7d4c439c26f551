"""Fixtures shared by the test modules: the seed graph and a client of the app over it."""

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app

from seed_graph import build_seed_graph


@pytest.fixture(scope="module")
def seed_kg(tmp_path_factory):
    """The six-paper seed graph in a fresh store, one a test module."""
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield graph
    graph.store.close()


@pytest.fixture(scope="module")
def seed_client(seed_kg):
    """A TestClient of `create_app(seed_kg)`."""
    with TestClient(create_app(seed_kg)) as test_client:
        yield test_client
