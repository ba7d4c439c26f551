"""`paperkg export`, `paperkg import`, `paperkg validate`: what the user sees."""

from __future__ import annotations

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph

from paperkg.api.cli import main

from rdf_helpers import assert_isomorphic, parse
from seed_graph import build_seed_graph


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "seed.db"
    build_seed_graph(path).store.close()
    return path


@pytest.mark.parametrize("format", ["turtle", "nt", "nq", "trig", "json-ld", "xml"])
def test_export_writes_every_format_to_stdout(seed_db, format):
    result = run("export", "--format", format, "--db", str(seed_db))
    assert result.exit_code == 0
    assert len(parse(result.stdout_bytes, format)) > 500


def test_export_import_export_through_the_command_line(seed_db, tmp_path):
    first, second = tmp_path / "first.ttl", tmp_path / "second.ttl"
    assert run("export", "-o", str(first), "--db", str(seed_db)).exit_code == 0
    imported = run("import", str(first), "--db", str(tmp_path / "new.db"), "--quiet")
    assert imported.exit_code == 0
    assert imported.output.startswith("6 papers imported (6 new, 0 updated, 0 unchanged)")
    assert run("export", "-o", str(second), "--db", str(tmp_path / "new.db")).exit_code == 0
    assert_isomorphic(Graph().parse(first), Graph().parse(second))
    assert len(list(pyoxigraph.parse(second.read_bytes(), pyoxigraph.RdfFormat.TURTLE))) == len(Graph().parse(second))


@pytest.mark.parametrize("args, first_line", [
    (["import", "missing.ttl"], "Error: missing.ttl does not exist; export one with `paperkg export -o missing.ttl`"),
    (["import", "notes.txt"], "Error: notes.txt: cannot tell the RDF format from the suffix '.txt'"),
    (["export", "--format", "yaml"], "Error: unknown RDF format 'yaml'; use one of: turtle, nt, nq, trig, json-ld, xml"),
    (["validate", "missing.ttl"], "Error: missing.ttl does not exist"),
])
def test_bad_input_is_one_clear_line(tmp_path, monkeypatch, args, first_line):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("hello")
    result = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(first_line)
    assert not (tmp_path / "x.db").exists() or args[0] == "export"
