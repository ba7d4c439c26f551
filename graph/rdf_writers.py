"""Streamed RDF writers: blocks in, text out, in chunks, never one graph in memory.

Each writer turns the subject blocks of `rdf_blocks.py` into one syntax: N-Triples,
N-Quads, Turtle, TriG, JSON-LD and RDF/XML. Escaping follows each grammar: N-Triples and
Turtle strings escape backslash, quote, LF and CR (RDF 1.1 N-Triples, STRING_LITERAL_QUOTE);
XML escapes & < > and CR (which XML parsers would fold into LF); JSON strings go through
`json.dumps`. Turtle and RDF/XML write vocabulary terms as prefixed names, everything else
as full IRIs. N-Quads and TriG put every triple in one named graph, `{base}graph`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from .errors import PaperkgError
from .rdf_blocks import DCT, RDF_TYPE, XSD_DATE, XSD_INTEGER, Block, Lit, P, Term
from .vocab import PREFIXES, VOCAB_NAMESPACE, VOID

CHUNK = 1 << 16  # characters held before a write
LICENSE = "http://creativecommons.org/publicdomain/zero/1.0/"
FORMAT_IRIS = {  # W3C's format IRIs (https://www.w3.org/ns/formats/), for void:feature
    "turtle": "Turtle", "nt": "N-Triples", "nq": "N-Quads", "trig": "TriG",
    "json-ld": "JSON-LD", "xml": "RDF_XML",
}
_NAMESPACES = {str(ns): prefix for prefix, ns in PREFIXES.items()}
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*\Z")
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def context_document() -> dict:
    """The JSON-LD @context every JSON-LD export uses: paperkg's prefixes."""
    return {"@context": {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}}


@lru_cache(maxsize=4096)
def curie(iri: str) -> str | None:
    """`pkg:Paper` for a vocabulary IRI with a simple local name; None otherwise."""
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    prefix = _NAMESPACES.get(iri[:cut])
    return f"{prefix}:{iri[cut:]}" if prefix and _LOCAL.match(iri[cut:]) else None


def escape_string(text: str) -> str:
    """A string literal's body in N-Triples and Turtle (RDF 1.1 STRING_LITERAL_QUOTE)."""
    # Most strings need nothing; four `in` scans are cheaper than one translate.
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        return text.translate(_NT_ESCAPES)
    return text


def nt_literal(term: Lit) -> str:
    text = f'"{escape_string(term.lexical)}"'
    if term.datatype is None:
        return text
    return text + term.datatype if term.datatype[0] == "@" else f"{text}^^<{term.datatype}>"


