"""Records to the store's rows and back: `paper_row` / `paper_from_row`, entities, mentions.

The converters every part of `Store` (graph/store.py) shares, with a paper's fingerprint
(the hash of its row that tells a changed paper from an unchanged one). The rows a batch
of new papers writes in one pass are built in `store_rows.py`.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import lru_cache

from .records import Entity, EntityType, Mention, Paper, Role
from .speed import mention_of
from .store_rows import json_list


def paper_fingerprint(paper: Paper) -> str:
    """A hash of everything ingest says about a paper; equal hashes mean nothing changed.

    Year, venue and DOI (schema version 5) join the hash only when they say something:
    a paper without them, or whose year is its date's, hashes as before they existed, so
    databases written earlier do not see every paper as changed.
    """
    # An ingest asks it of each paper three times (sent, stored, written): remembered.
    return _remembered(_fingerprint, paper)


def _remembered(function, paper: Paper):
    """`function(paper)`, from a cache of recent papers (a paper is a frozen value)."""
    try:
        return function(paper)
    except TypeError:  # a field given as a list: unhashable, computed afresh
        return function.__wrapped__(paper)


@lru_cache(maxsize=8192)
def _fingerprint(paper: Paper) -> str:
    fields = list(paper_row(paper)[1:-1])
    derived_year = paper.date is not None and paper.year == paper.date.year
    extra = [None if derived_year else paper.year, paper.venue, paper.doi]
    if any(value is not None for value in extra):
        fields += extra
    payload = json.dumps(fields, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def paper_row(paper: Paper) -> tuple:
    return _remembered(_paper_row_of, paper)


@lru_cache(maxsize=8192)
def _paper_row_of(paper: Paper) -> tuple:
    return (
        paper.id, paper.title, paper.abstract,
        paper.date.isoformat() if paper.date else None,
        json_list(paper.authors), paper.authors_count, paper.upvotes,
        json_list(paper.code_urls), json_list(paper.urls), paper.arxiv_id,
        json_list(paper.categories), paper.source,
    )


def paper_from_row(row: tuple) -> Paper:
    (pid, title, abstract, day, authors, authors_count, upvotes,
     code_urls, urls, arxiv_id, categories, source, _fingerprint, year, venue, doi) = row
    return Paper(
        id=pid, title=title, abstract=abstract,
        date=date.fromisoformat(day) if day else None,
        authors=tuple(json.loads(authors)), authors_count=authors_count, upvotes=upvotes,
        code_urls=tuple(json.loads(code_urls)), urls=tuple(json.loads(urls)),
        arxiv_id=arxiv_id, categories=tuple(json.loads(categories)), source=source,
        year=year, venue=venue, doi=doi,
    )


def entity_from_row(row: tuple, aliases: tuple[str, ...]) -> Entity:
    eid, name, type_, variant_of, external_ids, origin = row
    return Entity(
        id=eid, name=name, type=EntityType(type_), aliases=aliases, variant_of=variant_of,
        external_ids=tuple(tuple(x) for x in json.loads(external_ids)), origin=origin,
    )


def mention_from_row(row: tuple) -> Mention:
    (paper_id, field, start, end, text, sentence_start, sentence_end, type_, entity, confidence, component, role,
     phrase_start, phrase_end, sentence) = row
    return mention_of(paper_id, field, start, end, text, sentence, EntityType(type_), entity,
                      confidence, component, Role(role), phrase_start, phrase_end, sentence_start, sentence_end)
