"""graph/record_cache.py: records remembered between reads, never past a change of the store."""

from dataclasses import replace

from paperkg.graph.record_cache import RecordCache
from paperkg.graph.store import Store

from seed_graph import build_seed_graph, seed_extractions


class CountingReader:
    """Reads records by id from a dict, recording which ids it was asked for."""

    def __init__(self, records: dict[str, str]):
        self.records = records
        self.asked: list[list[str]] = []

    def __call__(self, ids):
        self.asked.append(list(ids))
        return {i: self.records[i] for i in ids if i in self.records}


def test_only_ids_not_remembered_are_read():
    read = CountingReader({"a": "A", "b": "B", "c": "C"})
    cache = RecordCache(size=10)
    assert cache.get_many(["a", "b"], 1, read) == {"a": "A", "b": "B"}
    assert cache.get_many(["a", "b", "c", "zzz"], 1, read) == {"a": "A", "b": "B", "c": "C"}
    assert read.asked == [["a", "b"], ["c", "zzz"]]


def test_a_new_state_of_the_store_forgets_every_record():
    read = CountingReader({"a": "A"})
    cache = RecordCache(size=10)
    cache.get_many(["a"], 1, read)
    read.records["a"] = "A2"
    assert cache.get_many(["a"], 2, read) == {"a": "A2"}
    assert read.asked == [["a"], ["a"]]


def test_the_least_recently_used_records_go_first():
    read = CountingReader({k: k.upper() for k in "abcd"})
    cache = RecordCache(size=2)
    cache.get_many(["a", "b"], 1, read)
    cache.get_many(["a"], 1, read)  # a is now the most recent
    cache.get_many(["c"], 1, read)  # b goes
    read.asked.clear()
    cache.get_many(["a", "b", "c"], 1, read)
    assert read.asked == [["b"]]
    assert len(cache) == 2


def test_a_graph_never_serves_a_record_the_store_has_since_changed(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    first = seed_extractions()[0]
    gone = seed_extractions()[1].paper.id
    assert kg.paper(first.paper.id).title == first.paper.title and kg.paper(gone) is not None
    writer = Store(tmp_path / "kg.db")  # another process, as `paperkg ingest` would be
    retitled = replace(first, paper=replace(first.paper, title="A New Title"),
                       mentions=tuple(m for m in first.mentions if m.field != "title"))  # the old title's
    writer.write_batch([retitled], force=True)
    assert writer.delete_paper(gone)
    kg.refresh()
    assert kg.paper(first.paper.id).title == "A New Title"
    assert kg.paper(gone) is None
