"""paperkg's RDF vocabulary (prefix `pkg`) and its alignment to the vocabularies others use.

Design, so that exports stay simple to query:

- Papers are `pkg:Paper`, a subclass of `schema:ScholarlyArticle`; entities are one class a
  kind (`pkg:Model`, `pkg:Dataset`, ...) under `pkg:Entity`. Exports also state the
  schema.org type directly, so consumers without RDFS reasoning still find them.
- A paper-entity link is always stated with `pkg:mentions`; when the strongest role on the
  link is more than a mention, the matching sub-property (`pkg:introduces`, `pkg:uses`,
  `pkg:evaluatesOn`, `pkg:compares`) is stated as well. Simple consumers follow
  `pkg:mentions`; others pick a role. Mention counts and confidences are left out of RDF
  (they would need a qualified node per link); GraphQL serves them.
- Alignment is by `rdfs:subClassOf` / `rdfs:subPropertyOf` (our terms are narrower than
  theirs), never `owl:equivalentClass`: we do not claim that every schema.org article is a
  paperkg paper. Terms are aligned only where their published meaning fits.
- Linked Papers With Code (Färber & Lamprecht, ISWC 2023) publishes its classes under
  `https://linkedpaperswithcode.com/class/` (lower case: `model`, `dataset`, `method`,
  `task`, `paper`, `evaluationresult`) and its properties under `.../property/`
  (`introducedBy`, `metricName`), as its ontology file
  `ontologies/linkedpaperswithcode-ontology.ttl` (github.com/metaphacts/linkedpaperswithcode)
  declares them. `lpwc:metricValue` is not aligned: LPWC types it `xsd:string`, ours is
  `xsd:double`.
- Existing terms are used where they fit, so the vocabulary stays small: `dcterms:title`,
  `dcterms:abstract`, `dcterms:issued` (xsd:date), `fabio:hasPublicationYear` (xsd:gYear),
  `bibo:doi` (the DOI as a string), `dcterms:subject` (arXiv categories),
  `dcterms:references` (non-code addresses), `dc:creator` (author names as literals),
  `schema:codeRepository`, `schema:sameAs` (arXiv and Hugging Face pages), `owl:sameAs`
  (Wikidata items), `rdfs:label` and `skos:altLabel` (names and aliases), and PROV-O
  (`prov:wasDerivedFrom` a paper's arXiv record, `prov:wasAttributedTo pkg:extractor`).
- schema.org is `http://schema.org/`, the IRI its own JSON-LD context expands terms to
  (rdflib's `SDO` namespace uses `https://`, which web JSON-LD does not produce).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import (
    DC, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, VANN, XSD, DefinedNamespace,
)

from .records import EntityType, Role

VOCAB_NAMESPACE = "https://w3id.org/paperkg/vocab#"
VOCAB_IRI = URIRef("https://w3id.org/paperkg/vocab")
SCHEMA = Namespace("http://schema.org/")
LPWC = Namespace("https://linkedpaperswithcode.com/property/")
LPWC_CLASS = Namespace("https://linkedpaperswithcode.com/class/")
FABIO = Namespace("http://purl.org/spar/fabio/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
VOID = Namespace("http://rdfs.org/ns/void#")


class PKG(DefinedNamespace):
    """The paperkg vocabulary; an unknown term raises AttributeError."""

    _NS = Namespace(VOCAB_NAMESPACE)
    _fail = True

    Paper: URIRef
    Entity: URIRef
    Model: URIRef
    Method: URIRef
    Dataset: URIRef
    Benchmark: URIRef
    Task: URIRef
    Metric: URIRef
    Result: URIRef
    mentions: URIRef
    introduces: URIRef
    uses: URIRef
    evaluatesOn: URIRef
    compares: URIRef
    variantOf: URIRef
    introducedBy: URIRef
    externalId: URIRef
    reports: URIRef
    onEntity: URIRef
    byModel: URIRef
    metricEntity: URIRef
    metric: URIRef
    value: URIRef
    unit: URIRef
    sentence: URIRef
    authorsCount: URIRef
    upvotes: URIRef
    venue: URIRef
    extractor: URIRef
    usesDataset: URIRef
    hasMethod: URIRef
    hasTask: URIRef
    Mention: URIRef
    evidence: URIRef
    ofEntity: URIRef
    role: URIRef
    text: URIRef
    field: URIRef
    start: URIRef
    end: URIRef
    confidence: URIRef
    component: URIRef
    extractorVersion: URIRef
    Direction: URIRef
    direction: URIRef
    higherIsBetter: URIRef
    lowerIsBetter: URIRef


PREFIXES: dict[str, Namespace] = {
    "pkg": Namespace(VOCAB_NAMESPACE), "schema": SCHEMA, "dcterms": DCTERMS, "dc": DC,
    "prov": PROV, "skos": SKOS, "owl": OWL, "rdfs": RDFS, "xsd": XSD,
    "lpwc": LPWC, "lpwcc": LPWC_CLASS, "vann": VANN, "fabio": FABIO, "void": VOID,
    "bibo": BIBO,
    "rdf": RDF,
}

CLASS_OF_TYPE: dict[EntityType, URIRef] = {
    EntityType.MODEL: PKG.Model, EntityType.METHOD: PKG.Method,
    EntityType.DATASET: PKG.Dataset, EntityType.BENCHMARK: PKG.Benchmark,
    EntityType.TASK: PKG.Task, EntityType.METRIC: PKG.Metric,
}
# Exports state this type too, so that schema.org consumers need no reasoning.
SCHEMA_CLASS_OF_TYPE: dict[EntityType, URIRef] = {
    t: SCHEMA.Dataset if t in (EntityType.DATASET, EntityType.BENCHMARK) else SCHEMA.DefinedTerm
    for t in EntityType
}
PROPERTY_OF_ROLE: dict[Role, URIRef] = {
    Role.MENTIONS: PKG.mentions, Role.USES: PKG.uses, Role.EVALUATES_ON: PKG.evaluatesOn,
    Role.COMPARES: PKG.compares, Role.INTRODUCES: PKG.introduces,
}


@dataclass(frozen=True)
class Term:
    """One term of the vocabulary: what it is, its parents and its domain and range."""

    iri: URIRef
    kind: URIRef
    label: str
    comment: str
    parents: tuple[URIRef, ...] = ()
    domain: URIRef | None = None
    range: URIRef | None = None
    inverse_of: URIRef | None = None


def _class(iri, label, comment, *parents) -> Term:
    return Term(iri, OWL.Class, label, comment, parents)


def _link(iri, label, comment, domain, range_, *parents, inverse_of=None) -> Term:
    return Term(iri, OWL.ObjectProperty, label, comment, parents, domain, range_, inverse_of)


def _value(iri, label, comment, domain, range_, *parents) -> Term:
    return Term(iri, OWL.DatatypeProperty, label, comment, parents, domain, range_)


_ENTITY_PARENTS = (PKG.Entity,)
TERMS: tuple[Term, ...] = (
    _class(PKG.Paper, "Paper", "A paper as paperkg ingested it: title, abstract, date and "
           "what its source said about it.", SCHEMA.ScholarlyArticle, LPWC_CLASS.paper),
    _class(PKG.Entity, "Entity", "A named thing that papers use. Its rdfs:label is its name, "
           "skos:altLabel its other spellings."),
    _class(PKG.Model, "Model", "A trained machine learning model (DINOv2, Stable Diffusion 2.1).",
           *_ENTITY_PARENTS, LPWC_CLASS.model, SCHEMA.DefinedTerm),
    _class(PKG.Method, "Method", "A technique, architecture or algorithm (sparse autoencoder).",
           *_ENTITY_PARENTS, LPWC_CLASS.method, SCHEMA.DefinedTerm),
    _class(PKG.Dataset, "Dataset", "A collection of data for training or evaluation (CIFAR-10).",
           *_ENTITY_PARENTS, LPWC_CLASS.dataset, SCHEMA.Dataset),
    _class(PKG.Benchmark, "Benchmark", "An evaluation suite (RewardBench, MUSE). Papers with "
           "Code lists benchmarks as datasets.", *_ENTITY_PARENTS, LPWC_CLASS.dataset, SCHEMA.Dataset),
    _class(PKG.Task, "Task", "A problem that methods address (machine unlearning).",
           *_ENTITY_PARENTS, LPWC_CLASS.task, SCHEMA.DefinedTerm),
    _class(PKG.Metric, "Metric", "A measure results are reported in (FID, accuracy).",
           *_ENTITY_PARENTS, SCHEMA.DefinedTerm),
    _class(PKG.Result, "Result", "A number a paper reports: a value of a metric on an entity, "
           "by a model when the paper says which.", LPWC_CLASS.evaluationresult),
    _link(PKG.mentions, "mentions", "The paper names the entity in its title or abstract. Every "
          "paper-entity link is stated with this property; its sub-properties say the strongest "
          "role.", PKG.Paper, PKG.Entity, SCHEMA.mentions),
    _link(PKG.introduces, "introduces", "The paper proposes the entity (\"we introduce X\").",
          PKG.Paper, PKG.Entity, PKG.mentions, inverse_of=LPWC.introducedBy),
    _link(PKG.uses, "uses", "The paper uses the entity (\"using X\").",
          PKG.Paper, PKG.Entity, PKG.mentions),
    _link(PKG.evaluatesOn, "evaluates on", "The paper evaluates on the entity (\"on X\").",
          PKG.Paper, PKG.Entity, PKG.mentions),
    _link(PKG.compares, "compares", "The paper compares against the entity (\"outperforms X\").",
          PKG.Paper, PKG.Entity, PKG.mentions),
    _link(PKG.variantOf, "variant of", "The entity is a version, size or fine-tune of another "
          "(FLAMe-RM-24B of FLAMe).", PKG.Entity, PKG.Entity),
    # Not aligned to lpwc:introducedBy: its object is a web page, not a paper resource, and
    # pkg:introduces is already that property's inverse.
    _link(PKG.introducedBy, "introduced by", "The arXiv page of the paper that introduced the "
          "entity, as the gazetteer records it.", PKG.Entity, None),
    _value(PKG.externalId, "external id", "An identifier in a scheme paperkg knows no IRI for, "
           "written scheme:value.", PKG.Entity, XSD.string),
    _link(PKG.reports, "reports", "The paper reports the result.", PKG.Paper, PKG.Result),
    _link(PKG.onEntity, "on entity", "What the result was measured on, usually a dataset or "
          "benchmark.", PKG.Result, PKG.Entity),
    _link(PKG.byModel, "by model", "The model that achieved the result, when stated.",
          PKG.Result, PKG.Entity),
    _link(PKG.metricEntity, "metric entity", "The metric entity the result's metric names "
          "(FID), when known.", PKG.Result, PKG.Entity),
    _value(PKG.metric, "metric", "The metric as the paper wrote it (FID, accuracy).",
           PKG.Result, XSD.string, LPWC.metricName),
    _value(PKG.value, "value", "The reported number, exactly as read (an xsd:decimal, where "
           "Linked Papers With Code keeps a string).", PKG.Result, XSD.decimal),
    _value(PKG.unit, "unit", "The unit of the value as written (%).", PKG.Result, XSD.string),
    _value(PKG.sentence, "sentence", "The sentence a result or mention was read from.",
           None, XSD.string),
    _value(PKG.authorsCount, "authors count", "How many authors the source lists.",
           PKG.Paper, XSD.integer),
    _value(PKG.upvotes, "upvotes", "Upvotes on Hugging Face Daily Papers when ingested.",
           PKG.Paper, XSD.integer),
    _value(PKG.venue, "venue", "Where the paper was published, as its source names it (a "
           "conference, journal or workshop, with its year or track when the source gives "
           "them: \"NeurIPS 2024\").", PKG.Paper, XSD.string),
    _link(PKG.usesDataset, "uses dataset", "The paper uses or evaluates on the dataset or "
          "benchmark.", PKG.Paper, PKG.Entity, PKG.mentions, LPWC.usesDataset),
    _link(PKG.hasMethod, "has method", "The paper uses, compares or introduces the method.",
          PKG.Paper, PKG.Method, PKG.mentions, LPWC.hasMethod),
    _link(PKG.hasTask, "has task", "The paper addresses the task.", PKG.Paper, PKG.Task,
          PKG.mentions, LPWC.hasTask),
    _class(PKG.Mention, "Mention", "The evidence of a paper-entity link: where the paper names "
           "the entity, as the extractor found it. One per link: the strongest role's most "
           "confident mention.", PROV.Entity),
    _link(PKG.evidence, "evidence", "A mention that supports the paper's link to an entity.",
          PKG.Paper, PKG.Mention),
    _link(PKG.ofEntity, "of entity", "The entity the mention names.", PKG.Mention, PKG.Entity),
    _link(PKG.role, "role", "The link property the mention supports (pkg:introduces, ...).",
          PKG.Mention, OWL.ObjectProperty),
    _value(PKG.text, "text", "The mention as written in the paper.", PKG.Mention, XSD.string),
    _value(PKG.field, "field", "Where the mention or result is: \"title\" or \"abstract\".", None,
           XSD.string),
    _value(PKG.start, "start", "Offset of the first character of the mention or result in its "
           "field.", None, XSD.integer),
    _value(PKG.end, "end", "Offset just after the last character of the mention or result "
           "in its field.", None, XSD.integer),
    _value(PKG.confidence, "confidence", "How sure the extractor is, from 0 to 1.",
           PKG.Mention, XSD.decimal),
    _value(PKG.component, "component", "The extractor component that found the mention "
           "(kg_gazetteer, kg_shapes, ...).", PKG.Mention, XSD.string),
    _value(PKG.extractorVersion, "extractor version", "The paperkg version that wrote the "
           "export.", PKG.Mention, XSD.string),
    _class(PKG.Direction, "Direction", "Whether higher or lower values of a metric are better."),
    _link(PKG.direction, "direction", "Which way the result's metric improves, when paperkg "
          "knows the metric.", PKG.Result, PKG.Direction),
    Term(PKG.higherIsBetter, PKG.Direction, "higher is better", "Larger values are better "
         "(accuracy, F1, BLEU)."),
    Term(PKG.lowerIsBetter, PKG.Direction, "lower is better", "Smaller values are better "
         "(FID, error rate, perplexity)."),
    Term(PKG.extractor, PROV.SoftwareAgent, "paperkg extractor", "The paperkg pipeline that "
         "found results and discovered entities in abstracts; they are attributed to it."),
)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes of the vocabularies paperkg uses; returns `graph`."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def vocabulary_graph() -> Graph:
    """The vocabulary itself as RDF: an owl:Ontology with labels, comments and alignments."""
    graph = bind_prefixes(Graph(bind_namespaces="core"))
    graph.add((VOCAB_IRI, RDF.type, OWL.Ontology))
    graph.add((VOCAB_IRI, RDFS.label, Literal("paperkg vocabulary", lang="en")))
    graph.add((VOCAB_IRI, RDFS.comment, Literal(
        "Papers, the models, methods, datasets, benchmarks, tasks and metrics they use, and the "
        "results they report; aligned to schema.org, DCTERMS, PROV-O and Linked Papers With Code.",
        lang="en")))
    graph.add((VOCAB_IRI, VANN.preferredNamespacePrefix, Literal("pkg")))
    graph.add((VOCAB_IRI, VANN.preferredNamespaceUri, Literal(VOCAB_NAMESPACE)))
    for term in TERMS:
        for triple in term_triples(term):
            graph.add(triple)
    return graph


def term_triples(term: Term) -> list[tuple]:
    """The triples that describe one term."""
    triples = [
        (term.iri, RDF.type, term.kind),
        (term.iri, RDFS.label, Literal(term.label, lang="en")),
        (term.iri, RDFS.comment, Literal(term.comment, lang="en")),
        (term.iri, RDFS.isDefinedBy, VOCAB_IRI),
    ]
    parent = RDFS.subClassOf if term.kind == OWL.Class else RDFS.subPropertyOf
    triples += [(term.iri, parent, p) for p in term.parents]
    if term.domain is not None:
        triples.append((term.iri, RDFS.domain, term.domain))
    if term.range is not None:
        triples.append((term.iri, RDFS.range, term.range))
    if term.inverse_of is not None:
        triples.append((term.iri, OWL.inverseOf, term.inverse_of))
    return triples
