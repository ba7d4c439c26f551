"""Linked data over HTTP: content negotiation on IRIs, SPARQL, streamed dumps, the vocabulary."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from paperkg.api.app import create_app
from paperkg.api.linked_data import install_linked_data
from paperkg.graph.vocab import PKG

from seed_graph import build_seed_graph, run_query, seed_id

HOST = "http://testserver/"  # TestClient's own address: the default IRI base
SHARING = "query($id: ID!) { papersSharing(paperId: $id, type: BENCHMARK, first: 100) { paper { id } } }"
SPARQL_SHARING = """
SELECT DISTINCT ?other WHERE {
  <%s> pkg:mentions ?benchmark . ?benchmark a pkg:Benchmark .
  ?other pkg:mentions ?benchmark . FILTER (?other != <%s>)
} ORDER BY ?other"""


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db", copies=2)
    yield graph
    graph.store.close()


@pytest.fixture(scope="module")
def client(kg):
    return TestClient(create_app(kg))


def paper_url(key: str) -> str:
    return f"{HOST}paper/{seed_id(key)}"


@pytest.mark.parametrize("accept, format", [
    ("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
    ("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
    ("text/html;q=0.5, text/turtle", "turtle"),
])
def test_a_paper_iri_dereferences_by_content_negotiation(client, accept, format):
    response = client.get(f"/paper/{seed_id('flame')}", headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["vary"] == "Accept"
    graph = Graph().parse(data=response.content, format=format)
    paper = URIRef(paper_url("flame"))
    assert graph.value(paper, DCTERMS.title).startswith("Foundational Autoraters")
    assert (paper, PKG.evaluatesOn, URIRef(f"{HOST}entity/rewardbench")) in graph
    evidence = graph.value(paper, PKG.evidence)  # the evidence resolves under the paper's IRI
    assert str(evidence).startswith(str(paper) + "#") and (evidence, RDF.type, PKG.Mention) in graph


def test_browsers_get_an_html_page_with_links_to_the_rdf(kg, client):
    browser = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    app = FastAPI()
    install_linked_data(app, kg)  # without an html_page: the statements as a plain page
    page = TestClient(app).get("/entity/rewardbench", headers=browser).text
    assert '<html lang="en">' in page and "<h1>RewardBench</h1>" in page
    assert 'href="http://testserver/paper/' in page  # the papers that mention it, as links
    assert 'type="text/turtle" href="/entity/rewardbench?format=ttl"' in page
    response = client.get("/entity/rewardbench", headers=browser)  # create_app: the explorer's page
    assert response.headers["content-type"].startswith("text/html") and '<main id="view"' in response.text
    assert 'type="text/turtle" href="/entity/rewardbench?format=ttl"' in response.text
    assert client.get("/entity/rewardbench").headers["content-type"].startswith("text/html")


def test_format_parameter_overrides_accept_and_base_is_configurable(kg):
    app = FastAPI()
    install_linked_data(app, kg, base="https://kg.example.org/")
    response = TestClient(app).get("/entity/rewardbench?format=nt", headers={"Accept": "text/html"})
    assert response.headers["content-type"].startswith("application/n-triples")
    assert "<https://kg.example.org/entity/rewardbench>" in response.text


def test_sparql_finds_the_papers_graphql_says_share_a_benchmark(kg, client):
    for key in ("flame", "muse"):
        graphql = sorted(p["paper"]["id"] for p in run_query(kg, SHARING, id=seed_id(key))["papersSharing"])
        query = SPARQL_SHARING % (paper_url(key), paper_url(key))
        response = client.get("/sparql", params={"query": query})
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        rows = response.json()["results"]["bindings"]
        sparql = sorted(row["other"]["value"].removeprefix(HOST) for row in rows)
        assert sparql == graphql and len(graphql) == 2  # the two copies of the seed paper


def test_sparql_answers_as_csv_and_xml_by_get_and_post(client):
    query = "SELECT ?name WHERE { ?b a pkg:Benchmark ; rdfs:label ?name } ORDER BY ?name"
    as_csv = client.post("/sparql", data={"query": query}, headers={"Accept": "text/csv"})
    assert list(csv.reader(io.StringIO(as_csv.text))) == [["name"], ["MUSE"], ["RESTOR"], ["RewardBench"]]
    as_xml = client.post("/sparql", content=query, headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+xml"})
    assert as_xml.text.count("<literal>") == 3 and "<literal>RewardBench</literal>" in as_xml.text
    ask = client.get("/sparql", params={"query": "ASK { ?p pkg:introduces ?e }"})
    assert ask.json()["boolean"] is True


def test_construct_and_describe_answer_in_turtle(client):
    query = f"CONSTRUCT {{ ?p pkg:mentions ?e }} WHERE {{ <{paper_url('mlps')}> pkg:mentions ?e . BIND(<{paper_url('mlps')}> AS ?p) }}"
    response = client.get("/sparql", params={"query": query})
    assert response.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=response.text, format="turtle")) == 4
    described = client.get("/sparql", params={"query": f"DESCRIBE <{HOST}entity/muse>"})
    assert "MUSE" in described.text


def test_updates_are_refused_and_the_store_is_unchanged(client):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = client.get("/sparql", params={"query": count}).json()
    for response in (
        client.post("/sparql", data={"update": "INSERT DATA { <a:b> <a:c> <a:d> }"}),
        client.post("/sparql", content="DELETE WHERE { ?s ?p ?o }", headers={"Content-Type": "application/sparql-query"}),
        client.get("/sparql", params={"query": "DROP ALL"}),
    ):
        assert response.status_code == 403 and "read-only" in response.json()["error"]["detail"]
    assert client.get("/sparql", params={"query": count}).json() == before


def test_a_query_past_the_time_limit_is_stopped(kg):
    app = FastAPI()
    install_linked_data(app, kg, time_limit=0.0)
    response = TestClient(app).get("/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"})
    assert response.status_code == 503 and "longer than 0 s" in response.json()["error"]["detail"]


@pytest.mark.parametrize("path, format", [("/export.ttl", pyoxigraph.RdfFormat.TURTLE),
                                          ("/export.nt", pyoxigraph.RdfFormat.N_TRIPLES)])
def test_dumps_stream_the_whole_graph(kg, client, path, format):
    response = client.get(path)
    triples = list(pyoxigraph.parse(response.content, format))
    papers = {t.subject.value for t in triples if t.predicate.value == str(RDF.type) and t.object.value == str(PKG.Paper)}
    assert len(papers) == kg.paper_total == 18


def test_the_vocabulary_and_context_are_served(client):
    vocab = client.get("/ontology/paperkg.ttl")
    assert vocab.headers["content-type"].startswith("text/turtle")
    assert (PKG.Paper, RDF.type, None) in Graph().parse(data=vocab.text, format="turtle")
    assert "pkg" in json.loads(client.get("/ontology/context.jsonld").text)["@context"]


@pytest.fixture(scope="module")
def bibliographic_client(tmp_path_factory):
    from datetime import date

    from paperkg.graph.kg import KnowledgeGraph
    from paperkg.graph.records import Paper, PaperExtraction
    from paperkg.graph.store import Store

    store = Store(tmp_path_factory.mktemp("bibliographic") / "kg.db")
    store.write_batch([PaperExtraction(p) for p in (
        Paper("a", "A", "Alpha.", year=2023, venue="NeurIPS 2023", doi="10.1234/a"),
        Paper("b", "B", "Beta.", year=2024, venue="ICML 2024", doi="10.1234/b"),
        Paper("c", "C", "Gamma.", date=date(2024, 5, 1)))])
    kg = KnowledgeGraph(store)
    yield kg, TestClient(create_app(kg))
    store.close()


@pytest.mark.parametrize(("graphql_filter", "sparql_pattern"), [
    ('doi: "10.1234/b"', '?p bibo:doi "10.1234/b"'),
    ("year: 2024", '?p fabio:hasPublicationYear ?y FILTER (str(?y) = "2024")'),
    ('venue: "neurips"', '?p pkg:venue ?v FILTER (CONTAINS(LCASE(?v), "neurips"))'),
])
def test_sparql_filters_papers_by_doi_year_and_venue_as_graphql_does(bibliographic_client, graphql_filter,
                                                                      sparql_pattern):
    kg, client = bibliographic_client
    data = run_query(kg, f"{{ papers({graphql_filter}) {{ edges {{ node {{ id }} }} }} }}")
    graphql = sorted(edge["node"]["id"] for edge in data["papers"]["edges"])
    response = client.get("/sparql", params={"query": f"SELECT ?p WHERE {{ {sparql_pattern} }}"})
    assert response.status_code == 200, response.text
    sparql = sorted(row["p"]["value"].removeprefix(HOST) for row in response.json()["results"]["bindings"])
    assert sparql == graphql and graphql
