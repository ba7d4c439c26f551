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


def test_year_venue_and_doi_are_exported_valid_and_imported_back(tmp_path):
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from paperkg.graph.rdf_validate import validate_graph
    from paperkg.graph.records import Paper, PaperExtraction
    from paperkg.graph.vocab import BIBO, FABIO, PKG

    paper = Paper("2106.15928", "Literature Graph", "An abstract.", arxiv_id="2106.15928",
                  year=2021, venue="NAACL 2018", doi="10.18653/v1/n18-3011")
    with Store(tmp_path / "kg.db") as store:
        store.write_batch([PaperExtraction(paper)])
        export = tmp_path / "kg.ttl"
        write_rdf(KnowledgeGraph(store), export, "turtle", BASE)
    graph = parse(export.read_bytes(), "turtle")
    iri = URIRef(f"{BASE}paper/2106.15928")
    assert graph.value(iri, FABIO.hasPublicationYear) == Literal("2021", datatype=XSD.gYear)
    assert graph.value(iri, PKG.venue) == Literal("NAACL 2018")
    assert graph.value(iri, BIBO.doi) == Literal("10.18653/v1/n18-3011")
    assert validate_graph(graph) == []
    graph.add((iri, BIBO.doi, Literal("not a doi")))
    violations = validate_graph(graph)  # a second DOI, and not one in DOI syntax
    assert violations and {v.path for v in violations} == {f"<{BIBO.doi}>"}
    with Store(tmp_path / "imported.db") as store:
        from_rdf(export, store)
        back = store.get_papers([paper.id])[paper.id]
    assert (back.year, back.venue, back.doi) == (2021, "NAACL 2018", "10.18653/v1/n18-3011")
