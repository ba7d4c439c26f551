"""Turn any record with a title and an abstract into a Paper, whatever its field names.

A record (one JSON object, or one CSV row) is first put into paperkg's own field names,
`FIELDS`, by one of three routes, in this order of precedence:

1. `--map FIELD=KEY,...` (`parse_field_map`): the user names the key of each field; a key
   may be a dotted path into nested objects ("content.title.value");
2. a shape recognised by its own keys (`shapes.py`: OpenAlex, Semantic Scholar, OpenReview);
3. common names (`RECOGNISED`), compared without case, "_", "-" or spaces: "paperId",
   "paper_id" and "Paper ID" are one name.

Then `fields_to_paper` makes the Paper: title and abstract are required; the id is the
arXiv id when the record has one (in an id, a DOI 10.48550/arXiv.X or an arXiv field), else
a slug of the title, the same rule every reader follows, so one paper read from two sources
is one paper; year comes from `year` or the date; a DOI is kept without its resolver prefix.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any

from ..errors import SourceFormatError
from ..records import ARXIV_ID, Paper, SkippedRecord, paper_id
from .jsonl import clean_text, missing_fields, split_authors, text_list
from .urls import find_urls, select_code_urls

logger = logging.getLogger(__name__)

# paperkg's names for what a record may say, each with the names sources commonly use.
RECOGNISED: dict[str, tuple[str, ...]] = {
    "title": ("title", "paper_title", "display_name"),
    "abstract": ("abstract", "summary", "abstract_text", "paper_abstract", "abstractText"),
    "id": ("id", "paperId", "paper_id", "uid", "forum"),
    "doi": ("doi",),
    "arxiv_id": ("arxiv_id", "arxivId", "arxiv", "eprint"),
    "year": ("year", "publication_year", "pub_year"),
    "date": ("publication_date", "date", "published", "pub_date", "listing_date"),
    "venue": ("venue", "journal", "conference", "booktitle", "journal_ref"),
    "authors": ("authors", "author", "author_names", "creators"),
    "urls": ("url", "pdf", "site", "pdf_url", "link", "html_url", "landing_page_url", "abs_url"),
    "code_urls": ("code", "code_url", "code_urls", "github", "repository"),
    "categories": ("categories", "keywords"),
}
FIELDS = tuple(RECOGNISED)
MAP_EXAMPLE = "--map title=paper_title,abstract=summary"
_YEARS = range(1000, 2200)
# The first DOI of the field: the arXiv snapshot lists several separated by spaces.
_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([^\s?#]+?)(?:\.pdf)?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A field name without case, "_", "-", "." or spaces: "Paper ID" -> "paperid"."""
    return re.sub(r"[\s_\-.]+", "", name).casefold()


_KNOWN = {name_key(alias): target for target, aliases in RECOGNISED.items() for alias in aliases}


def parse_field_map(text: str | None) -> dict[str, str]:
    """Parse `--map title=paper_title,abstract=summary` into {"title": "paper_title", ...}.

    Raises:
        SourceFormatError: an item is not FIELD=KEY, names a field paperkg does not have, or
            maps one field twice; the message names the item and shows the right form.
    """
    mapping: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        target, sep, key = (part.strip() for part in item.partition("="))
        if not sep or not target or not key:
            raise SourceFormatError(f"--map {item!r} is not FIELD=KEY; write it as {MAP_EXAMPLE}")
        if target not in RECOGNISED:
            raise SourceFormatError(f"--map {item!r}: {target!r} is not a paperkg field; map one of "
                                    f"{', '.join(FIELDS)} (e.g. {MAP_EXAMPLE})")
        if target in mapping:
            raise SourceFormatError(f"--map maps {target!r} twice ({mapping[target]!r} and {key!r}); keep one")
        mapping[target] = key
    return mapping


def recognise_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's values under paperkg's field names, by the common names of `RECOGNISED`.

    The first key found for a field wins, except "urls" and "code_urls", which gather all.
    """
    found: dict[str, Any] = {}
    for key, value in record.items():
        target = _KNOWN.get(name_key(str(key)))
        if target is None or value in (None, "", [], {}):
            continue
        if target in ("urls", "code_urls"):
            found.setdefault(target, []).extend(value if isinstance(value, list) else [value])
        else:
            found.setdefault(target, value)
    return found


def lookup(record: Mapping[str, Any], path: str) -> Any:
    """The value at a key, or at a dotted path into nested objects; None when absent.

    A key that holds a dot itself ("journal.name") is found whole before it is split.
    """
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def apply_field_map(fields: dict[str, Any], record: Mapping[str, Any], field_map: Mapping[str, str]) -> dict[str, Any]:
    """`fields` with every mapped field taken from the record's key (None when it lacks it)."""
    if not field_map:
        return fields
    mapped = dict(fields)
    for target, key in field_map.items():
        mapped[target] = lookup(record, key)
    return mapped


