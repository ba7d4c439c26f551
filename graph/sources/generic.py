"""Read papers from any JSON or CSV file whose records have a title and an abstract.

Two formats, told apart by `detect`:

- "json": JSON Lines (one object a line), a JSON array of objects (one line or pretty
  printed, read as a stream, never whole), or objects one after another; an API page that
  wraps its records ({"results": [...]}, {"data": [...]}, {"notes": [...]}) gives the
  records inside. Each object is read by its shape (`shapes.py`: OpenAlex, Semantic
  Scholar, OpenReview), else by common field names (`fields.RECOGNISED`).
- "csv": a header line, then one paper a row; the delimiter (comma, tab, semicolon or
  pipe) is the one that splits the header into most columns; fields may be quoted and span
  lines. Columns are recognised by the common field names.

`--map FIELD=KEY,...` (`fields.parse_field_map`) names the key or column of any field.
Bad records give a `SkippedRecord` naming the line; good ones go on. A JSON array broken
in the middle ends with one `SkippedRecord` saying where, since no reader can tell where
its next record starts.
"""

from __future__ import annotations

import csv
import json
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import SourceFormatError
from ..records import Paper, SkippedRecord
from .fields import FIELDS, MAP_EXAMPLE, _KNOWN, apply_field_map, fields_to_paper, name_key
from .jsonl import describe_json_error, iter_json_objects
from .lines import MAX_LINE_CHARS, Line, iter_lines, open_text
from .shapes import record_fields, shape_name

_CHUNK = 1 << 20
# An API page ({"results": [...]}) is read whole; a file of many records should be an array.
_DOCUMENT_CHARS = 64 * MAX_LINE_CHARS
_WRAPPER_KEYS = ("results", "data", "notes", "works", "papers", "items", "records")
_DELIMITERS = ",\t;|"
_LINES_SNIFFED = 20
_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true or false", type(None): "null"}


def record_to_paper(record: Any, source: str, line: int | None,
                    field_map: Mapping[str, str] | None = None) -> Paper | SkippedRecord:
    """One record, of any shape, as a Paper; a SkippedRecord when it is not one."""
    if not isinstance(record, Mapping):
        kind = _JSON_KINDS.get(type(record), "not an object")
        return SkippedRecord(source, line, f"this item is {kind}, not a JSON object with a title and an abstract")
    return fields_to_paper(apply_field_map(record_fields(record), record, field_map or {}), source, line)


def describe_record(record: Mapping[str, Any], field_map: Mapping[str, str] | None = None) -> str | None:
    """Why a record is not a paper ("its records ... have no abstract"), or None when it is."""
    fields = apply_field_map(record_fields(record), record, field_map or {})
    missing = [name for name in ("title", "abstract") if not fields.get(name)]
    if not missing:
        return None
    shown = ", ".join(sorted(map(str, record))[:12]) or "none"
    mapped = f" (--map {', '.join(f'{k}={v}' for k, v in field_map.items())} finds none)" if field_map else ""
    return (f"its first {shape_name(record)} has keys {shown} but no {' and no '.join(missing)}{mapped}, "
            f"so it matches no known shape; name the keys with {MAP_EXAMPLE}")


# -- JSON ------------------------------------------------------------------------------


def iter_json_papers(path: str | Path, field_map: Mapping[str, str] | None = None) -> Iterator[Paper | SkippedRecord]:
    """Yield a Paper for each record of a JSON Lines file or JSON array, in order."""
    path = Path(path)
    source = str(path)
    items = iter_json_objects(path) if is_json_lines(path) else iter_json_values(path)
    for item in items:
        if isinstance(item, SkippedRecord):
            yield item
            continue
        for record in unwrap_records(item[1]):  # one line may hold an API page of records
            yield record_to_paper(record, source, item[0], field_map)


def is_json_lines(path: Path) -> bool:
    """Whether a JSON file holds one object a line: one of its first lines is a whole object."""
    for seen, line in enumerate(iter_lines(path, warn=False)):
        if seen >= _LINES_SNIFFED or (isinstance(line, Line) and line.text.lstrip().startswith("[")):
            return False
        if isinstance(line, Line) and line.text.strip():
            try:
                if isinstance(json.loads(line.text), dict):
                    return True
            except ValueError:
                continue
    return False


