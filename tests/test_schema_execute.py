"""execute_query: the schema run in-process, as `paperkg query` runs it."""

import asyncio
import json

import graphql
import pytest

from paperkg.graph.errors import QueryError
from paperkg.schema import build_schema
from paperkg.schema.execute import execute_query

from seed_graph import build_seed_graph, seed_id


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield graph
    graph.store.close()


def test_result_is_json_with_data_and_no_errors_key_on_success(kg):
    result = execute_query(kg, '{ entity(name: "RewardBench") { type papers { edges { node { title } } } } }')
    assert json.loads(json.dumps(result)) == result
    assert set(result) == {"data"}
    assert result["data"]["entity"]["type"] == "BENCHMARK"


def test_variables_are_passed_through(kg):
    result = execute_query(kg, "query($id: ID!) { paper(id: $id) { authorsCount } }", {"id": seed_id("muse")})
    assert result == {"data": {"paper": {"authorsCount": 10}}}


def test_errors_are_formatted_with_locations_and_path(kg):
    result = execute_query(kg, '{ papersSharing(paperId: "x") { score } }')
    assert result["errors"][0]["path"] == ["papersSharing"]
    assert result["errors"][0]["locations"] == [{"line": 1, "column": 3}]


def test_operation_name_picks_one_operation(kg):
    query = "query A { paper(id: \"x\") { id } } query B { papers { totalCount } }"
    assert execute_query(kg, query, operation_name="B") == {"data": {"papers": {"totalCount": 6}}}


def test_unknown_operation_name_is_a_query_error(kg):
    with pytest.raises(QueryError, match="Unknown operation named"):
        execute_query(kg, "query A { papers { totalCount } }", operation_name="C")


@pytest.mark.parametrize("query", ["", "   \n"])
def test_an_empty_query_is_a_query_error(kg, query):
    with pytest.raises(QueryError, match="the query is empty"):
        execute_query(kg, query)


def test_variables_that_are_not_an_object_are_a_query_error(kg):
    with pytest.raises(QueryError, match="must be a JSON object"):
        execute_query(kg, "{ papers { totalCount } }", [1, 2])


def test_runs_inside_a_running_event_loop(kg):
    async def call_from_async_code():
        return execute_query(kg, "{ papers { totalCount } }")

    assert asyncio.run(call_from_async_code()) == {"data": {"papers": {"totalCount": 6}}}


def test_the_schema_reads_only_the_graph_stage():
    import subprocess
    import sys

    code = ("import sys, paperkg.schema.execute; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'rdflib', 'fastapi')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_schema_exposes_the_documented_root_fields():
    sdl = graphql.build_schema(build_schema().as_str())
    assert set(sdl.query_type.fields) == {
        "node", "nodes", "trending", "path", "leaderboard", "stats",
        "paper", "papers", "entity", "entities", "papersSharing"}
    assert str(sdl.query_type.fields["papers"].args["first"].type) == "Int!"
