"""Extraction on a Dask cluster (dask.distributed), with output identical to one process.

Each Dask worker present when the ingest starts is one lane of `batch_order.py`'s loop,
the one local worker processes run: batch k is prepared and extracted on worker k mod N.
What travels is what travels to local workers, (id, title, abstract) rows in and plain
tuples out (`workers.encode_extraction`), never spaCy Docs. A worker builds its extractor
once per ingest, on its first task, from the names the ingest starts from (scattered to
every worker once), and keeps it, with the batches it prepared, until the ingest ends.

Dask runs a worker's tasks in any order it likes, so each "extract" task depends on the
lane's previous one: a lane adds discovered names in batch order, as one process would.
Tasks are pinned to their worker; if it leaves the cluster, the ingest stops with an error
naming it, and every batch stored before stays stored.

Install with `pip install 'paperkg[dask]'` on the ingest's machine and on every worker.
"""

from __future__ import annotations

import importlib.metadata
import asyncio
import logging
import threading
import uuid
from collections import deque
from pathlib import Path

from distributed import Client, Future, get_worker, wait
from distributed.comm import connect as connect_comm

from paperkg.graph.errors import WorkerError
from paperkg.graph.records import Entity, Paper

from .workers import decode_entity, encode_entity, encode_extraction

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10  # seconds to reach the scheduler and to see a first worker
POLL = 2.0            # seconds between checks that the lanes' workers are still there
_HOWTO = ("start one with `dask scheduler` and workers with `dask worker tcp://HOST:8786 --nthreads 1`, "
          "each with paperkg[dask] installed, or check the address")


