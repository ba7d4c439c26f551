"""Names the corpus writes as common words (graph/corpus_words.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_words import common_word_entities, written_as_words
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

MODEL, BENCHMARK = EntityType.MODEL, EntityType.BENCHMARK

# Papers of the 75k corpus that name a "Planner" model (three of its five) ...
PLANNER = [
    "This paper introduces DisCIPL, a method for \"self-steering\" LMs where a Planner model generates a "
    "task-specific inference program that is executed by a population of Follower models.",
    "Central to our approach is a novel Planner model that performs global Directed Acyclic Graph (DAG) planning "
    "for complex queries, enabling optimized execution beyond conventional tool coordination.",
    "GraphPlanner formulates workflow generation as a Markov Decision Process (MDP), where at each step it selects "
    "both the LLM backbone and the agent role, including Planner, Executor, and Summarizer.",
]
# ... and ten of the hundreds that write the word in lowercase.
PLANNERS = [
    "ORION uniquely combines a QT-Former to aggregate long-term history context, a Large Language Model (LLM) for "
    "driving scenario reasoning, and a generative planner for precision trajectory prediction.",
    "A global ergodic trajectory planner provides an optional reference trajectory to the local planner, improving "
    "exploration and helping to avoid local minima.",
    "We find that the planner method outperforms the orchestrator method in handling concurrent actions.",
    "This paper presents an adaptive path planner for object search in agricultural fields using UAVs.",
    "Ablation studies confirm that all roles are essential; removing the planner or code critic results in "
    "$5.8\\times$ and $3.1\\times$ drops in productivity, respectively.",
    "This paper proposes a novel parameter-efficient action planner using large language models (PEAP-LLM) to "
    "generate a single-step instruction at each location.",
    "Initially, we efficiently train an auxiliary privileged world model paired with a neural planner that uses "
    "privileged information as input.",
    "To address these limitations, we propose a scalable Bayesian ToM planner that decomposes ToM reasoning into "
    "stepwise Bayesian updates.",
    "In the task planning phase, VLAgent fine-tunes an LLM through in-context learning to generate a step-by-step "
    "planner for each user-submitted text-visual reasoning task.",
    "In the second stage, we employ a diffusion-based planner to perform imitation learning, mapping "
    "representations from the latent language space to continuous driving actions.",
]
# A benchmark whose name is a word: its papers call it data.
SPRING = [
    "At the time of submission, our method ranks first on the Spring benchmark with a 1-pixel (1px) outlier rate "
    "of 3.289, leads Sintel (clean) with an endpoint error (EPE) of 0.963.",
    "Remarkably, the model also excels at optical flow, sometimes outperforming specialized methods on the Sintel, "
    "KITTI, and Spring benchmarks.",
    "Compared with existing methods, WAFT ranks 1st on Spring and KITTI benchmarks, achieves the best zero-shot "
    "generalization on KITTI.",
]
SPRINGS = [
    "Specifically, we model the gripper-object interaction as a spring-mass system, where tactile sensors induce "
    "attractive forces, and proprioception generates repulsive forces.",
    "At Great Ormond Street Hospital (GOSH), the main surgical treatment for patients diagnosed with sagittal "
    "craniosynostosis (SC) is spring assisted cranioplasty (SAC).",
    "Evaluated on scenarios in Classical Mechanics, including spring-mass, pendulums, and projectile motions, our "
    "method successfully recovers ground-truth analytical equations.",
    "The cloth is discretized into a mass-spring network with unknown material parameters that are learned "
    "directly from the motion data.",
    "2) a neural spring field that represents spring physical properties across different frames using a canonical "
    "coordinate-based neural network.",
    "To address these limitations, we introduce OccuFly, the first real-world, camera-based aerial SSC benchmark, "
    "captured at altitudes of 50m, 40m, and 30m during spring, summer, fall, and winter.",
    "Thus, for accurately generating contextually-relevant images, knowledge and reasoning about time can be "
    "crucial (e.g., for generating a landscape in spring vs.",
    "In this study we emulate grain maize and spring barley.",
    "The system has been deployed for continuous CO$_2$ and $^{222}$Rn monitoring in a karst environment since "
    "spring 2025 and remains in active operation.",
    "We propose MatPhys, a material-aware feed-forward framework that predicts spring-mass parameters from a "
    "single-view video.",
]


def named(pid: str, sentence: str, name: str, type_: EntityType) -> PaperExtraction:
    start = sentence.index(name)
    mention = Mention(pid, "abstract", start, start + len(name), name, sentence, type_, entity_id(name), 0.8,
                      "kg_shapes")
    entity = Entity(entity_id(name), name, type_, origin="discovered")
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,), (entity,))


def unnamed(pid: str, sentence: str) -> PaperExtraction:
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (), ())


def settle(tmp_path, names: list[PaperExtraction], others: list[PaperExtraction]) -> tuple[Store, object]:
    """A store of these papers after one corpus step, and the step's report."""
    store = Store(tmp_path / "words.db")
    store.write_batch(names + others)
    return store, settle_corpus(store)


