"""Export the knowledge graph as RDF: Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML.

Every format is streamed: `rdf_blocks.iter_blocks` reads the store a page at a time and
`rdf_writers` writes each subject's statements as text, so memory stays flat however large
the graph (no rdflib Graph is built). IRIs are described in `rdf_iris.py`, the vocabulary
and its alignments in `vocab.py` (published as `data/ontology/paperkg.ttl`). Titles and
abstracts carry no language tag: paperkg does not detect languages, and an untagged literal
matches a plain string in SPARQL. Each export ends with its VoID description.

`to_rdf` and `iter_triples` give the same statements as rdflib terms, for tests and for
callers that want a Graph of a small store.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rdflib import Graph, URIRef

from . import rdf_iris
from .errors import PaperkgError
from .kg import KnowledgeGraph
from .rdf_blocks import iter_blocks, to_rdflib
from .rdf_iris import DEFAULT_BASE, check_base
from .records import Result
from .rdf_writers import iter_chunks, write_blocks
from .vocab import bind_prefixes

log = logging.getLogger(__name__)

Triple = tuple[URIRef, URIRef, URIRef]

RDF_FORMATS = ("turtle", "nt", "nq", "trig", "json-ld", "xml")
_FORMAT_ALIASES = {
    "ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "nquads": "nq", "n-quads": "nq",
    "jsonld": "json-ld", "rdf": "xml", "rdfxml": "xml", "rdf/xml": "xml", "rdf-xml": "xml",
}
SUFFIX_FORMATS = {
    ".ttl": "turtle", ".nt": "nt", ".nq": "nq", ".trig": "trig", ".jsonld": "json-ld",
    ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml",
}
MEDIA_TYPES = {
    "turtle": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads",
    "trig": "application/trig", "json-ld": "application/ld+json", "xml": "application/rdf+xml",
}


def format_of_file(path: str | os.PathLike) -> str:
    """The RDF format of an existing file, by its suffix; raises PaperkgError otherwise."""
    path = Path(path)
    format = SUFFIX_FORMATS.get(path.suffix.lower())
    if format is None:
        raise PaperkgError(f"{path}: cannot tell the RDF format from the suffix {path.suffix!r}; "
                           f"name it one of {', '.join(sorted(SUFFIX_FORMATS))}")
    if not path.is_file():
        raise PaperkgError(f"{path} does not exist; export one with `paperkg export -o {path}`")
    return format


# -- IRIs as rdflib terms ----------------------------------------------------------------------

def paper_iri(base: str, paper_id: str) -> URIRef:
    """The IRI of a paper: `{base}paper/{id}` ("http://127.0.0.1:8000/paper/2407.10817")."""
    return URIRef(rdf_iris.paper_iri(check_base(base), paper_id))


def entity_iri(base: str, entity_id: str) -> URIRef:
    """The IRI of an entity: `{base}entity/{id}` ("http://127.0.0.1:8000/entity/c++")."""
    return URIRef(rdf_iris.entity_iri(check_base(base), entity_id))


def result_iri(base: str, result: Result) -> URIRef:
    """The IRI of a result (see `rdf_iris.result_iri`)."""
    return URIRef(rdf_iris.result_iri(check_base(base), result))


def paper_id_from_iri(base: str, iri: str) -> str | None:
    """The paper id in a paper IRI under `base`, or None when it is not one."""
    return rdf_iris.id_from_iri(base, "paper", iri)


def entity_id_from_iri(base: str, iri: str) -> str | None:
    """The entity id in an entity IRI under `base`, or None when it is not one."""
    return rdf_iris.id_from_iri(base, "entity", iri)


def web_iri(url: str) -> URIRef | None:
    """An http(s) address as an IRI, forbidden characters percent-encoded; None if not one."""
    iri = rdf_iris.web_iri(url)
    return URIRef(iri) if iri is not None else None


# -- triples ------------------------------------------------------------------------------------

def iter_triples(kg: KnowledgeGraph, base: str = DEFAULT_BASE, vocab: bool = True) -> Iterator[Triple]:
    """Every triple of the export (without its VoID description) as rdflib terms."""
    for subject, pairs in iter_blocks(kg, base, vocab):
        s = URIRef(subject)
        for p, o in pairs:
            yield s, URIRef(p), to_rdflib(o)


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


# -- writing ------------------------------------------------------------------------------------

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




def write_ntriples(
    kg: KnowledgeGraph, out: str | os.PathLike | IO, base: str = DEFAULT_BASE, vocab: bool = True
) -> int:
    """Write N-Triples (without the VoID description); returns the triple count."""
    return write_rdf(kg, out, "nt", base, vocab, void=False)


def write_rdf(
    kg: KnowledgeGraph, out: str | os.PathLike | IO, format: str = "turtle",
    base: str = DEFAULT_BASE, vocab: bool = True, void: bool = True,
) -> int:
    """Write the knowledge graph in one of RDF_FORMATS to a path or a stream, streamed.

    Args:
        kg: the knowledge graph to export.
        out: a file path (written whole or not at all), a binary stream, or a text stream.
        format: one of RDF_FORMATS or an alias ("ttl", "ntriples", "jsonld", "rdf").
        base: the base IRI of papers, entities and results.
        vocab: include the paperkg vocabulary, so that the export is self-contained.
        void: end with the export's VoID description (size, classes, licence, date).

    Returns:
        The number of triples written.

    Raises:
        PaperkgError: the format is unknown, the base is not an absolute IRI, or the
            file cannot be written.
    """
    format = resolve_format(format)
    base = check_base(base)
    with _binary_output(out) as stream:
        written = write_blocks(iter_blocks(kg, base, vocab), stream, format, base, void)
    log.info("wrote %d triples as %s", written, format)
    return written


def iter_rdf(kg: KnowledgeGraph, format: str = "turtle", base: str = DEFAULT_BASE,
             vocab: bool = True) -> Iterator[bytes]:
    """The export as UTF-8 chunks, for streaming over HTTP; see `write_rdf`."""
    format, base = resolve_format(format), check_base(base)
    yield from iter_chunks(iter_blocks(kg, base, vocab), format, base)