def iter_json_values(path: Path, limit: int = MAX_LINE_CHARS,
                     warn: bool = True) -> Iterator[tuple[int, Any] | SkippedRecord]:
    """(line, value) for each item of the top-level arrays of `path`, or each top-level value.

    Streamed: memory holds one item (up to `limit` characters) and a read-ahead chunk.
    """
    with open_text(path, warn) as text:
        stream = _JsonStream(text, str(path))
        try:
            yield from stream.values(limit)
        except _Broken as broken:
            yield SkippedRecord(str(path), broken.line, broken.reason)
        except (EOFError, OSError, zlib.error) as exc:
            yield SkippedRecord(str(path), stream.line_at(stream.pos), f"the compressed data is damaged "
                                f"or cut short ({exc}); the rest was not read: re-download or re-compress the file")


class _Broken(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


class _JsonStream:
    """A JSON text read a chunk at a time, decoded one value at a time (`raw_decode`)."""

    def __init__(self, text: IO[str], source: str):
        self.text, self.source = text, source
        self.buffer, self.pos, self.eof = "", 0, False
        self.base_line, self.counted, self.counted_line = 1, 0, 1
        self.decoder = json.JSONDecoder()

    def values(self, limit: int) -> Iterator[tuple[int, Any]]:
        while (char := self.peek()) != "":
            if char == "[":
                self.pos += 1
                yield from self.array_items(limit)
                continue
            line, value = self.line_at(self.pos), self.decode(_DOCUMENT_CHARS)
            yield from ((line, item) for item in unwrap_records(value))

    def array_items(self, limit: int) -> Iterator[tuple[int, Any]]:
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            if self.peek() == "":
                raise _Broken(self.line_at(self.pos), "the JSON array ends without ]; the file is cut "
                              "short: fetch or export it again")
            yield self.line_at(self.pos), self.decode(limit)
            char = self.peek()
            self.pos += 1
            if char == "]":
                return
            if char != ",":
                found = repr(char) if char else "the end of the file"
                raise _Broken(self.line_at(self.pos - 1), f"the JSON array has {found} where a comma or ] "
                              "should be; the rest was not read: fix the file (python -m json.tool finds the spot)")

    def peek(self) -> str:
        """The next character that is not white space, not consumed; "" at the end."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self.read_more():
                return ""

    def decode(self, limit: int) -> Any:
        """The value starting at `pos` (read_more may move the buffer, and `pos` with it)."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if len(self.buffer) - self.pos <= limit and self.read_more():
                    continue
                if len(self.buffer) - self.pos > limit:
                    raise _Broken(self.line_at(self.pos), f"this item is over the limit of {limit:,} "
                                  "characters a record may have; the rest was not read") from None
                raise _Broken(self.line_at(self.pos), describe_json_error(exc).replace(
                    "fix the line or delete it", "the rest was not read: fix the file")) from None
            self.pos = end
            return value

    def read_more(self) -> bool:
        if self.eof:
            return False
        if self.pos > _CHUNK:  # drop what is consumed, keeping the line count
            self.line_at(self.pos)
            self.buffer, self.counted = self.buffer[self.pos:], self.counted - self.pos
            self.pos = 0
        chunk = self.text.read(_CHUNK)
        self.eof = not chunk
        self.buffer += chunk
        return bool(chunk)

    def line_at(self, pos: int) -> int:
        """The 1-based line of buffer position `pos` (positions only move forward)."""
        self.counted_line += self.buffer.count("\n", self.counted, pos)
        self.counted = pos
        return self.counted_line


def unwrap_records(value: Any) -> list:
    """The records of an API page ({"results": [...]}); [value] when it is no such page."""
    if isinstance(value, dict) and "title" not in value and "content" not in value:
        for key in _WRAPPER_KEYS:
            if isinstance(value.get(key), list):
                return value[key]
    return [value]


def first_json_records(path: Path, count: int = 20) -> list[Any]:
    """The first records of a JSON array or object stream, for format detection."""
    found: list[Any] = []
    for item in iter_json_values(path, warn=False):
        if isinstance(item, SkippedRecord):
            break
        found.append(item[1])
        if len(found) >= count:
            break
    return found


# -- CSV -------------------------------------------------------------------------------


def iter_csv_papers(path: str | Path, field_map: Mapping[str, str] | None = None) -> Iterator[Paper | SkippedRecord]:
    """Yield a Paper for each row of a CSV file with a header line.

    Raises (on the call, before iteration):
        SourceFormatError: the header has no title or no abstract column (after `field_map`),
            or `field_map` names a column the header does not have.
    """
    path = Path(path)
    header = read_csv_header(path)
    if header is None:
        raise SourceFormatError(f"Cannot read {path} as CSV: its first line is not a header of "
                                "two or more columns; the first line must name the columns")
    delimiter, columns = header
    problem = describe_columns(columns, field_map)
    if problem:
        raise SourceFormatError(f"Cannot read {path} as CSV: {problem}")
    return _iter_rows(path, delimiter, field_map or {})


def _iter_rows(path: Path, delimiter: str, field_map: Mapping[str, str]) -> Iterator[Paper | SkippedRecord]:
    source = str(path)
    # The csv module refuses fields over 128 KiB; a record may have up to MAX_LINE_CHARS.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_CHARS))
    with open_text(path, newline="") as text:
        reader = csv.reader(text, delimiter=delimiter)
        line = 1
        try:
            columns = next(reader, [])
            line = reader.line_num + 1
            for row in reader:
                start, line = line, reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(columns):
                    yield SkippedRecord(source, start, f"this row has {len(row)} fields, the header has "
                                        f"{len(columns)}; put a field holding {delimiter!r} in double quotes")
                    continue
                yield record_to_paper(dict(zip(columns, row)), source, start, field_map)
        except csv.Error as exc:
            yield SkippedRecord(source, line, f"not valid CSV ({exc}); the rest was not read: fix the file")
        except (EOFError, OSError, zlib.error) as exc:
            yield SkippedRecord(source, line, f"the compressed data is damaged or cut short ({exc}); "
                                "the rest was not read: re-download or re-compress the file")


def read_csv_header(path: Path) -> tuple[str, list[str]] | None:
    """(delimiter, columns) of the file's first line, or None when it splits into fewer than two."""
    for line in iter_lines(path, warn=False):
        if isinstance(line, Line):
            return split_header(line.text)
        return None
    return None


def split_header(text: str) -> tuple[str, list[str]] | None:
    """The delimiter that splits a header line into most columns, and the columns."""
    best: tuple[str, list[str]] | None = None
    for delimiter in _DELIMITERS:
        try:
            columns = [c.strip().lstrip("\ufeff") for c in next(csv.reader([text], delimiter=delimiter))]
        except (csv.Error, StopIteration):
            continue
        if len(columns) >= 2 and (best is None or len(columns) > len(best[1])):
            best = (delimiter, columns)
    return best


def describe_columns(columns: list[str], field_map: Mapping[str, str] | None) -> str | None:
    """Why a CSV header cannot give papers (no title or abstract column), or None."""
    field_map = field_map or {}
    for target, key in field_map.items():
        if key not in columns:
            return (f"--map {target}={key}: there is no column {key!r} (the columns are "
                    f"{', '.join(columns[:20])}); name one of them")
    found = {_KNOWN.get(name_key(c)) for c in columns} | set(field_map)
    missing = [name for name in ("title", "abstract") if name not in found]
    if not missing:
        return None
    return (f"its columns are {', '.join(columns[:20])}, and none holds the {' or the '.join(missing)}; "
            f"rename the column or name it with --map {missing[0]}=COLUMN")


def is_csv_header(text: str, field_map: Mapping[str, str] | None = None) -> bool:
    """Whether a first line looks like a CSV header: two or more columns, one a known field."""
    header = split_header(text)
    if header is None:
        return False
    known = {_KNOWN.get(name_key(c)) for c in header[1]} - {None}
    return bool(known & set(FIELDS)) or bool(field_map and set(field_map.values()) & set(header[1]))
