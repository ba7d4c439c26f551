"""Shared inputs of the re-extraction tests: papers that introduce a name, and store comparisons."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from paperkg.graph.extract import read_name_list
from paperkg.graph.ingest import ingest_paths
from paperkg.graph.records import EntityType
from paperkg.graph.store import Store

# "ZN-7" is discovered from its own papers; a name list then makes it an alias of a new name.
PAPERS = [
    ("2601.00001", "ZN-7: a benchmark for robust grasping",
     "We introduce ZN-7, a benchmark of 3,000 cluttered scenes for robot grasping. "
     "Policies trained on ZN-7 transfer to real robots."),
    ("2601.00002", "Sparse-view grasping",
     "We evaluate our grasping policy on the ZN-7 benchmark and on GraspNet-1Billion, where it "
     "beats strong baselines by 12 points."),
    ("2601.00003", "Tactile priors for grasping",
     "Tactile priors improve grasp success on ZN-7 and on YCB objects with a ResNet-50 backbone. "
     "It also holds on the held-out scenes of Zorble Net Seven."),
]
TABLES = ("papers", "entities", "aliases", "mentions", "results", "held_mentions", "settings")


def write_papers(path: Path) -> Path:
    path.write_text("".join(json.dumps({"arxiv_id": i, "title": t, "abstract": a, "listing_date": "2026-01-05"})
                            + "\n" for i, t, a in PAPERS), encoding="utf-8")
    return path


def contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of the tables that hold the knowledge (not the change log), sorted."""
    with sqlite3.connect(path) as db:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def differences(a: Path, b: Path) -> dict[str, tuple[list, list]]:
    """The rows only `a` holds and the rows only `b` holds, per table that differs."""
    left, right = contents(a), contents(b)
    return {t: ([r for r in left[t] if r not in right[t]], [r for r in right[t] if r not in left[t]])
            for t in TABLES if left[t] != right[t]}


def import_names(store: Store, folder: Path, text: str, type_: EntityType) -> None:
    path = folder / "names.tsv"
    path.write_text(text, encoding="utf-8")
    store.add_entities(read_name_list(path, type_))


def ingest(path: Path, files: list[Path], **options) -> None:
    with Store(path) as store:
        ingest_paths(files, store, progress=False, **options)
