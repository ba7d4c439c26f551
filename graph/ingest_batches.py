"""The write loop of ingest: batches of papers -> extraction (here or elsewhere) -> store.

Extraction runs in this process or in local worker processes (`extract/workers.py`);
both take (tag, papers) batches in order and
give back (tag, extractions) in the same order, so the store sees one sequence of
writes whatever runs the extraction, and ends up identical.

With several batches in flight, the next batch is checked for changed papers before
the ones before it are stored. `InFlight` remembers the fingerprints sent but not yet
stored, so a paper seen again in a later batch is judged against its newest version,
as one process judging after each write would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .extract import Extractor
from .encoded_extraction import EncodedExtraction
from .records import Paper, PaperExtraction
from .speed import gc_paused
from .store import BatchReport, Store, paper_fingerprint

T = TypeVar("T")

# (tag, papers) batches in, (tag, extractions) out, in order; worker processes and Dask give
# their extractions as they came (`encoded_extraction.py`), which the store writes as it is.
# Its keyword `when_all_sent` (a callable or None) is called once every batch has been read and
# given to the extraction (`batch_order.extract_in_order`; in this process, once the last is extracted).
BatchExtractor = Callable[[Iterable[tuple[object, list[Paper]]], Callable[[], None] | None],
                          Iterator[tuple[object, list[PaperExtraction | EncodedExtraction]]]]


def extract_here(extractor: Extractor) -> BatchExtractor:
    """A `BatchExtractor` that runs `extractor` in this process, one discovery batch a batch
    (as the workers do, whatever the batch size)."""
    def run(batches, when_all_sent=None):
        for tag, papers in batches:
            yield tag, list(extractor.extract(papers, batch_size=max(1, len(papers))))
        if when_all_sent is not None:
            when_all_sent()
    return run


class InFlight:
    """The papers sent for extraction and not yet stored, with their fingerprints."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._sent: dict[str, tuple[int, str]] = {}

    def changed(self, k: int, batch: list[Paper]) -> list[Paper]:
        """The papers of batch `k` that differ from their newest stored or sent version."""
        in_store = {p.id for p in self.store.changed_papers([p for p in batch if p.id not in self._sent])}
        changed = []
        for paper in batch:
            sent = self._sent.get(paper.id)
            fingerprint = paper_fingerprint(paper) if sent is not None else None
            if (sent[1] != fingerprint) if sent is not None else paper.id in in_store:
                changed.append(paper)
        for paper in changed:
            self._sent[paper.id] = (k, paper_fingerprint(paper))
        return changed

    def stored(self, k: int, papers: list[Paper]) -> None:
        """Batch `k` is stored: its papers are judged by the store from now on."""
        for paper in papers:
            if self._sent.get(paper.id, (None,))[0] == k:
                del self._sent[paper.id]


def gc_paused_each(items: Iterable[T]) -> Iterator[T]:
    """The items, each made with the cyclic garbage collector paused (`speed.gc_paused`).

    Making a batch's item here means reading and checking the papers, receiving the
    workers' answer and building its records: hundreds of thousands of objects that
    live until the batch is stored, which the collector's young passes scanned again and
    again for nothing (unpickling and decoding a batch took five times as long with it
    running). None of them form reference cycles."""
    source = iter(items)
    while True:
        with gc_paused():
            item = next(source, _END)
        if item is _END:
            return
        yield item


_END = object()


def write_batches(batches: Iterable[list[Paper]], store: Store, extract_batches: BatchExtractor,
                  reextract: bool = False, on_batch: Callable[[int], None] | None = None,
                  on_written: Callable[[list[PaperExtraction | EncodedExtraction]], None] | None = None,
                  renew: set[str] | None = None, when_all_sent: Callable[[], None] | None = None) -> BatchReport:
    """Extract the new or changed papers of each batch and store them, batch by batch.

    Args:
        batches: lists of distinct papers, one transaction each.
        store: where to write.
        extract_batches: what extracts (see `BatchExtractor`).
        reextract: extract and rewrite unchanged papers too.
        on_batch: called with the size of each batch once it is stored (a progress bar).
        on_written: called with the extractions of each batch's papers that were extracted
            and written.
        renew: entities whose stored rows the first write replaces (`Store.write_batch`).
        when_all_sent: called once every batch is read and given to the extraction (see
            `BatchExtractor`), not if the batches stop first.
    """
    flight = InFlight(store)
    report = BatchReport()

    def tagged():
        for k, batch in enumerate(batches):
            changed = batch if reextract else flight.changed(k, batch)
            yield (k, batch, changed), changed

    for (k, batch, changed), extractions in gc_paused_each(extract_batches(tagged(), when_all_sent=when_all_sent)):
        with gc_paused():
            report += store.write_batch(extractions, force=reextract, renew=renew)
        report += BatchReport(unchanged=len(batch) - len(changed))
        flight.stored(k, changed)
        if on_written:
            on_written(extractions)
        if on_batch:
            on_batch(len(batch))
    return report
