"""`paperkg ingest --dry-run`: what an ingest would change, worked out without writing.

Files are read and merged with the store exactly as an ingest would (`merge.plan_change`),
but nothing is extracted and nothing is written: the answer counts new papers, updated
papers with the fields that would change, papers whose mentions would be replaced (their
title or abstract changed), and unchanged ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tqdm import tqdm

from .ingest import IngestReport, check_paths, iter_batches, iter_records
from .merge import plan_change
from .store import BatchReport, Store


@dataclass
class DryRunReport(IngestReport):
    """An `IngestReport` of what would be written, plus what would change in which field."""

    fields: Counter = field(default_factory=Counter)
    mentions_replaced: int = 0

    def summary(self) -> str:
        """"Dry run, nothing written: 17 papers would be ingested (1 new, 2 updated, ...)"."""
        line = "Dry run, nothing written: " + super().summary().replace(" ingested", " would be ingested", 1)
        if self.fields:
            line += "; fields updated: " + ", ".join(f"{name} {n}" for name, n in sorted(self.fields.items()))
        return line + f"; mentions replaced for {self.mentions_replaced} paper(s)"


def preview_paths(
    paths: Sequence[str | Path],
    store: Store,
    format: str | None = None,
    as_of: date | None = None,
    batch_size: int = 500,
    progress: bool = True,
    on_problem: Callable[[str], None] | None = None,
    field_map: Mapping[str, str] | None = None,
) -> DryRunReport:
    """Read every file as `ingest_paths` would and report what writing it would change.

    Args: as for `ingest.ingest_paths`.

    Returns:
        A DryRunReport; the store is only read.
    """
    report = DryRunReport()
    records = iter_records(check_paths(paths), format, as_of, report, on_problem, field_map)
    with tqdm(desc="dry run", unit=" papers", disable=not progress, leave=False) as bar:
        for batch in iter_batches(records, batch_size):
            known = store.get_papers([p.id for p in batch])
            for paper in batch:
                change = plan_change(known.get(paper.id), paper)
                report.written += _count(change)
                report.fields.update(change.fields)
                report.mentions_replaced += change.replaces_mentions
            bar.update(len(batch))
    return report


def _count(change) -> BatchReport:
    if change.is_new:
        return BatchReport(added=1)
    return BatchReport(updated=1) if change.fields else BatchReport(unchanged=1)


def open_for_preview(db: str | Path) -> Store:
    """The store a dry run reads: the database when it exists, else an empty one in memory,
    so that a dry run never creates the file."""
    return Store(db) if Path(db).is_file() else Store(":memory:")
