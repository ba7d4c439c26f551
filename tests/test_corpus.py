"""The corpus step (graph/corpus.py) on a small real store of corpus sentences."""

from __future__ import annotations

import gzip
import os
import sqlite3
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path

import pytest

from paperkg.graph.corpus import settle_corpus, store_min_confidence, stored_min_confidence
from paperkg.graph.ingest import ingest_paths
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

BENCHMARK, TASK, MODEL, METHOD = EntityType.BENCHMARK, EntityType.TASK, EntityType.MODEL, EntityType.METHOD


def extraction(pid: str, sentence: str, name: str, type_: EntityType, confidence: float = 0.8,
               origin: str = "discovered") -> PaperExtraction:
    """A paper whose abstract is one sentence, with one mention of `name` in it."""
    start = sentence.index(name)
    paper = Paper(pid, f"Paper {pid}", sentence)
    mention = Mention(pid, "abstract", start, start + len(name), name, sentence, type_,
                      entity_id(name), confidence, "kg_shapes")
    return PaperExtraction(paper, (mention,), (Entity(entity_id(name), name, type_, origin=origin),))


RVOS = [
    extraction("p1", "Extensive experiments on the RVOS benchmark show consistent gains.", "RVOS", BENCHMARK),
    extraction("p2", "Referring Video Object Segmentation (RVOS) aims to segment target objects "
                     "throughout a video based on a text description.", "RVOS", BENCHMARK),
    extraction("p3", "Referring video object segmentation (RVOS) requires grounding an expression "
                     "in every frame.", "RVOS", BENCHMARK),
]
PHASE = extraction("p4", "In Phase-1, a large multimodal LLM (Qwen2.5-VL-32B) is conditioned on six-camera "
                         "inputs.", "Phase-1", MODEL)
WEAK = "Existing low-bit attention works like FlashAttention3 and SageAttention focus only on inference."
WEAK_SECOND = ("TurboDiffusion mainly relies on several components for acceleration: (1) Attention acceleration: "
               "TurboDiffusion uses low-bit SageAttention and trainable Sparse-Linear Attention (SLA) to speed up "
               "attention computation.")
REWRITTEN = "TurboDiffusion mainly relies on several components for acceleration."


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.db") as s:
        yield s


def entity_type(store: Store, name: str) -> str | None:
    found = store.get_entities([entity_id(name)]).get(entity_id(name))
    return found.type.value if found else None


def test_an_entity_takes_the_type_its_papers_support(store):
    store.write_batch(RVOS)
    report = settle_corpus(store)
    assert report.retyped == 1
    assert entity_type(store, "RVOS") == "TASK"
    assert {m.type for ms in store.mentions_of_papers(["p1", "p2"]).values() for m in ms} == {TASK}


def test_a_junk_shape_is_held_and_its_entity_removed(store):
    store.write_batch([PHASE])
    report = settle_corpus(store)
    assert report.not_names == 1 and report.deleted == 1
    assert entity_type(store, "Phase-1") is None
    assert store.mentions_of_papers(["p4"]).get("p4", []) == []


def test_a_weak_singleton_is_held_until_a_second_paper_supports_it(store):
    store.write_batch([extraction("p5", WEAK, "SageAttention", METHOD, confidence=0.5)])
    assert settle_corpus(store).below_floor == 1
    assert entity_type(store, "SageAttention") is None
    store.write_batch([extraction("p6", WEAK_SECOND, "SageAttention", METHOD, confidence=0.5)])
    assert settle_corpus(store).restored == 1
    assert store.paper_counts([entity_id("SageAttention")]) == {entity_id("SageAttention"): 2}


def test_the_papers_whose_mentions_move_are_logged_for_a_running_server(store):
    store.write_batch(RVOS + [PHASE])
    seq = store.last_change()
    settle_corpus(store)
    _, changed = store.changes_since(seq)
    assert set(changed) == {"p1", "p2", "p3", "p4"}  # RVOS retyped in three, Phase-1 held in one


def test_the_floor_is_a_stored_setting(store):
    assert stored_min_confidence(store) == 0.65
    store_min_confidence(store, 0.5)
    assert stored_min_confidence(store) == 0.5
    store.write_batch([extraction("p5", WEAK, "SageAttention", METHOD, confidence=0.5)])
    assert settle_corpus(store).below_floor == 0


def test_gazetteer_entities_are_never_touched(store):
    store.write_batch([extraction("p7", "In Phase-1 we train.", "Phase-1", MODEL, 0.3, origin="gazetteer")])
    report = settle_corpus(store)
    assert (report.not_names, report.below_floor, report.retyped) == (0, 0, 0)
    assert entity_type(store, "Phase-1") == "MODEL"


def test_a_changed_paper_drops_its_held_mentions(store):
    store.write_batch([extraction("p5", WEAK, "SageAttention", METHOD, confidence=0.5)])
    settle_corpus(store)
    changed = extraction("p5", REWRITTEN, "TurboDiffusion", METHOD)
    store.write_batch([changed])
    settle_corpus(store)
    held = store._query("SELECT count(*) FROM held_mentions")[0][0]
    assert held == 0


