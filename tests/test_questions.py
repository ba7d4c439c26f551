"""graph/questions.py: filtered paper and entity lists, page counts and stats, on the seed graph."""

import pytest

from paperkg.graph.errors import QuestionError
from paperkg.graph.matching import NameMatcher
from paperkg.graph.questions import PaperFilter
from paperkg.graph.queries import entity_node, paper_node
from paperkg.graph.records import EntityType, Role

from seed_graph import ENTITIES, PAPERS, build_seed_graph, seed_id


@pytest.fixture(scope="module")
def kg(seed_kg_factory):
    return seed_kg_factory()


def ids(kg, order="DATE", **where):
    return kg.filter_papers(PaperFilter(**where), order, limit=100)


def test_no_filter_lists_every_paper_newest_first(kg):
    total, found = ids(kg)
    assert total == len(PAPERS)
    assert found == [p.id for p in kg.list_papers(limit=100)]


def test_entity_and_role_filters_read_the_edges(kg):
    total, found = ids(kg, entity_ids=("stablediffusion2.1",))
    assert set(found) == {seed_id("blindspots"), seed_id("dc-solver")} and total == 2
    assert ids(kg, entity_ids=("machineunlearning",), roles=(Role.INTRODUCES,)) == (0, [])
    _, benchmarks = ids(kg, types=(EntityType.BENCHMARK,), roles=(Role.INTRODUCES,))
    assert set(benchmarks) == {seed_id("muse"), seed_id("restor")}
    for pid in benchmarks:
        assert any(kg.graph.nodes[e]["type"] == EntityType.BENCHMARK and d["role"] == Role.INTRODUCES
                   for e, d in kg.graph[paper_node(pid)].items())


def test_dates_code_and_upvotes(kg):
    _, found = ids(kg, since="2024-07-08", until="2024-09-05")
    assert found == [seed_id("dc-solver"), seed_id("flame"), seed_id("muse")]
    assert ids(kg, has_code=True) == (1, [seed_id("dc-solver")])
    assert ids(kg, "UPVOTES")[1][0] == seed_id("flame")
    with pytest.raises(QuestionError, match="since: '2024-7-8' is not a date"):
        ids(kg, since="2024-7-8")


def test_search_with_a_filter_keeps_relevance_order(kg):
    total, found = ids(kg, "RELEVANCE", search="unlearning", since="2024-10-01")
    assert (total, found) == (1, [seed_id("restor")])
    with pytest.raises(QuestionError, match="RELEVANCE needs `search`"):
        ids(kg, "RELEVANCE")


def test_page_of_an_entitys_papers_counts_without_listing(kg):
    total, page = kg.page_papers_of("stablediffusion", include_variants=True, limit=1)
    assert total == 2 and page == [seed_id("blindspots")]
    assert kg.page_papers_of("stablediffusion") == (0, [])


def test_entity_filters(kg):
    total, found = kg.filter_entities(type=EntityType.DATASET, order_by="NAME")
    assert found == ["cifar10", "cifar100", "ffhq", "tinyimagenet"] and total == 4
    total, found = kg.filter_entities(min_papers=2)
    assert set(found) == {"stablediffusion2.1", "machineunlearning"}
    assert kg.filter_entities(search="stabel diffusion 2.1")[1] == ["stablediffusion2.1"]
    assert set(kg.filter_entities(search="cifar")[1]) == {"cifar10", "cifar100"}


def test_stats_count_by_type(kg):
    stats = kg.stats()
    assert stats.papers == len(PAPERS) and stats.entities == len(ENTITIES)
    assert stats.edges == kg.graph.number_of_edges()
    assert stats.entities_by_type[EntityType.BENCHMARK] == 3
    assert stats.papers_by_type[EntityType.TASK] == 2  # muse and restor: machine unlearning
    assert stats.results == sum(len(r) for r in kg.results_of([seed_id(k) for k in PAPERS]).values())


def test_the_index_follows_a_rebuilt_graph(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    assert kg.page_papers_of("ffhq")[0] == 1
    kg.graph.remove_node(paper_node(seed_id("dc-solver")))
    assert kg.page_papers_of("ffhq")[0] == 0
    kg.graph.add_edge(paper_node(seed_id("mlps")), entity_node("ffhq"), mentions=1, role=Role.USES, confidence=1.0)
    kg.invalidate_index()
    assert kg.page_papers_of("ffhq") == (1, [seed_id("mlps")])
    kg.store.close()


def test_name_matcher_matches_prefix_substring_and_typos():
    matcher = NameMatcher([("rewardbench", "rb"), ("rewardbench2", "rb2"), ("gsm8k", "gsm"), ("mgsm", "mgsm")],
                          {"rb": "RewardBench"})
    assert matcher.match("reward") == {"rb", "rb2"}
    assert matcher.match("GSM") == {"gsm", "mgsm"}
    assert "rb" in matcher.match("rewardbnech") and "gsm" not in matcher.match("rewardbnech")
    assert matcher.match("%") == set()
