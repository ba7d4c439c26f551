"""JSON Lines reading and the field helpers that both arXiv shapes share.

`iter_json_objects` streams a file (plain or gzipped) and yields one dict per line, or a
`SkippedRecord` for a line that is not UTF-8, not JSON, or not a JSON object; blank lines
are passed over. The helpers turn loosely typed fields into what a `Paper` holds.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..records import Paper, SkippedRecord
from .lines import NOT_UTF8, iter_lines

logger = logging.getLogger(__name__)

_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true or false", type(None): "null"}
# Affiliations in an author string: "A. Smith (MIT), B. Jones" -> "A. Smith, B. Jones".
_PARENTHESES = re.compile(r"\([^()]*\)")
_AUTHOR_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")
# json.loads accepts "\ud800" alone, which no UTF-8 store can hold; look only when the
# raw line has such an escape, so ordinary lines pay nothing.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def iter_json_objects(path: Path) -> Iterator[tuple[int, dict[str, Any]] | SkippedRecord]:
    """Yield (line number, object) for each JSON object line of `path`, in order.

    Bad lines give a `SkippedRecord` and reading goes on with the next line.
    """
    source = str(path)
    for line in iter_lines(path):
        if isinstance(line, SkippedRecord):
            yield line
            continue
        if not line.text.strip():
            continue
        if not line.is_utf8:
            yield SkippedRecord(source, line.number, f"this line {NOT_UTF8}")
            continue
        try:
            value = json.loads(line.text)
        except ValueError as exc:
            yield SkippedRecord(source, line.number, describe_json_error(exc))
            continue
        if _SURROGATE_ESCAPE.search(line.text) and _has_lone_surrogate(value):
            yield SkippedRecord(source, line.number, "this line has an unpaired UTF-16 surrogate "
                                "escape (\\ud800-\\udfff) that is not text; fix or delete it")
            continue
        if not isinstance(value, dict):
            kind = _JSON_TYPES.get(type(value), "not an object")
            yield SkippedRecord(source, line.number, f"this line is {kind}, not a JSON object; "
                                "each line must hold one record {...}")
            continue
        yield line.number, value


def _has_lone_surrogate(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def iter_converted(
    path: Path, convert: Callable[[dict[str, Any], str, int], Paper | SkippedRecord]
) -> Iterator[Paper | SkippedRecord]:
    """Each JSON object line of `path` through `convert(record, source, line)`; bad lines
    pass through as the `SkippedRecord`s `iter_json_objects` made of them."""
    for item in iter_json_objects(path):
        yield item if isinstance(item, SkippedRecord) else convert(item[1], str(path), item[0])


def describe_json_error(exc: ValueError) -> str:
    """A message for a line that does not parse: where, and what to do."""
    if isinstance(exc, json.JSONDecodeError):
        return (f"not valid JSON ({exc.msg} at column {exc.colno}); fix the line or delete it "
                "(each line must be one complete JSON object)")
    return f"not valid JSON ({exc}); fix the line or delete it"


def clean_text(value: Any) -> str:
    """A title or abstract with runs of whitespace (newlines, double spaces) made one space."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def text_list(value: Any) -> tuple[str, ...]:
    """A list of strings as a tuple, cleaned, with empty and non-string items dropped."""
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(filter(None, [" ".join(item.split()) for item in value if isinstance(item, str)]))


def split_authors(value: Any) -> tuple[str, ...]:
    """Authors as a tuple of names, from a list or from one string "A, B and C".

    Affiliations in parentheses are dropped: "A (MIT), B and C (CMU)" -> ("A", "B", "C").
    """
    if isinstance(value, (list, tuple)):
        return text_list(value)
    if not isinstance(value, str):
        return ()
    text = " ".join(value.split())
    while "(" in text and _PARENTHESES.search(text):
        text = _PARENTHESES.sub("", text)
    return tuple(name.strip() for name in _AUTHOR_SEPARATORS.split(text) if name.strip())


def parse_iso_date(value: Any, where: str) -> date | None:
    """A "YYYY-MM-DD" field as a date; None, with a warning naming `where`, when it is not one."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        logger.warning("%s: %r is not a YYYY-MM-DD date; the paper is kept without a date", where, value)
        return None


def missing_fields(**fields: str) -> str | None:
    """A reason to skip a record whose required text fields are empty, or None.

    Example: missing_fields(title="T", abstract="") -> "the record has no abstract; ..."
    """
    missing = [name for name, text in fields.items() if not text]
    if not missing:
        return None
    names = " and no ".join(missing)
    return f"the record has no {names}; add it or delete the line"
