"""Re-extract every stored paper after the extractor or the name lists changed.

`reextract_store` runs every paper again through the ingest's own write loop
(`ingest_batches.write_batches`, `ingest_extractors.open_batch_extractor`, so `--workers`
applies), then the corpus step over all entities, and says what changed for entities
(`reextract_diff.compare_snapshots`).

The store it leaves is the one a fresh ingest would build from the same papers with the
same names: extraction starts from the gazetteer and the user's names alone and discovers
names anew, in the order the papers were written (as the ingest that stored them met
them); each entity the extractor still finds has its stored row and aliases replaced by
the first paper that names it; entities it no longer finds are removed, and held-back
mentions are decided again. Each batch is one transaction, as in an ingest: a run killed
halfway leaves a whole store, and running it again finishes the work.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .corpus import SettleReport, settle_corpus
from .ingest import iter_batches
from .ingest_batches import write_batches
from .ingest_extractors import open_batch_extractor
from .reextract_diff import EntityDiff, compare_snapshots, drop_snapshot, take_snapshot
from .errors import StoreError
from .extract import Extractor
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class ReextractReport:
    """What one `reextract_store` did: papers extracted again, and the entities' changes."""

    papers: int
    entities: EntityDiff
    corpus: SettleReport

    def summary(self, examples: int = 3) -> str:
        """Lines for a terminal: the counts, then a few examples of each kind of change."""
        noun = "paper" if self.papers == 1 else "papers"
        return f"{self.papers} {noun} re-extracted\n" + self.entities.summary(examples)

    def to_json(self) -> dict:
        """Every change, for `paperkg reextract --json`."""
        return {"papers": self.papers, **self.entities.to_json()}


def reextract_store(store: Store, workers: int | None = None, batch_size: int = 500,
                    model_dir: str | Path | None = None, progress: bool = True,
                    extractor: Extractor | None = None) -> ReextractReport:
    """Extract every stored paper again, settle the corpus, and report the entities' changes.

    Args:
        store: the database; its papers, user names and settings are kept.
        workers: extraction processes (None: one a core for more than two batches).
        batch_size: papers per transaction.
        model_dir: a model from `paperkg train` to use beside the rules.
        progress: show progress bars on stderr.
        extractor: extract in this process with this one instead (it should start from
            the gazetteer and the user's names, as the default does).

    Returns:
        A ReextractReport.
    """
    take_snapshot(store, "before")
    try:
        renew = _entities_to_renew(store)
        total = store.count_papers()
        with tqdm(total=total, desc="reextract", unit=" papers", disable=not progress, leave=False) as bar, \
                open_batch_extractor(store, extractor, workers, model_dir,
                                     names=store.entities_by_origin("user")) as extract_batches:
            written = write_batches(iter_batches(store.iter_papers_as_written(), batch_size), store,
                                    extract_batches, reextract=True, on_batch=bar.update, renew=renew)
        log.info("%d entities no paper names any more removed", _delete_unnamed(store, renew))
        settled = settle_corpus(store, None, None, progress=progress)
        take_snapshot(store, "after")
        diff = compare_snapshots(store)
    finally:
        drop_snapshot(store)
    return ReextractReport(written.updated + written.added, diff, settled)


def open_stored(path: str | Path) -> Store:
    """The store at `path`, which must exist (re-extraction never creates a database).

    Raises:
        StoreError: there is no file at `path`, or it is no paperkg database.
    """
    if not Path(path).is_file():
        raise StoreError(f"{path} does not exist; re-extraction works on a database that "
                         f"`paperkg ingest FILE --db {path}` made")
    return Store(path)


def _entities_to_renew(store: Store) -> set[str]:
    """Every entity but the user's: extraction decides their rows anew."""
    with store.write_transaction() as db:
        return {row[0] for row in db.execute("SELECT id FROM entities WHERE origin != 'user'")}


def _delete_unnamed(store: Store, unseen: set[str]) -> int:
    """Delete the entities no paper named in this run (`unseen`: renewable, never written),
    with their aliases, unless something still refers to them."""
    with store.write_transaction() as db:
        db.execute("CREATE TEMP TABLE rx_unseen (id TEXT PRIMARY KEY)")
        try:
            db.executemany("INSERT INTO rx_unseen VALUES (?)", ((i,) for i in unseen))
            # Kept: named by a paper written meanwhile, or the parent of an entity that stays.
            db.execute("DELETE FROM rx_unseen WHERE id IN (SELECT entity_id FROM main.mentions) "
                       "OR id IN (SELECT entity_id FROM main.held_mentions) OR id IN (SELECT variant_of "
                       "FROM main.entities WHERE variant_of IS NOT NULL AND id NOT IN rx_unseen)")
            db.execute("DELETE FROM main.aliases WHERE entity_id IN rx_unseen")
            deleted = db.execute("DELETE FROM main.entities WHERE id IN rx_unseen").rowcount
        finally:
            db.execute("DROP TABLE temp.rx_unseen")
    return deleted
