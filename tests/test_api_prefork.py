"""api/prefork.py: `paperkg serve --workers N` forks its workers from one built app."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from paperkg.api.prefork import ServeError, listen_on, worker_socket

from live_fixtures import free_port
from seed_graph import build_seed_graph

PAPERKG = Path(sys.executable).with_name("paperkg")

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir() or not hasattr(os, "fork"),
                                reason="needs fork and Linux's /proc to find the workers")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "kg.db"
    build_seed_graph(path).store.close()
    return path


def get_json(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def children_of(pid: int) -> set[int]:
    return {int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def wait_for(condition, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = condition()
        except OSError:
            found = None
        if found:
            return found
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


@pytest.mark.server
def test_workers_are_forked_replaced_when_they_die_and_stopped_with_the_server(seed_db):
    port = free_port()
    server = subprocess.Popen([str(PAPERKG), "serve", "--db", str(seed_db), "--port", str(port), "--workers", "2"],
                              stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    query = {"query": "{ papers { totalCount } }"}
    try:
        wait_for(lambda: get_json(f"{base}/graphql", query), "the first answer")
        workers = wait_for(lambda: len(children_of(server.pid)) == 2 and children_of(server.pid), "two workers")
        time.sleep(3.5)  # past the early-exit window: a dying worker is now replaced, not fatal
        killed = sorted(workers)[0]
        os.kill(killed, signal.SIGKILL)
        replaced = wait_for(lambda: (c := children_of(server.pid)) and killed not in c and len(c) == 2 and c,
                            "a replacement worker")
        for _ in range(10):  # whichever worker takes the connection answers
            assert get_json(f"{base}/graphql", query)["data"] == {"papers": {"totalCount": 6}}
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        for pid in replaced:
            wait_for(lambda: not Path(f"/proc/{pid}").exists() or _is_zombie(pid), f"worker {pid} to stop", 30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(timeout=30)


def _is_zombie(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"


def test_a_port_in_use_is_one_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(ServeError, match="pass a free --port"):
            listen_on("127.0.0.1", taken.getsockname()[1])


def test_a_port_another_servers_workers_listen_on_is_refused_too():
    reserved = listen_on("127.0.0.1", free_port())
    port = reserved.getsockname()[1]
    listening = worker_socket(reserved)  # as a worker of a server already running holds it
    try:
        with pytest.raises(ServeError, match="pass a free --port"):
            listen_on("127.0.0.1", port)
    finally:
        listening.close()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_on_a_port_in_use_says_so_in_one_line_before_loading(seed_db, workers):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = subprocess.run([str(PAPERKG), "serve", "--db", str(seed_db), "--port", str(taken.getsockname()[1]),
                                 "--workers", workers], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot listen on 127.0.0.1:") and "--port" in result.stderr
