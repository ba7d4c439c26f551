"""The time and memory of each stage of an ingest, logged for `paperkg -v ingest`.

An ingest runs in stages: the batches (read, extract, store), the indexes the corpus step
reads built after them, finding the entities the papers name, the corpus step, and the
readers' other indexes built after it (the two index stages take time only in a bulk load
into an empty store, `store_indexes.py`). Each logs one INFO line with its
wall seconds, the CPU seconds of this process and of the extraction workers, and this
process's peak resident memory so far, so that a slow or large run shows which stage to
look at, on a loaded machine too (CPU seconds do not count the time others took).
"""

from __future__ import annotations

import logging
import resource
import time

log = logging.getLogger(__name__)


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StageClock:
    """Times the stages of an ingest one after another: each `lap` logs the stage that
    ends there, from the end of the one before (or from the clock's start).

    CPU "in workers" counts the child processes that ended within the stage (the
    extraction workers end with the batches)."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        self._wall = time.perf_counter()
        self._here = _cpu_seconds(resource.RUSAGE_SELF)
        self._children = _cpu_seconds(resource.RUSAGE_CHILDREN)

    def lap(self, name: str) -> None:
        """Log the stage `name`, which ends now, and start the next one."""
        log.info("ingest stage %s: %.1f s wall, %.1f s CPU here, %.1f s CPU in workers, peak RSS %.0f MB",
                 name, time.perf_counter() - self._wall, _cpu_seconds(resource.RUSAGE_SELF) - self._here,
                 _cpu_seconds(resource.RUSAGE_CHILDREN) - self._children, peak_rss_mb())
        self._start()
