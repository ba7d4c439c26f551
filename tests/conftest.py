"""Fixtures shared by the test modules: seed graphs and a client of the app over one."""

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app

from seed_graph import build_seed_graph


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
