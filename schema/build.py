"""The schema object: the root types, the limits, and error logging that suits a server."""

from __future__ import annotations

from graphql import GraphQLError
from strawberry import Schema
from strawberry.types import ExecutionContext

from .compiled_extension import compiled_execution
from .cost import cost_limit, read_budget
from .limits import QUERY_TIME_LIMIT_S, build_extensions, log_errors
from .mutation import Mutation
from .query import Query
from .response_cache import DEFAULT_RESPONSE_CACHE, response_cache
from .subscription import Subscription
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


def build_schema(max_cost: int | None = None, time_limit: float | None = QUERY_TIME_LIMIT_S,
                 response_cache_size: int = DEFAULT_RESPONSE_CACHE, compiled: bool = True) -> Schema:
    """The paperkg GraphQL schema, with its depth, alias, token, cost and time limits and error masking.

    Args:
        max_cost: the query cost budget (schema/cost.py); None reads $PAPERKG_MAX_COST.
        time_limit: seconds a query or mutation may run (schema/time_limit.py); None for no limit.
        response_cache_size: answers remembered per graph (schema/response_cache.py); 0 for none.
        compiled: run queries as compiled plans where they answer as graphql-core would
            (schema/compiled.py); False leaves every query to graphql-core.
    """
    schema = PaperkgSchema(query=Query, mutation=Mutation, subscription=Subscription,
                           extensions=[*build_extensions(), cost_limit(read_budget(max_cost)),
                                       response_cache(response_cache_size), compiled_execution(compiled)])
    schema.time_limit = time_limit
    return schema