def type_of(store: Store, name: str) -> str | None:
    found = store.get_entities([entity_id(name)]).get(entity_id(name))
    return found.type.value if found else None


def test_a_model_named_by_a_word_the_corpus_writes_in_lowercase_is_not_a_name(tmp_path):
    store, report = settle(tmp_path, [named(f"n{i}", s, "Planner", MODEL) for i, s in enumerate(PLANNER)],
                           [unnamed(f"l{i}", s) for i, s in enumerate(PLANNERS)])
    with store:
        assert type_of(store, "Planner") is None
        assert report.not_names == 1 and report.deleted == 1
        assert settle_corpus(store).restored == 0  # a second step holds it again


def test_the_same_papers_without_a_tenth_lowercase_one_keep_the_model(tmp_path):
    store = Store(tmp_path / "words.db")
    store.write_batch([named(f"n{i}", s, "Planner", MODEL) for i, s in enumerate(PLANNER)]
                      + [unnamed(f"l{i}", s) for i, s in enumerate(PLANNERS[:9])])
    with store:
        assert common_word_entities(store._db) == []  # with a tenth: ["planner"]
        # the step holds it still, as a name no paper writes as a model's (corpus_model_evidence:
        # "Planner, Executor, and Summarizer" roles, round 20)
        settle_corpus(store)
        assert type_of(store, "Planner") is None


def test_data_named_by_a_word_stay_where_their_papers_call_them_data(tmp_path):
    store, _ = settle(tmp_path, [named(f"n{i}", s, "Spring", BENCHMARK) for i, s in enumerate(SPRING)],
                      [unnamed(f"l{i}", s) for i, s in enumerate(SPRINGS)])
    with store:
        assert type_of(store, "Spring") == "BENCHMARK"


def test_papers_that_write_the_name_in_capitals_or_with_its_long_form_name_something():
    # "SECOND: ... Selective and Contrastive Decoding", "the SECOND dataset", and one ordinal
    assert not written_as_words("Second", [("p1", "SECOND", "", ""), ("p2", "SECOND", "", " dataset"),
                                           ("p3", "Second", "", ", a significant portion")])
    assert written_as_words("Teacher", [("p1", "Teacher", "MODEL", " model"), ("p2", "teacher", "", " model"),
                                        ("p3", "Teacher", "", " systems")])


def test_a_paper_introducing_a_thing_of_that_name_keeps_it():
    rows = [("p1", "Orchestrator", "", " agent, which drives optimization"), ("p2", "Orchestrator", "", " framework"),
            ("p3", "Orchestrator", "MODEL", ", an 8B model that achieves higher accuracy")]
    assert not written_as_words("Orchestrator", rows)


def test_a_third_of_its_papers_calling_it_data_or_listing_it_among_data_keep_it():
    assert not written_as_words("Spring", [("p1", "Spring", "BENCHMARK", " benchmark"), ("p2", "Spring", "", " flow"),
                                           ("p3", "Spring", "", " and")])
    rows = [("p1", "Random Walk", "", ", and Boyan Chain benchmarks supports this condition"),
            ("p2", "Random Walk", "", " over the graph"), ("p3", "Random Walk", "", " process")]
    assert not written_as_words("Random Walk", rows)
    # "Random Walk benchmarks" alone is no list: a qualifier
    assert written_as_words("Random Walk", rows[1:] + [("p4", "Random Walk", "", " benchmarks")])
