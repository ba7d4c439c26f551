"""Corpus-level evidence (graph/extract/rules/evidence.py), on sentences of the arXiv cs corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.abbreviations import find_definitions
from paperkg.graph.extract.rules.entity_verdict import decide_entity
from paperkg.graph.extract.rules.evidence import (
    _SOFTWARE_LIST, _after_software_list, _definition_vote, EVENT, FRAGMENT, MODIFIER, NAMED_DEFINITION, SOFTWARE, UNTYPED_DEFINITION, definition_evidence, mention_evidence,
)
from paperkg.graph.extract.rules.junk_shapes import is_junk_name
from paperkg.graph.extract.rules.name_use import PART, QUALIFIER
from paperkg.graph.records import EntityType
from sample_texts import random_texts
from seed_page import seed_lines

BENCHMARK, DATASET, METHOD = EntityType.BENCHMARK, EntityType.DATASET, EntityType.METHOD
MODEL, TASK = EntityType.MODEL, EntityType.TASK

RVOS_DEFINED = ("Referring Video Object Segmentation (RVOS) aims to segment target objects "
                "throughout a video based on a text description.")
LOS_DEFINED = ("Transient measurements, captured by the timeresolved systems, are widely employed in "
               "photon-efficient reconstruction tasks, including line-of-sight (LOS) and "
               "non-line-of-sight (NLOS) imaging.")
FRAMEVGGT = ("Motivated by this observation, we propose FrameVGGT, a frame-driven rolling explicit-memory "
             "framework that treats each frame's incremental KV contribution as a coherent evidence block.")
PIE_BENCH = ("Experimental results on the popular PIE-Bench and RW-800 benchmarks demonstrate the superior "
             "performance of our approach in preserving background and providing accurate edits.")
REMOTE_SENSING = ("Semantic segmentation of remote sensing images is challenging because of large "
                  "intra-class variance.")
OBJECT_DETECTION = "We evaluate on object detection tasks with strong baselines."


@pytest.mark.parametrize("name", [
    "Phase-1", "Stage 2", "stage II",            # ordinals: "In Phase-1, a large multimodal LLM ..."
    "20B-parameter", "64K-token", "7B",           # sizes: "our best 20B-parameter model"
    "5x5", "512x512",                             # dimensions: "instances (4x4, 5x5, 7x7)"
    "UAV-captured", "CNN-based", "U-shaped",      # adjectives: "three complex UAV-captured datasets"
    "4B/8B", "3B+4B",                             # sizes listed: "matches open-source 4B/8B models"
    "8B-Instruct", "7B-size",                     # a size and a variant: "the base LLaMA-3.1 8B-Instruct model"
])
def test_shapes_that_are_never_names_are_junk(name):
    assert is_junk_name(name)


@pytest.mark.parametrize("name", ["Qwen 3B", "3B LLaMA", "Infinity-8B", "30B-A3B-Instruct"])
def test_a_size_with_a_family_is_no_junk(name):
    assert not is_junk_name(name)


def test_a_disease_defined_by_its_acronym_is_a_term():
    # 2506.19474: DPN is also a "Detail Preservation Network" in 2512.11284
    sentence = "Diabetic Peripheral Neuropathy (DPN) affects nearly half of diabetes patients, requiring early detection."
    assert mention_evidence(sentence, "DPN") == UNTYPED_DEFINITION


@pytest.mark.parametrize("name", ["RewardBench", "GPT-4", "Qwen2.5-7B", "CIFAR-10", "ResNet-50",
                                  "Llama 3.1 8B Instruct", "PIE-Bench", "YOLOv8"])
def test_names_with_digits_are_not_junk(name):
    assert not is_junk_name(name)


def test_a_definition_votes_its_long_forms_type():
    assert mention_evidence(RVOS_DEFINED, "RVOS") is TASK


def test_a_lowercase_long_form_without_typed_head_is_a_term():
    assert mention_evidence(LOS_DEFINED, "LOS") == UNTYPED_DEFINITION


def test_an_apposition_votes_its_head_noun():
    assert mention_evidence(FRAMEVGGT, "FrameVGGT") is METHOD


def test_a_following_type_noun_votes():
    assert mention_evidence(PIE_BENCH, "PIE-Bench") is None  # "and" follows
    assert mention_evidence("We report results on the HD-EPIC benchmark.", "HD-EPIC") is BENCHMARK


def test_a_phrase_before_a_plain_noun_is_a_modifier():
    assert mention_evidence(REMOTE_SENSING, "remote sensing") == MODIFIER
    assert mention_evidence(OBJECT_DETECTION, "object detection") is None


def test_the_type_most_papers_support_wins():
    evidence = [("a", BENCHMARK), ("b", TASK), ("c", TASK), ("c", TASK)]
    decision = decide_entity("RVOS", BENCHMARK, evidence)
    assert decision.type is TASK and not decision.not_a_name


def test_one_paper_repeating_a_cue_does_not_outvote_two():
    evidence = [("a", MODEL)] * 5 + [("b", METHOD), ("c", METHOD)]
    assert decide_entity("MDM", MODEL, evidence).type is METHOD


def test_a_tie_keeps_the_current_type():
    assert decide_entity("CHAIR", BENCHMARK, [("a", BENCHMARK), ("b", EntityType.METRIC)]).type is BENCHMARK


def test_a_field_used_as_a_modifier_is_not_a_name():
    evidence = [(str(i), MODIFIER) for i in range(6)] + [("x", METHOD), ("y", None), ("z", None)]
    assert decide_entity("remote sensing", METHOD, evidence).not_a_name


def test_a_task_phrase_used_as_a_modifier_stays():
    evidence = [(str(i), MODIFIER) for i in range(6)]
    assert not decide_entity("object detection", TASK, evidence).not_a_name


def test_an_acronym_defined_only_as_a_term_is_not_a_name():
    evidence = [("a", UNTYPED_DEFINITION), ("b", UNTYPED_DEFINITION), ("c", DATASET)]
    assert decide_entity("LOS", DATASET, evidence).not_a_name
    assert not decide_entity("MDM", MODEL, evidence + [("d", MODEL), ("e", MODEL)]).not_a_name


@pytest.mark.parametrize("name", [
    "low-latency retrieval",        # "This enables low-latency retrieval, with ColmmBERT-base-TR ..."
    "high-performance detection",   # "... a single feature-level fusion unit to enable high-performance detection"
    "unanimous recognition",        # "... and received unanimous recognition from all 20+ expert judges."
    "systematic optimization",      # "... obscuring their individual impacts and hindering systematic optimization."
])
def test_a_phrase_led_by_a_grading_word_is_junk(name):
    assert is_junk_name(name)


@pytest.mark.parametrize("name", ["low-light image enhancement", "visual generation", "robust optimization",
                                  "Efficient Inference"])
def test_descriptive_phrases_and_title_names_are_not_junk(name):
    assert not is_junk_name(name)


def test_a_hyphenated_or_assessment_head_types_a_definition():
    title = "Nano Bio-Agents (NBA): Small Language Model Agents for Genomics"
    assert mention_evidence(title, "NBA") is MODEL
    biqa = ("In this work, we investigate how a model can acquire both human-like and self-consistent "
            "reasoning capability for blind image quality assessment (BIQA).")
    assert mention_evidence(biqa, "BIQA") is TASK


def test_a_name_used_as_a_qualifier_or_a_part_more_than_as_data_is_not_a_name():
    # "IEEE": IEEE Transactions, IEEE Xplore, "IEEE benchmark networks" (2507.02078)
    evidence = [(str(i), PART) for i in range(5)] + [("q", QUALIFIER), ("x", None), ("y", None)]
    assert decide_entity("IEEE", BENCHMARK, evidence).not_a_name
    # a dataset that most papers name as one is kept, though some write "X II" or "X benchmarks"
    kept = [(str(i), DATASET) for i in range(4)] + [("p", PART), ("q", QUALIFIER)]
    assert not decide_entity("CASME", DATASET, kept).not_a_name
    # two stray parts among many bare uses are no evidence ("Gemini 3.1" in 39 papers)
    bare = [("a", PART), ("b", PART)] + [(str(i), None) for i in range(37)]
    assert not decide_entity("Gemini 3.1", MODEL, bare).not_a_name


def test_qualifier_and_part_votes_leave_methods_alone():
    evidence = [(str(i), PART) for i in range(5)]
    assert not decide_entity("SQL", METHOD, evidence).not_a_name


def test_capitalised_definitions_of_a_term_others_write_in_lowercase_are_terms():
    nsfw = [("a", NAMED_DEFINITION), ("b", NAMED_DEFINITION), ("c", UNTYPED_DEFINITION), ("d", DATASET)]
    assert decide_entity("NSFW", BENCHMARK, nsfw).not_a_name
    # without a lowercase definition a capitalised one may name a new thing
    assert not decide_entity("APE", BENCHMARK, nsfw[:2] + nsfw[3:]).not_a_name
    # methods are capitalised by their authors: "Contrast Limited Adaptive Histogram Equalization (CLAHE)"
    assert not decide_entity("CLAHE", METHOD, nsfw + [("e", METHOD)]).not_a_name


def test_a_plural_definition_names_a_class_of_models():
    wams = "World Action Models (WAMs) have emerged as a promising alternative to VLA models for embodied control."
    assert mention_evidence(wams, "WAM") == UNTYPED_DEFINITION
    lower = "Recently, world-action models (WAM) have emerged to bridge VLA models and world models."
    assert mention_evidence(lower, "WAM") == UNTYPED_DEFINITION
    assert mention_evidence("Nano Bio-Agents (NBA): Small Language Model Agents for Genomics", "NBA") is MODEL


def test_a_bare_version_is_not_a_name():
    assert decide_entity("v2.0", DATASET, [("a", DATASET), ("b", DATASET)]).not_a_name
    assert not decide_entity("YOLOv8", MODEL, [("a", MODEL)]).not_a_name


def test_a_name_in_a_qualifier_use_casts_no_type_vote():
    sentence = "Extensive experiments across four CD benchmarks demonstrate that our HSACNet achieves gains."
    assert mention_evidence(sentence, "CD") == QUALIFIER


def test_a_capitalised_name_headed_by_a_task_votes_for_the_task():
    evidence = [("a", TASK), ("b", MODEL)]
    assert decide_entity("AI-Generated Image Detection", MODEL, evidence).type is TASK
    assert decide_entity("Video Encoder", MODEL, evidence[1:]).type is MODEL


def test_a_quantisation_setting_and_a_verb_score_are_no_evidence_of_a_name():
    assert decide_entity("W4A4", MODEL, [("a", MODEL), ("b", MODEL)]).not_a_name
    sentence = "Our evaluations show a substantial drop; e.g., Claude Sonnet 3.5 scores 90.5% on ChartQA."
    assert mention_evidence(sentence, "Claude Sonnet 3.5") is None
    assert decide_entity("depression detection", DATASET, [("a", DATASET), ("b", TASK)]).type is TASK


def test_data_used_as_a_qualifier_does_not_become_a_method_on_as_few_votes():
    evidence = [("a", QUALIFIER), ("b", METHOD), ("c", None)]
    assert decide_entity("AI-for-science", BENCHMARK, evidence).not_a_name
    assert decide_entity("Lean 4", BENCHMARK, evidence + [("d", METHOD)]).type is METHOD


def test_a_type_noun_after_a_capitalised_definition_types_it():
    sentence = ("To address this issue, we propose a method that combines the Bi-Directional Text Fusion "
                "(BiT) module and Category-Aware Temporal Graph (CATS) module.")
    assert mention_evidence(sentence, "BiT") is METHOD


@pytest.mark.parametrize("name", ["LoRA-adapted", "ImageNet-pretrained", "LLM-judged", "LLM-agentic"])
def test_a_compound_ending_in_a_participle_is_not_a_name(name):
    assert decide_entity(name, MODEL, [("a", MODEL), ("b", MODEL)]).not_a_name


@pytest.mark.parametrize("name", [
    "slow sampling",              # "... limited due to diffusion's slow sampling speed."
    "expensive sampling",         # "... methods that require computationally expensive sampling."
    "generate segmentation",      # "... probabilistic models (DDPMs) to generate segmentation masks ..."
    "nine image classification",  # "... on nine image classification benchmarks ..."
    "7B-8B", "7B+",               # sizes alone
])
def test_a_phrase_led_by_a_size_or_speed_word_a_number_or_a_verb_is_junk(name):
    assert is_junk_name(name)


@pytest.mark.parametrize("name", ["support vector machine", "fast Fourier transform", "naive Bayes",
                                  "limited-memory BFGS"])
def test_technical_terms_that_start_like_descriptions_are_not_junk(name):
    assert not is_junk_name(name)


def test_a_long_form_capitalised_only_as_the_sentence_start_is_a_term():
    sentence = "Shared decision-making (SDM) is necessary to achieve patient-centred care."
    assert definition_evidence(sentence, "SDM") == (True, UNTYPED_DEFINITION)
    named = "Adjacent Possible Exploration (APE) lets agents search beyond known states."
    assert definition_evidence(named, "APE") != (True, UNTYPED_DEFINITION)


@pytest.mark.parametrize("name", [
    "Although retrieval-augmented generation",  # "Although retrieval-augmented generation (RAG) improves ..."
    "optical character recognition detected",   # "... text regions that optical character recognition detected ..."
    "val2017", "test-dev2015",                  # dataset splits
    "higher retrieval",                         # "... achieves higher retrieval accuracy ..."
    "State-of-the-art T2I",                     # "State-of-the-art T2I models are capable of ..."
    "Current RLVR",                             # "Current RLVR methods ..."
    "mainstream code generation",               # "... mainstream code generation benchmarks ..."
])
def test_clause_openers_participles_splits_and_comparatives_make_junk(name):
    assert is_junk_name(name)


@pytest.mark.parametrize("name", ["retrieval-augmented generation", "mixture of experts", "Thus-Net", "Overall Accuracy",
                                  "Prior Guided Depth Calibration", "Current-Net", "Early Fusion"])
def test_names_around_those_shapes_are_not_junk(name):
    assert not is_junk_name(name)


def test_a_manner_phrase_is_a_description_unless_a_paper_defines_it():
    votes = [("a", METHOD), ("b", METHOD), ("c", None)]
    assert decide_entity("iterative optimization", METHOD, votes, defining_papers=0).not_a_name
    assert decide_entity("iterative optimization", METHOD, votes, defining_papers=1).type is METHOD


def test_a_component_noun_after_a_definition_makes_it_a_method():
    # "... this paper introduces a Discriminative Feature Enhancement (DFE) mechanism to further explore ..."
    sentence = ("Specifically, this paper introduces a Discriminative Feature Enhancement (DFE) mechanism "
                "to further explore the feature discrepancies introduced by various data augmentation strategies.")
    assert mention_evidence(sentence, "DFE") is METHOD
    assert mention_evidence(RVOS_DEFINED, "RVOS") is TASK  # no noun after it: the head's type


def test_capitalised_words_before_a_plural_model_noun_name_a_class():
    # "... constitute Vision-Language-Action models, which map observations to actions."
    sentence = "Recent Vision-Language-Action models map camera observations and instructions to robot actions."
    assert mention_evidence(sentence, "Vision-Language-Action") == "class"
    defined = "Vision-Language-Action (VLA) models have emerged as a promising paradigm for robot control."
    assert mention_evidence(defined, "Vision-Language-Action") == UNTYPED_DEFINITION
    assert mention_evidence("We fine-tune OpenVLA models on LIBERO.", "OpenVLA") is MODEL  # one word: a family
    votes = [("a", "class"), ("b", "class"), ("c", MODEL)]
    assert decide_entity("Vision-Language-Action", MODEL, votes).not_a_name


def test_a_time_compound_before_a_process_is_a_description_unless_a_paper_defines_it():
    # "... pseudolabels provided by strong unsupervised test-time optimization methods" (no paper defines it);
    # "test-time adaptation (TTA)" is defined, and so kept
    votes = [("a", METHOD), ("b", METHOD), ("c", METHOD)]
    assert decide_entity("test-time optimization", METHOD, votes, defining_papers=0).not_a_name
    assert decide_entity("test-time adaptation", METHOD, votes, defining_papers=2).type is METHOD


def _votes(name: str, sentences: list[str]) -> list[tuple[str, str | EntityType | None]]:
    return [(f"p{i}", mention_evidence(sentence, name)) for i, sentence in enumerate(sentences)]


def test_a_method_in_plain_lowercase_words_is_a_name_only_where_a_paper_defines_it():
    # main's 75k graph: "feature optimization" in five papers, none defines it
    described = ["With feature optimization and a LightGBM classifier tuned by Bayesian search, DBINDS achieves "
                 "strong cross-generator performance on GenVidBench.",
                 "By assigning semantic indices only to salient regions, LightSplat eliminates costly feature "
                 "optimization and storage overhead."]
    assert decide_entity("feature optimization", METHOD, _votes("feature optimization", described),
                         defining_papers=0).not_a_name
    # "Progressive Channel Pruning (PCP)" defines its name: a paper that defines a phrase keeps it
    defined = ["In this work, we propose a simple but effective channel pruning framework called Progressive Channel "
               "Pruning (PCP) to accelerate Convolutional Neural Networks (CNNs).",
               "We achieve VAE compression through channel pruning, attention removal and lightweight SepConv."]
    assert decide_entity("channel pruning", METHOD, _votes("channel pruning", defined), defining_papers=1).type is METHOD


def test_a_task_or_metric_in_plain_lowercase_words_needs_no_definition():
    # a task names what is done: "pest detection" stays though no paper defines it
    sentences = ["With the increasing use of computer vision in agriculture, image analysis has become crucial for "
                 "tasks like crop health monitoring and pest detection.",
                 "First, a pest detection network is used for pest detection and counting, extracting counting "
                 "result-related information."]
    assert decide_entity("pest detection", TASK, _votes("pest detection", sentences), defining_papers=0).type is TASK


# Round 11's sheet: a method typed MODEL whose sentence calls it a framework.
DLLG = ("We propose DLLG (Dynamic Logit-Level Gating), a dynamic logit-level ensembling framework that "
        "learns token-level expert fusion from sparse response-level supervision.")


def test_an_apposition_after_the_names_parenthesised_long_form_votes_its_head_noun():
    assert mention_evidence(DLLG, "DLLG") is METHOD
    assert decide_entity("DLLG", MODEL, [("p1", mention_evidence(DLLG, "DLLG"))]).type is METHOD


@pytest.mark.parametrize("sentence, name", [
    # corpus sentences whose ", the/an ..." after a task began a clause or a list's next item
    ("To mitigate the complexity of direct image-to-image translation, the FAL module decomposes the "
     "end-to-end translation task into two subtasks: image reconstruction and feature alignment.", "translation"),
    ("Key innovations include lightweight Fasternet blocks for efficient feature extraction, an optimized "
     "neck architecture incorporating Efficient Multiscale Attention (EMA) modules.", "feature extraction"),
])
def test_no_apposition_is_read_after_a_lowercase_phrase(sentence, name):
    assert mention_evidence(sentence, name) is not METHOD
    assert decide_entity(name, TASK, [("p1", mention_evidence(sentence, name))]).type is TASK


# Corpus sentences that name software: a noun after the name, or a list after a plural class.
SOFTWARE_SENTENCES = [
    ("Multi-agent orchestration frameworks such as LangChain, LangGraph, and CrewAI route tasks through "
     "graph-based pipelines but do not enforce the stage constraints.", "CrewAI"),
    ("Multi-agent orchestration frameworks such as LangChain, LangGraph, and CrewAI route tasks through "
     "graph-based pipelines but do not enforce the stage constraints.", "LangGraph"),
    ("We present OntoAligner, a comprehensive, modular, and robust Python toolkit for ontology alignment.", "Python"),
    ("We audit three dominant frameworks (LangChain, AutoGPT, and OpenAI Agents SDK) and find no native "
     "compliance in any of them.", "AutoGPT"),
]


@pytest.mark.parametrize("sentence,name", SOFTWARE_SENTENCES)
def test_a_library_toolkit_or_listed_framework_votes_software(sentence, name):
    assert mention_evidence(sentence, name) == SOFTWARE


def test_a_remembered_definition_votes_as_one_read_afresh():
    sentences = [RVOS_DEFINED, LOS_DEFINED, *(line for line in seed_lines() if "(" in line)]
    names = [(sentence, name) for sentence in sentences
             for definition in find_definitions(sentence) for name in (definition.long, definition.short)]
    _definition_vote.cache_clear()
    remembered = [definition_evidence(sentence, name) for sentence, name in names]
    assert _definition_vote.cache_info().hits > 0
    afresh = []
    for sentence, name in names:
        _definition_vote.cache_clear()
        afresh.append(definition_evidence(sentence, name))
    assert remembered == afresh
    assert sum(defined for defined, _ in afresh) > 20  # the comparison has teeth


def test_the_software_list_is_searched_only_where_its_class_noun_stands():
    pieces = ["frameworks", "libraries", "toolkits", "packages", "platforms", "SDKs", "framework", "Libraries",
              " such as ", " like ", " including ", " e.g., ", " (", ", ", " and ", " or ", " ", "LangChain",
              "spaCy", "x.y", "a-b", "\n"]
    texts = [*seed_lines(), *(s for s, _ in SOFTWARE_SENTENCES), *random_texts(20000, pieces, 14, seed=5)]
    matched = 0
    for text in texts:
        for at in range(len(text) + 1):
            plain = _SOFTWARE_LIST.search(text, max(0, at - 120), at) is not None
            assert _after_software_list(text, at) is plain, (text, at)
            matched += plain
    assert matched > 1000  # the comparison has teeth


def test_a_capitalised_title_noun_and_a_method_framework_are_no_software():
    # a title's capitalised "Libraries" is no library noun; "the X framework" is how papers name their methods
    assert mention_evidence("SKILLFOUNDRY: Building Self-Evolving Agent Skill Libraries from Heterogeneous "
                            "Scientific Resources", "Agent Skill") != SOFTWARE
    assert mention_evidence("We build on the GRPO framework to train the policy.", "GRPO") != SOFTWARE


def test_a_process_after_a_definition_makes_it_a_method():
    sentence = ("Specifically, we introduce a two-stage training framework that combines structure pretraining with "
                "Action-Conditioned Consistency (ACC) post-training to improve action-conditioned rollout consistency.")
    assert definition_evidence(sentence, "ACC") == (True, METHOD)
    # without one the head decides, as before: a rate is a metric
    assert definition_evidence("Q-Margin consistently improves at low False Acceptance Rates (FARs).", "FARs") == (
        True, EntityType.METRIC)


# Corpus sentences that name an event's edition before one of its tracks.
EVENT_SENTENCES = [
    ("This paper presents our findings for SemEval 2025 Task 2, a shared task on entity-aware machine "
     "translation (EA-MT).", "SemEval 2025"),
    ("This paper presents KIT's submissions to the IWSLT 2025 low-resource track.", "IWSLT 2025"),
    ("We present our submission to the Task 5 of SemEval-2025 that aims to aid librarians in assigning "
     "subject tags.", "SemEval-2025"),
    ("CANDLE achieves 3rd place on the NTIRE 2026 ALN Color Lighting Challenge and 2nd place in fidelity.",
     "NTIRE 2026"),
    # a track's number after a tie or a hyphen, its word in lowercase (2603.04319, 2606.00022, 2605.27636)
    ("We present a winning three-stage system for SemEval 2026 Task~12: Abductive Event Reasoning that combines "
     "graph-based retrieval, LLM-driven abductive reasoning with prompt design.", "SemEval 2026"),
    ("In this paper, we describe our system for the SemEval-2026 Task-1 (MWAHAHA), which focuses on humor "
     "generation under explicit constraints.", "SemEval-2026"),
    ("Simorgh at SemEval-2026 task 7: Region-Aware Hybrid Retrieval for Low-Resource Cultural Reasoning in "
     "Multilingual Question Answering", "SemEval-2026"),
]


@pytest.mark.parametrize("sentence,name", EVENT_SENTENCES)
def test_an_edition_named_before_its_track_votes_event(sentence, name):
    assert mention_evidence(sentence, name) == EVENT


def test_a_shared_task_named_by_itself_or_a_system_is_no_event():
    assert mention_evidence("We participate in the WMT24 shared task on general machine translation.", "WMT24") != EVENT
    assert mention_evidence("CMU's IWSLT 2025 Simultaneous Speech Translation System", "IWSLT 2025") != EVENT
    assert mention_evidence("Our model trained on ImageNet wins the Challenge.", "ImageNet") != EVENT


def test_a_dataset_a_challenge_is_named_after_is_no_event():
    sentence = ("We describe our 4th-place entry to the ICRA 2026 GOOSE 2D Fine-Grained Semantic Segmentation "
                "Challenge, which reached a composite mean Intersection over Union.")
    assert mention_evidence(sentence, "GOOSE") != EVENT
    assert mention_evidence("GMU Systems for the IWSLT 2025 Low-Resource Speech Translation Shared Task",
                            "IWSLT 2025") == EVENT


def test_a_kind_of_paper_after_a_definition_is_a_term():
    sentence = ("This Systematization of Knowledge (SoK) paper provides the first unified framework for "
                "understanding these autonomous systems.")
    assert definition_evidence(sentence, "SoK") == (True, UNTYPED_DEFINITION)


# Corpus sentences whose name is glued into a longer name (audit round 16: "[[QuIP]]#",
# "[[DataComp-1.4]]B", "[[Bind]] & Compose"), and the same names standing alone.
@pytest.mark.parametrize("sentence, name", [
    ("Using Bielik-11B-v2.3-Instruct as our base model, we compare six state-of-the-art post-training "
     "quantization methods -- QuIP#, SpinQuant+GPTQ, ButterflyQuant, QTIP, VPTQ, and AQLM.", "QuIP"),
    ("Notably, the recipe from DataChef-32B adapts Qwen3-1.7B-Base to the math domain, achieving 66.7 on "
     "AIME'25 and surpassing Qwen3-1.7B.", "Qwen3-1.7"),
    ("To facilitate research in this field, we open-source GLM-4.1V-9B-Thinking, which achieves "
     "state-of-the-art performance among models of comparable size.", "GLM-4.1"),
    ("We construct VistaDPO-7k, a dataset of 7.2K QA pairs annotated with chosen and rejected responses.", "K QA"),
    ("Unlike existing methods, Split&Splat tackles the problem by first segmenting the scene and then "
     "reconstructing each object individually.", "Split"),
    ("We introduce the Filter & Reconnect method, a novel graph simplification technique that minimizes "
     "noise while preserving semantic coherence.", "Filter"),
    # a letter of another script, a superscript (2603.19852, 2506.09557)
    ("We introduce Fréchet distance-based reconstruction statistics that capture per-element shape fidelity "
     "without threshold tuning.", "Fr"),
    ("To address this critical gap, we introduce AD^2-Bench, the first Chain-of-Thought benchmark "
     "specifically designed for autonomous driving with adverse weather and complex scenes.", "AD"),
])
def test_a_name_glued_into_a_longer_name_votes_fragment(sentence, name):
    assert mention_evidence(sentence, name) == FRAGMENT


@pytest.mark.parametrize("sentence, name", [
    ("It improves CP-Bench by over 50%, POPE by 1.8-3.3%, and CHAIR & SHR by 30-50%, all without "
     "additional training.", "CHAIR"),  # a list of two metrics
    ("Extensive experiments on benchmarks (HR-ShanghaiTech & HR-UBnormal) demonstrate the effectiveness "
     "of our method.", "HR-ShanghaiTech"),
    ("We evaluate on the VSI-Bench and compare World Action Models (WAMs) with VLAs.", "WAM"),  # a plural
    ("We compare QuIP and AQLM under the same bit budget.", "QuIP"),
    # glued at its first occurrence, standing alone at its second (2603.08153)
    ("WinoMTeus adapts the WinoMT benchmark to examine how gender-neutral Basque occupations are translated "
     "into gendered languages such as Spanish and French.", "WinoMT"),
])
def test_a_name_standing_alone_or_in_a_list_is_no_fragment(sentence, name):
    assert mention_evidence(sentence, name) != FRAGMENT


def test_a_phrase_that_only_the_start_of_a_sentence_capitalises_votes_nothing_by_the_noun_after_it():
    # 75k corpus: "Deep research" is a METHOD in 39 papers, written "deep research agents" mid-sentence
    assert mention_evidence("Deep research agents integrate fragmented evidence through multi-step tool use.",
                            "Deep research") is None
    # nor by the verb after it, as a modifier would
    assert mention_evidence("Uncertainty estimation presents a significant challenge to the safe use of LLMs "
                            "in healthcare.", "Uncertainty estimation") is None
    # a plural long form capitalised only by the sentence's start names a class of models
    assert mention_evidence("Graph foundation models (GFM) aim to acquire transferable knowledge by "
                            "pre-training on diverse graphs.", "GFM") == UNTYPED_DEFINITION
