"""Stop a query that runs longer than its time limit, with an error that says so.

The limit wraps `Schema.execute`, which both the HTTP endpoint and `paperkg query` call.
The query is cancelled at its next await (every DataLoader load is one), so a query that
fans out over many papers stops near the limit; the client gets GraphQL's own error shape.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from graphql import ExecutionResult, GraphQLError


def timeout_message(limit: float) -> str:
    return (f"the query was stopped after {limit:g} s, the time limit; ask for fewer items "
            "(a smaller first:) or fewer nested fields, and page with after:")


async def run_within(execution: Awaitable[ExecutionResult], limit: float | None) -> ExecutionResult:
    """The result of `execution`, or one error result when it takes more than `limit` seconds."""
    if limit is None:
        return await execution
    try:
        return await asyncio.wait_for(execution, limit)
    except TimeoutError:
        return ExecutionResult(data=None, errors=[GraphQLError(timeout_message(limit))])
