"""Root fields for the graph questions and Relay's `node`/`nodes`; `Query` inherits them."""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError

from paperkg.graph.records import EntityType

from .context import context_of
from .entity import Entity, load_entity
from .node import Node, bare_id, split_node_id
from .paper import load_paper
from .pagination import MAX_PAGE_SIZE, check_first
from .questions import Direction, Leaderboard, Path, Stats, Trend, Trending

MAX_NODES = MAX_PAGE_SIZE


async def load_node(info: strawberry.Info, node_id: str) -> Node | None:
    kind, ident = split_node_id(node_id)
    return await (load_paper(info, ident) if kind == "paper" else load_entity(info, ident))


async def resolve_entity_id(info: strawberry.Info, argument: str, value: str) -> str:
    """The bare id of the entity `value` names: `entity/ID`, a bare id, or any name or alias.

    Raises:
        GraphQLError: nothing by that id or name.
    """
    kg = context_of(info).kg
    ident = bare_id(value, "entity")
    if kg.entity(ident) is not None:
        return ident
    found = kg.find_entity(value)
    if found is None:
        raise GraphQLError(f"{argument}: {value!r} names no entity; find one with "
                           f'entities(search: "{value[:20]}") {{ edges {{ node {{ id name }} }} }}')
    return found.id


@strawberry.type
class GraphQuestionsQuery:
    @strawberry.field(description="The paper or entity with this id (paper/ID or entity/ID), or null.")
    async def node(self, info: strawberry.Info, id: strawberry.ID) -> Node | None:
        return await load_node(info, id)

    @strawberry.field(description=f"The nodes with these ids, in order, null where unknown (at most {MAX_NODES}).")
    async def nodes(self, info: strawberry.Info, ids: list[strawberry.ID]) -> list[Node | None]:
        check_first(len(ids), "ids")
        return [await load_node(info, i) for i in ids]

    @strawberry.field(description="Entities of a type whose share of papers grew most from the previous "
                                  "`months` months to the last `months` (up to `until`, default the newest "
                                  "paper's month).")
    def trending(
        self,
        info: strawberry.Info,
        type: EntityType,
        months: int = 3,
        until: Annotated[str | None, strawberry.argument(description="YYYY-MM or YYYY-MM-DD.")] = None,
        min_papers: Annotated[int, strawberry.argument(description="Recent papers an entity needs.")] = 5,
        first: int = 10,
    ) -> Trending:
        limit = check_first(first)
        windows, total, trends = context_of(info).kg.trending(type, months, until, min_papers, limit)
        p0, p1, r0, r1 = windows.describe()
        return Trending(previous_window=[p0, p1], recent_window=[r0, r1], total_count=total, trends=[
            Trend(previous_papers=t.previous_papers, recent_papers=t.recent_papers, previous_share=t.previous_share,
                  recent_share=t.recent_share, growth=t.growth, entity_id=t.entity_id) for t in trends])

    @strawberry.field(description="A shortest chain paper - entity - paper ... between two nodes, each hop "
                                  "explained; null when none is at most maxHops long.")
    def path(
        self, info: strawberry.Info, source: strawberry.ID, target: strawberry.ID, max_hops: int = 8,
        via: Annotated[list[EntityType] | None, strawberry.argument(
            description="Pass only through entities of these types (the ends excepted).")] = None,
    ) -> Path | None:
        from .questions import Hop

        hops = context_of(info).kg.path(split_node_id(source), split_node_id(target), max_hops, via)
        return None if hops is None else Path(length=len(hops), hops=[Hop.from_record(h) for h in hops])

    @strawberry.field(description="The results reported on a dataset or benchmark for one metric, best "
                                  "first in the metric's direction. Without `metric`, the metric reported "
                                  "most often.")
    async def leaderboard(
        self,
        info: strawberry.Info,
        entity: Annotated[str, strawberry.argument(description="entity/ID, an id, or a name or alias.")],
        metric: Annotated[str | None, strawberry.argument(description='A metric name or alias: "accuracy".')] = None,
        direction: Annotated[Direction | None, strawberry.argument(
            description="Override the metric's direction.")] = None,
    ) -> Leaderboard:
        entity_id = await resolve_entity_id(info, "entity", entity)
        board = context_of(info).kg.leaderboard(entity_id, metric, direction)
        return Leaderboard.from_board(entity_id, board)

    @strawberry.field(description="How many papers, entities, edges and results, and entities and papers "
                                  "by entity type.")
    def stats(self, info: strawberry.Info) -> Stats:
        return Stats.from_record(context_of(info).kg.stats())


__all__ = ["Entity", "GraphQuestionsQuery", "resolve_entity_id"]
