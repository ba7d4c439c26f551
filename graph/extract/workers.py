"""Extraction in N worker processes, with output identical to one process.

Papers go to the workers as (id, title, abstract) and come back as plain tuples (see
`encode_extraction`), never as spaCy Docs: `nlp.pipe(n_process=2)` was 7-15x slower
than one process because every Doc is serialised back.

Batches are ordered and their discovered names shared out by `batch_order.py`, the loop
a Dask cluster (`dask_pool.py`) runs too: each worker process is one lane of it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path

from paperkg.graph.encoded_extraction import EncodedExtraction
from paperkg.graph.errors import WorkerError
# `may_introduce` is read from here by the store (`store_rows.stored_mark`)
from paperkg.graph.mention_readings import may_introduce, reading_marks  # noqa: F401
from paperkg.graph.records import (
    Entity, EntityType, Paper, PaperExtraction, Result, spanned_mentions,
)

log = logging.getLogger(__name__)

_TYPES = {t.value: t for t in EntityType}


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# -- plain records ------------------------------------------------------------------------

def encode_entity(e: Entity) -> tuple:
    return (e.id, e.name, e.type.value, e.aliases, e.variant_of, e.external_ids, e.origin)


def decode_entity(row: Sequence) -> Entity:
    eid, name, type_, aliases, variant_of, external_ids, origin = row
    return Entity(eid, name, _TYPES[type_], tuple(aliases), variant_of,
                  tuple(tuple(x) for x in external_ids), origin)


def encode_extraction(x: PaperExtraction) -> tuple:
    """A paper's extraction as tuples of strings and numbers, without the paper itself (a
    mention's sentence as its span in the paper's field, which the parent has),
    with its mentions' reading marks (`mention_readings.reading_marks`): those the
    extraction carries (`Extractor.extract_prepared(..., marks=True)`), else computed here."""
    mentions = [(m.field, m.start, m.end, m.text, m.sentence_start, m.sentence_end, m.type.value, m.entity_id,
                 m.confidence, m.component, m.role.value, m.phrase_start, m.phrase_end)
                for m in spanned_mentions(x)]
    results = [(r.field, r.start, r.end, r.sentence, r.entity_id, r.metric, r.value, r.unit,
                r.model_id, r.metric_id) for r in x.results]
    return mentions, [encode_entity(e) for e in x.entities], results, x.votes, \
        x.reads if len(x.reads) == len(x.mentions) else reading_marks(x)


def decode_extraction(paper: Paper, row: tuple, decoded: dict | None = None) -> PaperExtraction:
    """The `PaperExtraction` of `paper` that `encode_extraction` made `row` of.

    `decoded` remembers the entities decoded from each entity row, for the papers of one
    batch: a name many of them use ("BERT") is then one `Entity`, decoded once, which the
    store's write also compares with itself at once (`store_rows.new_entities`)."""
    return decode_for_store(paper, row, decoded).plain()


def decode_for_store(paper: Paper, row: tuple, decoded: dict | None = None) -> EncodedExtraction:
    """`decode_extraction`, with the mentions left as the tuples the store writes
    (`encoded_extraction.py`)."""
    mentions, entities, results, votes, marks = row
    pid = paper.id
    return EncodedExtraction(
        paper,
        tuple(mentions),
        tuple(_decoded_entity(e, decoded) for e in entities) if decoded is not None
        else tuple(decode_entity(e) for e in entities),
        tuple(Result(pid, *r) for r in results),
        tuple(votes),
        tuple(marks),
    )


def _decoded_entity(row: Sequence, decoded: dict) -> Entity:
    """`decode_entity(row)`, remembered in `decoded` (a row of lists, as another transport may
    give, is decoded afresh)."""
    try:
        entity = decoded.get(row)
    except TypeError:
        return decode_entity(row)
    if entity is None:
        entity = decoded[row] = decode_entity(row)
    return entity


# -- the worker process -------------------------------------------------------------------

def _work(conn: Connection, built, extra: list[tuple], model_dir: str | None,
          inherited: Sequence[Connection] = ()) -> None:
    """A worker's loop: take the extractor its parent `built` before forking it, or build
    one (a spawned process), then answer "prepare" and "extract".

    A forked worker first closes the parent's ends of the pipes it `inherited` (its own
    among them): while any process holds one, the worker never sees its pipe end when the
    ingest is killed, and waits for a message for ever."""
    from paperkg.graph.extract import Extractor

    for end in inherited:
        end.close()
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_read_into, args=(conn, inbox), daemon=True).start()
    try:
        extractor = built or Extractor.default([decode_entity(e) for e in extra], model_dir=model_dir)
        conn.send(("ready", None, None))
        prepared = {}
        while (message := inbox.get()) is not None:
            kind, k, payload = message
            if kind == "prepare":
                papers = [Paper(pid, title, abstract) for pid, title, abstract in payload]
                prepared[k] = extractor.prepare_batch(papers)
                found = prepared[k].found
                conn.send(("prepared", k, None if found is None else [encode_entity(e) for e in found]))
            else:
                for names in payload:  # the names of each earlier batch, in batch order
                    extractor.add_discovered(decode_entity(e) for e in names)
                extractions = extractor.extract_prepared(prepared.pop(k), marks=True)
                conn.send(("extracted", k, [encode_extraction(x) for x in extractions]))
    except (KeyboardInterrupt, EOFError):
        pass
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("failed", None, f"{type(exc).__name__}: {exc}"))


