"""The schema extension that runs compiled plans (schema/compiled.py) in place of graphql-core.

It comes after the response cache: an answer from the cache is not executed at all. For
every other query whose document compiles, it runs the plan and hands strawberry the result,
which then skips graphql-core's execution, the way the response cache does. When the plan
steps aside (an error, a null where the schema says non-null, a document it does not
compile), it leaves the result unset and graphql-core executes as always.
"""

from __future__ import annotations

import logging
import threading

from graphql import ExecutionResult
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.extensions.base_extension import SchemaExtension
from strawberry.types.graphql import OperationType

from .compiled import CompiledOperations, StepAside
from .compiled_run import execute_compiled

log = logging.getLogger(__name__)


def compiled_execution(enabled: bool = True) -> type[SchemaExtension]:
    """An extension class with its own store of compiled documents; `enabled=False` never runs plans."""
    operations = CompiledOperations()
    lock = threading.Lock()

    class CompiledExecution(SchemaExtension):
        compiled_operations = operations

        async def on_execute(self):
            context = self.execution_context
            if enabled and context.result is None and context.operation_type is OperationType.QUERY:
                with lock:
                    compiled = operations.get(context.schema, context.query,
                                              context.graphql_document, context.operation_name)
                if compiled is not None:
                    try:
                        data = await execute_compiled(compiled, context.variables, context.context,
                                                      context.root_value, optimized_is_awaitable)
                    except StepAside as reason:
                        log.debug("compiled plan stepped aside (%s); graphql-core executes", reason)
                    else:
                        context.result = ExecutionResult(data=data)
            yield

    return CompiledExecution


__all__ = ["compiled_execution"]
