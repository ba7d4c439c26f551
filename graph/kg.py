"""The knowledge graph: the store's papers and entities as a networkx graph.

`KnowledgeGraph` is what the read side (GraphQL, RDF export, CLI) holds: records come
from the store, relationships and rankings from the graph.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import networkx as nx

from .errors import UnknownPaperError
from .ingest_text import TextIngest, ingest_text
from .questions import GraphQuestions
from .live import ChangeFeed, refresh_graph
from .queries import (
    entity_node,
    node_id,
    paper_node,
    papers_of_entity,
    shared_entity_ids,
)
from .record_cache import RecordCache
from .records import Entity, EntityType, EntityUse, Mention, Paper, Result, SharedPapers
from .store import Store

log = logging.getLogger(__name__)

# Records a server keeps in memory between requests (graph/record_cache.py): 20,000 entities
# are about 10 MB and hold every entity named by 3 or more papers of the 75k corpus.
ENTITY_CACHE_SIZE = 20_000
PAPER_CACHE_SIZE = 5_000


def build_graph(store: Store) -> nx.Graph:
    """Build the paper-entity graph from the store's edges.

    Paper nodes carry `kind="paper"` and `date`; entity nodes `kind="entity"` and `type`;
    edges `mentions`, `role` and `confidence` (the fields of `EntityUse`).

    The cyclic garbage collector is paused while the graph is built: the build allocates
    a million containers that all survive, and collecting on the way finds nothing to
    free yet walks them again and again (1.3 s of the 3 s build at 75k papers).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        graph = nx.Graph()
        nodes = [(paper_node(pid), {"kind": "paper", "date": day}) for pid, day in store.paper_dates()]
        nodes += [(entity_node(eid), {"kind": "entity", "type": kind}) for eid, kind in store.entity_types()]
        fill_graph(graph, nodes, (
            (paper_node(pid), entity_node(eid), {"mentions": count, "role": role, "confidence": confidence})
            for pid, eid, count, role, confidence in store.iter_edge_rows()
        ))
    finally:
        if paused:
            gc.enable()
    log.info("graph built: %d nodes, %d edges", graph.number_of_nodes(), graph.number_of_edges())
    return graph


def fill_graph(graph: nx.Graph, nodes: Iterable[tuple[str, dict]], edges: Iterable[tuple[str, str, dict]]) -> None:
    """Add new nodes, then edges between them, to an empty undirected graph, fast.

    The same graph as `graph.add_nodes_from(nodes); graph.add_edges_from(edges)` (the
    oracle of its test) in 60% of the time: the dicts go straight into networkx's
    adjacency (`Graph._node`, `Graph._adj`, as `nx.Graph.add_edge` fills them) without
    its per-edge checks, which a store's edges between known, distinct nodes never need.
    Edge endpoints must be among `nodes`; an edge's dict is shared by both directions.
    """
    node, adj = graph._node, graph._adj
    for name, data in nodes:
        node[name] = data
        adj[name] = {}
    for u, v, data in edges:
        adj[u][v] = data
        adj[v][u] = data


