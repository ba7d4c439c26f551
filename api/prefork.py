"""`paperkg serve --workers N` where processes fork: build the app once, then fork N workers.

uvicorn's own workers are spawned: each starts a fresh interpreter, imports everything and
builds its own graph, so N workers cost N times the start-up work and memory. Here the
parent builds the app once, freezes its heap and reserves the address, then forks the
workers (gunicorn's `--preload`). Each worker listens on a socket of its own bound to the
same address with SO_REUSEPORT, and the kernel spreads new connections evenly among them
(on one shared socket, whichever worker is idle takes each connection: a load generator's
16 connections opened at once all went to one worker, half the throughput). The
frozen heap is never written by the collector, so its pages stay shared between the
workers (what `gc.freeze` is for, CPython's gc docs). Readiness is that of one worker.

After the fork each worker opens its own SQLite connection (a connection never crosses a
fork), builds its graph index in the background and keeps its heap frozen
(api/serving.py). A worker that dies is replaced by a new fork of the parent, which catches
up with the database on its first request, as every worker does before each request. One
that dies within seconds of its start stops the server: forking again would fail again.
Ctrl-C or SIGTERM stops them all.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable

from fastapi import FastAPI

from paperkg.graph.errors import PaperkgError

log = logging.getLogger(__name__)

# Linux and the BSDs spread connections among sockets bound with SO_REUSEPORT.
REUSE_PORT = hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith(("linux", "freebsd"))

# A worker that exits sooner than this after its start is not replaced: the server stops.
EARLY_EXIT_S = 3.0


class ServeError(PaperkgError):
    """The server could not start or keep serving."""


class WorkerFailed(ServeError):
    """A worker exited right after it started; the server stopped."""


def serve_forked(app: FastAPI, listening: socket.socket, workers: int,
                 start_worker: Callable[[FastAPI], None], say: Callable[[str], None] = log.info) -> None:
    """Serve `app` on `listening` from `workers` forked processes until SIGINT or SIGTERM.

    Args:
        app: the built app (its heap frozen), shared by every worker.
        listening: the socket `listen_on` reserved the address with.
        workers: how many processes serve.
        start_worker: run in each new worker before it serves (its own connection, threads).
        say: where to tell the user what is happening.

    Raises:
        WorkerFailed: a worker exited within EARLY_EXIT_S of its start.
    """
    started: dict[int, float] = {}
    stopping = False

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True
        for pid in started:
            _signal(pid, signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for _ in range(workers):
            started[_fork_worker(app, listening, start_worker)] = time.monotonic()
        while started:
            pid, status = os.wait()
            began = started.pop(pid, None)
            if stopping or began is None:
                continue
            if time.monotonic() - began < EARLY_EXIT_S:
                stop(None, None)
                _wait_all(started)
                raise WorkerFailed(f"a server worker exited right after it started (status {status}); "
                                   "run with --workers 1 to see its error")
            say(f"a server worker exited (status {status}); starting another")
            started[_fork_worker(app, listening, start_worker)] = time.monotonic()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        listening.close()


def _fork_worker(app: FastAPI, listening: socket.socket, start_worker: Callable[[FastAPI], None]) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)  # uvicorn sets its own when it starts
        start_worker(app)
        serve_in_process(app, listening)
    except BaseException:  # noqa: BLE001 - a worker reports and exits, whatever happened
        log.exception("server worker %d failed", os.getpid())
        code = 1
    finally:
        os._exit(code)  # never return into the parent's code


def serve_in_process(app: FastAPI, reserved: socket.socket) -> None:
    """Serve `app` from this process on the address `listen_on` reserved, until stopped."""
    import uvicorn

    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[worker_socket(reserved)])


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _wait_all(pids: dict[int, float]) -> None:
    for pid in list(pids):
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        pids.pop(pid, None)


def listen_on(host: str, port: int) -> socket.socket:
    """The address `host`:`port` reserved for the workers: a socket bound to it.

    Where the system has SO_REUSEPORT, the socket is bound with it and does not listen: it
    keeps the address for the workers, who each listen on their own (`worker_socket`).
    Elsewhere it listens, and the workers share it.

    Raises:
        ServeError: the address cannot be bound (in use, or not this machine's).
    """
    try:
        if REUSE_PORT:  # a plain bind first: a server already there, reusing its port or not, refuses it
            _bound_socket(host, port, listen=False, reuse_port=False).close()
        return _bound_socket(host, port, listen=not REUSE_PORT)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port} ({exc.strerror}); pass a free --port "
                         "or stop what is using it") from exc


def worker_socket(reserved: socket.socket) -> socket.socket:
    """The socket a worker accepts on: its own, on the reserved address, where SO_REUSEPORT is."""
    if not REUSE_PORT:
        return reserved
    host, port = reserved.getsockname()[:2]
    own = _bound_socket(host, port, listen=True)
    reserved.close()  # this process's copy only: the parent keeps the address
    return own


def _bound_socket(host: str, port: int, listen: bool, reuse_port: bool = REUSE_PORT) -> socket.socket:
    bound = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        bound.bind((host, port))
        if listen:
            bound.listen(2048)
    except OSError:
        bound.close()
        raise
    bound.set_inheritable(True)
    return bound


def can_fork() -> bool:
    """True where `os.fork` exists (not on Windows)."""
    return hasattr(os, "fork")


__all__ = ["ServeError", "WorkerFailed", "can_fork", "listen_on", "serve_forked", "serve_in_process", "worker_socket"]
