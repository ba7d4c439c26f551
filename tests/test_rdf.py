"""RDF export: round trips by isomorphism, a second parser (pyoxigraph), stable IRIs.

The fixture writes hand-made extractions of four papers of the bundled Daily Papers page
into a real store; sentences are the page's own.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date

import pyoxigraph
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib import namespace  # XSD through it: as a module global, pytest's probing warns
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from paperkg.graph.errors import PaperkgError
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.rdf import (
    DEFAULT_BASE, RDF_FORMATS, entity_id_from_iri, entity_iri, iter_triples, paper_id_from_iri,
    paper_iri, resolve_format, result_iri, to_rdf, web_iri, write_ntriples, write_rdf,
)
from paperkg.graph.records import (
    Entity, EntityType, Mention, Paper, PaperExtraction, Result, Role, entity_id, paper_id,
)
from paperkg.graph.store import Store
from paperkg.graph.vocab import PKG, SCHEMA, vocabulary_graph

from rdf_helpers import HOSTILE, assert_isomorphic
from rdf_helpers import parse as parse_export

BASE = "http://example.org/kg/"

BLINDSPOTS = Paper(
    id=paper_id("Uncovering Conceptual Blindspots in Generative Image Models Using Sparse Autoencoders"),
    title="Uncovering Conceptual Blindspots in Generative Image Models Using Sparse Autoencoders",
    abstract="We train an archetypal SAE (RA-SAE) on DINOv2 features with 32,000 concepts -- the "
    "largest such SAE to date -- enabling fine-grained analysis of conceptual disparities. Applied "
    "to four popular generative models (Stable Diffusion 1.5/2.1, PixArt, and Kandinsky), our "
    "approach reveals specific suppressed blindspots.",
    date=date(2025, 6, 24), authors_count=4, source="data/daily_papers.txt:13",
)
DC_SOLVER = Paper(
    id=paper_id("DC-Solver: Improving Predictor-Corrector Diffusion Sampler via Dynamic Compensation"),
    title="DC-Solver: Improving Predictor-Corrector Diffusion Sampler via Dynamic Compensation",
    abstract="In this paper, we introduce a new fast DPM sampler called DC-Solver, which leverages "
    "dynamic compensation (DC) to mitigate the misalignment of the predictor-corrector samplers. "
    "Notably, we achieve 10.38 FID (NFE=5) on unconditional FFHQ and 0.394 MSE (NFE=5, CFG=7.5) "
    "on Stable-Diffusion-2.1. Code is available at https://github.com/wl-zhao/DC-Solver",
    date=date(2024, 9, 5), authors_count=4,
    code_urls=("https://github.com/wl-zhao/DC-Solver",),
    urls=("https://github.com/wl-zhao/DC-Solver",), source="data/daily_papers.txt:53",
)
FLAME = Paper(
    id=paper_id("Foundational Autoraters", arxiv_id="2407.10817v2"), arxiv_id="2407.10817v2",
    title="Foundational Autoraters: Taming Large Language Models for Better Automatic Evaluation",
    abstract="To make progress towards better LLM autoraters, we introduce FLAMe, a family of "
    "Foundational Large Autorater Models. We show that FLAMe can also serve as a powerful "
    "starting point for further downstream fine-tuning, using reward modeling evaluation as a "
    "case study (FLAMe-RM). Notably, on RewardBench, our FLAMe-RM-24B model (with "
    "an accuracy of 87.8%) is the top-performing generative model trained exclusively on "
    "permissively licensed data, outperforming both GPT-4-0125 (85.9%) and GPT-4o (84.7%).",
    date=date(2024, 7, 15), authors_count=6, upvotes=12, source="data/daily_papers.txt:101",
)
# An old-style arXiv id, given on purpose: "/" and "-" in a paper id.
MLPS = Paper(
    id=paper_id("Scaling MLPs", arxiv_id="hep-th/9901001"), arxiv_id="hep-th/9901001",
    title="Scaling MLPs: A Tale of Inductive Bias",
    abstract="We show that the performance of MLPs drastically improves with scale (93% on "
    "CIFAR10, 79% on CIFAR100, 69% on TinyImageNet), highlighting that lack of inductive bias "
    "can indeed be compensated.",
    authors=("Gregor Bachmann", "Sotiris Anagnostidis", "Thomas Hofmann"),
    authors_count=3, categories=("cs.LG", "cs.CV"), source="sample.jsonl:7",
)

ENTITIES = {
    "DINOv2": Entity(entity_id("DINOv2"), "DINOv2", EntityType.MODEL, aliases=("DINO v2",),
                     external_ids=(("hf", "facebook/dinov2-base"), ("arxiv", "2304.07193"))),
    "Stable Diffusion": Entity(entity_id("Stable Diffusion"), "Stable Diffusion", EntityType.MODEL,
                               external_ids=(("wikidata", "Q113660857"),)),
    "Stable Diffusion 1.5": Entity(entity_id("Stable Diffusion 1.5"), "Stable Diffusion 1.5",
                                   EntityType.MODEL, variant_of="stablediffusion"),
    "Stable-Diffusion-2.1": Entity(entity_id("Stable Diffusion 2.1"), "Stable Diffusion 2.1",
                                   EntityType.MODEL, aliases=("Stable-Diffusion-2.1",),
                                   variant_of="stablediffusion"),
    "DC-Solver": Entity(entity_id("DC-Solver"), "DC-Solver", EntityType.METHOD, origin="discovered"),
    "FFHQ": Entity(entity_id("FFHQ"), "FFHQ", EntityType.DATASET,
                   external_ids=(("pwc", "ffhq"),)),
    "FID": Entity(entity_id("FID"), "FID", EntityType.METRIC),
    "FLAMe": Entity(entity_id("FLAMe"), "FLAMe", EntityType.MODEL, origin="discovered"),
    "FLAMe-RM-24B": Entity(entity_id("FLAMe-RM-24B"), "FLAMe-RM-24B", EntityType.MODEL,
                           variant_of="flame", origin="discovered"),
    "RewardBench": Entity(entity_id("RewardBench"), "RewardBench", EntityType.BENCHMARK),
    "GPT-4o": Entity(entity_id("GPT-4o"), "GPT-4o", EntityType.MODEL),
    "MLPs": Entity(entity_id("MLP"), "MLP", EntityType.METHOD, aliases=("MLPs", "multi-layer perceptron")),
    "CIFAR10": Entity(entity_id("CIFAR-10"), "CIFAR-10", EntityType.DATASET, aliases=("CIFAR10",)),
    "CIFAR100": Entity(entity_id("CIFAR-100"), "CIFAR-100", EntityType.DATASET),
}
CPP = Entity(entity_id("C++"), "C++", EntityType.METHOD, aliases=("cpp",), origin="user")


def mention(paper: Paper, text: str, role: Role = Role.MENTIONS, occurrence: int = 0,
            field: str = "abstract") -> Mention:
    """A mention of `text` (its n-th occurrence) in a paper, checked against the field text."""
    body = paper.field_text(field)
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    entity = ENTITIES[text]
    return Mention(paper.id, field, start, start + len(text), text, body, entity.type,
                   entity.id, 0.9, "test", role)


def result(paper: Paper, span: str, entity: str, metric: str | None, value: float,
           unit: str | None = None, model: str | None = None) -> Result:
    start = paper.abstract.index(span)
    return Result(paper.id, "abstract", start, start + len(span), paper.abstract,
                  entity_id(entity), metric, value, unit, entity_id(model) if model else None)


def extractions() -> list[PaperExtraction]:
    blind = (mention(BLINDSPOTS, "DINOv2", Role.USES), mention(BLINDSPOTS, "Stable Diffusion 1.5"))
    solver = (
        mention(DC_SOLVER, "DC-Solver", Role.INTRODUCES), mention(DC_SOLVER, "FFHQ", Role.EVALUATES_ON),
        mention(DC_SOLVER, "FID"), mention(DC_SOLVER, "Stable-Diffusion-2.1", Role.USES),
        mention(DC_SOLVER, "DC-Solver", Role.MENTIONS, field="title"),
    )
    flame = (
        mention(FLAME, "FLAMe", Role.INTRODUCES), mention(FLAME, "RewardBench", Role.EVALUATES_ON),
        mention(FLAME, "FLAMe-RM-24B", Role.USES), mention(FLAME, "GPT-4o", Role.COMPARES),
        mention(FLAME, "FLAMe", Role.MENTIONS, occurrence=1),
    )
    mlps = (mention(MLPS, "MLPs", Role.USES), mention(MLPS, "CIFAR10", Role.EVALUATES_ON),
            mention(MLPS, "CIFAR100", Role.EVALUATES_ON))
    results = {
        DC_SOLVER.id: (result(DC_SOLVER, "10.38 FID (NFE=5) on unconditional FFHQ", "FFHQ", "FID",
                              10.38, model="DC-Solver"),
                       result(DC_SOLVER, "0.394 MSE", "Stable Diffusion 2.1", "MSE", 0.394)),
        FLAME.id: (result(FLAME, "87.8%", "RewardBench", "accuracy", 87.8, "%", "FLAMe-RM-24B"),),
        MLPS.id: (result(MLPS, "93% on CIFAR10", "CIFAR-10", None, 93.0, "%"),
                  result(MLPS, "79% on CIFAR100", "CIFAR-100", None, 79.0, "%")),
    }
    return [
        PaperExtraction(paper, mentions, entities_of(mentions, *extra), results.get(paper.id, ()))
        for paper, mentions, extra in ((BLINDSPOTS, blind, ["Stable Diffusion"]), (DC_SOLVER, solver, []),
                                       (FLAME, flame, []), (MLPS, mlps, []))
    ]


def entities_of(mentions: tuple[Mention, ...], *names: str) -> tuple[Entity, ...]:
    ids = {m.entity_id for m in mentions} | {ENTITIES[name].id for name in names}
    return tuple(e for e in ENTITIES.values() if e.id in ids)


@pytest.fixture
def kg(tmp_path):
    store = Store(tmp_path / "kg.db")
    store.write_batch(extractions())
    store.add_entities([CPP])
    yield KnowledgeGraph(store)
    store.close()


@pytest.fixture
def graph(kg) -> Graph:
    return to_rdf(kg, BASE)


def export(kg, format: str, **kwargs) -> bytes:
    out = io.BytesIO()
    write_rdf(kg, out, format, BASE, **{"void": False, **kwargs})
    return out.getvalue()


def parse(data: bytes, format: str) -> Graph:
    if format in ("trig", "nq"):  # every triple in one named graph, {base}graph
        dataset = Dataset().parse(data=data, format="nquads" if format == "nq" else format)
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {BASE + "graph"}
    return parse_export(data, format)


OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "xml": pyoxigraph.RdfFormat.RDF_XML, "json-ld": pyoxigraph.RdfFormat.JSON_LD,
    "trig": pyoxigraph.RdfFormat.TRIG, "nq": pyoxigraph.RdfFormat.N_QUADS,
}


def oxigraph_triples(data: bytes, format: str) -> list[str]:
    return [str(quad.triple) for quad in pyoxigraph.parse(data, OXIGRAPH_FORMATS[format])]


def oxigraph_count(data: bytes, format: str) -> int:
    return len(oxigraph_triples(data, format))


# -- round trips ---------------------------------------------------------------------------

@pytest.mark.parametrize("format", RDF_FORMATS)
def test_export_round_trips_isomorphically(kg, graph, format):
    assert_isomorphic(graph, parse(export(kg, format), format))


@pytest.mark.parametrize("format", RDF_FORMATS)
def test_export_parses_with_pyoxigraph_to_the_same_triples(kg, graph, format):
    triples = oxigraph_triples(export(kg, format), format)
    assert len(triples) == len(graph)
    # A second parser reads every format alike, lexical forms and datatypes included:
    # a JSON number would have turned "79.0"^^xsd:double into "79"^^xsd:integer.
    assert set(triples) == set(oxigraph_triples(export(kg, "nt"), "nt"))


def test_streamed_ntriples_are_isomorphic_with_to_rdf(kg, graph):
    out = io.BytesIO()
    written = write_ntriples(kg, out, BASE)
    lines = out.getvalue().decode("utf-8").splitlines()
    assert written == len(lines) == len(graph)  # no triple written twice
    assert_isomorphic(graph, Graph().parse(data=out.getvalue(), format="nt"))


def test_iter_triples_makes_no_blank_nodes(kg):
    assert not [t for t in iter_triples(kg, BASE) if any(isinstance(x, BNode) for x in t)]


def test_doubles_keep_every_digit_in_turtle(tmp_path):
    paper = FLAME
    precise = Result(paper.id, "abstract", 0, 5, paper.abstract, "rewardbench", "accuracy",
                     0.123456789012345)
    with Store(tmp_path / "p.db") as store:
        store.write_batch([PaperExtraction(paper, results=(precise,))])
        data = export(KnowledgeGraph(store), "turtle")
    values = list(Graph().parse(data=data, format="turtle").objects(None, PKG.value))
    assert [float(v) for v in values] == [0.123456789012345]
    assert values[0].datatype == namespace.XSD.decimal


# -- IRIs ----------------------------------------------------------------------------------

def test_iris_contain_the_ids_graphql_serves(graph):
    assert paper_iri(BASE, "hep-th/9901001") == URIRef(BASE + "paper/hep-th/9901001")
    assert entity_iri(BASE, "c++") == URIRef(BASE + "entity/c++")
    assert entity_iri(BASE, "stablediffusion2.1") == URIRef(BASE + "entity/stablediffusion2.1")
    for iri in (paper_iri(BASE, MLPS.id), paper_iri(BASE, FLAME.id), entity_iri(BASE, "c++")):
        assert (iri, None, None) in graph


@pytest.mark.parametrize("node_id", ["hep-th/9901001", "c++", "a b/c?d#e%f", "..", "x/../y", "é"])
def test_ids_round_trip_through_iris(node_id):
    assert paper_id_from_iri(BASE, paper_iri(BASE, node_id)) == node_id
    assert entity_id_from_iri(BASE, entity_iri(BASE, node_id)) == node_id
    assert "/../" not in paper_iri(BASE, node_id) and not paper_iri(BASE, node_id).endswith("/..")
    assert entity_id_from_iri(BASE, paper_iri(BASE, node_id)) is None


EXPORT_ALL = """
import sys
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.rdf import RDF_FORMATS, write_rdf
kg = KnowledgeGraph.open(sys.argv[1])
for name in RDF_FORMATS:
    write_rdf(kg, f"{sys.argv[2]}.{name}", name, "http://example.org/kg/")
