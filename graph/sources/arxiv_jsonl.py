"""Read JSON Lines of arXiv listing records, plain or gzipped.

One JSON object a line, in the shape of ../shared/corpora/arxiv_cs_2025_2026::

    {"arxiv_id": "2503.11792",                 <- Paper.arxiv_id; Paper.id without "vN"
     "title": "StyleMorpheus: ...",            <- required; whitespace normalised
     "authors": ["Peizhi Yan", ...],           <- list (one string "A, B and C" also read)
     "categories": ["cs.CV"], "primary_category": "cs.CV",
     "listing_date": "2025-03-18",             <- Paper.date, and its year Paper.year
     "abstract": "For 3D face modeling, ...",  <- required; whitespace normalised
     "comment": "13 pages, ..." or null,
     "urls": [...], "code_urls": [...],        <- taken as given; found in the abstract and
     "abs_url": "https://arxiv.org/abs/..."}      comment when the fields are absent

Unknown fields are ignored. A record without title or abstract, and a line that is not a
JSON object, gives a `SkippedRecord` naming the line; the records around it still come out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..records import Paper, SkippedRecord, paper_id
from .jsonl import clean_text, iter_converted, missing_fields, parse_iso_date, split_authors, text_list
from .urls import find_urls, select_code_urls


def iter_arxiv_jsonl_papers(path: str | Path) -> Iterator[Paper | SkippedRecord]:
    """Yield a `Paper` for each arXiv record of `path`, a `SkippedRecord` for each bad line.

    Args:
        path: a .jsonl file, gzipped or not (told by its first bytes, not its name).
    """
    return iter_converted(Path(path), record_to_paper)


def record_to_paper(record: dict[str, Any], source: str, line: int) -> Paper | SkippedRecord:
    """Turn one arXiv listing record, from line `line` of `source`, into a Paper.

    Returns a `SkippedRecord` when the title or the abstract is missing or empty.
    """
    title = clean_text(record.get("title"))
    abstract = clean_text(record.get("abstract"))
    arxiv_id = clean_text(record.get("arxiv_id")) or None
    problem = missing_fields(title=title, abstract=abstract)
    if problem:
        return SkippedRecord(source, line, f"{problem} (arxiv_id {arxiv_id})" if arxiv_id else problem)
    where = f"{source}:{line}"
    authors = split_authors(record.get("authors"))
    urls, code_urls = _record_urls(record, abstract)
    day = parse_iso_date(record.get("listing_date"), where)
    return Paper(
        id=paper_id(title, arxiv_id),
        title=title,
        abstract=abstract,
        date=day,
        year=day.year if day else None,
        authors=authors,
        authors_count=len(authors) or None,
        code_urls=code_urls,
        urls=urls,
        arxiv_id=arxiv_id,
        categories=text_list(record.get("categories")),
        source=where,
    )


def _record_urls(record: dict[str, Any], abstract: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The record's urls and code_urls, deduplicated; found in the text when not given."""
    if isinstance(record.get("urls"), list):
        urls = tuple(dict.fromkeys(text_list(record["urls"])))
    else:
        urls = find_urls(f"{abstract} {clean_text(record.get('comment'))}")
    if isinstance(record.get("code_urls"), list):
        return urls, tuple(dict.fromkeys(text_list(record["code_urls"])))
    return urls, select_code_urls(urls)
