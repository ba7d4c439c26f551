"""Reading entities from the store: lookups by id or alias, lists, types and variants.

The entities' part of `Store` (graph/store.py), a mixin over the connection helpers of
`store_base.StoreBase`; rows become `Entity`s, with their aliases, in
`store_records.entity_from_row`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from .records import Entity, EntityType, entity_key
from .store_base import StoreBase
from .store_records import entity_from_row


def _entity_filter(type: EntityType | None, search: str | None) -> tuple[str, tuple]:
    clauses, params = [], []
    if type is not None:
        clauses.append("e.type = ?")
        params.append(EntityType(type).value)
    if search:
        clauses.append("e.id IN (SELECT entity_id FROM aliases WHERE alias LIKE ? ESCAPE '\\')")
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


class StoreEntities(StoreBase):
    """The entity reads of `Store`."""

    def get_entities(self, ids: Sequence[str]) -> dict[str, Entity]:
        rows = self._select_in("SELECT * FROM entities WHERE id IN ({})", ids)
        aliases = self._aliases_of(rows)
        return {r[0]: entity_from_row(r, aliases.get(r[0], ())) for r in rows}

    def find_entity(self, name: str) -> Entity | None:
        """The entity a name or alias denotes, case- and punctuation-insensitively.

        Where several entities share an alias, the one whose papers write that alias most
        wins, then the one used by most papers: an acronym split into one entity a sense
        keeps every long form on the parent too, and "Speculative Reward Model" is the
        sense whose papers write it, not SRM's most used sense.
        """
        rows = self._query(
            "SELECT a.entity_id, a.alias, (SELECT count(DISTINCT paper_id) FROM mentions m "
            "WHERE m.entity_id = a.entity_id) AS n FROM aliases a WHERE a.key = ? "
            "ORDER BY n DESC, a.entity_id",
            (entity_key(name),),
        )
        if not rows:
            return None
        if len({row[0] for row in rows}) > 1:
            rows = sorted(rows, key=lambda row: -self._papers_writing(row[0], row[1]))  # stable: n, id
        return self.get_entities([rows[0][0]]).get(rows[0][0])

    def _papers_writing(self, entity_id: str, alias: str) -> int:
        """How many papers write this alias as one of the entity's mentions."""
        return self._count("SELECT count(DISTINCT paper_id) FROM mentions WHERE entity_id = ? AND text = ?",
                           entity_id, alias)

    def count_entities(self, type: EntityType | None = None, search: str | None = None) -> int:
        where, params = _entity_filter(type, search)
        return self._count(f"SELECT count(*) FROM entities e {where}", *params)

    def list_entities(
        self, type: EntityType | None = None, search: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[Entity]:
        """Entities by number of papers that mention them, most first."""
        where, params = _entity_filter(type, search)
        rows = self._query(
            f"SELECT e.* FROM entities e LEFT JOIN entity_paper_counts c ON c.entity_id = e.id "
            f"{where} ORDER BY coalesce(c.papers, 0) DESC, e.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        aliases = self._aliases_of(rows)
        return [entity_from_row(r, aliases.get(r[0], ())) for r in rows]

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity by id with its aliases, a page at a time."""
        for rows in self._pages("SELECT * FROM entities WHERE id > ? ORDER BY id LIMIT ?"):
            aliases = self._aliases_of(rows)
            yield from (entity_from_row(row, aliases.get(row[0], ())) for row in rows)

    def entities_by_origin(self, origin: str) -> list[Entity]:
        """Entities a user imported ("user") or extraction discovered ("discovered")."""
        ids = [r[0] for r in self._query("SELECT id FROM entities WHERE origin = ?", (origin,))]
        return list(self.get_entities(ids).values())

    def matched_discovered(self) -> list[Entity]:
        """The discovered entities the extractor matched as discovered names (kg_discovered).

        Extraction also stores names found by shape alone with origin "discovered"; only
        the ones it had discovered from a strong cue belong in a later run's lexicon, or a
        run resumed after a crash would match more than one clean run does.
        """
        # Only the matched ones are read (a fifth of the discovered at 75k papers, 10 s -> 1 s),
        # through a partial index of the kg_discovered mentions (store_schema.READ_INDEXES).
        ids = [r[0] for r in self._query(
            "SELECT id FROM entities WHERE origin = 'discovered' AND id IN "
            "(SELECT entity_id FROM mentions WHERE component = 'kg_discovered') ORDER BY id")]
        found = self.get_entities(ids)
        return [found[i] for i in ids]

    def paper_counts(self, entity_ids: Sequence[str]) -> dict[str, int]:
        rows = self._select_in("SELECT entity_id, papers FROM entity_paper_counts WHERE entity_id IN ({})", entity_ids)
        return dict(rows)

    def alias_keys(self) -> list[tuple[str, str]]:
        """(alias key, entity id) of every name and alias."""
        return self._query("SELECT DISTINCT key, entity_id FROM aliases")

    def entity_names(self) -> dict[str, str]:
        """The name of every entity, by id."""
        return dict(self._query("SELECT id, name FROM entities"))

    def entity_types(self) -> list[tuple[str, EntityType]]:
        """(entity id, type) of every entity."""
        types = {t.value: t for t in EntityType}
        return [(eid, types[kind]) for eid, kind in self._query("SELECT id, type FROM entities")]

    def variant_pairs(self) -> list[tuple[str, str]]:
        """(variant id, parent id) for every entity that is a variant of another."""
        return self._query("SELECT id, variant_of FROM entities WHERE variant_of IS NOT NULL")

    def _aliases_of(self, entity_rows: Sequence[tuple]) -> dict[str, tuple[str, ...]]:
        """The aliases of the entities of these `entities` rows (id, name, ...), besides their names."""
        found: dict[str, list[str]] = defaultdict(list)
        names = {row[0]: row[1] for row in entity_rows}
        rows = self._select_in("SELECT entity_id, alias FROM aliases WHERE entity_id IN ({}) ORDER BY alias", list(names))
        for entity, alias in rows:
            if alias != names.get(entity):
                found[entity].append(alias)
        return {k: tuple(v) for k, v in found.items()}
