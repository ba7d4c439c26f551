"""Incremental ingest (graph/ingest.py): one more batch into a stored database costs the new papers.

Only the new papers reach the extractor, the corpus step re-decides only the entities
they name, and a live graph built before the ingest takes them in.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from paperkg.graph.corpus import settle_corpus, touched_entities
from paperkg.graph.extract import Extractor
from paperkg.graph.ingest import ingest_paths
from paperkg.graph.ingest_extractors import known_entities
from paperkg.graph.kg import KnowledgeGraph, build_graph
from paperkg.graph.queries import paper_node
from paperkg.graph.records import EntityType, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

from seed_page import SEED
from test_corpus import PHASE, REWRITTEN, RVOS, WEAK, WEAK_SECOND, extraction
from test_graph_live import graph_signature


METHOD = EntityType.METHOD


class CountingExtractor(Extractor):
    """The default extractor, remembering the id of every paper it is given."""

    seen: list[str]

    def extract(self, papers: Iterable[Paper], batch_size: int = 1000) -> Iterator[PaperExtraction]:
        papers = list(papers)
        self.seen.extend(p.id for p in papers)
        return super().extract(papers, batch_size)


def counting_extractor(store: Store) -> CountingExtractor:
    extractor = CountingExtractor.default(extra_entities=known_entities(store))
    extractor.seen = []
    return extractor


def discovered_ids(store: Store) -> set[str]:
    return {e.id for e in store.entities_by_origin("discovered")}


def listed_ids(store: Store) -> set[str]:
    return {e.id for origin in ("gazetteer", "user") for e in store.entities_by_origin(origin)}


def test_only_the_new_papers_are_extracted_and_only_their_entities_decided(tmp_path, arxiv_records):
    base = [SEED, arxiv_records(tmp_path / "base.jsonl", 12)]
    month = arxiv_records(tmp_path / "month.jsonl", 5, start=100)
    with Store(tmp_path / "kg.db") as store:
        first = ingest_paths(base, store, progress=False, batch_size=4)
        assert first.corpus.decided >= len(discovered_ids(store)) > 0  # a new store: all of them
        untouched_before = {e.id: e for e in store.entities_by_origin("discovered")}

        extractor = counting_extractor(store)
        report = ingest_paths([*base, month], store, extractor=extractor, progress=False, batch_size=4)

        new_ids = [f"2503.{i:05d}" for i in range(100, 105)]
        assert sorted(extractor.seen) == new_ids
        assert (report.written.added, report.written.unchanged) == (5, 29)
        # the discovered entities the new papers name, those the step held whole and deleted
        # included ("Revisiting BERT" of a title: a sentence's opening words, corpus_fragments.py)
        touched = touched_entities(store, new_ids) - listed_ids(store)
        assert report.corpus.decided == len(touched) < len(discovered_ids(store))
        assert {e.id: e for e in store.entities_by_origin("discovered") if e.id not in touched} == \
            {i: e for i, e in untouched_before.items() if i not in touched}


def test_nothing_new_extracts_nothing_and_skips_the_corpus_step(tmp_path, arxiv_records):
    files = [SEED, arxiv_records(tmp_path / "base.jsonl", 6)]
    with Store(tmp_path / "kg.db") as store:
        ingest_paths(files, store, progress=False, batch_size=4)
        extractor = counting_extractor(store)
        report = ingest_paths(files, store, extractor=extractor, progress=False, batch_size=4)
    assert extractor.seen == [] and report.corpus is None
    assert report.written.unchanged == 23


def test_a_live_graph_takes_in_the_month_as_a_fresh_build_holds_it(tmp_path, arxiv_records):
    with Store(tmp_path / "kg.db") as store:
        ingest_paths([SEED, arxiv_records(tmp_path / "base.jsonl", 8)], store, progress=False, batch_size=4)
    kg = KnowledgeGraph(Store(tmp_path / "kg.db"))  # as `paperkg serve` holds it
    before = kg.paper_total
    with Store(tmp_path / "kg.db") as other:  # `paperkg ingest` in another process
        ingest_paths([arxiv_records(tmp_path / "month.jsonl", 5, start=100)], other, progress=False)

    added = kg.refresh()

    assert sorted(added) == [f"2503.{i:05d}" for i in range(100, 105)]
    assert kg.paper_total == before + 5 and all(paper_node(p) in kg.graph for p in added)
    assert graph_signature(kg.graph) == graph_signature(build_graph(kg.store))
    kg.store.close()


def test_a_live_graph_takes_in_what_the_corpus_step_retyped_and_removed(tmp_path):
    """RVOS, a benchmark in its first paper, becomes a task once two more papers define it;
    Phase-1 is held as no name and its entity removed: the live graph follows both."""
    with Store(tmp_path / "kg.db") as store:
        store.write_batch(RVOS[:1])
        settle_corpus(store)
    kg = KnowledgeGraph(Store(tmp_path / "kg.db"))
    assert kg.graph.nodes["entity:rvos"]["type"].value == "BENCHMARK"
    with Store(tmp_path / "kg.db") as other:
        other.write_batch(RVOS[1:] + [PHASE])
        settle_corpus(other, None, touched_entities(other, ["p2", "p3", "p4"]))

    kg.refresh()

    assert kg.graph.nodes["entity:rvos"]["type"].value == "TASK"
    assert "entity:phase1" not in kg.graph
    assert graph_signature(kg.graph) == graph_signature(build_graph(kg.store))
    kg.store.close()


SHARED = Path(os.environ.get("PAPERKG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SAMPLE = SHARED / "corpora" / "arxiv_cs_2025_2026" / "sample_500.jsonl"


def rows_of(path: Path) -> dict[str, list]:
    """Every table but the change log (its sequence numbers count the writes), sorted."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                           "name NOT IN ('paper_changes', 'sqlite_sequence') "
                                           "AND name NOT LIKE 'papers_fts_%'")]
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


