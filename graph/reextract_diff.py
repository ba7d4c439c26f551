"""What a re-extraction changed for entities: snapshots of the store before and after.

A snapshot is two temporary tables on the store's own connection, filled by SQL
aggregates, so taking one costs seconds at 75k papers and no Python object per mention:
each entity with its name, type, and paper and mention counts, and (before only) the
position of every mention, so that an entity that lost all its mentions can be traced to
the entity that now names the same places in the text.

An entity counts as present when at least one paper mentions it: a name imported with
`paperkg names import` that no paper used yet is added when re-extraction finds it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .store import Store

_AGGREGATE = """
CREATE TEMP TABLE rx_entities_{when} AS
SELECT e.id, e.name, e.type, e.origin, coalesce(c.papers, 0) AS papers, coalesce(c.mentions, 0) AS mentions
FROM main.entities e LEFT JOIN (
    SELECT entity_id, count(DISTINCT paper_id) AS papers, count(*) AS mentions
    FROM main.mentions GROUP BY entity_id
) c ON c.entity_id = e.id;
CREATE UNIQUE INDEX temp.rx_entities_{when}_id ON rx_entities_{when} (id);
"""
_POSITIONS = """
CREATE TEMP TABLE rx_mentions_before AS SELECT paper_id, field, start, "end", entity_id FROM main.mentions;
CREATE INDEX temp.rx_mentions_before_entity ON rx_mentions_before (entity_id);
"""
_GONE = ("SELECT b.id, b.name, b.type, b.papers, b.mentions FROM rx_entities_before b "
         "LEFT JOIN rx_entities_after a ON a.id = b.id WHERE b.papers > 0 AND coalesce(a.papers, 0) = 0")
# For each entity gone, the entities whose mentions now overlap its old ones, and how many
# of its old mentions each covers.
_COVERED = f"""
SELECT b.entity_id, m.entity_id, count(DISTINCT b.rowid) FROM rx_mentions_before b
JOIN main.mentions m ON m.paper_id = b.paper_id AND m.field = b.field AND m.start < b."end" AND b.start < m."end"
WHERE b.entity_id IN (SELECT id FROM ({_GONE})) AND m.entity_id != b.entity_id
GROUP BY b.entity_id, m.entity_id
"""
_ADDED = ("SELECT a.id, a.name, a.type, a.papers FROM rx_entities_after a "
          "LEFT JOIN rx_entities_before b ON b.id = a.id WHERE a.papers > 0 AND coalesce(b.papers, 0) = 0")
_RETYPED = ("SELECT a.id, a.name, a.type, a.papers, b.type FROM rx_entities_after a "
            "JOIN rx_entities_before b ON b.id = a.id WHERE a.papers > 0 AND b.papers > 0 AND a.type != b.type")
_TABLES = ("rx_entities_before", "rx_entities_after", "rx_mentions_before")


@dataclass(frozen=True)
class EntityChange:
    """One entity's change: its id, name, type (after, or before when it is gone) and papers.

    `old_type` is set for a changed type; `into` and `into_name` for a merge.
    """

    id: str
    name: str
    type: str
    papers: int
    old_type: str | None = None
    into: str | None = None
    into_name: str | None = None

    def describe(self) -> str:
        papers = f"{self.papers} paper{'' if self.papers == 1 else 's'}"
        if self.into is not None:
            return f"{self.name} -> {self.into_name} ({papers})"
        if self.old_type is not None:
            return f"{self.name} {self.old_type} -> {self.type} ({papers})"
        return f"{self.name} ({self.type}, {papers})"


@dataclass
class EntityDiff:
    """Entities added, removed, merged into another, and with a changed type; most papers first."""

    added: list[EntityChange] = field(default_factory=list)
    removed: list[EntityChange] = field(default_factory=list)
    merged: list[EntityChange] = field(default_factory=list)
    retyped: list[EntityChange] = field(default_factory=list)
    mentions_before: int = 0
    mentions_after: int = 0

    @property
    def changed(self) -> int:
        return len(self.added) + len(self.removed) + len(self.merged) + len(self.retyped)

    def summary(self, examples: int = 3) -> str:
        lines = [f"entities: {len(self.added)} added, {len(self.removed)} removed, {len(self.merged)} merged, "
                 f"{len(self.retyped)} types changed; mentions {self.mentions_before:,} -> {self.mentions_after:,}"]
        for label, changes in (("added", self.added), ("removed", self.removed), ("merged", self.merged),
                               ("types changed", self.retyped)):
            if changes:
                shown = ", ".join(c.describe() for c in changes[:examples])
                more = f" and {len(changes) - examples} more" if len(changes) > examples else ""
                lines.append(f"  {label}: {shown}{more}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        def plain(changes):
            return [{k: v for k, v in asdict(c).items() if v is not None} for c in changes]
        return {"counts": {"added": len(self.added), "removed": len(self.removed), "merged": len(self.merged),
                           "retyped": len(self.retyped)},
                "mentions": {"before": self.mentions_before, "after": self.mentions_after},
                "added": plain(self.added), "removed": plain(self.removed),
                "merged": plain(self.merged), "retyped": plain(self.retyped)}


def take_snapshot(store: Store, when: str) -> None:
    """Record the entities (and, `when` = "before", the mentions' places) in temporary tables."""
    if when not in ("before", "after"):
        raise ValueError(f"a snapshot is taken 'before' or 'after', not {when!r}")
    with store.write_transaction() as db:  # the store's own connection holds the TEMP tables
        db.execute(f"DROP TABLE IF EXISTS temp.rx_entities_{when}")
        for statement in _AGGREGATE.format(when=when).split(";"):
            db.execute(statement)
        if when == "before":
            db.execute("DROP TABLE IF EXISTS temp.rx_mentions_before")
            for statement in _POSITIONS.split(";"):
                db.execute(statement)


def drop_snapshot(store: Store) -> None:
    """Drop the temporary tables of `take_snapshot`."""
    with store.write_transaction() as db:
        for table in _TABLES:
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")


def compare_snapshots(store: Store) -> EntityDiff:
    """The changes between the "before" and "after" snapshots.

    An entity no paper mentions any more is merged into another when every one of its old
    mentions overlaps a mention of that one entity now (a discovered "ZN-7" that an
    imported name lists as its alias); otherwise it is removed.
    """
    with store.write_transaction() as db:
        diff = EntityDiff(mentions_before=_total(db, "before"), mentions_after=_total(db, "after"))
        diff.added = [EntityChange(i, n, t, p) for i, n, t, p in db.execute(_ADDED)]
        diff.retyped = [EntityChange(i, n, t, p, old_type=o) for i, n, t, p, o in db.execute(_RETYPED)]
        gone = {row[0]: row for row in db.execute(_GONE)}
        covering: dict[str, list[tuple[str, int]]] = {}
        for old, new, covered in db.execute(_COVERED):
            covering.setdefault(old, []).append((new, covered))
        for old, (i, name, type_, papers, mentions) in gone.items():
            targets = covering.get(old, [])
            if len(targets) == 1 and targets[0][1] == mentions:
                into = targets[0][0]
                (into_name,) = db.execute("SELECT name FROM main.entities WHERE id = ?", (into,)).fetchone()
                diff.merged.append(EntityChange(i, name, type_, papers, into=into, into_name=into_name))
            else:
                diff.removed.append(EntityChange(i, name, type_, papers))
    for changes in (diff.added, diff.removed, diff.merged, diff.retyped):
        changes.sort(key=lambda c: (-c.papers, c.id))
    return diff


def _total(db, when: str) -> int:
    return db.execute(f"SELECT coalesce(sum(mentions), 0) FROM rx_entities_{when}").fetchone()[0]
