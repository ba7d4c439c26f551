"""api/body_limit.py: requests over the size limit get 413 in the shared error shape."""

import json

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app, error_body
from paperkg.api.body_limit import BodyLimit
from paperkg.graph.errors import QueryError
from paperkg.schema import execute_query
from paperkg.schema.limits import MAX_REQUEST_BYTES

QUERY = "query($s: String) { papers(search: $s, first: 1) { totalCount } }"


@pytest.fixture(scope="module")
def kg(seed_kg):
    return seed_kg


@pytest.fixture(scope="module")
def client(kg):
    return TestClient(create_app(kg), raise_server_exceptions=False)


def assert_413(response):
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["status"] == 413 and error["title"] == "Request Entity Too Large"
    assert f"{MAX_REQUEST_BYTES:,} bytes" in error["detail"]


def test_a_50_mb_body_gets_413_not_200(client):
    body = json.dumps({"query": QUERY, "variables": {"s": "x" * 50_000_000}})
    assert_413(client.post("/graphql", content=body, headers={"Content-Type": "application/json"}))


def test_a_body_streamed_without_a_length_is_cut_at_the_limit(client):
    def chunks():
        yield b'{"query": "{ papers { totalCount } }", "pad": "'
        for _ in range(30):
            yield b"x" * 100_000
        yield b'"}'

    assert_413(client.post("/graphql", content=chunks(), headers={"Content-Type": "application/json"}))


def test_variables_over_the_limit_get_413(client):
    payload = {"query": QUERY, "variables": {"s": "word " * (MAX_REQUEST_BYTES // 5)}}
    assert_413(client.post("/graphql", json=payload))


def test_a_document_over_the_limit_in_a_get_gets_413(kg):
    # httpx refuses URLs near 1 MB, so the GET path is shown with a 10 kB limit.
    small = TestClient(BodyLimit(create_app(kg), error_body, limit=10_000))
    document = "{ papers { totalCount } }" + " " * 10_000
    response = small.get("/graphql", params={"query": document}, headers={"Accept": "application/json"})
    assert response.status_code == 413 and "query string is over the limit of 10,000 bytes" in response.json()["error"]["detail"]
    answered = small.get("/graphql", params={"query": "{ papers { totalCount } }"}, headers={"Accept": "application/json"})
    assert answered.json()["data"] == {"papers": {"totalCount": kg.count_papers()}}


def test_a_request_under_the_limit_is_answered(client):
    payload = {"query": QUERY, "variables": {"s": "unlearning " + "x" * 500_000}}
    response = client.post("/graphql", json=payload)
    assert response.status_code == 200 and response.json()["data"]["papers"]["totalCount"] == 0


def test_the_same_limit_holds_for_queries_run_in_process(kg):
    with pytest.raises(QueryError, match="variables is .* over the limit"):
        execute_query(kg, QUERY, {"s": "x" * (MAX_REQUEST_BYTES + 1)})
    with pytest.raises(QueryError, match="query is .* over the limit"):
        execute_query(kg, "{ papers { totalCount } }" + " " * MAX_REQUEST_BYTES)
