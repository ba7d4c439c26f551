"""A paper's own reading of a name (graph/corpus_readings.py), through the corpus step on a real store."""

from __future__ import annotations

import pytest

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_readings import crosses_kind
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

DATASET, BENCHMARK, METHOD, MODEL = EntityType.DATASET, EntityType.BENCHMARK, EntityType.METHOD, EntityType.MODEL


def extraction(pid: str, sentence: str, name: str, type_: EntityType, origin: str = "discovered",
               aliases: tuple[str, ...] = ()) -> PaperExtraction:
    """A paper whose abstract is one sentence, with one mention of `name` in it."""
    start = sentence.index(name)
    mention = Mention(pid, "abstract", start, start + len(name), name, sentence, type_,
                      entity_id(name), 0.8, "kg_shapes")
    entity = Entity(entity_id(name), name, type_, aliases=aliases, origin=origin)
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,), (entity,))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "readings.db") as s:
        yield s


# Corpus sentences: InfoSeek the VQA dataset (2602.15915, 2604.07146) and a framework (round 4).
INFOSEEK = [
    ("d1", "Experiments on the InfoSeek dataset demonstrate consistent performance gains across backbones."),
    ("d2", "Experiments on InfoSeek and E-VQA demonstrate that our method achieves state-of-the-art performance."),
    ("f1", "To address this gap, we introduce InfoSeek, a scalable framework for synthesizing complex Deep "
           "Research tasks."),
]


def test_a_paper_that_introduces_a_data_name_as_a_system_keeps_its_own_entity(store):
    store.write_batch([extraction(pid, s, "InfoSeek", DATASET) for pid, s in INFOSEEK])
    report = settle_corpus(store)
    assert report.split == 1
    assert store.paper_counts(["infoseek", "infoseek~method"]) == {"infoseek": 2, "infoseek~method": 1}
    assert store.get_entities(["infoseek~method"])["infoseek~method"].type is METHOD
    settle_corpus(store)  # settled again: nothing moves back
    assert store.paper_counts(["infoseek", "infoseek~method"]) == {"infoseek": 2, "infoseek~method": 1}


def test_a_name_whose_shape_types_it_is_not_split():
    assert not crosses_kind(DATASET, BENCHMARK) and not crosses_kind(MODEL, METHOD)
    assert crosses_kind(DATASET, METHOD) and crosses_kind(MODEL, BENCHMARK)


def test_a_benchmark_introduced_as_a_framework_stays_whole_when_its_shape_says_benchmark(store):
    sentences = [("b1", "We evaluate on the FooBench benchmark across 12 domains."),
                 ("b2", "We present FooBench, a framework for benchmarking agents on long tasks.")]
    store.write_batch([extraction(pid, s, "FooBench", BENCHMARK) for pid, s in sentences])
    assert settle_corpus(store).split == 0
    assert store.paper_counts(["foobench"]) == {"foobench": 2}


ATOMIC_USES = [
    ("a1", "We fine-tune COMET on the ATOMIC knowledge graph of if-then commonsense relations."),
    ("a2", "Results on ATOMIC and ConceptNet show gains in commonsense inference."),
]
ATOMIC_NEW = ("a3", "In this work, we present ATOMIC (Autonomous Technology for Optical Microscopy & Intelligent "
                    "Characterization), an end-to-end framework that integrates foundation models.")


def test_a_gazetteer_name_a_paper_introduces_as_another_thing_is_split_for_that_paper(store):
    store.write_batch([extraction(pid, s, "ATOMIC", DATASET, origin="gazetteer")
                       for pid, s in ATOMIC_USES + [ATOMIC_NEW]])
    report = settle_corpus(store)
    assert report.split == 1 and report.retyped == 0
    assert store.get_entities(["atomic"])["atomic"].type is DATASET
    assert store.paper_counts(["atomic", "atomic~method"]) == {"atomic": 2, "atomic~method": 1}


def test_a_gazetteer_names_own_long_form_is_not_another_reading(store):
    sentence = ("We introduce MUSE (Machine Unlearning Six-way Evaluation), a comprehensive machine "
                "unlearning evaluation framework.")
    aliases = ("Machine Unlearning Six-way Evaluation",)
    store.write_batch([extraction("u1", sentence, "MUSE", BENCHMARK, origin="gazetteer", aliases=aliases),
                       extraction("u2", "We evaluate unlearning on the MUSE benchmark.", "MUSE", BENCHMARK,
                                  origin="gazetteer", aliases=aliases)])
    assert settle_corpus(store).split == 0
    assert store.paper_counts(["muse"]) == {"muse": 2}


