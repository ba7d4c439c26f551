"""schema/response_cache.py: repeated queries answered from memory until the graph changes."""

import pytest

from paperkg.schema.build import build_schema
from paperkg.schema.context import build_context
from paperkg.schema.execute import run_coroutine

from seed_graph import PAPERS, build_seed_graph, seed_id

TITLES = "{ papers(first: 20) { totalCount edges { node { id title } } } }"
PAPER = "query($id: ID!) { paper(id: $id) { title entities { name } } }"


@pytest.fixture()
def kg(tmp_path):
    graph = build_seed_graph(tmp_path / "kg.db")
    yield graph
    graph.store.close()


def run(schema, kg, query, variables=None):
    return run_coroutine(schema.execute(query, variable_values=variables, context_value=build_context(kg)))


def cache_of(schema, kg):
    (extension,) = [e for e in schema.extensions if hasattr(e, "caches_by_graph")]
    return extension.caches_by_graph[kg]


def test_a_repeated_query_is_answered_from_memory_with_the_same_answer(kg):
    schema = build_schema()
    first = run(schema, kg, TITLES)
    again = run(schema, kg, TITLES)
    assert again.data == first.data and not again.errors
    cache = cache_of(schema, kg)
    assert (cache.hits, cache.misses) == (1, 1)
    assert again.extensions["cost"] == first.extensions["cost"] > 0  # the limits still ran


def test_variables_are_part_of_the_key(kg):
    schema = build_schema()
    one, other = (seed_id(key) for key in list(PAPERS)[:2])
    a = run(schema, kg, PAPER, {"id": one})
    b = run(schema, kg, PAPER, {"id": other})
    assert a.data["paper"]["title"] != b.data["paper"]["title"]
    assert run(schema, kg, PAPER, {"id": one}).data == a.data
    assert cache_of(schema, kg).hits == 1


def test_a_change_to_the_graph_is_seen_by_the_next_query(kg):
    schema = build_schema()
    before = run(schema, kg, TITLES).data["papers"]
    gone = before["edges"][0]["node"]["id"].removeprefix("paper/")
    assert kg.delete_paper(gone)
    kg.refresh()
    after = run(schema, kg, TITLES).data["papers"]
    assert after["totalCount"] == before["totalCount"] - 1
    assert gone not in {edge["node"]["id"].removeprefix("paper/") for edge in after["edges"]}


def test_answers_with_errors_are_not_remembered(kg):
    schema = build_schema()
    query = '{ node(id: "paper/no-such-paper") { id } nodes(ids: ["nonsense/x"]) { id } }'
    for _ in range(2):
        assert run(schema, kg, query).errors
    assert len(cache_of(schema, kg)) == 0


def test_graphs_do_not_share_answers(tmp_path, kg):
    schema = build_schema()
    other = build_seed_graph(tmp_path / "other.db")
    try:
        assert other.delete_paper(seed_id(next(iter(PAPERS))))
        other.refresh()
        mine, theirs = run(schema, kg, TITLES).data, run(schema, other, TITLES).data
        assert mine["papers"]["totalCount"] == theirs["papers"]["totalCount"] + 1
    finally:
        other.store.close()


def test_size_zero_remembers_nothing(kg):
    schema = build_schema(response_cache_size=0)
    run(schema, kg, TITLES)
    run(schema, kg, TITLES)
    (extension,) = [e for e in schema.extensions if hasattr(e, "caches_by_graph")]
    assert kg not in extension.caches_by_graph
