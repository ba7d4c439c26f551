"""Decide how a whole input file is decoded, before any of its lines is read.

A file is read in one encoding from its first byte to its last, never line by line:

- a byte order mark decides: UTF-8, UTF-16 (LE or BE) or UTF-32 (LE or BE);
- without one, a file that is valid UTF-8 from end to end is UTF-8;
- a file with no valid UTF-8 sequence beyond ASCII at all (a Latin-1 or Windows save) is
  read whole as cp1252 (Windows-1252, a superset of the printable Latin-1), and
  `decode_note` says so in one warning line;
- a file that mixes valid UTF-8 with other bytes (text pasted from two sources), a BOM'd
  file with broken code units, or bytes cp1252 leaves undefined raise `SourceFormatError`
  naming the first bad line: the file is refused whole, never half read. Decoding a mixed
  file either way would garble one of its halves without a word.

Deciding costs one pass over the (decompressed) file, made once per file version: the
answer is cached on the path, size and modification time. A file that is not UTF-8 is
read a second time to name its first bad line.
"""

from __future__ import annotations

import codecs
import re
import zlib
from functools import lru_cache
from pathlib import Path

from ..errors import SourceFormatError

FALLBACK = "cp1252"
_CHUNK = 1 << 20
# surrogateescape decodes each byte that is not UTF-8 to one lone surrogate U+DC80..U+DCFF.
_ESCAPED = re.compile("[\udc80-\udcff]")
_UTF8_TEXT = re.compile("[^\x00-\x7f\udc80-\udcff]")
# UTF-32 LE's mark begins with UTF-16 LE's, so it is tried first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte order mark at the start of `head` announces, or None."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def is_wide(encoding: str) -> bool:
    """Whether an encoding puts NUL bytes in ordinary text (UTF-16 and UTF-32 do)."""
    return encoding in ("utf-16", "utf-32")


def file_encoding(path: Path) -> str:
    """The encoding the whole of `path` is read in; see the module docstring for the rules.

    Raises:
        SourceFormatError: the file is valid in no encoding paperkg reads.
    """
    stat = path.stat()
    return _file_encoding(str(path), stat.st_size, stat.st_mtime_ns)


def decode_note(path: Path, encoding: str) -> str | None:
    """The one warning line a fallback decoding deserves, or None for UTF-8/16/32."""
    if encoding != FALLBACK:
        return None
    return (f"{path} is not UTF-8; it was read whole as cp1252 (Windows-1252). "
            "If its accents look wrong, re-save it as UTF-8 and ingest it again")


@lru_cache(maxsize=64)
def _file_encoding(path: str, _size: int, _mtime_ns: int) -> str:
    from .lines import open_bytes

    with open_bytes(Path(path)) as raw:
        head = _read_some(raw, 4)
        declared = bom_encoding(head)
        if declared and declared != "utf-8-sig":
            if _decodes(raw, head, declared):
                return declared
            raise SourceFormatError(
                f"Cannot read {path}: it starts with a {declared.upper()} byte order mark but is not "
                f"valid {declared.upper()} throughout; re-save it as UTF-8. Nothing of it was read."
            )
    # Most files are UTF-8, which a strict decode in C tells more cheaply than the scan that
    # finds the first bad line; that scan runs only for a file that has one.
    with open_bytes(Path(path)) as raw:
        if _decodes(raw, b"", "utf-8"):
            return "utf-8-sig"
    with open_bytes(Path(path)) as raw:
        bad_line, has_utf8 = _scan_utf8(raw)
    if bad_line is None:  # a damaged gzip stream ends the scan where it ends
        return "utf-8-sig"
    if has_utf8:
        raise SourceFormatError(
            f"Cannot read {path}: it mixes UTF-8 text with bytes of another encoding (line "
            f"{bad_line} is not UTF-8); re-save the whole file as UTF-8. Nothing of it was read."
        )
    with open_bytes(Path(path)) as raw:
        if _decodes(raw, b"", FALLBACK):
            return FALLBACK
    raise SourceFormatError(
        f"Cannot read {path}: it is neither UTF-8 nor cp1252 (Windows-1252) text (line "
        f"{bad_line} is not UTF-8); re-save it as UTF-8. Nothing of it was read."
    )


def _scan_utf8(raw) -> tuple[int | None, bool]:
    """(the first line that is not UTF-8 or None, whether any valid non-ASCII UTF-8 occurs)."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    bad_line, has_utf8, lines = None, False, 0
    final = False
    while not final:
        chunk = _read_some(raw, _CHUNK)
        final = not chunk
        text = decoder.decode(chunk, final=final)
        if not text.isascii():
            has_utf8 = has_utf8 or _UTF8_TEXT.search(text) is not None
            found = _ESCAPED.search(text) if bad_line is None else None
            if found:
                bad_line = lines + text.count("\n", 0, found.start()) + 1
        lines += text.count("\n")
    return bad_line, has_utf8


def _decodes(raw, head: bytes, encoding: str) -> bool:
    """Whether `head` plus the rest of `raw` decodes in `encoding` without one error.

    A damaged gzip stream ends the check where it ends; the reader reports the damage.
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        decoder.decode(head)
        while chunk := _read_some(raw, _CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except (EOFError, OSError, zlib.error):
        return True
    return True


def _read_some(raw, size: int) -> bytes:
    try:
        return raw.read(size)
    except (EOFError, OSError, zlib.error):
        return b""
