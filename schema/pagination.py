"""Relay-style connections over offset-paged lists, with opaque cursors.

A cursor is the base64 of "<kind>:<position>", position counted from 0 in the list's
order; `after: cursor` starts the next page at position + 1. The store pages by offset,
so the cursor only hides that offset from clients (the Relay connection spec,
https://relay.dev/graphql/connections.htm). `first` above `MAX_PAGE_SIZE` is an error
rather than a silent clamp, as GitHub's GraphQL API does: a client asking for 500 and
getting 100 would think it had everything.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import strawberry
from graphql import GraphQLError

MAX_PAGE_SIZE = 100

NodeType = TypeVar("NodeType")


@strawberry.type(description="Where a page sits in its list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="One node of a page and the cursor that points at it.")
class Edge(Generic[NodeType]):
    node: NodeType
    cursor: str


@strawberry.type(description="A page of a list: its edges, where it sits, and the list's length.")
class Connection(Generic[NodeType]):
    edges: list[Edge[NodeType]]
    page_info: PageInfo
    total_count: int


@dataclass(frozen=True)
class Page:
    """The slice of a list a connection asks for: `limit` items from `offset`."""

    kind: str
    offset: int
    limit: int


def encode_cursor(kind: str, position: int) -> str:
    return base64.b64encode(f"{kind}:{position}".encode()).decode("ascii")


def decode_cursor(kind: str, cursor: str) -> int:
    """The position a cursor of a `kind` list points at.

    Raises:
        GraphQLError: the cursor was not made by a `kind` list.
    """
    try:
        text = base64.b64decode(cursor.encode("ascii"), validate=True).decode("ascii")
        prefix, position = text.split(":", 1)
        if prefix == kind and position.isdigit():
            return int(position)
    except (UnicodeError, ValueError, binascii.Error):
        pass
    raise GraphQLError(
        f"after: {cursor!r} is not a cursor of a {kind} list; pass the pageInfo.endCursor "
        "(or an edge's cursor) of an earlier page of the same list"
    )


def check_first(first: int, argument: str = "first") -> int:
    """`first` if it is a page size we serve, else a GraphQL error saying what is."""
    if first < 0 or first > MAX_PAGE_SIZE:
        raise GraphQLError(
            f"{argument}: {first} is out of range; ask for 0 to {MAX_PAGE_SIZE} items and "
            "page on with `after: pageInfo.endCursor`"
        )
    return first


def read_page(kind: str, first: int, after: str | None) -> Page:
    """Turn the Relay arguments `first` and `after` into an offset and a limit."""
    limit = check_first(first)
    offset = decode_cursor(kind, after) + 1 if after else 0
    return Page(kind, offset, limit)


def build_connection(page: Page, nodes: Sequence[NodeType], total: int) -> Connection[NodeType]:
    """The connection for `nodes`, the items of the list at `page.offset` onwards."""
    edges = [Edge(node=node, cursor=encode_cursor(page.kind, page.offset + i))
             for i, node in enumerate(nodes)]
    page_info = PageInfo(
        has_next_page=page.offset + len(edges) < total,
        has_previous_page=page.offset > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page_info, total_count=total)
