"""Leaderboards: the results reported on a dataset or benchmark for one metric, best first.

"Best" depends on the metric: accuracy and BLEU are higher-is-better, FID and perplexity
lower-is-better. paperkg's gazetteer does not record a direction, so `LOWER_IS_BETTER`
lists the error-like metrics by their `entity_key`; every other metric, and a result
whose metric is not stated, counts as higher-is-better (the common case: accuracy,
F1, pass@k, win rate). A caller who knows better passes `direction`.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .records import Result, entity_key


class Direction(str, enum.Enum):
    """Which way a metric improves."""

    HIGHER_IS_BETTER = "HIGHER_IS_BETTER"
    LOWER_IS_BETTER = "LOWER_IS_BETTER"


# entity_key of metrics (and their usual abbreviations) where a smaller number is better.
LOWER_IS_BETTER = frozenset(entity_key(name) for name in [
    "FID", "Frechet Inception Distance", "FVD", "KID", "LPIPS", "MSE", "mean squared error", "RMSE",
    "root mean squared error", "MAE", "mean absolute error", "perplexity", "PPL", "WER", "word error rate",
    "CER", "character error rate", "TER", "error", "error rate", "top-1 error", "top-5 error", "loss",
    "EER", "equal error rate", "latency", "inference time", "runtime", "bits per dimension", "BPD",
    "bits per character", "BPC", "Chamfer distance", "EPE", "end-point error", "ATE", "ADE", "FDE",
    "miss rate", "NLL", "negative log-likelihood", "ECE", "expected calibration error", "MAPE", "sMAPE",
    "CRPS", "Hausdorff distance", "HD95", "attack success rate", "ASR", "hallucination rate",
    "memory usage", "FLOPs", "parameters", "NFE", "collision rate", "MSE loss",
])


def metric_direction(metric_key: str | None) -> Direction:
    """The direction of a metric given by its `entity_key`; unknown metrics improve upwards."""
    return Direction.LOWER_IS_BETTER if metric_key in LOWER_IS_BETTER else Direction.HIGHER_IS_BETTER


def result_metric_key(result: Result) -> str | None:
    """What metric a result measures, as a key: its METRIC entity id, else its text's key."""
    if result.metric_id:
        return result.metric_id
    return entity_key(result.metric) if result.metric else None


@dataclass(frozen=True)
class Board:
    """A leaderboard: the chosen metric, its direction, the sorted results, and what else was reported."""

    metric_key: str | None
    metric_name: str | None
    direction: Direction
    results: list[Result]
    metrics: list[tuple[str | None, str | None, int]]  # (key, a name as written, results)


def build_board(
    results: Iterable[Result],
    metric_keys: set[str] | None = None,
    direction: Direction | None = None,
) -> Board:
    """Sort the results of one metric in its direction.

    Args:
        results: every result on the dataset or benchmark.
        metric_keys: the keys (entity id and alias keys) of the metric asked for; None
            takes the metric reported most often (results with no stated metric form a
            group of their own, key None, which loses ties).
        direction: overrides the direction of the metric.

    Returns:
        A Board; ties keep paper id and text order.
    """
    results = list(results)
    groups = Counter(result_metric_key(r) for r in results)
    written = {}
    for r in results:
        written.setdefault(result_metric_key(r), r.metric)
    metrics = sorted(((k, written[k], n) for k, n in groups.items()), key=lambda m: (-m[2], m[0] is None, m[0] or ""))
    if metric_keys is None:
        chosen = metrics[0][0] if metrics else None
        keys = {chosen}
    else:
        keys = set(metric_keys)
        chosen = next((k for k, _, _ in metrics if k in keys), next(iter(sorted(keys)), None))
    picked = [r for r in results if result_metric_key(r) in keys]
    direction = direction or metric_direction(chosen)
    sign = -1 if direction is Direction.HIGHER_IS_BETTER else 1
    picked.sort(key=lambda r: (sign * r.value, r.paper_id, r.field, r.start))
    name = next((r.metric for r in picked if r.metric), None)
    return Board(chosen, name, direction, picked, metrics)
