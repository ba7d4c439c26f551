"""The schema object: the root Query, the limits, and error logging that suits a server."""

from __future__ import annotations

from graphql import GraphQLError
from strawberry import Schema
from strawberry.types import ExecutionContext

from .limits import QUERY_TIME_LIMIT_S, build_extensions, log_errors
from .query import Query
from .time_limit import run_within


class PaperkgSchema(Schema):
    """A strawberry Schema that logs resolver bugs with tracebacks and client mistakes quietly.

    strawberry's default logs every error, a client's typo included, at ERROR level.
    """

    time_limit: float | None = QUERY_TIME_LIMIT_S

    async def execute(self, *args, **kwargs):  # noqa: D102 - Schema.execute, under the time limit
        return await run_within(super().execute(*args, **kwargs), self.time_limit)

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        log_errors(errors)


def build_schema(time_limit: float | None = QUERY_TIME_LIMIT_S) -> Schema:
    """The paperkg GraphQL schema, with its depth, alias, token and time limits and error masking."""
    schema = PaperkgSchema(query=Query, extensions=build_extensions())
    schema.time_limit = time_limit
    return schema
