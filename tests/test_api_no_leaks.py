"""No stack trace, file path or SQL reaches a client, whatever goes wrong (api/app.py, schema/limits.py)."""

import re

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app

from seed_graph import build_seed_graph

LEAK = re.compile(r"Traceback|File \"|\.py\b|/work/|/tmp/|site-packages|sqlite|SELECT |INSERT |FROM papers|"
                  r"OperationalError|ProgrammingError", re.IGNORECASE)

BAD_REQUESTS = [
    ("POST", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}),
    ("POST", {"json": {"query": "{ paper(id: 5) { title } }"}}),
    ("POST", {"json": {"query": "{ nope }"}}),
    ("POST", {"json": {"query": "query($n: Int!) { papers(first: $n) { totalCount } }", "variables": {"n": "x"}}}),
    ("POST", {"json": {"query": "{ papers(first: 100000) { totalCount } }"}}),
    ("POST", {"json": {"query": "{ papers(after: \"bm90IGEgY3Vyc29y\") { totalCount } }"}}),
    ("POST", {"json": {"query": "{ entities(type: NOPE) { totalCount } }"}}),
    ("POST", {"json": {"query": "{" * 500}}),
    ("POST", {"json": {"query": "{ papers(search: \"NEAR(\") { totalCount } }"}}),
    ("POST", {"json": ["not", "an", "object"]}),
    ("POST", {"content": b"\xff\xfe\x00", "headers": {"Content-Type": "application/json"}}),
    ("GET", {"params": {"query": "{ papers { totalCount }", "variables": "{oops"}}),
]


@pytest.fixture
def kg(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    yield kg
    kg.store.close()


@pytest.mark.parametrize("method, kwargs", BAD_REQUESTS)
def test_bad_requests_leak_no_internals(kg, method, kwargs):
    client = TestClient(create_app(kg), raise_server_exceptions=False)
    response = client.request(method, "/graphql", headers={"Accept": "application/json", **kwargs.pop("headers", {})}, **kwargs)
    assert not LEAK.search(response.text), response.text


def test_a_failing_database_leaks_no_internals(kg):
    client = TestClient(create_app(kg), raise_server_exceptions=False)
    kg.store._db.close()  # the database goes away under a running server
    for response in (client.post("/graphql", json={"query": "{ papers(search: \"x\") { totalCount edges { node { title } } } }"}),
                     client.get("/health")):
        assert not LEAK.search(response.text), response.text
        assert response.status_code in (200, 500)
