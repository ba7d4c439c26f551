"""The knowledge graph: the store's papers and entities as a networkx graph.

`KnowledgeGraph` is what the read side (GraphQL, RDF export, CLI) holds: records come
from the store, relationships and rankings from the graph.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import networkx as nx

from .errors import UnknownPaperError
from .queries import (
    entity_node,
    node_id,
    paper_node,
    papers_of_entity,
    rank_papers_sharing,
    shared_entity_ids,
)
from .records import Entity, EntityType, Mention, Paper, Result, Role, SharedPapers
from .store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EntityUse:
    """How one paper uses one entity: the edge between them."""

    entity_id: str
    mentions: int
    role: Role
    confidence: float


def build_graph(store: Store) -> nx.Graph:
    """Build the paper-entity graph from the store's edges.

    Paper nodes carry `kind="paper"` and `date`; entity nodes `kind="entity"` and `type`;
    edges `mentions`, `role` and `confidence`.
    """
    graph = nx.Graph()
    for paper in store.iter_papers():
        graph.add_node(paper_node(paper.id), kind="paper",
                       date=paper.date.isoformat() if paper.date else None)
    for entity in store.iter_entities():
        graph.add_node(entity_node(entity.id), kind="entity", type=entity.type)
    for edge in store.iter_edges():
        graph.add_edge(paper_node(edge.paper_id), entity_node(edge.entity_id),
                       mentions=edge.mentions, role=edge.role, confidence=edge.confidence)
    log.info("graph built: %d nodes, %d edges", graph.number_of_nodes(), graph.number_of_edges())
    return graph


class KnowledgeGraph:
    """Papers, entities and the edges between them, read from one store."""

    def __init__(self, store: Store, graph: nx.Graph | None = None):
        self.store = store
        self.graph = graph if graph is not None else build_graph(store)
        self._variants: dict[str, list[str]] = defaultdict(list)
        for variant, parent in store.variant_pairs():
            self._variants[parent].append(variant)
        self.paper_total = sum(1 for _, kind in self.graph.nodes(data="kind") if kind == "paper")

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

    # -- records ---------------------------------------------------------------------------

    def paper(self, paper_id: str) -> Paper | None:
        return self.store.get_papers([paper_id]).get(paper_id)

    def require_paper(self, paper_id: str) -> Paper:
        paper = self.paper(paper_id)
        if paper is None:
            raise UnknownPaperError(
                f"no paper with id {paper_id!r}; list ids with "
                "`paperkg query '{ papers { edges { node { id title } } } }'`"
            )
        return paper

    def papers(self, ids: Sequence[str]) -> dict[str, Paper]:
        return self.store.get_papers(ids)

    def entity(self, entity_id: str) -> Entity | None:
        return self.store.get_entities([entity_id]).get(entity_id)

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
                EntityUse(node_id(e), d["mentions"], d["role"], d["confidence"])
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
        self.require_paper(paper_id)
        return rank_papers_sharing(self.graph, paper_id, type, limit, self.paper_total)

    def shared_entities(self, a: str, b: str, type: EntityType | None = None) -> list[str]:
        """Ids of the entities two papers both use."""
        return shared_entity_ids(self.graph, a, b, type)

    # -- batch reads for the read side (GraphQL loaders, /health) -----------------------
    # Thin pass-throughs so that schema/ and api/ read only through KnowledgeGraph.

    def entities(self, entity_ids: Sequence[str]) -> dict[str, Entity]:
        """Entities by id, in one batch; unknown ids are absent from the result."""
        return self.store.get_entities(entity_ids)

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
