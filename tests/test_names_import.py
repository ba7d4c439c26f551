"""`paperkg names import FILE --type TYPE`: a user's own names reach the store and later ingests."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperkg.api.cli import main
from paperkg.graph.extract import Gazetteer
from paperkg.graph.records import EntityType, entity_id, entity_key
from paperkg.graph.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Invented names: in no bundled list, and "Zorble Net Seven" has no shape any rule would take.
NEW_NAME, NEW_ALIAS = "ZorbleNet-7", "Zorble Net Seven"
PAPER_ID = "2601.99999"
ABSTRACT = (
    f"We train a grasping policy on {NEW_NAME} and evaluate it on the held-out scenes of "
    f"{NEW_ALIAS}, where it beats strong baselines by 12 points."
)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def user_entities(db: Path) -> dict[str, object]:
    with Store(db) as store:
        return {e.id: e for e in store.entities_by_origin("user")}


def write_paper(path: Path, abstract: str = ABSTRACT) -> Path:
    record = {"arxiv_id": PAPER_ID, "title": "Robust grasping from sparse views",
              "abstract": abstract, "listing_date": "2026-01-05"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def mentions_of_paper(db: Path) -> list:
    with Store(db) as store:
        return store.mentions_of_papers([PAPER_ID])[PAPER_ID]


@pytest.fixture
def name_list(tmp_path) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(f"name\taliases\n{NEW_NAME}\tZN-7|{NEW_ALIAS}\n", encoding="utf-8")
    return path


def test_torchvision_dataset_classes_import_as_user_datasets(tmp_path):
    path = SHARED / "names" / "torchvision_dataset_classes.txt"
    if not path.exists():
        pytest.skip("../shared/names is absent")
    db = tmp_path / "kg.db"
    result = run("names", "import", str(path), "--type", "DATASET", "--db", str(db))
    assert result.exit_code == 0, result.output
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = {entity_key(name) for name in names}
    stored = user_entities(db)
    assert set(stored) == expected
    assert {e.type for e in stored.values()} == {EntityType.DATASET}
    assert result.output.startswith(f"{len(expected)} names read from {path}, {len(expected)} new")


def test_bare_names_one_a_line_are_stored_with_the_given_type(tmp_path):
    path = tmp_path / "models.txt"
    path.write_text(f"# my models\n{NEW_NAME}\nQuimbleFormer\n\n", encoding="utf-8")
    db = tmp_path / "kg.db"
    result = run("names", "import", str(path), "--type", "model", "--db", str(db))
    assert result.exit_code == 0, result.output
    stored = user_entities(db)
    assert {e.name for e in stored.values()} == {NEW_NAME, "QuimbleFormer"}
    assert all(e.type is EntityType.MODEL and e.aliases == () for e in stored.values())


def test_tsv_aliases_are_stored_and_the_header_is_not_a_name(name_list, tmp_path):
    db = tmp_path / "kg.db"
    result = run("names", "import", str(name_list), "--type", "DATASET", "--db", str(db))
    assert result.exit_code == 0, result.output
    stored = user_entities(db)
    assert list(stored) == [entity_id(NEW_NAME)]
    assert set(stored[entity_id(NEW_NAME)].aliases) == {"ZN-7", NEW_ALIAS}


def test_importing_twice_adds_nothing_new(name_list, tmp_path):
    db = tmp_path / "kg.db"
    run("names", "import", str(name_list), "--type", "DATASET", "--db", str(db))
    result = run("names", "import", str(name_list), "--type", "DATASET", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"1 names read from {name_list}, 0 new")
    assert len(user_entities(db)) == 1


def test_empty_file_is_a_one_line_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("# nothing here\n\n", encoding="utf-8")
    db = tmp_path / "kg.db"
    result = run("names", "import", str(path), "--type", "DATASET", "--db", str(db))
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {path}: no names found; put one name a line "
                                          "(or name<TAB>aliases)"]
    assert user_entities(db) == {}


def test_missing_file_is_a_one_line_error(tmp_path):
    path = tmp_path / "nowhere.txt"
    result = run("names", "import", str(path), "--type", "DATASET", "--db", str(tmp_path / "kg.db"))
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith(f"Error: {path}: no such file")


def test_unknown_type_is_a_usage_error(name_list, tmp_path):
    result = run("names", "import", str(name_list), "--type", "GADGET", "--db", str(tmp_path / "kg.db"))
    assert result.exit_code == 2
    assert "Invalid value for '--type'" in result.output
    assert all(t.value.lower() in result.output.lower() for t in EntityType)


def test_later_ingest_finds_an_imported_name_and_its_alias(name_list, tmp_path):
    bundled = Gazetteer.bundled()
    assert bundled.lookup(NEW_NAME) is None and bundled.lookup(NEW_ALIAS) is None
    db = tmp_path / "kg.db"
    assert run("names", "import", str(name_list), "--type", "DATASET", "--db", str(db)).exit_code == 0
    result = run("ingest", str(write_paper(tmp_path / "papers.jsonl")), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    found = [m for m in mentions_of_paper(db) if m.entity_id == entity_id(NEW_NAME)]
    assert {m.text for m in found} == {NEW_NAME, NEW_ALIAS}
    assert all(m.type is EntityType.DATASET for m in found)
    assert all(m.text == ABSTRACT[m.start:m.end] for m in found if m.field == "abstract")


def test_without_the_import_the_alias_is_not_found(tmp_path):
    db = tmp_path / "kg.db"
    result = run("ingest", str(write_paper(tmp_path / "papers.jsonl")), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    assert NEW_ALIAS not in {m.text for m in mentions_of_paper(db)}


def test_import_takes_over_a_name_discovered_earlier(name_list, tmp_path):
    db = tmp_path / "kg.db"
    paper = write_paper(tmp_path / "papers.jsonl", f"We introduce {NEW_NAME}, a grasping policy. " + ABSTRACT)
    assert run("ingest", str(paper), "--db", str(db), "--quiet").exit_code == 0
    assert run("names", "import", str(name_list), "--type", "DATASET", "--db", str(db)).exit_code == 0
    assert run("ingest", str(paper), "--db", str(db), "--quiet", "--reextract").exit_code == 0
    assert entity_id(NEW_NAME) in user_entities(db)
    found = [m for m in mentions_of_paper(db) if m.entity_id == entity_id(NEW_NAME)]
    assert found and all(m.type is EntityType.DATASET for m in found)


def test_importing_a_bundled_name_keeps_its_stored_type_consistent(tmp_path):
    path = tmp_path / "mistyped.txt"
    path.write_text("CIFAR-10\n", encoding="utf-8")
    db = tmp_path / "kg.db"
    assert run("names", "import", str(path), "--type", "MODEL", "--db", str(db)).exit_code == 0
    paper = write_paper(tmp_path / "papers.jsonl", "We train on CIFAR-10 and report accuracy.")
    assert run("ingest", str(paper), "--db", str(db), "--quiet").exit_code == 0
    mention_types = {m.type for m in mentions_of_paper(db) if m.entity_id == "cifar10"}
    with Store(db) as store:
        stored = store.get_entities(["cifar10"])["cifar10"]
    assert mention_types == {stored.type}
