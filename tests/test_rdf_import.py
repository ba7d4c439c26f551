"""`from_rdf` / `paperkg import`: export -> import -> export gives an isomorphic graph."""

from __future__ import annotations

import pytest
from rdflib import Graph

from paperkg.graph.errors import PaperkgError
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.rdf import write_rdf
from paperkg.graph.rdf_import import from_rdf
from paperkg.graph.store import Store

from rdf_helpers import assert_isomorphic, parse
from seed_graph import PAPERS, build_seed_graph, seed_id

BASE = "http://example.org/kg/"


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db", copies=1)
    yield graph
    graph.store.close()


@pytest.mark.parametrize("format, suffix", [("turtle", "ttl"), ("nt", "nt"), ("nq", "nq"),
                                            ("json-ld", "jsonld"), ("xml", "rdf")])
def test_export_import_export_is_isomorphic(kg, tmp_path, format, suffix):
    first = tmp_path / f"first.{suffix}"
    write_rdf(kg, first, format, BASE)
    with Store(tmp_path / "imported.db") as store:
        report = from_rdf(first, store)
        assert report.added == len(PAPERS) * 2
        rebuilt = KnowledgeGraph(store)
        second = tmp_path / f"second.{suffix}"
        write_rdf(rebuilt, second, format, BASE)
        # The graph is rebuilt too: the same papers share the same entities.
        assert rebuilt.papers_sharing(seed_id("flame"))[0].shared == \
            kg.papers_sharing(seed_id("flame"))[0].shared
    assert_isomorphic(parse(first.read_bytes(), format), parse(second.read_bytes(), format))


def test_import_reads_the_base_from_the_file_and_keeps_evidence(kg, tmp_path):
    export = tmp_path / "seed.ttl"
    write_rdf(kg, export, "turtle", "https://kg.example.com/x/")
    with Store(tmp_path / "imported.db") as store:
        from_rdf(export, store)
        mentions = store.mentions_of_papers([seed_id("dc-solver")])[seed_id("dc-solver")]
        results = store.results_of_papers([seed_id("dc-solver")])[seed_id("dc-solver")]
    paper = next(p for p in Graph().parse(export).subjects() if str(p).endswith(seed_id("dc-solver")))
    assert str(paper).startswith("https://kg.example.com/x/paper/")
    solver = next(m for m in mentions if m.entity_id == "dcsolver")
    assert (solver.field, solver.text, solver.role.value, solver.confidence) == \
        ("title", "DC-Solver", "INTRODUCES", 0.9)
    assert sorted(r.value for r in results) == [0.394, 10.38]


def test_a_file_that_is_not_an_export_is_refused(tmp_path):
    empty = tmp_path / "other.ttl"
    empty.write_text("<http://a.org/x> <http://a.org/y> <http://a.org/z> .\n")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://a.org/x> <http://a.org/y> \n")
    with Store(tmp_path / "x.db") as store:
        with pytest.raises(PaperkgError, match="holds no pkg:Paper"):
            from_rdf(empty, store)
        with pytest.raises(PaperkgError, match="broken.ttl is not valid RDF"):
            from_rdf(broken, store)
        with pytest.raises(PaperkgError, match="cannot tell the RDF format"):
            from_rdf(tmp_path / "x.yaml", store)