class DaskPool:
    """The workers of a Dask cluster as extraction lanes; use as a context manager.

    Args:
        address: the scheduler, such as "tcp://10.0.0.5:8786".
        extra_entities: the user's and discovered names, as `Extractor.default` takes them.
        model_dir: a model from `paperkg train`, at this path on every worker.

    Raises:
        WorkerError: the scheduler cannot be reached, has no workers, or its workers
            lack paperkg.
    """

    def __init__(self, address: str, extra_entities: list[Entity] = (),
                 model_dir: str | Path | None = None) -> None:
        self.address = address
        self.client = connect(address)
        try:
            self.workers = sorted(self.client.nthreads())
            check_workers(self.client, address)
            payload = ([encode_entity(e) for e in extra_entities], str(model_dir) if model_dir else None)
            [self._base] = self.client.scatter([payload], broadcast=True, hash=False)
        except BaseException:
            self.client.close()
            raise
        self.lanes = len(self.workers)
        self._run = uuid.uuid4().hex[:12]
        self._last: list[Future | None] = [None] * self.lanes   # each lane's latest "extract"
        self._prepared: dict[int, Future] = {}
        self._flight: dict[Future, tuple[str, int, int]] = {}   # future -> (kind, batch, lane)
        self._answers: deque[tuple] = deque()

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Drop the futures and the workers' extractors, and disconnect."""
        try:
            self.client.cancel(list(self._flight))
            present = set(self.client.nthreads())
            self.client.run(_forget_run, self._run, workers=[w for w in self.workers if w in present])
        except Exception as exc:  # noqa: BLE001 - the cluster may be gone; nothing is left to lose
            log.info("could not clear the Dask workers of ingest %s: %s", self._run, exc)
        self._flight.clear()
        self.client.close()

    def extract_batches(self, batches, window: int | None = None, when_all_sent=None):
        """Extract batches in order: yields (tag, extractions) for each (tag, papers);
        `when_all_sent` as `batch_order.extract_in_order` calls it."""
        from .batch_order import extract_in_order

        yield from extract_in_order(self, batches, window, when_all_sent)

    # -- the lanes of `batch_order.extract_in_order`: one a Dask worker ----------------------

    def send_prepare(self, lane: int, k: int, rows: list[tuple[str, str, str]]) -> None:
        future = self._submit(_prepare, lane, f"paperkg-prepare-{self._run}-{k}", 0,
                              self._run, k, rows, self._base)
        self._prepared[k] = future
        self._flight[future] = ("prepared", k, lane)

    def send_extract(self, lane: int, k: int, names: list[list]) -> None:
        start = k + 1 - len(names)
        future = self._submit(_extract, lane, f"paperkg-extract-{self._run}-{k}", 1,
                              self._run, k, start, names, self._prepared.pop(k), self._last[lane])
        self._last[lane] = future
        self._flight[future] = ("extracted", k, lane)

    def receive(self) -> tuple[str, int, object]:
        while not self._answers:
            try:
                with self.client.as_current():
                    finished, _ = wait(list(self._flight), timeout=POLL, return_when="FIRST_COMPLETED")
            except TimeoutError:
                self._check_lanes()
                continue
            except Exception as exc:  # noqa: BLE001 - futures cancelled: their worker died
                raise self._lost(exc) from exc
            for future in finished:
                kind, k, lane = self._flight.pop(future)
                self._answers.append((kind, k, self._result(future, k, lane)))
        return self._answers.popleft()

    def _submit(self, fn, lane: int, key: str, priority: int, *args) -> Future:
        return self.client.submit(fn, *args, key=key, workers=[self.workers[lane]],
                                  allow_other_workers=False, priority=priority, pure=False)

    def _result(self, future: Future, k: int, lane: int):
        worker = self.workers[lane]
        try:
            while True:  # a result lost with its worker is waited for again, forever: check
                try:
                    return future.result(timeout=POLL)
                except TimeoutError:
                    self._check_lanes()
        except WorkerError:
            raise
        except Exception as exc:  # noqa: BLE001 - a task's own error, or the scheduler lost
            if future.status == "error":
                raise WorkerError(
                    f"the Dask worker {worker} failed on batch {k + 1}: {type(exc).__name__}: {exc}; "
                    "the batches before it are stored: run the ingest again with --workers 1 to see "
                    "where") from exc
            raise self._lost(exc) from exc

    def _lost(self, exc: Exception) -> WorkerError:
        """The error for tasks lost or cancelled: their worker's death when it died (raised
        by `_check_lanes`, naming it), else the scheduler lost."""
        self._check_lanes()
        return WorkerError(f"lost the Dask scheduler at {self.address} ({type(exc).__name__}: {exc}); the "
                           "batches before it are stored: run the ingest again, it skips them")

    def _check_lanes(self) -> None:
        """Raise if a lane's worker has left the cluster: its pinned tasks would wait forever."""
        try:
            present = set(self.client.nthreads())
        except Exception as exc:  # noqa: BLE001 - a lost connection, whatever its class
            raise WorkerError(f"lost the Dask scheduler at {self.address} ({type(exc).__name__}: {exc}); "
                              "the batches already stored stay: run the ingest again, it skips them") from exc
        gone = [w for w in self.workers if w not in present]
        if gone:
            raise WorkerError(
                f"the Dask worker {', '.join(gone)} left the cluster at {self.address} (it died or was "
                "stopped) with batches in flight; the batches already stored stay: run the ingest "
                "again, it skips them (give workers more memory if they were killed)")


def connect(address: str) -> Client:
    """A client of the scheduler at `address`, with at least one worker.

    Raises:
        WorkerError: the address is not a scheduler that answers, or it has no workers.
    """
    try:
        # Ask first: a Client never gives up on a port that is not a scheduler's, and one
        # that fails half-way through starting hangs the exit.
        kind = asyncio.run(asyncio.wait_for(_identify(address), CONNECT_TIMEOUT + 5))
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        why = str(exc) or f"no answer in {CONNECT_TIMEOUT + 5} s"
        raise WorkerError(f"cannot reach the Dask scheduler at {address} ({why}); {_HOWTO}") from exc
    if kind != "Scheduler":
        raise WorkerError(f"{address} is a Dask {kind}, not the scheduler; give the scheduler's address")
    client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        client.close()
        raise WorkerError(f"the Dask scheduler at {address} has no workers after {CONNECT_TIMEOUT} s; "
                          f"{_HOWTO}") from exc
    return client


