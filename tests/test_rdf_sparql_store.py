"""The SPARQL store on disk (graph/rdf_sparql_store.py): built once, reopened, rebuilt on change."""

from __future__ import annotations

import pytest

from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.rdf_sparql_store import SparqlLoading, SparqlStoreCache, _default_folder
from paperkg.graph.records import EntityType, Mention, Paper, PaperExtraction

from seed_graph import build_seed_graph

BASE = "http://127.0.0.1:8000/"
COUNT_PAPERS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a pkg:Paper }"
PKG = {"pkg": "https://w3id.org/paperkg/vocab#"}


def paper_count(store) -> int:
    return int(next(iter(store.query(COUNT_PAPERS, prefixes=PKG)))["n"].value)


def papers_in(kg: KnowledgeGraph) -> int:
    return len(list(kg.iter_papers()))


def built_stores(cache: SparqlStoreCache) -> list[str]:
    return sorted(p.name for p in cache.folder.iterdir() if p.is_dir())


@pytest.fixture
def kg(tmp_path):
    graph = build_seed_graph(tmp_path / "kg.db")
    yield graph
    graph.store.close()


def test_the_store_is_built_beside_the_database_and_answers_what_the_export_holds(kg):
    store = SparqlStoreCache(kg, BASE).store()
    assert paper_count(store) == papers_in(kg) > 0
    assert kg.store.path.with_name("kg.db.sparql").is_dir()


def test_a_new_server_reopens_the_built_store_without_building(kg):
    first = SparqlStoreCache(kg, BASE)
    first.store()
    again = SparqlStoreCache(kg, BASE)
    assert paper_count(again.store(wait=0)) == papers_in(kg)  # no build: wait=0 would have refused
    assert again._building is None and built_stores(again) == built_stores(first)


def test_a_changed_graph_gets_a_new_store_and_the_old_one_goes(kg):
    cache = SparqlStoreCache(kg, BASE)
    cache.store()
    before, papers = built_stores(cache), papers_in(kg)
    text = "We evaluate a new reward model on RewardBench."
    start = text.index("RewardBench")
    kg.store.write_batch([PaperExtraction(
        Paper("2612.00001", "A new paper", text),
        (Mention("2612.00001", "abstract", start, start + 11, "RewardBench", text, EntityType.BENCHMARK,
                 "rewardbench", 0.9, "gazetteer"),), ())])
    kg.refresh()
    assert paper_count(cache.store()) == papers + 1
    after = built_stores(cache)
    assert len(after) == 1 and after != before


def test_while_the_first_store_is_built_a_query_is_told_to_retry(kg):
    cache = SparqlStoreCache(kg, BASE)
    with pytest.raises(SparqlLoading, match="being built"):
        cache.store(wait=0)
    cache._building.join()
    assert paper_count(cache.store(wait=0)) == papers_in(kg)


def test_while_a_new_store_is_built_the_previous_one_answers(kg):
    cache = SparqlStoreCache(kg, BASE)
    cache.store()
    papers = papers_in(kg)
    kg.store.delete_paper(next(iter(kg.iter_papers())).id)
    kg.refresh()
    assert paper_count(cache.store(wait=0)) == papers  # the previous store, one paper behind
    cache._building.join()
    assert paper_count(cache.store(wait=0)) == papers - 1


def test_a_server_that_cannot_write_beside_the_database_builds_in_a_temporary_folder(tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    folder = _default_folder(not_a_folder / "kg.db")
    assert folder.is_dir() and tmp_path not in folder.parents
