"""Per-request DataLoaders: every list of related records is read in one batch.

A resolver asks a loader for one key; the loader gathers every key asked for in the same
event-loop tick and reads them with one call to the graph, so a page of 100 papers with
their entities and mentions costs the same few store reads as a page of 10 (the DataLoader
pattern, https://github.com/graphql/dataloader). Loaders cache for one request only, so
a long-running server never serves stale records.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from strawberry.dataloader import DataLoader

from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.records import Entity, EntityUse, Mention, Paper, Result

Value = TypeVar("Value")


def batch_by_key(
    read: Callable[[Sequence[str]], dict[str, Value]], default: Callable[[], Value | None]
) -> Callable[[list[str]], Awaitable[list[Value | None]]]:
    """Wrap a batch read `ids -> {id: value}` as a load function that answers in key order."""

    async def load(keys: list[str]) -> list[Value | None]:
        found = read(keys)
        return [found[key] if key in found else default() for key in keys]

    return load


class Loaders:
    """The loaders of one request, all reading from one KnowledgeGraph.

    Attributes:
        papers: paper id -> Paper (None when unknown).
        entities: entity id -> Entity (None when unknown).
        entity_uses: paper id -> the EntityUse edges of that paper, most mentioned first.
        mentions: paper id -> the paper's Mentions, title first, in text order.
        results: paper id -> the paper's Results, in text order.
        paper_counts: entity id -> how many papers use it.
    """

    def __init__(self, kg: KnowledgeGraph):
        self.papers: DataLoader[str, Paper | None] = DataLoader(batch_by_key(kg.papers, lambda: None))
        self.entities: DataLoader[str, Entity | None] = DataLoader(batch_by_key(kg.entities, lambda: None))
        self.entity_uses: DataLoader[str, list[EntityUse]] = DataLoader(batch_by_key(kg.entity_uses, list))
        self.mentions: DataLoader[str, list[Mention]] = DataLoader(batch_by_key(kg.mentions_of, list))
        self.results: DataLoader[str, list[Result]] = DataLoader(batch_by_key(kg.results_of, list))
        self.paper_counts: DataLoader[str, int] = DataLoader(batch_by_key(kg.paper_counts, lambda: 0))

    async def load_entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        """The entities with these ids, in order, leaving out ids the store does not hold."""
        found = await self.entities.load_many(entity_ids)
        return [entity for entity in found if entity is not None]

    async def load_papers(self, paper_ids: Sequence[str]) -> list[Paper]:
        """The papers with these ids, in order, leaving out ids the store does not hold."""
        found = await self.papers.load_many(paper_ids)
        return [paper for paper in found if paper is not None]
