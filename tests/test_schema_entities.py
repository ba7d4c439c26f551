"""GraphQL entities: lookup by any alias, listing by type, their papers, and variants."""

import pytest

from paperkg.graph.records import EntityType
from paperkg.schema.execute import execute_query

from seed_graph import run_query as run, ENTITIES, build_seed_graph, seed_id, seed_node


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield graph
    graph.store.close()


def entity_named(kg, name, fields="name type"):
    return run(kg, "query($n: String) { entity(name: $n) { %s } }" % fields, n=name)["entity"]


@pytest.mark.parametrize("spelling", ["CIFAR-10", "cifar10", "CIFAR10", "Cifar 10"])
def test_entity_is_found_by_any_alias_whatever_the_case(kg, spelling):
    assert entity_named(kg, spelling) == {"name": "CIFAR-10", "type": "DATASET"}


def test_an_alias_found_in_another_paper_reaches_the_same_entity(kg):
    found = entity_named(kg, "stable-diffusion-2.1", "id name aliases paperCount")
    assert found == {"id": "entity/stablediffusion2.1", "name": "Stable Diffusion 2.1",
                     "aliases": ["Stable-Diffusion-2.1"], "paperCount": 2}


def test_entity_by_id(kg):
    found = run(kg, '{ entity(id: "rewardbench") { name type } }')["entity"]
    assert found == {"name": "RewardBench", "type": "BENCHMARK"}


def test_unknown_entity_is_null(kg):
    data = run(kg, '{ a: entity(name: "ResNet-9000") { name } b: entity(id: "nothing") { name } }')
    assert data == {"a": None, "b": None}


@pytest.mark.parametrize("arguments", ["", '(name: "FFHQ", id: "ffhq")'])
def test_entity_needs_exactly_one_of_name_and_id(kg, arguments):
    result = execute_query(kg, "{ entity%s { name } }" % arguments)
    assert result["data"] == {"entity": None}
    assert "exactly one of `name` or `id`" in result["errors"][0]["message"]


def test_entity_papers_are_a_connection(kg):
    found = entity_named(kg, "RewardBench", "type papers { totalCount edges { node { title } } }")
    assert found["type"] == "BENCHMARK"
    assert found["papers"]["totalCount"] == 1
    assert found["papers"]["edges"][0]["node"]["title"].startswith("Foundational Autoraters")


def test_entity_papers_page_with_cursors(kg):
    query = """query($after: String) { entity(name: "machine unlearning") {
        papers(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }"""
    first = run(kg, query)["entity"]["papers"]
    second = run(kg, query, after=first["pageInfo"]["endCursor"])["entity"]["papers"]
    assert first["totalCount"] == 2
    assert (first["pageInfo"]["hasNextPage"], second["pageInfo"]["hasNextPage"]) == (True, False)
    assert [first["edges"][0]["node"]["id"], second["edges"][0]["node"]["id"]] == [seed_node("restor"), seed_node("muse")]


def test_entities_list_by_type(kg):
    data = run(kg, "{ entities(type: DATASET, first: 100) { totalCount edges { node { name type } } } }")
    expected = {e.name for e in ENTITIES.values() if e.type is EntityType.DATASET}
    assert data["entities"]["totalCount"] == len(expected)
    assert {edge["node"]["name"] for edge in data["entities"]["edges"]} == expected
    assert {edge["node"]["type"] for edge in data["entities"]["edges"]} == {"DATASET"}


def test_entities_list_most_used_first(kg):
    data = run(kg, "{ entities(first: 2) { totalCount edges { node { name paperCount } } } }")
    assert data["entities"]["totalCount"] == len(ENTITIES)
    counts = [edge["node"]["paperCount"] for edge in data["entities"]["edges"]]
    assert counts == [2, 2]


def test_entities_search_names_and_aliases(kg):
    data = run(kg, '{ entities(search: "cifar") { edges { node { name } } } }')
    assert {e["node"]["name"] for e in data["entities"]["edges"]} == {"CIFAR-10", "CIFAR-100"}
    data = run(kg, '{ entities(search: "SAE") { edges { node { name } } } }')
    assert [e["node"]["name"] for e in data["entities"]["edges"]] == ["sparse autoencoder"]


def test_entities_search_treats_like_wildcards_literally(kg):
    assert run(kg, '{ entities(search: "%") { totalCount } }')["entities"]["totalCount"] == 0


def test_variants_and_variant_of_link_both_ways(kg):
    found = entity_named(kg, "FLAMe", "name variantOf { name } variants { name variants { name variantOf { name } } }")
    assert found == {"name": "FLAMe", "variantOf": None, "variants": [
        {"name": "FLAMe-RM", "variants": [{"name": "FLAMe-RM-24B", "variantOf": {"name": "FLAMe-RM"}}]},
    ]}


def test_papers_of_a_family_include_variants_when_asked(kg):
    fields = ("paperCount direct: papers { totalCount } "
              "family: papers(includeVariants: true) { totalCount edges { node { id } } }")
    found = entity_named(kg, "Stable Diffusion", fields)
    assert found["paperCount"] == 0
    assert found["direct"]["totalCount"] == 0
    assert found["family"]["totalCount"] == 2
    assert {e["node"]["id"] for e in found["family"]["edges"]} == {seed_node("blindspots"), seed_node("dc-solver")}


def test_external_ids_and_origin(kg):
    found = entity_named(kg, "dinov2", "externalIds { scheme value } origin")
    assert found == {"externalIds": [{"scheme": "hf", "value": "facebook/dinov2-base"},
                                     {"scheme": "arxiv", "value": "2304.07193"}], "origin": "gazetteer"}
    assert entity_named(kg, "DC-Solver", "origin") == {"origin": "discovered"}


def test_unknown_enum_value_is_a_validation_error_naming_the_choices(kg):
    result = execute_query(kg, "{ entities(type: MODELS) { totalCount } }")
    message = result["errors"][0]["message"]
    assert "MODELS" in message and "EntityType" in message
