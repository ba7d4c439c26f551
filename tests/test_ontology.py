"""The published vocabulary files in data/ontology/ stay in step with graph/vocab.py."""

from __future__ import annotations

import json

import pyoxigraph
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from paperkg.graph.ontology import (
    CONTEXT_FILE, SHAPES_FILE, VOCABULARY_FILE, context_json, vocabulary_turtle,
)
from paperkg.graph.vocab import PKG, PREFIXES, vocabulary_graph

REGENERATE = "run `python -m paperkg.graph.ontology` and commit data/ontology/"


def test_published_vocabulary_is_the_one_in_vocab_py():
    published = Graph().parse(VOCABULARY_FILE, format="turtle")
    expected = vocabulary_graph()
    if not isomorphic(published, expected):
        _, only_file, only_code = graph_diff(to_isomorphic(published), to_isomorphic(expected))
        print("only in the file:\n", only_file.serialize(format="nt"))
        print("only in vocab.py:\n", only_code.serialize(format="nt"))
        raise AssertionError(f"data/ontology/paperkg.ttl is stale; {REGENERATE}")
    assert VOCABULARY_FILE.read_bytes() == vocabulary_turtle(), REGENERATE


def test_published_context_maps_every_prefix():
    context = json.loads(CONTEXT_FILE.read_text())["@context"]
    assert context == {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    assert CONTEXT_FILE.read_bytes() == context_json(), REGENERATE


def test_shapes_parse_and_cover_every_class():
    shapes = list(pyoxigraph.parse(SHAPES_FILE.read_bytes(), pyoxigraph.RdfFormat.TURTLE))
    targets = {q.object.value for q in shapes if q.predicate.value == "http://www.w3.org/ns/shacl#targetClass"}
    classes = {str(PKG[name]) for name in ("Paper", "Model", "Method", "Dataset", "Benchmark",
                                           "Task", "Metric", "Result", "Mention")}
    assert targets == classes
