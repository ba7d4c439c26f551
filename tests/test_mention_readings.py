"""graph/mention_readings.py: each mention's reading mark, computed once; a gazetteer name's
mentions weighed once, and again only when the name's forms change."""

from __future__ import annotations

import random
import sqlite3

import pytest

from paperkg.graph import corpus
from paperkg.graph.corpus import settle_corpus, touched_entities
from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.evidence import paper_reading
from paperkg.graph.mention_readings import (
    _INTRODUCING, fill_marks, has_introducing_cue, marks_with_votes, may_introduce, reading_marks,
    reads_of,
)
from paperkg.graph.mention_votes import add_votes
from paperkg.graph.records import Paper
from paperkg.graph.store import Store

from seed_page import seed_papers

DEFINED = Paper("r1", "Results on MMLU", "We introduce MMLU (Massive Multitask Language Understanding), a "
                "benchmark of 57 subjects. GPT-4 leads on MMLU.")
MOVED = Paper("r2", "Pruning with MMLU", "We present MMLU, a new method for pruning large language models. "
              "MMLU prunes half of the weights.")
LATER = Paper("r3", "More pruning with MMLU", "We present MMLU, a new method for pruning vision transformers.")


def marks(path) -> dict[tuple[str, int, str], int]:
    with sqlite3.connect(path) as db:
        return {(p, s, e): r for p, s, e, r in db.execute("SELECT paper_id, start, entity_id, reads FROM mentions")}


@pytest.fixture
def weighed(monkeypatch):
    """The papers whose mentions of gazetteer names the split read, as it reads them."""
    seen: list[str] = []
    real = corpus.gazetteer_cases

    def spy(db, scope=""):
        cases = real(db, scope)
        seen.extend(paper for case in cases for paper, _, _ in case[3])
        return cases

    monkeypatch.setattr(corpus, "gazetteer_cases", spy)
    return seen


def test_the_mark_says_whether_the_sentence_gives_a_reading():
    for sentence, text in (("We present MMLU, a new method for pruning.", "MMLU"),
                           ("We introduce MMLU (Massive Multitask Language Understanding), a benchmark.", "MMLU"),
                           ("GPT-4 leads on MMLU.", "MMLU"),
                           ("Links need line-of-sight (LOS) paths.", "LOS"),
                           ("Links need line-of-sight (LOS) paths.", "line-of-sight"),
                           ("We propose Cycle-Consistent Search (CCS) for planning.", "Cycle-Consistent Search (CCS)"),
                           ("GPT-4 (OpenAI, 2023) leads on MMLU (5-shot).", "MMLU"),
                           ("We present Orca (Open Reasoning Agent), a framework on MMLU (5-shot).", "MMLU"),
                           ("We present Orca, a framework (with code), for MMLU.", "Orca"),
                           ("MARBLE: A Multi-Agent Rule-Based LLM Reasoning Engine for Accident Severity "
                            "Prediction", "MARBLE"),
                           ("Hence, we developed Temporal Rectal Endoscopy Cross-attention (TREX), a "
                            "longitudinal deep learning approach.", "TREX")):
        found, long = paper_reading(sentence, text)
        assert reads_of(sentence, text) == int(found is not None or long is not None)
    assert reads_of("GPT-4 leads on MMLU.", "MMLU") == 0
    assert reads_of("We present MMLU, a new method for pruning.", "MMLU") == 1
    assert reads_of("MARBLE: A Multi-Agent Rule-Based LLM Reasoning Engine for Accident Severity Prediction",
                    "MARBLE") == 1


def test_every_mention_is_marked_by_the_step_and_a_moved_reading_keeps_its_mark(tmp_path):
    with Store(tmp_path / "kg.db") as store:
        store.write_batch(Extractor.default().extract([DEFINED, MOVED]))
        assert set(marks(tmp_path / "kg.db").values()) == {None}
        settle_corpus(store)
    found = marks(tmp_path / "kg.db")
    assert None not in found.values()
    assert {e for (_, _, e), r in found.items() if r} >= {"mmlu", "mmlu~method"}
    assert found[("r1", DEFINED.abstract.index("GPT-4"), "gpt4")] == 0


