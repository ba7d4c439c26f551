"""The `Entity` type: a named model, method, dataset, benchmark, task or metric."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from paperkg.graph import records

from .context import context_of
from .enums import EntityType
from .pagination import Connection, build_connection, read_page

if TYPE_CHECKING:
    from .paper import Paper

PaperRef = Annotated["Paper", strawberry.lazy("paperkg.schema.paper")]


@strawberry.type(description="An identifier of an entity in another catalogue.")
class ExternalId:
    scheme: str = strawberry.field(description='The catalogue: "wikidata", "hf" (Hugging Face hub), "arxiv", ...')
    value: str


@strawberry.type(description="A named thing papers use, with every surface form it goes by.")
class Entity:
    id: strawberry.ID
    name: str
    type: EntityType
    aliases: list[str] = strawberry.field(description="Other surface forms, the name excluded.")
    external_ids: list[ExternalId]
    origin: str = strawberry.field(description='Where the entity came from: "gazetteer", "discovered", "user".')
    variant_of_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, entity: records.Entity) -> Entity:
        return cls(
            id=strawberry.ID(entity.id), name=entity.name, type=entity.type,
            aliases=list(entity.aliases),
            external_ids=[ExternalId(scheme=s, value=v) for s, v in entity.external_ids],
            origin=entity.origin, variant_of_id=entity.variant_of,
        )

    @strawberry.field(description="How many papers use this entity (its variants not counted).")
    async def paper_count(self, info: strawberry.Info) -> int:
        return await context_of(info).loaders.paper_counts.load(self.id)

    @strawberry.field(description="The papers that use this entity, newest first.")
    async def papers(
        self,
        info: strawberry.Info,
        first: int = 20,
        after: str | None = None,
        include_variants: Annotated[
            bool, strawberry.argument(description="Also the papers of its variants, and theirs.")
        ] = False,
    ) -> Connection[PaperRef]:
        from .paper import Paper  # a cycle: papers have entities, entities have papers

        context = context_of(info)
        page = read_page("paper", first, after)
        ids = context.kg.papers_of(self.id, include_variants=include_variants)
        found = await context.loaders.load_papers(ids[page.offset:page.offset + page.limit])
        return build_connection(page, [Paper.from_record(p) for p in found], len(ids))

    @strawberry.field(description='Entities that are variants of this one ("FLAMe-RM" of "FLAMe").')
    async def variants(self, info: strawberry.Info) -> list[Entity]:
        context = context_of(info)
        found = await context.loaders.load_entities(context.kg.variants_of(self.id))
        return [Entity.from_record(e) for e in found]

    @strawberry.field(description="The entity this one is a variant of, if any.")
    async def variant_of(self, info: strawberry.Info) -> Entity | None:
        if self.variant_of_id is None:
            return None
        found = await context_of(info).loaders.entities.load(self.variant_of_id)
        return Entity.from_record(found) if found else None


async def load_entity(info: strawberry.Info, entity_id: str) -> Entity | None:
    """The Entity with this id through the request's loader, or None."""
    found = await context_of(info).loaders.entities.load(entity_id)
    return Entity.from_record(found) if found else None
