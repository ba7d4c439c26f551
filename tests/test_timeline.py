"""graph/timeline.py: an entity's papers per month, and trending entities between two windows."""

from collections import Counter

import pytest

from paperkg.graph.errors import QuestionError
from paperkg.graph.queries import entity_node
from paperkg.graph.records import EntityType

from seed_graph import ENTITIES


@pytest.fixture(scope="module")
def kg(seed_kg_factory):
    return seed_kg_factory(copies=2)


@pytest.mark.parametrize("name", sorted(ENTITIES))
def test_timeline_counts_sum_to_the_paper_count_and_match_the_dates(kg, name):
    entity_id = ENTITIES[name].id
    months = kg.timeline(entity_id)
    assert sum(m.papers for m in months) == kg.paper_counts([entity_id])[entity_id]
    papers = kg.graph[entity_node(entity_id)]
    assert {m.month: m.papers for m in months} == Counter(kg.graph.nodes[p]["date"][:7] for p in papers)
    assert [m.month for m in months] == sorted(m.month for m in months)


def test_timeline_with_variants_counts_the_family(kg):
    assert kg.timeline("stablediffusion") == []
    family = kg.timeline("stablediffusion", include_variants=True)
    assert [(m.month, m.papers) for m in family] == [("2024-09", 3), ("2025-06", 3)]


def test_trending_compares_shares_of_two_windows(kg):
    windows, total, trends = kg.trending(EntityType.MODEL, months=6, min_papers=1)
    assert windows.describe() == ("2024-07", "2024-12", "2025-01", "2025-06")
    # Recent window: blindspots (3 copies); previous: dc-solver, flame, muse and restor (3 each).
    by_id = {t.entity_id: t for t in trends}
    assert by_id["dinov2"].recent_papers == 3 and by_id["dinov2"].previous_papers == 0
    assert by_id["stablediffusion2.1"].previous_papers == 3
    assert by_id["dinov2"].growth == pytest.approx((3 + 1) / (3 + 1) / ((0 + 1) / (12 + 1)))
    assert by_id["dinov2"].growth > by_id["stablediffusion2.1"].growth
    assert [t.growth for t in trends] == sorted((t.growth for t in trends), reverse=True)
    assert total == len(trends)


def test_trending_leaves_out_entities_below_min_papers(kg):
    _, total, _ = kg.trending(EntityType.MODEL, months=6, min_papers=4)
    assert total == 0


@pytest.mark.parametrize("months, until, message", [
    (0, None, "months: 0 is too small"),
    (3, "June 2025", "until: 'June 2025' is not a date"),
    (3, "2025-13", "until: '2025-13' is not a date"),
])
def test_bad_windows_say_what_to_pass(kg, months, until, message):
    with pytest.raises(QuestionError, match=message):
        kg.trending(EntityType.MODEL, months=months, until=until)