async def _identify(address: str) -> str | None:
    """What answers at `address`: "Scheduler", "Worker", ...; raises if nothing does."""
    comm = await connect_comm(address, timeout=CONNECT_TIMEOUT)
    try:
        await comm.write({"op": "identity", "reply": True})
        reply = await comm.read()
    finally:
        comm.abort()
    return reply.get("type") if isinstance(reply, dict) else None


def check_workers(client: Client, address: str) -> None:
    """Raise unless every worker runs the paperkg version this process runs."""
    here = importlib.metadata.version("paperkg")
    try:
        versions = client.run(importlib.metadata.version, "paperkg", on_error="return")
    except Exception as exc:  # noqa: BLE001 - the scheduler lost while asking
        raise WorkerError(f"cannot ask the Dask workers at {address} for their paperkg: {exc}") from exc
    wrong = {w: v for w, v in versions.items() if v != here}
    if wrong:
        listed = ", ".join(f"{w} ({v if isinstance(v, str) else 'not installed'})" for w, v in sorted(wrong.items()))
        raise WorkerError(f"Dask workers of {address} lack paperkg {here}: {listed}; install "
                          f"paperkg[dask] {here} on every worker machine")


# -- on the workers ---------------------------------------------------------------------------

class _Lane:
    """A worker's extractor for one ingest, with the batches it prepared."""

    def __init__(self, base: tuple) -> None:
        from . import Extractor

        extra, model_dir = base
        self.extractor = Extractor.default([decode_entity(e) for e in extra], model_dir=model_dir)
        self.lock = threading.Lock()  # a worker with several threads runs one extractor at a time
        self.added = 0                # batches whose names the extractor has added
        self.prepared: dict = {}


_LANES: dict[tuple[str, str], _Lane] = {}   # (worker address, ingest) -> lane; workers may share a process
_BUILDING = threading.Lock()


def _lane(run: str, base: tuple | None = None) -> _Lane:
    key = (get_worker().address, run)
    with _BUILDING:
        if key not in _LANES:
            if base is None:
                raise RuntimeError("this worker holds no extractor for the ingest: it restarted "
                                   "while the ingest ran")
            _LANES[key] = _Lane(base)
        return _LANES[key]


def _prepare(run: str, k: int, rows: list[tuple[str, str, str]], base: tuple) -> list | None:
    """Read batch k for discovery; keep it for `_extract`; return the names it introduces."""
    lane = _lane(run, base)
    with lane.lock:
        prepared = lane.extractor.prepare_batch([Paper(*row) for row in rows])
        lane.prepared[k] = prepared
    return None if prepared.found is None else [encode_entity(e) for e in prepared.found]


def _extract(run: str, k: int, start: int, names: list[list], _prepared, _previous) -> list[tuple]:
    """Add the names of batches start..k, then extract batch k (after the lane's previous
    batch, which `_previous`, that batch's future, guarantees)."""
    lane = _lane(run)
    with lane.lock:
        if lane.added != start or k not in lane.prepared:
            raise RuntimeError(f"this worker lost its place (at batch {lane.added}, asked for "
                               f"{start}): it restarted while the ingest ran")
        for batch_names in names:
            lane.extractor.add_discovered(decode_entity(e) for e in batch_names)
        lane.added = k + 1
        return [encode_extraction(x) for x in lane.extractor.extract_prepared(lane.prepared.pop(k), marks=True)]


def _forget_run(run: str, dask_worker=None) -> None:
    """Drop the extractor of ingest `run` (called on each worker at the end of an ingest)."""
    _LANES.pop((dask_worker.address, run), None)