# Corpus sentences (2503.19406, 2504.05062, 2504.13748; 2505.20862, 2507.21086).
CD_TASK = [
    ("t1", "Most existing change detection (CD) methods focus on optical images captured at different times."),
    ("t2", "With the rapid advancement of deep learning, the field of change detection (CD) in remote "
           "sensing imagery has achieved remarkable progress."),
    ("t3", "Change detection (CD) in remote sensing imagery plays a crucial role in various applications "
           "such as urban planning, damage assessment, and resource management."),
]
CD_METHOD = [
    ("m1", "To address this, various contrastive decoding (CD) methods have been proposed that contrasts "
           "original logits with hallucination-induced logits."),
    ("m2", "Contrastive Decoding (CD) has emerged as an effective inference-time strategy for enhancing "
           "open-ended text generation."),
]


def test_an_acronym_defined_two_ways_becomes_two_entities(store):
    store.write_batch([extraction(pid, s, "CD", EntityType.DATASET) for pid, s in CD_TASK + CD_METHOD])
    report = settle_corpus(store)
    assert (report.retyped, report.split) == (1, 1)
    assert entity_type(store, "CD") == "TASK"
    assert store.get_entities(["cd~method"])["cd~method"].type is METHOD
    assert store.paper_counts(["cd", "cd~method"]) == {"cd": 3, "cd~method": 2}
    settle_corpus(store)  # settled again: nothing moves back
    assert store.paper_counts(["cd", "cd~method"]) == {"cd": 3, "cd~method": 2}


def test_a_split_entity_takes_a_rowid_after_every_entity_the_batches_wrote(store, tmp_path):
    """The entities held whole go a chunk at a time, but not the one of the highest rowid:
    an `X~type` entity a later chunk's split makes takes the rowid it takes when the
    orphans go at the end of the step (here, without that, the deleted entity's own)."""
    weak = [extraction(f"w{i}", f"We compare against Aanet{i:03d} on the data.", f"Aanet{i:03d}", MODEL, 0.5)
            for i in range(520)]  # more than a chunk of entities (corpus.CASES_A_CHUNK), all before "cd"
    store.write_batch(weak[1:] + [extraction(pid, s, "CD", EntityType.DATASET) for pid, s in CD_TASK + CD_METHOD])
    store.write_batch(weak[:1])  # the highest rowid, held and deleted in the first chunk
    with sqlite3.connect(tmp_path / "corpus.db") as db:
        last = db.execute("SELECT max(rowid) FROM entities").fetchone()[0]
    report = settle_corpus(store)
    assert (report.split, report.below_floor, report.deleted) == (1, 520, 520)
    with sqlite3.connect(tmp_path / "corpus.db") as db:
        assert db.execute("SELECT rowid FROM entities WHERE id = 'cd~method'").fetchone()[0] == last + 1


def test_one_thing_read_as_benchmark_and_metric_stays_one_entity(store):
    chair = [("c1", "Experimental results on the POPE and CHAIR benchmarks show that Owl achieves "
                    "significant hallucination reduction."),
             ("c2", "TARAC reduces hallucination compared to VCD on the CHAIR benchmark."),
             ("c3", "Furthermore, MFP achieves state-of-the-art performance on the CHAIR benchmark."),
             ("c4", "We capitalize on the well-known CHAIR metric, originally proposed to gauge hallucination."),
             ("c5", "CRoPS improves CHAIR scores by 20% and achieves consistent gains across six benchmarks.")]
    store.write_batch([extraction(pid, s, "CHAIR", BENCHMARK) for pid, s in chair])
    assert settle_corpus(store).split == 0
    assert store.paper_counts(["chair"]) == {"chair": 5}


def test_a_capitalised_phrase_that_papers_write_in_lowercase_is_not_a_name(store):
    # Corpus sentences (2510.20287, 2511.08666, 2512.02650).
    papers = [
        extraction("v1", "Our results show that Video Encoder models continue to outperform "
                         "state-of-the-art Video Language Models for prediction tasks.", "Video Encoder", MODEL),
        extraction("v2", "AAM can be applied in a plug-and-play fashion to frozen video encoders, minimizing "
                         "the computational burden of finetuning.", "video encoders", MODEL),
        extraction("v3", "We propose SelVA, a novel text-conditioned V2A model that treats the text prompt as "
                         "an explicit selector and modulates video encoder to extract features.",
                   "video encoder", MODEL),
    ]
    papers = [replace(p, mentions=tuple(replace(m, entity_id="videoencoder") for m in p.mentions),
                      entities=(Entity("videoencoder", "Video Encoder", MODEL, origin="discovered"),))
              for p in papers]
    store.write_batch(papers)
    assert settle_corpus(store).not_names == 1
    assert entity_type(store, "Video Encoder") is None


