"""Choose what runs extraction for an ingest: this process, N worker processes or a Dask cluster.

Every choice starts from the same names: the bundled gazetteer plus the store's user and
discovered entities (`paperkg reextract`: the user's alone), so re-ingesting with any of
them gives the same store.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path

from .extract import Extractor
from .errors import WorkerError
from .extract.workers import default_workers
from .ingest_batches import BatchExtractor, extract_here
from .records import Entity
from .store import Store


_SMALL_INPUT = 3  # batches: with fewer, `workers=None` extracts in this process


def known_entities(store: Store) -> list[Entity]:
    """The names extraction starts from beside the gazetteer: the user's, then discovered."""
    return store.entities_by_origin("user") + store.matched_discovered()


@contextmanager
def open_batch_extractor(store: Store, extractor: Extractor | None = None, workers: int | None = None,
                         model_dir: str | Path | None = None, dask: str | None = None,
                         names: list[Entity] | None = None
                         ) -> Iterator[BatchExtractor]:
    """A `BatchExtractor` for an ingest; workers and cluster connections close on exit.

    Args:
        store: the database the ingest writes (its names seed the extractor).
        extractor: extract in this process with this extractor (ignores the rest).
        workers: local extraction processes; 1 extracts in this process; None uses
            one a core when the input is more than two batches.
        model_dir: a model from `paperkg train`, loaded by each extractor.
        dask: the address of a Dask scheduler to extract on its workers (ignores `workers`).
        names: the names to start from beside the gazetteer (default `known_entities`;
            `reextract` starts from the user's alone and discovers anew).
    """
    if extractor is not None:
        yield extract_here(extractor)
        return
    names = known_entities(store) if names is None else names
    if dask is not None:
        with _dask_pool(dask, names, model_dir) as pool:
            yield pool.extract_batches
    elif workers is not None and workers <= 1:
        yield extract_here(Extractor.default(extra_entities=names, model_dir=model_dir))
    else:
        yield _pool_when_worth_it(names, workers or default_workers(), model_dir,
                                  explicit=workers is not None)


def _dask_pool(address: str, entities: list[Entity], model_dir):
    """A `DaskPool` on the scheduler at `address` (`extract/dask_pool.py`).

    Raises:
        WorkerError: Dask is not installed, or the cluster cannot be used.
    """
    try:
        from .extract.dask_pool import DaskPool
    except ImportError as exc:
        if exc.name not in ("dask", "distributed"):
            raise
        raise WorkerError(f"--dask {address} needs Dask, which is not installed: pip install "
                          "'paperkg[dask]' here and on every worker machine") from exc
    return DaskPool(address, entities, model_dir)


def _pool_when_worth_it(names: list[Entity], workers: int, model_dir, explicit: bool) -> BatchExtractor:
    """Worker processes, unless `workers` was not asked for and the input is one or two
    batches: then starting the processes (about a second each) costs more than it saves."""
    from .extract.workers import ExtractionPool

    def run(batches, when_all_sent=None):
        source = iter(batches)
        head = list(islice(source, 0 if explicit else _SMALL_INPUT))
        if workers <= 1 or len(head) < _SMALL_INPUT and not explicit:
            here = extract_here(Extractor.default(extra_entities=names, model_dir=model_dir))
            yield from here(chain(head, source), when_all_sent)
            return
        with ExtractionPool(workers, names, model_dir) as pool:
            yield from pool.extract_batches(chain(head, source), window=BATCHES_A_WORKER * workers,
                                            when_all_sent=when_all_sent)
    return run


# Batches in flight a worker process. A worker is asked to match batch k once the parent has
# the names every batch up to k introduced, and the parent asks between its writes: with two
# batches a worker (the default of `batch_order`), a worker often had nothing to match while
# the parent wrote a batch (its commit now and then moving the write-ahead log into the
# database) or read the next file. The mid-run waits of an ingest of 6,634 papers summed
# 0.5-1.1 s a worker in 10-13 s (load 6-7); with four, 0-0.13 s: the next batch was asked for.
# A batch in flight is 500 papers' texts here and their prepared documents in a worker.
BATCHES_A_WORKER = 4
