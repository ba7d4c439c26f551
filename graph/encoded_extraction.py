"""A paper's extraction as the extraction workers send it, stored without `Mention` records.

A worker sends each mention as a plain tuple (`extract/workers.encode_extraction`), in the
order of the `mentions` table's columns after the paper's id. The ingest's process turned
every tuple into a `Mention` (its sentence sliced out of the paper) and the store turned
every `Mention` back into a row: at 75,000 papers, some 800,000 records made to be taken
apart. Decoding the replies of 10,000 papers and making their mention rows took 0.69-0.73
CPU s of the process that writes through the records, 0.28 s from the tuples.
`EncodedExtraction` keeps the tuples; the store makes its rows from them
(`store_rows.mention_rows`), and `mentions` decodes them, once, for any other reader.

This is a speed boundary (as `speed.py` is): the plain record is `PaperExtraction`, and
`plain()` gives it; tests compare the rows of both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .records import Entity, EntityType, Mention, Paper, PaperExtraction, Result, Role
from .speed import mention_of

_TYPES = {t.value: t for t in EntityType}
_ROLES = {r.value: r for r in Role}

# A mention as a worker sends it: (field, start, end, text, sentence_start, sentence_end,
# type value, entity_id, confidence, component, role value, phrase_start, phrase_end).
MentionTuple = tuple


@dataclass(frozen=True)
class EncodedExtraction:
    """`PaperExtraction` with its mentions kept as the workers' tuples (`MentionTuple`).

    Read like a `PaperExtraction` (`paper`, `mentions`, `entities`, `results`, `votes`,
    `reads`); the store writes `mention_tuples` without decoding them.
    """

    paper: Paper
    mention_tuples: tuple[MentionTuple, ...] = ()
    entities: tuple[Entity, ...] = ()
    results: tuple[Result, ...] = ()
    votes: tuple[tuple[str, str] | None, ...] = field(default=(), compare=False)
    reads: tuple[int | None, ...] = field(default=(), compare=False)

    @cached_property
    def mentions(self) -> tuple[Mention, ...]:
        """The mentions as records, each with its sentence's text (decoded on first use)."""
        return decode_mentions(self.paper, self.mention_tuples)

    def plain(self) -> PaperExtraction:
        """The same extraction as the plain record."""
        return PaperExtraction(self.paper, self.mentions, self.entities, self.results, self.votes, self.reads)


def decode_mentions(paper: Paper, mentions: tuple[MentionTuple, ...]) -> tuple[Mention, ...]:
    """The `Mention` records of a paper's mention tuples, their sentences cut from its fields."""
    pid, title, abstract = paper.id, paper.title, paper.abstract
    return tuple(mention_of(pid, f, s, e, t, (title if f == "title" else abstract)[ss:se], _TYPES[ty], eid, c,
                            comp, _ROLES[role], ps, pe, ss, se)
                 for f, s, e, t, ss, se, ty, eid, c, comp, role, ps, pe in mentions)
