"""Read the lines of an input file, plain or gzipped, one at a time.

Every format reads its file through `iter_lines`, so all of them share the same answers to
the same questions: gzip is recognised by its magic bytes, not by the name; line endings may
be LF, CRLF or CR; a UTF-8 byte order mark is dropped; a line that is not UTF-8 is marked,
not fatal; a gzip stream that ends early becomes one `SkippedRecord`, not a traceback.
Nothing is read into memory beyond the current line.
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

logger = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"

# surrogateescape turns each undecodable byte into one lone surrogate in U+DC80..U+DCFF,
# so a bad line is found with one regex search instead of decoding every line twice.
_UNDECODABLE = re.compile("[\udc80-\udcff]")

NOT_UTF8 = "is not UTF-8 text; re-save the file as UTF-8"


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


def iter_lines(path: Path) -> Iterator[Line | SkippedRecord]:
    """Yield each line of `path` as a `Line`, streaming, in order.

    A corrupt or truncated gzip stream ends the file with one `SkippedRecord` naming the
    line where reading stopped; the lines before it have been yielded already.
    """
    number = 0
    with open_bytes(path) as raw:
        # utf-8-sig drops a byte order mark; newline=None accepts LF, CRLF and CR alike.
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline=None)
        try:
            for number, line in enumerate(text, start=1):
                yield Line(number, line.rstrip("\n"))
        except (EOFError, OSError, zlib.error) as exc:
            logger.warning("%s: reading stopped after line %d: %s", path, number, exc)
            yield SkippedRecord(
                str(path),
                number + 1,
                f"the compressed data is damaged or cut short ({exc}); the lines after this "
                "one were not read: re-download or re-compress the file",
            )
