"""The `Mention` type: one occurrence of an entity in a paper's title or abstract."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, Annotated

import strawberry

from paperkg.graph import records
from paperkg.graph.errors import UnknownEntityError, UnknownPaperError

from .context import context_of
from .loaders import NOT_LOADED, value_if_loaded
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
    phrase_start: int = strawberry.field(
        description='Start of the noun phrase the name stands in ("TED corpus" for "TED").'
    )
    phrase_end: int = strawberry.field(description="End of that noun phrase (exclusive).")
    paper_id: strawberry.Private[str]
    entity_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, mention: records.Mention) -> Mention:
        return cls(
            text=mention.text, field=mention.field, start=mention.start, end=mention.end,
            sentence=mention.sentence, type=mention.type, confidence=mention.confidence,
            role=mention.role, component=mention.component,
            phrase_start=mention.phrase[0], phrase_end=mention.phrase[1],
            paper_id=mention.paper_id, entity_id=mention.entity_id,
        )

    @strawberry.field(description="The entity the span names.")
    def entity(self, info: strawberry.Info) -> Entity:
        return entity_now_or_later(info, self.entity_id, f"a mention in paper {self.paper_id!r}")

    @strawberry.field(description="The paper the span is in.")
    async def paper(self, info: strawberry.Info) -> PaperRef:
        from .paper import Paper  # a cycle: papers have mentions

        return Paper.from_record(await self._paper_record(info))

    @strawberry.field(
        description='The noun phrase the name stands in: "TED corpus", "Chinese Treebank (CTB)"; '
        "the name itself when it stands alone."
    )
    async def phrase(self, info: strawberry.Info) -> str:
        if (self.phrase_start, self.phrase_end) == (self.start, self.end):
            return self.text
        paper = await self._paper_record(info)
        return paper.field_text(self.field)[self.phrase_start : self.phrase_end]

    async def _paper_record(self, info: strawberry.Info) -> records.Paper:
        found = await context_of(info).loaders.papers.load(self.paper_id)
        if found is None:
            raise UnknownPaperError(
                f"a mention names paper {self.paper_id!r}, which the store does not hold; "
                "re-ingest the paper to repair the database"
            )
        return found


def entity_now_or_later(info: strawberry.Info, entity_id: str, holder: str) -> Entity | Awaitable[Entity]:
    """The entity `holder` points at: at once when the request has read it, else to await."""
    found = value_if_loaded(context_of(info).loaders.entities, entity_id)
    if found is NOT_LOADED or found is None:
        return require_entity(info, entity_id, holder)
    return Entity.from_record(found)


async def require_entity(info: strawberry.Info, entity_id: str, holder: str) -> Entity:
    """The entity `holder` points at; a clear error when the store lost it."""
    entity = await load_entity(info, entity_id)
    if entity is None:
        raise UnknownEntityError(
            f"{holder} names entity {entity_id!r}, which the store does not hold; "
            "re-ingest the paper to repair the database"
        )
    return entity
