"""Listed names that a paper writes as words (graph/corpus_listed_words.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_listed_words import reads_as_data, written_as_phrase
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

from corpus_papers import listed_paper, papers_naming, unnamed_paper

DATASET, MODEL = EntityType.DATASET, EntityType.MODEL

# Sentences of the 75k corpus that write the Actor graph dataset's name as the actor of
# actor-critic learning, and one that names the dataset.
ACTOR_ROLES = [
    "In particular, a lightweight Actor model is trained to estimate Q-values for natural language sequences.",
    "Our system pairs an Actor agent with a Critic agent, enabling an iterative refinement.",
    "By sharing the base module between the Actor and Critic networks, the algorithm achieves efficient training.",
    "At its core is a Thinker-Actor dual-transformer architecture that unifies multimodal understanding.",
]
ACTOR_DATA = "Node classification improves on the Chameleon, Squirrel, Actor and Texas datasets."
ACTOR_LOWERCASE = [
    "We propose an actor-critic method for continuous control.",
    "The actor network proposes actions that the critic scores.",
    "Each actor in the scene is tracked over time.",
]
# Kinetics as a part of a longer name, and as the video dataset.
KINETICS_NAME_PART = "Our holistic analysis reveals a new Kinetics Scaling Law that better guides resource allocation."
KINETICS_DATA = [
    "We report results on action recognition using the UCF101, Kinetics, and DAVIS datasets.",
    "Our models achieve 34.6% improvement on Kinetics.",
]
KINETICS_LOWERCASE = [
    "We study the kinetics of chemical reactions with neural surrogates.",
    "Reaction kinetics are learned from sparse measurements.",
    "A model of enzyme kinetics is fitted to the data.",
]
# Structured3D written as the words it is joined from, and named.
STRUCTURED_WORDS = "Our key insight is a structured 3D representation that mitigates both issues."
STRUCTURED_NAMED = "We evaluate layout estimation on the Structured3D dataset."


def settle(tmp_path, papers) -> Store:
    store = Store(tmp_path / "listed.db")
    store.write_batch(papers)
    settle_corpus(store)
    return store


def test_a_listed_common_word_read_as_a_role_is_held_where_no_mention_reads_as_data(tmp_path):
    papers = [listed_paper(f"r{i}", s, "Actor", "Actor", DATASET) for i, s in enumerate(ACTOR_ROLES)]
    papers.append(listed_paper("d0", ACTOR_DATA, "Actor", "Actor", DATASET))
    papers += [unnamed_paper(f"w{i}", s) for i, s in enumerate(ACTOR_LOWERCASE)]
    assert_named_by_twice(tmp_path, papers, "Actor", {"d0"})


def test_a_listed_word_inside_a_longer_name_is_held(tmp_path):
    papers = [listed_paper("n0", KINETICS_NAME_PART, "Kinetics", "Kinetics", DATASET)]
    papers += [listed_paper(f"d{i}", s, "Kinetics", "Kinetics", DATASET) for i, s in enumerate(KINETICS_DATA)]
    store = settle(tmp_path, papers + [unnamed_paper(f"w{i}", s) for i, s in enumerate(KINETICS_LOWERCASE)])
    with store:
        assert papers_naming(store, "Kinetics") == {"d0", "d1"}


def test_a_listed_word_the_corpus_never_writes_in_lowercase_stays(tmp_path):
    papers = [listed_paper(f"r{i}", s, "Actor", "Actor", DATASET) for i, s in enumerate(ACTOR_ROLES)]
    store = settle(tmp_path, papers)
    with store:
        assert papers_naming(store, "Actor") == {"r0", "r1", "r2", "r3"}


def test_data_readings():
    assert reads_as_data(ACTOR_DATA, "the Chameleon, Squirrel, ", " and Texas datasets.")
    assert reads_as_data("Experiments on Replica show gains.", "Experiments on ", " show gains.")
    assert reads_as_data("We use the Traffic dataset.", "We use the ", " dataset.")
    assert not reads_as_data(ACTOR_ROLES[0], "In particular, a lightweight ", " model is trained")
    assert not reads_as_data(KINETICS_NAME_PART, "reveals a new ", " Scaling Law that")
    assert not reads_as_data(ACTOR_ROLES[3], "At its core is a Thinker-", " dual-transformer")
    # a list of capitalised words is no list of names
    assert not reads_as_data("a Planner, Actor, and Critic", "a Planner, ", ", and Critic")


def assert_named_by_twice(tmp_path, papers, name: str, expected: set[str]) -> None:
    """The papers naming `name` after one step over these papers, and after a second."""
    store = settle(tmp_path, papers)
    with store:
        assert papers_naming(store, name) == expected
        settle_corpus(store)  # a second step holds nothing more and brings nothing back
        assert papers_naming(store, name) == expected


def test_a_listed_name_written_as_its_words_is_held(tmp_path):
    papers = [listed_paper("w0", STRUCTURED_WORDS, "structured 3D", "Structured3D", DATASET),
              listed_paper("n0", STRUCTURED_NAMED, "Structured3D", "Structured3D", DATASET)]
    assert_named_by_twice(tmp_path, papers, "Structured3D", {"n0"})


def test_phrases_of_listed_names():
    assert written_as_phrase("structured 3D", "Structured3D", ["Structured3D"], DATASET, " representation")
    assert written_as_phrase("metric 3D", "Metric3D", ["Metric3D", "Metric3D v2"], MODEL, " understanding")
    assert written_as_phrase("3D shapes", "3D Shapes", ["3D Shapes"], DATASET, " across modalities")
    assert written_as_phrase("zebra puzzles", "ZebraLogic", ["ZebraLogic", "Zebra Puzzles"], DATASET, " in")
    # before a noun of its kind, defining an acronym, with a version, or a model's long form: stays
    assert not written_as_phrase("structured 3D", "Structured3D", ["Structured3D"], DATASET, " dataset")
    assert not written_as_phrase("massive text embedding benchmark", "MTEB",
                                 ["MTEB", "Massive Text Embedding Benchmark"], EntityType.BENCHMARK, " (MTEB)")
    assert not written_as_phrase("flan t5 base", "FLAN-T5-base", ["FLAN-T5-base"], MODEL, " samsum")
    assert not written_as_phrase("latent diffusion models", "LDM", ["LDM", "Latent Diffusion Model"], MODEL, ",")
    assert not written_as_phrase("word in context", "WiC", ["WiC", "word in context"], DATASET, ".")


# 3D Shapes written as words by papers, and in a title that capitalises them.
SHAPES_WORDS = [
    "Establishing point-to-point correspondences across multiple 3D shapes is a fundamental problem.",
    "We introduce HiT, a hierarchical neural field representation for 3D shapes.",
    "Training-free 3D editing aims to modify 3D shapes based on human instructions.",
]
SHAPES_TITLE = "MD-ProjTex: Texturing 3D Shapes with Multi-Diffusion Projection"
SHAPES_NAMED = "We train the disentangling encoder on the 3D Shapes dataset."


def title_paper(pid: str, title: str, text: str, name: str, entity_type: EntityType = DATASET) -> PaperExtraction:
    at = title.find(text)
    mention = Mention(pid, "title", at, at + len(text), text, title, entity_type, entity_id(name), 0.95,
                      "kg_gazetteer")
    return PaperExtraction(Paper(pid, title, "An abstract."), (mention,),
                           (Entity(entity_id(name), name, entity_type, origin="gazetteer"),))


def test_a_title_capitalising_words_that_papers_write_as_a_phrase_is_held(tmp_path):
    papers = [listed_paper(f"w{i}", s, "3D shapes", "3D Shapes", DATASET) for i, s in enumerate(SHAPES_WORDS)]
    papers += [title_paper("t0", SHAPES_TITLE, "3D Shapes", "3D Shapes"),
               listed_paper("n0", SHAPES_NAMED, "3D Shapes", "3D Shapes", DATASET)]
    assert_named_by_twice(tmp_path, papers, "3D Shapes", {"n0"})


# Metric3D written as its words apart, in lowercase and in a title.
METRIC_WORDS = [
    "Modern autonomous driving depends on accurate metric 3D understanding for perception.",
    "We recover metric 3D structure from a single camera.",
    "The method lifts detections to metric 3D coordinates.",
]
METRIC_TITLE = "Model-based Metric 3D Shape and Motion Reconstruction of Wild Bottlenose Dolphins"
METRIC_NAMED = "We estimate depth with Metric3D and align it to the point cloud."


def test_a_title_writing_a_joined_name_apart_is_held_where_papers_write_its_words(tmp_path):
    papers = [listed_paper(f"w{i}", s, "metric 3D", "Metric3D", MODEL) for i, s in enumerate(METRIC_WORDS)]
    papers += [title_paper("t0", METRIC_TITLE, "Metric 3D", "Metric3D", MODEL),
               listed_paper("n0", METRIC_NAMED, "Metric3D", "Metric3D", MODEL)]
    store = settle(tmp_path, papers)
    with store:
        assert papers_naming(store, "Metric3D") == {"n0"}
