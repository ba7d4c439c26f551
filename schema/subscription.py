"""Subscriptions over WebSocket (graphql-transport-ws): `papersAdded(entity)`.

Fed by the graph's change detection (graph/live.py), so papers written by a mutation or by
a `paperkg ingest` in another process are announced alike, within `POLL_SECONDS`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

import strawberry
from graphql import GraphQLError

from paperkg.graph.live import papers_using

from .context import context_of
from .paper import Paper

# How often a subscription looks for new papers; each look is one indexed read when idle.
POLL_SECONDS = 0.5


@strawberry.type(description="Live updates.")
class Subscription:
    @strawberry.subscription(description="Each new paper that uses the entity named `entity` (a name, "
                                         "an alias or an id), as it arrives.")
    async def papers_added(self, info: strawberry.Info, entity: str) -> AsyncGenerator[Paper, None]:
        kg = context_of(info).kg
        found = kg.find_entity(entity) or kg.entity(entity)
        if found is None:
            raise GraphQLError(f"no entity named {entity!r}; find one with "
                               f'{{ entities(search: "{entity[:40]}") {{ edges {{ node {{ id name }} }} }} }}')
        position = kg.feed.position
        while True:
            await asyncio.sleep(POLL_SECONDS)
            kg.refresh()  # on the loop thread, where resolvers read the graph
            position, added = kg.feed.since(position)
            for pid in papers_using(kg, added, found.id):
                paper = kg.paper(pid)
                if paper is not None:
                    yield Paper.from_record(paper)
