"""schema/cost.py and the other limits: abusive documents are refused before they run, each with a reason."""

import pytest

from paperkg.graph.errors import QueryError
from paperkg.schema.build import build_schema
from paperkg.schema.context import build_context
from paperkg.schema.cost import DEFAULT_MAX_COST, read_budget
from paperkg.schema.execute import run_coroutine
from paperkg.schema.limits import MASKED_MESSAGE, MAX_ALIASES

from seed_graph import PAPERS, build_seed_graph

NESTED = "{ papers(first: 100) { edges { node { entityUses { entity { papers(first: 100) { edges { node { title } } } } } } } } }"


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield graph
    graph.store.close()


def run(kg, query, variables=None, max_cost=None):
    result = run_coroutine(build_schema(max_cost).execute(query, variable_values=variables,
                                                          context_value=build_context(kg)))
    return result


def test_a_connection_costs_its_page_and_counts_are_paid_once(kg):
    assert run(kg, "{ papers { totalCount } }").extensions == {"cost": 2}
    # papers 1 + edges 100 + node 100 + title 100
    assert run(kg, "{ papers(first: 100) { edges { node { title } } } }").extensions == {"cost": 301}


def test_nested_connections_multiply(kg):
    # 1 + 100 x (edges, node, entityUses, entity, papers) + 100 x 100 x (edges, node, title)
    result = run(kg, NESTED, max_cost=100_000)
    assert result.errors is None
    assert result.extensions == {"cost": 1 + 100 * 5 + 100 * 100 * 3}


def test_a_query_over_the_budget_is_refused_with_its_cost_and_the_budget(kg):
    result = run(kg, NESTED)
    assert result.data is None
    assert [e.message for e in result.errors] == [
        f"query cost 30501 is over the budget of {DEFAULT_MAX_COST}; ask for smaller pages (`first`) "
        "or fewer nested connections, and page on with `after`"]
    assert result.extensions == {"cost": 30501}


def test_the_budget_is_configurable(kg):
    assert run(kg, "{ papers(first: 100) { edges { node { title } } } }", max_cost=300).errors[0].message \
        .startswith("query cost 301 is over the budget of 300")
    assert run(kg, "{ papers(first: 100) { edges { node { title } } } }", max_cost=301).errors is None


def test_the_budget_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("PAPERKG_MAX_COST", "123")
    assert read_budget() == 123
    monkeypatch.setenv("PAPERKG_MAX_COST", "lots")
    with pytest.raises(QueryError, match="PAPERKG_MAX_COST or --max-cost"):
        read_budget()


def test_first_in_a_variable_is_priced(kg):
    query = "query ($n: Int!) { papers(first: $n) { edges { node { id } } } }"
    assert run(kg, query, {"n": 3}).extensions == {"cost": 1 + 3 * 3}


def test_fragments_are_priced_as_if_written_out(kg):
    query = ("{ papers(first: 50) { ...page } } fragment page on PaperConnection { edges { node { ...p } } } "
             "fragment p on Paper { id title }")
    assert run(kg, query).extensions == {"cost": 1 + 50 * 4}


def test_first_10000_is_refused_before_anything_runs(kg):
    result = run(kg, "{ papers(first: 10000) { edges { node { title } } } }")
    assert result.data is None
    assert result.errors[0].message == ("first: 10000 is out of range; ask for 0 to 100 items and page on "
                                        "with `after: pageInfo.endCursor`")


def test_an_alias_flood_spread_over_fragments_is_refused(kg):
    fragments = " ".join(f"fragment f{n} on Query {{ " + " ".join(f"a{n}_{k}: papers {{ totalCount }}"
                                                                  for k in range(4)) + " }" for n in range(5))
    query = "{ " + " ".join(f"...f{n}" for n in range(5)) + " } " + fragments
    result = run(kg, query)
    assert result.data is None
    assert any(f"{MAX_ALIASES}" in e.message and "aliases" in e.message for e in result.errors), result.errors


def test_validation_errors_keep_their_did_you_mean_hint(kg):
    result = run(kg, "{ paper(id: \"x\") { titel } }")
    assert result.errors[0].message == "Cannot query field 'titel' on type 'Paper'. Did you mean 'title' or 'date'?"


def test_unexpected_errors_are_masked(tmp_path):
    broken = build_seed_graph(tmp_path / "kg.db")
    broken.store.close()
    result = run(broken, "{ papers { totalCount } }")
    assert [e.message for e in result.errors] == [MASKED_MESSAGE]


def test_seed_answers_are_unchanged_under_the_limits(kg):
    result = run(kg, "{ papers { totalCount } }")
    assert result.data == {"papers": {"totalCount": len(PAPERS)}}


def test_a_document_is_validated_once_and_priced_with_each_requests_variables(kg, monkeypatch):
    import paperkg.schema.limits as limits

    validated = []
    real_validate = limits.validate_document
    monkeypatch.setattr(limits, "validate_document",
                        lambda *args: validated.append(1) or real_validate(*args))
    schema = build_schema(max_cost=500)
    query = "query($n: Int!) { papers(first: $n) { edges { node { title } } } }"
    answers = [run_coroutine(schema.execute(query, variable_values={"n": n}, context_value=build_context(kg)))
               for n in (5, 5, 100, 600)]
    assert len(validated) == 1  # the same text, whatever the variables
    assert [a.extensions["cost"] for a in answers[:3]] == [1 + 5 * 3, 1 + 5 * 3, 1 + 100 * 3]
    assert "first: 600 is out of range" in answers[3].errors[0].message


def test_a_price_is_worked_out_once_whatever_the_variables_it_does_not_read(kg, monkeypatch):
    import paperkg.schema.cost as cost

    priced = []
    real_price = cost._price
    monkeypatch.setattr(cost, "_price", lambda *args: priced.append(args[2]) or real_price(*args))
    schema = build_schema(max_cost=500)
    query = "query($id: ID!, $n: Int!) { paper(id: $id) { related(first: $n) { totalCount } } }"
    answers = [run_coroutine(schema.execute(query, variable_values={"id": paper_id, "n": n},
                                            context_value=build_context(kg)))
               for paper_id, n in (("a", 3), ("b", 3), ("c", 3), ("a", 4))]
    assert [a.extensions["cost"] for a in answers] == [1 + 1 + 1, 1 + 1 + 1, 1 + 1 + 1, 1 + 1 + 1]
    assert [variables["n"] for variables in priced] == [3, 4]  # priced again only when `first` changes
