"""What the whole extractor says one paper does with each name: the role tests' shared reading."""

from __future__ import annotations

from paperkg.graph.records import Paper, Role


def named_with_role(extractor, title: str, abstract: str, role: Role) -> set[str]:
    """The entity names a paper gives `role` (its strongest role over its mentions)."""
    extraction = next(iter(extractor.extract([Paper("p", title, abstract)])))
    names = {e.id: e.name for e in extraction.entities}
    return {names[m.entity_id] for m in extraction.mentions if m.role is role}


def introduced(extractor, title: str, abstract: str) -> set[str]:
    """The entity names a paper introduces."""
    return named_with_role(extractor, title, abstract, Role.INTRODUCES)
