"""The corpus step's verdicts (graph/corpus_verdicts.py), judged here and in a pool."""

from __future__ import annotations

from paperkg.graph.corpus_verdicts import iter_verdicts, judge_chunk, judge_entity
from paperkg.graph.mention_votes import vote_of
from paperkg.graph.records import EntityType


def case(entity_id: str, name: str, type_: str, sentences: list[tuple[str, str, float]]):
    """An entity's case as the corpus step reads it: one mention of `name` a (paper, sentence,
    confidence), with the vote and reading mark the extraction workers give it."""
    rows = []
    for paper, sentence, confidence in sentences:
        vote, defines = vote_of(sentence, name)
        rows.append((paper, sentence, name, confidence, vote, defines, 1))
    return entity_id, name, type_, rows, 0


# Corpus sentences (see tests/test_corpus.py and tests/test_corpus_readings.py).
CASES = [
    case("rvos", "RVOS", "BENCHMARK", [
        ("p1", "Extensive experiments on the RVOS benchmark show consistent gains.", 0.8),
        ("p2", "Referring Video Object Segmentation (RVOS) aims to segment target objects throughout a "
               "video based on a text description.", 0.8),
        ("p3", "Referring video object segmentation (RVOS) requires grounding an expression in every frame.", 0.8)]),
    case("phase1", "Phase-1", "MODEL", [
        ("p4", "In Phase-1, a large multimodal LLM (Qwen2.5-VL-32B) is conditioned on six-camera inputs.", 0.8)]),
    case("proceduralaugmentation", "procedural augmentation", "METHOD", [
        ("p5", "We present a procedural augmentation pipeline that enhances low-cost monocular dashcam footage.",
         0.55)]),
    case("sageattention", "SageAttention", "METHOD", [
        ("p7", "Existing low-bit attention works like FlashAttention3 and SageAttention focus only on inference.",
         0.5)]),
    case("infoseek", "InfoSeek", "DATASET", [
        ("d1", "Experiments on the InfoSeek dataset demonstrate consistent performance gains across backbones.", 0.8),
        ("d2", "Experiments on InfoSeek and E-VQA demonstrate that our method achieves state-of-the-art "
               "performance.", 0.8),
        ("f1", "To address this gap, we introduce InfoSeek, a scalable framework for synthesizing complex Deep "
               "Research tasks.", 0.8)]),
]


def test_the_verdicts_hold_retype_and_split_as_the_rules_say():
    verdicts = {v.entity_id: v for v in (judge_entity(c, 0.65) for c in CASES)}
    assert verdicts["phase1"].hold == "not-a-name"
    assert verdicts["sageattention"].hold == "below-floor"
    # a method in plain lowercase words that no paper defines is a description, whatever its confidence
    assert verdicts["proceduralaugmentation"].hold == "not-a-name"
    assert verdicts["rvos"].hold is None and verdicts["rvos"].type.value == "TASK"
    assert set(verdicts["infoseek"].readings.moved) == {"f1"}


def test_a_pool_gives_the_verdicts_one_process_gives_in_order():
    chunks = [CASES[i % len(CASES):] + CASES[:i % len(CASES)] for i in range(12)]  # more than the window
    here = list(iter_verdicts(chunks, 0.65, workers=1))
    assert list(iter_verdicts(chunks, 0.65, workers=2)) == here
    assert [[v.entity_id for v in chunk] for chunk in here] == [[c[0] for c in chunk] for chunk in chunks]


def test_a_chunk_gives_back_only_the_verdicts_that_change_their_entity():
    settled = ("rvos", "RVOS", "TASK", *CASES[0][3:])  # typed as its papers read it already
    assert judge_entity(settled, 0.65).type.value == "TASK"
    assert judge_chunk([settled, CASES[1]], 0.65) == [judge_entity(CASES[1], 0.65)]
    # a readings' split whose entity keeps its type comes back without the type
    infoseek = judge_chunk([CASES[4]], 0.65)
    assert [(v.entity_id, v.type, set(v.readings.moved)) for v in infoseek] == [("infoseek", None, {"f1"})]


# One corpus paper (2601.19151) that presents TS-Debate as a framework; the extractor typed it BENCHMARK.
TS_DEBATE = case("tsdebate", "TS-Debate", "BENCHMARK", [
    ("p1", "TS-Debate: Multimodal Collaborative Debate for Zero-Shot Time Series Reasoning", 0.8),
    ("p1", "We present TS-Debate, a modality-specialized, collaborative multi-agent debate framework for "
           "zero-shot time series reasoning.", 0.8),
    ("p1", "Across 20 tasks spanning three public benchmarks, TS-Debate achieves consistent and significant "
           "performance improvements over strong baselines.", 0.8)])


