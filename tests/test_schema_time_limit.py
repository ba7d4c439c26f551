"""schema/time_limit.py: a query over the time limit is stopped with a clear error."""

import asyncio

import pytest

from paperkg.schema import build_context, build_schema
from paperkg.schema.limits import QUERY_TIME_LIMIT_S

from seed_graph import build_seed_graph

# Every paper, its entities and their papers: many DataLoader rounds, each an await.
# Its cost is over the default budget, so the tests raise the budget to show the time limit alone.
NO_COST_LIMIT = 1_000_000
FAN_OUT = "{ papers(first: 100) { edges { node { title entities { name papers { edges { node { title } } } } } } } }"


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    kg = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db", copies=3)
    yield kg
    kg.store.close()


def run(schema, kg, query):
    return asyncio.run(schema.execute(query, context_value=build_context(kg)))


def test_a_query_over_the_time_limit_is_stopped_with_a_clear_error(kg):
    result = run(build_schema(max_cost=NO_COST_LIMIT, time_limit=0.000_001), kg, FAN_OUT)
    assert result.data is None
    (error,) = result.errors
    assert "stopped after 1e-06 s, the time limit" in error.message and "first:" in error.message


def test_a_query_within_the_limit_is_answered_in_full(kg):
    result = run(build_schema(max_cost=NO_COST_LIMIT), kg, FAN_OUT)
    assert result.errors is None and len(result.data["papers"]["edges"]) > 20
    assert build_schema().time_limit == QUERY_TIME_LIMIT_S