# 2605.18663 and 2508.19014 use the IRT model; 2507.02955 defines IRTs as infrared thermographs.
IRT = [
    ("i1", "We calibrate a continuous response 2-parameter logistic (2PL) IRT model over 200k prompt-response pairs."),
    ("i2", "Compared with baseline approaches such as regression-based and IRT models, our framework wins."),
    ("i3", "Fever screening based on infrared thermographs (IRTs) is a viable mass screening approach."),
]


def test_a_paper_that_defines_a_models_acronym_as_a_term_has_its_mentions_held(store):
    store.write_batch([extraction(pid, s, "IRT", MODEL) for pid, s in IRT])
    settle_corpus(store)
    assert store.paper_counts(["irt"]) == {"irt": 2}
    held = store._query("SELECT paper_id, reason FROM held_mentions")
    assert [tuple(row) for row in held] == [("i3", "not-a-name")]


# Corpus sentences: the masked autoencoder, and papers that define MAE as an error metric
# (2504.xxxx-style reports) or a term.
MAE_USES = [
    ("e1", "We pretrain a ViT with MAE on ImageNet and fine-tune it for detection."),
    ("e2", "Our encoder follows MAE, masking 75% of the patches during pretraining."),
]
MAE_METRIC = ("e3", "The model reduces the Mean Absolute Error (MAE) by 12% on the test set.")
MAE_SAME = ("e4", "We build on masked autoencoders (MAE) to learn visual representations.")


def test_a_gazetteer_acronym_defined_as_another_type_gets_an_entity_of_its_own_text(store):
    aliases = ("masked autoencoder", "masked autoencoders")
    store.write_batch([extraction(pid, s, "MAE", METHOD, origin="gazetteer", aliases=aliases)
                       for pid, s in MAE_USES + [MAE_METRIC, MAE_SAME]])
    assert settle_corpus(store).split == 1
    assert store.get_entities(["mae~metric"])["mae~metric"].type is EntityType.METRIC
    assert store.paper_counts(["mae", "mae~metric"]) == {"mae": 3, "mae~metric": 1}


def test_a_gazetteer_datasets_acronym_defined_as_a_term_is_held_in_that_paper(store):
    aliases = ("Stanford Human Preferences",)
    sentences = [("s1", "We fine-tune on SHP and evaluate on HH-RLHF."),
                 ("s2", "This is generalized using a single value representing single-head performance (SHP).")]
    store.write_batch([extraction(pid, s, "SHP", DATASET, origin="gazetteer", aliases=aliases)
                       for pid, s in sentences])
    settle_corpus(store)
    assert store.paper_counts(["shp"]) == {"shp": 1}
    assert [tuple(r) for r in store._query("SELECT paper_id FROM held_mentions")] == [("s2",)]


def test_another_spelling_of_a_gazetteer_long_form_is_the_same_thing(store):
    aliases = ("Bidirectional Encoder Representations from Transformers",)
    sentence = "We use bidirectional encoder representations of transformers (BERT) as the encoder."
    store.write_batch([extraction("b1", sentence, "BERT", MODEL, origin="gazetteer", aliases=aliases),
                       extraction("b2", "BERT is fine-tuned on GLUE.", "BERT", MODEL, origin="gazetteer",
                                  aliases=aliases)])
    assert settle_corpus(store).split == 0
    assert store.paper_counts(["bert"]) == {"bert": 2}


def lowercase_mention(pid: str, sentence: str, text: str, name: str) -> PaperExtraction:
    """A paper whose one sentence writes a gazetteer dataset's name as `text`."""
    start = sentence.index(text)
    mention = Mention(pid, "abstract", start, start + len(text), text, sentence, DATASET,
                      entity_id(name), 0.9, "kg_gazetteer")
    entity = Entity(entity_id(name), name, DATASET, origin="gazetteer")
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,), (entity,))


def test_a_gazetteer_dataset_of_common_words_written_in_lowercase_is_the_words(store):
    # 2025-26 corpus sentences: the disease, and the UCI dataset
    disease = ("h1", "Using interview transcripts from parents of children with a rare congenital heart disease, "
                     "we demonstrate that TAMA outperforms existing LLM-assisted analysis.", "heart disease")
    dataset = ("h2", "We evaluate on the UCI heart disease dataset and two clinical cohorts.", "heart disease")
    named = ("h3", "Experiments on Heart Disease and Diabetes show consistent gains.", "Heart Disease")
    store.write_batch([lowercase_mention(pid, s, text, "Heart Disease") for pid, s, text in (disease, dataset, named)])
    settle_corpus(store)
    assert store.paper_counts(["heartdisease"]) == {"heartdisease": 2}
    assert [tuple(r) for r in store._query("SELECT paper_id FROM held_mentions")] == [("h1",)]


