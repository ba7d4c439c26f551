"""The `Mention` type: one occurrence of an entity in a paper's title or abstract."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from paperkg.graph import records
from paperkg.graph.errors import UnknownEntityError, UnknownPaperError

from .context import context_of
from .entity import Entity, load_entity
from .enums import EntityType, Role

if TYPE_CHECKING:
    from .paper import Paper

PaperRef = Annotated["Paper", strawberry.lazy("paperkg.schema.paper")]


@strawberry.type(description="A span of a paper's title or abstract that names an entity.")
class Mention:
    text: str = strawberry.field(description="The span itself: field text [start:end].")
    field: str = strawberry.field(description='Which field the span is in: "title" or "abstract".')
    start: int
    end: int
    sentence: str = strawberry.field(description="The sentence the span is in.")
    type: EntityType
    confidence: float
    role: Role = strawberry.field(description="What the paper does with the entity here.")
    component: str = strawberry.field(description="The extraction component that found it.")
    paper_id: strawberry.Private[str]
    entity_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, mention: records.Mention) -> Mention:
        return cls(
            text=mention.text, field=mention.field, start=mention.start, end=mention.end,
            sentence=mention.sentence, type=mention.type, confidence=mention.confidence,
            role=mention.role, component=mention.component,
            paper_id=mention.paper_id, entity_id=mention.entity_id,
        )

    @strawberry.field(description="The entity the span names.")
    async def entity(self, info: strawberry.Info) -> Entity:
        return await require_entity(info, self.entity_id, f"a mention in paper {self.paper_id!r}")

    @strawberry.field(description="The paper the span is in.")
    async def paper(self, info: strawberry.Info) -> PaperRef:
        from .paper import Paper  # a cycle: papers have mentions

        found = await context_of(info).loaders.papers.load(self.paper_id)
        if found is None:
            raise UnknownPaperError(
                f"a mention names paper {self.paper_id!r}, which the store does not hold; "
                "re-ingest the paper to repair the database"
            )
        return Paper.from_record(found)


async def require_entity(info: strawberry.Info, entity_id: str, holder: str) -> Entity:
    """The entity `holder` points at; a clear error when the store lost it."""
    entity = await load_entity(info, entity_id)
    if entity is None:
        raise UnknownEntityError(
            f"{holder} names entity {entity_id!r}, which the store does not hold; "
            "re-ingest the paper to repair the database"
        )
    return entity
