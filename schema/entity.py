"""The `Entity` type: a named model, method, dataset, benchmark, task or metric."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from paperkg.graph import records

from .context import context_of
from .enums import EntityType, Role
from .node import Node, node_path
from .pagination import Connection, build_connection, read_page

if TYPE_CHECKING:
    from .paper import Paper

PaperRef = Annotated["Paper", strawberry.lazy("paperkg.schema.paper")]
CoUsedRef = Annotated["CoUsedEntity", strawberry.lazy("paperkg.schema.questions")]
MonthCountRef = Annotated["MonthCount", strawberry.lazy("paperkg.schema.questions")]
VARIANTS = strawberry.argument(description="Count every variant as this entity (FLAMe-RM-24B as FLAMe).")


@strawberry.type(description="An identifier of an entity in another catalogue.")
class ExternalId:
    scheme: str = strawberry.field(description='The catalogue: "wikidata", "hf" (Hugging Face hub), "arxiv", ...')
    value: str


@strawberry.type(description="A named thing papers use, with every surface form it goes by.")
class Entity(Node):
    id: strawberry.ID = strawberry.field(description="entity/ and the entity's key: the path of its RDF IRI.")
    key: strawberry.Private[str]
    name: str
    type: EntityType
    aliases: list[str] = strawberry.field(description="Other surface forms, the name excluded.")
    external_ids: list[ExternalId]
    origin: str = strawberry.field(description='Where the entity came from: "gazetteer", "discovered", "user".')
    variant_of_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, entity: records.Entity) -> Entity:
        return cls(
            id=node_path("entity", entity.id), key=entity.id, name=entity.name, type=entity.type,
            aliases=list(entity.aliases),
            external_ids=[ExternalId(scheme=s, value=v) for s, v in entity.external_ids],
            origin=entity.origin, variant_of_id=entity.variant_of,
        )

    @strawberry.field(description="How many papers use this entity (its variants not counted).")
    def paper_count(self, info: strawberry.Info) -> int:
        return context_of(info).kg.paper_counts([self.key])[self.key]

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
        total, ids = context.kg.page_papers_of(self.key, include_variants, page.limit, page.offset)
        found = await context.loaders.load_papers(ids)
        return build_connection(page, [Paper.from_record(p) for p in found], total)

    @strawberry.field(description="Entities used in the same papers, most papers in common first: "
                                  "coUsed(types: [BENCHMARK], roles: [EVALUATES_ON]) on GSM8K lists the "
                                  "benchmarks evaluated alongside it.")
    def co_used(
        self,
        info: strawberry.Info,
        types: list[EntityType] | None = None,
        roles: list[Role] | None = None,
        include_variants: Annotated[bool, VARIANTS] = False,
        first: int = 10,
        after: str | None = None,
    ) -> Connection[CoUsedRef]:
        from .questions import CoUsedEntity

        page = read_page("coUsed", first, after)
        ranking = context_of(info).kg.co_used(self.key, types, roles, include_variants, page.limit, page.offset)
        nodes = [CoUsedEntity(papers=c.papers, entity_id=c.entity_id) for c in ranking.items]
        return build_connection(page, nodes, ranking.total)

    @strawberry.field(description="The entity's papers per month, oldest first; the counts sum to "
                                  "paperCount (undated papers last, month null).")
    def timeline(self, info: strawberry.Info,
                 include_variants: Annotated[bool, VARIANTS] = False) -> list[MonthCountRef]:
        from .questions import MonthCount

        found = context_of(info).kg.timeline(self.key, include_variants)
        return [MonthCount(month=m.month, papers=m.papers) for m in found]

    @strawberry.field(description='Entities that are variants of this one ("FLAMe-RM" of "FLAMe").')
    async def variants(self, info: strawberry.Info) -> list[Entity]:
        context = context_of(info)
        found = await context.loaders.load_entities(context.kg.variants_of(self.key))
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
