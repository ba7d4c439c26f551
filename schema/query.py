"""The root `Query`: papers, entities, and the papers that share entities with a paper."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry
from graphql import GraphQLError

from paperkg.graph.questions import PaperFilter

from .context import context_of
from .entity import Entity, load_entity
from .enums import EntityType, Role
from .node import bare_id
from .pagination import Connection, build_connection, check_first, read_page
from .paper import Paper, load_paper
from .query_graph import GraphQuestionsQuery, resolve_entity_id
from .questions import EntityOrder, PaperOrder, parse_date
from .shared import SharedPapers


@strawberry.type(description="Papers, the named things they use, and how papers relate through them.")
class Query(GraphQuestionsQuery):
    @strawberry.field(description="The paper with this id (paper/ID or the bare id), or null when there is none.")
    async def paper(self, info: strawberry.Info, id: strawberry.ID) -> Paper | None:
        return await load_paper(info, bare_id(id, "paper"))

    @strawberry.field(description="Papers newest first; with `search`, best full-text matches "
                                  "of title and abstract first. Filters combine with AND.")
    async def papers(
        self,
        info: strawberry.Info,
        search: str | None = None,
        first: Annotated[int, strawberry.argument(description="Page size, 0 to 100.")] = 20,
        after: Annotated[str | None, strawberry.argument(description="The endCursor of the previous page.")] = None,
        entity: Annotated[str | None, strawberry.argument(
            description="Papers using this entity: entity/ID, an id, or any name or alias.")] = None,
        type: Annotated[EntityType | None, strawberry.argument(
            description="Papers using an entity of this type (the `entity`'s, when given, is its own).")] = None,
        role: Annotated[Role | None, strawberry.argument(
            description="...in this role (the strongest role of the paper's mentions).")] = None,
        since: Annotated[datetime.date | None, strawberry.argument(description="Dated on or after.")] = None,
        until: Annotated[datetime.date | None, strawberry.argument(description="Dated on or before.")] = None,
        has_code: Annotated[bool | None, strawberry.argument(description="With (or without) a code link.")] = None,
        year: Annotated[int | None, strawberry.argument(description="Published in this year.")] = None,
        venue: Annotated[str | None, strawberry.argument(
            description="Published at a venue whose name holds this, ignoring case (\"NeurIPS\").")] = None,
        doi: Annotated[str | None, strawberry.argument(
            description="With this DOI, bare or as a doi.org address, in any case (\"10.1145/3292500.3330701\").")] = None,
        order_by: Annotated[PaperOrder | None, strawberry.argument(
            description="DATE (newest first), UPVOTES (most first) or RELEVANCE (needs `search`); "
                        "default RELEVANCE with `search`, else DATE.")] = None,
    ) -> Connection[Paper]:
        context = context_of(info)
        page = read_page("paper", first, after)
        order = order_by.value if order_by else ("RELEVANCE" if search else "DATE")
        filtered = (entity, type, role, since, until, has_code, year, venue, doi) != (None,) * 9 or order != (
            "RELEVANCE" if search else "DATE")
        if filtered:
            where = PaperFilter(
                search=search, entity_ids=(await resolve_entity_id(info, "entity", entity),) if entity else None,
                types=(type,) if type and not entity else None, roles=(role,) if role else None,
                since=parse_date(since), until=parse_date(until), has_code=has_code, year=year, venue=venue,
                doi=doi)
            total, ids = context.kg.filter_papers(where, order, page.limit, page.offset)
            found = await context.loaders.load_papers(ids)
            return build_connection(page, [Paper.from_record(p) for p in found], total)
        found = context.kg.list_papers(search, page.limit, page.offset)
        # The page's papers are in hand: later loads of them (Entity.papers...) are free.
        context.loaders.papers.prime_many({p.id: p for p in found})
        total = context.kg.count_papers(search)
        return build_connection(page, [Paper.from_record(p) for p in found], total)

    @strawberry.field(description="The entity with this id, or whose name or any alias is `name` "
                                  "(case and punctuation ignored); null when there is none.")
    async def entity(self, info: strawberry.Info, name: str | None = None,
                     id: strawberry.ID | None = None) -> Entity | None:
        if (name is None) == (id is None):
            raise GraphQLError('entity takes exactly one of `name` or `id`, e.g. entity(name: "CIFAR-10")')
        if id is not None:
            return await load_entity(info, bare_id(id, "entity"))
        found = context_of(info).kg.find_entity(name)
        if found is None:
            return None
        context_of(info).loaders.entities.prime(found.id, found)
        return Entity.from_record(found)

    @strawberry.field(description="Entities used by most papers first (or by name), optionally of one "
                                  "type, with at least `minPapers` papers, or with a name or alias matching "
                                  "`search` by prefix, substring or fuzzily.")
    async def entities(
        self,
        info: strawberry.Info,
        type: EntityType | None = None,
        search: str | None = None,
        first: Annotated[int, strawberry.argument(description="Page size, 0 to 100.")] = 20,
        after: Annotated[str | None, strawberry.argument(description="The endCursor of the previous page.")] = None,
        min_papers: Annotated[int, strawberry.argument(description="Only entities used by this many papers.")] = 0,
        order_by: EntityOrder = EntityOrder.PAPER_COUNT,
    ) -> Connection[Entity]:
        context = context_of(info)
        page = read_page("entity", first, after)
        total, ids = context.kg.filter_entities(type, search, min_papers, order_by.value, page.limit, page.offset)
        found = await context.loaders.load_entities(ids)
        return build_connection(page, [Entity.from_record(e) for e in found], total)

    @strawberry.field(description="Papers that share entities with this paper (optionally of one "
                                  "type), rarest shared entities first.")
    def papers_sharing(
        self,
        info: strawberry.Info,
        paper_id: strawberry.ID,
        type: EntityType | None = None,
        first: Annotated[int, strawberry.argument(description="How many papers, 0 to 100.")] = 10,
    ) -> list[SharedPapers]:
        limit = check_first(first)
        ranked = context_of(info).kg.papers_sharing(bare_id(paper_id, "paper"), type, limit)
        return [SharedPapers.from_record(shared) for shared in ranked]
