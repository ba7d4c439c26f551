"""The HTTP API: GraphQL with GraphiQL at /graphql, a health check, and one error shape.

Every HTTP error that is not a GraphQL result (unknown path, wrong method, a malformed
GraphQL request, a crash) answers with the same JSON body, as Datasette's do:

    {"error": {"status": 404, "title": "Not Found", "detail": "what happened and what to do"}}

GraphQL errors stay in GraphQL's own `{"data": ..., "errors": [...]}` shape.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.routing import Route, WebSocketRoute
from strawberry.asgi import GraphQL

from paperkg.api.body_limit import BodyLimit
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.live import refresh_or_keep
from paperkg.schema import build_context, build_schema

from .http_options import ETagMiddleware, ProtocolMixin, ServeOptions, TransportError, install_cors
from .rest import install_rest_routes
from .linked_data import install_linked_data
from .explorer import explorer_page, graphiql_html, install_explorer

log = logging.getLogger(__name__)

GRAPHQL_PATH = "/graphql"
HEALTH_PATH = "/health"
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def error_body(status: int, detail: str) -> dict[str, Any]:
    """The one JSON body of every non-GraphQL HTTP error."""
    return {"error": {"status": status, "title": HTTPStatus(status).phrase, "detail": detail}}


def error_response(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, detail), status_code=status, headers=headers)


class PaperkgGraphQL(ProtocolMixin, GraphQL):
    """strawberry's ASGI app over one graph, with its transport errors (bad JSON, no query)
    in our error shape: strawberry answers those as plain text, and a client should parse
    one shape everywhere.

    It is mounted as a plain route, not through strawberry's FastAPI router: the router
    solves FastAPI dependencies for every request (its context, root value, request and
    response), 0.15-0.2 ms of the 1.3-1.5 ms a paper query costs in process.
    """

    def __init__(self, schema, kg: KnowledgeGraph, options: ServeOptions):
        super().__init__(schema, graphql_ide="graphiql")
        self.kg = kg
        self.persisted, self.cors_origins = options.persisted_queries(), options.cors_origins

    async def get_context(self, request, response) -> dict[str, Any]:
        refresh_or_keep(self.kg)  # papers written since the last request, by any process
        return {**build_context(self.kg), "request": request, "response": response}

    @property
    def graphql_ide_html(self) -> str:
        """GraphiQL from the package's own assets (api/explorer.py), never from a CDN."""
        return graphiql_html()

    def encode_json(self, data: object) -> str:
        """Text for WebSocket messages (graphql-transport-ws frames must be text), through orjson."""
        return orjson.dumps(data).decode()

    def create_response(self, response_data, sub_response: Response) -> Response:
        """HTTP answers as orjson bytes: a page of 100 papers in 0.4 ms against json's 2.2 ms."""
        response = Response(orjson.dumps(response_data), media_type="application/json",
                            status_code=sub_response.status_code or 200)
        response.headers.raw.extend(sub_response.headers.raw)
        return response

    def decode_json(self, data: str | bytes) -> object:
        return orjson.loads(data)  # its JSONDecodeError is json's, which strawberry answers

    async def run(self, request, *args, **kwargs):  # noqa: D102 - see AsyncBaseHTTPView.run
        try:
            return await super().run(request, *args, **kwargs)
        except TransportError as exc:
            return error_response(exc.status_code, f"{exc.reason} (see {GRAPHQL_PATH} in a browser for GraphiQL)")


def create_app(kg: KnowledgeGraph, options: ServeOptions | None = None) -> FastAPI:
    """The paperkg web app over `kg`: GraphQL at /graphql (GraphiQL in a browser), /health.

    `options` (api/http_options.py): CORS origins, allow-list, cost budget.
    """
    options = options or ServeOptions()
    # No /docs or /redoc: FastAPI's pages load Swagger UI and ReDoc from a CDN, and every page
    # paperkg serves works offline (tests/test_api_explorer.py); /openapi.json stays.
    app = FastAPI(title="paperkg", summary="A knowledge graph of ML papers, over GraphQL.",
                  docs_url=None, redoc_url=None)

    graphql = PaperkgGraphQL(build_schema(options.max_cost, response_cache_size=options.response_cache),
                             kg, options)
    app.router.routes.extend([Route(GRAPHQL_PATH, graphql, methods=["GET", "POST"]),
                              WebSocketRoute(GRAPHQL_PATH, graphql)])
    install_rest_routes(app, kg)

    @app.get(HEALTH_PATH)
    def health() -> dict[str, Any]:
        """Liveness and size: {"status": "ok", "papers": N, "entities": M}."""
        return {"status": "ok", "papers": kg.count_papers(), "entities": kg.count_entities()}

    # /paper/{id}, /entity/{id} (the explorer's page for browsers), /sparql, /export.ttl, /export.nt
    install_linked_data(app, kg, html_page=explorer_page)
    install_explorer(app)  # / and /static: the explorer and GraphiQL's assets
    install_error_handlers(app)
    app.add_middleware(ETagMiddleware, path=GRAPHQL_PATH)
    app.add_middleware(BodyLimit, error_body=error_body)
    install_cors(app, options.cors_origins)
    return app


def install_error_handlers(app: FastAPI) -> None:
    """Answer 404, 405, 422 and 500 (and any other HTTPException) with `error_body`."""
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(Exception, handle_unexpected_error)


async def handle_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    path, method = request.url.path, request.method
    if exc.status_code == 404 and exc.detail == HTTPStatus.NOT_FOUND.phrase:  # no route matched
        detail = f"no such path: {path}; GraphQL is at {GRAPHQL_PATH}, the health check at {HEALTH_PATH}"
    elif exc.status_code == 405:
        allowed = allowed_methods(request)
        detail = f"{method} is not allowed on {path}; use {' or '.join(allowed)}"
        return error_response(405, detail, headers={**(exc.headers or {}), "Allow": ", ".join(allowed)})
    else:
        detail = str(exc.detail)
    return error_response(exc.status_code, detail, headers=exc.headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this request's path.

    Starlette's 405 names only the methods of the first route whose path matched, so
    /graphql (one route for GET, one for POST) would claim to allow GET alone. Asking
    every route about every method works however routers are nested.
    """
    return [
        method for method in HTTP_METHODS
        if any(route.matches({**request.scope, "method": method})[0] == Match.FULL
               for route in request.app.router.routes)
    ] or ["another method"]


async def handle_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg', 'invalid')}"
        for error in exc.errors()
    )
    return error_response(422, f"invalid request to {request.url.path}: {problems}")


async def handle_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, "unexpected error; the server log has the details")
