"""What a browser frontend needs from the server: CORS, cacheable GET answers, persisted queries.

- CORS: off unless origins are given (`paperkg serve --cors-origin URL`, repeatable); the
  same origins may open the subscription WebSocket.
- GET /graphql answers carry an ETag (a hash of the body); a request whose If-None-Match
  holds it gets 304 with no body. The body changes when the graph does, so the tag does too.
- Automatic persisted queries and the allow-list mode (api/persisted.py), on GET and POST.
- A batched request (a JSON list of operations) is refused with one clear error.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.middleware.cors import CORSMiddleware

from paperkg.schema.cost import read_budget
from paperkg.schema.response_cache import DEFAULT_RESPONSE_CACHE

from .persisted import PersistedQueries, PersistedQueryProblem, read_allow_list

try:  # strawberry moved its transport errors to cross_web in 2025
    from cross_web import HTTPException as TransportError
except ImportError:  # pragma: no cover - older strawberry
    from strawberry.http.exceptions import HTTPException as TransportError

BATCH_REFUSED = ("batched requests (a JSON list of operations) are not accepted; "
                 "send one operation per request, as a JSON object")


@dataclass(frozen=True)
class ServeOptions:
    """How `paperkg serve` was asked to serve; the defaults are the safe ones."""

    cors_origins: tuple[str, ...] = ()
    allow_list: str | Path | None = None
    max_cost: int | None = None
    response_cache: int = DEFAULT_RESPONSE_CACHE

    def check(self) -> None:
        """Raise QueryError for a bad allow-list file or cost budget."""
        self.persisted_queries()
        read_budget(self.max_cost)

    def persisted_queries(self) -> PersistedQueries:
        return PersistedQueries(read_allow_list(self.allow_list) if self.allow_list else None)


class ProtocolMixin:
    """For strawberry's router: APQ and the allow-list on every request, batches refused,
    and WebSocket handshakes accepted from the CORS origins."""

    persisted: PersistedQueries
    cors_origins: tuple[str, ...] = ()

    async def run(self, request, *args, **kwargs):  # noqa: D102 - see GraphQLRouter.run
        try:
            return await super().run(request, *args, **kwargs)
        except PersistedQueryProblem as problem:
            return JSONResponse(problem.body())

    async def parse_http_body(self, request):  # noqa: D102
        try:
            data = await super().parse_http_body(request)
        except TransportError as exc:
            if "Batching" in str(exc.reason):
                raise TransportError(400, BATCH_REFUSED) from exc
            raise
        data.query = self.persisted.resolve(data.query, data.extensions)
        return data

    def is_websocket_origin_allowed(self, request, origin: str) -> bool:  # noqa: D102
        return origin in self.cors_origins


def install_cors(app: FastAPI, origins: tuple[str, ...]) -> None:
    """Let pages from `origins` call the API (none when empty: browsers then refuse)."""
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(origins), allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "Authorization", "X-API-Key"],
                           expose_headers=["ETag"], max_age=600)


class ETagMiddleware:
    """GET answers on `path` get an ETag; a matching If-None-Match gets 304 and no body."""

    def __init__(self, app, path: str):
        self.app, self.path = app, path

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].rstrip("/") != self.path:
            return await self.app(scope, receive, send)
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def buffer(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    await self.finish(scope, send, start, b"".join(chunks))
            else:
                await send(message)

        await self.app(scope, receive, buffer)

    @staticmethod
    async def finish(scope, send, start: dict, body: bytes) -> None:
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"etag", b"cache-control")]
        status = start.get("status", 200)
        if status == 200:
            tag = b'"' + hashlib.sha256(body).hexdigest()[:32].encode() + b'"'
            headers += [(b"etag", tag), (b"cache-control", b"no-cache")]
            wanted = dict(scope["headers"]).get(b"if-none-match", b"")
            if tag in [t.strip().removeprefix(b"W/") for t in wanted.split(b",")]:
                kept = [(k, v) for k, v in headers if k.lower() != b"content-length"]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
