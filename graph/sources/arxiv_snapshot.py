"""Read the arXiv metadata snapshot (Kaggle's arxiv-metadata-oai-snapshot.json), plain or gzipped.

One JSON object a line; the fields read, as the snapshot has them::

    {"id": "0704.0001",                          <- Paper.arxiv_id; old ids "math/0406593" too
     "title": "Calculation of prompt ... and\\n  LHC energies",   <- newlines, double spaces
     "abstract": "  A fully differential ...\\n", <- both normalised to single spaces
     "authors": "C. Bal\\\\'azs, E. L. Berger and C.-P. Yuan",  <- one string
     "authors_parsed": [["Balázs", "C.", ""], ...],  <- [last, first, suffix]; preferred
     "categories": "hep-ph cs.LG",                <- one space-separated string
     "comments": "37 pages, 15 figures",         <- searched for URLs with the abstract
     "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, ...],
     "update_date": "2008-11-24"}

Paper.date is the day version 1 was submitted, so that it means what `listing_date` means
in the arXiv listing shape (when the paper first appeared); `update_date`, the day of the
latest version, is used only when `versions` is missing or unreadable; Paper.year is the
date's year. `doi` ("10.1103/PhysRevD.76.013009") is Paper.doi. Other fields (submitter,
journal-ref, license, ...) are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from ..records import Paper, SkippedRecord, paper_id
from .fields import parse_doi
from .jsonl import clean_text, iter_converted, missing_fields, parse_iso_date, split_authors, text_list
from .urls import find_urls, select_code_urls


def iter_arxiv_snapshot_papers(path: str | Path) -> Iterator[Paper | SkippedRecord]:
    """Yield a `Paper` for each snapshot record of `path`, a `SkippedRecord` for each bad line.

    Args:
        path: a JSON Lines file in the snapshot shape, gzipped or not.
    """
    return iter_converted(Path(path), snapshot_to_paper)


def snapshot_to_paper(record: dict[str, Any], source: str, line: int) -> Paper | SkippedRecord:
    """Turn one snapshot record, from line `line` of `source`, into a Paper.

    Returns a `SkippedRecord` when the title or the abstract is missing or empty.
    """
    title = clean_text(record.get("title"))
    abstract = clean_text(record.get("abstract"))
    arxiv_id = clean_text(record.get("id")) or None
    problem = missing_fields(title=title, abstract=abstract)
    if problem:
        return SkippedRecord(source, line, f"{problem} (id {arxiv_id})" if arxiv_id else problem)
    where = f"{source}:{line}"
    authors = parsed_authors(record.get("authors_parsed")) or split_authors(record.get("authors"))
    urls = find_urls(f"{abstract} {clean_text(record.get('comments'))}")
    day = first_version_date(record.get("versions")) or parse_iso_date(record.get("update_date"), where)
    return Paper(
        id=paper_id(title, arxiv_id),
        title=title,
        abstract=abstract,
        date=day,
        year=day.year if day else None,
        doi=parse_doi(record.get("doi"), where),
        authors=authors,
        authors_count=len(authors) or None,
        code_urls=select_code_urls(urls),
        urls=urls,
        arxiv_id=arxiv_id,
        categories=text_list(record.get("categories")),
        source=where,
    )


def parsed_authors(value: Any) -> tuple[str, ...]:
    """Names from `authors_parsed` ([last, first, suffix] lists) as "first last suffix".

    Returns () when the field is absent or not in that shape, so the caller falls back.
    """
    if not isinstance(value, list):
        return ()
    names = []
    for parts in value:
        if not isinstance(parts, list) or not parts:
            return ()
        last, first, suffix = (list(parts) + ["", ""])[:3]
        name = clean_text(" ".join(clean_text(part) for part in (first, last, suffix)))
        if name:
            names.append(name)
    return tuple(names)


def first_version_date(versions: Any) -> date | None:
    """The day version 1 was created ("Mon, 2 Apr 2007 19:18:42 GMT" -> 2007-04-02), or None."""
    if not isinstance(versions, list) or not versions or not isinstance(versions[0], dict):
        return None
    created = versions[0].get("created")
    if not isinstance(created, str):
        return None
    try:
        return parsedate_to_datetime(created).date()
    except (TypeError, ValueError, IndexError):
        return None
