"""Run a GraphQL query in-process, as `paperkg query` does: no server, same schema."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
from functools import cache
from typing import Any

from strawberry import Schema
from strawberry.schema.exceptions import CannotGetOperationTypeError

from paperkg.graph.errors import QueryError
from paperkg.graph.kg import KnowledgeGraph

from .build import build_schema
from .context import build_context
from .limits import MAX_REQUEST_BYTES


@cache
def shared_schema() -> Schema:
    """One schema per process: building it walks every type, so do it once."""
    return build_schema()


def execute_query(
    kg: KnowledgeGraph,
    query: str,
    variables: dict[str, Any] | None = None,
    operation_name: str | None = None,
) -> dict[str, Any]:
    """Run `query` against `kg` and return the JSON result, as the HTTP endpoint would.

    Args:
        kg: the knowledge graph to read.
        query: a GraphQL document.
        variables: values of the document's variables, a JSON object.
        operation_name: which operation to run when the document holds several.

    Returns:
        {"data": ...} and, when anything went wrong, "errors": [{"message", "locations", "path"}].

    Raises:
        QueryError: there is no query to run, or `variables` is not a JSON object.
    """
    if not query or not query.strip():
        raise QueryError("the query is empty; pass a GraphQL document such as '{ papers { totalCount } }'")
    if variables is not None and not isinstance(variables, dict):
        raise QueryError(
            f"--variables must be a JSON object such as '{{\"id\": \"2306.13575\"}}', not {json.dumps(variables)}"
        )
    check_request_size(query, variables)
    result = run_coroutine(_execute(kg, query, variables, operation_name))
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [error.formatted for error in result.errors]
    return body


def check_request_size(query: str, variables: dict[str, Any] | None) -> None:
    """Raise QueryError when the document or its variables are over `MAX_REQUEST_BYTES`."""
    for what, size in (("query", len(query.encode())), ("variables", len(json.dumps(variables or {}).encode()))):
        if size > MAX_REQUEST_BYTES:
            raise QueryError(f"the {what} is {size:,} bytes, over the limit of {MAX_REQUEST_BYTES:,}; "
                             "send a smaller document, paging with first/after")


async def _execute(kg: KnowledgeGraph, query: str, variables: dict | None, operation_name: str | None):
    # The context (and its loaders) is made inside the loop that will run the loads.
    try:
        return await shared_schema().execute(
            query, variable_values=variables, context_value=build_context(kg), operation_name=operation_name
        )
    except CannotGetOperationTypeError as exc:
        raise QueryError(
            f"cannot tell which operation to run ({exc.as_http_error_reason()}); "
            "send a document with one operation, or pass the name of one of its operations"
        ) from exc


def run_coroutine(coroutine):
    """Run a coroutine to completion from sync code, even where an event loop is running.

    Inside a running loop (a notebook, an async test) `asyncio.run` refuses, so the
    coroutine gets a loop of its own in a worker thread.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
