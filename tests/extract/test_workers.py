"""Extraction in worker processes: the store ends up identical to a one-process ingest."""

import sqlite3
from pathlib import Path

import pytest

from paperkg.graph.extract.workers import (
    ExtractionPool, decode_extraction, encode_extraction, may_introduce, reading_marks,
)
from paperkg.graph.mention_readings import may_introduce_sql, reads_of
from paperkg.graph.extract import Extractor
from paperkg.graph.records import Paper
from paperkg.graph.store import Store

from seed_page import SEED
from store_dumps import dump, ingest_into, write_repeating_corpus


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_repeating_corpus(tmp_path)


def test_two_workers_store_what_one_process_stores(tmp_path, corpus):
    one = ingest_into(tmp_path / "one.db", [SEED, corpus], batch_size=4, workers=1)
    two = ingest_into(tmp_path / "two.db", [SEED, corpus], batch_size=4, workers=2)
    assert one == two
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    with Store(tmp_path / "two.db") as store:
        assert store.entities_by_origin("discovered"), "the seed page introduces names"


def test_reingest_with_workers_changes_nothing(tmp_path):
    ingest_into(tmp_path / "kg.db", [SEED], batch_size=4, workers=2)
    before = dump(tmp_path / "kg.db")
    summary = ingest_into(tmp_path / "kg.db", [SEED], batch_size=4, workers=2)
    assert "0 new, 0 updated" in summary
    assert dump(tmp_path / "kg.db") == before


def test_plain_records_round_trip():
    extractor = Extractor.default()
    paper = Paper("p1", "RewardBench: evaluating reward models",
                  "We evaluate GPT-4 on ImageNet and reach 93% accuracy on CIFAR10.")
    (extraction,) = extractor.extract([paper])
    assert extraction.mentions and extraction.results
    assert decode_extraction(paper, encode_extraction(extraction)) == extraction


def test_mentions_travel_with_their_sentences_as_spans():
    """A worker sends a mention's sentence as its span in the paper's field, which the parent
    holds: the reply carries none of the sentences' text, and decoding gives each back."""
    extractor = Extractor.default()
    paper = Paper("p1", "GPT-4 on ImageNet", "We evaluate GPT-4 on ImageNet. BERT is compared with GPT-4.")
    (extraction,) = extractor.extract([paper])
    row = encode_extraction(extraction)
    sentences = {m.sentence for m in extraction.mentions}
    assert len(sentences) > 1 and not sentences & {value for mention in row[0] for value in mention}
    decoded = decode_extraction(paper, row)
    assert [(m.sentence, m.sentence_start, m.sentence_end) for m in decoded.mentions] == \
        [(m.sentence, m.sentence_start, m.sentence_end) for m in extraction.mentions]
    assert all(m.sentence == paper.field_text(m.field)[m.sentence_start:m.sentence_end] for m in decoded.mentions)


def test_a_batch_decodes_each_entity_once():
    extractor = Extractor.default()
    papers = [Paper("p1", "GPT-4 on ImageNet", "We evaluate GPT-4 on ImageNet."),
              Paper("p2", "ImageNet again", "GPT-4 is compared with BERT on ImageNet.")]
    extractions = list(extractor.extract(papers))
    decoded: dict = {}
    first, second = (decode_extraction(x.paper, encode_extraction(x), decoded) for x in extractions)
    assert [first, second] == extractions
    shared = {e.id for e in first.entities} & {e.id for e in second.entities}
    assert shared, "both papers name GPT-4 and ImageNet"
    by_id = {e.id: e for e in first.entities}
    assert all(by_id[e.id] is e for e in second.entities if e.id in shared)


@pytest.mark.parametrize("sentence, text", [
    ("We INTRODUCE FooNet, a model.", "FooNet"),
    ("A Proposed method, FooNet, is fast.", "FooNet"),
    ("FooNet (a model) is presented here.", "FooNet"),
    ("It beats (FooNet) by far.", "FooNet"),
    ("FooNet beats BarNet on ImageNet.", "FooNet"),
    ("Wir stellen FooNet vor, ein Modell.", "FooNet"),
    ("FooNet: A Benchmark for Pruning", "FooNet"),
    ("BarNet: FooNet: A Benchmark", "FooNet"),
    ("We İNTRODUCE FooNet.", "FooNet"),  # no case folding beyond ASCII in either
    ("We study foonet (small).", "FooNet"),
])
def test_may_introduce_holds_wherever_the_stores_sql_does(sentence, text):
    with sqlite3.connect(":memory:") as db:
        in_sql = db.execute(f"SELECT {may_introduce_sql('m.sentence')} FROM (SELECT ? AS sentence, ? AS text) AS m",
                            (sentence, text)).fetchone()[0]
    assert may_introduce(sentence, text) == bool(in_sql)


def test_workers_mark_mentions_the_corpus_step_may_read():
    extractor = Extractor.default()
    paper = Paper("p1", "FooNet", "We introduce FooNet, a model for pruning. GPT-4 leads on MMLU.")
    (extraction,) = extractor.extract([paper])
    marks = reading_marks(extraction)
    for mention, mark in zip(extraction.mentions, marks):
        if "introduce" in mention.sentence:
            assert mark == reads_of(mention.sentence, mention.text)
        elif mention.entity_id not in {e.id for e in extraction.entities if e.origin == "discovered"}:
            assert mark is None
    assert 1 in marks and None in marks


def test_workers_end_when_their_ingest_is_gone():
    # a killed ingest closes nothing itself: the kernel closes its ends of the pipes, and each
    # worker must then see its pipe end (it waited for ever while the workers held those ends)
    pool = ExtractionPool(2)
    try:
        for conn in pool._conns:
            conn.close()
        for proc in pool._procs:
            proc.join(timeout=30)
        assert not any(proc.is_alive() for proc in pool._procs)
    finally:
        for proc in pool._procs:
            proc.kill()
