"""DataLoaders: a page of papers with everything related costs a constant number of store reads."""

import pytest

from paperkg.graph.store import Store
from paperkg.schema.execute import execute_query

from seed_graph import build_seed_graph

DEEP_PAGE = """query($first: Int!) { papers(first: $first) { totalCount edges { node {
  id title
  entities { name aliases paperCount variantOf { name } externalIds { scheme } }
  entityUses { role mentionCount entity { name } }
  mentions { text sentence role entity { name type } }
  results { value entity { name } model { name } }
} } } }"""


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
    kg.store.reads = 0
    result = execute_query(kg, DEEP_PAGE, {"first": first})
    assert "errors" not in result, result["errors"]
    return kg.store.reads, result["data"]


def test_a_page_of_100_costs_the_reads_of_a_page_of_10(kg):
    small_reads, small = reads_for(kg, 10)
    large_reads, large = reads_for(kg, 100)
    assert len(small["papers"]["edges"]) == 10
    assert len(large["papers"]["edges"]) == 100
    assert all(edge["node"]["mentions"] for edge in large["papers"]["edges"])
    assert large_reads == small_reads


def test_a_deep_page_reads_the_store_a_handful_of_times(kg):
    reads, _ = reads_for(kg, 100)
    # list + count, entities (rows, aliases, names) a batch, mentions, results.
    assert reads <= 12


def test_loaders_do_not_leak_between_requests(kg, tmp_path):
    first, _ = reads_for(kg, 10)
    again, _ = reads_for(kg, 10)
    assert again == first  # a second request reads again: nothing cached across requests
