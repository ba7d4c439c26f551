"""Reading what papers say of entities: mentions, results and paper-entity edges.

The part of `Store` (graph/store.py) that reads the mentions and results tables, a
mixin over the connection helpers of `store_base.StoreBase`; an edge is a paper's
mentions of one entity aggregated (`records.EntityUse`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from .records import EntityUse, Mention, Result, Role
from .store_base import StoreBase
from .store_records import mention_from_row
from .store_schema import MENTION_COLUMNS, sentence_sql

# The one edge record is records.EntityUse; this name stays for graph/rdf.py's reads.
PaperEntityEdge = EntityUse
# Role.strength in SQL: the aggregate keeps the strongest role of a paper's mentions.
_ROLE_STRENGTH_SQL = "CASE role " + " ".join(f"WHEN '{r.value}' THEN {r.strength}" for r in Role) + " ELSE 0 END"
_ROLES_BY_STRENGTH = sorted(Role, key=lambda r: r.strength)


class StoreMentions(StoreBase):
    """The mention, result and edge reads of `Store`."""

    def mentions_of_papers(self, paper_ids: Sequence[str]) -> dict[str, list[Mention]]:
        found: dict[str, list[Mention]] = defaultdict(list)
        rows = self._select_in(
            f"SELECT {MENTION_COLUMNS}, {sentence_sql('mentions')} FROM mentions WHERE paper_id IN ({{}}) "
            "ORDER BY paper_id, field DESC, start",
            paper_ids
        )
        for row in rows:
            found[row[0]].append(mention_from_row(row))
        return found

    def results_of_papers(self, paper_ids: Sequence[str]) -> dict[str, list[Result]]:
        found: dict[str, list[Result]] = defaultdict(list)
        rows = self._select_in("SELECT * FROM results WHERE paper_id IN ({}) ORDER BY paper_id, field DESC, start", paper_ids)
        for row in rows:
            found[row[0]].append(Result(*row))
        return found

    def results_on(self, entity_ids: Sequence[str]) -> list[Result]:
        """Every result measured on these datasets or benchmarks, by paper and position."""
        rows = self._select_in("SELECT * FROM results WHERE entity_id IN ({})", entity_ids)
        return sorted((Result(*row) for row in rows), key=lambda r: (r.paper_id, r.field, r.start))

    def iter_results(self) -> Iterator[Result]:
        """Every result, grouped by paper, a page of papers at a time."""
        for ids in self._paper_id_pages():
            for rows in self.results_of_papers(ids).values():
                yield from rows

    def iter_mentions(self) -> Iterator[list[Mention]]:
        """Every paper's mentions as one list a paper (papers by id), a page at a time."""
        for ids in self._paper_id_pages():
            yield from self.mentions_of_papers(ids).values()

    def iter_edges(self) -> Iterator[EntityUse]:
        """Every paper-entity pair with its mention count, strongest role and best confidence."""
        return (EntityUse(*row) for row in self.iter_edge_rows())

    def iter_edge_rows(self) -> Iterator[tuple[str, str, int, Role, float]]:
        """`iter_edges` as plain tuples of EntityUse's fields, in its order, by paper id.

        The graph build's fast path: one aggregate query over the covering index
        `mentions_edges`, no record per edge (460k edges at 75k papers).
        """
        cursor = self._db.cursor()
        with self._lock:
            cursor.execute(
                f"SELECT paper_id, entity_id, count(*), max({_ROLE_STRENGTH_SQL}), max(confidence) "
                "FROM mentions GROUP BY paper_id, entity_id ORDER BY paper_id, entity_id"
            )
            rows = cursor.fetchall()
        roles = _ROLES_BY_STRENGTH
        return ((paper, entity, count, roles[strength], confidence)
                for paper, entity, count, strength, confidence in rows)

    def edges_of_papers(self, paper_ids: Sequence[str]) -> list[EntityUse]:
        """The paper-entity edges of these papers (see `iter_edges`)."""
        rows = self._select_in(
            f"SELECT paper_id, entity_id, count(*), max({_ROLE_STRENGTH_SQL}), max(confidence) "
            "FROM mentions WHERE paper_id IN ({}) GROUP BY paper_id, entity_id", paper_ids
        )
        roles = _ROLES_BY_STRENGTH
        return [EntityUse(paper, entity, count, roles[strength], confidence)
                for paper, entity, count, strength, confidence in rows]

    def entities_named_in(self, paper_ids: Sequence[str]) -> set[str]:
        """The entities the mentions of these papers name, held-back mentions included."""
        return {row[0] for table in ("mentions", "held_mentions") for row in self._select_in(
            f"SELECT DISTINCT entity_id FROM {table} WHERE paper_id IN ({{}})", paper_ids)}

    def count_results(self) -> int:
        return self._count("SELECT count(*) FROM results")
