"""The date lines of a Daily Papers listing: "Jun 24", "Aug 4, 2024 4", "Feb 1, 2023146".

Hugging Face prints a paper's date without a year when it falls in the current year, and
glues the upvote count after it. A copied page therefore needs a reference date ("as of")
to place year-less dates, and a rule to split the count from the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
MONTHS = {name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)}
MONTHS.update({name: number for number, name in enumerate(_MONTH_NAMES, start=1)})
MONTHS["sept"] = 9

# The year, when present, follows a comma and is exactly four digits; whatever digits come
# after it are the upvote count, with or without a space ("Feb 1, 2023146" -> 2023, 146).
# Without a year the day must end at a non-digit, so "Jun 245" is not a date at all: it
# cannot be told whether that is day 24 with 5 upvotes or day 2 with 45.
_DATE = re.compile(
    r"(?:published on\s+)?(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})(?!\d)"
    r"(?:,\s*(?P<year>\d{4}))?\s*(?P<upvotes>\d+)?",
    re.IGNORECASE,
)

# How far back a year-less date may reach; Feb 29 needs up to eight years.
_YEARS_BACK = 8


@dataclass(frozen=True)
class DateLine:
    """A parsed date line: month, day, the year when printed, and the upvote count if any."""

    month: int
    day: int
    year: int | None = None
    upvotes: int | None = None

    def resolve(self, as_of: date) -> date | None:
        """The calendar date this line names, placing a year-less date by `as_of`.

        Returns None when the day does not exist in that month ("Feb 30").
        """
        if self.year is not None:
            return make_date(self.year, self.month, self.day)
        return resolve_month_day(self.month, self.day, as_of)


def parse_date_line(text: str) -> DateLine | None:
    """Parse "Jun 24", "Aug 4, 2024 4" or "Published on Jun 24"; None if `text` is not one.

    Example: parse_date_line("Feb 1, 2023146") -> DateLine(2, 1, 2023, 146).
    """
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    month = MONTHS.get(match["month"].casefold())
    if month is None:
        return None
    year = int(match["year"]) if match["year"] else None
    upvotes = int(match["upvotes"]) if match["upvotes"] else None
    return DateLine(month, int(match["day"]), year, upvotes)


def resolve_month_day(month: int, day: int, as_of: date) -> date | None:
    """The latest date with this month and day that is not after `as_of`.

    Example: (12, 26) as of 2026-11-28 -> 2025-12-26; as of 2026-12-26 -> 2026-12-26.
    """
    for year in range(as_of.year, as_of.year - _YEARS_BACK - 1, -1):
        candidate = make_date(year, month, day)
        if candidate is not None and candidate <= as_of:
            return candidate
    return None


def make_date(year: int, month: int, day: int) -> date | None:
    """`date(year, month, day)`, or None when no such day exists."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
