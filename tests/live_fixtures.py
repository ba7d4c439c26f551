"""Shared helpers of the live-API tests: a new arXiv record to ingest, and a real uvicorn server."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time

import uvicorn

API_KEY = "test-key-3f9c"
NEW_ABSTRACT = ("We evaluate reward models on RewardBench and compare GPT-4o with DINOv2 features. "
                "Our model reaches 91.2% accuracy on RewardBench.")


def arxiv_record(arxiv_id: str, title: str, abstract: str = NEW_ABSTRACT) -> str:
    """One line of arXiv JSON Lines, as `arxiv_cs_2025_2026` holds them."""
    return json.dumps({
        "arxiv_id": arxiv_id, "title": title, "authors": ["A. Author"], "categories": ["cs.CL"],
        "primary_category": "cs.CL", "listing_date": "2025-03-18", "abstract": abstract,
        "comment": None, "urls": [], "code_urls": [], "abs_url": f"https://arxiv.org/abs/{arxiv_id}",
    })


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(app, timeout: float = 10):
    """Run `app` on uvicorn at 127.0.0.1 on a free port in a thread; yield the base URL; stop it."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while not server.started:
            assert time.monotonic() < deadline, f"uvicorn did not start within {timeout} s"
            assert thread.is_alive(), "uvicorn exited before starting"
            time.sleep(0.05)
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=timeout)
    assert not thread.is_alive(), f"uvicorn did not stop within {timeout} s"
