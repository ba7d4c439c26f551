"""SHACL validation: exports conform to data/ontology/shapes.ttl; a broken triple is caught."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from paperkg.api.cli import main
from paperkg.graph.errors import PaperkgError
from paperkg.graph.rdf import paper_iri, write_rdf
from paperkg.graph.rdf_validate import validate_file, validate_graph
from paperkg.graph.vocab import PKG

from rdf_helpers import parse
from seed_graph import build_seed_graph, seed_id

BASE = "http://example.org/kg/"


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    kg = build_seed_graph(folder / "kg.db", copies=2)
    out = io.BytesIO()
    write_rdf(kg, out, "turtle", BASE)
    yield folder, kg, out.getvalue()
    kg.store.close()


def test_the_seed_export_conforms(seed):
    _, _, data = seed
    assert validate_graph(parse(data, "turtle")) == []


def test_a_lean_export_conforms_too(seed):
    _, kg, _ = seed
    out = io.BytesIO()
    write_rdf(kg, out, "nt", BASE, vocab=False, void=False)
    assert validate_graph(parse(out.getvalue(), "nt")) == []


def test_a_broken_triple_is_a_violation(seed):
    _, _, data = seed
    graph = parse(data, "turtle")
    paper = paper_iri(BASE, seed_id("flame"))
    result = next(graph.objects(paper, PKG.reports))
    graph.remove((paper, DCTERMS.title, None))  # a paper without its title
    graph.set((result, PKG.value, Literal("87.8")))  # a value as a string, as LPWC has it
    violations = validate_graph(graph)
    assert [(v.focus, v.path) for v in violations] == sorted([
        (f"<{paper}>", f"<{DCTERMS.title}>"), (f"<{result}>", f"<{PKG.value}>")])
    assert "exactly one title" in str(violations[0]) or "exactly one title" in str(violations[1])


def test_validate_command_reports_violations_and_exit_code(seed, tmp_path):
    folder, kg, data = seed
    good = tmp_path / "good.ttl"
    good.write_bytes(data)
    ok = CliRunner().invoke(main, ["validate", str(good)])
    assert ok.exit_code == 0 and "conforms" in ok.output
    bad = tmp_path / "bad.nt"
    graph = parse(data, "turtle")
    graph.add((paper_iri(BASE, seed_id("muse")), PKG.authorsCount, Literal("-1", datatype=XSD.integer)))
    bad.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
    failed = CliRunner().invoke(main, ["validate", str(bad)])
    assert failed.exit_code == 1
    assert f"{seed_id('muse')}>: <{PKG.authorsCount}>" in failed.output
    from_db = CliRunner().invoke(main, ["validate", "--db", str(kg.store.path)])
    assert from_db.exit_code == 0, from_db.output


def test_unreadable_files_get_one_clear_error(tmp_path):
    with pytest.raises(PaperkgError, match="does not exist"):
        validate_file(tmp_path / "none.ttl")
    (tmp_path / "x.ttl").write_text("not turtle at all")
    with pytest.raises(PaperkgError, match="x.ttl is not valid turtle"):
        validate_file(tmp_path / "x.ttl")
