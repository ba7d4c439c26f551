"""Ingest files into the store: read papers, extract what they name, write in batches.

This is the one place the left half of the flow meets: sources -> extract -> store.
Each batch is written in one transaction, so a run killed halfway keeps every batch
before the one it was in and leaves the store whole.
"""

from __future__ import annotations

import logging
from contextlib import nullcontext
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tqdm import tqdm

from .corpus import CORPUS_STEP_DUE, STEP_INDEXES, SettleReport, settle_corpus, touched_entities
from .errors import SourceFormatError, SourceNotFoundError
from .extract import Extractor
from .extract.workers import default_workers
from .ingest_batches import write_batches
from .ingest_extractors import open_batch_extractor
from .ingest_stages import StageClock
from .records import Paper, PaperExtraction, SkippedRecord
from .sources import iter_papers
from .store import BatchReport, Store

log = logging.getLogger(__name__)

@dataclass
class IngestReport:
    """What an ingest run did, for the summary line."""

    written: BatchReport = field(default_factory=BatchReport)
    skipped: list[SkippedRecord] = field(default_factory=list)
    failed_files: list[str] = field(default_factory=list)
    corpus: SettleReport | None = None  # the corpus step, when papers were written

    @property
    def ingested(self) -> int:
        return self.written.added + self.written.updated + self.written.unchanged

    def summary(self) -> str:
        """One line such as "16 papers ingested (16 new, 0 updated, 0 unchanged), 1 skipped"."""
        w = self.written
        noun = "paper" if self.ingested == 1 else "papers"
        line = (f"{self.ingested} {noun} ingested ({w.added} new, {w.updated} updated, "
                f"{w.unchanged} unchanged), {len(self.skipped)} skipped")
        if self.failed_files:
            line += f", {len(self.failed_files)} file(s) not read"
        return line


