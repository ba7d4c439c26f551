"""`SharedPapers`: a paper that shares entities with another, and why it ranks where it does."""

from __future__ import annotations

import strawberry

from paperkg.graph import records
from paperkg.graph.errors import UnknownPaperError

from .context import context_of
from .entity import Entity
from .paper import Paper


@strawberry.type(description="One shared entity and what it adds to the score (its rarity, an IDF).")
class SharedEntityWeight:
    entity: Entity
    weight: float


@strawberry.type(description="A paper that shares entities with the one asked about.")
class SharedPapers:
    score: float = strawberry.field(description="The sum of the shared entities' weights; higher is closer.")
    record: strawberry.Private[records.SharedPapers]

    @classmethod
    def from_record(cls, shared: records.SharedPapers) -> SharedPapers:
        return cls(score=shared.score, record=shared)

    @strawberry.field
    async def paper(self, info: strawberry.Info) -> Paper:
        found = await context_of(info).loaders.papers.load(self.record.paper_id)
        if found is None:
            raise UnknownPaperError(
                f"paper {self.record.paper_id!r} is in the graph but not in the store; "
                "restart the server so that it rebuilds the graph from the store"
            )
        return Paper.from_record(found)

    @strawberry.field(description="The entities both papers use, heaviest first.")
    async def shared(self, info: strawberry.Info) -> list[Entity]:
        found = await context_of(info).loaders.load_entities(self.record.shared)
        return [Entity.from_record(entity) for entity in found]

    @strawberry.field(description="Each shared entity with its weight, heaviest first: the why of the ranking.")
    async def explanation(self, info: strawberry.Info) -> list[SharedEntityWeight]:
        found = await context_of(info).loaders.load_entities(self.record.shared)
        return [
            SharedEntityWeight(entity=Entity.from_record(e), weight=self.record.explanation.get(e.id, 0.0))
            for e in found
        ]
