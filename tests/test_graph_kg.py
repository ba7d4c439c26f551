"""Building the networkx graph from the store: the fast build equals the plain one."""

from pathlib import Path

import networkx as nx
import pytest

from paperkg.graph.kg import build_graph, fill_graph
from paperkg.graph.queries import entity_node, paper_node
from paperkg.graph.records import EntityUse, Role
from paperkg.graph.store import PaperEntityEdge

from seed_graph import build_seed_graph, seed_id


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db", copies=2)
    yield graph
    graph.store.close()


def plain_graph(store) -> nx.Graph:
    """The oracle: the graph built one record at a time through networkx's public methods."""
    graph = nx.Graph()
    for paper in store.iter_papers():
        graph.add_node(paper_node(paper.id), kind="paper", date=paper.date.isoformat() if paper.date else None)
    for entity in store.iter_entities():
        graph.add_node(entity_node(entity.id), kind="entity", type=entity.type)
    for mention in (m for ms in store.mentions_of_papers([p.id for p in store.iter_papers()]).values() for m in ms):
        node_a, node_b = paper_node(mention.paper_id), entity_node(mention.entity_id)
        old = graph.edges[node_a, node_b] if graph.has_edge(node_a, node_b) else None
        graph.add_edge(node_a, node_b,
                       mentions=(old["mentions"] if old else 0) + 1,
                       role=max(old["role"], mention.role, key=lambda r: r.strength) if old else mention.role,
                       confidence=max(old["confidence"], mention.confidence) if old else mention.confidence)
    return graph


def test_build_graph_equals_the_plain_build_from_mentions(kg):
    built, oracle = build_graph(kg.store), plain_graph(kg.store)
    assert nx.utils.graphs_equal(built, oracle)
    assert built.number_of_edges() > 30


def test_fill_graph_equals_add_nodes_and_edges_from():
    nodes = [("a", {"kind": "paper"}), ("b", {"kind": "entity"}), ("c", {"kind": "entity"})]
    edges = [("a", "b", {"mentions": 2}), ("c", "a", {"mentions": 1})]
    fast, plain = nx.Graph(), nx.Graph()
    fill_graph(fast, nodes, edges)
    plain.add_nodes_from(nodes)
    plain.add_edges_from(edges)
    assert nx.utils.graphs_equal(fast, plain)
    assert fast["a"]["c"] == {"mentions": 1} and fast.degree("a") == 2


def test_edges_keep_the_strongest_role(kg):
    roles = {e.role for e in kg.store.iter_edges()}
    assert Role.MENTIONS not in roles or len(roles) > 1
    for use in kg.store.iter_edges():
        mentions = [m for m in kg.mentions_of([use.paper_id])[use.paper_id] if m.entity_id == use.entity_id]
        assert use.mentions == len(mentions)
        assert use.role == max((m.role for m in mentions), key=lambda r: r.strength)
        assert use.confidence == max(m.confidence for m in mentions)


def test_one_edge_record_for_store_and_graph(kg):
    assert PaperEntityEdge is EntityUse
    paper = seed_id("flame")
    uses = kg.entity_uses([paper])[paper]
    assert uses and all(isinstance(u, EntityUse) and u.paper_id == paper for u in uses)
    from_store = sorted((u for u in kg.store.iter_edges() if u.paper_id == paper), key=lambda u: u.entity_id)
    assert sorted(uses, key=lambda u: u.entity_id) == from_store


def test_schema_api_and_cli_read_only_through_knowledge_graph():
    """One read path: nothing in schema/ or api/ reaches past KnowledgeGraph into its store."""
    root = Path(__file__).resolve().parents[1]
    offenders = [f"{path.relative_to(root)}:{number}"
                 for folder in ("schema", "api") for path in sorted((root / folder).glob("*.py"))
                 for number, line in enumerate(path.read_text().splitlines(), 1)
                 if ".store." in line or ".store)" in line]
    assert offenders == []
