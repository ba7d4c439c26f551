"""Fixtures shared by the test modules."""

import pytest

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
