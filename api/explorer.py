"""The explorer web page and the offline GraphiQL, served from the package itself.

- `/static/...`: the files of `api/static/` (the explorer's ES modules and stylesheet, and
  the vendored GraphiQL, React and cytoscape builds of `api/static/vendor/`), so nothing
  a page loads comes from another host: the pages work with no network.
- `/` and `/search`: the explorer shell (`api/static/explorer/index.html`); its script reads
  the address and asks `/graphql` for the data, like any other GraphQL client.
- `/paper/{id}` and `/entity/{id}` in a browser: the same shell, through `explorer_page`,
  which `api/linked_data.py` calls for its HTML branch, so one address serves a person and a
  machine (Turtle, JSON-LD, ... by content negotiation). An unknown id is a 404 whose page
  says "not found".
- `/graphql` in a browser: `graphiql_html()`, GraphiQL over the vendored assets (see
  `PaperkgGraphQL.graphql_ide_html` in api/app.py).
"""

from __future__ import annotations

import html
import mimetypes
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from paperkg.graph.errors import PaperkgError

STATIC_DIR = Path(__file__).resolve().parent / "static"
SHELL_FILE = STATIC_DIR / "explorer" / "index.html"
GRAPHIQL_FILE = STATIC_DIR / "graphiql.html"
ALTERNATES_MARK = "<!-- alternates -->"
# The RDF forms a browser page links to, for machines that start from the HTML.
RDF_ALTERNATES = (("ttl", "text/turtle", "Turtle"), ("jsonld", "application/ld+json", "JSON-LD"),
                  ("nt", "application/n-triples", "N-Triples"))


@lru_cache(maxsize=None)
def read_static(path: Path) -> str:
    """The text of a packaged page, read once per process."""
    return path.read_text(encoding="utf-8")


def graphiql_html() -> str:
    """The offline GraphiQL page served at /graphql to browsers."""
    return read_static(GRAPHIQL_FILE)


def shell_html(path: str | None = None) -> str:
    """The explorer shell; for a resource `path`, with `<link rel="alternate">` to its RDF forms."""
    shell = read_static(SHELL_FILE)
    if not path:
        return shell.replace(ALTERNATES_MARK, "")
    where = html.escape(path, quote=True)
    links = "".join(f'<link rel="alternate" type="{media}" href="{where}?format={fmt}" title="{name}">'
                    for fmt, media, name in RDF_ALTERNATES)
    return shell.replace(ALTERNATES_MARK, links)


def explorer_page(kind: str, node_id: str, path: str, exists: bool) -> HTMLResponse:
    """The HTML form of `/paper/{id}` and `/entity/{id}`: the explorer shell, 404 when unknown.

    Args:
        kind: "paper" or "entity".
        node_id: the bare id asked for.
        path: the request's path, for the alternate links.
        exists: whether the graph holds it; the page itself then says "not found".
    """
    return HTMLResponse(shell_html(path), status_code=200 if exists else 404,
                        headers={"Vary": "Accept"})


def install_explorer(app: FastAPI) -> None:
    """Serve `/static`, and the explorer shell at `/` and `/search`."""
    if not SHELL_FILE.is_file():  # an install without package data would serve blank pages
        raise PaperkgError(f"{SHELL_FILE} is missing; reinstall paperkg (pip install .) "
                                "so its api/static files are installed")
    # Module scripts need a JavaScript type; some systems' mime tables do not know .mjs.
    mimetypes.add_type("text/javascript", ".mjs")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def home() -> HTMLResponse:
        """The explorer: search, papers, entities."""
        return HTMLResponse(shell_html())

    @app.get("/search", include_in_schema=False)
    def search() -> HTMLResponse:
        """The explorer's search results page (`/search?q=...`)."""
        return HTMLResponse(shell_html())
