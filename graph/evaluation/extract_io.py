"""Reading JSON Lines for extraction and scoring, and writing mentions as JSON.

`paperkg extract --json` reads records with a `text` (or `abstract`) and a `doc_id` (or
`arxiv_id`) and writes, for each, the mentions with offsets into that text, so that anyone
can score the extractor with their own scorer. Bad lines are reported and skipped; they
never stop the good ones.
"""

from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from paperkg.graph.errors import SourceFormatError, SourceNotFoundError
from paperkg.graph.records import Mention, SkippedRecord

logger = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b"
_TEXT_FIELDS = ("text", "abstract")
# "id" is the arXiv metadata snapshot's name for the arXiv id.
_ID_FIELDS = ("doc_id", "arxiv_id", "id")


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, Any, str | None]]:
    """Yield `(line_number, value, problem)` for each non-blank line of a JSON Lines file.

    The file may be gzip-compressed (detected from its first bytes, not its name).
    `problem` is None when the line parsed; otherwise `value` is None and `problem` says
    what is wrong ("not UTF-8 text", "not JSON: ..."), so callers choose to skip or raise.

    Args:
        path: The file to read.

    Raises:
        SourceNotFoundError: The path does not exist or is not a file.
        SourceFormatError: A gzip file is truncated or corrupt.
    """
    path = Path(path)
    if not path.is_file():
        raise SourceNotFoundError(f"{path}: no such file; check the path and try again.")
    with path.open("rb") as raw:
        compressed = raw.read(2) == _GZIP_MAGIC
    opener = gzip.open if compressed else open
    line_number = 0
    try:
        with opener(path, "rb") as stream:
            for line_number, raw_line in enumerate(stream, start=1):
                if raw_line.strip():
                    yield (line_number, *_parse_json_line(raw_line))
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceFormatError(
            f"{path}: the compressed file is corrupt or truncated after line {line_number} "
            f"({exc}); re-download or re-compress it."
        ) from exc


def _parse_json_line(raw_line: bytes) -> tuple[Any, str | None]:
    """Decode one line as UTF-8 JSON: `(value, None)` or `(None, problem)`."""
    try:
        line = raw_line.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8 text (is this a binary file, or another encoding?)"
    try:
        return json.loads(line), None
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at column {exc.colno})"


def iter_text_records(
    path: str | Path, skipped: list[SkippedRecord] | None = None
) -> Iterator[tuple[str, str]]:
    """Yield `(doc_id, text)` for each usable record of a JSON Lines file.

    Each line is one JSON object with the text in `text` (or else `abstract`) and its id in
    `doc_id` (or else `arxiv_id`, or else `id`). A bad line is logged as a warning naming
    `file:line` and the problem, appended to `skipped` when given, and skipped.

    Args:
        path: A JSON Lines file, gzip-compressed or not.
        skipped: A list that receives a `SkippedRecord` for each bad line.

    Raises:
        SourceNotFoundError: The path does not exist or is not a file.
        SourceFormatError: A gzip file is corrupt, or the file holds no lines at all.
    """
    seen_any = False
    for line_number, value, problem in iter_json_lines(path):
        seen_any = True
        if problem is None:
            record, problem = _read_text_record(value)
            if record is not None:
                yield record
                continue
        bad = SkippedRecord(source=str(path), line=line_number, reason=f"{problem}; line skipped")
        logger.warning("%s", bad)
        if skipped is not None:
            skipped.append(bad)
    if not seen_any:
        raise SourceFormatError(
            f"{path}: the file is empty; give a JSON Lines file with one record a line."
        )


def _read_text_record(value: Any) -> tuple[tuple[str, str] | None, str | None]:
    """Pick the id and the text out of one parsed line, or say why it has none."""
    if not isinstance(value, dict):
        return None, f"expected a JSON object, found {type(value).__name__}"
    text = next((value[name] for name in _TEXT_FIELDS if name in value), None)
    if not isinstance(text, str) or not text.strip():
        return None, "no text: the record needs a non-empty string `text` or `abstract`"
    doc_id = next((value[name] for name in _ID_FIELDS if value.get(name) not in (None, "")), None)
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        return None, "no id: the record needs a `doc_id` or `arxiv_id` (a string)"
    return (str(doc_id), text), None


def mention_to_json(mention: Mention) -> dict[str, Any]:
    """The JSON form of a mention that `paperkg extract --json` writes.

    Returns:
        `{"start", "end", "text", "type", "entity", "role", "confidence", "phrase_start",
        "phrase_end"}`, offsets being character offsets into the text the mention was found
        in (end exclusive); the phrase is the noun phrase the name stands in ("TED corpus").
    """
    phrase_start, phrase_end = mention.phrase
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "type": mention.type.value,
        "entity": mention.entity_id,
        "role": mention.role.value,
        "confidence": round(float(mention.confidence), 4),
        "phrase_start": phrase_start,
        "phrase_end": phrase_end,
    }
