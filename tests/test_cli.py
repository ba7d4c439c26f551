"""The `paperkg` command as a user runs it, end to end on the bundled seed page."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperkg.api.cli import main

SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"
BLINDSPOTS = "uncovering-conceptual-blindspots-in-generative-image-models-using-sparse-autoencoders"
DC_SOLVER = "dc-solver-improving-predictor-corrector-diffusion-sampler-via-dynamic-compensation"


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "seed.db"
    result = run("ingest", str(SEED), "--db", str(db), "--as-of", "2026-11-28", "--quiet")
    assert result.exit_code == 0, result.output
    return db


def query(db, graphql: str, variables: dict | None = None) -> dict:
    args = ["query", graphql, "--db", str(db)]
    if variables:
        args += ["--variables", json.dumps(variables)]
    result = run(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["data"]


def titles_of(entity: dict) -> list[str]:
    return [edge["node"]["title"] for edge in entity["papers"]["edges"]]


def test_ingest_reports_seventeen_papers(seed_db, tmp_path):
    result = run("ingest", str(SEED), "--db", str(tmp_path / "fresh.db"), "--quiet")
    assert result.output.strip().splitlines()[-1].startswith("17 papers ingested (17 new")


def test_ingesting_twice_changes_nothing(seed_db):
    result = run("ingest", str(SEED), "--db", str(seed_db), "--as-of", "2026-11-28", "--quiet")
    assert "(0 new, 0 updated, 17 unchanged), 0 skipped" in result.output


ENTITY_QUERY = "query ($name: String) { entity(name: $name) { name type papers { edges { node { title } } } } }"


@pytest.mark.parametrize("name, type_, title_start", [
    ("RewardBench", "BENCHMARK", "Foundational Autoraters"),
    ("DINOv2", "MODEL", "Uncovering Conceptual Blindspots"),
    ("CIFAR-10", "DATASET", "Scaling MLPs"),
    ("MUSE", "BENCHMARK", "MUSE: Machine Unlearning"),
])
def test_seed_entities_are_found_typed_in_their_papers(seed_db, name, type_, title_start):
    entity = query(seed_db, ENTITY_QUERY, {"name": name})["entity"]
    assert entity["type"] == type_
    assert any(t.startswith(title_start) for t in titles_of(entity))


def test_cifar10_is_found_as_written_in_the_abstract(seed_db):
    data = query(seed_db, '{ entity(name: "CIFAR-10") { mentions: papers { edges { node { mentions { text entity { id } } } } } } }')
    texts = {m["text"] for e in data["entity"]["mentions"]["edges"] for m in e["node"]["mentions"]
             if m["entity"]["id"] == "entity/cifar10"}
    assert "CIFAR10" in texts


def test_papers_sharing_a_model_with_blindspots_include_dc_solver(seed_db):
    data = query(seed_db, "query ($id: ID!) { papersSharing(paperId: $id, type: MODEL) "
                          "{ paper { id } shared { name } score } }", {"id": BLINDSPOTS})
    by_paper = {row["paper"]["id"]: [e["name"] for e in row["shared"]] for row in data["papersSharing"]}
    assert f"paper/{DC_SOLVER}" in by_paper
    assert any(name.replace("-", " ") == "Stable Diffusion 2.1" for name in by_paper[f"paper/{DC_SOLVER}"])


def test_shared_command_prints_ranked_papers(seed_db):
    result = run("shared", BLINDSPOTS, "--type", "MODEL", "--db", str(seed_db))
    assert result.exit_code == 0
    assert DC_SOLVER in result.output


def test_turtle_export_parses_with_rdflib_and_pyoxigraph(seed_db, tmp_path):
    import pyoxigraph
    import rdflib

    out = tmp_path / "seed.ttl"
    result = run("export", "--format", "turtle", "-o", str(out), "--db", str(seed_db))
    assert result.exit_code == 0, result.output
    graph = rdflib.Graph().parse(out, format="turtle")
    oxi = list(pyoxigraph.parse(out.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(graph) == len(oxi) > 17 * 3


@pytest.mark.parametrize("args, first_line", [
    (["ingest", "no/such/file.txt"], "Error: no/such/file.txt does not exist"),
    (["query", "{ papers { totalCount } }", "--db", "missing.db"], "Error: missing.db does not exist"),
])
def test_errors_are_one_line_and_exit_1(tmp_path, args, first_line, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(first_line)
    assert len(result.output.strip().splitlines()) == 1


def test_unknown_paper_in_shared_is_a_clean_error(seed_db):
    result = CliRunner().invoke(main, ["shared", "no-such-paper", "--db", str(seed_db)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no paper with id 'no-such-paper'")


def test_bad_records_are_skipped_and_counted(tmp_path):
    good = {"arxiv_id": "2501.00001", "title": "A good paper", "abstract": "We evaluate on ImageNet.",
            "authors": ["A. Author"], "categories": ["cs.CV"], "listing_date": "2025-01-02"}
    lines = [json.dumps(good), '{"arxiv_id": "2501.00002", "title": broken', json.dumps({**good, "arxiv_id": "2501.00003", "abstract": ""})]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(tmp_path / "m.db"), "--quiet"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "1 paper ingested (1 new, 0 updated, 0 unchanged), 2 skipped"
    problems = result.stderr.strip().splitlines()
    assert [line.split(": ")[0] for line in problems] == [f"{source}:2", f"{source}:3"]


def test_bad_variables_json_is_a_usage_error(seed_db):
    result = CliRunner().invoke(main, ["query", "{ papers { totalCount } }", "--variables", "{oops", "--db", str(seed_db)])
    assert result.exit_code == 2
    assert "not JSON" in result.output


def test_console_script_runs_as_installed(seed_db):
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "paperkg"), "query", "{ papers(first: 1) { totalCount } }", "--db", str(seed_db)],
        capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["data"]["papers"]["totalCount"] == 17


def test_train_then_use_the_model_beside_the_rules(tmp_path):
    docs = [("We evaluate on the ZorbCorpus dataset .", "ZorbCorpus"),
            ("Results on ZorbCorpus improve a lot .", "ZorbCorpus")]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({
        "source": "TDMSci", "split": "train", "doc_id": str(i), "text": text,
        "entities": [{"start": text.index(name), "end": text.index(name) + len(name),
                      "label": "DATASET", "coarse": "DATASET", "text": name}]}) + "\n"
        for i, (text, name) in enumerate(docs)))
    model = tmp_path / "model"
    trained = run("train", str(gold), "-o", str(model), "--epochs", "3", "--quiet")
    assert trained.exit_code == 0 and trained.output.startswith("trained on 2 texts")
    scored = run("eval", str(gold), "--model", str(model), "--json")
    assert scored.exit_code == 0 and "DATASET" in json.loads(scored.output)["strict"]


def test_a_folder_that_is_not_a_model_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(SEED), "--json", "--model", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path}: not a paperkg-trained model")


def test_serve_binds_to_127_0_0_1_unless_told_otherwise():
    host = next(param for param in main.commands["serve"].params if param.name == "host")
    assert host.default == "127.0.0.1"


def test_an_ingest_that_reads_nothing_leaves_no_new_database(tmp_path):
    binary = tmp_path / "scan.bin"
    binary.write_bytes(b"\x00\x01\x02 not a listing")
    db = tmp_path / "new.db"
    result = run("ingest", str(binary), "--db", str(db), "--quiet")
    assert result.exit_code == 1
    assert "binary, not text" in result.output and f"{db} was not created" in result.output
    assert not list(tmp_path.glob("new.db*"))


def test_an_ingest_that_reads_nothing_keeps_an_existing_database(tmp_path, seed_db):
    binary = tmp_path / "scan.bin"
    binary.write_bytes(b"\x00\x01\x02 not a listing")
    before = query(seed_db, "{ papers { totalCount } }")
    assert run("ingest", str(binary), "--db", str(seed_db), "--quiet").exit_code == 1
    assert query(seed_db, "{ papers { totalCount } }") == before
