"""Every non-GraphQL HTTP error has one JSON body: {"error": {"status", "title", "detail"}}.

After Datasette's tests/test_error_shape.py: one check, many ways to fail.
"""

from http import HTTPStatus

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app

from seed_graph import build_seed_graph


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    kg = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    app = create_app(kg)

    # A route with a typed parameter, added after create_app: its 422 must take the shape too.
    @app.get("/probe/{n}")
    def probe(n: int) -> dict:
        return {"n": n}

    yield app
    kg.store.close()


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, raise_server_exceptions=False)


def assert_error_shape(response, status: int) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "title", "detail"}
    assert error["status"] == status
    assert error["title"] == HTTPStatus(status).phrase
    assert isinstance(error["detail"], str) and error["detail"]
    return error


@pytest.mark.parametrize("method, path, kwargs, status, hint", [
    ("GET", "/nope", {}, 404, "/graphql"),
    ("GET", "/graphql/extra", {}, 404, "/health"),
    ("POST", "/health", {}, 405, "use GET"),
    ("DELETE", "/health", {}, 405, "DELETE is not allowed on /health"),
    ("PUT", "/graphql", {"json": {"query": "{ papers { totalCount } }"}}, 405, "use GET or POST"),
    ("POST", "/graphql", {"content": b"{not json", "headers": {"Content-Type": "application/json"}},
     400, "Unable to parse request body as JSON"),
    ("POST", "/graphql", {"json": {"variables": {}}}, 400, "No GraphQL query found"),
    ("GET", "/graphql", {"headers": {"Accept": "application/json"}}, 400, "No GraphQL query found"),
    ("GET", "/probe/abc", {}, 422, "n"),
    ("GET", "/paper/no-such-paper", {}, 404, "no paper with id 'no-such-paper'"),
    ("GET", "/entity/nothing", {"headers": {"Accept": "text/turtle"}}, 404, "no entity"),
    ("GET", "/entity/rewardbench", {"headers": {"Accept": "image/png"}}, 406, "text/turtle"),
    ("GET", "/sparql", {}, 400, "no query"),
    ("GET", "/sparql", {"params": {"query": "SELECT ?x WHERE {"}}, 400, "does not parse"),
    ("POST", "/sparql", {"content": b"INSERT DATA { <a:b> <a:c> <a:d> }",
                         "headers": {"Content-Type": "application/sparql-update"}}, 403, "read-only"),
    ("DELETE", "/sparql", {}, 405, "use GET or POST"),
])
def test_http_errors_share_one_json_shape(client, method, path, kwargs, status, hint):
    error = assert_error_shape(client.request(method, path, **kwargs), status)
    assert hint in error["detail"]


def test_405_names_every_allowed_method_in_the_allow_header(client):
    assert client.post("/health").headers["allow"] == "GET"
    assert client.put("/graphql").headers["allow"] == "GET, POST"


def test_a_crash_is_a_500_in_the_same_shape_without_internals(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    client = TestClient(create_app(kg), raise_server_exceptions=False)
    kg.store.close()  # /health's count now raises inside the handler
    error = assert_error_shape(client.get("/health"), 500)
    assert "closed" not in error["detail"]
    assert "server log" in error["detail"]
