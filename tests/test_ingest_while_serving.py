"""An ingest while `paperkg serve` runs on the same database (graph/store.py, WAL mode):
every query answers, none says "database is locked", readers never see half a batch, and
the server sees the new papers without a restart."""

import subprocess
import sys
import threading
import time

import httpx
import pytest
from click.testing import CliRunner

from paperkg.api.cli import main

from seed_graph import SEED_PAGE

BATCH = 100
NEW = 1000
COUNT = "{ papers { totalCount } }"


def cli(*args):
    return [sys.executable, "-m", "paperkg.api.cli", *map(str, args)]


@pytest.fixture
def serving(tmp_path, free_port):
    """A server on a database of the seed page: (url, db)."""
    db = tmp_path / "kg.db"
    assert CliRunner().invoke(main, ["ingest", str(SEED_PAGE), "--db", str(db), "--quiet"]).exit_code == 0
    server = subprocess.Popen(cli("serve", "--db", db, "--port", free_port),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{free_port}/graphql"
    try:
        for _ in range(240):
            try:
                if httpx.post(url, json={"query": COUNT}, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.25)
        else:
            pytest.fail("the server did not start")
        yield url, db
    finally:
        server.terminate()
        server.wait(timeout=20)


def query(url, document, **variables):
    response = httpx.post(url, json={"query": document, "variables": variables}, timeout=30)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


@pytest.mark.server
def test_queries_answer_and_see_whole_batches_while_an_ingest_writes(serving, tmp_path, arxiv_records):
    url, db = serving
    corpus = arxiv_records(tmp_path / "new.jsonl", NEW)
    seen, failures = [], []
    ingest = subprocess.Popen(cli("ingest", corpus, "--db", db, "--quiet", "--batch-size", BATCH),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def read_while_writing():
        while ingest.poll() is None:
            try:
                seen.append(query(url, COUNT)["papers"]["totalCount"])
                query(url, '{ papers(search: "RoBERTa", first: 5) { totalCount edges { node { id title } } } }')
            except (AssertionError, httpx.HTTPError) as exc:
                failures.append(repr(exc))

    readers = [threading.Thread(target=read_while_writing) for _ in range(3)]
    for reader in readers:
        reader.start()
    out, err = ingest.communicate(timeout=600)
    for reader in readers:
        reader.join()
    assert ingest.returncode == 0 and "locked" not in err, err
    assert failures == [], failures[:3]
    assert len(seen) > 3 and all((count - 17) % BATCH == 0 for count in seen), sorted(set(seen))
    assert query(url, COUNT)["papers"]["totalCount"] == 17 + NEW
    assert query(url, '{ paper(id: "2503.00999") { title } }')["paper"]["title"].startswith("Revisiting")


@pytest.mark.server
def test_the_server_graph_sees_new_papers_without_a_restart(serving, tmp_path, arxiv_records):
    url, db = serving
    corpus = arxiv_records(tmp_path / "new.jsonl", 50)
    subprocess.run(cli("ingest", corpus, "--db", db, "--quiet"), check=True, capture_output=True)
    time.sleep(1)
    sharing = query(url, '{ papersSharing(paperId: "2503.00001", first: 5) { paper { id } } }')
    assert len(sharing["papersSharing"]) == 5
    entity = query(url, '{ entity(name: "RoBERTa") { papers { totalCount } } }')["entity"]
    assert entity["papers"]["totalCount"] >= 50
