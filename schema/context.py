"""The per-request GraphQL context: the KnowledgeGraph and a fresh set of loaders.

The context is a dict with one key, so that strawberry's FastAPI router can merge it with
its own `request` and `response` entries; `context_of(info)` is how resolvers reach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import strawberry

from paperkg.graph.kg import KnowledgeGraph

from .loaders import Loaders

CONTEXT_KEY = "paperkg"


@dataclass(frozen=True)
class Context:
    """What every resolver of one request shares."""

    kg: KnowledgeGraph
    loaders: Loaders


def build_context(kg: KnowledgeGraph) -> dict[str, Any]:
    """A new context for one request: loaders never outlive the request they batch for."""
    return {CONTEXT_KEY: Context(kg=kg, loaders=Loaders(kg))}


def context_of(info: strawberry.Info) -> Context:
    return info.context[CONTEXT_KEY]
