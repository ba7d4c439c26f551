"""Ingest: read papers from the inputs paperkg knows, one module a format.

    from paperkg.graph.sources import iter_papers
    for item in iter_papers("data/daily_papers.txt"):
        ...  # a Paper, or a SkippedRecord saying which line was bad and what to do

Formats (`FORMATS`), told from the content by `detect_format` unless `format=` is given:

- "daily-papers": a Hugging Face Daily Papers page copied as text (`daily_papers`);
- "arxiv-jsonl": JSON Lines of arXiv listing records (`arxiv_jsonl`);
- "arxiv-snapshot": JSON Lines of the arXiv metadata snapshot (`arxiv_snapshot`);
- "json": JSON Lines or a JSON array of any records with a title and an abstract (OpenAlex,
  Semantic Scholar, OpenReview, conference lists, ...; `generic`, `shapes`, `fields`);
- "csv": a CSV (or TSV) file with a header line naming title and abstract columns (`generic`).

Every format may be gzipped. Bad records never stop good ones: each gives a `SkippedRecord`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

from ..errors import SourceFormatError
from ..records import Paper, SkippedRecord
from .arxiv_jsonl import iter_arxiv_jsonl_papers
from .arxiv_snapshot import iter_arxiv_snapshot_papers
from .daily_papers import iter_daily_papers
from .detect import FORMAT_HELP, FORMATS, MAPPED_FORMATS, describe_file_problem, detect_format
from .fields import parse_field_map
from .generic import iter_csv_papers, iter_json_papers
from .lines import check_readable

__all__ = ["FORMATS", "detect_format", "iter_papers", "normalise_format", "parse_field_map"]


def iter_papers(
    path: str | Path, format: str | None = None, as_of: date | None = None,
    field_map: Mapping[str, str] | None = None,
) -> Iterator[Paper | SkippedRecord]:
    """Read the papers of one input file, streaming, in file order.

    Checks run when this is called, not when iteration starts, so a wrong path fails at once.

    Args:
        path: the input file, plain or gzipped.
        format: one of `FORMATS` to skip detection; None detects it from the content.
        as_of: for daily-papers, the date that year-less dates are placed before
            (default today); other formats ignore it.
        field_map: for json and csv, the key or column of each paperkg field
            (`parse_field_map("title=paper_title,abstract=summary")`).

    Returns:
        An iterator of `Paper` and, for each record that cannot be read, `SkippedRecord`.
        With `format` given, an empty or binary file gives one `SkippedRecord` (line None).

    Raises:
        SourceNotFoundError: `path` does not exist or is not a readable file.
        SourceFormatError: `format` is not a known format; or it is None and the format
            cannot be told (an empty file, a binary file, an unknown shape); or the file
            starts like gzip but does not decompress; or `field_map` is given with a format
            it cannot apply to; or a CSV has no title or abstract column.
    """
    path = Path(path)
    check_readable(path)
    if format is None:
        format = detect_format(path, dict(field_map or {}))
    else:
        format = normalise_format(format)
        if field_map and format not in MAPPED_FORMATS:
            raise SourceFormatError(f"--map names the fields of json and csv inputs, not of {format}; "
                                    "drop --map or --format")
        problem = describe_file_problem(path)
        if problem:
            return iter([SkippedRecord(str(path), None, f"the file is {problem}")])
    if format == "daily-papers":
        return iter_daily_papers(path, as_of=as_of)
    if format == "arxiv-jsonl":
        return iter_arxiv_jsonl_papers(path)
    if format == "json":
        return iter_json_papers(path, field_map)
    if format == "csv":
        return iter_csv_papers(path, field_map)
    return iter_arxiv_snapshot_papers(path)


def normalise_format(name: str) -> str:
    """A format name as `FORMATS` spells it ("arxiv_jsonl" and "ARXIV-JSONL" are accepted).

    Raises:
        SourceFormatError: the name is not one of `FORMATS`.
    """
    normalised = name.strip().casefold().replace("_", "-")
    if normalised not in FORMATS:
        raise SourceFormatError(f"Unknown format {name!r}. {FORMAT_HELP}.")
    return normalised