def test_a_discovered_name_every_paper_reads_as_another_type_takes_that_type_and_keeps_its_papers():
    verdict = judge_entity(TS_DEBATE, 0.65)
    assert verdict.type.value == "METHOD" and not verdict.readings.moved
    # so typed, the step over it again finds nothing to change: a fixed point
    again = judge_entity(("tsdebate", "TS-Debate", "METHOD", *TS_DEBATE[3:]), 0.65)
    assert again.type.value == "METHOD" and not again.readings.moved


# Corpus sentences that define FAR as rates, and one paper (2503.19325) that introduces a model under it.
FAR = case("far", "FAR", "METRIC", [
    ("m1", "Q-Margin consistently improves at low False Acceptance Rates (FAR), a capability critical for "
           "practical high-security deployments.", 0.9),
    ("m2", "We report two complementary metrics: Miss Rate (MR) and False Alarm Rate (FAR), capturing failures "
           "to detect misbehavior and oversensitivity.", 0.9),
    ("f1", "To investigate long-context video modeling, we introduce Frame AutoRegressive (FAR), a strong "
           "baseline for video autoregressive modeling.", 0.9)])


def test_a_paper_expanding_a_metrics_acronym_as_a_technique_gets_a_method_of_its_own():
    verdict = judge_entity(FAR, 0.65)
    assert verdict.type.value == "METRIC" and verdict.readings.moved == {"f1": ("FAR", EntityType.METHOD)}
    # with no paper saying what FAR measures, no paper's long form is another thing
    alone = judge_entity(("far", "FAR", "METRIC", FAR[3][2:], 0), 0.65)
    assert not alone.readings.moved


def _rows(entries):
    """Mention rows of (paper, sentence, text as written there), voted as the extraction workers vote."""
    rows = []
    for paper, sentence, text in entries:
        vote, defines = vote_of(sentence, text)
        rows.append((paper, sentence, text, 0.8, vote, defines, 1))
    return rows


# "Split" as the corpus step held it: paper 2602.03809 writes "Split&Splat" (another method),
# paper 2604.15651 introduces SPLIT.
SPLIT_ROWS = _rows([
    ("2602.03809", "Unlike existing methods, Split&Splat tackles the problem by first segmenting the scene and "
                   "then reconstructing each object individually.", "Split"),
    ("2604.15651", "We address nonlinear inverse problems and introduce SPLIT (Self-supervised Partitioning for "
                   "Learned Inversion in Nonlinear Tomography), a self-supervised machine-learning framework for "
                   "reconstructing images from nonlinear, incomplete, and noisy projection data.", "SPLIT"),
    ("2604.15651", "SPLIT enforces cross-partition consistency and measurement-domain fidelity while exploiting "
                   "complementary information across multiple partitions.", "SPLIT")])


def test_a_paper_naming_the_entity_only_glued_into_a_longer_name_is_held_and_the_others_decide():
    verdict = judge_entity(("split", "Split", "METHOD", SPLIT_ROWS, 0), 0.65)
    assert verdict.hold is None and verdict.readings.terms == {"2602.03809"}
    # the type is the one the kept paper alone gives
    kept = judge_entity(("split", "Split", "METHOD", SPLIT_ROWS[1:], 0), 0.65)
    assert verdict.type == kept.type and not kept.readings.terms
    # the step again (the held paper is pulled back first): the same hold, nothing else
    again = judge_chunk([("split", "Split", (verdict.type or EntityType.METHOD).value, SPLIT_ROWS, 0)], 0.65)
    assert [(v.hold, v.type, v.readings.terms) for v in again] == [(None, None, {"2602.03809"})]


def test_an_entity_of_fragments_alone_is_not_a_name():
    # 2602.11089: "surpassing Qwen3-1.7B", read as a model "Qwen3 1.7"
    rows = _rows([("2602.11089", "Notably, the recipe from DataChef-32B adapts Qwen3-1.7B-Base to the math "
                                 "domain, achieving 66.7 on AIME'25 and surpassing Qwen3-1.7B.", "Qwen3-1.7")])
    assert judge_entity(("qwen317", "Qwen3 1.7", "MODEL", rows, 0), 0.65).hold == "not-a-name"


# Corpus sentences (75k graph, round 17's ingest): each entity typed TASK by its long form's head.
COMPONENTS = [
    case("trra", "Training-time Realignment", "TASK", [
        ("r1", "We propose Training-time Realignment (TrRa), which efficiently realigns the reference model.", 0.8)]),
    case("cdsa", "Cross-Domain Semantic Alignment", "TASK", [
        ("r2", "Furthermore, we present TransLU, a dual-branch cross-domain transfer framework comprising two key "
               "components: Cross-Domain Knowledge Sharing (CDKS) and Cross-Domain Semantic Alignment (CDSA).", 0.8)]),
    case("dee", "Dynamic Embedding Enhancement", "TASK", [
        ("r3", "Dynamic Embedding Enhancement (DEE) strengthens multi-scale representations in a target-aware "
               "manner.", 0.8)]),
]