NEEDS_SAMPLE = pytest.mark.skipif(not SAMPLE.exists(), reason="needs ../shared/corpora/arxiv_cs_2025_2026/"
                                  "sample_500.jsonl (or PAPERKG_SHARED=/path/to/shared)")


@NEEDS_SAMPLE
@pytest.mark.parametrize("ends", [(300, 500), (200, 350, 430, 500)], ids=["two parts", "four parts"])
def test_a_month_ingested_later_leaves_the_store_one_ingest_of_both_leaves(tmp_path, ends):
    """In two parts or four, votes, reading marks, weighed forms, held mentions and split
    readings included: every table as one ingest of all the papers leaves it."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    parts = []
    for i, (start, end) in enumerate(zip((0, *ends), ends)):
        parts.append(tmp_path / f"part{i}.jsonl")
        parts[-1].write_text("".join(lines[start:end]), encoding="utf-8")
    with Store(tmp_path / "later.db") as store:
        reports = [ingest_paths([part], store, progress=False, batch_size=100) for part in parts]
    with Store(tmp_path / "once.db") as store:
        ingest_paths(parts, store, progress=False, batch_size=100)
    once = rows_of(tmp_path / "once.db")
    assert all(r.corpus.decided < len(once["entities"]) for r in reports[1:])  # not a full pass
    assert rows_of(tmp_path / "later.db") == once
    with sqlite3.connect(tmp_path / "once.db") as db:
        marks = {mark for mark, in db.execute("SELECT reads FROM mentions")}
    assert once["weighed_forms"] and marks >= {0, 1, 2}  # marks all set


def test_a_rewrite_updates_counts_exactly_in_the_store_and_a_live_graph(tmp_path):
    """"SageAttention" is named by two papers; one is rewritten without it: its
    count drops to one, and as a singleton below the floor it is held, as a full pass holds it."""
    name, other = "SageAttention", "TurboDiffusion"
    with Store(tmp_path / "kg.db") as store:
        store.write_batch([extraction("p5", WEAK, name, METHOD, confidence=0.5),
                           extraction("p6", WEAK_SECOND, name, METHOD, confidence=0.5)])
        settle_corpus(store)
        assert store.paper_counts([entity_id(name)]) == {entity_id(name): 2}
    kg = KnowledgeGraph(Store(tmp_path / "kg.db"))  # a running server's graph
    assert kg.paper_counts([entity_id(name)]) == {entity_id(name): 2}
    with Store(tmp_path / "kg.db") as store:
        report = store.write_batch([extraction("p6", REWRITTEN, other, METHOD)])
        assert report.updated == 1 and report.replaced_entities == {entity_id(name)}
        assert store.paper_counts([entity_id(name)]) == {entity_id(name): 1}
        settle = settle_corpus(store, None, touched_entities(store, ["p6"]) | report.replaced_entities)
        assert settle.below_floor == 1
        assert store.paper_counts([entity_id(name), entity_id(other)]) == {entity_id(other): 1}
    with sqlite3.connect(tmp_path / "kg.db") as source, sqlite3.connect(tmp_path / "full.db") as copy:
        source.backup(copy)  # the live graph's connection keeps the write-ahead log open
    with Store(tmp_path / "full.db") as store:
        assert settle_corpus(store).below_floor == 0  # nothing left to hold
    assert rows_of(tmp_path / "kg.db") == rows_of(tmp_path / "full.db")
    kg.refresh()
    assert kg.paper_counts([entity_id(name), entity_id(other)]) == {entity_id(name): 0, entity_id(other): 1}
    assert graph_signature(kg.graph) == graph_signature(build_graph(kg.store))
    kg.store.close()
