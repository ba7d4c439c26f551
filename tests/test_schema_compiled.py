"""Compiled plans (schema/compiled.py) answer exactly as graphql-core does, or step aside.

graphql-core is the oracle: every query runs on a schema with compiled execution and on one
without, and the two answers must be equal, errors included.
"""

from __future__ import annotations

import logging

import pytest

from paperkg.api.rest import PAPER_QUERY
from paperkg.schema import build_context
from paperkg.schema.build import build_schema
from paperkg.schema.execute import run_coroutine

COMPILED = build_schema(response_cache_size=0)
ORACLE = build_schema(response_cache_size=0, compiled=False)
STEP_ASIDE_LOG = "paperkg.schema.compiled_extension"

PAGE = """{ papers(first: 5) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id title date upvotes authors entities { id name type paperCount aliases } } } } }"""
ALIASES_AND_TYPENAMES = """{ a: papers(first: 2) { edges { node { __typename t: title } } }
  b: entities(first: 3, orderBy: NAME) { totalCount edges { node { __typename n: name type } } } }"""
NODE_WITH_FRAGMENTS = """query($paper: ID!, $entity: ID!) {
  p: node(id: $paper) { __typename id ...PaperBits }
  e: node(id: $entity) { __typename id ... on Entity { name variants { name } variantOf { name } } }
  nodes(ids: [$paper, $entity, "paper/none"]) { id ... on Paper { title } } }
fragment PaperBits on Paper { title mentions(type: MODEL) { text start end type role entity { id name } } }"""
RELATED = """query($id: ID!) { paper(id: $id) { related(first: 3) { totalCount
  edges { node { score paper { id title } shared { id name } explanation { weight entity { id } } } } } } }"""
ENTITY_QUESTIONS = """query($entity: String!) { papers(entity: $entity, first: 3) { totalCount edges { node { id } } }
  stats { papers } }"""
UNKNOWN_PAPER = """{ paper(id: "paper/0000.00000") { id title } }"""


def answer(schema, query: str, variables: dict | None, kg) -> dict:
    async def run():
        return await schema.execute(query, variable_values=variables, context_value=build_context(kg))

    result = run_coroutine(run())
    return {"data": result.data, "errors": [error.formatted for error in result.errors or []]}


def both(query: str, variables: dict | None, kg) -> tuple[dict, dict]:
    kg.forget_records()
    compiled = answer(COMPILED, query, variables, kg)
    kg.forget_records()
    return compiled, answer(ORACLE, query, variables, kg)


@pytest.fixture(scope="module")
def ids(seed_kg):
    papers = seed_kg.list_papers(limit=10)
    variant = next(e for e in seed_kg.list_entities(limit=50) if e.variant_of)
    return {"paper": papers[0].id, "paper_node": f"paper/{papers[0].id}", "entity_node": f"entity/{variant.id}",
            "entity_name": variant.name, "all_papers": [p.id for p in papers]}


def test_paper_pages_are_graphql_cores(seed_kg, ids, caplog):
    caplog.set_level(logging.DEBUG, logger=STEP_ASIDE_LOG)
    for paper_id in ids["all_papers"]:
        compiled, oracle = both(PAPER_QUERY, {"id": paper_id}, seed_kg)
        assert compiled == oracle
        assert compiled["data"]["paper"]["mentions"]
    assert not [r for r in caplog.records if "stepped aside" in r.getMessage()]  # the plan answered


@pytest.mark.parametrize("query, variables", [
    (PAGE, None),
    (ALIASES_AND_TYPENAMES, None),
    (NODE_WITH_FRAGMENTS, {"paper": "paper_node", "entity": "entity_node"}),
    (RELATED, {"id": "paper"}),
    (ENTITY_QUESTIONS, {"entity": "entity_name"}),
    (UNKNOWN_PAPER, None),
], ids=["page", "aliases", "fragments", "related", "entity-filter", "unknown-paper"])
def test_queries_are_answered_as_graphql_core_answers_them(seed_kg, ids, query, variables, caplog):
    caplog.set_level(logging.DEBUG, logger=STEP_ASIDE_LOG)
    values = {name: ids[key] for name, key in (variables or {}).items()} or None
    compiled, oracle = both(query, values, seed_kg)
    assert compiled == oracle
    assert not compiled["errors"]
    assert not [r for r in caplog.records if "stepped aside" in r.getMessage()]


def test_a_directive_is_left_to_graphql_core(seed_kg, ids, caplog):
    caplog.set_level(logging.DEBUG, logger=STEP_ASIDE_LOG)
    query = 'query($more: Boolean!) { papers(first: 2) { totalCount @include(if: $more) edges { node { id } } } }'
    for more in (True, False):
        compiled, oracle = both(query, {"more": more}, seed_kg)
        assert compiled == oracle
    assert "totalCount" not in compiled["data"]["papers"]


def test_an_error_is_graphql_cores_error(seed_kg, ids, caplog):
    caplog.set_level(logging.DEBUG, logger=STEP_ASIDE_LOG)
    query = '{ leaderboard(entity: "no such benchmark anywhere") { metric entries { totalCount } } }'
    compiled, oracle = both(query, None, seed_kg)
    assert compiled == oracle
    assert compiled["errors"] and compiled["errors"][0]["path"] == ["leaderboard"]
    assert [r for r in caplog.records if "stepped aside" in r.getMessage()]


def test_a_variable_that_does_not_coerce_gets_graphql_cores_message(seed_kg):
    compiled, oracle = both(PAPER_QUERY, {"id": None}, seed_kg)
    assert compiled == oracle
    assert compiled["errors"]


def test_introspection_is_left_to_graphql_core(seed_kg):
    compiled, oracle = both("{ __schema { queryType { name } } __type(name: \"Paper\") { name } }", None, seed_kg)
    assert compiled == oracle
    assert compiled["data"]["__schema"]["queryType"]["name"] == "Query"


def test_a_document_that_fails_to_compile_is_answered_by_graphql_core(seed_kg, ids, monkeypatch, caplog):
    import paperkg.schema.compiled as compiled

    def broken(*args):
        raise RuntimeError("a bug in the compiler")

    monkeypatch.setattr(compiled, "compile_operation", broken)
    schema = build_schema(response_cache_size=0)  # a fresh store of compiled documents
    query = PAGE.replace("first: 5", "first: 4")
    with caplog.at_level(logging.WARNING, logger="paperkg.schema.compiled"):
        assert answer(schema, query, None, seed_kg) == answer(ORACLE, query, None, seed_kg)
    assert any("could not compile" in r.getMessage() for r in caplog.records)
