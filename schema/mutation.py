"""Mutations: `ingest` and `deletePaper`, behind an API key.

The key is `PAPERKG_API_KEY` in the server's environment; clients send it as
`Authorization: Bearer KEY` or `X-API-Key: KEY`. It is compared in constant time, and a
refusal says only "unauthorized". With no key set, mutations are off and say so. What a
mutation writes is in the graph before it answers (`KnowledgeGraph.refresh`).
"""

from __future__ import annotations

import asyncio
import hmac
import os

import strawberry
from graphql import GraphQLError


from .context import context_of
from .node import bare_id, node_path

API_KEY_ENV = "PAPERKG_API_KEY"
UNAUTHORIZED = "unauthorized"
MUTATIONS_OFF = (f"mutations are off on this server: it was started without an API key; "
                 f"set {API_KEY_ENV} in its environment and send the key as `Authorization: Bearer KEY`")


def presented_key(info: strawberry.Info) -> str | None:
    """The key a request carries, from `Authorization: Bearer` or `X-API-Key`."""
    request = info.context.get("request")
    headers = getattr(request, "headers", None) or {}
    bearer = headers.get("authorization", "")
    if bearer[:7].lower() == "bearer ":
        return bearer[7:].strip()
    return headers.get("x-api-key")


def require_api_key(info: strawberry.Info) -> None:
    """Raise unless the request carries this server's API key.

    Raises:
        GraphQLError: "unauthorized", or that mutations are off when no key is set.
    """
    expected = os.environ.get(API_KEY_ENV, "")
    if not expected:
        raise GraphQLError(MUTATIONS_OFF)
    given = presented_key(info) or ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise GraphQLError(UNAUTHORIZED)


@strawberry.type(description="What an `ingest` did.")
class IngestResult:
    added: int = strawberry.field(description="Papers new to the graph.")
    updated: int = strawberry.field(description="Papers whose record changed.")
    unchanged: int = strawberry.field(description="Papers already stored as given.")
    paper_ids: list[strawberry.ID] = strawberry.field(description="Ids of the papers written (`paper/ID`).")
    problems: list[str] = strawberry.field(description="One line per record or input that was skipped.")


@strawberry.type(description="Writes; each needs the server's API key.")
class Mutation:
    @strawberry.mutation(description="Read papers from `text` (a Daily Papers page, arXiv JSON Lines, or "
                                     "JSON or CSV records with a title and an abstract; `format` daily-papers, "
                                     "arxiv-jsonl, arxiv-snapshot, json or csv, detected when omitted), "
                                     "extract what they use and store them.")
    async def ingest(self, info: strawberry.Info, text: str, format: str | None = None) -> IngestResult:
        require_api_key(info)
        kg = context_of(info).kg
        done = await asyncio.to_thread(kg.ingest_text, text, format)
        kg.refresh()  # on the loop thread, where resolvers read the graph
        return IngestResult(added=done.added, updated=done.updated, unchanged=done.unchanged,
                            paper_ids=[node_path("paper", pid) for pid in done.paper_ids],
                            problems=done.problems)

    @strawberry.mutation(description="Delete a paper with its mentions and results; false when there "
                                     "was no paper with this id.")
    async def delete_paper(self, info: strawberry.Info, id: strawberry.ID) -> bool:
        require_api_key(info)
        kg = context_of(info).kg
        deleted = await asyncio.to_thread(kg.delete_paper, bare_id(id, "paper"))
        kg.refresh()  # on the loop thread, where resolvers read the graph
        return deleted
