"""Reader of annotated (gold) files in the JSON Lines schema of ../shared/gold.

One line a unit of text (an abstract paragraph, a sentence, a title and abstract):

    {"source": "GSAP-NER", "split": "dev", "doc_id": "00001_1911_02116.txt|text_unit_0",
     "text": "... outperforms multilingual BERT (mBERT) ...",
     "entities": [{"start": 330, "end": 347, "label": "MLModel", "coarse": "MODEL",
                   "text": "multilingual BERT"}, ...]}

- `source` names the annotation scheme and picks the label map (see `labels.py`);
- `split` is informational ("train", "dev");
- `doc_id` identifies the unit in error listings;
- `text` is what the extractor reads, as given (token-joined text such as "CIFAR - 10"
  is kept as it is);
- each entity has character offsets into `text` (`end` exclusive), the source's own
  `label`, an optional `coarse` label, optionally the covered `text`, which must equal
  `text[start:end]`, and optionally `aliases`, the other forms the text uses for the same
  entity (the role gold's, see `role_scoring.py`).

A gold file is a measuring instrument, so a bad line is an error (`GoldFormatError`
naming `file:line`), never silently skipped: a skipped unit would change the score.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paperkg.graph.errors import GoldFormatError
from paperkg.graph.evaluation.extract_io import iter_json_lines


@dataclass(frozen=True)
class GoldEntity:
    """One annotated span: character offsets into the unit's text and the source's label."""

    start: int
    end: int
    label: str
    text: str
    coarse: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldDocument:
    """One annotated unit of text and where it was read from (for error messages)."""

    source: str
    split: str
    doc_id: str
    text: str
    entities: tuple[GoldEntity, ...]
    path: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        """`file:line` of this unit, for messages."""
        return f"{self.path}:{self.line}"


def iter_gold(path: str | Path) -> Iterator[GoldDocument]:
    """Yield the annotated units of a gold JSON Lines file (gzip allowed), in file order.

    Args:
        path: The gold file.

    Raises:
        SourceNotFoundError: The path does not exist.
        GoldFormatError: A line is not a gold record; the message names `file:line`.
    """
    count = 0
    for line_number, value, problem in iter_json_lines(path):
        where = f"{path}:{line_number}"
        if problem is not None:
            raise GoldFormatError(f"{where}: {problem}; fix or remove the line.")
        yield _read_gold_record(value, str(path), line_number)
        count += 1
    if count == 0:
        raise GoldFormatError(
            f"{path}: no records; a gold file has one JSON object a line "
            '({"source", "split", "doc_id", "text", "entities"}).'
        )


def _read_gold_record(value: Any, path: str, line: int) -> GoldDocument:
    """Check one parsed line against the gold schema and build its GoldDocument."""
    where = f"{path}:{line}"
    if not isinstance(value, dict):
        raise GoldFormatError(f"{where}: expected a JSON object, found {type(value).__name__}.")
    text = value.get("text")
    if not isinstance(text, str):
        raise GoldFormatError(f'{where}: the record needs a string "text".')
    entities = value.get("entities")
    if not isinstance(entities, list):
        raise GoldFormatError(f'{where}: the record needs an "entities" list (may be empty).')
    doc_id = value.get("doc_id")
    return GoldDocument(
        source=str(value.get("source") or ""),
        split=str(value.get("split") or ""),
        doc_id=str(doc_id) if doc_id not in (None, "") else f"line {line}",
        text=text,
        entities=tuple(_read_gold_entity(item, text, where, i) for i, item in enumerate(entities)),
        path=path,
        line=line,
    )


def _read_gold_entity(item: Any, text: str, where: str, index: int) -> GoldEntity:
    """Check one entity of a record: integer offsets inside the text, a label, its text."""
    here = f"{where}: entity {index}"
    if not isinstance(item, dict):
        raise GoldFormatError(f"{here}: expected a JSON object, found {type(item).__name__}.")
    start, end, label = item.get("start"), item.get("end"), item.get("label")
    if not (_is_int(start) and _is_int(end)) or not 0 <= start < end <= len(text):
        raise GoldFormatError(
            f"{here}: start/end must be integers with 0 <= start < end <= {len(text)} "
            f"(the text's length); found start={start!r}, end={end!r}."
        )
    if not isinstance(label, str) or not label:
        raise GoldFormatError(f'{here}: the entity needs a string "label".')
    covered = text[start:end]
    stated = item.get("text", covered)
    if stated != covered:
        raise GoldFormatError(
            f"{here}: offsets {start}-{end} cover {covered!r} but the entity's text is "
            f"{stated!r}; offsets are character offsets into the record's text."
        )
    coarse = item.get("coarse")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GoldFormatError(f'{here}: "aliases" must be a list of strings; found {aliases!r}.')
    return GoldEntity(start, end, label, covered, coarse if isinstance(coarse, str) else None,
                      tuple(aliases))


def _is_int(value: Any) -> bool:
    """True for a JSON integer (bool is an int subclass in Python, but not an offset)."""
    return isinstance(value, int) and not isinstance(value, bool)
