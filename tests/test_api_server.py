"""The real server: uvicorn on 127.0.0.1, a free port, one GraphQL request, a clean stop."""

import json
import socket
import threading
import time
import urllib.request

import pytest
import uvicorn

from paperkg.api.app import create_app

from seed_graph import PAPERS, build_seed_graph


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.server
def test_uvicorn_serves_graphql_and_stops_cleanly(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(kg), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start within 10 s"
            assert thread.is_alive(), "uvicorn exited before starting"
            time.sleep(0.05)
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/graphql",
            data=json.dumps({"query": "{ papers { totalCount } }"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            assert json.load(response) == {"data": {"papers": {"totalCount": len(PAPERS)}}}
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        kg.store.close()
    assert not thread.is_alive(), "uvicorn did not stop within 10 s"
