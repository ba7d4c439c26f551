"""Records of known bibliographic services, recognised by their own keys.

Each shape's fields are put under paperkg's field names (`fields.FIELDS`); any record of
no known shape is read by the common names of `fields.RECOGNISED`. The shapes:

OpenAlex works (api.openalex.org/works, or the snapshot), told by `abstract_inverted_index`
or `authorships`::

    {"id": "https://openalex.org/W2741809807",         <- kept in messages
     "doi": "https://doi.org/10.7717/peerj.4375",      <- Paper.doi, prefix dropped
     "title": "...", "display_name": "...",
     "publication_year": 2018, "publication_date": "2018-02-13",
     "primary_location": {"source": {"display_name": "PeerJ"},   <- Paper.venue
                          "landing_page_url": "...", "pdf_url": "..."},
     "authorships": [{"author": {"display_name": "Heather Piwowar"}}, ...],
     "abstract_inverted_index": {"Despite": [0], "growing": [1], ...}}   <- the abstract,
                                                          each word put back at its positions

Semantic Scholar papers (Graph API and datasets), told by `paperId` or `externalIds`::

    {"paperId": "649def34...", "externalIds": {"DOI": "...", "ArXiv": "2106.15928"},
     "title": "...", "abstract": "...", "year": 2021, "venue": "ICML",
     "publicationDate": "2021-06-30", "authors": [{"authorId": "1", "name": "A. Author"}],
     "url": "...", "openAccessPdf": {"url": "..."}}

OpenReview notes (API 2, values wrapped as {"value": ...}; API 1, bare values), told by a
`content` object with a title::

    {"id": "abc", "forum": "abc", "pdate": 1696000000000,   <- ms since 1970: the date
     "content": {"title": {"value": "..."}, "abstract": {"value": "..."},
                 "authors": {"value": ["A", "B"]}, "venue": {"value": "ICLR 2024 poster"},
                 "pdf": {"value": "/pdf/abc.pdf"}, "keywords": {"value": [...]}}}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .fields import recognise_fields

OPENREVIEW = "https://openreview.net"


def record_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's values under paperkg's field names, read by its shape."""
    if "abstract_inverted_index" in record or "authorships" in record:
        return openalex_fields(record)
    if "paperId" in record or "externalIds" in record:
        return semantic_scholar_fields(record)
    content = record.get("content")
    if isinstance(content, Mapping) and "title" in content:
        return openreview_fields(record, content)
    return recognise_fields(record)


def shape_name(record: Mapping[str, Any]) -> str:
    """The name of the record's shape, for messages: "OpenAlex work", ..., "record"."""
    if "abstract_inverted_index" in record or "authorships" in record:
        return "OpenAlex work"
    if "paperId" in record or "externalIds" in record:
        return "Semantic Scholar paper"
    content = record.get("content")
    return "OpenReview note" if isinstance(content, Mapping) and "title" in content else "record"


def openalex_fields(work: Mapping[str, Any]) -> dict[str, Any]:
    """An OpenAlex work's fields (see the module docstring)."""
    location = _object(work.get("primary_location"))
    source = _object(location.get("source"))
    ids = _object(work.get("ids"))
    return {
        "title": work.get("title") or work.get("display_name"),
        "abstract": rebuild_abstract(work.get("abstract_inverted_index")) or work.get("abstract"),
        "id": str(work.get("id") or "").rsplit("/", 1)[-1] or None,
        "doi": work.get("doi") or ids.get("doi"),
        "arxiv_id": ids.get("arxiv"),
        "year": work.get("publication_year"),
        "date": work.get("publication_date"),
        "venue": source.get("display_name"),
        "authors": [_object(a.get("author")).get("display_name") for a in _objects(work.get("authorships"))],
        "urls": [url for url in (location.get("landing_page_url"), location.get("pdf_url")) if url],
    }


def rebuild_abstract(index: Any) -> str:
    """The text of an OpenAlex `abstract_inverted_index` ({word: [positions]}), words in order.

    Example: {"Deep": [0], "nets": [1, 3], "and": [2]} -> "Deep nets and nets".
    """
    if not isinstance(index, Mapping):
        return ""
    placed: dict[int, str] = {}
    for word, positions in index.items():
        for position in positions if isinstance(positions, list) else ():
            if isinstance(position, int) and not isinstance(position, bool) and position >= 0:
                placed[position] = str(word)
    return " ".join(placed[p] for p in sorted(placed))


def semantic_scholar_fields(paper: Mapping[str, Any]) -> dict[str, Any]:
    """A Semantic Scholar paper's fields (see the module docstring)."""
    external = _object(paper.get("externalIds"))
    venue = paper.get("venue") or _object(paper.get("publicationVenue")).get("name")
    pdf = _object(paper.get("openAccessPdf")).get("url")
    return {
        "title": paper.get("title"),
        "abstract": paper.get("abstract"),
        "id": paper.get("paperId"),
        "doi": external.get("DOI"),
        "arxiv_id": external.get("ArXiv"),
        "year": paper.get("year"),
        "date": paper.get("publicationDate"),
        "venue": venue,
        "authors": paper.get("authors"),
        "urls": [url for url in (paper.get("url"), pdf) if url],
        "categories": paper.get("fieldsOfStudy"),
    }


def openreview_fields(note: Mapping[str, Any], content: Mapping[str, Any]) -> dict[str, Any]:
    """An OpenReview note's fields (see the module docstring); API 1 and API 2 alike."""
    values = {key: value.get("value") if isinstance(value, Mapping) else value for key, value in content.items()}
    forum = note.get("forum") or note.get("id")
    pdf = values.get("pdf")
    urls = [f"{OPENREVIEW}/forum?id={forum}"] if forum else []
    if isinstance(pdf, str) and pdf:
        urls.append(OPENREVIEW + pdf if pdf.startswith("/") else pdf)
    return {
        "title": values.get("title"),
        "abstract": values.get("abstract"),
        "id": note.get("id"),
        "doi": values.get("doi"),
        "date": note.get("pdate") or note.get("cdate") or note.get("tcdate"),
        "year": values.get("year"),
        "venue": values.get("venue"),
        "authors": values.get("authors"),
        "urls": urls,
        "code_urls": values.get("code"),
        "categories": values.get("keywords"),
    }


def _object(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _objects(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []
