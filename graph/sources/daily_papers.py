"""Read a Hugging Face "Daily Papers" listing copied from the browser as plain text.

The format, line by line, as `data/daily_papers.txt` has it (blank lines between blocks)::

    new                                   <- page chrome (also "Subscribe", "Daily Papers",
    Get trending papers in your email inbox!   "byAK and the research community", ...)
    Dec 26                                <- the page date: a date line with nothing above it
    MUSE: Machine Unlearning Six-Way ...  <- title, one line
    Language models (LMs) are trained ... <- abstract, one line (URLs in it are kept)
      • 10 authors                        <- author count ("1 author"); may be missing
    ·                                     <- separator; may be missing
    Jul 8, 2024                           <- date: "Mon D" (this year) or "Mon D, YYYY",
                                             then the upvote count if any ("Aug 4, 2024 4")

The last line of the seed page is "Feb 1, 2023" with no newline after it. A count glued to
the year ("Feb 1, 2023146") is read as year 2023 and 146 upvotes: a year is four digits.

How entries are found: the author, separator and date lines (the "meta" lines, which may
also come on one line, "4 authors · Jun 24") end an entry; the two text lines above them
are its title and abstract. A date with no author count ends an entry only when the line
above it reads like an abstract (`looks_like_abstract`); otherwise it is a page date.
Other text lines between entries are read as title-abstract pairs by their shape, or else
reported: a lone title ("title with no abstract") or a lone abstract gives a
`SkippedRecord`. Short unknown lines before the first entry or after the last one are page
chrome and are only logged. Known chrome lines are dropped wherever they appear.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..records import Paper, SkippedRecord, paper_id
from .dates import DateLine, parse_date_line
from .lines import NOT_UTF8, Line, iter_lines
from .urls import find_urls, select_code_urls

logger = logging.getLogger(__name__)

# What a copied huggingface.co/papers page carries besides the papers (casefolded).
CHROME = frozenset(
    """new|get trending papers in your email inbox!|subscribe|daily papers|trending papers|
    byak and the research community|by ak and the research community|hugging face|models|
    datasets|spaces|posts|docs|enterprise|pricing|log in|login|sign up|papers|search|
    previous|next|load more|view all|daily|weekly|monthly|submit|submit a paper|upvote|
    collections|system theme|website|company|tos|privacy|about|jobs""".replace("\n", "").split("|")
)
_CHROME_PREFIX = re.compile(r"submitted by\b", re.IGNORECASE)
_AUTHORS = re.compile(r"(\d{1,4})\s+authors?", re.IGNORECASE)
# "?" and U+FFFD stand for a bullet that a save in a narrower encoding replaced
# ("• 10 authors" saved as Latin-1 reads "? 10 authors").
_BULLETS = re.compile(r"\s*[•·?\ufffd]\s*")
_UPVOTES = re.compile(r"\d{1,6}")
_MAX_RUN = 1000  # text lines held while waiting for the meta lines that end an entry


def looks_like_abstract(text: str) -> bool:
    """Whether a line reads like an abstract rather than a title.

    Titles are short and rarely end with a full stop; abstracts are long or are sentences.
    """
    return len(text) >= 200 or (text.endswith(".") and len(text.split()) >= 8)


def parse_meta_line(text: str) -> list[tuple[str, object]] | None:
    """Split a line into its meta parts, or None when it is not a meta line.

    Example: "• 4 authors" -> [("authors", 4)]; "·" -> []; "Aug 4, 2024 4" ->
    [("date", DateLine(8, 4, 2024, 4))]; "12" -> [("upvotes", 12)]; a title -> None.
    """
    parts: list[tuple[str, object]] = []
    for part in _BULLETS.split(text.strip()):
        if not part:
            continue
        authors = _AUTHORS.fullmatch(part)
        date_line = None if authors else parse_date_line(part)
        if authors:
            parts.append(("authors", int(authors.group(1))))
        elif date_line:
            parts.append(("date", date_line))
        elif _UPVOTES.fullmatch(part):
            parts.append(("upvotes", int(part)))
        else:
            return None
    return parts


def is_chrome(text: str) -> bool:
    """Whether a line is known page chrome of the Daily Papers page."""
    return text.casefold() in CHROME or _CHROME_PREFIX.match(text) is not None


@dataclass
class _Meta:
    """The meta lines that end one entry, as they accumulate."""

    line: int
    authors_count: int | None = None
    date_line: DateLine | None = None
    upvotes: int | None = None

    def accepts(self, kind: str) -> bool:
        """Whether a part of this kind still belongs to this entry's meta block."""
        if kind == "authors":
            return self.authors_count is None and self.date_line is None
        if kind == "date":
            return self.date_line is None
        return self.date_line is not None and self.upvotes is None

    def add(self, kind: str, value: object) -> None:
        """Record one meta part."""
        if kind == "authors":
            self.authors_count = value  # type: ignore[assignment]
        elif kind == "date":
            self.date_line = value  # type: ignore[assignment]
            self.upvotes = self.date_line.upvotes  # type: ignore[union-attr]
        else:
            self.upvotes = value  # type: ignore[assignment]