def _read_into(conn: Connection, inbox: queue.SimpleQueue) -> None:
    """Receive messages as they come, so that the parent never blocks sending a batch to
    a worker that is itself blocked sending results (both pipes full: a deadlock)."""
    try:
        while (message := conn.recv()) is not None:
            inbox.put(message)
    except (EOFError, OSError):
        pass
    inbox.put(None)


def _start(extra: list[Entity], model_dir: str | Path | None) -> tuple:
    """How workers start: (multiprocessing context, `_work`'s arguments after the pipe).

    Where processes fork (Linux), the extractor is built once here and each worker is
    forked with it: spawned, each imported spaCy and built its own (about 5 CPU seconds
    each at the start of every ingest). A forked child never touches the parent's SQLite
    connection (https://sqlite.org/howtocorrupt.html#_carrying_an_open_database_connection_across_a_fork_):
    it has no store, and ends with os._exit, closing nothing of it."""
    if "fork" in multiprocessing.get_all_start_methods():
        from paperkg.graph.extract import Extractor

        return multiprocessing.get_context("fork"), (Extractor.default(extra, model_dir=model_dir), None, None)
    return (multiprocessing.get_context("spawn"),
            (None, [encode_entity(e) for e in extra], str(model_dir) if model_dir else None))


class ExtractionPool:
    """N extraction processes fed batches in order; use as a context manager.

    Args:
        workers: the number of processes (at least 1).
        extra_entities: the user's and discovered names, as `Extractor.default` takes them.
        model_dir: a model from `paperkg train` to use beside the rules.
    """

    def __init__(self, workers: int, extra_entities: Iterable[Entity] = (),
                 model_dir: str | Path | None = None) -> None:
        context, args = _start(list(extra_entities), model_dir)
        self.workers = max(1, workers)
        self._conns: list[Connection] = []
        self._procs = []
        self._inbox: deque[tuple] = deque()
        for _ in range(self.workers):
            parent, child = context.Pipe()
            inherited = [*self._conns, parent] if context.get_start_method() == "fork" else []
            proc = context.Process(target=_work, args=(child, *args, inherited), daemon=True)
            proc.start()
            child.close()
            self._conns.append(parent)
            self._procs.append(proc)
        for conn in self._conns:
            self._receive(conn)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (each finishes its message first)."""
        for conn in self._conns:
            try:
                conn.send(None)
            except OSError:
                pass
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
        self._conns, self._procs = [], []

    def extract_batches(self, batches: Iterable[tuple[object, list[Paper]]], window: int | None = None,
                        when_all_sent: Callable[[], None] | None = None
                        ) -> Iterator[tuple[object, list[EncodedExtraction]]]:
        """Extract batches in order: yields (tag, extractions) for each (tag, papers).

        `tag` is anything the caller wants back with its batch. At most `window` batches
        (default 2 a worker) are in flight, so memory stays flat whatever the input size.
        `when_all_sent`: see `batch_order.extract_in_order`.
        """
        from .batch_order import extract_in_order

        yield from extract_in_order(self, batches, window, when_all_sent)

    # -- the lanes of `batch_order.extract_in_order`: one a worker process ----------------

    @property
    def lanes(self) -> int:
        return self.workers

    def send_prepare(self, lane: int, k: int, rows: list[tuple[str, str, str]]) -> None:
        self._conns[lane].send(("prepare", k, rows))

    def send_extract(self, lane: int, k: int, names: list[list]) -> None:
        self._conns[lane].send(("extract", k, names))

    def receive(self) -> tuple[str, int, object]:
        while not self._inbox:
            self._inbox.extend(self._receive(conn) for conn in wait(self._conns))
        return self._inbox.popleft()

    def _receive(self, conn: Connection) -> tuple:
        try:
            message = conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerError(
                "an extraction worker process died (out of memory?); nothing of the batches in "
                "flight was stored: run the ingest again, with fewer --workers if memory is short"
            ) from exc
        if message[0] == "failed":
            raise WorkerError(f"an extraction worker failed: {message[2]}; nothing of the batches "
                              "in flight was stored: run the ingest again with --workers 1 to see where")
        return message
