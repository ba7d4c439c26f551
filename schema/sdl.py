"""The schema as SDL text: what `paperkg schema` prints and `schema.graphql` holds.

The checked-in `schema.graphql` at the repository root is compared with this text by
`tests/test_schema_sdl.py`, so every change to the schema shows in review. Regenerate it
with `.venv/bin/paperkg schema -o schema.graphql` (or `make schema`).
"""

from __future__ import annotations

from .execute import shared_schema


def print_sdl() -> str:
    """The SDL of paperkg's GraphQL schema, ending with one newline."""
    return shared_schema().as_str().rstrip("\n") + "\n"