"""


def test_exports_are_byte_identical_across_processes(kg, tmp_path):
    # Different hash seeds reorder sets and dicts of terms; the output must not change.
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", EXPORT_ALL, str(kg.store.path), str(tmp_path / seed)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
    for name in RDF_FORMATS:
        first, second = (tmp_path / f"{seed}.{name}" for seed in ("1", "2"))
        assert first.read_bytes() == second.read_bytes(), name
    assert (tmp_path / "1.turtle").read_bytes() == export(kg, "turtle", void=True)


def test_base_gets_a_trailing_slash_and_bad_bases_are_refused(kg):
    assert paper_iri("http://example.org/kg", "x") == paper_iri("http://example.org/kg/", "x")
    for bad in ("example.org/kg/", "ftp://example.org/", "http://exa mple.org/", "/kg/"):
        with pytest.raises(PaperkgError, match="base IRI .* is not an absolute"):
            to_rdf(kg, bad)


def test_default_base_is_where_serve_listens(kg):
    graph = to_rdf(kg)
    assert (paper_iri(DEFAULT_BASE, FLAME.id), RDF.type, PKG.Paper) in graph
    assert DEFAULT_BASE == "http://127.0.0.1:8000/"


# -- content -------------------------------------------------------------------------------

def test_papers_are_scholarly_articles_with_dcterms_fields(graph):
    flame, mlps, solver = (paper_iri(BASE, p.id) for p in (FLAME, MLPS, DC_SOLVER))
    assert {(flame, RDF.type, PKG.Paper), (flame, RDF.type, SCHEMA.ScholarlyArticle)} <= set(graph)
    assert graph.value(flame, DCTERMS.title) == Literal(FLAME.title)
    assert graph.value(flame, DCTERMS.abstract) == Literal(FLAME.abstract)
    assert graph.value(flame, DCTERMS.issued) == Literal("2024-07-15", datatype=namespace.XSD.date)
    assert graph.value(flame, PKG.authorsCount) == Literal("6", datatype=namespace.XSD.integer)
    assert graph.value(flame, PKG.upvotes) == Literal("12", datatype=namespace.XSD.integer)
    assert graph.value(flame, SCHEMA.sameAs) == URIRef("https://arxiv.org/abs/2407.10817")
    assert graph.value(mlps, PROV.wasDerivedFrom) == URIRef("https://arxiv.org/abs/hep-th/9901001")
    assert set(graph.objects(mlps, DCTERMS.subject)) == {Literal("cs.LG"), Literal("cs.CV")}
    assert len(set(graph.objects(mlps, URIRef("http://purl.org/dc/elements/1.1/creator")))) == 3
    assert graph.value(solver, SCHEMA.codeRepository) == URIRef("https://github.com/wl-zhao/DC-Solver")
    assert (solver, DCTERMS.references, None) not in graph  # its only address is code
    assert graph.value(solver, DCTERMS.issued) is not None and (solver, SCHEMA.sameAs, None) not in graph


def test_entities_are_typed_by_kind_with_names_aliases_and_external_ids(graph):
    dino, bench, sd = (entity_iri(BASE, i) for i in ("dinov2", "rewardbench", "stablediffusion"))
    assert set(graph.objects(dino, RDF.type)) == {PKG.Model, SCHEMA.DefinedTerm}
    assert set(graph.objects(bench, RDF.type)) == {PKG.Benchmark, SCHEMA.Dataset}
    assert graph.value(dino, RDFS.label) == Literal("DINOv2")
    assert graph.value(dino, SKOS.altLabel) == Literal("DINO v2")
    assert graph.value(dino, SCHEMA.sameAs) == URIRef("https://huggingface.co/facebook/dinov2-base")
    assert graph.value(dino, PKG.introducedBy) == URIRef("https://arxiv.org/abs/2304.07193")
    assert graph.value(sd, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q113660857")
    assert graph.value(entity_iri(BASE, "ffhq"), PKG.externalId) == Literal("pwc:ffhq")
    assert graph.value(entity_iri(BASE, "c++"), RDFS.label) == Literal("C++")


def test_variants_link_to_their_parent(graph):
    sd = entity_iri(BASE, "stablediffusion")
    assert set(graph.subjects(PKG.variantOf, sd)) == {
        entity_iri(BASE, "stablediffusion1.5"), entity_iri(BASE, "stablediffusion2.1")}
    assert graph.value(entity_iri(BASE, "flamerm24b"), PKG.variantOf) == entity_iri(BASE, "flame")


def test_links_state_mentions_and_the_strongest_role(graph):
    solver, flame, blind = (paper_iri(BASE, p.id) for p in (DC_SOLVER, FLAME, BLINDSPOTS))
    assert (solver, PKG.introduces, entity_iri(BASE, "dcsolver")) in graph
    assert (flame, PKG.introduces, entity_iri(BASE, "flame")) in graph  # INTRODUCES beats MENTIONS
    assert (flame, PKG.compares, entity_iri(BASE, "gpt4o")) in graph
    assert (solver, PKG.evaluatesOn, entity_iri(BASE, "ffhq")) in graph
    fid = entity_iri(BASE, "fid")
    assert [p for p in graph.predicates(solver, fid)] == [PKG.mentions]  # a mere mention
    # Simple consumers follow pkg:mentions alone and still reach every entity of a paper.
    assert set(graph.objects(solver, PKG.mentions)) == {
        entity_iri(BASE, i) for i in ("dcsolver", "ffhq", "fid", "stablediffusion2.1")}
    assert len(set(graph.objects(blind, PKG.mentions))) == 2


def test_results_are_named_nodes_with_typed_values(graph):
    solver = paper_iri(BASE, DC_SOLVER.id)
    reported = set(graph.objects(solver, PKG.reports))
    assert len(reported) == 2 and all(str(r).startswith(BASE + "result/") for r in reported)
    fid = next(r for r in reported if graph.value(r, PKG.metric) == Literal("FID"))
    assert graph.value(fid, RDF.type) == PKG.Result
    assert graph.value(fid, PKG.value) == Literal("10.38", datatype=namespace.XSD.decimal)
    assert graph.value(fid, PKG.onEntity) == entity_iri(BASE, "ffhq")
    assert graph.value(fid, PKG.byModel) == entity_iri(BASE, "dcsolver")
    assert graph.value(fid, PROV.wasAttributedTo) == PKG.extractor
    accuracy = graph.value(paper_iri(BASE, FLAME.id), PKG.reports)
    assert graph.value(accuracy, PKG.unit) == Literal("%")
    mlps = set(graph.objects(paper_iri(BASE, MLPS.id), PKG.reports))
    assert len(mlps) == 2 and all((r, PKG.metric, None) not in graph for r in mlps)


def test_result_iris_are_stable_and_distinct():
    a = result(MLPS, "93% on CIFAR10", "CIFAR-10", None, 93.0, "%")
    b = result(MLPS, "79% on CIFAR100", "CIFAR-100", None, 79.0, "%")
    same_span_other_entity = Result(a.paper_id, a.field, a.start, a.end, a.sentence, "cifar100",
                                    None, 93.0, "%")
    assert result_iri(BASE, a) == result_iri(BASE, result(MLPS, "93% on CIFAR10", "CIFAR-10", None, 93.0, "%"))
    assert len({result_iri(BASE, r) for r in (a, b, same_span_other_entity)}) == 3


def test_discovered_entities_are_attributed_to_the_extractor(graph):
    attributed = set(graph.subjects(PROV.wasAttributedTo, PKG.extractor))
    assert entity_iri(BASE, "flame") in attributed and entity_iri(BASE, "dinov2") not in attributed


def test_every_pkg_term_in_an_export_is_declared_in_the_vocabulary(kg):
    vocab = vocabulary_graph()
    used = {term for triple in iter_triples(kg, BASE, vocab=False) for term in triple
            if isinstance(term, URIRef) and str(term).startswith(str(PKG._NS))}
    assert used and all((term, RDFS.isDefinedBy, None) in vocab for term in used)


def test_vocabulary_is_included_unless_left_out(kg, graph):
    lean = to_rdf(kg, BASE, vocab=False)
    assert (PKG.Paper, RDFS.subClassOf, SCHEMA.ScholarlyArticle) in graph
    assert (PKG.Paper, RDFS.subClassOf, None) not in lean
    assert len(graph) == len(lean) + len(vocabulary_graph())


def test_sparql_over_the_turtle_export_in_oxigraph(kg):
    store = pyoxigraph.Store()
    store.load(export(kg, "turtle"), pyoxigraph.RdfFormat.TURTLE)
    rows = store.query(
        "PREFIX pkg: <https://w3id.org/paperkg/vocab#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?name WHERE { ?paper pkg:evaluatesOn ?e . ?e a pkg:Benchmark ; rdfs:label ?name }")
    assert [row["name"].value for row in rows] == ["RewardBench"]


# -- bad input and options -----------------------------------------------------------------

def test_unknown_format_names_the_formats(kg):
    with pytest.raises(PaperkgError) as info:
        write_rdf(kg, io.BytesIO(), "yaml", BASE)
    assert "'yaml'" in str(info.value)
    assert all(name in str(info.value) for name in RDF_FORMATS)


@pytest.mark.parametrize("alias, name", [("ttl", "turtle"), ("N-Triples", "nt"), ("JSONLD", "json-ld"),
                                          ("rdf/xml", "xml"), (" trig ", "trig")])
def test_format_aliases_resolve(alias, name):
    assert resolve_format(alias) == name




@pytest.mark.parametrize("format", RDF_FORMATS)
def test_export_survives_hostile_text(tmp_path, format):
    big = Result(HOSTILE.id, "abstract", 0, 3, "Bad", "weird>entity", "acc", 1e300)
    inf = Result(HOSTILE.id, "abstract", 0, 3, "Bad", "weird>entity", "acc", float("-inf"))
    odd = Entity("weird>entity", "Weird\x07 <entity>", EntityType.TASK,
                 external_ids=(("wikidata", "not-a-qid"), ("hf", "a b"), ("", "")))
    with Store(tmp_path / "h.db") as store:
        store.write_batch([PaperExtraction(HOSTILE, entities=(odd,), results=(big, inf))])
        hostile = KnowledgeGraph(store)
        expected = to_rdf(hostile, BASE)
        data = export(hostile, format)
    assert_isomorphic(expected, parse(data, format))
    assert oxigraph_count(data, format) == len(expected)
    paper = paper_iri(BASE, HOSTILE.id)
    assert len(set(expected.objects(paper, SCHEMA.codeRepository))) == 2
    assert {str(v) for v in expected.objects(None, PKG.value)} == {"1" + "0" * 300}  # -inf left out


def test_web_iri_escapes_or_refuses():
    assert web_iri("https://GitHub.com/a/b c") == URIRef("https://github.com/a/b%20c")
    assert web_iri("https://x.org/100%zz") == URIRef("https://x.org/100%25zz")
    assert web_iri("https://x.org/a%20b") == URIRef("https://x.org/a%20b")
    assert web_iri("javascript:alert(1)") is None and web_iri("github.com/a") is None


def test_write_rdf_to_a_path_writes_the_whole_file(kg, graph, tmp_path):
    target = tmp_path / "out.ttl"
    assert write_rdf(kg, target, "ttl", BASE, void=False) == len(graph)
    assert_isomorphic(graph, Graph().parse(target, format="turtle"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.ttl")] == []


def test_write_rdf_to_a_text_stream(kg, graph):
    out = io.StringIO()
    write_rdf(kg, out, "nt", BASE, void=False)
    assert_isomorphic(graph, Graph().parse(data=out.getvalue(), format="nt"))


def test_a_failed_export_leaves_no_file(kg, tmp_path):
    target = tmp_path / "out.nt"
    with pytest.raises(PaperkgError):
        write_rdf(kg, target, "nt", "not a base")  # fails after the output was opened
    assert not [p for p in tmp_path.iterdir() if "out.nt" in p.name]


def test_an_unwritable_path_gives_a_clear_error(kg, tmp_path):
    target = tmp_path / "missing" / "out.ttl"
    with pytest.raises(PaperkgError, match="cannot write RDF to .*missing.*folder exists"):
        write_rdf(kg, target, "turtle", BASE)
