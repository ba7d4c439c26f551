"""The `Paper` type and `EntityUse`, the edge from a paper to an entity it uses."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from paperkg.graph import records
from paperkg.graph.records import EntityUse as EntityUseRecord

from .context import context_of
from .entity import Entity
from .enums import EntityType, Role
from .loaders import Loaders
from .mention import Mention, entity_now_or_later
from .node import Node, node_path
from .pagination import Connection, build_connection, read_page
from .result import Result

SharedPapersRef = Annotated["SharedPapers", strawberry.lazy("paperkg.schema.shared")]


@strawberry.type(description="How one paper uses one entity: the strongest role and how often.")
class EntityUse:
    role: Role = strawberry.field(description="The strongest role over the paper's mentions.")
    mention_count: int
    confidence: float = strawberry.field(description="The best confidence over the paper's mentions.")
    entity_id: strawberry.Private[str]
    paper_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, use: EntityUseRecord) -> EntityUse:
        return cls(role=use.role, mention_count=use.mentions, confidence=use.confidence,
                   entity_id=use.entity_id, paper_id=use.paper_id)

    @strawberry.field
    def entity(self, info: strawberry.Info) -> Entity:
        return entity_now_or_later(info, self.entity_id, f"paper {self.paper_id!r}")


@strawberry.type(description="A paper: its title, abstract, what its source said, and what it uses.")
class Paper(Node):
    id: strawberry.ID = strawberry.field(description="paper/ and the arXiv id, else a slug of the title: "
                                                     "the path of the paper's RDF IRI.")
    key: strawberry.Private[str]
    title: str
    abstract: str
    date: datetime.date | None
    authors: list[str]
    authors_count: int | None
    upvotes: int | None = strawberry.field(description="Upvotes on the source page, where it has them.")
    code_urls: list[str] = strawberry.field(description="Links to code (GitHub and the like).")
    urls: list[str] = strawberry.field(description="Every link in the abstract.")
    arxiv_id: str | None
    categories: list[str]
    year: int | None = strawberry.field(description="The year of publication, from the source's year or date.")
    venue: str | None = strawberry.field(description="Where it was published, as the source names it "
                                                     "(\"NeurIPS 2024\", \"ICLR 2024 poster\").")
    doi: str | None = strawberry.field(description="The DOI, lower case, without https://doi.org/.")

    @classmethod
    def from_record(cls, paper: records.Paper) -> Paper:
        return cls(
            id=node_path("paper", paper.id), key=paper.id, title=paper.title, abstract=paper.abstract,
            date=paper.date, authors=list(paper.authors), authors_count=paper.authors_count,
            upvotes=paper.upvotes, code_urls=list(paper.code_urls), urls=list(paper.urls),
            arxiv_id=paper.arxiv_id, categories=list(paper.categories),
            year=paper.publication_year, venue=paper.venue, doi=paper.doi,
        )

    @strawberry.field(description="The entities the paper uses, most mentioned first.")
    async def entities(self, info: strawberry.Info, type: EntityType | None = None) -> list[Entity]:
        loaders = context_of(info).loaders
        uses = await load_uses(loaders, self.key, type)
        found = await loaders.load_entities([use.entity_id for use in uses])
        return [Entity.from_record(entity) for entity in found]

    @strawberry.field(description="The paper's edges to its entities: role, mention count, confidence.")
    async def entity_uses(self, info: strawberry.Info, type: EntityType | None = None) -> list[EntityUse]:
        uses = await load_uses(context_of(info).loaders, self.key, type)
        return [EntityUse.from_record(use) for use in uses]

    @strawberry.field(description="Every span of the title and abstract that names an entity.")
    async def mentions(self, info: strawberry.Info, type: EntityType | None = None) -> list[Mention]:
        loaders = context_of(info).loaders
        found = [m for m in await loaders.mentions.load(self.key) if type is None or m.type == type]
        # Their entities in one batch (with the paper's own, when asked in the same query),
        # so that each mention's `entity` answers from it at once.
        await loaders.entities.load_many(list(dict.fromkeys(m.entity_id for m in found)))
        return [Mention.from_record(m) for m in found]

    @strawberry.field(description="Papers sharing entities with this one, ranked by the rarity (IDF) of "
                                  "what they share, each with the shared entities and their weights.")
    def related(
        self,
        info: strawberry.Info,
        types: list[EntityType] | None = None,
        roles: Annotated[list[Role] | None, strawberry.argument(
            description="Count only entities both papers use in these roles (EVALUATES_ON: same benchmark).")] = None,
        include_variants: Annotated[bool, strawberry.argument(
            description="Count every variant as its root entity (FLAMe-RM-24B as FLAMe).")] = False,
        first: int = 10,
        after: str | None = None,
    ) -> Connection[SharedPapersRef]:
        from .shared import SharedPapers  # a cycle: a shared paper has a paper

        page = read_page("related", first, after)
        ranking = context_of(info).kg.related_papers(self.key, types, roles, include_variants,
                                                     page.limit, page.offset)
        return build_connection(page, [SharedPapers.from_record(s) for s in ranking.items], ranking.total)

    @strawberry.field(description="The numbers the paper reports (metric, value, on what, by what).")
    async def results(self, info: strawberry.Info) -> list[Result]:
        found = await context_of(info).loaders.results.load(self.key)
        return [Result.from_record(r) for r in found]


PaperConnection = Connection[Paper]


async def load_uses(loaders: Loaders, paper_id: str, type: records.EntityType | None) -> list[EntityUseRecord]:
    """A paper's entity edges, most mentioned first, optionally only those of one type."""
    uses = loaders.kg.entity_uses([paper_id])[paper_id]
    if type is None:
        return uses
    # The entities are loaded (in one batch) to learn their types; the loader keeps them
    # for the `entity` fields that usually follow.
    kinds = await loaders.entities.load_many([use.entity_id for use in uses])
    return [use for use, entity in zip(uses, kinds) if entity is not None and entity.type == type]


async def load_paper(info: strawberry.Info, paper_id: str) -> Paper | None:
    """The Paper with this id through the request's loader, or None."""
    found = await context_of(info).loaders.papers.load(paper_id)
    return Paper.from_record(found) if found else None


__all__ = ["EntityUse", "Paper", "PaperConnection", "load_paper"]
