"""Batches extracted elsewhere, in lanes, with the output of one process.

Both ways of extracting away from the ingest's process, local worker processes
(`workers.py`) and a Dask cluster (`dask_pool.py`), run this one loop; they differ only
in how a message reaches a lane and how an answer comes back (`Lanes`).

Corpus-level discovery stays exact. In one process, batch k is matched with the names
discovered in batches 0..k. Discovery reads only a batch and the gazetteer
(`Extractor.prepare_batch`), so each batch is read for names by its lane as soon as it is
sent ("prepare"); the loop collects the names of batches in order, and sends batch k's
lane the names of every batch up to k that it has not been sent yet before asking it to
match ("extract"). Each lane adds them in batch order, as one process would, so its
lexicon at batch k is the one-process lexicon at batch k. Batch k's lane is k mod N,
which keeps its prepared texts and name hits in memory until it extracts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from paperkg.graph.encoded_extraction import EncodedExtraction
from paperkg.graph.records import Paper

from .workers import decode_for_store


class Lanes(Protocol):
    """Where batches go: `lanes` workers, each holding one extractor.

    A lane handles its messages in the order they were sent. Names are plain tuples
    (`encode_entity`), extractions plain tuples (`encode_extraction`).
    """

    lanes: int

    def send_prepare(self, lane: int, k: int, rows: list[tuple[str, str, str]]) -> None:
        """Ask `lane` to read batch k's (id, title, abstract) rows for discovery."""

    def send_extract(self, lane: int, k: int, names: list[list]) -> None:
        """Ask `lane` to add `names` (each earlier batch's, in batch order), then match batch k."""

    def receive(self) -> tuple[str, int, object]:
        """The next answer: ("prepared", k, names or None) or ("extracted", k, rows)."""


def extract_in_order(lanes: Lanes, batches: Iterable[tuple[object, list[Paper]]],
                     window: int | None = None, when_all_sent: Callable[[], None] | None = None
                     ) -> Iterator[tuple[object, list[EncodedExtraction]]]:
    """Extract batches in order: yields (tag, extractions) for each (tag, papers), each
    extraction with its mentions as the tuples the store writes (`encoded_extraction.py`).

    `tag` is anything the caller wants back with its batch. At most `window` batches
    (default 2 a lane) are in flight, so memory stays flat whatever the input size.
    `when_all_sent` is called once, when every batch has been read and every lane asked to
    match all of its batches: the lanes then have the most work queued that they will have,
    so work the caller does there runs beside theirs (an ingest builds the corpus step's
    indexes then; built as soon as the last batch was read, the lanes ran out of batches to
    match while it built them, as the names of the last batches had not come back yet).
    """
    count = lanes.lanes
    window = window or 2 * count
    source = iter(batches)
    pending: dict[int, tuple[object, list[Paper]]] = {}
    names: dict[int, list | None] = {}    # batch -> names it introduced, until all before it are in
    known: list[list] = []                # names of batches 0..ready-1, in batch order
    seen = [0] * count                    # how many of `known` each lane has been sent
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
            lanes.send_prepare(sent % count, sent, [(p.id, p.title, p.abstract) for p in item[1]])
            sent += 1
        if when_all_sent is not None and exhausted and ready == sent:
            when_all_sent()
            when_all_sent = None
        if emitted == sent:
            return
        if emitted in done:
            tag, papers = pending.pop(emitted)
            rows = done.pop(emitted)
            decoded: dict = {}  # one batch's entities, each decoded once
            yield tag, [decode_for_store(p, row, decoded) for p, row in zip(papers, rows)]
            emitted += 1
            continue
        kind, k, payload = lanes.receive()
        if kind == "prepared":
            names[k] = payload
            while ready in names:  # batch `ready` may be matched now
                known.append(names.pop(ready) or [])
                lane = ready % count
                lanes.send_extract(lane, ready, known[seen[lane]:ready + 1])
                seen[lane] = ready + 1
                ready += 1
        else:
            done[k] = payload
