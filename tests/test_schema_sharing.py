"""GraphQL papersSharing: papers ranked by the rarity of the entities they share, with the why."""

import math

import pytest

from paperkg.schema.execute import execute_query

from seed_graph import PAPERS, build_seed_graph, seed_id, seed_node

SHARING = """query($id: ID!, $type: EntityType, $first: Int! = 10) {
  papersSharing(paperId: $id, type: $type, first: $first) {
    score paper { id title } shared { name type } explanation { entity { name } weight } } }"""


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield graph
    graph.store.close()


def sharing(kg, key, **variables):
    result = execute_query(kg, SHARING, {"id": seed_id(key), **variables})
    assert "errors" not in result, result["errors"]
    return result["data"]["papersSharing"]


def test_blindspots_share_stable_diffusion_2_1_with_dc_solver(kg):
    ranked = sharing(kg, "blindspots", type="MODEL")
    assert [r["paper"]["id"] for r in ranked] == [seed_node("dc-solver")]
    assert ranked[0]["shared"] == [{"name": "Stable Diffusion 2.1", "type": "MODEL"}]


def test_explanation_weighs_each_shared_entity_by_its_rarity(kg):
    ranked = sharing(kg, "blindspots", type="MODEL")
    explanation = ranked[0]["explanation"]
    # Two of the six papers use Stable Diffusion 2.1: weight log(1 + 6 / 2).
    weight = pytest.approx(math.log(1 + len(PAPERS) / 2))
    assert explanation == [{"entity": {"name": "Stable Diffusion 2.1"}, "weight": weight}]
    assert ranked[0]["score"] == pytest.approx(sum(e["weight"] for e in explanation))


def test_muse_and_restor_share_the_task_machine_unlearning(kg):
    ranked = sharing(kg, "muse", type="TASK")
    assert [(r["paper"]["id"], [e["name"] for e in r["shared"]]) for r in ranked] == [
        (seed_node("restor"), ["machine unlearning"])]


def test_a_type_no_shared_entity_has_gives_an_empty_list(kg):
    assert sharing(kg, "blindspots", type="DATASET") == []


def test_first_limits_the_ranking(kg):
    assert sharing(kg, "muse", first=0) == []


def test_first_above_100_is_refused(kg):
    result = execute_query(kg, SHARING, {"id": seed_id("muse"), "first": 101})
    assert "first: 101 is out of range" in result["errors"][0]["message"]


def test_unknown_paper_says_how_to_find_ids(kg):
    result = execute_query(kg, SHARING, {"id": "no-such-paper"})
    message = result["errors"][0]["message"]
    assert "no paper with id 'no-such-paper'" in message and "papers" in message
