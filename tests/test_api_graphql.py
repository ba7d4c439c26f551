"""The HTTP API: GraphQL at /graphql (GraphiQL in a browser) and the health check."""

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app
from paperkg.schema.limits import MASKED_MESSAGE

from seed_graph import ENTITIES, PAPERS, build_seed_graph, seed_id, seed_node


@pytest.fixture(scope="module")
def kg(seed_kg):
    return seed_kg


@pytest.fixture(scope="module")
def client(seed_client):
    return seed_client


def test_post_runs_a_query(client):
    response = client.post("/graphql", json={
        "query": '{ entity(name: "RewardBench") { type papers { edges { node { title } } } } }'})
    assert response.status_code == 200
    entity = response.json()["data"]["entity"]
    assert entity["type"] == "BENCHMARK"
    assert entity["papers"]["edges"][0]["node"]["title"] == PAPERS["flame"][0]


def test_post_with_variables(client):
    response = client.post("/graphql", json={
        "query": "query($id: ID!, $t: EntityType) { "
                 "papersSharing(paperId: $id, type: $t) { paper { id } shared { name } } }",
        "variables": {"id": seed_id("blindspots"), "t": "MODEL"}})
    assert response.json()["data"]["papersSharing"] == [
        {"paper": {"id": seed_node("dc-solver")}, "shared": [{"name": "Stable Diffusion 2.1"}]}]


def test_get_with_a_query_parameter_runs_it(client):
    response = client.get("/graphql", params={"query": "{ papers { totalCount } }"},
                          headers={"Accept": "application/json"})
    assert response.json() == {"data": {"papers": {"totalCount": len(PAPERS)}}, "extensions": {"cost": 2}}


def test_graphiql_is_served_to_a_browser(client):
    response = client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()


def test_validation_errors_come_back_in_graphql_shape(client):
    response = client.post("/graphql", json={"query": "{ papers { nope } }"})
    assert response.json()["errors"][0]["message"] == "Cannot query field 'nope' on type 'PaperConnection'."


def test_each_request_gets_fresh_loaders(client, kg):
    query = {"query": '{ paper(id: "%s") { upvotes } }' % seed_id("flame")}
    assert client.post("/graphql", json=query).json()["data"]["paper"]["upvotes"] == 8
    assert client.post("/graphql", json=query).json()["data"]["paper"]["upvotes"] == 8


def test_health_counts_papers_and_entities(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "papers": len(PAPERS), "entities": len(ENTITIES)}


def test_an_internal_failure_is_masked_over_http(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    client = TestClient(create_app(kg))
    kg.store.close()
    response = client.post("/graphql", json={"query": "{ papers { totalCount } }"})
    assert response.json()["errors"][0]["message"] == MASKED_MESSAGE


def test_evidence_sentences_are_those_the_extractor_found(tmp_path):
    """The store keeps a mention's sentence as a span of its paper's field (schema 10):
    GraphQL answers each with the very sentence the extractor gave, for mentions in the
    title and in the abstract, with several mentions a sentence."""
    from paperkg.graph.extract import Extractor
    from paperkg.graph.kg import KnowledgeGraph
    from paperkg.graph.store import Store
    from seed_graph import seed_paper

    extractions = list(Extractor.default().extract([seed_paper(key) for key in PAPERS]))
    store = Store(tmp_path / "kg.db")
    store.write_batch(extractions)
    client = TestClient(create_app(KnowledgeGraph(store)))
    fields = "field start end text sentence"
    for x in extractions:
        answer = client.post("/graphql", json={
            "query": '{ paper(id: "%s") { mentions { %s } } }' % (x.paper.id, fields)}).json()
        found = sorted(tuple(m.values()) for m in answer["data"]["paper"]["mentions"])
        assert found == sorted((m.field, m.start, m.end, m.text, m.sentence) for m in x.mentions)
    sentences = [m.sentence for x in extractions for m in x.mentions]
    assert len(set(sentences)) < len(sentences) and {m.field for x in extractions for m in x.mentions} == {
        "title", "abstract"}
