"""The gazetteer: curated names of models, datasets, methods, tasks and metrics.

Two readers feed it. `read_gazetteer` reads the project's own TSV files under
`data/gazetteer/`; `read_name_list` reads a user's list for `paperkg names import`.
`Gazetteer` holds the entities and looks a surface form up by its `entity_key`, so every
spelling that normalises alike ("CIFAR10", "CIFAR-10", "cifar 10") finds one entity.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from paperkg.graph.errors import GazetteerError
from paperkg.graph.records import Entity, EntityType, entity_id, entity_key
from paperkg.graph.speed import fast_entity_key

log = logging.getLogger(__name__)
# Surfaces recur across abstracts ("BERT", "ImageNet", "accuracy"), and `entity_key`
# runs three regexes over each: the extractor's look-ups reuse the keys they made.
cached_entity_key = lru_cache(maxsize=65536)(fast_entity_key)  # = entity_key

COLUMNS = ("name", "type", "aliases", "wikidata", "hf", "arxiv", "variant_of")
_EXTERNAL = ("wikidata", "hf", "arxiv")
_TYPES = ", ".join(t.value for t in EntityType)


def read_gazetteer(path: str | Path) -> list[Entity]:
    """Read one gazetteer TSV file.

    The format, line by line:

    - the first non-comment line is the header, the columns of `COLUMNS` in that order
      (trailing columns may be missing);
    - lines starting with "#" and blank lines are ignored;
    - every other line is one entity: `name`, `type` (one of MODEL METHOD DATASET
      BENCHMARK TASK METRIC), `aliases` separated by "|", then optional `wikidata` (QID),
      `hf` (hub id), `arxiv` (id of the introducing paper) and `variant_of` (the
      canonical name of the parent entity).

    Args:
        path: the TSV file.

    Returns:
        The entities in file order.

    Raises:
        GazetteerError: the file is missing, unreadable, or a row is malformed; the
            message names the file and line.
    """
    path = Path(path)
    lines = _read_lines(path)
    entities: list[Entity] = []
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            _check_header(cells, path, number)
            header_seen = True
            continue
        entities.append(_parse_row(cells, path, number))
    return entities


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GazetteerError(f"{path}: no such file; check the path of the name list") from None
    except UnicodeDecodeError as exc:
        raise GazetteerError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot be read ({exc.strerror})") from None


def _check_header(cells: list[str], path: Path, number: int) -> None:
    if [c.lower() for c in cells[:2]] != ["name", "type"]:
        raise GazetteerError(
            f"{path}:{number}: expected the header line "
            f"'{chr(9).join(COLUMNS)}', found {chr(9).join(cells)!r}"
        )


def _parse_row(cells: list[str], path: Path, number: int) -> Entity:
    if len(cells) > len(COLUMNS):
        raise GazetteerError(
            f"{path}:{number}: {len(cells)} tab-separated cells, at most {len(COLUMNS)} "
            f"allowed ({', '.join(COLUMNS)})"
        )
    row = dict(zip(COLUMNS, cells + [""] * (len(COLUMNS) - len(cells))))
    name = row["name"]
    if not name:
        raise GazetteerError(f"{path}:{number}: the name cell is empty")
    entity_type = _parse_type(row["type"], f"{path}:{number}")
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip() and a.strip() != name)
    external = tuple((scheme, row[scheme]) for scheme in _EXTERNAL if row[scheme])
    parent = entity_id(row["variant_of"]) if row["variant_of"] else None
    return Entity(
        id=entity_id(name),
        name=name,
        type=entity_type,
        aliases=aliases,
        variant_of=parent if parent != entity_id(name) else None,
        external_ids=external,
    )


def _parse_type(value: str, where: str) -> EntityType:
    try:
        return EntityType(value.strip().upper())
    except ValueError:
        raise GazetteerError(f"{where}: unknown type {value!r}; use one of {_TYPES}") from None


def read_name_list(path: str | Path, type: EntityType) -> list[Entity]:  # noqa: A002
    """Read a user's own list of names, all of one type.

    Each non-blank line that does not start with "#" is either a bare name or
    `name<TAB>alias|alias...`; further tab-separated cells are ignored, so a TSV with
    extra columns (counts, sources) can be imported as it is. A first line whose first
    cell is "name" is taken as a header and skipped.

    Args:
        path: the list.
        type: the type every name gets.

    Returns:
        One entity per distinct name (by `entity_key`), origin "user".

    Raises:
        GazetteerError: the file cannot be read or holds no names.
    """
    path = Path(path)
    entity_type = _parse_type(getattr(type, "value", str(type)), str(path))
    seen: dict[str, Entity] = {}
    for number, line in enumerate(_read_lines(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if number == 1 and cells[0].lower() == "name":
            continue
        name = cells[0]
        if not entity_key(name):
            log.warning("%s:%d: %r has no letters or digits; skipped", path, number, name)
            continue
        aliases = cells[1].split("|") if len(cells) > 1 else []
        aliases = tuple(a.strip() for a in aliases if a.strip() and a.strip() != name)
        seen.setdefault(
            entity_key(name),
            Entity(id=entity_id(name), name=name, type=entity_type, aliases=aliases, origin="user"),
        )
    if not seen:
        raise GazetteerError(f"{path}: no names found; put one name a line (or name<TAB>aliases)")
    return list(seen.values())


class Gazetteer:
    """Entities by id, and every name and alias by its normalised key.

    Args:
        entities: the entities; when two share an id or a key, the first one wins
            (the bundled files come first, so curated entries beat imports).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_id: dict[str, Entity] = {}
        self._by_key: dict[str, Entity] = {}
        for entity in entities:
            if entity.id in self._by_id:
                log.debug("duplicate gazetteer entity %s ignored", entity.id)
                continue
            self._by_id[entity.id] = entity
            for surface in (entity.name, *entity.aliases):
                self._by_key.setdefault(entity_key(surface), entity)
        self.entities: tuple[Entity, ...] = tuple(self._by_id.values())

    def __len__(self) -> int:
        return len(self.entities)

    def lookup(self, surface: str) -> Entity | None:
        """The entity a surface form names, whatever its spelling, or None."""
        return self._by_key.get(cached_entity_key(surface))

    def get(self, id: str) -> Entity | None:  # noqa: A002
        """The entity with this id, or None."""
        return self._by_id.get(id)

    def merged(self, extra: Iterable[Entity]) -> Gazetteer:
        """A new gazetteer with `extra` (a user's names) taking precedence over this one's.

        An extra entity that this gazetteer already holds keeps the bundled aliases and
        external ids but takes the user's type and origin.
        """
        overrides = []
        for entity in extra:
            bundled = self._by_id.get(entity.id)
            if bundled is not None:
                aliases = tuple(dict.fromkeys((*bundled.aliases, *entity.aliases)))
                entity = replace(bundled, type=entity.type, origin=entity.origin, aliases=aliases)
            overrides.append(entity)
        return Gazetteer([*overrides, *self.entities])

    @classmethod
    def from_dir(cls, directory: str | Path) -> Gazetteer:
        """Read every `*.tsv` file of a folder, in name order."""
        files = sorted(Path(directory).glob("*.tsv"))
        entities = [entity for path in files for entity in read_gazetteer(path)]
        log.info("gazetteer: %d entities from %d files in %s", len(entities), len(files), directory)
        return cls(entities)

    @classmethod
    def bundled(cls) -> Gazetteer:
        """The curated gazetteer shipped in `paperkg.data` (`data/gazetteer/*.tsv`)."""
        folder = resources.files("paperkg.data") / "gazetteer"
        entities: list[Entity] = []
        if folder.is_dir():
            for item in sorted(folder.iterdir(), key=lambda p: p.name):
                if item.name.endswith(".tsv"):
                    with resources.as_file(item) as path:
                        entities.extend(read_gazetteer(path))
        if not entities:
            log.warning("the bundled gazetteer is empty: only rules will find names")
        return cls(entities)
