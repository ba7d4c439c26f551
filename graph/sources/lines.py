"""Read the lines of an input file, plain or gzipped, one at a time.

Every format reads its file through `iter_lines`, so all of them share the same answers to
the same questions: gzip is recognised by its magic bytes, not by the name; line endings may
be LF, CRLF or CR; the whole file is decoded in the one encoding `encoding.file_encoding`
chose (UTF-8, UTF-16 or UTF-32 by their byte order mark, else cp1252 with one warning, else
refused whole); a gzip stream that ends early becomes one `SkippedRecord`, not a traceback.
A line longer than `MAX_LINE_CHARS` (1 MB) is skipped with one `SkippedRecord` naming it and
the limit; nothing is held in memory beyond the current line and that limit.
"""

from __future__ import annotations

import gzip
import io
import logging
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

from ..errors import SourceNotFoundError
from ..records import SkippedRecord
from .encoding import decode_note, file_encoding

logger = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"

# surrogateescape turns each undecodable byte into one lone surrogate in U+DC80..U+DCFF,
# so a bad line is found with one regex search instead of decoding every line twice.
_UNDECODABLE = re.compile("[\udc80-\udcff]")

NOT_UTF8 = "is not UTF-8 text; re-save the file as UTF-8"

# The longest line (one JSON record, or one abstract of a Daily Papers page) read, in
# characters: 1 MB of text is some 500 times the longest real abstract.
MAX_LINE_CHARS = 1_000_000
_DRAIN_CHARS = 1 << 16


class Line(NamedTuple):
    """One line of an input file: its 1-based number and text without the line ending."""

    number: int
    text: str

    @property
    def is_utf8(self) -> bool:
        """Whether every byte of the line decoded as UTF-8."""
        # isascii() is a flag check in C; most lines are ASCII and need no search.
        return self.text.isascii() or _UNDECODABLE.search(self.text) is None

    def replaced(self) -> str:
        """The text with undecodable bytes shown as U+FFFD, for messages."""
        return self.text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def check_readable(path: Path) -> None:
    """Raise `SourceNotFoundError` unless `path` is an existing, readable file.

    Raises:
        SourceNotFoundError: the path is missing, a directory, or cannot be opened.
    """
    if not path.exists():
        raise SourceNotFoundError(f"{path} does not exist; check the path and try again.")
    if path.is_dir():
        raise SourceNotFoundError(f"{path} is a directory; give the files in it one by one.")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise SourceNotFoundError(f"{path} cannot be opened ({exc.strerror}); check its permissions.") from exc


def is_gzip(path: Path) -> bool:
    """Whether the file starts with the gzip magic bytes, whatever its name."""
    with path.open("rb") as raw:
        return raw.read(2) == GZIP_MAGIC


def open_bytes(path: Path) -> IO[bytes]:
    """Open `path` for reading bytes, decompressing it on the fly when it is gzipped."""
    if is_gzip(path):
        return gzip.open(path, "rb")
    return path.open("rb")


def open_text(path: Path, warn: bool = True, newline: str | None = None) -> IO[str]:
    """Open `path` as text in the one encoding `encoding.file_encoding` chose for it.

    Args:
        path: the file, plain or gzipped.
        warn: log the one warning of a file read as cp1252.
        newline: as for `open`; None (LF, CRLF and CR alike) unless a CSV reader wants "".

    Raises:
        SourceFormatError: the file is valid in no encoding paperkg reads (see `encoding`).
    """
    encoding = file_encoding(path)
    note = decode_note(path, encoding)
    if note and warn:
        logger.warning("%s", note)
    # The encoding was checked on the whole file, so surrogateescape only guards against a
    # file changed since.
    errors = "surrogateescape" if encoding.startswith("utf-8") else "replace"
    return io.TextIOWrapper(open_bytes(path), encoding=encoding, errors=errors, newline=newline)


def iter_lines(path: Path, max_chars: int = MAX_LINE_CHARS, warn: bool = True) -> Iterator[Line | SkippedRecord]:
    """Yield each line of `path` as a `Line`, streaming, in order.

    Args:
        path: the file, plain or gzipped.
        max_chars: a longer line gives a `SkippedRecord` naming it and the limit, and is
            read past in chunks, never held whole.
        warn: log the one warning of a file read as cp1252 (off for format sniffing).

    A corrupt or truncated gzip stream ends the file with one `SkippedRecord` naming the
    line where reading stopped; the lines before it have been yielded already.

    Raises:
        SourceFormatError: the file is valid in no encoding paperkg reads (see `encoding`).
    """
    number = 0
    with open_text(path, warn) as text:
        try:
            while line := text.readline(max_chars + 1):
                number += 1
                if len(line) > max_chars and not line.endswith("\n"):
                    size = _drain_line(text, len(line))
                    yield SkippedRecord(str(path), number, f"this line is {size:,} characters long, over "
                                        f"the limit of {max_chars:,} a record may have; it was skipped")
                    continue
                yield Line(number, line.rstrip("\n"))
        except (EOFError, OSError, zlib.error) as exc:
            logger.warning("%s: reading stopped after line %d: %s", path, number, exc)
            yield SkippedRecord(
                str(path),
                number + 1,
                f"the compressed data is damaged or cut short ({exc}); the lines after this "
                "one were not read: re-download or re-compress the file",
            )


def _drain_line(text: IO[str], size: int) -> int:
    """Read past the rest of an over-long line a chunk at a time; return its full length."""
    while chunk := text.readline(_DRAIN_CHARS):
        size += len(chunk.rstrip("\n"))
        if chunk.endswith("\n"):
            break
    return size
