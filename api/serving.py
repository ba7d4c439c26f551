"""Running the app under uvicorn: one process, or `--workers N` processes.

What makes the served API fast beyond the schema itself lives here:

- the graph is built once per process, then `gc.collect(); gc.freeze()` moves everything
  it allocated out of the cyclic collector's reach. The graph of 75k papers is about a
  million long-lived containers; without the freeze every full collection walks them all
  and stalls whichever requests are in flight (p99 560-640 ms against 84-90 ms with it,
  issue 9). What lives on after start-up (the graph index, the records and answers the
  caches keep) is frozen in turn, every 20 s (`keep_heap_frozen`).
- uvicorn's "auto" event loop and HTTP parser pick uvloop and httptools, which paperkg
  depends on where they build (not on Windows).

Workers: `--workers 1` (the default) serves from one process. `--workers N` serves from N
processes, for N cores of throughput: on a machine with as many idle cores as workers it
multiplies requests a second; on a loaded one the workers compete with everything else.
Where processes fork (not on Windows) the graph is built once and the workers are forked
from it (api/prefork.py): the start-up time of one worker, and the graph's memory shared.
Elsewhere uvicorn's supervisor spawns them, each building its own graph: N times the
start-up work and the memory (about 400 MB each at 75k papers).
"""

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI

from paperkg.graph.errors import StoreError
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.store import Store

from .http_options import ServeOptions
from .prefork import can_fork, listen_on, serve_forked, serve_in_process

log = logging.getLogger(__name__)

# How the parent tells its worker processes which database to serve, and how.
DB_VARIABLE = "PAPERKG_SERVE_DB"
OPTIONS_VARIABLE = "PAPERKG_SERVE_OPTIONS"


def open_graph(db: str | Path) -> KnowledgeGraph:
    """The KnowledgeGraph of the database at `db`, which must exist.

    Raises:
        StoreError: there is no such file, or it is not a paperkg database.
    """
    check_db(db)
    return KnowledgeGraph(Store(db))


def check_db(db: str | Path) -> None:
    """Raise StoreError unless `db` is an existing paperkg database."""
    if not Path(db).is_file():
        raise StoreError(f"{db} does not exist; create it with `paperkg ingest FILE --db {db}`")
    Store(db).close()


def freeze_heap() -> None:
    """Collect once, then exempt every object alive now from later cyclic collections.

    Called when the long-lived state (the graph, the schema, the app) is built, before
    the first request: what requests allocate later is collected as usual.
    """
    gc.collect()
    gc.freeze()


# How often a server moves what has lived since the last time out of the collector's reach.
REFREEZE_EVERY_S = 20.0


def keep_heap_frozen(after: threading.Thread | None = None, period_s: float = REFREEZE_EVERY_S) -> threading.Event:
    """Once `after` is done (the graph index being built), then every `period_s` seconds:
    collect, then freeze what has lived since the last freeze.

    A server keeps objects for its whole life on purpose after start-up too: the graph
    index, the records and answers its caches hold (graph/record_cache.py,
    schema/response_cache.py). Left to the collector, each full collection walks them all:
    30-45 ms with 25,000 cached records, a stall for every request in flight. Frozen objects
    are still freed when their last reference goes (a record a cache drops is), only the
    cycle finder skips them; the collection before each freeze walks only what is new, and
    finds its cycles before it is frozen.

    Returns:
        The event that stops it when set.
    """
    stop = threading.Event()

    def refreeze() -> None:
        if after is not None:
            after.join()
        while not stop.is_set():
            freeze_heap()
            stop.wait(period_s)

    threading.Thread(target=refreeze, name="paperkg-refreeze", daemon=True).start()
    return stop


def build_served_app(db: str | Path, options: ServeOptions | None = None,
                     say: Callable[[str], None] = log.info) -> FastAPI:
    """The app over the graph of `db`, with the heap frozen, ready to serve."""
    from .app import create_app

    started = time.monotonic()
    kg = open_graph(db)
    app = create_app(kg, options)
    freeze_heap()
    say(f"Graph of {kg.paper_total:,} papers built in {time.monotonic() - started:.1f} s")
    app.state.kg = kg
    return app


def start_upkeep(app: FastAPI) -> None:
    """In the process that serves `app`: its graph index built in the background, its heap kept frozen."""
    keep_heap_frozen(after=warm_index(app.state.kg))


def start_forked_worker(app: FastAPI) -> None:
    """In a worker forked from the process that built `app`: a connection of its own, then upkeep."""
    app.state.kg.reconnect()
    start_upkeep(app)


def warm_index(kg: KnowledgeGraph) -> threading.Thread:
    """Build the graph index (graph/questions.py) in the background, once serving has begun.

    Related papers, co-usage, timelines and the list filters answer from it; built on first
    use, it made the first explorer page at 75k papers wait 2.7 s for it (bench/explorer_page.py).
    Requests that come before it is ready wait on its lock, as they would without this.
    """
    def build() -> None:
        started = time.monotonic()
        kg.index  # noqa: B018 - the property builds and caches it
        log.info("Graph index built in %.1f s", time.monotonic() - started)

    thread = threading.Thread(target=build, name="paperkg-warm-index", daemon=True)
    thread.start()
    return thread


def app_from_environment() -> FastAPI:
    """The app factory each `--workers` process calls: the database is in $PAPERKG_SERVE_DB,
    the options as JSON in $PAPERKG_SERVE_OPTIONS."""
    fields = json.loads(os.environ.get(OPTIONS_VARIABLE, "{}"))
    fields["cors_origins"] = tuple(fields.get("cors_origins", ()))
    app = build_served_app(os.environ[DB_VARIABLE], ServeOptions(**fields))
    start_upkeep(app)
    return app


# Forked workers share the graph's pages, so the default uses the cores, up to a bound on memory.
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """The number of serving processes when none is asked for: one a core, at most
    MAX_DEFAULT_WORKERS, where workers are forked from one built graph; else one."""
    return min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS) if can_fork() else 1


def run_server(
    db: str | Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
    options: ServeOptions | None = None, say: Callable[[str], None] = log.info,
) -> None:
    """Serve the graph of `db` over HTTP until interrupted.

    Args:
        db: the paperkg database.
        host: the interface to listen on.
        port: the TCP port.
        workers: processes to serve from, 1 or more; each builds its own graph (see above).
        options: CORS origins, allow-list, cost budget (api/http_options.py).
        say: where to tell the user what is happening.

    Raises:
        StoreError: `db` is missing or not a paperkg database (checked before any worker starts).
    """
    import uvicorn

    where = f"the explorer at http://{host}:{port}/, GraphiQL at http://{host}:{port}/graphql"
    if workers <= 1 or can_fork():
        check_db(db)
        listening = listen_on(host, port)  # a port in use is one clear error, before the graph loads
        app = build_served_app(db, options, say)
    if workers <= 1:
        start_upkeep(app)
        say(f"Serving: {where}")
        serve_in_process(app, listening)
        return
    if can_fork():
        say(f"Serving from {workers} worker processes forked from this one: {where}")
        serve_forked(app, listening, workers, start_forked_worker, say)
        return
    check_db(db)
    os.environ[DB_VARIABLE] = str(Path(db).resolve())
    options = options or ServeOptions()
    allow_list = str(Path(options.allow_list).resolve()) if options.allow_list else None
    os.environ[OPTIONS_VARIABLE] = json.dumps({**dataclasses.asdict(options), "allow_list": allow_list})
    say(f"Serving from {workers} worker processes, each building its graph: {where}")
    uvicorn.run("paperkg.api.serving:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning")
