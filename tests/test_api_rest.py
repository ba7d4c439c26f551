"""GET /rest/paper/{id}: the JSON of GraphQL's paper query, from a plain route."""

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app
from paperkg.api.rest import PAPER_QUERY
from paperkg.schema.execute import execute_query

from seed_graph import PAPERS, seed_id


@pytest.fixture(scope="module")
def kg(seed_kg):
    return seed_kg


@pytest.fixture(scope="module")
def client(seed_client):
    return seed_client


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_rest_paper_equals_the_graphql_answer(client, kg, name):
    response = client.get(f"/rest/paper/{seed_id(name)}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    expected = execute_query(kg, PAPER_QUERY, {"id": seed_id(name)})["data"]["paper"]
    assert response.json() == expected
    assert expected["entities"] and expected["mentions"]


def test_rest_paper_keeps_graphqls_order_and_values(client):
    paper = client.get(f"/rest/paper/{seed_id('flame')}").json()
    assert paper["title"] == PAPERS["flame"][0]
    assert all(m["entity"]["id"] for m in paper["mentions"])
    assert all(e["paperCount"] >= 1 for e in paper["entities"])


def test_unknown_paper_is_a_404_in_the_error_shape(client):
    response = client.get("/rest/paper/2401.99999")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["status"] == 404 and error["title"] == "Not Found"
    assert "'2401.99999'" in error["detail"] and "/graphql" in error["detail"]


def test_rest_is_read_only(client):
    response = client.post(f"/rest/paper/{seed_id('flame')}")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"


def test_rest_paper_carries_year_venue_and_doi_as_graphql_does(conference_kg):
    with TestClient(create_app(conference_kg)) as client:
        first = client.get("/rest/paper/scaling-reasoning-agents").json()
        second = client.get("/rest/paper/paper/sparse-routers-for-mixtures").json()
    assert (first["year"], first["venue"], first["doi"], first["date"]) == (2024, "NeurIPS 2024", "10.5555/abc.123", None)
    assert (second["year"], second["venue"], second["doi"]) == (2025, "ICLR 2025", None)
    assert first == execute_query(conference_kg, PAPER_QUERY, {"id": "scaling-reasoning-agents"})["data"]["paper"]
