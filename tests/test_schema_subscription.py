"""schema/subscription.py in-process: papersAdded announces new papers that use the entity, only those."""

import asyncio

import pytest

from paperkg.schema import subscription
from paperkg.schema.build import build_schema
from paperkg.schema.context import build_context

from seed_graph import build_seed_graph, copied_extractions, seed_id


@pytest.fixture
def kg(tmp_path, monkeypatch):
    monkeypatch.setattr(subscription, "POLL_SECONDS", 0.05)
    graph = build_seed_graph(tmp_path / "kg.db")
    yield graph
    graph.store.close()


async def first_of(kg, query: str, write=None):
    feed = await build_schema().subscribe(query, context_value=build_context(kg))
    waiting = asyncio.ensure_future(feed.__anext__())
    await asyncio.sleep(0.2)
    if write:
        write()
    try:
        return await asyncio.wait_for(waiting, timeout=10)
    finally:
        await feed.aclose()


def test_a_new_paper_using_the_entity_is_announced(kg):
    copies = copied_extractions(1)
    flame_copy = next(e.paper.id for e in copies if e.paper.title.startswith(kg.paper(seed_id("flame")).title))
    result = asyncio.run(first_of(kg, 'subscription { papersAdded(entity: "RewardBench") { id } }',
                                  lambda: kg.store.write_batch(copies)))
    assert result.errors is None
    # Six papers were added; the only one that uses RewardBench is the copy of FLAMe's paper.
    assert result.data == {"papersAdded": {"id": f"paper/{flame_copy}"}}


def test_an_unknown_entity_is_an_error_naming_it(kg):
    result = asyncio.run(first_of(kg, 'subscription { papersAdded(entity: "NoSuchBench") { id } }'))
    assert result.errors[0].message.startswith("no entity named 'NoSuchBench'")
