"""api/persisted.py: Apollo's automatic persisted queries and the allow-list mode."""

import json

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app
from paperkg.api.http_options import ServeOptions
from paperkg.api.persisted import NOT_ALLOWED, read_allow_list, sha256_of
from paperkg.graph.errors import QueryError

from seed_graph import PAPERS, build_seed_graph

QUERY = "{ papers { totalCount } }"
TOTAL = {"papers": {"totalCount": len(PAPERS)}}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield graph
    graph.store.close()


def persisted(query=QUERY):
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256_of(query)}}


def test_apq_over_post_not_found_then_registered_then_by_hash(kg):
    client = TestClient(create_app(kg))
    miss = client.post("/graphql", json={"extensions": persisted()}).json()
    assert miss == {"data": None, "errors": [{"message": "PersistedQueryNotFound",
                                              "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]}
    full = client.post("/graphql", json={"query": QUERY, "extensions": persisted()}).json()
    assert full["data"] == TOTAL
    assert client.post("/graphql", json={"extensions": persisted()}).json()["data"] == TOTAL


def test_apq_over_get(kg):
    client = TestClient(create_app(kg))
    params = {"extensions": json.dumps(persisted("{ papers { totalCount } } "))}
    headers = {"Accept": "application/json"}
    assert client.get("/graphql", params=params, headers=headers).json()["errors"][0]["message"] == \
        "PersistedQueryNotFound"
    client.get("/graphql", params={**params, "query": "{ papers { totalCount } } "}, headers=headers)
    answer = client.get("/graphql", params=params, headers=headers)
    assert answer.json()["data"] == TOTAL
    assert "etag" in answer.headers


def test_a_hash_that_does_not_match_its_query_is_refused(kg):
    client = TestClient(create_app(kg))
    body = client.post("/graphql", json={"query": QUERY, "extensions": persisted("{ other }")}).json()
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    assert body["data"] is None


def write_allow_list(tmp_path, queries) -> str:
    path = tmp_path / "allowed.json"
    path.write_text(json.dumps(queries))
    return str(path)


def test_allow_list_mode_runs_registered_queries_only(kg, tmp_path):
    allowed = write_allow_list(tmp_path, {"count": "query Count { papers { totalCount } }"})
    client = TestClient(create_app(kg, ServeOptions(allow_list=allowed)))
    # The registered query, however it is spaced, or its hash.
    assert client.post("/graphql", json={"query": "query Count {\n  papers { totalCount }\n}"}).json()["data"] == TOTAL
    by_hash = {"persistedQuery": {"version": 1, "sha256Hash": sha256_of("query Count { papers { totalCount } }")}}
    assert client.post("/graphql", json={"extensions": by_hash}).json()["data"] == TOTAL
    refused = client.post("/graphql", json={"query": "{ entities { totalCount } }"}).json()
    assert refused == {"data": None, "errors": [{"message": NOT_ALLOWED, "extensions": {"code": "QUERY_NOT_ALLOWED"}}]}
    # An unregistered query cannot get in through APQ either.
    sneaky = "{ entities { totalCount } }"
    assert client.post("/graphql", json={"query": sneaky, "extensions": persisted(sneaky)}).json()["errors"][0][
        "message"] == NOT_ALLOWED


def test_a_bad_allow_list_is_one_clear_error(tmp_path):
    with pytest.raises(QueryError, match="does not parse"):
        read_allow_list(write_allow_list(tmp_path, ["{ papers { "]))
    with pytest.raises(QueryError, match="cannot read the allow-list"):
        read_allow_list(tmp_path / "missing.json")
    with pytest.raises(QueryError, match="JSON object of name -> query text"):
        read_allow_list(write_allow_list(tmp_path, {"a": 1}))