def test_a_task_named_by_capitalised_words_ending_in_alignment_or_enhancement_is_a_method_and_stays():
    verdicts = judge_chunk(COMPONENTS, 0.65)
    assert [(v.entity_id, v.type) for v in verdicts] == [(c[0], EntityType.METHOD) for c in COMPONENTS]
    # the step again, over what it wrote: nothing changes
    assert judge_chunk([(i, n, "METHOD", rows, low) for i, n, _, rows, low in COMPONENTS], 0.65) == []
    # the task itself, in lowercase, and a capitalised task of another head stay tasks
    lowercase = case("mmea", "entity alignment", "TASK", [
        ("r4", "Multi-modal entity alignment aims to retrieve equivalent entities from different knowledge "
               "graphs, a critical information retrieval task.", 0.8)])
    synthesis = case("nvas", "Novel View Acoustic Synthesis", "TASK", [
        ("r5", "Accurately modeling sound propagation with complex real-world environments is essential for Novel "
               "View Acoustic Synthesis (NVAS).", 0.8)])
    assert all(v.type is not EntityType.METHOD for v in judge_chunk([lowercase, synthesis], 0.65))


# Corpus sentences (75k graph, main's ingest of round 19): the store names the entity "CLIP derived",
# every paper writes "CLIP-derived" before a noun.
CLIP_DERIVED = _rows([
    ("2505.13212", "MFDCD includes a Dynamic Frequency Coupler (DFC) that fuses hierarchical visual features with "
                   "wavelet-based frequency components, and a Textual Frequency Filter (TFF) that transforms "
                   "CLIP-derived textual features into the frequency domain and applies graph-based filtering.",
     "CLIP-derived"),
    ("2505.18958", "In addition, CLIP-derived text embeddings were projected into the visual space to help model "
                   "complex relationships among organs and tumors.", "CLIP-derived"),
    ("2506.07338", "Our approach integrates cross-level semantic scoring, utilizing CLIP-derived relevancy fields to "
                   "identify regions with high semantic similarity to the target object class.", "CLIP-derived"),
])


def test_a_name_its_papers_write_as_a_compound_ending_in_a_participle_is_not_a_name():
    assert judge_entity(("clipderived", "CLIP derived", "MODEL", CLIP_DERIVED, 0), 0.65).hold == "not-a-name"
    # one paper of three so written decides nothing: the others name the thing
    named = CLIP_DERIVED[:1] + _rows([
        ("p2", "We compare against CLIP and SigLIP on zero-shot retrieval.", "CLIP"),
        ("p3", "CLIP is a contrastive image-text model.", "CLIP")])
    assert judge_entity(("clip", "CLIP", "MODEL", named, 0), 0.65).hold is None


def test_an_apposition_types_the_name_by_its_head_noun_not_by_a_noun_that_qualifies_it():
    # 2510.01174: a framework whose first noun is "agent"
    code2video = case("code2video", "Code2Video", "MODEL", [
        ("2510.01174", "In this work, we propose Code2Video, a code-centric agent framework for generating "
                       "educational videos via executable Python code.", 0.85)])
    assert judge_entity(code2video, 0.65).type is EntityType.METHOD
    # 2505.20809: a benchmark whose first noun is "model"
    axbench = case("axbench", "AxBench", "MODEL", [
        ("2505.20809", "We train three parameterizations of RePS and evaluate them on AxBench, a large-scale model "
                       "steering benchmark.", 0.85)])
    assert judge_entity(axbench, 0.65).type is EntityType.BENCHMARK


def test_a_name_called_so_after_a_type_noun_takes_that_type():
    dual = case("duallora", "Dual LoRA", "MODEL", [
        ("2512.03402", "In this paper, we propose a novel method called Dual LoRA to improve the performance by "
                       "incorporating an inductive bias into the original LoRA.", 0.85)])
    assert judge_entity(dual, 0.65).type is EntityType.METHOD


def test_a_pairing_of_model_classes_is_not_a_name():
    pairing = case("vlmllm", "VLM-LLM", "MODEL", [
        ("2507.12819", "For example, sequential VLM-LLM pipelines process each modality independently, which "
                       "often results in information loss and limits cross-modal interaction.", 0.5),
        ("2508.08930", "The framework employs a hybrid workflow: the VLM-LLM reasoning is executed offline, after "
                       "which a lightweight FastVLM performs online validation.", 0.5)])
    assert judge_entity(pairing, 0.65).hold == "not-a-name"
