"""Export the knowledge graph as RDF: Turtle, N-Triples, JSON-LD, RDF/XML or TriG.

Every node has a stable IRI under a configurable base, so two exports of one store are equal
and an export diffs cleanly against the last: `{base}paper/{id}`, `{base}entity/{id}` and
`{base}result/{hash}` (no blank nodes). The id is the one GraphQL serves, kept readable:
"/" and "+" stay as they are ("paper/hep-th/9901001", "entity/c++"), anything an IRI path
may not hold is percent-encoded, and `paper_id_from_iri` reads it back.

`iter_triples` is the one place triples are made: `to_rdf` adds them to an rdflib Graph,
`write_ntriples` writes them line by line without one. Titles and abstracts carry no
language tag: paperkg does not detect languages, and an untagged literal matches a plain
string in SPARQL. Vocabulary terms and alignments are described in `vocab.py`.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import hashlib
import io
import json
import logging
import math
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DC, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.turtle import TurtleSerializer

from .errors import PaperkgError
from .kg import KnowledgeGraph
from .records import ARXIV_ID, Entity, Paper, Result, Role
from .store import PaperEntityEdge
from .vocab import (
    CLASS_OF_TYPE, PKG, PROPERTY_OF_ROLE, SCHEMA, SCHEMA_CLASS_OF_TYPE, bind_prefixes,
    vocabulary_graph,
)

log = logging.getLogger(__name__)

Triple = tuple[URIRef, URIRef, URIRef | Literal]

DEFAULT_BASE = "http://127.0.0.1:8000/"  # where `paperkg serve` listens
RDF_FORMATS = ("turtle", "nt", "json-ld", "xml", "trig")
_FORMAT_ALIASES = {
    "ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "jsonld": "json-ld",
    "rdf": "xml", "rdfxml": "xml", "rdf/xml": "xml", "rdf-xml": "xml",
}
WIKIDATA = "http://www.wikidata.org/entity/"
HUGGING_FACE = "https://huggingface.co/"
ARXIV_ABS = "https://arxiv.org/abs/"

# Characters XML 1.0 forbids (RDF/XML could not carry them) and lone surrogates (no UTF-8).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST = re.compile(r"^[A-Za-z0-9.\-:@\[\]]+$")
_IRI_SAFE = "/%:@!$&'()*+,;=~"


# -- IRIs ------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=16)  # called for every IRI of an export
def check_base(base: str) -> str:
    """The base IRI, ending in "/" or "#"; raises PaperkgError when it is not absolute."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or not _HOST.match(parts.netloc) \
            or any(c in base for c in ' <>"{}|\\^`'):
        raise PaperkgError(
            f"base IRI {base!r} is not an absolute http(s) IRI; pass one such as {DEFAULT_BASE!r}"
        )
    return base if base.endswith(("/", "#")) else base + "/"


def _segment(node_id: str) -> str:
    """An id as an IRI path, "/" kept between segments, "." and ".." escaped."""
    parts = [quote(part, safe="+") for part in node_id.split("/")]
    return "/".join("%2E" * len(p) if p in (".", "..") else p for p in parts)


def paper_iri(base: str, paper_id: str) -> URIRef:
    """The IRI of a paper: `{base}paper/{id}` ("http://127.0.0.1:8000/paper/2407.10817")."""
    return URIRef(f"{check_base(base)}paper/{_segment(paper_id)}")


def entity_iri(base: str, entity_id: str) -> URIRef:
    """The IRI of an entity: `{base}entity/{id}` ("http://127.0.0.1:8000/entity/c++")."""
    return URIRef(f"{check_base(base)}entity/{_segment(entity_id)}")


def result_iri(base: str, result: Result) -> URIRef:
    """The IRI of a result: a hash of its paper, span, entity, metric and value.

    The entity, metric and value are part of the hash so that two results read from one
    span ("93% on X and Y") stay two nodes.
    """
    key = "\x1f".join(map(str, (result.paper_id, result.field, result.start, result.end,
                                result.entity_id, result.metric, _double(result.value))))
    return URIRef(f"{check_base(base)}result/{hashlib.sha256(key.encode()).hexdigest()[:20]}")


def _id_from_iri(base: str, kind: str, iri: str) -> str | None:
    prefix = f"{check_base(base)}{kind}/"
    return unquote(iri[len(prefix):]) if iri.startswith(prefix) else None


def paper_id_from_iri(base: str, iri: str) -> str | None:
    """The paper id in a paper IRI under `base`, or None when it is not one."""
    return _id_from_iri(base, "paper", iri)


def entity_id_from_iri(base: str, iri: str) -> str | None:
    """The entity id in an entity IRI under `base`, or None when it is not one."""
    return _id_from_iri(base, "entity", iri)


def web_iri(url: str) -> URIRef | None:
    """An http(s) address as an IRI, forbidden characters percent-encoded; None if not one."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(parts.netloc or " "):
        return None
    path, query, fragment = (quote(_BAD_PERCENT.sub("%25", p), safe=_IRI_SAFE + extra)
                             for p, extra in ((parts.path, ""), (parts.query, "?"),
                                              (parts.fragment, "?")))
    return URIRef(urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, fragment)))


def arxiv_iri(arxiv_id: str) -> URIRef:
    """The abstract page of an arXiv id, without its version ("2407.10817v2" -> .../2407.10817)."""
    match = ARXIV_ID.match(arxiv_id.strip())
    return URIRef(ARXIV_ABS + (match.group(1) if match else quote(arxiv_id.strip(), safe="/")))


# -- triples ---------------------------------------------------------------------------------

def _text(value: str) -> Literal | None:
    cleaned = _UNWRITABLE.sub("", value).strip()
    return Literal(cleaned) if cleaned else None


def _double(value: float) -> str:
    """The xsd:double lexical form that keeps every digit: Python's shortest round-trip repr."""
    return repr(float(value))


def _literal_triples(subject, predicate, values: Iterable[str]) -> Iterator[Triple]:
    for value in values:
        literal = _text(value)
        if literal is not None:
            yield subject, predicate, literal


def paper_triples(paper: Paper, base: str) -> Iterator[Triple]:
    """A paper as a pkg:Paper and schema:ScholarlyArticle with DCTERMS fields."""
    s = paper_iri(base, paper.id)
    yield s, RDF.type, PKG.Paper
    yield s, RDF.type, SCHEMA.ScholarlyArticle
    yield from _literal_triples(s, DCTERMS.title, [paper.title])
    yield from _literal_triples(s, DCTERMS.abstract, [paper.abstract])
    if paper.date is not None:
        yield s, DCTERMS.date, Literal(paper.date.isoformat(), datatype=XSD.date)
    if paper.authors_count is not None:
        yield s, PKG.authorsCount, Literal(str(int(paper.authors_count)), datatype=XSD.integer)
    if paper.upvotes is not None:
        yield s, PKG.upvotes, Literal(str(int(paper.upvotes)), datatype=XSD.integer)
    yield from _literal_triples(s, DC.creator, paper.authors)
    yield from _literal_triples(s, DCTERMS.subject, paper.categories)
    code = {iri for iri in map(web_iri, paper.code_urls) if iri is not None}
    yield from ((s, SCHEMA.codeRepository, iri) for iri in sorted(code))
    other = {iri for iri in map(web_iri, paper.urls) if iri is not None} - code
    yield from ((s, DCTERMS.references, iri) for iri in sorted(other))
    if paper.arxiv_id:
        yield s, SCHEMA.sameAs, arxiv_iri(paper.arxiv_id)
        yield s, PROV.wasDerivedFrom, arxiv_iri(paper.arxiv_id)


def _external_triple(subject: URIRef, scheme: str, value: str) -> Triple:
    scheme, value = scheme.strip().lower(), value.strip()
    if scheme == "wikidata" and re.fullmatch(r"Q[1-9][0-9]*", value):
        return subject, OWL.sameAs, URIRef(WIKIDATA + value)
    if scheme in ("hf", "huggingface") and value:
        return subject, SCHEMA.sameAs, URIRef(HUGGING_FACE + quote(value, safe="/"))
    if scheme == "arxiv" and value:
        return subject, PKG.introducedBy, arxiv_iri(value)
    return subject, PKG.externalId, Literal(_UNWRITABLE.sub("", f"{scheme}:{value}"))


def entity_triples(entity: Entity, base: str) -> Iterator[Triple]:
    """An entity typed by kind, with its name, aliases, variant link and external ids."""
    s = entity_iri(base, entity.id)
    yield s, RDF.type, CLASS_OF_TYPE[entity.type]
    yield s, RDF.type, SCHEMA_CLASS_OF_TYPE[entity.type]
    yield from _literal_triples(s, RDFS.label, [entity.name])
    yield from _literal_triples(s, SKOS.altLabel, entity.aliases)
    if entity.variant_of:
        yield s, PKG.variantOf, entity_iri(base, entity.variant_of)
    for scheme, value in entity.external_ids:
        yield _external_triple(s, scheme, value)
    if entity.origin == "discovered":
        yield s, PROV.wasAttributedTo, PKG.extractor


def edge_triples(edge: PaperEntityEdge, base: str) -> Iterator[Triple]:
    """A paper-entity link: pkg:mentions, and the strongest role's sub-property above it."""
    paper, entity = paper_iri(base, edge.paper_id), entity_iri(base, edge.entity_id)
    yield paper, PKG.mentions, entity
    if edge.role is not Role.MENTIONS:
        yield paper, PROPERTY_OF_ROLE[edge.role], entity


def result_triples(result: Result, base: str) -> Iterator[Triple]:
    """A reported number as a pkg:Result node that its paper pkg:reports."""
    s = result_iri(base, result)
    yield paper_iri(base, result.paper_id), PKG.reports, s
    yield s, RDF.type, PKG.Result
    yield s, PKG.onEntity, entity_iri(base, result.entity_id)
    yield from _literal_triples(s, PKG.metric, [result.metric or ""])
    yield s, PKG.value, Literal(_double(result.value), datatype=XSD.double)
    yield from _literal_triples(s, PKG.unit, [result.unit or ""])
    if result.model_id:
        yield s, PKG.byModel, entity_iri(base, result.model_id)
    if result.metric_id:
        yield s, PKG.metricEntity, entity_iri(base, result.metric_id)
    yield from _literal_triples(s, PKG.sentence, [result.sentence])
    yield s, PROV.wasAttributedTo, PKG.extractor


def iter_triples(kg: KnowledgeGraph, base: str = DEFAULT_BASE, vocab: bool = True) -> Iterator[Triple]:
    """Every triple of the export, record by record, without building a graph.

    With `vocab`, the vocabulary (labels, comments, alignments) comes first, so that an
    export is self-contained. No triple is yielded twice.
    """
    base = check_base(base)
    store = kg.store
    if vocab:
        yield from sorted(vocabulary_graph())
    for paper in store.iter_papers():
        yield from dict.fromkeys(paper_triples(paper, base))
    for entity in store.iter_entities():
        yield from dict.fromkeys(entity_triples(entity, base))
    for edge in store.iter_edges():
        yield from edge_triples(edge, base)
    seen: set[URIRef] = set()
    paper_id = None
    for result in store.iter_results():  # ordered by paper, so `seen` holds one paper's
        if result.paper_id != paper_id:
            paper_id, seen = result.paper_id, set()
        iri = result_iri(base, result)
        if not math.isfinite(result.value):  # rdflib would write "inf", not valid xsd:double
            log.warning("result %s of paper %s has no finite value; left out", iri, paper_id)
        elif iri not in seen:  # the same result read twice is one node
            seen.add(iri)
            yield from dict.fromkeys(result_triples(result, base))


def to_rdf(kg: KnowledgeGraph, base: str = DEFAULT_BASE, vocab: bool = True) -> Graph:
    """The knowledge graph as an rdflib Graph, with paperkg's prefixes bound."""
    base = check_base(base)
    graph = bind_prefixes(Graph(bind_namespaces="core"))
    for kind in ("paper", "entity", "result"):
        graph.bind(kind, f"{base}{kind}/")
    for triple in iter_triples(kg, base, vocab):
        graph.add(triple)
    log.info("RDF graph built: %d triples", len(graph))
    return graph


# -- writing ---------------------------------------------------------------------------------

class _ExactDoubles:
    """Write xsd:double literals as "lexical"^^xsd:double instead of rdflib's "%e" shorthand.

    rdflib's Turtle writer keeps seven significant digits of a double
    (RDFLib/rdflib#1852, #2918): 0.123456789 would come back as 0.1234568.
    """

    def label(self, node, position):
        if isinstance(node, Literal) and node.datatype == XSD.double:
            return node.n3(self.store.namespace_manager)
        return super().label(node, position)


class _TurtleSerializer(_ExactDoubles, TurtleSerializer):
    pass


class _SortedView(Graph):
    """A graph's triples, subjects and their statements in sorted order.

    rdflib's RDF/XML writer follows the store's iteration order, which changes with Python's
    hash seed; sorted, two exports of one store are byte for byte the same.
    """

    def subjects(self, predicate=None, object=None, unique=False):
        yield from sorted(set(super().subjects(predicate, object)))

    def predicate_objects(self, subject=None, unique=False):
        yield from sorted(set(super().predicate_objects(subject)))


def jsonld_document(graph: Graph) -> dict:
    """The graph as JSON-LD, one node object a subject, every literal by its lexical form.

    rdflib's own JSON-LD writer turns xsd:double into JSON numbers whenever a context is
    given, and a JSON 79.0 reads back as xsd:integer 79 (JSON-LD 1.1 API, section 8.6), so
    paperkg writes its own: compact IRIs over the bound prefixes, sorted for stable diffs.
    """
    prefixes = {p: str(ns) for p, ns in graph.namespaces() if p and p != "xml"}
    shrink = _iri_shrinker(prefixes)
    nodes = []
    for subject in sorted(set(graph.subjects())):
        node: dict = {"@id": shrink(subject)}
        for predicate in sorted(set(graph.predicates(subject))):
            objects = sorted(graph.objects(subject, predicate))
            if predicate == RDF.type and all(isinstance(o, URIRef) for o in objects):
                node["@type"] = [shrink(o) for o in objects]
            else:
                node[shrink(predicate)] = [_jsonld_value(o, shrink) for o in objects]
        nodes.append(node)
    return {"@context": prefixes, "@graph": nodes}


def _iri_shrinker(prefixes: dict[str, str]):
    longest_first = sorted(prefixes.items(), key=lambda item: -len(item[1]))

    def shrink(term) -> str:
        if isinstance(term, BNode):
            return f"_:{term}"
        for prefix, namespace in longest_first:
            local = term[len(namespace):]
            if term.startswith(namespace) and local and not local.startswith("//"):
                return f"{prefix}:{local}"
        return str(term)
    return shrink


def _jsonld_value(term, shrink) -> dict | str:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype is not None and term.datatype != XSD.string:
            return {"@value": str(term), "@type": shrink(term.datatype)}
        return str(term)
    return {"@id": shrink(term)}


def resolve_format(name: str) -> str:
    """The canonical name of an RDF format ("ttl" -> "turtle"); raises PaperkgError if unknown."""
    key = name.strip().lower()
    key = _FORMAT_ALIASES.get(key, key)
    if key not in RDF_FORMATS:
        raise PaperkgError(
            f"unknown RDF format {name!r}; use one of: {', '.join(RDF_FORMATS)}"
        )
    return key


@contextlib.contextmanager
def _binary_output(out: str | os.PathLike | IO) -> Iterator[IO[bytes]]:
    """A binary stream for `out`: a path is written whole or not at all (temp file, rename)."""
    if isinstance(out, (str, os.PathLike)):
        path = Path(out)
        # Not tempfile.mkstemp: its files are mode 0600, and an export should be readable
        # as any file the user writes.
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as stream:
                yield stream
            os.replace(tmp, path)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise PaperkgError(f"cannot write RDF to {path}: {exc.strerror or exc}; "
                                   "check that its folder exists and is writable") from exc
            raise
    elif isinstance(out, io.TextIOBase):
        yield _TextSink(out)
    else:
        yield out


class _TextSink:
    """A binary stream over a text stream (sys.stdout, io.StringIO), decoding as it goes."""

    def __init__(self, text: IO[str]):
        self._text = text
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    def write(self, data: bytes) -> int:
        self._text.write(self._decoder.decode(data))
        return len(data)

    def flush(self) -> None:
        self._text.flush()


def _nt_term(term: URIRef | Literal) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"  # IRIs are built escaped (see _segment and web_iri)
    text = '"' + str(term).translate(_NT_ESCAPES) + '"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and term.datatype != XSD.string:
        return f"{text}^^<{term.datatype}>"
    return text


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def write_ntriples(
    kg: KnowledgeGraph, out: str | os.PathLike | IO, base: str = DEFAULT_BASE, vocab: bool = True
) -> int:
    """Write N-Triples one triple at a time, never holding the graph; returns the triple count."""
    count = 0
    with _binary_output(out) as stream:
        lines: list[str] = []
        for s, p, o in iter_triples(kg, base, vocab):
            lines.append(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} .\n")
            if len(lines) >= 1000:
                stream.write("".join(lines).encode("utf-8"))
                count, lines = count + len(lines), []
        stream.write("".join(lines).encode("utf-8"))
        count += len(lines)
    log.info("wrote %d triples as N-Triples", count)
    return count


def write_rdf(
    kg: KnowledgeGraph, out: str | os.PathLike | IO, format: str = "turtle",
    base: str = DEFAULT_BASE, vocab: bool = True,
) -> int:
    """Write the knowledge graph in one of RDF_FORMATS to a path or a stream.

    Args:
        kg: the knowledge graph to export.
        out: a file path (written whole or not at all), a binary stream, or a text stream.
        format: one of RDF_FORMATS or an alias ("ttl", "ntriples", "jsonld", "rdf").
        base: the base IRI of papers, entities and results.
        vocab: include the paperkg vocabulary, so that the export is self-contained.

    Returns:
        The number of triples written.

    Raises:
        PaperkgError: the format is unknown, the base is not an absolute IRI, or the
            file cannot be written.
    """
    format = resolve_format(format)
    if format == "nt":
        return write_ntriples(kg, out, base, vocab)
    graph = to_rdf(kg, base, vocab)
    with _binary_output(out) as stream:
        if format in ("turtle", "trig"):
            # A Turtle document is TriG whose triples are all in the default graph; rdflib's
            # TriG writer would put them in a graph named by a new blank node each export.
            _TurtleSerializer(graph).serialize(stream, encoding="utf-8")
        elif format == "json-ld":
            stream.write(json.dumps(jsonld_document(graph), indent=2, ensure_ascii=False).encode())
        else:
            view = _SortedView(graph.store, graph.identifier, graph.namespace_manager)
            view.serialize(destination=stream, format="xml", encoding="utf-8")
    log.info("wrote %d triples as %s", len(graph), format)
    return len(graph)
