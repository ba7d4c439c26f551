"""The explorer's serving side (api/explorer.py): the shell at / and at the IRIs for browsers,
the offline GraphiQL at /graphql, the static files, and no page loading anything from another host."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from paperkg.api.explorer import STATIC_DIR

from seed_graph import seed_id

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
# Hosts that serve browser libraries; none may appear anywhere in what we serve.
CDN_HOSTS = ("unpkg.com", "jsdelivr.net", "cdnjs.cloudflare.com", "esm.sh", "skypack.dev",
             "googleapis.com", "gstatic.com", "cdn.skypack", "esm.run")
SERVED = sorted(p for p in STATIC_DIR.rglob("*") if p.suffix in {".html", ".js", ".mjs", ".css"})
# What makes a browser fetch in JS and CSS: module imports, fetch, workers, CSS url() and @import.
JS_LOADS = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bfetch\s*\(\s*|\bWorker\s*\(\s*|importScripts\s*\(\s*)["'`]([^"'`]+)""")
CSS_LOADS = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])([^"')]+)""")


class LoadCollector(HTMLParser):
    """The addresses an HTML page makes the browser load: scripts, stylesheets, images, frames."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attributes.get("src"):
            self.loads.append(attributes["src"])
        if tag == "link" and attributes.get("rel") in ("stylesheet", "modulepreload", "preload", "icon"):
            self.loads.append(attributes["href"])


def loads_of(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        collector = LoadCollector()
        collector.feed(text)
        return collector.loads + JS_LOADS.findall(text)
    if path.suffix == ".css":
        return CSS_LOADS.findall(text)
    return JS_LOADS.findall(text)


def is_local(address: str) -> bool:
    parts = urlsplit(address)
    return parts.scheme in ("", "data", "blob") and not address.startswith("//") or parts.hostname == "127.0.0.1"


def test_the_explorer_shell_is_served_at_the_root_and_search(seed_client):
    for path in ("/", "/search?q=unlearning"):
        response = seed_client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        assert '<main id="view"' in response.text and "/static/explorer/app.js" in response.text
        assert "<!-- alternates -->" not in response.text


def test_a_paper_iri_is_the_explorer_for_browsers_and_rdf_for_machines(seed_client):
    path = f"/paper/{seed_id('muse')}"
    page = seed_client.get(path, headers=BROWSER)
    assert page.status_code == 200 and '<main id="view"' in page.text
    assert f'<link rel="alternate" type="text/turtle" href="{path}?format=ttl"' in page.text
    turtle = seed_client.get(path, headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle") and "MUSE" in turtle.text


def test_an_unknown_id_is_404_both_as_a_page_and_as_rdf(seed_client):
    page = seed_client.get("/entity/no-such-entity", headers=BROWSER)
    assert page.status_code == 404 and '<main id="view"' in page.text  # the page says "not found"
    rdf = seed_client.get("/entity/no-such-entity", headers={"Accept": "text/turtle"})
    assert rdf.status_code == 404 and "no entity with id" in rdf.json()["error"]["detail"]


def test_graphql_in_a_browser_is_the_offline_graphiql(seed_client):
    page = seed_client.get("/graphql", headers=BROWSER)
    assert page.status_code == 200 and "/static/vendor/graphiql.min.js" in page.text
    collector = LoadCollector()
    collector.feed(page.text)
    assert collector.loads and all(address.startswith("/static/vendor/") for address in collector.loads)


def test_no_html_page_the_app_serves_loads_from_another_host(seed_client):
    paths = [route.path for route in seed_client.app.routes
             if "GET" in getattr(route, "methods", ()) and "{" not in route.path]
    paths += [f"/paper/{seed_id('muse')}", "/entity/muse", "/paper/unknown"]
    pages = 0
    for path in paths:
        response = seed_client.get(path, headers=BROWSER)
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        pages += 1
        collector = LoadCollector()
        collector.feed(response.text)
        outside = [a for a in collector.loads + JS_LOADS.findall(response.text) if not is_local(a)]
        assert not outside, f"{path} loads {outside}"
    assert pages >= 5  # /, /search, /graphql and the two IRIs at least


@pytest.mark.parametrize("path", ["vendor/graphiql.min.js", "vendor/react.production.min.js",
                                  "vendor/react-dom.production.min.js", "vendor/graphiql.min.css",
                                  "vendor/cytoscape.esm.min.mjs", "explorer/app.js", "explorer/style.css"])
def test_static_files_are_served_with_their_types(seed_client, path):
    response = seed_client.get(f"/static/{path}")
    assert response.status_code == 200
    expected = "text/css" if path.endswith(".css") else "text/javascript"
    assert response.headers["content-type"].startswith(expected)  # module scripts need a JS type
    assert response.content == (STATIC_DIR / path).read_bytes()


def test_every_module_the_explorer_imports_is_served(seed_client):
    explorer = STATIC_DIR / "explorer"
    for module in explorer.rglob("*.js"):
        for target in JS_LOADS.findall(module.read_text(encoding="utf-8")):
            if target.startswith("."):
                resolved = (module.parent / target).resolve().relative_to(STATIC_DIR)
                target = f"/static/{resolved.as_posix()}"
            if target.startswith("/static/"):
                assert seed_client.get(target).status_code == 200, f"{module.name} imports {target}, not served"


@pytest.mark.parametrize("path", SERVED, ids=lambda p: p.relative_to(STATIC_DIR).as_posix())
def test_no_served_file_loads_anything_from_another_host(path):
    text = path.read_text(encoding="utf-8")
    assert not [host for host in CDN_HOSTS if host in text]
    outside = [address for address in loads_of(path) if not is_local(address)]
    assert not outside, f"{path.name} loads {outside}; serve them from api/static/vendor instead"


def test_the_vendored_builds_carry_their_versions_and_licences():
    vendor = STATIC_DIR / "vendor"
    versions = (vendor / "VERSIONS").read_text()
    for package in ("graphiql", "react", "react-dom", "cytoscape"):
        assert re.search(rf"^{package} \d+\.\d+\.\d+ \(MIT\)$", versions, re.M)
        assert "Permission is hereby granted, free of charge" in (vendor / f"LICENSE.{package}").read_text()
