"""Refuse HTTP requests bigger than the limit before any of the app sees them.

An ASGI middleware: a request whose declared or actual body, or whose query string (a
GraphQL GET carries its document and variables there), is over `MAX_REQUEST_BYTES` gets
413 in the shared error shape. The body is read here, at most one limit's worth, and
handed on whole; so a 50 MB body is never read into memory, whatever Content-Length says.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from paperkg.schema.limits import MAX_REQUEST_BYTES

Scope = dict[str, Any]
Message = dict[str, Any]


class BodyLimit:
    """ASGI middleware: 413 for a request over `limit` bytes of body or query string.

    Args:
        app: the ASGI app to protect.
        error_body: makes the JSON error body, `api.app.error_body(status, detail)`.
        limit: the most bytes a body (or query string) may hold.
    """

    def __init__(self, app, error_body: Callable[[int, str], dict], limit: int = MAX_REQUEST_BYTES):
        self.app = app
        self.error_body = error_body
        self.limit = limit

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.limit:
            await self._refuse(send, "the query string")
            return
        declared = dict(scope.get("headers", ())).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send, "the request body")
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(send, "the request body")
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(messages, receive), send)

    async def _refuse(self, send, what: str) -> None:
        detail = (f"{what} is over the limit of {self.limit:,} bytes; send a smaller GraphQL "
                  "document and variables (page with first/after instead of asking for everything)")
        body = json.dumps(self.error_body(413, detail)).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _replay(messages: list[Message], receive):
    """A `receive` that gives the buffered messages first, then the real ones."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
