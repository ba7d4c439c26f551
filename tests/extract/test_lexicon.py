"""names/lexicon.py: the gazetteer's names, then the discovered ones, by any spelling."""

from paperkg.graph.extract.names.gazetteer import Gazetteer
from paperkg.graph.extract.names.lexicon import Lexicon
from paperkg.graph.records import Entity, EntityType, entity_id


def _lexicon() -> Lexicon:
    return Lexicon(Gazetteer([Entity(entity_id("CIFAR-10"), "CIFAR-10", EntityType.DATASET)]))


def test_a_gazetteer_name_is_found_by_any_spelling_and_an_unknown_one_is_not():
    lexicon = _lexicon()
    for spelling in ("CIFAR-10", "cifar10", "CIFAR 10", "CIFAR-10"):
        assert lexicon.lookup(spelling).name == "CIFAR-10"
    assert lexicon.lookup("RewardBench") is None
    assert lexicon.knows("cifar 10") and not lexicon.knows("RewardBench")


def test_a_name_looked_up_before_it_was_discovered_is_found_after():
    lexicon = _lexicon()
    assert lexicon.lookup("RewardBench") is None  # remembered as unknown
    found = Entity(entity_id("RewardBench"), "RewardBench", EntityType.BENCHMARK, origin="discovered")
    assert lexicon.add_discovered([found]) == [found]
    assert lexicon.lookup("RewardBench") is found and lexicon.lookup("Reward-Bench") is found
    assert lexicon.add_discovered([found]) == []  # known now: not new again
