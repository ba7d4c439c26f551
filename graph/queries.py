"""Questions asked of the paper-entity graph, as functions of a networkx graph.

Nodes are `paper_node(id)` and `entity_node(id)`; each paper-entity edge carries
`mentions`, `role` and `confidence`. Entity nodes carry `type`; paper nodes `date`.
"""

from __future__ import annotations


import networkx as nx

from .records import EntityType


def paper_node(paper_id: str) -> str:
    return f"paper:{paper_id}"


def entity_node(entity_id: str) -> str:
    return f"entity:{entity_id}"


def node_id(node: str) -> str:
    """The paper or entity id inside a node name."""
    return node.split(":", 1)[1]


def shared_entity_ids(graph: nx.Graph, a: str, b: str, type: EntityType | None = None) -> list[str]:
    """Ids of the entities both papers use (optionally of one type), sorted."""
    na, nb = paper_node(a), paper_node(b)
    if na not in graph or nb not in graph:
        return []
    common = set(graph.neighbors(na)) & set(graph.neighbors(nb))
    if type is not None:
        common = {n for n in common if graph.nodes[n]["type"] == EntityType(type)}
    return sorted(node_id(n) for n in common)


def papers_of_entity(graph: nx.Graph, entity_id: str, variants: dict[str, list[str]] | None = None) -> list[str]:
    """Ids of the papers that use an entity (and, given `variants`, any of its variants),
    newest first."""
    ids = [entity_id]
    frontier = [entity_id]
    while variants and frontier:
        frontier = [child for parent in frontier for child in variants.get(parent, [])]
        ids.extend(frontier)
    papers: set[str] = set()
    for eid in ids:
        node = entity_node(eid)
        if node in graph:
            papers.update(graph.neighbors(node))
    return [node_id(n) for n in sorted(papers, key=lambda n: (_date_key(graph, n), n))]


def _date_key(graph: nx.Graph, node: str) -> str:
    # Newest first: invert the ISO date so that an ascending sort puts it first.
    day = graph.nodes[node].get("date") or "0000-00-00"
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in day)
