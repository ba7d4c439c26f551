"""Extraction on a Dask cluster (graph/extract/dask_pool.py): the store ends up identical
to a one-process ingest; an unreachable scheduler or a dead worker is one clear error."""

import os
import signal
import socket
import sys

import pytest

pytest.importorskip("distributed", reason="Dask is not installed: pip install -e '.[test]' (it brings paperkg[dask])")

from click.testing import CliRunner  # noqa: E402
from distributed import LocalCluster  # noqa: E402

from paperkg.api.cli import main  # noqa: E402
from paperkg.graph.errors import WorkerError  # noqa: E402
from paperkg.graph.extract import dask_pool  # noqa: E402
from paperkg.graph.ingest import iter_batches, iter_records, IngestReport  # noqa: E402
from paperkg.graph.ingest_batches import write_batches  # noqa: E402
from paperkg.graph.ingest_extractors import known_entities  # noqa: E402
from paperkg.graph.store import Store  # noqa: E402

from seed_page import SEED  # noqa: E402
from store_dumps import dump, ingest_into, write_repeating_corpus  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes (one thread each) and a scheduler, all on 127.0.0.1."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        yield local


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_dask_ingest_stores_what_one_process_stores(tmp_path, cluster):
    corpus = write_repeating_corpus(tmp_path)
    one = ingest_into(tmp_path / "one.db", [SEED, corpus], batch_size=4, workers=1)
    result = CliRunner().invoke(main, ["ingest", str(SEED), str(corpus), "--db", str(tmp_path / "dask.db"),
                                       "--batch-size", "4", "--quiet", "--dask", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == one
    assert dump(tmp_path / "one.db") == dump(tmp_path / "dask.db")
    with Store(tmp_path / "dask.db") as store:
        assert store.entities_by_origin("discovered"), "the seed page introduces names"


def test_unreachable_scheduler_is_one_error_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_pool, "CONNECT_TIMEOUT", 2)
    address = f"tcp://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(main, ["ingest", str(SEED), "--db", str(tmp_path / "kg.db"), "--dask", address])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith(f"Error: cannot reach the Dask scheduler at {address}"), result.output
    assert "dask scheduler" in lines[-1] and "Traceback" not in result.output
    with Store(tmp_path / "kg.db") as store:
        assert store.count_papers() == 0


def test_without_dask_the_option_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "paperkg.graph.extract.dask_pool")
    result = CliRunner().invoke(main, ["ingest", str(SEED), "--db", str(tmp_path / "kg.db"),
                                       "--dask", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert "pip install 'paperkg[dask]'" in result.output.strip().splitlines()[-1]


def test_dead_worker_stops_the_ingest_keeping_what_was_stored(tmp_path, cluster):
    """A worker killed after the first batch is stored: one error naming it, and the store
    holds exactly the batches reported written, whole."""
    written: list[int] = []
    batches = iter_batches(iter_records([SEED], None, None, IngestReport(), None), 2)  # 9 batches
    with Store(tmp_path / "kg.db") as store, \
            dask_pool.DaskPool(cluster.scheduler_address, known_entities(store)) as pool:
        victim = pool.workers[1]
        pid = next(n.process.process.pid for n in cluster.workers.values() if n.worker_address == victim)

        def on_batch(size: int) -> None:
            written.append(size)
            if len(written) == 1:
                os.kill(pid, signal.SIGKILL)

        with pytest.raises(WorkerError) as caught:
            write_batches(batches, store, pool.extract_batches, on_batch=on_batch)
        assert victim in str(caught.value) and "run the ingest again" in str(caught.value)
    with Store(tmp_path / "kg.db") as store:
        assert written and store.count_papers() == sum(written)


def test_scheduler_without_workers_is_one_error_saying_so(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_pool, "CONNECT_TIMEOUT", 2)
    with LocalCluster(n_workers=0, processes=False, protocol="tcp://", host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as empty:
        result = CliRunner().invoke(main, ["ingest", str(SEED), "--db", str(tmp_path / "kg.db"),
                                           "--dask", empty.scheduler_address])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith(
        f"Error: the Dask scheduler at {empty.scheduler_address} has no workers"), result.output


def test_dask_and_workers_together_are_refused(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(SEED), "--db", str(tmp_path / "kg.db"),
                                       "--workers", "2", "--dask", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--workers (local processes) or --dask (a cluster), not both" in result.output
    assert not (tmp_path / "kg.db").exists()
