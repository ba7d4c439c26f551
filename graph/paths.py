"""The shortest chain between two papers or entities, each hop explained by its edge.

The graph is bipartite (papers - entities), so a chain alternates paper, entity, paper...
and every hop is one paper-entity edge with its role and mention count. The search is a
breadth-first search from both ends (networkx `bidirectional_shortest_path`), which stops
when the frontiers meet.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx

from .errors import QuestionError
from .queries import node_id
from .records import EntityType, Role


@dataclass(frozen=True)
class Hop:
    """One edge of a path: from a node to the next, through what a paper does with an entity."""

    source: str
    target: str
    paper_id: str
    entity_id: str
    role: Role
    mentions: int

    def explain(self) -> str:
        """The hop in words: "paper 2407.10817 EVALUATES_ON entity rewardbench"."""
        return f"paper {self.paper_id} {Role(self.role).value} entity {self.entity_id}"


def find_path(graph: nx.Graph, source: str, target: str, max_hops: int = 8,
              via: Collection[EntityType] | None = None) -> list[Hop] | None:
    """The hops of a shortest path between two graph nodes, or None when none is short enough.

    Args:
        graph: the paper-entity graph.
        source: a node name ("paper:2407.10817" or "entity:rewardbench").
        target: another node name.
        max_hops: the longest path worth reporting.
        via: pass only through entities of these types (the ends excepted): a chain through
            BENCHMARK and DATASET says more than one through the metric "accuracy".

    Raises:
        QuestionError: a node is not in the graph.
    """
    for node in (source, target):
        if node not in graph:
            raise QuestionError(f"{node.replace(':', '/', 1)} is not in the graph; pass the id of a paper "
                                "(paper/ID) or an entity (entity/ID) as `node` or `nodes` return it")
    if via:
        kinds = {EntityType(t) for t in via}
        ends, types = {source, target}, graph.nodes
        search = nx.subgraph_view(graph, filter_node=lambda n: n in ends or n.startswith("paper:")
                                  or types[n]["type"] in kinds)
    else:
        search = graph
    try:
        nodes = nx.bidirectional_shortest_path(search, source, target)
    except nx.NetworkXNoPath:
        return None
    if len(nodes) - 1 > max_hops:
        return None
    return [_hop(graph, a, b) for a, b in zip(nodes, nodes[1:])]


def _hop(graph: nx.Graph, a: str, b: str) -> Hop:
    paper, entity = (a, b) if a.startswith("paper:") else (b, a)
    edge = graph.edges[a, b]
    return Hop(a, b, node_id(paper), node_id(entity), edge["role"], edge["mentions"])
