"""graph/paths.py: shortest chains between papers and entities, every hop a real edge."""

import networkx as nx
import pytest

from paperkg.graph.errors import QuestionError
from paperkg.graph.queries import entity_node, paper_node
from paperkg.graph.records import EntityType

from seed_graph import seed_id


@pytest.fixture(scope="module")
def kg(seed_kg_factory):
    return seed_kg_factory()


def test_blindspots_reach_ffhq_through_stable_diffusion_and_dc_solver(kg):
    hops = kg.path(("paper", seed_id("blindspots")), ("entity", "ffhq"))
    assert [h.target for h in hops] == [
        "entity:stablediffusion2.1", paper_node(seed_id("dc-solver")), "entity:ffhq"]
    assert hops[0].explain() == f"paper {seed_id('blindspots')} EVALUATES_ON entity stablediffusion2.1"


def test_every_hop_is_a_real_edge_and_the_path_is_shortest(kg):
    source, target = ("entity", "dinov2"), ("paper", seed_id("dc-solver"))
    hops = kg.path(source, target)
    for hop in hops:
        edge = kg.graph.edges[hop.source, hop.target]
        assert (edge["role"], edge["mentions"]) == (hop.role, hop.mentions)
        assert {hop.source, hop.target} == {paper_node(hop.paper_id), entity_node(hop.entity_id)}
    assert [hops[0].source] + [h.target for h in hops][-1:] == ["entity:dinov2", paper_node(seed_id("dc-solver"))]
    assert all(a.target == b.source for a, b in zip(hops, hops[1:]))
    assert len(hops) == nx.shortest_path_length(kg.graph, "entity:dinov2", paper_node(seed_id("dc-solver")))


def test_unconnected_or_too_long_paths_are_none(kg):
    assert kg.path(("paper", seed_id("muse")), ("paper", seed_id("flame"))) is None
    assert kg.path(("paper", seed_id("blindspots")), ("entity", "ffhq"), max_hops=2) is None


def test_a_node_not_in_the_graph_is_named(kg):
    with pytest.raises(QuestionError, match="paper/nope is not in the graph"):
        kg.path(("paper", "nope"), ("entity", "ffhq"))


def test_via_keeps_the_chain_to_entities_of_those_types(kg):
    # blindspots -> ffhq must pass through a MODEL (Stable Diffusion 2.1); forbidding models cuts it.
    assert kg.path(("paper", seed_id("blindspots")), ("entity", "ffhq"), via=[EntityType.MODEL]) is not None
    assert kg.path(("paper", seed_id("blindspots")), ("entity", "ffhq"), via=[EntityType.DATASET]) is None