def fields_to_paper(fields: Mapping[str, Any], source: str, line: int | None) -> Paper | SkippedRecord:
    """A Paper from values under paperkg's field names; a SkippedRecord without title or abstract."""
    title, abstract = clean_text(fields.get("title")), clean_text(fields.get("abstract"))
    record_id = clean_text(fields.get("id"))
    problem = missing_fields(title=title, abstract=abstract)
    if problem:
        return SkippedRecord(source, line, f"{problem} (id {record_id})" if record_id else problem)
    where = f"{source}:{line}" if line is not None else source
    doi = parse_doi(fields.get("doi"), where)
    arxiv_id = find_arxiv_id(fields.get("arxiv_id"), record_id, doi, *as_list(fields.get("urls")))
    day, year = parse_when(fields.get("date"), fields.get("year"), where)
    authors = parse_authors(fields.get("authors"))
    urls = tuple(dict.fromkeys(text_list(as_list(fields.get("urls"))) + find_urls(abstract)))
    code = tuple(dict.fromkeys(text_list(as_list(fields.get("code_urls"))) + select_code_urls(urls)))
    return Paper(
        id=paper_id(title, arxiv_id), title=title, abstract=abstract, date=day,
        authors=authors, authors_count=len(authors) or None, code_urls=code, urls=urls,
        arxiv_id=arxiv_id, categories=text_list(as_list(fields.get("categories"))), source=where,
        year=year, venue=clean_text(fields.get("venue")) or None, doi=doi,
    )


def as_list(value: Any) -> list:
    """A value as a list: a list as it is, None as [], anything else as [value]."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def parse_authors(value: Any) -> tuple[str, ...]:
    """Authors from strings ("A, B and C", ["A", "B"]) or objects ([{"name": "A"}, ...])."""
    if isinstance(value, list) and any(isinstance(item, Mapping) for item in value):
        value = [item.get("name") or item.get("display_name") or item.get("full_name")
                 if isinstance(item, Mapping) else item for item in value]
    return split_authors(value)


def parse_doi(value: Any, where: str) -> str | None:
    """A DOI without its resolver prefix, lower-cased (DOIs ignore case); None if not one.

    Example: "https://doi.org/10.1145/3292500.3330701" -> "10.1145/3292500.3330701".
    """
    text = clean_text(value)
    if not text:
        return None
    doi = doi_key(text)
    if doi is None:
        logger.warning("%s: %r is not a DOI (10.NNNN/...); the paper is kept without one", where, text)
    return doi


def doi_key(text: str) -> str | None:
    """A DOI as the store keeps it (no resolver prefix, lower case), or None if `text` is none."""
    match = _DOI.match(text.strip())
    return match.group(1).lower() if match else None


def find_arxiv_id(*candidates: Any) -> str | None:
    """The first arXiv id among the candidates: a bare id, "arXiv:2406.12345", an arXiv
    DOI (10.48550/arXiv.2406.12345) or an arxiv.org address."""
    for value in candidates:
        text = clean_text(value)
        if not text:
            continue
        text = text.removeprefix("arXiv:").removeprefix("arxiv:")
        for pattern in (_ARXIV_DOI, _ARXIV_URL):
            match = pattern.search(text)
            if match:
                text = match.group(1)
        if ARXIV_ID.match(text):
            return text
    return None


def parse_when(day: Any, year: Any, where: str) -> tuple[date | None, int | None]:
    """(date, year) from a date field and a year field; the year falls back to the date's.

    A date is "YYYY-MM-DD" (a longer ISO timestamp is cut to its day), "YYYY-MM" or "YYYY"
    (a year only), or a Unix time in milliseconds (OpenReview). A year outside 1000-2199
    is dropped with a warning naming `where`.
    """
    parsed, date_year = _parse_day(day, where)
    return parsed, _parse_year(year, where) or date_year


def _parse_day(value: Any, where: str) -> tuple[date | None, int | None]:
    if value in (None, ""):
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 10**10:
        day = datetime.fromtimestamp(value / 1000, tz=timezone.utc).date()
        return day, day.year
    text = clean_text(value)
    try:
        day = date.fromisoformat(text[:10])
        return day, day.year
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}(-\d{2})?", text) and int(text[:4]) in _YEARS:
        return None, int(text[:4])
    logger.warning("%s: %r is not a YYYY-MM-DD date; the paper is kept without a date", where, value)
    return None, None


def _parse_year(value: Any, where: str) -> int | None:
    if value in (None, ""):
        return None
    text = clean_text(value)
    if re.fullmatch(r"\d{4}(\.0)?|\d{4}-\d{2}(-\d{2})?", text) and int(text[:4]) in _YEARS:
        return int(text[:4])
    logger.warning("%s: %r is not a year; the paper is kept without one", where, value)
    return None
