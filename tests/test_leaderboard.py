"""graph/leaderboard.py: results sorted in their metric's direction."""

import pytest

from paperkg.graph.errors import QuestionError
from paperkg.graph.leaderboard import Direction, build_board, metric_direction
from paperkg.graph.records import Result, entity_key

from seed_graph import seed_id


def result(paper, value, metric, entity="imagenet"):
    return Result(paper, "abstract", 0, 4, f"{value} {metric}", entity, metric, value, None, None,
                  entity_key(metric) if metric else None)


@pytest.fixture(scope="module")
def kg(seed_kg_factory):
    return seed_kg_factory()


@pytest.mark.parametrize("metric, direction", [
    ("FID", Direction.LOWER_IS_BETTER), ("perplexity", Direction.LOWER_IS_BETTER),
    ("Word Error Rate", Direction.LOWER_IS_BETTER), ("accuracy", Direction.HIGHER_IS_BETTER),
    ("BLEU", Direction.HIGHER_IS_BETTER), (None, Direction.HIGHER_IS_BETTER),
])
def test_metric_directions(metric, direction):
    assert metric_direction(entity_key(metric) if metric else None) == direction


def test_a_lower_is_better_board_puts_the_smallest_first():
    board = build_board([result("a", 10.4, "FID"), result("b", 2.1, "FID"), result("c", 90.0, "accuracy"),
                         result("d", 5.0, "FID")], {"fid"})
    assert [r.value for r in board.results] == [2.1, 5.0, 10.4]
    assert board.direction == Direction.LOWER_IS_BETTER


def test_without_a_metric_the_most_reported_one_is_ranked_higher_first():
    board = build_board([result("a", 71.0, "accuracy"), result("b", 80.5, "accuracy"), result("c", 3.0, "FID"),
                         result("d", 60.0, None)])
    assert board.metric_key == "accuracy" and [r.value for r in board.results] == [80.5, 71.0]
    assert board.metrics[0] == ("accuracy", "accuracy", 2)


def test_a_stated_metric_wins_a_tie_with_unstated_results():
    board = build_board([result("a", 1.0, None), result("b", 2.0, "accuracy")])
    assert board.metric_key == "accuracy"


def test_direction_can_be_overridden():
    board = build_board([result("a", 1.0, "score"), result("b", 2.0, "score")], None, Direction.LOWER_IS_BETTER)
    assert [r.value for r in board.results] == [1.0, 2.0]


def test_rewardbench_accuracy_board_of_the_seed_page(kg):
    board = kg.leaderboard("rewardbench", "Accuracy")
    assert [(r.value, r.model_id, r.paper_id) for r in board.results] == [(87.8, "flamerm24b", seed_id("flame"))]
    assert "87.8%" in board.results[0].sentence


def test_ffhq_fid_board_is_lower_is_better_through_an_alias(kg):
    board = kg.leaderboard("ffhq", "Frechet Inception Distance")
    assert board.direction == Direction.LOWER_IS_BETTER
    assert [r.value for r in board.results] == [10.38]


def test_an_empty_metric_is_refused(kg):
    with pytest.raises(QuestionError, match="names no metric"):
        kg.leaderboard("ffhq", "--")
