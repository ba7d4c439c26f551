"""`paperkg serve` as a user runs it: one process or several, and what makes it fast."""

import gc
import json
import socket
import subprocess
import sys
import time
import urllib.request
import weakref
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperkg.api.cli import main
from paperkg.api.serving import build_served_app, keep_heap_frozen, open_graph, warm_index
from paperkg.schema.execute import execute_query
from paperkg.schema.limits import MAX_DEPTH

from seed_graph import build_seed_graph, seed_id

PAPERKG = Path(sys.executable).with_name("paperkg")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "kg.db"
    build_seed_graph(path).store.close()
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


@pytest.mark.server
@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_graphql_and_rest(seed_db, workers):
    port = free_port()
    server = subprocess.Popen([str(PAPERKG), "serve", "--db", str(seed_db), "--port", str(port),
                               "--workers", str(workers)], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                answer = get_json(f"{base}/graphql", {"query": "{ papers { totalCount } }"})
                break
            except OSError:
                assert time.monotonic() < deadline, "paperkg serve did not answer within 60 s"
                time.sleep(0.1)
        assert answer == {"data": {"papers": {"totalCount": 6}}, "extensions": {"cost": 2}}
        paper = get_json(f"{base}/rest/paper/{seed_id('flame')}")
        assert paper["id"] == "paper/" + seed_id("flame") and paper["entities"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_without_a_database_says_how_to_make_one(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db"), "--workers", "2"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "paperkg ingest" in result.output


def test_serve_refuses_zero_workers(seed_db):
    result = CliRunner().invoke(main, ["serve", "--db", str(seed_db), "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_the_served_app_freezes_the_heap_it_built(seed_db):
    gc.unfreeze()
    try:
        build_served_app(seed_db)
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()


def test_the_graph_index_is_built_in_the_background_once_serving(seed_db):
    kg = open_graph(seed_db)
    assert "_index_cache" not in kg.__dict__  # lazy: nothing has asked yet
    warm_index(kg).join(timeout=30)
    assert kg.__dict__["_index_cache"][1] is kg.index  # the first question finds it built
    kg.store.close()


def test_cached_validation_still_refuses_a_deep_query_every_time(seed_db):
    kg = build_seed_graph(seed_db.with_name("deep.db"))
    # papers > edges > node > entities, three times over, then id: depth 13.
    deep = "{ " + "papers { edges { node { entities { " * 3 + "id" + " } } } }" * 3 + " }"
    for _ in range(3):
        result = execute_query(kg, deep)
        assert "exceeds maximum operation depth of" in result["errors"][0]["message"]
        assert str(MAX_DEPTH) in result["errors"][0]["message"]
    fine = "{ papers(first: 1) { edges { node { id } } } }"
    assert execute_query(kg, fine) == execute_query(kg, fine)
    kg.store.close()


def test_what_lives_on_after_start_is_frozen_in_turn_and_still_freed():
    class Record:
        pass

    gc.unfreeze()
    kept = [Record() for _ in range(1000)]
    before = gc.get_freeze_count()
    stop = keep_heap_frozen(period_s=0.05)
    try:
        deadline = time.monotonic() + 10
        while gc.get_freeze_count() < before + 1000 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gc.get_freeze_count() >= before + 1000
        gone = weakref.ref(kept[0])
        kept.clear()
        assert gone() is None  # frozen, and still freed when its last reference goes
    finally:
        stop.set()
        gc.unfreeze()
