"""Query limits and error masking: abuse is refused with a reason, bugs are hidden from clients."""

import logging

import pytest
from graphql import get_introspection_query

from paperkg.schema import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from paperkg.schema.execute import execute_query
from paperkg.schema.limits import MASKED_MESSAGE

from seed_graph import build_seed_graph


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield graph
    graph.store.close()


def nested(levels: int) -> str:
    """papers > edges > node > entities > papers > ...: three levels of depth per hop."""
    query = "id"
    for _ in range(levels):
        query = f"papers {{ edges {{ node {{ {query} }} }} }}"
        query = f"entities {{ {query} }}" if _ < levels - 1 else query
    return "{ " + query + " }"


def test_a_query_within_the_depth_limit_runs(kg):
    result = execute_query(kg, nested(2))
    assert "errors" not in result


def test_too_deep_a_query_is_refused_naming_the_limit(kg):
    result = execute_query(kg, nested(4))
    assert result["data"] is None
    assert f"exceeds maximum operation depth of {MAX_DEPTH}" in result["errors"][0]["message"]


def test_too_many_aliases_are_refused_naming_the_limit(kg):
    aliases = " ".join(f"a{i}: papers {{ totalCount }}" for i in range(MAX_ALIASES + 1))
    result = execute_query(kg, "{ " + aliases + " }")
    assert result["data"] is None
    assert result["errors"][0]["message"] == f"{MAX_ALIASES + 1} aliases found. Allowed: {MAX_ALIASES}"


def test_aliases_up_to_the_limit_run(kg):
    aliases = " ".join(f"a{i}: papers {{ totalCount }}" for i in range(MAX_ALIASES))
    assert "errors" not in execute_query(kg, "{ " + aliases + " }")


def test_too_long_a_document_is_refused_naming_the_limit(kg):
    query = "{ " + "papers { totalCount } " * (MAX_TOKENS // 4 + 1) + "}"
    result = execute_query(kg, query)
    assert f"more than {MAX_TOKENS} tokens" in result["errors"][0]["message"]


def test_graphiql_introspection_passes_the_limits(kg):
    query = get_introspection_query(descriptions=True, specified_by_url=True, directive_is_repeatable=True,
                                    schema_description=True, input_value_deprecation=True)
    result = execute_query(kg, query)
    assert "errors" not in result
    assert "Paper" in {t["name"] for t in result["data"]["__schema"]["types"]}


def test_validation_errors_keep_their_message(kg):
    result = execute_query(kg, "{ papers { nope } }")
    assert result["errors"][0]["message"] == "Cannot query field 'nope' on type 'PaperConnection'."


def test_an_internal_failure_is_masked_for_the_client_and_logged(tmp_path, caplog):
    kg = build_seed_graph(tmp_path / "kg.db")
    kg.store.close()  # every read now raises sqlite3.ProgrammingError, a bug as far as clients know
    with caplog.at_level(logging.ERROR, logger="paperkg.schema"):
        result = execute_query(kg, "{ papers { totalCount } }")
    assert result["errors"][0]["message"] == MASKED_MESSAGE
    assert "closed" not in str(result)
    assert "closed database" in caplog.text  # the operator still sees what happened


def test_our_own_errors_reach_the_client_unmasked(kg):
    result = execute_query(kg, '{ papersSharing(paperId: "nope") { score } }')
    assert result["errors"][0]["message"].startswith("no paper with id 'nope'")
