"""Per-request DataLoaders: every list of related records is read in one batch.

A resolver asks a loader for one key; the loader gathers every key asked for in the same
event-loop tick and reads them with one call to the graph, so a page of 100 papers with
their entities and mentions costs the same few store reads as a page of 10 (the DataLoader
pattern, https://github.com/graphql/dataloader). Loaders cache for one request only, so
a long-running server never serves stale records.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Hashable, TypeVar

from strawberry.dataloader import DataLoader

from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.records import Entity, Mention, Paper, Result

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
        kg: the graph the loaders read, for what it answers from memory.
        papers: paper id -> Paper (None when unknown).
        entities: entity id -> Entity (None when unknown).
        mentions: paper id -> the paper's Mentions, title first, in text order.
        results: paper id -> the paper's Results, in text order.

    What the in-memory graph answers (a paper's edges, an entity's paper count) is read
    from it directly, without a loader: a loader batches store reads, and each key it
    serves costs a round of the event loop, which for an in-memory read is all the cost.
    """

    def __init__(self, kg: KnowledgeGraph):
        self.kg = kg
        self.papers: DataLoader[str, Paper | None] = DataLoader(batch_by_key(kg.papers, lambda: None))
        self.entities: DataLoader[str, Entity | None] = DataLoader(batch_by_key(kg.entities, lambda: None))
        self.mentions: DataLoader[str, list[Mention]] = DataLoader(batch_by_key(kg.mentions_of, list))
        self.results: DataLoader[str, list[Result]] = DataLoader(batch_by_key(kg.results_of, list))

    async def load_entities(self, entity_ids: Sequence[str]) -> list[Entity]:
        """The entities with these ids, in order, leaving out ids the store does not hold."""
        found = await self.entities.load_many(entity_ids)
        return [entity for entity in found if entity is not None]

    async def load_papers(self, paper_ids: Sequence[str]) -> list[Paper]:
        """The papers with these ids, in order, leaving out ids the store does not hold."""
        found = await self.papers.load_many(paper_ids)
        return [paper for paper in found if paper is not None]


NOT_LOADED = object()


def value_if_loaded(loader: DataLoader, key: Hashable) -> Any:
    """What `loader` has already read for `key`, or `NOT_LOADED` when it has not (yet).

    A field whose record came in a batch read for its siblings (a mention's entity, loaded
    with the paper's entities) answers at once from it: the loader's cached future is done,
    and awaiting it would only cost a round of the event loop per field.
    """
    future = loader.cache_map.get(key)
    if future is None or not future.done() or future.cancelled() or future.exception() is not None:
        return NOT_LOADED
    return future.result()