class KnowledgeGraph(GraphQuestions):
    """Papers, entities and the edges between them, read from one store."""

    def __init__(self, store: Store, graph: nx.Graph | None = None):
        self.store = store
        # Read before the build: a change committed during it is applied again, harmlessly.
        self.change_seq = store.last_change()
        self.refresh_lock = threading.Lock()
        self.feed = ChangeFeed()
        self.graph = graph if graph is not None else build_graph(store)
        self._variants: dict[str, list[str]] = defaultdict(list)
        for variant, parent in store.variant_pairs():
            self._variants[parent].append(variant)
        self.paper_total = sum(1 for _, kind in self.graph.nodes(data="kind") if kind == "paper")
        self._entity_records: RecordCache[Entity] = RecordCache(ENTITY_CACHE_SIZE)
        self._paper_records: RecordCache[Paper] = RecordCache(PAPER_CACHE_SIZE)

    @classmethod
    def for_streaming(cls, store: Store) -> KnowledgeGraph:
        """A KnowledgeGraph for the bulk iterators alone (`iter_papers`, ...), without the
        networkx graph, whose memory grows with the corpus: what an export needs. Its
        relationship methods see no edges."""
        return cls(store, graph=nx.Graph())

    @classmethod
    def open(cls, path) -> KnowledgeGraph:
        """Open the store at `path` and build its graph."""
        return cls(Store(path))

    def refresh(self) -> list[str]:
        """Take in the papers written since the graph was built, by any process (graph/live.py).

        Returns:
            Ids of the papers new to the graph.
        """
        return refresh_graph(self)

    # -- writes (the API's mutations) ------------------------------------------------------

    def ingest_text(self, text: str, format: str | None = None) -> TextIngest:
        """Store the papers of `text` (see graph/ingest_text.py); call `refresh()` to see them."""
        return ingest_text(text, self.store, format)

    def delete_paper(self, paper_id: str) -> bool:
        """Delete a paper with its mentions and results; False when there was none. Then `refresh()`."""
        return self.store.delete_paper(paper_id)

    # -- records ---------------------------------------------------------------------------

    def paper(self, paper_id: str) -> Paper | None:
        return self.papers([paper_id]).get(paper_id)

    def require_paper(self, paper_id: str) -> Paper:
        paper = self.paper(paper_id)
        if paper is None:
            raise UnknownPaperError(
                f"no paper with id {paper_id!r}; list ids with "
                "`paperkg query '{ papers { edges { node { id title } } } }'`"
            )
        return paper

    def papers(self, ids: Sequence[str]) -> dict[str, Paper]:
        """Papers by id, in one batch; unknown ids are absent from the result."""
        return self._paper_records.get_many(ids, self.change_seq, self.store.get_papers)

    def reconnect(self) -> None:
        """Read through a database connection of this process's own (in a forked worker)."""
        self.store.reconnect()

    def forget_records(self) -> None:
        """Drop the paper and entity records kept between reads (graph/record_cache.py)."""
        self._entity_records.clear()
        self._paper_records.clear()

    def entity(self, entity_id: str) -> Entity | None:
        return self.entities([entity_id]).get(entity_id)

    def find_entity(self, name: str) -> Entity | None:
        return self.store.find_entity(name)

    # -- relationships ---------------------------------------------------------------------

    def entity_uses(self, paper_ids: Sequence[str]) -> dict[str, list[EntityUse]]:
        """For each paper, the entities it uses, most mentioned first."""
        uses: dict[str, list[EntityUse]] = {}
        for pid in paper_ids:
            node = paper_node(pid)
            if node not in self.graph:
                uses[pid] = []
                continue
            edges = [
                EntityUse(pid, node_id(e), d["mentions"], d["role"], d["confidence"])
                for e, d in self.graph[node].items()
            ]
            uses[pid] = sorted(edges, key=lambda u: (-u.mentions, u.entity_id))
        return uses

    def papers_of(self, entity_id: str, include_variants: bool = False) -> list[str]:
        """Ids of papers using an entity (and its variants when asked), newest first."""
        return papers_of_entity(self.graph, entity_id, self._variants if include_variants else None)

    def paper_counts(self, entity_ids: Sequence[str]) -> dict[str, int]:
        return {eid: self.graph.degree(entity_node(eid)) if entity_node(eid) in self.graph else 0
                for eid in entity_ids}

    def variants_of(self, entity_id: str) -> list[str]:
        """Ids of the entities that are direct variants of this one."""
        return sorted(self._variants.get(entity_id, []))

    def papers_sharing(
        self, paper_id: str, type: EntityType | None = None, limit: int = 10
    ) -> list[SharedPapers]:
        """Papers sharing entities with `paper_id`, ranked by the rarity of what they share."""
        return self.related_papers(paper_id, [type] if type else None, limit=limit).items

    def shared_entities(self, a: str, b: str, type: EntityType | None = None) -> list[str]:
        """Ids of the entities two papers both use."""
        return shared_entity_ids(self.graph, a, b, type)

    # -- batch reads for the read side (GraphQL loaders, /health) -----------------------
    # Thin pass-throughs so that schema/ and api/ read only through KnowledgeGraph.

    def entities(self, entity_ids: Sequence[str]) -> dict[str, Entity]:
        """Entities by id, in one batch; unknown ids are absent from the result."""
        return self._entity_records.get_many(entity_ids, self.change_seq, self.store.get_entities)

    def mentions_of(self, paper_ids: Sequence[str]) -> dict[str, list[Mention]]:
        """Each paper's mentions, title first, in text order, in one batch."""
        return self.store.mentions_of_papers(paper_ids)

    def results_of(self, paper_ids: Sequence[str]) -> dict[str, list[Result]]:
        """Each paper's reported results, in text order, in one batch."""
        return self.store.results_of_papers(paper_ids)

    def list_papers(self, search: str | None = None, limit: int = 20, offset: int = 0) -> list[Paper]:
        """A page of papers, newest first, or best full-text matches of `search` first."""
        return self.store.list_papers(search, limit, offset)

    def count_papers(self, search: str | None = None) -> int:
        return self.store.count_papers(search)

    def list_entities(
        self, type: EntityType | None = None, search: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[Entity]:
        """A page of entities, most used first, optionally of one type or matching `search`."""
        return self.store.list_entities(type, search, limit, offset)

    def count_entities(self, type: EntityType | None = None, search: str | None = None) -> int:
        return self.store.count_entities(type, search)

    # -- bulk reads for exports: every record, a page at a time, so memory stays flat --------

    def iter_papers(self) -> Iterator[Paper]:
        """Every paper, by id."""
        return self.store.iter_papers()

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity with its aliases, by id."""
        return self.store.iter_entities()

    def iter_mentions(self) -> Iterator[list[Mention]]:
        """Each paper's mentions as one list, papers by id (papers without any are skipped)."""
        return self.store.iter_mentions()

    def iter_results(self) -> Iterator[Result]:
        """Every result, grouped by paper, papers by id."""
        return self.store.iter_results()
