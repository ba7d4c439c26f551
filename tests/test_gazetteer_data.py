"""The curated gazetteer files under data/gazetteer/ are well formed and consistent."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from paperkg.graph.records import EntityType, entity_key

GAZETTEER = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
HEADER = ["name", "type", "aliases", "wikidata", "hf", "arxiv", "variant_of"]


def read_rows() -> list[tuple[str, int, list[str]]]:
    rows = []
    for path in sorted(GAZETTEER.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fp:
            for number, row in enumerate(csv.reader(fp, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                if row and not row[0].startswith("#"):
                    rows.append((path.name, number, row))
    return rows


ROWS = read_rows()
ENTITIES = [(f, n, row) for f, n, row in ROWS if row != HEADER]


def test_every_file_starts_with_the_header():
    for path in GAZETTEER.glob("*.tsv"):
        first = next(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        assert first.split("\t") == HEADER, path.name


def test_rows_have_seven_columns_and_a_known_type():
    for file, number, row in ENTITIES:
        assert len(row) == 7, f"{file}:{number}"
        assert row[1] in EntityType.__members__, f"{file}:{number}: {row[1]}"


def test_at_least_three_thousand_entities_over_all_six_types():
    assert len(ENTITIES) >= 3000
    assert {row[1] for _, _, row in ENTITIES} == set(EntityType.__members__)


def test_no_two_entities_share_a_normalised_name():
    owners = defaultdict(list)
    for file, number, row in ENTITIES:
        owners[entity_key(row[0])].append(f"{file}:{number}")
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_no_alias_is_another_entitys_name():
    names = {entity_key(row[0]): row[0] for _, _, row in ENTITIES}
    clashes = [
        (row[0], alias, names[entity_key(alias)])
        for _, _, row in ENTITIES for alias in filter(None, row[2].split("|"))
        if entity_key(alias) in names and names[entity_key(alias)] != row[0]
    ]
    assert clashes == []


def test_every_variant_names_a_parent_in_the_gazetteer():
    names = {row[0] for _, _, row in ENTITIES}
    assert [(row[0], row[6]) for _, _, row in ENTITIES if row[6] and row[6] not in names] == []


@pytest.mark.parametrize("column, pattern", [(3, r"Q\d+"), (5, r"(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})")])
def test_external_ids_are_well_formed(column, pattern):
    import re

    bad = [(row[0], row[column]) for _, _, row in ENTITIES
           if row[column] and not re.fullmatch(pattern, row[column])]
    assert bad == []
