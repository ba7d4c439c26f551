"""The `Result` type: a number a paper reports, on a dataset or benchmark, by a model."""

from __future__ import annotations

import strawberry

from paperkg.graph import records

from .entity import Entity, load_entity
from .mention import require_entity


@strawberry.type(description='A reported number: "10.38 FID (NFE=5) on FFHQ" by DC-Solver.')
class Result:
    metric: str | None = strawberry.field(description='The metric as written ("FID", "accuracy"), if stated.')
    value: float
    unit: str | None = strawberry.field(description='The unit ("%" and the like), if stated.')
    sentence: str = strawberry.field(description="The sentence the number is in.")
    field: str = strawberry.field(description='Which field the span is in: "title" or "abstract".')
    start: int
    end: int
    paper_id: strawberry.Private[str]
    entity_id: strawberry.Private[str]
    model_id: strawberry.Private[str | None]
    metric_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, result: records.Result) -> Result:
        return cls(
            metric=result.metric, value=result.value, unit=result.unit, sentence=result.sentence,
            field=result.field, start=result.start, end=result.end, paper_id=result.paper_id,
            entity_id=result.entity_id, model_id=result.model_id, metric_id=result.metric_id,
        )

    @strawberry.field(description="The dataset or benchmark the number was measured on.")
    async def entity(self, info: strawberry.Info) -> Entity:
        return await require_entity(info, self.entity_id, f"a result in paper {self.paper_id!r}")

    @strawberry.field(description="The model or method that scored it, when the sentence says.")
    async def model(self, info: strawberry.Info) -> Entity | None:
        return await load_entity(info, self.model_id) if self.model_id else None

    @strawberry.field(description='The METRIC entity the metric names ("FID"), when it is known.')
    async def metric_entity(self, info: strawberry.Info) -> Entity | None:
        return await load_entity(info, self.metric_id) if self.metric_id else None
