"""A plain read-only JSON route beside GraphQL: `GET /rest/paper/{id}`.

It answers with the paper (its year, venue and DOI too), its entities and its mentions, the very JSON that GraphQL gives
for `PAPER_QUERY` under `data.paper`, serialised with orjson. It is there for clients
that want one paper page without a GraphQL library, and as the yardstick of
`bench/api_latency.py`: the same answer with no GraphQL machinery in between.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import FastAPI, HTTPException
from fastapi.responses import Response

from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.records import Entity, Mention
from paperkg.schema.node import bare_id, node_path

REST_PAPER_PATH = "/rest/paper/{paper_id:path}"

# The GraphQL query whose `data.paper` the route returns, field for field.
PAPER_QUERY = """query($id: ID!) { paper(id: $id) { id title date year venue doi
  entities { id name type paperCount }
  mentions { text field start end type role confidence entity { id name } } } }"""


def paper_page(kg: KnowledgeGraph, paper_id: str) -> dict[str, Any] | None:
    """The paper (global or bare id) with its entities (most mentioned first) and mentions, as JSON-ready dicts.

    Returns:
        The dict, or None when the graph holds no such paper.
    """
    paper_id = bare_id(paper_id, "paper")
    paper = kg.paper(paper_id)
    if paper is None:
        return None
    uses = kg.entity_uses([paper_id])[paper_id]
    mentions = kg.mentions_of([paper_id]).get(paper_id, [])
    entities = kg.entities([u.entity_id for u in uses] + [m.entity_id for m in mentions])
    counts = kg.paper_counts([u.entity_id for u in uses])
    return {
        "id": node_path("paper", paper.id), "title": paper.title, "date": paper.date.isoformat() if paper.date else None,
        "year": paper.publication_year, "venue": paper.venue, "doi": paper.doi,
        "entities": [_entity_json(entities[u.entity_id], counts[u.entity_id])
                     for u in uses if u.entity_id in entities],
        "mentions": [_mention_json(m, entities[m.entity_id]) for m in mentions if m.entity_id in entities],
    }


def _entity_json(entity: Entity, paper_count: int) -> dict[str, Any]:
    return {"id": node_path("entity", entity.id), "name": entity.name, "type": entity.type.value, "paperCount": paper_count}


def _mention_json(mention: Mention, entity: Entity) -> dict[str, Any]:
    return {
        "text": mention.text, "field": mention.field, "start": mention.start, "end": mention.end,
        "type": mention.type.value, "role": mention.role.value, "confidence": mention.confidence,
        "entity": {"id": node_path("entity", entity.id), "name": entity.name},
    }


def install_rest_routes(app: FastAPI, kg: KnowledgeGraph) -> None:
    """Add `GET /rest/paper/{id}` to `app`."""

    @app.get(REST_PAPER_PATH, response_class=Response, tags=["rest"])
    def rest_paper(paper_id: str) -> Response:
        """A paper with its entities and mentions: GraphQL's `paper(id)` answer, as plain JSON.

        404 (in the error shape of every route) when there is no such paper.
        """
        page = paper_page(kg, paper_id)
        if page is None:
            raise HTTPException(404, f"no paper with id {paper_id!r}; list ids with "
                                     "`{ papers { edges { node { id } } } }` at /graphql")
        return Response(orjson.dumps(page), media_type="application/json")


__all__ = ["PAPER_QUERY", "REST_PAPER_PATH", "install_rest_routes", "paper_page"]
