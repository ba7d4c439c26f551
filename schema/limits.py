"""What a query may cost, and which errors a client may read.

Depth, alias and token limits reject abusive documents during validation, before any
resolver runs (strawberry's extensions; 0.315.7 or later closes an alias-limit bypass,
CVE-2026-47707). Errors from resolvers are masked unless they were raised on purpose:
GraphQL's own errors (bad arguments, validation) and paperkg's `PaperkgError`s carry
messages written for users; anything else is a bug whose text may leak internals.
"""

from __future__ import annotations

import logging

from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules, MaskErrors, MaxTokensLimiter, ParserCache,
)
from strawberry.extensions import max_aliases, query_depth_limiter
from strawberry.extensions.base_extension import SchemaExtension
from strawberry.schema.schema import validate_document

from paperkg.graph.errors import PaperkgError

log = logging.getLogger(__name__)

# The deepest useful query is about 8: papers > edges > node > entities > papers > edges > node > title.
MAX_DEPTH = 10
MAX_ALIASES = 15
# The full introspection query GraphiQL sends is under 200 tokens; 2000 leaves room for real queries.
MAX_TOKENS = 2000
MASKED_MESSAGE = "Unexpected error; the server log has the details."
# The most bytes an HTTP request body, a GraphQL document or its variables may hold.
MAX_REQUEST_BYTES = 1_000_000
# The most seconds one query may run; it is stopped with an error after that.
QUERY_TIME_LIMIT_S = 10.0


def is_user_facing(error: GraphQLError) -> bool:
    """True when an error's message was written for the client to read.

    An error with no original exception comes from parsing or validation; one whose
    original is a GraphQLError or a PaperkgError was raised on purpose by a resolver.
    """
    original = error.original_error
    return original is None or isinstance(original, (GraphQLError, PaperkgError))


def should_mask_error(error: GraphQLError) -> bool:
    return not is_user_facing(error)


# The depth and alias rules are made once: strawberry's limiter extensions make a new rule
# class per request, and a validation rule set that differs each time defeats the
# validation cache (whose key holds the rules) -- validating was 40% of a paper query.
DEPTH_RULE = query_depth_limiter.create_validator(MAX_DEPTH, should_ignore=None)
ALIAS_RULE = max_aliases.create_validator(MAX_ALIASES)
# Distinct query texts whose parse and validation are remembered (an LRU each, shared by
# every request); bounded so that a stream of unique queries cannot grow memory.
QUERY_CACHE_SIZE = 512


class DepthLimit(AddValidationRules):
    def __init__(self) -> None:
        super().__init__([DEPTH_RULE])


class AliasLimit(AddValidationRules):
    def __init__(self) -> None:
        super().__init__([ALIAS_RULE])


class CachedParse(ParserCache):
    def __init__(self) -> None:
        super().__init__(maxsize=QUERY_CACHE_SIZE)


class CachedValidation(SchemaExtension):
    """Validation remembered by query text and rule set: the same document validates once.

    strawberry's `ValidationCache` keys on the parsed document, whose hash walks the whole
    tree on every request; the text the parse cache is keyed on says the same, in one hash.
    """

    _results: dict[tuple, list[GraphQLError]] = {}

    def on_validate(self):
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            key = (context.schema._schema, context.query, tuple(context.validation_rules))
            errors = self._results.get(key)
            if errors is None:
                errors = validate_document(context.schema._schema, context.graphql_document,
                                           context.validation_rules)
                if len(self._results) >= QUERY_CACHE_SIZE:
                    self._results.pop(next(iter(self._results)))  # the oldest: a bound, not an LRU
                self._results[key] = errors
            context.pre_execution_errors = errors
        yield


class TokenLimit(MaxTokensLimiter):
    def __init__(self) -> None:
        super().__init__(max_token_count=MAX_TOKENS)


class MaskUnexpectedErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask_error, error_message=MASKED_MESSAGE)


def build_extensions() -> list[type[SchemaExtension]]:
    """The extensions every paperkg schema runs with, limits first, then the caches.

    The caches come after the limits: the token limit is a parse option and the depth
    and alias rules are validation rules, so both are part of what the caches key on.

    Classes, not instances: strawberry makes a fresh one per request, so concurrent
    requests never share an extension's state (strawberry issue #4369).
    """
    return [DepthLimit, AliasLimit, TokenLimit, CachedParse, CachedValidation, MaskUnexpectedErrors]


def log_errors(errors: list[GraphQLError]) -> None:
    """Log a query's errors: bugs with their traceback, the client's mistakes quietly."""
    for error in errors:
        if is_user_facing(error):
            log.debug("query error: %s", error.message)
        else:
            original = error.original_error
            log.error("resolver failed at %s: %s", error.path, error.message,
                      exc_info=(type(original), original, original.__traceback__))
