"""A cheap rule sentence splitter for abstracts (no trained model exists here).

A sentence ends at ".", "!" or "?" (optionally followed by a closing quote or bracket)
when whitespace and then an upper-case letter, a digit or an opening bracket follow,
unless the full stop ends a common abbreviation ("e.g.", "et al.", "Fig.") or a single
capital ("J. Smith"). Line breaks made of two newlines (title / abstract) end one too.
Compiled regexes do the work, abbreviations included, so splitting costs about as much
as one scan for full stops and one for newlines.
"""

from __future__ import annotations

import bisect
import re

# Words whose full stop ends no sentence ("e.g. BERT", "Fig. 2", "et al. (2020)") when
# they follow a space, "(" or the start of the text; so does a single capital ("J. Smith").
_ABBREVIATIONS = (
    "e.g", "i.e", "et al", "etc", "vs", "cf", "Fig", "Figs", "Eq", "Eqs", "Sec", "Tab", "Ref", "Refs",
    "No", "approx", "resp", "Dr", "Mr", "Ms", "Prof", "St", "Jr", "Inc", "Ltd", "Co", "Corp", "al",
    "viz", "ca", "w.r.t",
)


def _abbreviation_before() -> str:
    """A pattern that holds right after an abbreviation and its full stop: one look-behind
    a length, as re wants each look-behind to have one width."""
    by_length: dict[int, list[str]] = {1: ["[A-Z]"]}
    for word in _ABBREVIATIONS:
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "|".join(rf"(?<=(?<![^\s(])(?:{'|'.join(words)})\.)" for _, words in sorted(by_length.items()))


# What follows a sentence's end mark: its closing quote or bracket (group `mark`), spaces,
# and a capital, digit or opening bracket. After a full stop that ends an abbreviation,
# the empty group `abbreviation` says so instead: the match is taken, but ends nothing.
_NEXT = r"\s+(?=[A-Z0-9(\[\"'])"
# The per-length look-behinds are tried only where a space follows and the full stop ends
# a word short enough to be an abbreviation (a space or "(" among the `_LONGEST`
# characters before it); most full stops end longer words. The same matches, a seventh
# faster.
_LONGEST = max(len(word) for word in _ABBREVIATIONS) + 1
_ABBREVIATION = (
    rf"(?=\s)(?<![^\s(]{{{_LONGEST}}}\.)(?:{_abbreviation_before()})(?P<abbreviation>){_NEXT}"
)
_MARK = rf"(?P<mark>[\"')\]]?){_NEXT}"
# A sentence end, `[.!?][\"')\]]?\s+(?=[A-Z0-9(\[\"'])|\n\s*\n`, written to start with a
# character set so that re skips in C to the next ".", "!", "?" or newline instead of
# trying the pattern at every position (three times faster, the same matches).
_BOUNDARY = re.compile(rf"[.!?\n](?:(?<=\.){_ABBREVIATION}|(?<=[.!?]){_MARK}|(?<=\n)\s*\n)")
# Its matches at full stops, found by their literal "." (faster still than a character
# set), and at blank lines: in a text with no "!" or "?", those are all there are.
_FULL_STOP = re.compile(rf"\.(?:{_ABBREVIATION}|{_MARK})")
_BLANK_LINE = re.compile(r"\n\s*\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) character offsets, end exclusive.

    Args:
        text: any text; offsets refer to it unchanged.

    Returns:
        Spans that cover every non-blank part of `text`, in order.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _boundaries(text):
        kind = match.lastgroup
        if kind == "abbreviation":
            continue
        stop = match.end("mark") if kind == "mark" else match.start()
        if stop > start:
            spans.append((start, stop))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _boundaries(text: str) -> list[re.Match]:
    """What `_BOUNDARY.finditer(text)` finds, in order.

    Without "!" or "?", its matches are the full stops' and the blank lines' that no
    full stop's match took (a full stop's takes the whole run of spaces after it).
    """
    if "!" in text or "?" in text:
        return list(_BOUNDARY.finditer(text))
    stops = list(_FULL_STOP.finditer(text))
    for line in _BLANK_LINE.finditer(text):
        if not _after_full_stop(text, line.start()):
            bisect.insort(stops, line, key=re.Match.start)
    return stops


def _after_full_stop(text: str, position: int) -> bool:
    """Whether the run of spaces holding `position` is taken by a full stop's match."""
    run = len(text[:position].rstrip())
    mark = run - 1 if text[run - 1 : run] in ("\"", "'", ")", "]") else run
    return text[mark - 1 : mark] == "." and _FULL_STOP.match(text, mark - 1) is not None


class SentenceIndex:
    """Finds the sentence that holds a character offset, by binary search.

    Args:
        text: the text the offsets refer to.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = split_sentences(text) or [(0, len(text))]
        self._starts = [start for start, _ in self.spans]

    def span_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding `offset` (the last one before it)."""
        index = bisect.bisect_right(self._starts, offset)
        return self.spans[index - 1 if index else 0]

    def sentence_at(self, offset: int) -> str:
        """The text of the sentence holding `offset`."""
        start, end = self.span_at(offset)
        return self.text[start:end]