def test_a_gazetteer_names_old_mentions_are_weighed_again_only_when_its_forms_change(tmp_path, weighed):
    with Store(tmp_path / "kg.db") as store:
        store.write_batch(Extractor.default().extract([DEFINED, MOVED]))
        settle_corpus(store)
        assert set(weighed) == {"r1", "r2"}
        weighed.clear()

        store.write_batch(Extractor.default().extract([LATER]))
        settle_corpus(store, None, touched_entities(store, ["r3"]))
        assert set(weighed) == {"r3"}  # r1's reading of MMLU was weighed with the same forms
        assert marks(tmp_path / "kg.db")[("r3", LATER.abstract.index("MMLU"), "mmlu~method")] == 1
        weighed.clear()

        store._db.execute("INSERT INTO aliases VALUES ('mmlubench', 'MMLU-Bench', 'mmlu')")
        settle_corpus(store, None, {"mmlu"})
        assert set(weighed) == {"r1"}  # a new alias: weighed again with it


def test_marks_filled_a_few_rows_at_a_time_are_the_marks_filled_at_once(tmp_path):
    extractions = list(Extractor.default().extract([DEFINED, MOVED, LATER]))
    chunks: list[int] = []
    for name, chunk in (("small.db", 3), ("whole.db", 20_000)):
        with Store(tmp_path / name) as store:
            store.write_batch(extractions)
            with store.write_transaction() as db:
                fill_marks(db, chunk=chunk, on_chunk=chunks.append if chunk == 3 else None)
    assert marks(tmp_path / "small.db") == marks(tmp_path / "whole.db")
    assert None not in marks(tmp_path / "small.db").values()
    assert len(chunks) > 1 and max(chunks) <= 3


def plain_marks(x) -> tuple:
    """`reading_marks` as first written: each mention asked alone."""
    discovered = {e.id for e in x.entities if e.origin == "discovered"}
    return tuple(reads_of(m.sentence, m.text) if m.entity_id in discovered or may_introduce(m.sentence, m.text)
                 else None for m in x.mentions)


def test_marks_made_with_the_votes_are_the_marks_asked_one_by_one():
    papers = [DEFINED, MOVED, LATER, *seed_papers()]
    extractions = list(Extractor.default().extract(papers, batch_size=50))
    voted = add_votes(extractions)
    both = marks_with_votes(extractions)
    assert [x.votes for x in both] == [x.votes for x in voted]
    expected = [plain_marks(x) for x in extractions]
    assert [x.reads for x in both] == expected == [reading_marks(x) for x in extractions]
    marked = [mark for x in expected for mark in x]
    # every kind of mention is among them: a discovered name's with a definition, without
    # one, a gazetteer name's in a sentence that may introduce it, and one that may not
    defined = [m for x in extractions for m in x.mentions if "(" in m.sentence]
    assert marked.count(1) >= 20 and marked.count(0) >= 20 and marked.count(None) >= 20 and len(defined) >= 20


def test_the_introducing_cue_is_the_expressions_match_on_any_text():
    """`has_introducing_cue` against the expression it stands for, `_INTRODUCING`, on the
    seed abstracts and random text of the cue words' pieces in both cases, with letters
    whose case folds differ outside ASCII (the Kelvin sign, dotted and dotless i, long s)."""
    rng = random.Random(15)
    pieces = ["intro", "duc", "pro", "pos", "pre", "sent", "Intro", "DUC", "PRO", "Pos", "PRE", "sEnt",
              "i", "s", " ", ".", "\u212a", "\u0130", "\u0131", "\u017f"]
    texts = [paper.abstract for paper in seed_papers()] + [DEFINED.abstract, MOVED.abstract]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    texts += [f"{pre}{word}{post}" for word in ("introduc", "PROPOS", "Present", "presen", "propo")
              for pre in ("", "We ", "\u0130 ") for post in ("", "e", ".")]
    answers = [has_introducing_cue(text) for text in texts]
    assert answers == [_INTRODUCING.search(text) is not None for text in texts]
    assert answers.count(True) >= 1000 and answers.count(False) >= 1000