def check_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Fail before any work when an input is missing, naming it.

    Raises:
        SourceNotFoundError: a path does not exist or is a directory.
    """
    checked = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            what = "is a directory" if path.is_dir() else "does not exist"
            raise SourceNotFoundError(f"{path} {what}; give the path of a paper listing or JSON Lines file")
        checked.append(path)
    return checked


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    extractor: Extractor | None = None,
    format: str | None = None,
    as_of: date | None = None,
    batch_size: int = 500,
    reextract: bool = False,
    progress: bool = True,
    on_problem: Callable[[str], None] | None = None,
    model_dir: str | Path | None = None,
    min_confidence: float | None = None,
    workers: int | None = 1,
    field_map: Mapping[str, str] | None = None,
    dask: str | None = None,
    defer_indexes: bool | None = None,
) -> IngestReport:
    """Read every file, extract entities from new or changed papers, and store them.

    Args:
        paths: input files (format detected from content unless `format` is given).
        store: where to write.
        extractor: defaults to the bundled pipeline plus the store's user and discovered names.
        format: force one source format.
        as_of: reference date for dates printed without a year.
        batch_size: papers per transaction.
        reextract: extract again from unchanged papers too (after new names were added).
        progress: show a progress bar on stderr.
        on_problem: called with one line for each skipped record or unreadable file, as
            it happens (logged as a warning when not given).
        model_dir: a model from `paperkg train` to use beside the rules.
        min_confidence: the corpus step's confidence floor for singletons (None: the
            stored setting, default 0.65); see `corpus.settle_corpus`.
        workers: extraction processes (`extract/workers.py`), None for one a core on
            inputs of more than two batches; as many judge the corpus step's entities
            (`corpus_verdicts.py`, None: one a core). The store ends up the same.
        field_map: for json and csv inputs, the key of each field (`sources.parse_field_map`).
        dask: extract on the workers of the Dask scheduler at this address instead
            (`extract/dask_pool.py`); the store ends up the same.
        defer_indexes: into an empty store, build the indexes the corpus step reads after
            the batches and the readers' others after the step (`Store.deferred_indexes`);
            None does so for inputs of `BULK_INPUT_BYTES` or more, where it pays (a small
            store rebuilds them for nothing, in more space).

    Returns:
        An IngestReport; bad records and unreadable files are listed in it, not raised.
    """
    files = check_paths(paths)
    report = IngestReport()
    store.tune_for_bulk_writes()
    changed_ids: list[str] = []
    written_entities: set[str] = set()  # those a paper's extraction wrote, with a mention or not

    def note_written(extractions: list[PaperExtraction]) -> None:
        changed_ids.extend(x.paper.id for x in extractions)
        written_entities.update(e.id for x in extractions for e in x.entities)

    records = iter_records(files, format, as_of, report, on_problem, field_map)
    # An ingest stopped after its batches and before its corpus step left papers whose
    # entities no step decided, and those papers read as unchanged now: decide every entity.
    step_left_undone = store.setting(CORPUS_STEP_DUE) is not None
    # Into an empty store, every entity the step finds was written by this ingest: it
    # decides them all, without first finding them through every new paper's mentions.
    every_entity = step_left_undone or store.is_empty()
    store.set_setting(CORPUS_STEP_DUE, "1")  # until this ingest's corpus step commits
    clock = StageClock()
    with _deferring(store, files, defer_indexes, progress) as build_indexes:
        with open_batch_extractor(store, extractor, workers, model_dir, dask) as extract_batches, \
                tqdm(desc="ingest", unit=" papers", disable=not progress, leave=False) as bar:
            # The indexes the corpus step reads are built once the last batch is read and every
            # worker has been asked to extract all of its batches, while they still extract the
            # batches in flight (the rest once the step is done: it need not keep them up); the
            # batches written after take their rows a row at a time.
            report.written += write_batches(iter_batches(records, batch_size), store, extract_batches,
                                            reextract=reextract, on_batch=bar.update,
                                            on_written=note_written,
                                            when_all_sent=lambda: build_indexes(STEP_INDEXES))
        clock.lap("batches")
        # built already, unless the batches stopped early; the step's commit is then checkpointed
        # beside the readers' indexes (`Store.deferred_indexes`)
        build_indexes(STEP_INDEXES, last=True)
        clock.lap("indexes")
        if changed_ids or step_left_undone:  # types and the floor are decided over the corpus, after the batches
            # the entities the papers name now, those their extractions wrote (a variant's parent
            # that no mention names is removed then, not at a later step), and those their
            # replaced mentions named; all of them after a step left undone, or into an empty store
            touched = None if every_entity else \
                touched_entities(store, changed_ids) | written_entities | report.written.replaced_entities
            clock.lap("entities touched")
            report.corpus = settle_corpus(store, min_confidence, touched, progress=progress,
                                          workers=workers or default_workers())
            clock.lap("corpus step")
        else:
            store.forget_setting(CORPUS_STEP_DUE)
    clock.lap("read indexes")
    return report


BULK_INPUT_BYTES = 8 * 1024 * 1024  # about 4,500 papers of arXiv JSON Lines


def _deferring(store: Store, files: Sequence[Path], defer: bool | None, progress: bool):
    """`store.deferred_indexes()` when asked, or by default for a bulk input; else nothing
    deferred (and a `build_now` that does nothing)."""
    if defer is None:
        defer = sum(f.stat().st_size for f in files) >= BULK_INPUT_BYTES
    return store.deferred_indexes(progress, first=STEP_INDEXES) if defer else nullcontext(lambda names, last=False: None)


def iter_records(files: Iterable[Path], format: str | None, as_of: date | None,
                 report: IngestReport, on_problem: Callable[[str], None] | None,
                 field_map: Mapping[str, str] | None = None) -> Iterator[Paper]:
    """The papers of every file; skipped records and unreadable files go to `report`."""
    on_problem = on_problem or log.warning
    for path in files:
        try:
            for record in iter_papers(path, format=format, as_of=as_of, field_map=field_map):
                if isinstance(record, SkippedRecord):
                    on_problem(str(record))
                    report.skipped.append(record)
                else:
                    yield record
        except SourceFormatError as exc:
            on_problem(str(exc))
            report.failed_files.append(str(path))


def iter_batches(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    """Batches of distinct papers; a paper seen twice in one batch keeps its last version."""
    batch: dict[str, Paper] = {}
    for paper in papers:
        batch[paper.id] = paper
        if len(batch) >= size:
            yield list(batch.values())
            batch = {}
    if batch:
        yield list(batch.values())
