"""graph/ingest_stages.py: an ingest logs the time and memory of each of its stages."""

import logging

from paperkg.graph.ingest_stages import StageClock, peak_rss_mb

from seed_page import SEED
from store_dumps import ingest_into


def test_each_stage_of_an_ingest_logs_its_seconds_and_peak_memory(tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="paperkg.graph.ingest_stages"):
        ingest_into(tmp_path / "kg.db", [SEED], batch_size=8, workers=1)
    lines = [r.getMessage() for r in caplog.records if r.name == "paperkg.graph.ingest_stages"]
    assert [line.split(":")[0] for line in lines] == [
        "ingest stage batches", "ingest stage indexes", "ingest stage entities touched", "ingest stage corpus step",
        "ingest stage read indexes"]
    assert all("s CPU here" in line and "peak RSS" in line for line in lines)


def test_a_lap_counts_the_cpu_spent_since_the_last_one(caplog):
    clock = StageClock()
    sum(i * i for i in range(2_000_000))
    with caplog.at_level(logging.INFO, logger="paperkg.graph.ingest_stages"):
        clock.lap("busy")
        clock.lap("idle")
    busy, idle = (float(r.getMessage().split("wall, ")[1].split(" s CPU")[0]) for r in caplog.records)
    assert busy > idle
    assert peak_rss_mb() > 10
