"""graph/speed.py: each shortcut of the speed boundary does what its plain version does.

The collector's pause ages a batch's survivors without a scan and leaves the caller's own
frozen objects and cyclic garbage to the collector as before; the fast record constructors
build the records their dataclass constructors build.
"""

import dataclasses
import gc
import random

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.records import Entity, EntityType, Mention, Role
from paperkg.graph.speed import Memo, entity_of, gc_paused, mention_of
from seed_page import seed_papers


@pytest.fixture(scope="module")
def default_extractor():
    return Extractor.default()


class _Node:
    """An object that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other = None


def _make_cycle() -> int:
    """Leave a two-object reference cycle behind; its number of objects."""
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    return 2


def test_pause_restores_the_collector_and_ages_what_survives():
    gc.collect()
    survivors = []
    with gc_paused():
        assert not gc.isenabled()
        survivors.extend([_Node()] for _ in range(1000))
    assert gc.isenabled()
    assert gc.get_count()[0] < 100  # aged: not left for the next young pass to scan
    assert gc.get_freeze_count() == 0


def test_pause_keeps_a_disabled_collector_disabled():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pause_leaves_the_callers_frozen_objects_frozen():
    gc.collect()
    kept = [_Node() for _ in range(10)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            kept.append(_Node())
        # Not released (0) and not frozen again with the new node (more than before). Not
        # equal either: another thread (a server or a progress bar of an earlier test) may
        # free a frozen object meanwhile, which lowers the count (seen once in CI: 2 fewer).
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_cycles_made_in_a_batch_are_still_collected():
    gc.collect()
    with gc_paused():
        made = _make_cycle()
    assert gc.collect() >= made


def test_extract_output_is_the_same_with_the_collector_disabled(default_extractor):
    papers = seed_papers()
    enabled = list(default_extractor.extract(papers))
    gc.disable()
    try:
        disabled = list(Extractor.default().extract(papers))
    finally:
        gc.enable()
    assert enabled == disabled
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("values", [
    ("bert", "BERT", EntityType.MODEL, ("Bert",), None, (), "gazetteer"),
    ("flame-rm-24b", "FLAMe-RM-24B", EntityType.MODEL, (), "flame-rm",
     (("hf", "google/flame"),), "discovered"),
])
def test_entity_of_builds_the_same_entity_as_the_constructor(values):
    built, fast = Entity(*values), entity_of(*values)
    assert fast == built and hash(fast) == hash(built) and repr(fast) == repr(built)
    assert vars(fast) == vars(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.name = "other"


def test_extracted_entities_equal_their_constructor_built_twins(default_extractor):
    entities = [e for x in default_extractor.extract(seed_papers()) for e in x.entities]
    assert any(e.origin == "discovered" for e in entities)
    for entity in entities:
        assert entity == Entity(**vars(entity))


def test_extracted_mentions_equal_their_constructor_built_twins(default_extractor):
    mentions = [m for x in default_extractor.extract(seed_papers()) for m in x.mentions]
    assert mentions
    for mention in mentions:
        twin = Mention(**vars(mention))
        assert mention == twin and hash(mention) == hash(twin) and repr(mention) == repr(twin)
        assert list(vars(mention)) == list(Mention.__dataclass_fields__)


def test_mention_of_builds_the_same_mention_as_the_constructor():

    values = ("p1", "abstract", 4, 8, "BERT", "We fine-tune BERT.", EntityType.MODEL, "bert",
              0.95, "kg_gazetteer", Role.USES, 4, 8)
    built, fast = Mention(*values), mention_of(*values)
    assert fast == built and hash(fast) == hash(built)
    assert fast.phrase == (4, 8) and fast.role is Role.USES
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 0


def test_mention_of_refuses_missing_values():

    with pytest.raises(TypeError, match="missing"):
        mention_of("p1", "abstract", 4, 8)


KEY_PIECES = ["A", "B", "Z", "a", "z", "s", "S", "0", "9", ".", "+", "-", "/", " ", "\n", "\t", "_",
              "α", "ς", "é", "Σ", "ü", "ﬁ", "LLM", "GPT-4", "s ", "Ms", "1s", "-s", "CIFAR-10", "v2.1"]


def test_fast_entity_key_is_entity_key():
    from paperkg.graph.records import entity_key
    from paperkg.graph.speed import fast_entity_key
    from seed_page import seed_lines

    rng = random.Random(7)
    names = [word for line in seed_lines() for word in line.split()]
    names += ["".join(rng.choice(KEY_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(50000)]
    names += ["LLMs", "SAEs", "GPT-4s", "ViTs", "Transformers", "x-LLMs", "A/LMs", "", "  ", "s", "Ss"]
    for name in names:
        assert fast_entity_key(name) == entity_key(name), repr(name)


def test_memo_computes_each_key_once_and_answers_as_the_function():
    calls = []

    def square(x):
        calls.append(x)
        return x * x

    memo = Memo(square, limit=3)
    assert [memo[x] for x in (2, 3, 2, 3, 2)] == [4, 9, 4, 9, 4]
    assert calls == [2, 3]
    assert memo[0] == 0 and memo[0] == 0  # a falsy answer is remembered too
    assert calls == [2, 3, 0]


def test_memo_is_emptied_at_its_limit():
    memo = Memo(str, limit=3)
    for x in range(3):
        memo[x]
    assert len(memo) == 3
    assert memo[7] == "7" and len(memo) == 1  # emptied, then the new key kept
