"""Answers remembered for the graph as it is: the same query with the same variables runs once.

A frontend asks the same few queries over and over (the first page of papers on its home
page, a popular paper's page). An answer depends only on the document, its operation, its
variables and the graph's state, so it is kept under those, with the graph's state as
`KnowledgeGraph.change_seq`: every ingest, deletion or corpus step that touches a paper
moves the sequence, and from then on the old answers are never served (they age out).

Only queries are remembered (never mutations or subscriptions), and only answers without
errors. The limits still run on every request: parsing, validation and the cost are
checked before the cache is asked, so a document refused once is refused every time.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

import orjson
from graphql import ExecutionResult
from strawberry.extensions.base_extension import SchemaExtension
from strawberry.types.graphql import OperationType

from .context import CONTEXT_KEY

DEFAULT_RESPONSE_CACHE = 256


class ResponseCache:
    """At most `size` answers, the least recently used dropped first; safe across threads."""

    def __init__(self, size: int = DEFAULT_RESPONSE_CACHE):
        self.size = size
        self._answers: OrderedDict[tuple, ExecutionResult] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> ExecutionResult | None:
        with self._lock:
            answer = self._answers.get(key)
            if answer is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return answer

    def put(self, key: tuple, answer: ExecutionResult) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)

    def __len__(self) -> int:
        return len(self._answers)


def answer_key(query: str | None, operation_name: str | None, variables: dict[str, Any] | None,
               change_seq: int) -> tuple:
    """What an answer depends on: the document, its operation, its variables, the graph's state."""
    return (query, operation_name, orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS), change_seq)


def response_cache(size: int = DEFAULT_RESPONSE_CACHE) -> type[SchemaExtension]:
    """An extension class that answers repeated queries from memory (see the module docstring).

    Each KnowledgeGraph served gets a cache of `size` answers of its own (0: none), which
    goes when the graph does.
    """
    caches: weakref.WeakKeyDictionary[Any, ResponseCache] = weakref.WeakKeyDictionary()
    lock = threading.Lock()

    def cache_of(kg) -> ResponseCache:
        with lock:
            cache = caches.get(kg)
            if cache is None:
                cache = caches[kg] = ResponseCache(size)
            return cache

    class RememberAnswers(SchemaExtension):
        caches_by_graph = caches

        def on_execute(self):
            kg = self._graph()
            cache = cache_of(kg) if kg is not None else None
            key = self._key(kg) if cache is not None else None
            if key is not None and (answer := cache.get(key)) is not None:
                self.execution_context.result = answer  # strawberry then skips execution
                yield
                return
            yield
            answer = self.execution_context.result
            if key is not None and isinstance(answer, ExecutionResult) and not answer.errors:
                cache.put(key, answer)

        def _graph(self):
            """The request's KnowledgeGraph when the operation is a query and caching is on."""
            context = self.execution_context
            holder = context.context
            paperkg = holder.get(CONTEXT_KEY) if isinstance(holder, dict) else None
            if size <= 0 or paperkg is None or context.operation_type is not OperationType.QUERY:
                return None
            return paperkg.kg

        def _key(self, kg) -> tuple:
            context = self.execution_context
            return answer_key(context.query, context.operation_name, context.variables, kg.change_seq)

    return RememberAnswers
