"""Automatic persisted queries (Apollo's protocol) and the allow-list mode.

APQ: a client sends `extensions.persistedQuery = {"version": 1, "sha256Hash": H}`, by GET
or POST, without the query. A server that knows H runs the query it stands for; one that
does not answers `PersistedQueryNotFound`, and the client sends the query with the hash
once, which the server checks and keeps (up to `APQ_CACHE_SIZE`, least recently used out).

Allow-list: `paperkg serve --allow-list FILE` runs only the queries in FILE, a JSON object
of name -> document or a JSON list of documents. A request may send such a document (any
whitespace or comments) or its hash; anything else is refused before it is parsed further.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from graphql import GraphQLError, parse, print_ast

from paperkg.graph.errors import QueryError

APQ_CACHE_SIZE = 1_000
NOT_FOUND = "PersistedQueryNotFound"
NOT_ALLOWED = "this server runs only registered queries (allow-list mode), and this one is not registered"


class PersistedQueryProblem(Exception):
    """A request the APQ or allow-list rules refuse; answered as a GraphQL error with a code."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code

    def body(self) -> dict[str, Any]:
        return {"data": None, "errors": [{"message": self.message, "extensions": {"code": self.code}}]}


def sha256_of(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


def normalized(query: str) -> str:
    """The document as graphql-core prints it: whitespace and comments do not matter."""
    return print_ast(parse(query))


class PersistedQueries:
    """The APQ cache and, when given, the allow-list; safe to share between requests."""

    def __init__(self, allowed: list[str] | None = None):
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self.allowed: set[str] | None = None
        if allowed is not None:
            self.allowed = {normalized(q) for q in allowed}
            for query in allowed:  # registered queries may be asked for by hash from the start
                self._cache[sha256_of(query)] = query
                self._cache[sha256_of(normalized(query))] = query

    def resolve(self, query: str | None, extensions: dict | None) -> str | None:
        """The query to run for a request's `query` and `extensions`.

        Raises:
            PersistedQueryProblem: unknown hash, a hash that does not match the query, or a
                query the allow-list does not hold.
        """
        persisted = (extensions or {}).get("persistedQuery")
        if isinstance(persisted, dict):
            digest = str(persisted.get("sha256Hash", "")).lower()
            if query is None:
                with self._lock:
                    query = self._cache.get(digest)
                    if query is not None:
                        self._cache.move_to_end(digest)
                if query is None:
                    raise PersistedQueryProblem(NOT_FOUND, "PERSISTED_QUERY_NOT_FOUND")
            elif sha256_of(query) != digest:
                raise PersistedQueryProblem(
                    "provided sha does not match query: persistedQuery.sha256Hash must be the hex "
                    "SHA-256 of the query text", "PERSISTED_QUERY_HASH_MISMATCH")
            else:
                self.remember(digest, query)
        if self.allowed is not None and query is not None and not self.is_allowed(query):
            raise PersistedQueryProblem(NOT_ALLOWED, "QUERY_NOT_ALLOWED")
        return query

    def is_allowed(self, query: str) -> bool:
        try:
            return normalized(query) in self.allowed
        except GraphQLError:
            return False

    def remember(self, digest: str, query: str) -> None:
        if self.allowed is not None and not self.is_allowed(query):
            return
        with self._lock:
            self._cache[digest] = query
            self._cache.move_to_end(digest)
            while len(self._cache) > APQ_CACHE_SIZE:
                self._cache.popitem(last=False)


def read_allow_list(path: str | Path) -> list[str]:
    """The documents of an allow-list file (a JSON object of name -> query, or a JSON list).

    Raises:
        QueryError: the file is missing, not JSON of that shape, or holds a query that does not parse.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise QueryError(f"cannot read the allow-list {path} ({exc}); give a JSON file such as "
                         '{"paperPage": "query ($id: ID!) { paper(id: $id) { title } }"}') from exc
    queries = list(data.values()) if isinstance(data, dict) else data
    if not isinstance(queries, list) or not all(isinstance(q, str) for q in queries):
        raise QueryError(f"the allow-list {path} must be a JSON object of name -> query text, or a list of queries")
    for n, query in enumerate(queries):
        try:
            parse(query)
        except GraphQLError as exc:
            raise QueryError(f"query {n + 1} of the allow-list {path} does not parse: {exc.message}") from exc
    return queries
