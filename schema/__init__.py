"""paperkg's GraphQL schema: the read side of the knowledge graph, one module a noun.

`build_schema()` returns the strawberry schema that both the HTTP API (`paperkg.api.app`)
and `paperkg query` (`execute_query`) run. The schema reads the graph stage only.
"""

from .build import PaperkgSchema, build_schema
from .context import Context, build_context, context_of
from .execute import execute_query
from .limits import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from .pagination import MAX_PAGE_SIZE

__all__ = [
    "MAX_ALIASES", "MAX_DEPTH", "MAX_PAGE_SIZE", "MAX_TOKENS",
    "Context", "PaperkgSchema", "build_context", "build_schema", "context_of", "execute_query",
]
