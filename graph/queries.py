"""Questions asked of the paper-entity graph, as functions of a networkx graph.

Nodes are `paper_node(id)` and `entity_node(id)`; each paper-entity edge carries
`mentions`, `role` and `confidence`. Entity nodes carry `type`; paper nodes `date`.
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from .records import EntityType, SharedPapers


def paper_node(paper_id: str) -> str:
    return f"paper:{paper_id}"


def entity_node(entity_id: str) -> str:
    return f"entity:{entity_id}"


def node_id(node: str) -> str:
    """The paper or entity id inside a node name."""
    return node.split(":", 1)[1]


def entity_rarity(graph: nx.Graph, entity_id: str, paper_total: int) -> float:
    """Inverse document frequency of an entity: log(1 + N / papers using it).

    The usual IDF weighting (Sparck Jones, 1972), smoothed so that an entity every paper
    uses still counts a little: sharing a rare benchmark says more than sharing ImageNet.
    """
    papers = graph.degree(entity_node(entity_id))
    return math.log(1 + paper_total / max(papers, 1))


def rank_papers_sharing(
    graph: nx.Graph,
    paper_id: str,
    type: EntityType | None = None,
    limit: int = 10,
    paper_total: int | None = None,
) -> list[SharedPapers]:
    """Papers that share entities with `paper_id`, most telling first.

    Each shared entity adds its rarity to the score, so a paper sharing one rare
    benchmark outranks one sharing a ubiquitous dataset. Ties go to the paper sharing
    more entities, then to the smaller id, so the order is stable.

    Args:
        graph: the paper-entity graph.
        paper_id: the paper to compare with.
        type: only count entities of this type.
        limit: how many papers to return at most.
        paper_total: number of papers (counted from the graph when not given).

    Returns:
        SharedPapers records; `explanation` maps each shared entity id to its weight.
    """
    source = paper_node(paper_id)
    if source not in graph:
        return []
    if paper_total is None:
        paper_total = sum(1 for _, kind in graph.nodes(data="kind") if kind == "paper")
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for entity in graph.neighbors(source):
        if type is not None and graph.nodes[entity]["type"] != EntityType(type):
            continue
        rarity = entity_rarity(graph, node_id(entity), paper_total)
        for other in graph.neighbors(entity):
            if other != source:
                weights[other][node_id(entity)] = rarity
    ranked = sorted(
        weights.items(), key=lambda item: (-sum(item[1].values()), -len(item[1]), item[0])
    )
    return [
        SharedPapers(
            paper_id=node_id(other),
            shared=tuple(sorted(shared, key=lambda e: (-shared[e], e))),
            score=round(sum(shared.values()), 6),
            explanation={e: round(w, 6) for e, w in shared.items()},
        )
        for other, shared in ranked[:limit]
    ]


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
