"""graph/live.py: a KnowledgeGraph takes in papers written after it was built, by any writer."""

import networkx as nx

from paperkg.graph.kg import KnowledgeGraph, build_graph
from paperkg.graph.queries import paper_node
from paperkg.graph.store import Store

from seed_graph import build_seed_graph, copied_extractions, seed_extractions
from store_dumps import keep_sentences_as_text


def graph_signature(graph: nx.Graph) -> tuple:
    nodes = sorted((n, tuple(sorted(d.items()))) for n, d in graph.nodes(data=True))
    edges = sorted((*sorted((a, b)), tuple(sorted(d.items()))) for a, b, d in graph.edges(data=True))
    return nodes, edges


def test_papers_written_by_another_connection_appear_after_refresh(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    before = kg.paper_total
    other = Store(tmp_path / "kg.db")  # another process's connection, as `paperkg ingest` would open
    copies = copied_extractions(1)
    other.write_batch(copies)
    assert paper_node(copies[0].paper.id) not in kg.graph

    added = kg.refresh()

    assert sorted(added) == sorted(e.paper.id for e in copies)
    assert kg.paper_total == before + len(copies)
    # Refreshed in place equals built from scratch.
    assert graph_signature(kg.graph) == graph_signature(build_graph(kg.store))
    assert kg.refresh() == []


def test_a_deleted_paper_leaves_the_graph(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    gone = seed_extractions()[0].paper.id
    assert Store(tmp_path / "kg.db").delete_paper(gone)
    assert kg.refresh() == []
    assert paper_node(gone) not in kg.graph
    assert kg.paper(gone) is None
    assert graph_signature(kg.graph) == graph_signature(build_graph(kg.store))


def test_deleting_an_unknown_paper_says_false(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    assert kg.store.delete_paper("no-such-paper") is False


def test_a_changed_paper_gets_its_new_edges_and_is_not_announced_as_new(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    original = seed_extractions()[0]
    fewer = original.__class__(original.paper, original.mentions[:1], original.entities, original.results)
    Store(tmp_path / "kg.db").write_batch([fewer], force=True)
    assert kg.refresh() == []
    assert kg.graph.degree(paper_node(original.paper.id)) == 1
    assert graph_signature(kg.graph) == graph_signature(build_graph(kg.store))


def test_the_feed_lists_additions_after_a_position(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    start = kg.feed.position
    copies = copied_extractions(1)
    kg.store.write_batch(copies)  # the server's own connection (a mutation) is seen too
    kg.refresh()
    position, ids = kg.feed.since(start)
    assert ids == [e.paper.id for e in copies]  # in the order they were written
    assert kg.feed.since(position) == (position, [])


def test_a_version_2_database_gets_the_change_log_and_logs_from_then_on(tmp_path):
    path = tmp_path / "old.db"
    store = Store(path)
    store.write_batch(seed_extractions())
    for name in ("papers_inserted", "papers_updated", "papers_deleted"):
        store._db.execute(f"DROP TRIGGER {name}")
    store._db.execute("DROP TABLE paper_changes")
    for column in ("year", "venue", "doi"):  # added at version 5
        store._db.execute(f"ALTER TABLE papers DROP COLUMN {column}")
    for index in ("mentions_unmarked", "mentions_reading"):  # of the reading marks, version 7
        store._db.execute(f"DROP INDEX {index}")
    store._db.execute("DROP TABLE weighed_forms")
    for table in ("mentions", "held_mentions"):  # votes, added at version 6, reading marks at 7
        for column in ("evidence", "defines", "reads"):
            store._db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    keep_sentences_as_text(store._db)  # as every version before 10 kept them
    store._db.execute("PRAGMA user_version = 2")
    store.close()

    kg = KnowledgeGraph.open(path)
    assert kg.change_seq == 0 and kg.paper_total == len(seed_extractions())
    Store(path).write_batch(copied_extractions(1))
    assert len(kg.refresh()) == len(seed_extractions())
