"""A cheap rule sentence splitter for abstracts (no trained model exists here).

A sentence ends at ".", "!" or "?" (optionally followed by a closing quote or bracket)
when whitespace and then an upper-case letter, a digit or an opening bracket follow,
unless the full stop ends a common abbreviation ("e.g.", "et al.", "Fig.") or a single
capital ("J. Smith"). Line breaks made of two newlines (title / abstract) end one too.
One compiled regex does the work, so splitting costs about as much as one scan.
"""

from __future__ import annotations

import bisect
import re

_ABBREVIATIONS = (
    r"e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|Tab|Ref|Refs|No|approx|resp|Dr|Mr|Ms|Prof|"
    r"St|Jr|Inc|Ltd|Co|Corp|al|viz|ca|w\.r\.t|[A-Z]"
)
# A sentence end, `(?:[.!?]["')\]]?)\s+(?=[A-Z0-9(\["'])|\n\s*\n`, written to start with
# a character set so that re skips to the next ".", "!", "?" or newline in C instead of
# trying the pattern at every position (three times faster, the same matches).
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9(\[\"'])|(?<=\n)\s*\n)")
_ABBREVIATION_END = re.compile(rf"(?:^|[\s(])(?:{_ABBREVIATIONS})\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) character offsets, end exclusive.

    Args:
        text: any text; offsets refer to it unchanged.

    Returns:
        Spans that cover every non-blank part of `text`, in order.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        stop = match.start() + len(match.group(0).rstrip())
        if text[match.start()] == "." and _ABBREVIATION_END.search(text, max(0, stop - 12), stop):
            continue
        if stop > start:
            spans.append((start, stop))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


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
        index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.spans[index]

    def sentence_at(self, offset: int) -> str:
        """The text of the sentence holding `offset`."""
        start, end = self.span_at(offset)
        return self.text[start:end]
