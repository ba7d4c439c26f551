"""Validate an export against paperkg's SHACL shapes (`data/ontology/shapes.ttl`) with pyshacl.

The vocabulary is mixed into the data graph first, so `sh:class pkg:Entity` accepts a
`pkg:Model` through `rdfs:subClassOf` even in an export written with `--no-vocab`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .errors import PaperkgError
from .ontology import SHAPES_FILE
from .rdf import format_of_file
from .vocab import vocabulary_graph

log = logging.getLogger(__name__)

_RDFLIB_FORMATS = {"nq": "nquads"}  # paperkg's format names rdflib spells otherwise


@dataclass(frozen=True)
class Violation:
    """One failed constraint: which node, along which property, with what value, and why."""

    focus: str
    path: str
    value: str
    message: str

    def __str__(self) -> str:
        value = f" (value {self.value})" if self.value else ""
        return f"{self.focus}: {self.path}: {self.message}{value}"


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file, its format from its suffix; raises PaperkgError if it cannot."""
    path = Path(path)
    format = _RDFLIB_FORMATS.get(format_of_file(path), format_of_file(path))
    graph = Graph()
    try:
        if format in ("nquads", "trig"):
            from rdflib import Dataset
            graph += Dataset().parse(path, format=format)
        else:
            graph.parse(path, format=format)
    except Exception as exc:  # rdflib raises many types for syntax errors
        raise PaperkgError(f"{path} is not valid {format}: {exc}; export it again") from exc
    return graph


def validate_graph(graph: Graph) -> list[Violation]:
    """The violations of the shapes in `graph`, sorted; empty when it conforms."""
    import pyshacl

    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes, ont_graph=vocabulary_graph(), inference="none",
        allow_warnings=True)
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        violations.append(Violation(
            focus=_short(report.value(result, SH.focusNode)),
            path=_short(report.value(result, SH.resultPath)),
            value=_short(report.value(result, SH.value)),
            message=str(report.value(result, SH.resultMessage) or "constraint failed"),
        ))
    log.info("SHACL: %s, %d violations", "conforms" if conforms else "does not conform", len(violations))
    return sorted(violations, key=lambda v: (v.focus, v.path, v.message))


def validate_file(path: str | Path) -> list[Violation]:
    """Parse and validate an export file; see `validate_graph`."""
    return validate_graph(load_graph(path))


def _short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    return term.n3() if hasattr(term, "n3") else str(term)
