"""The types of the graph questions: co-usage, timelines, trends, paths, leaderboards, stats."""

from __future__ import annotations

import datetime
import enum

import strawberry

from paperkg.graph import leaderboard as boards
from paperkg.graph.paths import Hop as HopRecord
from paperkg.graph.questions import Stats as StatsRecord
from paperkg.graph.records import Result as ResultRecord

from .context import context_of
from .entity import Entity
from .enums import EntityType, Role
from .mention import require_entity
from .pagination import Connection, build_connection, read_page
from .paper import Paper, load_paper

Direction = strawberry.enum(boards.Direction, name="Direction",
                            description="Which way a metric improves.")


@strawberry.enum(description="How `papers` orders its list.")
class PaperOrder(enum.Enum):
    DATE = "DATE"
    UPVOTES = "UPVOTES"
    RELEVANCE = "RELEVANCE"


@strawberry.enum(description="How `entities` orders its list.")
class EntityOrder(enum.Enum):
    PAPER_COUNT = "PAPER_COUNT"
    NAME = "NAME"


@strawberry.type(description="An entity used in the same papers as another, and in how many.")
class CoUsedEntity:
    papers: int = strawberry.field(description="How many papers use both.")
    entity_id: strawberry.Private[str]

    @strawberry.field
    async def entity(self, info: strawberry.Info) -> Entity:
        return await require_entity(info, self.entity_id, "a co-usage count")


@strawberry.type(description='How many of an entity\'s papers appeared in one month.')
class MonthCount:
    month: str | None = strawberry.field(description='"2025-06"; null for the papers with no date.')
    papers: int


@strawberry.type(description="An entity whose share of papers grew between two windows.")
class Trend:
    previous_papers: int
    recent_papers: int
    previous_share: float = strawberry.field(description="previousPapers over all papers of the previous window.")
    recent_share: float
    growth: float = strawberry.field(description="(recent + 1) / (R + 1) over (previous + 1) / (P + 1), "
                                                 "R and P the papers of each window.")
    entity_id: strawberry.Private[str]

    @strawberry.field
    async def entity(self, info: strawberry.Info) -> Entity:
        return await require_entity(info, self.entity_id, "a trend")


@strawberry.type(description="The entities of a type whose share of papers grows fastest.")
class Trending:
    previous_window: list[str] = strawberry.field(description="First and last month of the previous window.")
    recent_window: list[str] = strawberry.field(description="First and last month of the recent window.")
    total_count: int = strawberry.field(description="How many entities had at least minPapers recent papers.")
    trends: list[Trend]


@strawberry.type(description="One edge of a path: a paper and what it does with an entity.")
class Hop:
    role: Role
    mention_count: int
    explanation: str = strawberry.field(description='"paper 2407.10817 EVALUATES_ON entity rewardbench".')
    source_id: strawberry.ID = strawberry.field(description="The node the hop leaves.")
    target_id: strawberry.ID = strawberry.field(description="The node the hop reaches.")
    paper_key: strawberry.Private[str]
    entity_key: strawberry.Private[str]

    @classmethod
    def from_record(cls, hop: HopRecord) -> Hop:
        return cls(role=hop.role, mention_count=hop.mentions, explanation=hop.explain(),
                   source_id=strawberry.ID(hop.source.replace(":", "/", 1)),
                   target_id=strawberry.ID(hop.target.replace(":", "/", 1)),
                   paper_key=hop.paper_id, entity_key=hop.entity_id)

    @strawberry.field
    async def paper(self, info: strawberry.Info) -> Paper | None:
        return await load_paper(info, self.paper_key)

    @strawberry.field
    async def entity(self, info: strawberry.Info) -> Entity:
        return await require_entity(info, self.entity_key, "a path")


@strawberry.type(description="A shortest chain paper - entity - paper ... between two nodes.")
class Path:
    length: int = strawberry.field(description="The number of hops.")
    hops: list[Hop]


@strawberry.type(description="One reported result on a leaderboard.")
class LeaderboardEntry:
    rank: int
    value: float
    unit: str | None
    metric: str | None = strawberry.field(description="The metric as the sentence writes it.")
    sentence: str = strawberry.field(description="The sentence the number is in.")
    record: strawberry.Private[ResultRecord]

    @strawberry.field
    async def paper(self, info: strawberry.Info) -> Paper | None:
        return await load_paper(info, self.record.paper_id)

    @strawberry.field(description="The model or method that scored it, when the sentence says.")
    async def model(self, info: strawberry.Info) -> Entity | None:
        if not self.record.model_id:
            return None
        found = await context_of(info).loaders.entities.load(self.record.model_id)
        return Entity.from_record(found) if found else None


@strawberry.type(description="A metric reported on a dataset or benchmark, and how often.")
class MetricCount:
    metric: str | None = strawberry.field(description="As written; null for results that state no metric.")
    results: int


@strawberry.type(description="The results of a dataset or benchmark for one metric, best first.")
class Leaderboard:
    metric: str | None = strawberry.field(description="The metric ranked; null: results that state none.")
    direction: Direction
    metrics: list[MetricCount] = strawberry.field(description="Every metric reported on it, most first.")
    entity_key: strawberry.Private[str]
    board: strawberry.Private[boards.Board]

    @classmethod
    def from_board(cls, entity_id: str, board: boards.Board) -> Leaderboard:
        return cls(metric=board.metric_name or board.metric_key, direction=board.direction,
                   entity_key=entity_id, board=board,
                   metrics=[MetricCount(metric=name or key, results=n) for key, name, n in board.metrics])

    @strawberry.field(description="The results, best first; `rank` counts from 1 over the whole board.")
    def entries(self, first: int = 20, after: str | None = None) -> Connection[LeaderboardEntry]:
        page = read_page("leaderboard", first, after)
        results = self.board.results[page.offset:page.offset + page.limit]
        entries = [LeaderboardEntry(rank=page.offset + i + 1, value=r.value, unit=r.unit, metric=r.metric,
                                    sentence=r.sentence, record=r) for i, r in enumerate(results)]
        return build_connection(page, entries, len(self.board.results))

    @strawberry.field
    async def entity(self, info: strawberry.Info) -> Entity:
        return await require_entity(info, self.entity_key, "a leaderboard")


@strawberry.type(description="Counts for one entity type.")
class TypeCount:
    type: EntityType
    entities: int
    papers: int = strawberry.field(description="Papers that use at least one entity of the type.")


@strawberry.type(description="What the graph holds.")
class Stats:
    papers: int
    entities: int
    edges: int = strawberry.field(description="Paper-entity edges.")
    results: int
    by_type: list[TypeCount]

    @classmethod
    def from_record(cls, stats: StatsRecord) -> Stats:
        return cls(papers=stats.papers, entities=stats.entities, edges=stats.edges, results=stats.results,
                   by_type=[TypeCount(type=t, entities=n, papers=stats.papers_by_type[t])
                            for t, n in stats.entities_by_type.items()])


def parse_date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None
