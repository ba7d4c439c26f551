"""api/http_options.py: CORS, GET with ETag and 304, batched requests refused."""

import json

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app
from paperkg.api.http_options import BATCH_REFUSED, ServeOptions

from seed_graph import copied_extractions, build_seed_graph

QUERY = "{ papers { totalCount } }"
ORIGIN = "https://frontend.example"


@pytest.fixture
def kg(tmp_path):
    graph = build_seed_graph(tmp_path / "kg.db")
    yield graph
    graph.store.close()


def get(client, query=QUERY, **headers):
    return client.get("/graphql", params={"query": query}, headers={"Accept": "application/json", **headers})


def test_cors_is_off_by_default(kg):
    client = TestClient(create_app(kg))
    response = client.post("/graphql", json={"query": QUERY}, headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/graphql", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_the_configured_origins_only(kg):
    client = TestClient(create_app(kg, ServeOptions(cors_origins=(ORIGIN,))))
    response = client.post("/graphql", json={"query": QUERY}, headers={"Origin": ORIGIN})
    assert response.headers["access-control-allow-origin"] == ORIGIN
    preflight = client.options("/graphql", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    other = client.post("/graphql", json={"query": QUERY}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_an_unchanged_get_answer_costs_a_304(kg):
    client = TestClient(create_app(kg))
    first = get(client)
    assert first.status_code == 200 and first.json()["data"]["papers"]["totalCount"] == 6
    tag = first.headers["etag"]
    again = get(client, **{"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    assert get(client, **{"If-None-Match": '"something-else"'}).status_code == 200


def test_the_etag_changes_when_the_graph_does(kg):
    client = TestClient(create_app(kg))
    tag = get(client).headers["etag"]
    kg.store.write_batch(copied_extractions(1))  # as another process's ingest would
    changed = get(client, **{"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed.json()["data"]["papers"]["totalCount"] == 12
    assert changed.headers["etag"] != tag


def test_a_batched_request_is_refused_with_one_clear_error(kg):
    client = TestClient(create_app(kg))
    response = client.post("/graphql", content=json.dumps([{"query": QUERY}, {"query": QUERY}]),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]["detail"].startswith(BATCH_REFUSED)


def test_post_answers_report_their_cost(kg):
    client = TestClient(create_app(kg))
    assert client.post("/graphql", json={"query": QUERY}).json()["extensions"] == {"cost": 2}
    refused = client.post("/graphql", json={"query": "{ papers(first: 100) { edges { node { entityUses { "
                                                     "entity { papers(first: 100) { edges { node { id } } } } } } } } }"})
    assert refused.json()["extensions"]["cost"] > 5000
    assert "over the budget of 5000" in refused.json()["errors"][0]["message"]


def test_serve_refuses_a_bad_allow_list_or_budget_in_one_line(tmp_path):
    from click.testing import CliRunner

    from paperkg.api.cli import main

    bad = tmp_path / "allowed.json"
    bad.write_text("[1")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db"), "--allow-list", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot read the allow-list {bad}")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db"), "--max-cost", "0"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: the query cost budget must be a positive whole number, not 0")
