"""Helpers the RDF tests share: parse an export, compare graphs by isomorphism."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from paperkg.graph.records import Paper

# A paper whose every field holds something an RDF syntax must escape or leave out.
HOSTILE = Paper(
    id="weird id/with slash", title="Form\x0cfeed and \"quotes\" \\ backslash\nnewline",
    abstract="Bad\x00 bytes\x1b and \ufffe stay out of the export.",
    code_urls=("https://github.com/a/b c{d}|e^f`g", "https://github.com/x/%zz", "ftp://x.org/y",
               "not a url"),
    urls=("https://example.org/a#b#c", "https://example.org/[x]"),
    authors=("", "  "), categories=("cs.LG", "cs.LG"),
)


def parse(data: bytes, format: str) -> Graph:
    """Every triple of an export in any of paperkg's formats, as one rdflib Graph."""
    if format in ("trig", "nq"):
        graph = Graph()
        dataset = Dataset().parse(data=data, format="nquads" if format == "nq" else format)
        for s, p, o, _ in dataset.quads():
            graph.add((s, p, o))
        return graph
    return Graph().parse(data=data, format=format)


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Fail with the triples only one side holds (graph_diff) unless the graphs are isomorphic."""
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        print("only in expected:\n", only_expected.serialize(format="nt"))
        print("only in actual:\n", only_actual.serialize(format="nt"))
        pytest.fail("graphs are not isomorphic (diff printed above)")
