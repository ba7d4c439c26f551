"""Keep a running KnowledgeGraph in step with its store, a few papers at a time.

The store logs every insert, update and delete of a paper (`store_schema.CHANGE_LOG`,
filled by triggers, so a `paperkg ingest` in another process is logged too). A server
asks `refresh_graph` before each request: when the log has not moved, that costs one
indexed `max(seq)` read; when it has, only the papers that changed are read again, inside
one read transaction, so the graph takes a writer's batch whole or not at all.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .queries import entity_node, node_id, paper_node

if TYPE_CHECKING:
    from .kg import KnowledgeGraph

log = logging.getLogger(__name__)

# How many additions a subscriber may fall behind by before it misses some.
FEED_SIZE = 10_000


@dataclass
class ChangeFeed:
    """Papers new to the graph, in the order they arrived, for subscribers to poll.

    Each addition gets a position; a reader keeps the last position it saw and asks for
    what came after (`since`). Thread-safe: refreshes may run in any thread.
    """

    _items: deque = field(default_factory=lambda: deque(maxlen=FEED_SIZE))
    _position: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def position(self) -> int:
        return self._position

    def publish(self, paper_ids: list[str]) -> None:
        with self._lock:
            for pid in paper_ids:
                self._position += 1
                self._items.append((self._position, pid))

    def since(self, position: int) -> tuple[int, list[str]]:
        """(the newest position, ids of the papers added after `position`)."""
        with self._lock:
            return self._position, [pid for pos, pid in self._items if pos > position]


def refresh_graph(kg: KnowledgeGraph) -> list[str]:
    """Apply the store's paper changes since `kg.change_seq` to `kg.graph`.

    Changed papers get their node and edges again from the store; deleted ones lose
    them; entities new to the graph are added with their variant links.

    Returns:
        Ids of the papers that are new to the graph (also published on `kg.feed`).
    """
    with kg.refresh_lock:
        if kg.store.last_change() == kg.change_seq:
            return []
        with kg.store.snapshot() as store:
            seq, changed = store.changes_since(kg.change_seq)
            papers = store.get_papers(changed)
            edges = store.edges_of_papers(list(papers))
            # The entities these papers name now and named before: the corpus step after an
            # ingest may have retyped them, or removed them from the store.
            named = {e.entity_id for e in edges} | _entities_named_by(kg, changed)
            entities = store.get_entities(list(named))
        added = _apply(kg, changed, papers, edges, entities)
        _drop_removed(kg, named - entities.keys())
        kg.change_seq = seq
        kg.invalidate_index()  # an updated paper keeps the node count; its edges may differ
    kg.feed.publish(added)
    return added


def _entities_named_by(kg: KnowledgeGraph, paper_ids: list[str]) -> set[str]:
    """Ids of the entities linked to these papers in the graph as it is."""
    graph = kg.graph
    return {node_id(n) for pid in paper_ids if paper_node(pid) in graph for n in graph[paper_node(pid)]}


def _drop_removed(kg: KnowledgeGraph, gone: set[str]) -> None:
    """Remove the nodes of entities the store no longer holds, once no paper links them."""
    for eid in gone:
        node = entity_node(eid)
        if node in kg.graph and kg.graph.degree(node) == 0:
            kg.graph.remove_node(node)


def _apply(kg: KnowledgeGraph, changed: list[str], papers: dict, edges: list, entities: dict) -> list[str]:
    graph = kg.graph
    added = [pid for pid in changed if pid in papers and paper_node(pid) not in graph]
    for pid in changed:
        node = paper_node(pid)
        if node in graph:
            graph.remove_node(node)
            kg.paper_total -= 1
    for entity in entities.values():
        if entity_node(entity.id) in graph:
            graph.nodes[entity_node(entity.id)]["type"] = entity.type
            continue
        graph.add_node(entity_node(entity.id), kind="entity", type=entity.type)
        if entity.variant_of and entity.id not in kg.variants_of(entity.variant_of):
            kg._variants[entity.variant_of].append(entity.id)
    for paper in papers.values():
        graph.add_node(paper_node(paper.id), kind="paper", date=paper.date.isoformat() if paper.date else None)
        kg.paper_total += 1
    for edge in edges:
        graph.add_edge(paper_node(edge.paper_id), entity_node(edge.entity_id),
                       mentions=edge.mentions, role=edge.role, confidence=edge.confidence)
    return added


def papers_using(kg: KnowledgeGraph, paper_ids: list[str], entity_id: str) -> list[str]:
    """Those of `paper_ids` whose paper uses the entity (an edge in the graph)."""
    target = entity_node(entity_id)
    return [pid for pid in paper_ids if paper_node(pid) in kg.graph and target in kg.graph[paper_node(pid)]]


def refresh_or_keep(kg: KnowledgeGraph) -> list[str]:
    """`kg.refresh()`, but a database that cannot be read right now leaves the graph as it was.

    A server calls this before each request: the request is better served from the graph
    it has (and fails on its own reads, if the database is truly gone) than refused here.
    """
    try:
        return kg.refresh()
    except sqlite3.Error as exc:
        log.warning("graph not refreshed, %s: %s", kg.store.path, exc)
        return []
