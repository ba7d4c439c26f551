"""graph/reextract.py: every stored paper extracted again, as a fresh ingest would store it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.records import EntityType
from paperkg.graph.reextract import reextract_store
from paperkg.graph.reextract_diff import compare_snapshots, drop_snapshot, take_snapshot
from paperkg.graph.store import Store

from seed_page import SEED
from reextract_fixtures import PAPERS, contents, differences, import_names, ingest, write_papers

@pytest.fixture
def inputs(tmp_path) -> list[Path]:
    return [SEED, write_papers(tmp_path / "papers.jsonl")]


def test_an_alias_in_a_new_list_merges_the_discovered_name(tmp_path, inputs):
    ingest(tmp_path / "kg.db", inputs, batch_size=4)
    with Store(tmp_path / "kg.db") as store:
        assert store.paper_counts(["zn7"]) == {"zn7": 3}
        import_names(store, tmp_path, "name\taliases\nZorbleNet-7\tZN-7\n", EntityType.DATASET)
        report = reextract_store(store, workers=1, batch_size=4, progress=False)
        assert report.papers == 20
        merged = {c.id: c for c in report.entities.merged}
        assert merged["zn7"].into == "zorblenet7" and merged["zn7"].papers == 3
        assert "zorblenet7" in {c.id for c in report.entities.added}
        assert "ZN-7 -> ZorbleNet-7 (3 papers)" in report.summary()
        assert store.get_entities(["zn7"]) == {}
        assert {m.type for ms in store.mentions_of_papers([p[0] for p in PAPERS]).values() for m in ms
                if m.entity_id == "zorblenet7"} == {EntityType.DATASET}


def test_a_new_name_is_added_and_the_store_equals_a_fresh_ingest(tmp_path, inputs):
    names = "name\taliases\nZorbleNet-7\tZN-7\nZorble Net Seven\n"  # the second: a name no rule finds
    ingest(tmp_path / "kg.db", inputs, batch_size=4)
    with Store(tmp_path / "kg.db") as store:
        import_names(store, tmp_path, names, EntityType.DATASET)
        report = reextract_store(store, workers=1, batch_size=4, progress=False)
    assert {"zorblenet7", "zorblenetseven"} <= {c.id for c in report.entities.added}
    with Store(tmp_path / "fresh.db") as fresh:
        import_names(fresh, tmp_path, names, EntityType.DATASET)
    ingest(tmp_path / "fresh.db", inputs, batch_size=4)
    assert differences(tmp_path / "kg.db", tmp_path / "fresh.db") == {}


def test_with_nothing_changed_nothing_is_reported(tmp_path, inputs, arxiv_records):
    files = [*inputs, arxiv_records(tmp_path / "more.jsonl", 9)]
    ingest(tmp_path / "kg.db", files, batch_size=4)
    shutil.copy(tmp_path / "kg.db", tmp_path / "before.db")
    with Store(tmp_path / "kg.db") as store:
        report = reextract_store(store, workers=1, batch_size=4, progress=False)
    assert report.papers == 29
    assert report.entities.changed == 0
    assert report.entities.mentions_before == report.entities.mentions_after > 0
    assert report.summary().splitlines()[1].startswith("entities: 0 added, 0 removed, 0 merged, 0 types changed")
    assert differences(tmp_path / "kg.db", tmp_path / "before.db") == {}


def test_two_workers_leave_the_store_one_process_leaves(tmp_path, inputs):
    ingest(tmp_path / "one.db", inputs, batch_size=4)
    with Store(tmp_path / "one.db") as store:
        import_names(store, tmp_path, "name\taliases\nZorbleNet-7\tZN-7\n", EntityType.DATASET)
    shutil.copy(tmp_path / "one.db", tmp_path / "two.db")
    reports = []
    for name, workers in (("one.db", 1), ("two.db", 2)):
        with Store(tmp_path / name) as store:
            reports.append(reextract_store(store, workers=workers, batch_size=4, progress=False).to_json())
    assert reports[0] == reports[1]
    assert differences(tmp_path / "one.db", tmp_path / "two.db") == {}


def test_held_mentions_are_decided_again_not_kept_twice(tmp_path, inputs):
    ingest(tmp_path / "kg.db", inputs, batch_size=4)
    held = contents(tmp_path / "kg.db")["held_mentions"]
    assert held, "the seed page has names the corpus step holds back"
    with Store(tmp_path / "kg.db") as store:
        reextract_store(store, workers=1, batch_size=4, progress=False)
        reextract_store(store, workers=1, batch_size=4, progress=False)
    assert contents(tmp_path / "kg.db")["held_mentions"] == held


def test_a_changed_type_and_a_removed_entity_are_reported(tmp_path, inputs):
    ingest(tmp_path / "kg.db", inputs, batch_size=4)
    with Store(tmp_path / "kg.db") as store:
        take_snapshot(store, "before")
        with store.write_transaction() as db:
            db.execute("UPDATE entities SET type = 'TASK' WHERE id = 'resnet50'")
            db.execute("DELETE FROM mentions WHERE entity_id = 'zn7'")
        take_snapshot(store, "after")
        diff = compare_snapshots(store)
        drop_snapshot(store)
    assert [(c.id, c.old_type, c.type) for c in diff.retyped] == [("resnet50", "MODEL", "TASK")]
    assert [c.id for c in diff.removed] == ["zn7"] and diff.merged == diff.added == []


class FailingExtractor(Extractor):
    """The default extractor, failing once it has been given more than `budget` papers
    (a re-extraction stopped halfway, as by a kill)."""

    budget: int

    def extract(self, papers, batch_size=1000):
        papers = list(papers)
        self.budget -= len(papers)
        if self.budget < 0:
            raise RuntimeError("stopped")
        return super().extract(papers, batch_size)


def test_a_run_stopped_halfway_and_run_again_ends_as_one_clean_run(tmp_path, inputs):
    ingest(tmp_path / "clean.db", inputs, batch_size=4)
    with Store(tmp_path / "clean.db") as store:
        import_names(store, tmp_path, "name\taliases\nZorbleNet-7\tZN-7\n", EntityType.DATASET)
    shutil.copy(tmp_path / "clean.db", tmp_path / "stopped.db")
    with Store(tmp_path / "clean.db") as store:
        order = [p.id for p in store.iter_papers_as_written()]
        reextract_store(store, workers=1, batch_size=4, progress=False)
        assert [p.id for p in store.iter_papers_as_written()] == order  # a rewrite keeps its place
    with Store(tmp_path / "stopped.db") as store:
        failing = FailingExtractor.default(extra_entities=store.entities_by_origin("user"))
        failing.budget = 10
        with pytest.raises(RuntimeError):
            reextract_store(store, batch_size=4, progress=False, extractor=failing)
        assert store.mentions_of_papers(["2601.00001"])  # the batches before the stop are whole
        reextract_store(store, workers=1, batch_size=4, progress=False)
        assert [p.id for p in store.iter_papers_as_written()] == order
    assert differences(tmp_path / "stopped.db", tmp_path / "clean.db") == {}
