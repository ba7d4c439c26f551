"""The Relay `Node` interface and the ids it uses: the path of the node's RDF IRI.

`graph/rdf.py` names a paper `{base}paper/{id}` and an entity `{base}entity/{id}`; the
GraphQL id is that IRI without its base (`paper/2406.12345`, `entity/rewardbench`), so
one identity serves both. Fields that take an id also take the bare id (`2406.12345`).
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

KINDS = ("paper", "entity")


@strawberry.interface(description="An object with a global id: `paper/ID` or `entity/ID`, the path of "
                                  "its RDF IRI.")
class Node:
    id: strawberry.ID


def node_path(kind: str, ident: str) -> strawberry.ID:
    """The global id of a paper or entity: "paper/2406.12345"."""
    return strawberry.ID(f"{kind}/{ident}")


def split_node_id(node_id: str) -> tuple[str, str]:
    """A global id as (kind, bare id).

    Raises:
        GraphQLError: the id does not start with `paper/` or `entity/`.
    """
    kind, _, ident = node_id.partition("/")
    if kind not in KINDS or not ident:
        raise GraphQLError(
            f"{node_id!r} is not a node id; ids look like paper/2406.12345 or entity/rewardbench "
            "(the `id` field of a Paper or Entity)"
        )
    return kind, ident


def bare_id(node_id: str, kind: str) -> str:
    """The bare id of a paper or entity given either its global id or the bare id itself."""
    prefix = f"{kind}/"
    return node_id[len(prefix):] if node_id.startswith(prefix) else node_id