def test_a_gazetteer_acronym_defined_as_an_untyped_other_thing_is_held_where_its_long_form_is_known(store):
    # PSM, listed as the Pooled Server Metrics dataset; a paper's own module (round 6's PSM row)
    aliases = ("Pooled Server Metrics",)
    sentences = [("p1", "We evaluate anomaly detection on PSM and SMD."),
                 ("p2", "We propose a Persistent Structure Memory (PSM) that stores scene layouts across frames.")]
    store.write_batch([extraction(pid, s, "PSM", DATASET, origin="gazetteer", aliases=aliases)
                       for pid, s in sentences])
    settle_corpus(store)
    assert store.paper_counts(["psm"]) == {"psm": 1}
    assert [tuple(r) for r in store._query("SELECT paper_id FROM held_mentions")] == [("p2",)]


def test_a_gazetteer_acronym_without_a_known_long_form_keeps_an_unlisted_expansion(store):
    # DBSCAN listed by its acronym only: its expansion in a paper is no other thing
    sentences = [("c1", "Clusters are found with DBSCAN on the embeddings."),
                 ("c2", "A channel clustering via Density-Based Spatial Clustering of Applications with Noise "
                        "(DBSCAN) groups semantically relevant features.")]
    store.write_batch([extraction(pid, s, "DBSCAN", METHOD, origin="gazetteer") for pid, s in sentences])
    settle_corpus(store)
    assert store.paper_counts(["dbscan"]) == {"dbscan": 2}


def test_a_long_form_holding_most_of_a_known_forms_words_is_the_same_thing(store):
    aliases = ("diffusion language models", "dLLMs")
    sentence = "Diffusion-based large language models (dLLMs) have recently gained significant attention."
    store.write_batch([extraction("l1", sentence, "dLLMs", METHOD, origin="gazetteer", aliases=aliases)])
    settle_corpus(store)
    assert store.paper_counts(["dllms"]) == {"dllms": 1}


def test_a_gazetteer_long_form_whose_acronym_a_paper_defines_as_another_thing_is_held_there(store):
    # stochastic variational inference, listed by its long form; a paper's street view images
    name, aliases = "stochastic variational inference", ("SVI",)

    def acronym_mention(pid: str, sentence: str) -> PaperExtraction:
        start = sentence.index("SVI")
        mention = Mention(pid, "abstract", start, start + 3, "SVI", sentence, METHOD, entity_id(name), 0.9,
                          "kg_gazetteer")
        entity = Entity(entity_id(name), name, METHOD, aliases=aliases, origin="gazetteer")
        return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,), (entity,))

    store.write_batch([acronym_mention("s1", "The posterior is fitted with SVI on minibatches."),
                       acronym_mention("s2", "We collect street view images (SVI) from four cities.")])
    settle_corpus(store)
    assert [tuple(r) for r in store._query("SELECT paper_id FROM held_mentions")] == [("s2",)]


def test_a_gazetteer_long_forms_acronym_expanded_as_another_thing_of_its_type_is_split_there(store):
    # voice activity detection, listed by its long form; corpus sentences that expand VAD
    name, aliases = "voice activity detection", ("VAD",)

    def vad_mention(pid: str, sentence: str) -> PaperExtraction:
        start = sentence.index("VAD")
        mention = Mention(pid, "abstract", start, start + 3, "VAD", sentence, EntityType.TASK, entity_id(name), 0.9,
                          "kg_gazetteer")
        return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,),
                               (Entity(entity_id(name), name, EntityType.TASK, aliases=aliases, origin="gazetteer"),))

    store.write_batch([
        vad_mention("v1", "Video anomaly detection (VAD) aims to identify unexpected events in videos and has wide "
                          "applications in safety-critical domains."),
        vad_mention("v2", "Voice Activity Detection (VAD) plays a key role in speech processing, often utilizing "
                          "hand-crafted or neural features."),
        vad_mention("v3", "This study investigates how to perform VAD effectively under such constraints by "
                          "leveraging compact and efficient processing strategies.")])
    settle_corpus(store)
    assert store.paper_counts(["voiceactivitydetection", "vad~task"]) == {"voiceactivitydetection": 2, "vad~task": 1}


def test_a_gazetteer_papers_own_reading_joins_the_entity_the_corpus_discovered_by_its_text(store):
    # SR: super-resolution in the gazetteer, symbolic regression in a paper (2606.04360), and
    # SR, a method the corpus discovered. The paper joins the discovered SR in the first step,
    # which decides SR over it: a second step would merge an `sr~method` there and decide again.
    gazetteer = Entity("superresolution", "super-resolution", EntityType.TASK, aliases=("SR",), origin="gazetteer")
    sentence = ("Symbolic regression (SR) discovers compact mathematical expressions from data, yet recent "
                "LLM-based evolutionary methods remain sample-inefficient.")
    start = sentence.index("SR")
    regression = PaperExtraction(Paper("s1", "Paper s1", sentence), (Mention(
        "s1", "abstract", start, start + 2, "SR", sentence, EntityType.TASK, gazetteer.id, 0.9, "kg_gazetteer"),),
        (gazetteer,))
    store.write_batch([regression, extraction("s2", "We apply SR to recover the governing equations of a "
                                                    "pendulum from noisy trajectories.", "SR", METHOD)])
    settle_corpus(store)
    first = settled_state(store)
    assert store.paper_counts(["sr", "superresolution"]) == {"sr": 2}
    assert store.get_entities(["sr~method"]) == {}
    settle_corpus(store)
    assert settled_state(store) == first


