"""Tell an input's format from its content, never from its name.

The file's records are sniffed, not a fixed prefix of its bytes: the first lines, each read
whole whatever its length (up to the record limit; a longer one is passed over), decoded in
the file's one encoding (UTF-8/16/32 or cp1252, see `encoding`), decompressed first when
the file starts with the gzip magic bytes. The first 256 KiB of raw bytes are looked at only
to refuse binary files (a PDF, a zip, control bytes). JSON Lines are told apart by the keys
of the first record that parses:
"arxiv_id" or "listing_date" means arxiv-jsonl; "id" with "update_date", "versions",
"authors_parsed", or with a string "authors" and no "year" or "venue", means arxiv-snapshot;
any other record with a title and an abstract (by its shape, its common field names or
`--map`, see `generic`) means json, and so does a JSON array of such records. Text whose
first line is a header naming a known field (title, abstract, year, ...) is csv. Text with an
author-count line ("  • 4 authors") or the "Daily Papers" header is daily-papers. Anything
else, an empty file and a binary one raise `SourceFormatError` naming the file and the
formats known.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

from ..errors import SourceFormatError
from .daily_papers import parse_meta_line
from .encoding import bom_encoding, is_wide
from .generic import describe_record, first_json_records, is_csv_header, unwrap_records
from .lines import Line, check_readable, iter_lines, open_bytes, open_text

FORMATS: tuple[str, ...] = ("daily-papers", "arxiv-jsonl", "arxiv-snapshot", "json", "csv")
# The formats whose fields --map can name.
MAPPED_FORMATS: tuple[str, ...] = ("json", "csv")

FORMAT_HELP = (
    "paperkg reads daily-papers (a Hugging Face Daily Papers page copied as text), "
    "arxiv-jsonl (JSON Lines with arxiv_id, title, abstract, listing_date), "
    "arxiv-snapshot (JSON Lines with id, title, abstract, authors, update_date), "
    "json (JSON Lines or a JSON array of records with a title and an abstract: OpenAlex, "
    "Semantic Scholar, OpenReview or any other, other keys named with --map title=KEY,abstract=KEY) "
    "and csv (a header line naming title and abstract columns), plain or gzipped; "
    "pass --format daily-papers|arxiv-jsonl|arxiv-snapshot|json|csv to choose one"
)

_SAMPLE_BYTES = 256 * 1024
_HEAD_CHARS = 4096
_JSON_LINES_TRIED = 20
# Lines sniffed for a Daily Papers author-count line (chrome comes first on a page).
_TEXT_LINES_TRIED = 2000
# Bytes that text files do not contain: C0 controls other than tab, newlines and form feed.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SIGNATURES = {
    b"%PDF": "a PDF; copy the page's text into a .txt file instead",
    b"PK\x03\x04": "a zip archive; unpack it and give the files inside",
}


def detect_format(path: str | Path, field_map: dict[str, str] | None = None) -> str:
    """The format of the file at `path`, one of `FORMATS`, read from its content.

    With `field_map` (`--map`), only json and csv are candidates: the map names their keys.

    Raises:
        SourceNotFoundError: the path does not exist or is not a readable file.
        SourceFormatError: the file is empty, binary, or in no format paperkg reads.
    """
    path = Path(path)
    check_readable(path)
    problem = describe_file_problem(path)
    if problem:
        raise SourceFormatError(f"Cannot read {path}: it is {problem}. {FORMAT_HELP}.")
    # JSON is told from its first few lines; only text needs up to 2,000 (a page's chrome).
    lines = read_first_lines(path, _JSON_LINES_TRIED) or read_json_head(path)
    if not lines:
        raise SourceFormatError(f"Cannot read {path}: it is empty; there is nothing to ingest. {FORMAT_HELP}.")
    if lines[0].startswith(("{", "[")):
        found, why = sniff_json(path, lines, field_map)
    else:
        lines = read_first_lines(path, _TEXT_LINES_TRIED)
        found, why = sniff_csv(lines[0], field_map)
        if found is None and not why and not field_map:
            found, why = sniff_daily_papers(lines)
        why = why or "it is neither CSV with a header line nor JSON"
    if found is None:
        raise SourceFormatError(f"Cannot tell the format of {path}: {why}. {FORMAT_HELP}.")
    return found


def describe_file_problem(path: Path) -> str | None:
    """What makes a file unreadable as text, from its first bytes, or None.

    A file with a UTF-16 or UTF-32 byte order mark is text, NUL bytes and all.
    """
    sample = read_sample(path)
    wide = bom_encoding(sample[:4])
    return None if wide and is_wide(wide) else describe_problem(sample)


def read_first_lines(path: Path, count: int = _TEXT_LINES_TRIED) -> list[str]:
    """The first `count` non-blank lines of a file, stripped, each read whole (see `iter_lines`)."""
    lines: list[str] = []
    for line in iter_lines(path, warn=False):
        if isinstance(line, Line) and line.text.strip():
            lines.append(line.text.strip())
            if len(lines) >= count:
                break
    return lines


def read_json_head(path: Path) -> list[str]:
    """[the start of the text] when it opens JSON on a line too long to read whole (a JSON
    array written on one line), so that it is sniffed as a stream; else []."""
    try:
        with open_text(path, warn=False) as text:
            head = text.read(_HEAD_CHARS).lstrip()
    except (EOFError, OSError, zlib.error):  # a damaged gzip stream: reading it says so
        return []
    return [head] if head.startswith(("[", "{")) else []


def read_sample(path: Path) -> bytes:
    """Up to the first 256 KiB of the file's content, decompressed if it is gzipped.

    Raises:
        SourceFormatError: the file is gzipped but not one byte of it decompresses.
    """
    chunks: list[bytes] = []
    size = 0
    with open_bytes(path) as stream:
        try:
            while size < _SAMPLE_BYTES and (chunk := stream.read1(_SAMPLE_BYTES - size)):
                chunks.append(chunk)
                size += len(chunk)
        except (EOFError, OSError, zlib.error) as exc:
            if not chunks:
                raise SourceFormatError(
                    f"Cannot read {path}: it starts like a gzip file but does not decompress "
                    f"({exc}); re-download or re-compress it."
                ) from exc
    return b"".join(chunks)


def describe_problem(sample: bytes) -> str | None:
    """What makes a sample unreadable as text ("empty", "binary, not text", ...), or None."""
    for signature, problem in _SIGNATURES.items():
        if sample.startswith(signature):
            return problem
    if not sample.strip():
        return "empty; there is nothing to ingest"
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) // 100:
        return "binary, not text; give a text or JSON Lines file"
    return None


def sniff_json(path: Path, lines: list[str], field_map: dict[str, str] | None = None) -> tuple[str | None, str]:
    """The shape of JSON Lines or a JSON array from the keys of its first good record, and why not."""
    if not lines[0].startswith("["):
        for line in lines[:_JSON_LINES_TRIED]:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a broken line (or the sample's cut-off end) is not a verdict
            records = unwrap_records(record)
            if isinstance(record, dict) and len(records) == 1 and records[0] is record:
                return _shape_of(record, field_map)
            if records and isinstance(records[0], dict):  # an API page on one line
                return _shape_of(records[0], field_map, lines_only=False)
    records = first_json_records(path)  # an array, or objects printed over several lines
    first = next((record for record in records if isinstance(record, dict)), None)
    if first is not None:
        found, why = _shape_of(first, field_map, lines_only=False)
        return found, why
    if records:
        return None, "it is a JSON array, but not of records {...}; give an array of objects, one a paper"
    return None, f"none of its first {_JSON_LINES_TRIED} lines is a JSON object, and it is no JSON array"


def _shape_of(record: dict, field_map: dict[str, str] | None = None,
              lines_only: bool = True) -> tuple[str | None, str]:
    keys = set(record)
    if lines_only and not field_map:
        if keys & {"arxiv_id", "listing_date"}:
            return "arxiv-jsonl", ""
        snapshot_keys = {"update_date", "versions", "authors_parsed"}
        bibliographic = keys & {"year", "venue", "doi"} - snapshot_keys
        if "id" in keys and (keys & snapshot_keys or (isinstance(record.get("authors"), str) and not bibliographic)):
            return "arxiv-snapshot", ""
    problem = describe_record(record, field_map)
    return (None, problem) if problem else ("json", "")


def sniff_csv(first_line: str, field_map: dict[str, str] | None = None) -> tuple[str | None, str]:
    """csv when the first line is a header naming at least one known field (or a --map key).

    A header without a title or an abstract column is still csv: reading it then fails
    with one message naming its columns (`generic.iter_csv_papers`), not a list of formats.
    """
    return ("csv", "") if is_csv_header(first_line, field_map) else (None, "")


def sniff_daily_papers(lines: list[str]) -> tuple[str | None, str]:
    """daily-papers when the text has an author-count line or the page's own header."""
    for line in lines:
        parts = parse_meta_line(line)
        if parts and any(kind == "authors" for kind, _ in parts):
            return "daily-papers", ""
        if line.casefold() == "daily papers":
            return "daily-papers", ""
    return None, 'it is text, but has no "N authors" line of a Daily Papers page and is not JSON Lines'
