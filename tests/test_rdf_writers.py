"""The streamed writers: independent parsers accept them, VoID counts them, text is chunked."""

from __future__ import annotations

import io
import shutil
import subprocess

import pyoxigraph
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.rdf import paper_iri, to_rdf, write_rdf
from paperkg.graph.rdf_writers import CHUNK
from paperkg.graph.records import PaperExtraction
from paperkg.graph.store import Store
from paperkg.graph.vocab import PKG, VOID

from rdf_helpers import HOSTILE, assert_isomorphic, parse
from seed_graph import build_seed_graph, seed_extraction, seed_id

BASE = "http://example.org/kg/"
RAPPER = shutil.which("rapper")


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db", copies=3)
    yield graph
    graph.store.close()


def export(kg, format: str, **kwargs) -> bytes:
    out = io.BytesIO()
    write_rdf(kg, out, format, BASE, **kwargs)
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("hostile") / "h.db")
    store.write_batch([PaperExtraction(HOSTILE), seed_extraction("flame")])
    yield KnowledgeGraph(store)
    store.close()


@pytest.mark.skipif(RAPPER is None, reason="Raptor's rapper is not installed (Debian raptor2-utils; .ci/run installs it)")
@pytest.mark.parametrize("format, syntax", [("turtle", "turtle"), ("nt", "ntriples")])
def test_rapper_parses_turtle_and_ntriples(kg, hostile, tmp_path, format, syntax):
    for name, graph in (("seed", kg), ("hostile", hostile)):
        path = tmp_path / f"{name}.{format}"
        written = write_rdf(graph, path, format, BASE)
        done = subprocess.run([RAPPER, "-i", syntax, "-o", "ntriples", "-q", str(path)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert len(done.stdout.splitlines()) == written, done.stderr


@pytest.mark.parametrize("format", ["turtle", "nt", "nq", "trig", "json-ld", "xml"])
def test_pyoxigraph_and_rdflib_read_every_format_alike(hostile, format):
    data = export(hostile, format, void=False)
    expected = to_rdf(hostile, BASE)
    oxigraph = {str(q.triple) for q in pyoxigraph.parse(data, {
        "turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
        "nq": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
        "json-ld": pyoxigraph.RdfFormat.JSON_LD, "xml": pyoxigraph.RdfFormat.RDF_XML}[format])}
    assert len(oxigraph) == len(expected)
    assert_isomorphic(expected, parse(data, format))


def test_void_describes_the_export(kg):
    graph = parse(export(kg, "turtle"), "turtle")
    dataset = URIRef(BASE + "void#dataset")
    assert (dataset, RDF.type, VOID.Dataset) in graph
    described = {t for t in graph if not str(t[0]).startswith(BASE + "void#")}
    assert int(graph.value(dataset, VOID.triples)) == len(described)
    partitions = {graph.value(p, VOID["class"]): int(graph.value(p, VOID.entities))
                  for p in graph.objects(dataset, VOID.classPartition)}
    assert partitions[PKG.Paper] == kg.paper_total == 24
    assert partitions[PKG.Benchmark] == 3
    assert int(graph.value(dataset, VOID.entities)) == kg.paper_total + kg.count_entities()
    assert graph.value(dataset, URIRef("http://purl.org/dc/terms/license")) is not None
    assert (dataset, VOID.feature, URIRef("http://www.w3.org/ns/formats/Turtle")) in graph


def test_every_link_carries_its_evidence_in_prov_o(kg):
    graph = parse(export(kg, "nt", void=False), "nt")
    paper = paper_iri(BASE, seed_id("dc-solver"))
    linked = set(graph.objects(paper, PKG.mentions))
    evidence = list(graph.objects(paper, PKG.evidence))
    assert {graph.value(e, PKG.ofEntity) for e in evidence} == linked and len(evidence) == len(linked)
    solver = next(e for e in evidence if str(graph.value(e, PKG.ofEntity)).endswith("/dcsolver"))
    assert graph.value(solver, PKG.text) == Literal("DC-Solver")
    assert graph.value(solver, PKG.field) == Literal("title")
    assert graph.value(solver, PKG.role) == PKG.introduces  # the strongest role's mention
    assert graph.value(solver, PKG.confidence) == Literal("0.9", datatype=XSD.decimal)
    assert graph.value(solver, PROV.wasDerivedFrom) == paper
    assert graph.value(solver, PKG.extractorVersion) is not None
    fid = next(r for r in graph.objects(paper, PKG.reports) if graph.value(r, PKG.metric) == Literal("FID"))
    assert graph.value(fid, PKG.direction) == PKG.lowerIsBetter
    assert graph.value(fid, PKG.value) == Literal("10.38", datatype=XSD.decimal)


class CountingSink(io.RawIOBase):
    def __init__(self):
        self.writes, self.largest = 0, 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.writes += 1
        self.largest = max(self.largest, len(data))
        return len(data)


@pytest.mark.parametrize("format", ["turtle", "nt", "json-ld", "xml"])
def test_exports_are_written_in_chunks_not_at_once(tmp_path, format):
    kg = build_seed_graph(tmp_path / "big.db", copies=60)
    sink = CountingSink()
    write_rdf(kg, sink, format, BASE)
    assert sink.writes > 10 and sink.largest < 4 * CHUNK


def test_a_variant_link_to_an_entity_the_store_lacks_is_left_out(tmp_path):
    from paperkg.graph.records import Entity, EntityType

    with Store(tmp_path / "v.db") as store:
        store.add_entities([Entity("cogview3", "CogView3", EntityType.MODEL, variant_of="cogview"),
                            Entity("flamerm", "FLAMe-RM", EntityType.MODEL, variant_of="flame"),
                            Entity("flame", "FLAMe", EntityType.MODEL)])
        graph = parse(export(KnowledgeGraph(store), "nt", void=False), "nt")
    assert (URIRef(BASE + "entity/flamerm"), PKG.variantOf, URIRef(BASE + "entity/flame")) in graph
    assert (URIRef(BASE + "entity/cogview3"), PKG.variantOf, None) not in graph
