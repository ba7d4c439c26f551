"""A real GraphQL client (gql) against the app on a real uvicorn: a query, a mutation, and a
subscription that announces papers written by a separate `paperkg ingest` process."""

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

gql = pytest.importorskip("gql", reason="the gql client is in the test extra: pip install -e '.[test]'")
from gql import Client  # noqa: E402
from gql.transport.httpx import HTTPXAsyncTransport  # noqa: E402
from gql.transport.websockets import WebsocketsTransport  # noqa: E402

from paperkg.api.app import create_app  # noqa: E402
from paperkg.schema import subscription  # noqa: E402

from live_fixtures import API_KEY, arxiv_record, serving  # noqa: E402
from seed_graph import PAPERS, build_seed_graph  # noqa: E402

PAPERKG = str(Path(sys.executable).parent / "paperkg")
SUBSCRIBE = 'subscription { papersAdded(entity: "RewardBench") { id title } }'


@pytest.fixture
def served(tmp_path, monkeypatch):
    monkeypatch.setenv("PAPERKG_API_KEY", API_KEY)
    monkeypatch.setattr(subscription, "POLL_SECONDS", 0.1)
    kg = build_seed_graph(tmp_path / "kg.db")
    with serving(create_app(kg)) as address:
        yield address, tmp_path / "kg.db"
    kg.store.close()


async def query_and_mutate(address: str) -> tuple[dict, dict]:
    transport = HTTPXAsyncTransport(url=f"http://{address}/graphql", headers={"X-API-Key": API_KEY}, timeout=120)
    async with Client(transport=transport) as session:
        total = await session.execute(gql.gql("{ papers { totalCount } }"))
        ingested = await session.execute(
            gql.gql("mutation ($t: String!) { ingest(text: $t) { added paperIds } }"),
            variable_values={"t": arxiv_record("2503.00007", "Reward models, judged") + "\n"})
    return total, ingested


@pytest.mark.server
def test_gql_runs_a_query_and_a_mutation_over_http(served):
    address, _ = served
    total, ingested = asyncio.run(query_and_mutate(address))
    assert total == {"papers": {"totalCount": len(PAPERS)}}
    assert ingested == {"ingest": {"added": 1, "paperIds": ["paper/2503.00007"]}}


async def first_announcement(address: str, db: Path) -> dict:
    transport = WebsocketsTransport(url=f"ws://{address}/graphql",
                                    subprotocols=["graphql-transport-ws"])
    async with Client(transport=transport) as session:
        feed = session.subscribe(gql.gql(SUBSCRIBE))
        waiting = asyncio.ensure_future(feed.__anext__())
        await asyncio.sleep(0.3)  # subscribed before the ingest starts
        source = db.parent / "new.jsonl"
        source.write_text(arxiv_record("2503.00008", "A paper on something else",
                                       "We study graph coloring with a new heuristic.") + "\n"
                          + arxiv_record("2503.00009", "Reward models, judged again") + "\n")
        done = await asyncio.to_thread(subprocess.run, [PAPERKG, "ingest", str(source), "--db", str(db)],
                                       capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return await asyncio.wait_for(waiting, timeout=30)


@pytest.mark.server
def test_gql_subscription_announces_a_paper_from_another_ingest_process(served):
    address, db = served
    announced = asyncio.run(first_announcement(address, db))
    assert announced == {"papersAdded": {"id": "paper/2503.00009", "title": "Reward models, judged again"}}
