"""Extraction in N worker processes, with output identical to one process.

Papers go to the workers as (id, title, abstract) and come back as plain tuples (see
`encode_extraction`), never as spaCy Docs: `nlp.pipe(n_process=2)` was 7-15x slower
than one process because every Doc is serialised back.

Corpus-level discovery stays exact. In one process, batch k is matched with the names
discovered in batches 0..k. Discovery reads only a batch and the gazetteer
(`Extractor.prepare_batch`), so each batch is read for names by a worker as soon as it
is sent ("prepare"); the pool collects the names of batches in order, and sends batch
k's worker the names of every batch up to k that it has not seen yet before asking it to
match ("extract"). Each worker adds them in batch order, as one process would, so its
lexicon at batch k is the one-process lexicon at batch k. Batch k's worker is k mod N,
which keeps its prepared texts and name hits in memory until it extracts.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path

from paperkg.graph.errors import WorkerError
from paperkg.graph.records import (
    Entity, EntityType, Mention, Paper, PaperExtraction, Result, Role, mention_of,
)

log = logging.getLogger(__name__)

_TYPES = {t.value: t for t in EntityType}
_ROLES = {r.value: r for r in Role}


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
    """A paper's extraction as tuples of strings and numbers, without the paper itself."""
    mentions = [(m.field, m.start, m.end, m.text, m.sentence, m.type.value, m.entity_id,
                 m.confidence, m.component, m.role.value, m.phrase_start, m.phrase_end)
                for m in x.mentions]
    results = [(r.field, r.start, r.end, r.sentence, r.entity_id, r.metric, r.value, r.unit,
                r.model_id, r.metric_id) for r in x.results]
    return mentions, [encode_entity(e) for e in x.entities], results


def decode_extraction(paper: Paper, row: tuple) -> PaperExtraction:
    """The `PaperExtraction` of `paper` that `encode_extraction` made `row` of."""
    mentions, entities, results = row
    pid = paper.id
    return PaperExtraction(
        paper,
        tuple(mention_of(pid, f, s, e, t, sent, _TYPES[ty], eid, c, comp, _ROLES[role], ps, pe)
              for f, s, e, t, sent, ty, eid, c, comp, role, ps, pe in mentions),
        tuple(decode_entity(e) for e in entities),
        tuple(Result(pid, *r) for r in results),
    )


# -- the worker process -------------------------------------------------------------------

def _work(conn: Connection, extra: list[tuple], model_dir: str | None) -> None:
    """A worker's loop: build the extractor once, then answer "prepare" and "extract"."""
    from paperkg.graph.extract import Extractor

    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_read_into, args=(conn, inbox), daemon=True).start()
    try:
        extractor = Extractor.default([decode_entity(e) for e in extra], model_dir=model_dir)
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
                extractions = extractor.extract_prepared(prepared.pop(k))
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


class ExtractionPool:
    """N extraction processes fed batches in order; use as a context manager.

    Args:
        workers: the number of processes (at least 1).
        extra_entities: the user's and discovered names, as `Extractor.default` takes them.
        model_dir: a model from `paperkg train` to use beside the rules.
    """

    def __init__(self, workers: int, extra_entities: Iterable[Entity] = (),
                 model_dir: str | Path | None = None) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process holding SQLite
        extra = [encode_entity(e) for e in extra_entities]
        self.workers = max(1, workers)
        self._conns: list[Connection] = []
        self._procs = []
        for _ in range(self.workers):
            parent, child = context.Pipe()
            proc = context.Process(target=_work, args=(child, extra, str(model_dir) if model_dir else None),
                                   daemon=True)
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

    def extract_batches(self, batches: Iterable[tuple[object, list[Paper]]], window: int | None = None
                        ) -> Iterator[tuple[object, list[PaperExtraction]]]:
        """Extract batches in order: yields (tag, extractions) for each (tag, papers).

        `tag` is anything the caller wants back with its batch. At most `window` batches
        (default 2 a worker) are in flight, so memory stays flat whatever the input size.
        """
        window = window or 2 * self.workers
        source = iter(batches)
        pending: dict[int, tuple[object, list[Paper]]] = {}
        names: dict[int, list | None] = {}    # batch -> names it introduced, until all before it are in
        known: list[list] = []                # names of batches 0..ready-1, in batch order
        seen = [0] * self.workers             # how many of `known` each worker has added
        done: dict[int, list[tuple]] = {}
        ready = sent = emitted = 0
        exhausted = False
        while True:
            while not exhausted and sent - emitted < window:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                pending[sent] = item
                rows = [(p.id, p.title, p.abstract) for p in item[1]]
                self._conns[sent % self.workers].send(("prepare", sent, rows))
                sent += 1
            if emitted == sent:
                return
            if emitted in done:
                tag, papers = pending.pop(emitted)
                rows = done.pop(emitted)
                yield tag, [decode_extraction(p, row) for p, row in zip(papers, rows)]
                emitted += 1
                continue
            for conn in wait(self._conns):
                kind, k, payload = self._receive(conn)
                if kind == "prepared":
                    names[k] = payload
                    while ready in names:  # batch `ready` may be matched now
                        known.append(names.pop(ready) or [])
                        worker = ready % self.workers
                        self._conns[worker].send(("extract", ready, known[seen[worker]:ready + 1]))
                        seen[worker] = ready + 1
                        ready += 1
                else:
                    done[k] = payload

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
