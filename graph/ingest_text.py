"""Ingest a document given as text (the GraphQL `ingest` mutation) rather than as a file.

The text goes through the same readers, extractor and batched store writes as
`paperkg ingest`; problems name the input "text", never a temporary path.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceFormatError
from .store import Store

# Over this, a document belongs in a file given to `paperkg ingest`.
MAX_TEXT_BYTES = 5 * 1024 * 1024
INPUT_NAME = "text"

_extractors: dict[str, object] = {}
_extractor_lock = threading.Lock()


@dataclass(frozen=True)
class TextIngest:
    """What one text ingest did: counts, the ids written, and one line per problem."""

    added: int
    updated: int
    unchanged: int
    paper_ids: list[str]
    problems: list[str]


def ingest_text(text: str, store: Store, format: str | None = None) -> TextIngest:
    """Read papers from `text`, extract what they name and store them, in batches.

    Args:
        text: the content of a Daily Papers page, or of arXiv JSON Lines.
        store: where to write.
        format: one of `sources.FORMATS`, or None to detect it from the content.

    Raises:
        SourceFormatError: `text` is empty or over `MAX_TEXT_BYTES`.
    """
    from .ingest import ingest_paths  # spaCy loads only when something is ingested

    data = text.encode("utf-8")
    if not data.strip():
        raise SourceFormatError("the text to ingest is empty; send a Daily Papers page or arXiv JSON Lines")
    if len(data) > MAX_TEXT_BYTES:
        raise SourceFormatError(f"the text to ingest is {len(data):,} bytes, over the limit of "
                                f"{MAX_TEXT_BYTES:,}; ingest large inputs with `paperkg ingest FILE`")
    problems: list[str] = []
    before = store.last_change()
    with tempfile.TemporaryDirectory(prefix="paperkg-") as folder:
        path = Path(folder) / INPUT_NAME
        path.write_bytes(data)
        report = ingest_paths([path], store, extractor=shared_extractor(store), format=format, progress=False,
                              on_problem=lambda line: problems.append(line.replace(str(path), INPUT_NAME)))
    _, ids = store.changes_since(before)
    written = report.written
    return TextIngest(written.added, written.updated, written.unchanged, ids, problems)


def shared_extractor(store: Store):
    """One extractor per database for the process's life: loading one takes about a second."""
    from .extract import Extractor
    from .ingest_extractors import known_entities

    key = str(store.path.resolve())
    with _extractor_lock:
        if key not in _extractors:  # the names every ingest starts from, as the CLI's
            _extractors[key] = Extractor.default(extra_entities=known_entities(store))
        return _extractors[key]
