"""The paperkg vocabulary: every term described, aligned where it should be, parseable."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS

from paperkg.graph.records import EntityType, Role
from paperkg.graph.vocab import (
    CLASS_OF_TYPE, LPWC, LPWC_CLASS, PKG, PROPERTY_OF_ROLE, SCHEMA, SCHEMA_CLASS_OF_TYPE, TERMS,
    VOCAB_IRI, VOCAB_NAMESPACE, vocabulary_graph,
)


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return vocabulary_graph()


def test_every_declared_term_is_described(vocab):
    declared = {PKG[name] for name in PKG.__annotations__}
    assert declared == {term.iri for term in TERMS}
    for iri in declared:
        assert (iri, RDF.type, None) in vocab, iri
        assert vocab.value(iri, RDFS.label).language == "en", iri
        assert vocab.value(iri, RDFS.comment) is not None, iri
        assert vocab.value(iri, RDFS.isDefinedBy) == VOCAB_IRI, iri


def test_unknown_terms_are_refused():
    with pytest.raises(AttributeError):
        PKG.mentionz  # noqa: B018 - a typo must fail, not mint a new IRI


def test_namespace_and_ontology_header(vocab):
    assert str(PKG.Paper) == VOCAB_NAMESPACE + "Paper" == "https://w3id.org/paperkg/vocab#Paper"
    assert (VOCAB_IRI, RDF.type, OWL.Ontology) in vocab
    assert vocab.value(VOCAB_IRI, URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix")) \
        == Literal("pkg")


@pytest.mark.parametrize("child, parent", [
    (PKG.Paper, SCHEMA.ScholarlyArticle),
    (PKG.Paper, LPWC_CLASS.paper),
    (PKG.Model, LPWC_CLASS.model),
    (PKG.Method, LPWC_CLASS.method),
    (PKG.Dataset, SCHEMA.Dataset),
    (PKG.Dataset, LPWC_CLASS.dataset),
    (PKG.Benchmark, SCHEMA.Dataset),
    (PKG.Task, LPWC_CLASS.task),
    (PKG.Metric, SCHEMA.DefinedTerm),
    (PKG.Result, LPWC_CLASS.evaluationresult),
])
def test_classes_align_to_schema_org_and_linked_papers_with_code(vocab, child, parent):
    assert (child, RDFS.subClassOf, parent) in vocab


def test_properties_align_where_their_meaning_fits(vocab):
    assert (PKG.mentions, RDFS.subPropertyOf, SCHEMA.mentions) in vocab
    assert (PKG.introduces, OWL.inverseOf, LPWC.introducedBy) in vocab
    assert (PKG.metric, RDFS.subPropertyOf, LPWC.metricName) in vocab
    assert (PKG.value, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#decimal")) in vocab
    # LPWC types metricValue as xsd:string; ours is a decimal, so no alignment.
    assert (PKG.value, RDFS.subPropertyOf, None) not in vocab
    assert (PKG.extractor, RDF.type, PROV.SoftwareAgent) in vocab
    assert not [t for t in vocab if OWL.equivalentClass in t]
    for ours, theirs in ((PKG.usesDataset, LPWC.usesDataset), (PKG.hasMethod, LPWC.hasMethod),
                         (PKG.hasTask, LPWC.hasTask)):
        assert (ours, RDFS.subPropertyOf, theirs) in vocab
        assert (ours, RDFS.subPropertyOf, PKG.mentions) in vocab
    assert (PKG.Mention, RDFS.subClassOf, PROV.Entity) in vocab


def test_every_entity_type_has_a_class_under_entity(vocab):
    assert set(CLASS_OF_TYPE) == set(EntityType) == set(SCHEMA_CLASS_OF_TYPE)
    for kind, cls in CLASS_OF_TYPE.items():
        assert (cls, RDFS.subClassOf, PKG.Entity) in vocab, kind
        assert (cls, RDFS.subClassOf, SCHEMA_CLASS_OF_TYPE[kind]) in vocab, kind


def test_role_properties_are_sub_properties_of_mentions(vocab):
    assert set(PROPERTY_OF_ROLE) == set(Role)
    assert PROPERTY_OF_ROLE[Role.MENTIONS] == PKG.mentions
    for role, prop in PROPERTY_OF_ROLE.items():
        if role is not Role.MENTIONS:
            assert (prop, RDFS.subPropertyOf, PKG.mentions) in vocab, role
            assert vocab.value(prop, RDFS.domain) == PKG.Paper


def test_papers_use_dcterms_not_new_terms(vocab):
    # Title, abstract and date come from DCTERMS; the vocabulary must not redefine them.
    assert not [s for s in vocab.subjects(RDFS.isDefinedBy, VOCAB_IRI)
                if str(s).lower().endswith(("title", "abstract", "date"))]


@pytest.mark.parametrize("format, oxi", [("turtle", pyoxigraph.RdfFormat.TURTLE),
                                         ("xml", pyoxigraph.RdfFormat.RDF_XML)])
def test_vocabulary_round_trips_and_parses_with_pyoxigraph(vocab, format, oxi):
    data = vocab.serialize(format=format, encoding="utf-8")
    assert isomorphic(vocab, Graph().parse(data=data, format=format))
    assert sum(1 for _ in pyoxigraph.parse(data, oxi)) == len(vocab)
