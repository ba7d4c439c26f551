"""schema/mutation.py over HTTP: writes need the API key; what they write is read at once."""

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app
from paperkg.schema.mutation import MUTATIONS_OFF, UNAUTHORIZED

from live_fixtures import API_KEY, arxiv_record
from seed_graph import PAPERS, build_seed_graph, seed_id

INGEST = "mutation ($text: String!) { ingest(text: $text) { added updated unchanged paperIds problems } }"
DELETE = "mutation ($id: ID!) { deletePaper(id: $id) }"
USERS_OF_REWARDBENCH = '{ entity(name: "RewardBench") { papers { edges { node { id title } } } } }'


@pytest.fixture
def kg(tmp_path):
    graph = build_seed_graph(tmp_path / "kg.db")
    yield graph
    graph.store.close()


@pytest.fixture
def client(kg, monkeypatch):
    monkeypatch.setenv("PAPERKG_API_KEY", API_KEY)
    return TestClient(create_app(kg))


def post(client, query, variables=None, **headers):
    return client.post("/graphql", json={"query": query, "variables": variables}, headers=headers).json()


def test_ingest_with_the_key_is_seen_by_the_next_query(client):
    text = arxiv_record("2503.00001", "Judging Reward Models") + "\n"
    done = post(client, INGEST, {"text": text}, Authorization=f"Bearer {API_KEY}")
    assert "errors" not in done, done
    assert done["data"]["ingest"] == {"added": 1, "updated": 0, "unchanged": 0,
                                      "paperIds": ["paper/2503.00001"], "problems": []}
    users = post(client, USERS_OF_REWARDBENCH)["data"]["entity"]["papers"]["edges"]
    assert {"id": "paper/2503.00001", "title": "Judging Reward Models"} in [e["node"] for e in users]
    assert post(client, "{ papers { totalCount } }")["data"]["papers"]["totalCount"] == len(PAPERS) + 1


def test_ingesting_again_changes_nothing_and_bad_lines_are_named(client):
    text = arxiv_record("2503.00001", "Judging Reward Models") + "\n{not json\n"
    post(client, INGEST, {"text": text}, **{"X-API-Key": API_KEY})
    again = post(client, INGEST, {"text": text}, **{"X-API-Key": API_KEY})["data"]["ingest"]
    assert (again["added"], again["unchanged"]) == (0, 1)
    assert len(again["problems"]) == 1 and again["problems"][0].startswith("text:2: not valid JSON")
    assert "/tmp" not in again["problems"][0]


def test_delete_paper_with_the_key_removes_it_from_the_next_answer(client):
    gone = seed_id("flame")
    assert post(client, DELETE, {"id": gone}, **{"X-API-Key": API_KEY})["data"] == {"deletePaper": True}
    assert post(client, "query ($id: ID!) { paper(id: $id) { id } }", {"id": gone})["data"] == {"paper": None}
    assert post(client, DELETE, {"id": gone}, **{"X-API-Key": API_KEY})["data"] == {"deletePaper": False}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-API-Key": API_KEY + "x"},
                                     {"Authorization": API_KEY}])
def test_a_mutation_without_the_right_key_is_unauthorized_and_writes_nothing(client, headers):
    for query, variables in ((DELETE, {"id": seed_id("flame")}),
                             (INGEST, {"text": arxiv_record("2503.00002", "Nope") + "\n"})):
        body = post(client, query, variables, **headers)
        assert body["data"] is None
        assert [e["message"] for e in body["errors"]] == [UNAUTHORIZED]
    assert post(client, "{ papers { totalCount } }")["data"]["papers"]["totalCount"] == len(PAPERS)


def test_with_no_key_set_mutations_are_off_and_say_so(kg, monkeypatch):
    monkeypatch.delenv("PAPERKG_API_KEY", raising=False)
    body = post(TestClient(create_app(kg)), DELETE, {"id": seed_id("flame")}, Authorization="Bearer anything")
    assert [e["message"] for e in body["errors"]] == [MUTATIONS_OFF]
    assert kg.paper(seed_id("flame")) is not None


def test_mutations_are_refused_over_get(client):
    response = client.get("/graphql", params={"query": 'mutation { deletePaper(id: "x") }'},
                          headers={"X-API-Key": API_KEY, "Accept": "application/json"})
    assert response.status_code == 400
    assert "mutations are not allowed when using GET" in response.json()["error"]["detail"]