class _Writer:
    """Buffers text and writes it as UTF-8 in chunks; subclasses format blocks."""

    def __init__(self, stream: IO[bytes], base: str):
        self.stream, self.base, self.graph = stream, base, f"{base}graph"
        self.parts: list[str] = []
        self.size = 0

    def put(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()

    def flush(self) -> None:
        self.stream.write("".join(self.parts).encode("utf-8"))
        self.parts, self.size = [], 0

    def start(self) -> None:
        pass

    def end(self) -> None:
        self.flush()


class NTriplesWriter(_Writer):
    graph_suffix = " ."

    def block(self, subject: str, pairs: list[tuple[str, Term]]) -> None:
        s, suffix = f"<{subject}> <", self.graph_suffix
        lines = []
        for p, o in pairs:
            obj = nt_literal(o) if type(o) is Lit else f"<{o}>"
            lines.append(f"{s}{p}> {obj}{suffix}\n")
        self.put("".join(lines))


class NQuadsWriter(NTriplesWriter):
    def start(self) -> None:
        self.graph_suffix = f" <{self.graph}> ."


class TurtleWriter(_Writer):
    def start(self) -> None:
        self.put("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n")

    def block(self, subject: str, pairs: list[tuple[str, Term]]) -> None:
        lines = [f"{_ttl_iri(subject)}\n"]
        for p, o in pairs:
            pred = "a" if p == RDF_TYPE else _ttl_iri(p)
            lines.append(f"    {pred} {_ttl_literal(o) if type(o) is Lit else _ttl_iri(o)} ;\n")
        lines[-1] = lines[-1][:-2] + ".\n\n"
        self.put("".join(lines))


class TriGWriter(TurtleWriter):
    def start(self) -> None:
        super().start()
        self.put(f"<{self.graph}> {{\n\n")

    def end(self) -> None:
        self.put("}\n")
        super().end()


def _ttl_iri(iri: str) -> str:
    return curie(iri) or f"<{iri}>"


def _ttl_literal(term: Lit) -> str:
    if term.datatype is None or term.datatype[0] == "@":
        return nt_literal(term)
    return f'"{escape_string(term.lexical)}"^^{_ttl_iri(term.datatype)}'


class JsonLdWriter(_Writer):
    """A JSON-LD document: the published @context inline, one node object a subject."""

    def start(self) -> None:
        context = json.dumps(context_document()["@context"], indent=1)
        self.put(f'{{\n"@context": {context},\n"@graph": [\n')
        self.first = True

    def block(self, subject: str, pairs: list[tuple[str, Term]]) -> None:
        node: dict = {"@id": subject}
        for p, o in pairs:
            if p == RDF_TYPE and type(o) is not Lit:
                node.setdefault("@type", []).append(o)
            else:
                node.setdefault(curie(p) or p, []).append(_jsonld_value(o))
        self.put(("" if self.first else ",\n") + json.dumps(node, ensure_ascii=False))
        self.first = False

    def end(self) -> None:
        self.put("\n]\n}\n")
        super().end()


def _jsonld_value(term: Term) -> dict:
    if type(term) is not Lit:
        return {"@id": term}
    if term.datatype is None:
        return {"@value": term.lexical}
    if term.datatype[0] == "@":
        return {"@value": term.lexical, "@language": term.datatype[1:]}
    return {"@value": term.lexical, "@type": term.datatype}


class XmlWriter(_Writer):
    """RDF/XML, one rdf:Description a subject, every predicate a prefixed element name."""

    def start(self) -> None:
        names = "".join(f"\n   xmlns:{p}={quoteattr(str(ns))}" for p, ns in sorted(PREFIXES.items()))
        self.put(f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{names}>\n')

    def block(self, subject: str, pairs: list[tuple[str, Term]]) -> None:
        lines = [f"  <rdf:Description rdf:about={_xml_attr(subject)}>\n"]
        for p, o in pairs:
            name = curie(p)
            if name is None:
                raise PaperkgError(f"predicate <{p}> has no prefix; RDF/XML cannot write it, "
                                   "export as turtle or nt instead")
            if type(o) is not Lit:
                lines.append(f"    <{name} rdf:resource={_xml_attr(o)}/>\n")
                continue
            attr = "" if o.datatype is None else (
                f' xml:lang="{o.datatype[1:]}"' if o.datatype[0] == "@"
                else f" rdf:datatype={_xml_attr(o.datatype)}")
            lines.append(f"    <{name}{attr}>{_xml_text(o.lexical)}</{name}>\n")
        lines.append("  </rdf:Description>\n")
        self.put("".join(lines))

    def end(self) -> None:
        self.put("</rdf:RDF>\n")
        super().end()


def _xml_text(text: str) -> str:
    return escape(text, {"\r": "&#13;"})


def _xml_attr(text: str) -> str:
    return quoteattr(text, {"\r": "&#13;", "\n": "&#10;", "\t": "&#9;"})


WRITERS = {"turtle": TurtleWriter, "nt": NTriplesWriter, "nq": NQuadsWriter,
           "trig": TriGWriter, "json-ld": JsonLdWriter, "xml": XmlWriter}


class Tally:
    """What passed through a writer: triples, and data subjects of each class (for VoID)."""

    def __init__(self, base: str):
        self.base = base
        self.triples = self.written = 0
        self.classes: Counter[str] = Counter()

    def add(self, subject: str, pairs: list[tuple[str, Term]]) -> None:
        self.triples += len(pairs)
        if subject.startswith(self.base):  # the vocabulary's own classes are not data
            self.classes.update(o for p, o in pairs if p == RDF_TYPE)


def void_blocks(tally: Tally, base: str, day: date | None = None) -> list[Block]:
    """The VoID description of an export: size, classes, formats, licence, date, endpoints."""
    dataset = f"{base}void#dataset"
    void = str(VOID)
    pairs: list[tuple[str, Term]] = [
        (RDF_TYPE, void + "Dataset"),
        (DCT + "title", Lit("paperkg knowledge graph")),
        (DCT + "license", LICENSE),
        (DCT + "modified", Lit((day or date.today()).isoformat(), XSD_DATE)),
        (void + "triples", Lit(str(tally.triples), XSD_INTEGER)),
        (void + "entities", Lit(str(tally.classes[P["Paper"]] + sum(
            n for c, n in tally.classes.items() if c in _ENTITY_CLASSES)), XSD_INTEGER)),
        (void + "classes", Lit(str(len(tally.classes)), XSD_INTEGER)),
        (void + "uriSpace", Lit(base)),
        (void + "vocabulary", VOCAB_NAMESPACE[:-1]),
        (void + "sparqlEndpoint", f"{base}sparql"),
        (void + "dataDump", f"{base}export.nt"),
        (void + "dataDump", f"{base}export.ttl"),
    ]
    pairs += [(void + "feature", f"http://www.w3.org/ns/formats/{name}") for name in FORMAT_IRIS.values()]
    blocks: list[Block] = []
    for n, (cls, count) in enumerate(sorted(tally.classes.items())):
        part = f"{dataset}-class-{n}"
        pairs.append((void + "classPartition", part))
        blocks.append((part, [(void + "class", cls), (void + "entities", Lit(str(count), XSD_INTEGER))]))
    return [(dataset, pairs), *blocks]


_ENTITY_CLASSES = {P[name] for name in ("Model", "Method", "Dataset", "Benchmark", "Task", "Metric")}


class _Chunks:
    """A binary sink that holds what was written until `drain` hands it on."""

    def __init__(self):
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.parts.append(data)

    def drain(self) -> Iterator[bytes]:
        parts, self.parts = self.parts, []
        yield from parts


def iter_chunks(blocks: Iterable[Block], format: str, base: str, void: bool = True,
                tally: Tally | None = None) -> Iterator[bytes]:
    """The document of `blocks` (and the VoID description after them) as UTF-8 chunks.

    `tally`, when given, counts what was written (its `written` after the last chunk).
    """
    sink, tally = _Chunks(), tally or Tally(base)
    writer = WRITERS[format](sink, base)
    writer.start()
    for subject, pairs in blocks:
        tally.add(subject, pairs)
        writer.block(subject, pairs)
        yield from sink.drain()
    tally.written = tally.triples
    if void:
        for subject, pairs in void_blocks(tally, base):
            writer.block(subject, pairs)
            tally.written += len(pairs)
    writer.end()
    yield from sink.drain()


def write_blocks(blocks: Iterable[Block], stream: IO[bytes], format: str, base: str,
                 void: bool = True) -> int:
    """Write blocks (and the VoID description after them) in `format`; returns the triples."""
    tally = Tally(base)
    for chunk in iter_chunks(blocks, format, base, void, tally):
        stream.write(chunk)
    return tally.written