def test_a_parent_left_without_its_variants_goes_too(store):
    """A junk name held as not a name takes its discovered parent with it, in one step."""
    junk = PHASE
    parent = Entity(entity_id("Phase"), "Phase", MODEL, origin="discovered")
    child = replace(junk.entities[0], variant_of=parent.id)
    store.write_batch([replace(junk, entities=(parent, child))])
    assert settle_corpus(store).deleted == 2
    assert entity_type(store, "Phase-1") is None and entity_type(store, "Phase") is None


def test_removed_entities_take_their_aliases_and_no_others(store, tmp_path):
    """The sweep deletes the orphans' alias rows (their names), and keeps a kept entity's."""
    junk = PHASE
    parent = Entity(entity_id("Phase"), "Phase", MODEL, origin="discovered")
    child = replace(junk.entities[0], variant_of=parent.id)
    store.write_batch([replace(junk, entities=(parent, child)), *RVOS])
    settle_corpus(store)
    with sqlite3.connect(tmp_path / "corpus.db") as db:
        owners = {row[0] for row in db.execute("SELECT entity_id FROM aliases")}
    assert owners == {entity_id("RVOS")}




def _state(store: Store) -> list[tuple]:
    """Every entity with a mention, its type, and its mentions' papers, types and spans."""
    return store._db.execute(
        "SELECT e.id, e.type, m.paper_id, m.type, m.start FROM entities e JOIN mentions m ON m.entity_id = e.id "
        "ORDER BY e.id, m.paper_id, m.start").fetchall()


# A capitalised phrase that most of its papers write in lowercase is a common phrase; it
# starts a METHOD, and its votes would make it a MODEL, a type the lowercase rule reads.
DEEP_RESEARCH = [
    extraction("d1", "In this paper, we conduct a detailed analysis of the foundational technologies and "
                     "architectural components that constitute Deep Research agents.", "Deep Research", METHOD),
    extraction("d2", "Deep Research agents, powered by Large Language Models (LLMs), are rapidly advancing.",
               "Deep Research", METHOD),
    extraction("d3", "Our system operates through six stages: raw data processing, planning, information "
                     "extraction, deep research, evidence collection, and report generation.", "deep research", METHOD),
    extraction("d4", "This scaffold facilitates the integration of various large language models to transform "
                     "them into deep research agents for evaluation.", "deep research", METHOD),
]
# A lowercase class of models that a cue typed MODEL, defined as a plain term.
AUDIO_LMS = [extraction(f"a{i}", "Recent large audio-language models (LALMs) extend text LLMs with auditory "
                                 f"understanding{suffix}.", "large audio-language models", MODEL)
             for i, suffix in enumerate(("", " and reasoning", " across tasks"))]


def test_a_second_step_changes_nothing(store):
    store.write_batch(RVOS + DEEP_RESEARCH + AUDIO_LMS + [PHASE])
    settle_corpus(store)
    after_first = _state(store)
    second = settle_corpus(store)
    assert second.retyped == 0 and second.deleted == 0
    assert _state(store) == after_first
    assert entity_type(store, "RVOS") == "TASK"
    assert entity_type(store, "large audio-language models") is None


SHARED = Path(os.environ.get("PAPERKG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpora" / "arxiv_cs_2025_2026"


def stored_rows(path: Path) -> dict[str, list]:
    """Every table's rows, sorted, but the change log and full-text index: what the store
    holds, not the rowids a step's holds and restores give them."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                           "name NOT IN ('paper_changes', 'sqlite_sequence') "
                                           "AND name NOT LIKE 'papers_fts%'")]
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


@pytest.mark.shared
@pytest.mark.skipif(not (CORPUS / "2025-03.jsonl.gz").exists(), reason="needs ../shared/corpora/arxiv_cs_2025_2026 "
                                                     "(or PAPERKG_SHARED=/path/to/shared)")
def test_a_second_step_over_an_ingested_corpus_changes_nothing(tmp_path):
    """The first 6,000 corpus papers: the ingest's step is a fixed point of the step over
    every entity (at 75k papers the second step changed 27 entities' mentions, schema 8).
    The ingest's step judges its 10,000 entities in a pool of two processes, and holds their
    rows without the held mentions' indexes; the second step in this one, with them: they agree."""
    source = tmp_path / "first.jsonl"
    months = [gzip.open(path, "rt", encoding="utf-8") for path in sorted(CORPUS.glob("*.jsonl.gz"))[:2]]
    source.write_text("".join(islice(chain(*months), 6000)), encoding="utf-8")
    for month in months:
        month.close()
    with Store(tmp_path / "kg.db") as store:
        ingest_paths([source], store, progress=False, workers=2)
    after_ingest = stored_rows(tmp_path / "kg.db")
    with sqlite3.connect(tmp_path / "kg.db") as db:  # built again after the step's holds, in order
        assert [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                             "tbl_name = 'held_mentions' ORDER BY rowid")] == ["held_by_entity",
                                                                                             "held_by_paper"]
    with Store(tmp_path / "kg.db") as store:
        second = settle_corpus(store, workers=1)
    assert second.decided > 5_000 and second.retyped == 0 and second.deleted == 0
    assert stored_rows(tmp_path / "kg.db") == after_ingest