def settled_state(store: Store) -> tuple[list, list]:
    """Every entity with its type, and every mention and held mention with its entity and type."""
    return (store._query("SELECT id, type, variant_of FROM entities ORDER BY id"),
            store._query("SELECT entity_id, paper_id, start, type FROM mentions UNION ALL "
                         "SELECT entity_id, paper_id, start, reason FROM held_mentions ORDER BY 1, 2, 3, 4"))


# Corpus sentences: the FDD score (2506.19839, 2603.12245) and two papers that define FDD as
# frequency-division duplex(ing), a telecom scheme (2602.06479, 2604.21271).
FDD = [
    ("s1", "On Imagenet-1k 512px, DFM achieves 35.2% improvements in FDD scores over the base architecture."),
    ("s2", "On ImageNet-1K 512px, ELIT delivers an average gain of 35.3% and 39.6% in FID and FDD scores."),
    ("t1", "This paper establishes the theoretical limits of channel state information (CSI) feedback in "
           "frequency-division duplexing (FDD) multi-antenna systems under finite-length training."),
    ("t2", "We study downlink channel estimation in a frequency-division duplex (FDD) massive MIMO system "
           "from PMI-only feedback."),
]


def test_a_paper_that_defines_a_metrics_acronym_as_a_plain_term_has_its_mentions_held(store):
    store.write_batch([extraction(pid, s, "FDD", EntityType.METRIC) for pid, s in FDD])
    settle_corpus(store)
    assert store.paper_counts(["fdd"]) == {"fdd": 2}
    held = store._query("SELECT DISTINCT paper_id FROM held_mentions ORDER BY paper_id")
    assert [row[0] for row in held] == ["t1", "t2"]


# Round 11's sheet: MARBLE, the music benchmark, and a paper's title naming its reasoning
# engine MARBLE; T-REx, the relation dataset, and a paper's endoscopy model TREX.
MARBLE_USES = [("m1", "We evaluate our music encoder on the MARBLE benchmark and report gains on 14 tasks."),
               ("m2", "MARBLE: A Multi-Agent Rule-Based LLM Reasoning Engine for Accident Severity Prediction")]
TREX_USES = [("t1", "Experiments on T-REx show that the retriever recalls more facts."),
             ("t2", "Hence, we developed Temporal Rectal Endoscopy Cross-attention (TREX), a longitudinal deep "
                    "learning approach that combines pairs of images acquired at restaging and follow-up.")]


def test_a_title_that_names_another_kind_of_thing_splits_a_gazetteer_name_for_that_paper(store):
    store.write_batch([extraction(pid, s, "MARBLE", BENCHMARK, origin="gazetteer") for pid, s in MARBLE_USES])
    assert settle_corpus(store).split == 1
    assert store.paper_counts(["marble", "marble~method"]) == {"marble": 1, "marble~method": 1}


def test_an_apposition_after_a_developed_long_forms_acronym_splits_a_gazetteer_name_there(store):
    store.write_batch([extraction(pid, s, "TREX" if pid == "t2" else "T-REx", DATASET, origin="gazetteer")
                       for pid, s in TREX_USES])
    assert settle_corpus(store).split == 1
    assert store.paper_counts([entity_id("T-REx"), "trex~method"]) == {entity_id("T-REx"): 1, "trex~method": 1}


@pytest.mark.parametrize("sentence", [
    "Multi-SWE-bench: A Multilingual Benchmark for Issue Resolving",  # round 6: its own type, stays
    "We evaluate MARBLE: a benchmark of music tasks.",  # no title at the sentence's start
    "Beyond Accuracy (MARBLE), a framework built on prior work, is what we compare against.",  # not developed here
])
def test_a_title_or_apposition_of_the_names_own_kind_or_not_its_own_moves_nothing(store, sentence):
    name = "Multi-SWE-bench" if sentence.startswith("Multi") else "MARBLE"
    store.write_batch([extraction("p1", "We evaluate on the FooBar benchmark.", "FooBar", BENCHMARK, origin="gazetteer"),
                       extraction("p2", sentence, name, BENCHMARK, origin="gazetteer")])
    assert settle_corpus(store).split == 0
