"""DataLoaders: a page of papers with everything related costs a constant number of store reads."""

import pytest

from paperkg.graph.store import Store
from paperkg.schema.build import build_schema
from paperkg.schema.context import build_context
from paperkg.schema.execute import execute_query, run_coroutine

from seed_graph import build_seed_graph

# Every relation of the schema, from a page of papers: paper -> entities (and theirs:
# paper counts, variants both ways, their papers), paper -> edges -> entity, paper ->
# mentions -> entity and paper (and the phrase, read from the paper), paper -> results ->
# entity, model and metric entity.
DEEP_PAGE = """query($first: Int!) { papers(first: $first) { totalCount edges { node {
  id title
  entities { name aliases paperCount variantOf { name } variants { name } externalIds { scheme }
             papers(first: 3) { totalCount edges { node { id title } } } }
  entityUses { role mentionCount entity { name } }
  mentions { text sentence role phrase entity { name type } paper { id } }
  results { value entity { name } model { name } metricEntity { name } }
} } } }"""
# The deep page of 100 costs about 5,100, over the served budget of 5,000 (schema/cost.py).
DEEP_SCHEMA = build_schema(max_cost=100_000)
SHARING = """query($id: ID!) { papersSharing(paperId: $id, first: 100) {
  score paper { id title } shared { name paperCount } explanation { weight entity { name } } } }"""


class CountingStore(Store):
    """The real Store, counting the SQL statements it reads with."""

    reads = 0

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        self.reads += 1
        return super()._query(sql, params)


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    # 20 copies of the six seed papers: 126 papers, so a page of 100 is full.
    graph = build_seed_graph(tmp_path_factory.mktemp("many") / "kg.db", CountingStore, copies=20)
    yield graph
    graph.store.close()


def reads_for(kg, first: int) -> tuple[int, dict]:
    async def run():  # the context (and its loaders) is made inside the loop that runs the loads
        return await DEEP_SCHEMA.execute(DEEP_PAGE, variable_values={"first": first}, context_value=build_context(kg))

    kg.forget_records()  # each page from the store, not from records an earlier one read
    kg.store.reads = 0
    result = run_coroutine(run())
    assert not result.errors, result.errors
    return kg.store.reads, result.data


def test_a_page_of_100_costs_the_reads_of_a_page_of_10(kg):
    small_reads, small = reads_for(kg, 10)
    large_reads, large = reads_for(kg, 100)
    assert len(small["papers"]["edges"]) == 10
    assert len(large["papers"]["edges"]) == 100
    assert all(edge["node"]["mentions"] for edge in large["papers"]["edges"])
    assert large_reads == small_reads


def test_a_deep_page_reads_the_store_a_handful_of_times(kg):
    reads, data = reads_for(kg, 100)
    nodes = [edge["node"] for edge in data["papers"]["edges"]]
    # Every relation answered, and answered right, not merely read few times.
    assert all(m["paper"]["id"] == node["id"] for node in nodes for m in node["mentions"])
    assert any(e["variants"] for node in nodes for e in node["entities"])
    assert any(e["variantOf"] for node in nodes for e in node["entities"])
    assert all(e["papers"]["totalCount"] == e["paperCount"] for node in nodes for e in node["entities"])
    # list + count, papers of entities, entities (rows, aliases, names) a batch, mentions, results.
    assert reads <= 16


def test_papers_sharing_reads_the_same_whatever_the_number_of_papers(kg):
    source = kg.list_papers(limit=1)[0].id

    def reads(first: int) -> int:
        kg.forget_records()
        kg.store.reads = 0
        result = execute_query(kg, SHARING.replace("first: 100", f"first: {first}"), {"id": source})
        assert "errors" not in result, result["errors"]
        assert len(result["data"]["papersSharing"]) == first
        return kg.store.reads

    assert reads(5) == reads(40)


def test_loaders_do_not_leak_between_requests(kg, tmp_path):
    first, _ = reads_for(kg, 10)
    again, _ = reads_for(kg, 10)
    assert again == first  # a second request reads again: no loader outlives its request