def iter_daily_papers(path: str | Path, as_of: date | None = None) -> Iterator[Paper | SkippedRecord]:
    """Yield each paper of a Daily Papers page, and a `SkippedRecord` for each broken entry.

    Args:
        path: the copied page, plain text or gzipped, UTF-8.
        as_of: the date that year-less dates ("Jun 24") are placed before; default today.

    Yields:
        `Paper` with id `paper_id(title)`, date, authors_count, upvotes, urls and code_urls;
        `SkippedRecord` naming the line of an entry that cannot be read and what to do.
    """
    page = _PageReader(Path(path), as_of or date.today())
    for line in iter_lines(page.path):
        if isinstance(line, SkippedRecord):
            yield line
        else:
            yield from page.feed(line)
    yield from page.finish()


class _PageReader:
    """Turns the lines of one page into entries; see the module docstring for the rules."""

    def __init__(self, path: Path, as_of: date) -> None:
        self.path = path
        self.as_of = as_of
        self.run: list[Line] = []  # text lines since the last entry ended
        self.meta: _Meta | None = None
        self.seen_entry = False

    def feed(self, line: Line) -> Iterator[Paper | SkippedRecord]:
        """Take one line of the page; yield whatever entries it completes."""
        text = " ".join(line.text.split())
        if not text:
            return
        if is_chrome(text):
            logger.debug("%s:%d: page chrome %r", self.path, line.number, text)
            return
        parts = parse_meta_line(text)
        if parts is None or (_is_bare_count(parts) and not self._takes_upvotes()):
            yield from self._add_text(Line(line.number, text))
            return
        for kind, value in parts:
            if self.meta is not None and not self.meta.accepts(kind):
                yield from self._close(self.meta)
                self.meta = None
            if self.meta is None:
                self.meta = _Meta(line.number)
            self.meta.add(kind, value)

    def finish(self) -> Iterator[Paper | SkippedRecord]:
        """Yield what the end of the page completes."""
        if self.meta is not None:
            yield from self._close(self.meta)
            self.meta = None
        run, self.run = self.run, []
        yield from self._read_loose(run, chrome_possible=True)

    def _add_text(self, line: Line) -> Iterator[Paper | SkippedRecord]:
        """Take a text line: it ends the open meta block, if any, and joins the run."""
        if self.meta is not None:
            yield from self._close(self.meta)
            self.meta = None
        self.run.append(line)
        if len(self.run) > _MAX_RUN:
            # Text with no meta lines at all would otherwise be held whole in memory.
            cut = len(self.run) - 2
            if not looks_like_abstract(self.run[cut - 1].text) and looks_like_abstract(self.run[cut].text):
                cut -= 1  # keep a title with the abstract after it
            flushed, self.run = self.run[:cut], self.run[cut:]
            yield from self._read_loose(flushed, chrome_possible=not self.seen_entry)

    def _takes_upvotes(self) -> bool:
        return self.meta is not None and self.meta.accepts("upvotes")

    def _close(self, meta: _Meta) -> Iterator[Paper | SkippedRecord]:
        """End the entry that `meta` closes: the last two text lines are title and abstract."""
        run, self.run = self.run, []
        anchored = len(run) >= 2 and (meta.authors_count is not None or looks_like_abstract(run[-1].text))
        if not anchored and meta.authors_count is None:
            logger.debug("%s:%d: a date with no entry above it (the page date)", self.path, meta.line)
            yield from self._read_loose(run, chrome_possible=not self.seen_entry)
        elif not anchored:
            yield from self._read_loose(run, chrome_possible=False)
            if not run:
                yield self._skip(meta.line, "an author count with no title and abstract above it; "
                                 "add them, each on its own line, or delete the line")
        else:
            yield from self._read_loose(run[:-2], chrome_possible=not self.seen_entry)
            yield self._build(run[-2], run[-1], meta)

    def _read_loose(self, run: list[Line], chrome_possible: bool) -> Iterator[Paper | SkippedRecord]:
        """Read text lines that no meta line anchors: title-abstract pairs by shape, or orphans."""
        index = 0
        while index < len(run):
            pair = run[index : index + 2]
            if len(pair) == 2 and not looks_like_abstract(pair[0].text) and looks_like_abstract(pair[1].text):
                yield self._build(pair[0], pair[1], None)
                index += 2
                continue
            orphan = self._read_orphan(pair[0], chrome_possible)
            if orphan is not None:
                yield orphan
            index += 1

    def _read_orphan(self, line: Line, chrome_possible: bool) -> SkippedRecord | None:
        """Report a text line that belongs to no entry, unless it may be page chrome."""
        if not line.is_utf8:
            return self._skip(line.number, f"this line {NOT_UTF8}")
        if looks_like_abstract(line.text):
            return self._skip(line.number, "an abstract with no title above it; add the title "
                              "on the line before it, with a blank line between")
        if chrome_possible:
            logger.debug("%s:%d: unknown page chrome %r", self.path, line.number, line.text)
            return None
        return self._skip(line.number, f"{_quote(line.text)} reads like a title with no abstract "
                          "below it; add the abstract after a blank line, or delete the line")

    def _build(self, title: Line, abstract: Line, meta: _Meta | None) -> Paper | SkippedRecord:
        """Make the Paper of one entry, or say which of its lines is not UTF-8."""
        self.seen_entry = True
        for line in (title, abstract):
            if not line.is_utf8:
                return self._skip(line.number, f"this line of the entry {_quote(title.replaced())} {NOT_UTF8}")
        urls = find_urls(abstract.text)
        return Paper(
            id=paper_id(title.text),
            title=title.text,
            abstract=abstract.text,
            date=self._resolve_date(meta),
            authors_count=meta.authors_count if meta else None,
            upvotes=meta.upvotes if meta else None,
            code_urls=select_code_urls(urls),
            urls=urls,
            source=f"{self.path}:{title.number}",
        )

    def _resolve_date(self, meta: _Meta | None) -> date | None:
        if meta is None or meta.date_line is None:
            return None
        resolved = meta.date_line.resolve(self.as_of)
        if resolved is None:
            logger.warning("%s:%d: the date is not a calendar day; the paper is kept without a date",
                           self.path, meta.line)
        return resolved

    def _skip(self, line: int, reason: str) -> SkippedRecord:
        return SkippedRecord(str(self.path), line, reason)


def _is_bare_count(parts: list[tuple[str, object]]) -> bool:
    """Whether a meta line is a number alone, which is an upvote count only after a date."""
    return len(parts) == 1 and parts[0][0] == "upvotes"


def _quote(text: str, limit: int = 60) -> str:
    """A line shortened for a message: '"MUSE: Machine Unlearning ..."'."""
    return f'"{text if len(text) <= limit else text[: limit - 3].rstrip() + "..."}"'
