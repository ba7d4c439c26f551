"""Linked data on the web: dereferenceable IRIs, a SPARQL endpoint, dumps, the vocabulary.

- `GET /paper/{id}` and `GET /entity/{id}` answer by content negotiation (the `Accept`
  header, or `?format=ttl|nt|jsonld|xml|html`): Turtle, JSON-LD, N-Triples, RDF/XML, or an
  HTML page, the default for browsers. Unknown ids are 404 in the shared error body.
- `GET|POST /sparql`: read-only SPARQL 1.1 over the export (see `graph/rdf_sparql.py`).
- `GET /export.ttl`, `/export.nt`: the whole graph, streamed.
- `GET /ontology/paperkg.ttl`, `/ontology/context.jsonld`, `/ontology/shapes.ttl`.

The IRI base is `base` if given, else `$PAPERKG_BASE`, else the server's own address, so
IRIs in what it serves resolve against the server out of the box.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response, StreamingResponse

from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.ontology import CONTEXT_FILE, SHAPES_FILE, VOCABULARY_FILE
from paperkg.graph.rdf import MEDIA_TYPES, iter_rdf
from paperkg.graph.rdf_blocks import RDF_TYPE, RDFS, DCT, Block, Lit, resource_blocks
from paperkg.graph.rdf_iris import check_base
from paperkg.graph.rdf_sparql import SparqlEndpoint, SparqlError, SparqlTimeout, pick_media_type
from paperkg.graph.rdf_sparql_store import SparqlLoading
from paperkg.graph.rdf_writers import write_blocks

RESOURCE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/turtle": "turtle",
                  "application/ld+json": "json-ld", "application/n-triples": "nt",
                  "application/rdf+xml": "xml"}
FORMAT_PARAMS = {"html": "text/html", "ttl": "text/turtle", "turtle": "text/turtle",
                 "jsonld": "application/ld+json", "json-ld": "application/ld+json",
                 "nt": "application/n-triples", "xml": "application/rdf+xml", "rdf": "application/rdf+xml"}
# The HTML answer for browsers: (kind, id, request path, whether it exists) -> Response.
HtmlPage = Callable[[str, str, str, bool], Response]
SPARQL_FORMATS = {"json": "application/sparql-results+json", "csv": "text/csv",
                  "xml": "application/sparql-results+xml", "ttl": "text/turtle", "turtle": "text/turtle",
                  "nt": "application/n-triples"}


def _error(status: int, detail: str, headers: dict | None = None) -> Response:
    from .app import error_response  # app.py installs this module

    return error_response(status, detail, headers)


def install_linked_data(app: FastAPI, kg: KnowledgeGraph, base: str | None = None,
                        time_limit: float = 10.0, html_page: HtmlPage | None = None) -> None:
    """Add the linked-data routes of the module docstring to `app`.

    `html_page(kind, id, path, exists)` answers browsers (the explorer's page, api/explorer.py);
    without it they get `resource_html`, a plain rendering of the statements.
    """
    router = APIRouter()
    endpoints: dict[str, SparqlEndpoint] = {}

    def base_of(request: Request) -> str:
        return check_base(base or os.environ.get("PAPERKG_BASE") or str(request.base_url))

    def describe(request: Request, kind: str, node_id: str, format: str | None) -> Response:
        iri_base = base_of(request)
        try:
            accept = FORMAT_PARAMS.get((format or "").lower(), request.headers.get("accept", ""))
            media = pick_media_type(accept, RESOURCE_TYPES, "text/html")
        except SparqlError:
            return _error(406, f"cannot describe a {kind} as {accept!r}; ask for one of "
                               f"{', '.join(RESOURCE_TYPES)}")
        if html_page is not None and RESOURCE_TYPES[media] == "html":
            found = (kg.paper(node_id) if kind == "paper" else kg.entity(node_id)) is not None
            if found or "html" in accept:  # a browser's 404 is a page; `*/*` clients get the JSON error
                return html_page(kind, node_id, request.url.path, found)
        blocks = resource_blocks(kg, iri_base, kind, node_id)
        if blocks is None:
            return _error(404, f"no {kind} with id {node_id!r}; find ids with GraphQL at /graphql "
                               "or with SPARQL at /sparql")
        headers = {"Vary": "Accept"}
        if RESOURCE_TYPES[media] == "html":
            return HTMLResponse(resource_html(blocks, request.url.path), headers=headers)
        out = io.BytesIO()
        write_blocks(blocks, out, RESOURCE_TYPES[media], iri_base, void=False)
        return Response(out.getvalue(), media_type=media, headers=headers)

    @router.get("/paper/{paper_id:path}", tags=["linked data"])
    def paper(request: Request, paper_id: str, format: str | None = None) -> Response:
        """A paper as Turtle, JSON-LD, N-Triples, RDF/XML or HTML, by content negotiation."""
        return describe(request, "paper", paper_id, format)

    @router.get("/entity/{entity_id:path}", tags=["linked data"])
    def entity(request: Request, entity_id: str, format: str | None = None) -> Response:
        """An entity as Turtle, JSON-LD, N-Triples, RDF/XML or HTML, by content negotiation."""
        return describe(request, "entity", entity_id, format)

    @router.api_route("/sparql", methods=["GET", "POST"], tags=["linked data"])
    async def sparql(request: Request) -> Response:
        """Read-only SPARQL 1.1: `query` by GET or POST (form or application/sparql-query)."""
        query, update = await _read_sparql_request(request)
        if update:
            return _error(403, "this endpoint is read-only: updates are refused")
        if not query:
            return _error(400, "no query; pass one as ?query=SELECT... or POST it as "
                               "application/sparql-query")
        iri_base = base_of(request)
        endpoint = endpoints.get(iri_base) or endpoints.setdefault(
            iri_base, SparqlEndpoint(kg, iri_base, time_limit))
        accept = SPARQL_FORMATS.get(request.query_params.get("format", "").lower(),
                                    request.headers.get("accept", ""))
        try:
            from starlette.concurrency import run_in_threadpool

            answer = await run_in_threadpool(endpoint.answer, query, accept)
        except SparqlLoading as exc:
            return _error(503, str(exc), headers={"Retry-After": "30"})
        except SparqlTimeout as exc:
            return _error(503, str(exc))
        except SparqlError as exc:
            status = 403 if "read-only" in str(exc) else 406 if "cannot answer" in str(exc) else 400
            return _error(status, str(exc))
        return Response(answer.body, media_type=answer.media_type)

    def dump(request: Request, format: str) -> StreamingResponse:
        return StreamingResponse(iter_rdf(kg, format, base_of(request)), media_type=MEDIA_TYPES[format])

    @router.get("/export.ttl", tags=["linked data"])
    def export_turtle(request: Request) -> StreamingResponse:
        """The whole graph as Turtle, streamed."""
        return dump(request, "turtle")

    @router.get("/export.nt", tags=["linked data"])
    def export_ntriples(request: Request) -> StreamingResponse:
        """The whole graph as N-Triples, streamed."""
        return dump(request, "nt")

    for name, path, media in (("paperkg.ttl", VOCABULARY_FILE, "text/turtle"),
                              ("context.jsonld", CONTEXT_FILE, "application/ld+json"),
                              ("shapes.ttl", SHAPES_FILE, "text/turtle")):
        router.add_api_route(f"/ontology/{name}", _file_route(path, media), methods=["GET"],
                             tags=["linked data"], name=name)
    app.include_router(router)


def _file_route(path, media: str):
    def serve_file() -> FileResponse:
        return FileResponse(path, media_type=media)
    return serve_file


async def _read_sparql_request(request: Request) -> tuple[str, bool]:
    """(query, is an update) from GET parameters, a form, or a SPARQL body."""
    if request.method == "GET":
        return request.query_params.get("query", ""), "update" in request.query_params
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/sparql-update":
        return "", True
    if kind == "application/sparql-query":
        return (await request.body()).decode("utf-8", "replace"), False
    form = await request.form()
    return str(form.get("query", "") or request.query_params.get("query", "")), "update" in form


def resource_html(blocks: list[Block], path: str) -> str:
    """A small, accessible HTML page of a resource's statements (one function, to swap)."""
    subject, pairs = blocks[0]
    title = next((o.lexical for p, o in pairs if type(o) is Lit and p in (DCT + "title", RDFS + "label")), subject)
    sections = []
    for s, statements in blocks:
        rows = "".join(f"<tr><th scope=\"row\">{_html_term(p)}</th><td>{_html_term(o)}</td></tr>"
                       for p, o in statements)
        sections.append(f'<section id="{html.escape(s.partition("#")[2] or "main")}" '
                        f'aria-label="{html.escape(s)}"><h2>{_html_term(s)}</h2>'
                        f"<table><thead><tr><th scope=\"col\">property</th><th scope=\"col\">value</th>"
                        f"</tr></thead><tbody>{rows}</tbody></table></section>")
    alternates = "".join(f'<link rel="alternate" type="{m}" href="{html.escape(path)}?format={f}">'
                         for f, m in (("ttl", "text/turtle"), ("jsonld", "application/ld+json"),
                                      ("nt", "application/n-triples")))
    links = " | ".join(f'<a href="{html.escape(path)}?format={f}">{n}</a>'
                       for f, n in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples")))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)} - paperkg</title>{alternates}</head>"
            f"<body><main><h1>{html.escape(title)}</h1><p>Also as {links}.</p>"
            f"{''.join(sections)}</main></body></html>")


def _html_term(term: Any) -> str:
    if type(term) is Lit:
        return html.escape(term.lexical)
    label = "a" if term == RDF_TYPE else term
    return f'<a href="{html.escape(term)}">{html.escape(label)}</a>'
