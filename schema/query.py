"""The root `Query`: papers, entities, and the papers that share entities with a paper."""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError

from .context import context_of
from .entity import Entity, load_entity
from .enums import EntityType
from .pagination import Connection, build_connection, check_first, read_page
from .paper import Paper, load_paper
from .shared import SharedPapers


@strawberry.type(description="Papers, the named things they use, and how papers relate through them.")
class Query:
    @strawberry.field(description="The paper with this id, or null when there is none.")
    async def paper(self, info: strawberry.Info, id: strawberry.ID) -> Paper | None:
        return await load_paper(info, id)

    @strawberry.field(description="Papers newest first; with `search`, best full-text matches "
                                  "of title and abstract first.")
    def papers(
        self,
        info: strawberry.Info,
        search: str | None = None,
        first: Annotated[int, strawberry.argument(description="Page size, 0 to 100.")] = 20,
        after: Annotated[str | None, strawberry.argument(description="The endCursor of the previous page.")] = None,
    ) -> Connection[Paper]:
        context = context_of(info)
        page = read_page("paper", first, after)
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
            return await load_entity(info, id)
        found = context_of(info).kg.find_entity(name)
        if found is None:
            return None
        context_of(info).loaders.entities.prime(found.id, found)
        return Entity.from_record(found)

    @strawberry.field(description="Entities used by most papers first, optionally of one type "
                                  "or with a name or alias containing `search`.")
    def entities(
        self,
        info: strawberry.Info,
        type: EntityType | None = None,
        search: str | None = None,
        first: Annotated[int, strawberry.argument(description="Page size, 0 to 100.")] = 20,
        after: Annotated[str | None, strawberry.argument(description="The endCursor of the previous page.")] = None,
    ) -> Connection[Entity]:
        context = context_of(info)
        page = read_page("entity", first, after)
        found = context.kg.list_entities(type, search, page.limit, page.offset)
        context.loaders.entities.prime_many({e.id: e for e in found})
        total = context.kg.count_entities(type, search)
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
        ranked = context_of(info).kg.papers_sharing(paper_id, type, limit)
        return [SharedPapers.from_record(shared) for shared in ranked]
