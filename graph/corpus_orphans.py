"""The corpus step's orphans: discovered entities that no mention, variant or result names.

An entity the step holds whole (corpus._hold_entities) has no mention left; so may one
whose every paper a split moved, or one an extraction wrote without a mention (a variant's
parent). The step deletes them with their aliases: those it held whole as it goes
(`keep_named_entities`), the rest at its end (`delete_orphans`).
"""

from __future__ import annotations


def keep_named_entities(db) -> None:
    """Before the entities are judged, list in `temp.corpus_kept` the entities that, held whole
    (`corpus._hold_entities`), are not deleted at once: a variant's parent, an entity a result names,
    and the entity of the highest rowid, so that an `X~type` entity a split makes takes the
    rowid it takes when the orphans go at the end. Any other entity held whole is an orphan:
    it has no mention left and the step gives it none. Deleted a chunk at a time, while the
    pool judges the next chunks (47,000 of them at 75,000 papers, about 1 CPU s), they are
    off the step's end, where only its own process runs; the sweep (`delete_orphans`) takes
    the rest, as before."""
    db.execute("DROP TABLE IF EXISTS temp.corpus_kept")
    db.execute("CREATE TEMP TABLE corpus_kept (id TEXT PRIMARY KEY)")
    db.execute("INSERT OR IGNORE INTO temp.corpus_kept SELECT variant_of FROM entities WHERE variant_of IS NOT NULL "
               "UNION SELECT entity_id FROM results UNION SELECT model_id FROM results WHERE model_id IS NOT NULL "
               "UNION SELECT metric_id FROM results WHERE metric_id IS NOT NULL "
               "UNION SELECT id FROM (SELECT id FROM entities ORDER BY rowid DESC LIMIT 1)")


def delete_orphans(db, scope: str = "") -> int:
    """Delete the discovered entities no mention, variant or result names, with their aliases.

    Only an entity whose mentions or results went away can be left unnamed: the touched
    ones of an ingest (`scope`, which holds those the replaced mentions and results named,
    `BatchReport.replaced_entities`); their parents follow. Without a scope, all of them."""
    # NOT EXISTS finds each entity's mentions through mentions_by_entity; NOT IN (SELECT
    # entity_id FROM mentions) built a set of every mention's entity first (1.5 s at 75k).
    orphan = ("origin = 'discovered' AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id) "
              "AND id NOT IN (SELECT variant_of FROM entities WHERE variant_of IS NOT NULL) "
              "AND id NOT IN (SELECT entity_id FROM results) "
              "AND id NOT IN (SELECT model_id FROM results WHERE model_id IS NOT NULL) "
              "AND id NOT IN (SELECT metric_id FROM results WHERE metric_id IS NOT NULL)")
    found = [r[0] for r in db.execute(f"SELECT id FROM entities WHERE {orphan} {scope.replace('{}', 'id')}")]
    deleted = 0
    while found:  # a parent is an orphan once its last variant is gone: look at the parents
        parents = {r[0] for r in select_in(db, "SELECT variant_of FROM entities WHERE id IN ({}) "
                                                "AND variant_of IS NOT NULL", found)}
        delete_entities(db, found)
        deleted += len(found)
        found = [r[0] for r in select_in(db, f"SELECT id FROM entities WHERE id IN ({{}}) AND {orphan}",
                                          sorted(parents))]
    return deleted


def delete_entities(db, entity_ids: list[str]) -> None:
    """Delete these entities and their aliases with one statement a table, through a
    temporary table (statements an entity: 2.1-2.25 s for the 47,346 orphans of the 75k
    store, 1.9 s this way, the search for them 0.7 s of it)."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS corpus_orphans (id TEXT PRIMARY KEY)")
    db.execute("DELETE FROM temp.corpus_orphans")
    db.executemany("INSERT OR IGNORE INTO temp.corpus_orphans VALUES (?)", ((i,) for i in entity_ids))
    db.execute("DELETE FROM aliases WHERE entity_id IN temp.corpus_orphans")
    db.execute("DELETE FROM entities WHERE id IN temp.corpus_orphans")


def select_in(db, sql: str, values: list[str], chunk: int = 900) -> list[tuple]:
    """The rows of `sql` (one `IN ({})`) for every value, a chunk of values a query."""
    rows = []
    for i in range(0, len(values), chunk):
        part = values[i:i + chunk]
        rows.extend(db.execute(sql.format(",".join("?" * len(part))), part).fetchall())
    return rows
