"""Running a compiled operation (schema/compiled.py) on one request's variables and context.

Fields are read or resolved object by object; what a resolver returns as an awaitable keeps
its place in the answer and is gathered with every other pending one of its wave, so that
a request's DataLoaders are asked for all their keys in the same tick, as under
graphql-core. Anything that goes wrong makes the run step aside (`StepAside`), closing the
awaitables it will not await; graphql-core then executes the request.
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable

from graphql import GraphQLResolveInfo
from graphql.execution.values import get_argument_values, get_variable_values
from graphql.pyutils import Path
from graphql.type.definition import GraphQLResolveInfoHelpers

from .compiled import CompiledOperation, FieldPlan, PathLink, StepAside


class Run:
    """One execution of a compiled operation: its variables, context and pending awaitables."""

    def __init__(self, compiled: CompiledOperation, variables, context, root_value, is_awaitable):
        self.compiled, self.context, self.root_value = compiled, context, root_value
        self.variables = variables
        self.is_awaitable = is_awaitable
        self.pending: list[tuple[dict, str, Any, Callable, PathLink]] = []
        self.helpers = GraphQLResolveInfoHelpers(gather=_gather_all, track=self._track)
        self.tracked: list[Any] = []

    def execute_object(self, plans: list[FieldPlan], source: Any, path: PathLink | None) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for plan in plans:
            if plan.field_def is None:
                result[plan.key] = plan.complete(source, self, path)
                continue
            field_path = (path, plan.key, plan.parent_type.name)
            if plan.read is not None:
                value = plan.read(source)
            else:
                value = self._call_resolver(plan, source, field_path)
            if self.is_awaitable(value):
                result[plan.key] = None  # keeps the key's place; filled when the wave is gathered
                self.pending.append((result, plan.key, value, plan.complete, field_path))
            else:
                result[plan.key] = plan.complete(value, self, field_path)
        return result

    def _call_resolver(self, plan: FieldPlan, source: Any, path: PathLink) -> Any:
        if plan.call is not None:
            return plan.call(source, self.resolve_info(plan, path))
        args = plan.static_args
        if args is None:
            args = get_argument_values(plan.field_def, plan.field_nodes[0], self.variables)
        return plan.field_def.resolve(source, self.resolve_info(plan, path), **args)

    def resolve_info(self, plan: FieldPlan, path: PathLink) -> GraphQLResolveInfo:
        """The info graphql-core would pass to the field's resolver."""
        return GraphQLResolveInfo(
            plan.field_nodes[0].name.value, plan.field_nodes, plan.field_def.type, plan.parent_type, to_path(path),
            self.compiled.schema, self.compiled.fragments, self.root_value, self.compiled.operation,
            self.variables, self.context, self.is_awaitable, None, self.helpers,
        )

    async def settle(self) -> None:
        """Await the pending values a wave at a time, completing each into its place."""
        while self.pending:
            wave, self.pending = self.pending, []
            values = await _settle_wave([item[2] for item in wave])
            for (container, key, _, complete, path), value in zip(wave, values):
                container[key] = complete(value, self, path)
        if self.tracked:
            await asyncio.gather(*self.tracked)

    def discard(self) -> None:
        """Close awaitables that will not be awaited, so that none warns it never was."""
        for item in self.pending:
            close = getattr(item[2], "close", None)
            if close is not None:
                close()
        self.pending = []

    def _track(self, values) -> None:
        self.tracked.extend(value for value in values if self.is_awaitable(value))


async def _settle_wave(awaitables: list) -> list:
    """The values of a wave of awaitables, run together so that their loads batch.

    One awaitable is awaited in place: a task for it would only cost a round of the loop.
    """
    if len(awaitables) == 1:
        return [await awaitables[0]]
    values = await asyncio.gather(*awaitables, return_exceptions=True)
    for value in values:
        if isinstance(value, BaseException):
            raise StepAside("a resolver raised") from value
    return values


def to_path(link: PathLink | None) -> Path | None:
    """graphql-core's Path of a path of plain tuples."""
    if link is None:
        return None
    previous, key, typename = link
    return Path(to_path(previous), key, typename)


async def _gather_all(values):
    return list(await asyncio.gather(*values))


async def execute_compiled(
    compiled: CompiledOperation, variables: dict[str, Any] | None, context: Any, root_value: Any,
    is_awaitable: Callable[[Any], bool],
) -> dict[str, Any]:
    """The `data` of the operation, exactly as graphql-core would give it; StepAside when it cannot."""
    coerced = get_variable_values(compiled.schema, compiled.operation.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        raise StepAside("variables do not coerce")
    run = Run(compiled, coerced, context, root_value, is_awaitable)
    try:
        data = run.execute_object(compiled.root_plans, root_value, None)
        await run.settle()
    except StepAside:
        run.discard()
        raise
    except Exception as exc:  # a resolver's error: graphql-core reports it with its path
        run.discard()
        raise StepAside(f"{type(exc).__name__}") from exc
    return data


__all__ = ["Run", "execute_compiled", "to_path"]
