"""The schema object: the root Query, the limits, and error logging that suits a server."""

from __future__ import annotations

from graphql import GraphQLError
from strawberry import Schema
from strawberry.types import ExecutionContext

from .cost import cost_limit, read_budget
from .limits import build_extensions, log_errors
from .mutation import Mutation
from .query import Query
from .subscription import Subscription


class PaperkgSchema(Schema):
    """A strawberry Schema that logs resolver bugs with tracebacks and client mistakes quietly.

    strawberry's default logs every error, a client's typo included, at ERROR level.
    """

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        log_errors(errors)


def build_schema(max_cost: int | None = None) -> Schema:
    """The paperkg GraphQL schema, with its depth, alias, token and cost limits and error masking.

    Args:
        max_cost: the query cost budget (schema/cost.py); None reads $PAPERKG_MAX_COST.
    """
    return PaperkgSchema(query=Query, mutation=Mutation, subscription=Subscription,
                         extensions=[*build_extensions(), cost_limit(read_budget(max_cost))])
