"""The schema object: the root Query, the limits, and error logging that suits a server."""

from __future__ import annotations

from graphql import GraphQLError
from strawberry import Schema
from strawberry.types import ExecutionContext

from .limits import build_extensions, log_errors
from .query import Query


class PaperkgSchema(Schema):
    """A strawberry Schema that logs resolver bugs with tracebacks and client mistakes quietly.

    strawberry's default logs every error, a client's typo included, at ERROR level.
    """

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        log_errors(errors)


def build_schema() -> Schema:
    """The paperkg GraphQL schema, with its depth, alias and token limits and error masking."""
    return PaperkgSchema(query=Query, extensions=build_extensions())
