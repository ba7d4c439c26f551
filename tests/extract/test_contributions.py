"""What a paper introduces (`extract/rules/contributions.py`), on the seed page's own sentences."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.records import Paper, Role
from paperkg.graph.sources import iter_papers

from paper_roles import introduced, named_with_role
from seed_page import SEED


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def test_by_proposing_introduces_the_name_not_the_field(extractor):
    found = introduced(extractor, "Machine unlearning for language models",
                       "We address this issue by proposing MUSE, a comprehensive machine unlearning "
                       "evaluation benchmark that enumerates six diverse desirable properties.")
    assert found == {"MUSE"}


def test_a_title_introduces_a_listed_name(extractor):
    # The gazetteer's MUSE outranks the title rule's span, and keeps its role.
    assert "MUSE" in introduced(extractor, "MUSE: Machine Unlearning Six-Way Evaluation for Language Models",
                                "Language models (LMs) are trained on vast amounts of text data.")


def test_a_modifier_of_the_noun_named_is_not_introduced(extractor):
    found = introduced(extractor, "Fast sampling",
                       "In this paper, we introduce a new fast DPM sampler called DC-Solver, which "
                       "leverages dynamic compensation (DC) to mitigate the misalignment.")
    assert found == {"DC-Solver"}


def test_the_object_of_a_preposition_is_not_introduced(extractor):
    found = introduced(extractor, "Recovery after unlearning",
                       "In this work, we propose the RESTOR framework for machine unlearning "
                       "evaluation, which assesses the ability of unlearning algorithms.")
    assert found == {"RESTOR"}


def test_our_generic_concept_is_not_introduced(extractor):
    found = introduced(extractor, "A theory of kernels",
                       "We show that our representation learning theory applies to neural networks.")
    assert not {name.lower() for name in found} & {"representation learning", "neural network"}


def test_a_coined_acronym_and_a_passive_introduction(extractor):
    found = introduced(extractor, "Segmenting anomalies",
                       "Specifically, the model enhances the segmentation through a Semantic Fusion "
                       "Block (SFB). Moreover, a Focal Region Data Pipeline (FRDP) is introduced to "
                       "emphasize foreground regions, unlike a Markov Random Field (MRF).")
    assert {"Semantic Fusion Block", "Focal Region Data Pipeline"} <= found
    assert "Markov Random Field" not in found


def test_seed_page_introduces_its_named_contributions_and_no_concept(extractor):
    papers = [p for p in iter_papers(SEED) if isinstance(p, Paper)]
    by_title = {}
    for extraction in extractor.extract(papers):
        names = {e.id: e.name for e in extraction.entities}
        by_title[extraction.paper.title.split(":")[0]] = {
            names[m.entity_id] for m in extraction.mentions if m.role is Role.INTRODUCES}
    assert {"MUSE", "RESTOR", "DC-Solver", "FLAMe", "TabZilla Benchmark Suite"} <= set().union(*by_title.values())
    assert by_title["MUSE"] == {"MUSE"} and by_title["RESTOR"] == {"RESTOR"}
    # "We further propose a cascade polynomial regression (CPR)": an acronym coined for a
    # contribution, which the role gold's guidelines (data/roles/README.md) count as introduced.
    assert by_title["DC-Solver"] == {"DC-Solver", "cascade polynomial regression"}
    for title, names in by_title.items():
        assert not names & {"machine unlearning", "representation learning", "neural network"}, title


def test_the_parts_of_an_introduced_framework_are_introduced(extractor):
    found = introduced(extractor, "Fusing models",
                       "To address this limitation, we propose ZorbRL, a novel two-stage framework "
                       "comprising ZorbSFT and ZorbPO to make use of source LLMs.")
    assert {"ZorbRL", "ZorbSFT", "ZorbPO"} <= found


def test_the_parts_an_introduced_system_integrates_are_introduced(extractor):
    found = introduced(extractor, "Slides from images",
                       "We introduce ZorbCoder, a layout-aware framework. ZorbCoder integrates a "
                       "Color Gradient-based Segmentation algorithm and GPT-4 to decompose tasks.")
    assert "ZorbCoder" in found and "Color Gradient-based Segmentation" in found
    assert "GPT-4" not in found  # a listed model it uses is no part it coins


def test_a_title_head_keeps_introduces_when_a_short_form_use_wins_its_span(extractor):
    found = introduced(extractor, "YOLO-ROC: A High-Precision and Ultra-Lightweight Model for Real-Time "
                       "Road Damage Detection",
                       "To address these issues, this paper proposes a high-precision and lightweight "
                       "model, YOLO - Road Orthogonal Compact (YOLO-ROC). YOLO-ROC outperforms YOLOv8n.")
    assert "YOLO - Road Orthogonal Compact" in found or "YOLO-ROC" in found



def test_a_defined_metric_read_as_one_phrase_is_a_coined_acronym(extractor):
    # term_phrases.py gives "Subagent-Management Score (SMS)" as one mention; its long form is
    # Title Case, ends in a component noun and no list knows it.
    found = introduced(extractor, "Benchmarking subagent orchestration",
                       "All scoring is execution-based with no LLM judge: an overall score -- the "
                       "Subagent-Management Score (SMS) -- multiplies task correctness by a factor.")
    assert any("Subagent-Management Score" in name for name in found)


def test_the_name_a_contribution_is_based_on_is_not_introduced(extractor):
    # arXiv 2507.03042: "our" reaches BERT and LSTM, which the contribution is built on.
    found = introduced(extractor, "Memory storage for long-horizon LLM interaction",
                       "We use a dataset of preference and non-preference conversation turns to "
                       "train our BERT-based classifier. Although our LSTM-based memory encoder "
                       "did not yield strong results, it was close.")
    assert not found & {"BERT", "LSTM"}


def test_the_object_of_a_preposition_past_an_article_is_not_introduced(extractor):
    # arXiv 2507.17512: the framework the study works within is not the paper's.
    found = introduced(extractor, "Can one domain help others?",
                       "We present a systematic investigation of multi-domain reasoning within the "
                       "RLVR framework, explicitly focusing on three primary domains.")
    assert "RLVR" not in found


def test_a_capitalised_part_of_the_papers_system_is_introduced(extractor):
    # The role gold counts the named parts of a paper's system as introduced ("its Bridge
    # Module", "a Strategic Appraisal phase" in dev and dev2), not only its main name.
    found = introduced(extractor, "Brain decoding",
                       "We propose BrainCast. Specifically, BrainCast integrates a Spatial Interaction "
                       "Awareness module to capture the interactions.")
    assert "Spatial Interaction Awareness" in found
    found = introduced(extractor, "Brain decoding",
                       "Using a FlashInternImage-B backbone together with a UPerNet decoder, we adapt "
                       "established techniques to off-road scenes.")
    assert "UPerNet" not in found


def test_a_name_given_to_a_new_dataset_by_apposition_is_introduced(extractor):
    # arXiv 2507.18905: the new dataset is named after its kind, not after "we introduce".
    found = introduced(extractor, "Large language models provide unsafe answers",
                       "We evaluate three models on a new dataset, HealthAdvice, using an evaluation "
                       "framework that enables quantitative analysis.")
    assert "HealthAdvice" in found


def test_an_acronym_of_another_papers_work_is_not_introduced(extractor):
    # arXiv abstract of the corpus: "Recent work on ..." says whose coinage it is.
    found = introduced(extractor, "Game environments from code",
                       "Recent work on Code World Models (CWMs) demonstrates that LLMs can translate "
                       "rules into executable code.")
    assert not found & {"Code World Models", "CWMs"}


def test_a_named_new_task_by_apposition_is_introduced(extractor):
    # arXiv abstract of the corpus: "a novel language task, the X (BLM) task".
    found = introduced(extractor, "Blackbird Language Matrices: A Framework to Investigate Language Models",
                       "This paper proposes a novel language task, the Blackbird Language Matrices "
                       "(BLM) task, inspired by intelligence tests.")
    assert "Blackbird Language Matrices" in found


def test_a_long_list_of_data_is_evaluated_on_to_its_end(extractor):
    # The last names stand more than 90 characters past "on": the list carries the role.
    found = named_with_role(extractor, "Prompt tuning for vision-language models",
                      "Extensive experiments on CIFAR-10, CIFAR-100, Tiny-ImageNet, ImageNet-1K, "
                      "Stanford Cars, Oxford Flowers, Food-101, DTD, EuroSAT, and Caltech-101 "
                      "show consistent gains.", Role.EVALUATES_ON)
    assert {"DTD", "EuroSAT", "Caltech-101"} <= found


@pytest.mark.parametrize(("abstract", "names"), [
    # arXiv 2505.11538: past a short form in parentheses and an article.
    ("We evaluate our proposed BrainNetMLP on two public and popular brain network classification "
     "datasets, the Human Connectome Project (HCP) and the Autism Brain Imaging Data Exchange (ABIDE).",
     {"HCP", "ABIDE"}),
    # arXiv 2503.21772: items described, their names in parentheses, some extracted by no rule.
    ("Our approach achieves superior performance compared with other re-rankers on established image "
     "retrieval benchmarks of landmarks (ROxf and RPar), products (SOP), fashion items (In-Shop), and "
     "bird species (CUB-200) while having comparable latency to the pair-wise local descriptor re-rankers.",
     {"CUB-200"}),
    # arXiv 2601.02569: a slash joins the words that describe the next items (roles round 12).
    ("Evaluations on reasoning (GSM8K, MATH, BBH), code generation (HumanEval, MBPP), and "
     "long-context/multilingual benchmarks (LongBench, XNLI, XCOPA) identify a consistent safe zone.",
     {"LongBench", "XNLI", "XCOPA"}),
    # arXiv 2503.23947: the task run on each item, a mention of its own, keeps the list.
    ("Extensive experiments demonstrate that SPANetV2 outperforms state-of-the-art models across "
     "multiple vision tasks, including ImageNet-1K classification, COCO object detection, and ADE20K "
     "semantic segmentation.", {"ADE20K"}),
    # a lower-case word or two after each item (its kind) keep the list past a cue's reach.
    ("Extensive experiments on the CIFAR-10 dataset, the CIFAR-100 dataset, the Tiny-ImageNet dataset, "
     "the Food-101 dataset and the Caltech-101 dataset show consistent gains.", {"Caltech-101"}),
    # arXiv 2506.21536 (dev): an item typed otherwise ("evaluation (CPsyCounE)") keeps the list.
    ("Evaluations show that PsyLite outperforms the baseline models in the Chinese general evaluation "
     "(CEval), psychological counseling professional evaluation (CPsyCounE), and dialogue safety "
     "evaluation (SafeDialBench), particularly in psychological counseling professionalism.",
     {"SafeDialBench"}),
])
def test_a_list_of_described_data_is_evaluated_on_to_its_end(extractor, abstract, names):
    extraction = next(iter(extractor.extract([Paper("p", "T", abstract)])))
    assert names <= {m.text for m in extraction.mentions if m.role is Role.EVALUATES_ON}


def test_data_listed_after_a_list_that_is_not_evaluated_on_keeps_its_role(extractor):
    # arXiv 2504.09528: data combined into a new dataset, no cue of evaluation before the list.
    abstract = ("AeroLite leverages GPT-4o to generate a large-scale pseudo-caption dataset by integrating "
                "multiple remote sensing benchmarks, including DLRSD, iSAID, LoveDA (land cover), WHU, and RSSCN7.")
    assert not named_with_role(extractor, "T", abstract, Role.EVALUATES_ON)


def test_a_verb_and_joins_to_the_sentences_we_introduces(extractor):
    # arXiv 2505.10557: "we utilize X ... and then construct Y": Y is the paper's, X is used.
    abstract = ("Furthermore, we utilize FigCodifier to synthesize novel mathematical figures and then "
                "construct MM-MathInstruct-3M, a high-quality multimodal math instruction fine-tuning dataset.")
    assert "MM-MathInstruct-3M" in introduced(extractor, "T", abstract)
    # With no "we", the joined verb is another's.
    other = ("Prior pipelines crawl mathematical figures from textbooks and then construct "
             "MathV360K, a multimodal instruction dataset.")
    assert "MathV360K" not in introduced(extractor, "T", other)


def test_a_listed_name_inside_a_hyphenated_coinage_is_not_introduced(extractor):
    # arXiv 2605.13670: the gazetteer reads "RT-DETR" inside "PaQ-RT-DETR"; RT-DETR is the
    # existing detector the paper builds on.
    abstract = ("We systematically compare three CNN-based detectors and further propose PaQ-RT-DETR, "
                "which introduces pattern-based dynamic query generation into RT-DETR.")
    assert "RT-DETR" not in introduced(extractor, "T", abstract)


@pytest.mark.parametrize(("sentence", "name"), [
    # Corpus sentences (2025): a component named, its noun, then the passive that introduces it.
    ("To further mitigate cross-modal conflicts, an Adaptive Feature Interactive Fusion (AFIF) module "
     "is introduced to integrate visual and radar features.", "Adaptive Feature Interactive Fusion"),
    ("Cross-Attention is devised to focus on target regions, and a Relation-Aware Grounding module is "
     "designed to infer positional relations.", "Relation-Aware Grounding"),
])
def test_a_component_named_before_its_noun_and_a_passive_is_introduced(extractor, sentence, name):
    assert name in introduced(extractor, "T", sentence)


def test_a_part_that_is_a_kind_of_a_general_concept_is_not_introduced(extractor):
    # arXiv 2508.15447: BusiAgent's parts; the CTMDP it extends is a Markov decision process.
    abstract = ("This paper introduces BusiAgent, a novel multi-agent framework. BusiAgent integrates three "
                "core innovations: an extended Continuous Time Markov Decision Process (CTMDP) for dynamic "
                "agent modeling, a generalized entropy measure, and a multi-level Stackelberg game.")
    names = introduced(extractor, "T", abstract)
    assert "BusiAgent" in names and "Continuous Time Markov Decision Process" not in names


def test_definitions_that_open_the_enumerated_parts_of_a_contribution_are_introduced(extractor):
    # arXiv 2506.15298 (dev3): the two tasks a challenge introduces, each an item "(1) long (SHORT)".
    abstract = ("The ME grand challenge (MEGC) 2025 introduces two tasks that reflect these evolving "
                "research directions: (1) ME spot-then-recognize (ME-STR), which integrates ME spotting "
                "and subsequent recognition in a unified sequential pipeline; and (2) ME visual question "
                "answering (ME-VQA), which explores ME understanding through visual question answering.")
    names = introduced(extractor, "T", abstract)
    assert {"ME spot-then-recognize", "ME visual question answering"} <= names
    # The same items in a sentence that says nothing is made of them are not introduced.
    abstract = ("Prior studies fall in two groups: (1) ME spot-then-recognize (ME-STR), which integrates ME "
                "spotting and recognition; and (2) ME visual question answering (ME-VQA).")
    assert not {"ME spot-then-recognize", "ME visual question answering"} & introduced(extractor, "T", abstract)


@pytest.mark.parametrize(("abstract", "name", "is_introduced"), [
    # arXiv 2605.12519: a lower-case long form no list knows, the whole noun phrase of its
    # definition, coins an acronym.
    ("We propose verifiable process supervision (VPS), a post-training framework for verifiable "
     "domains that jointly optimizes prediction accuracy and reasoning quality.",
     "verifiable process supervision", True),
    # arXiv 2602.05737: a definition that modifies the noun after it names a kind of system.
    ("Unlike models to approximate neural dynamics, our biological reservoir computing (BRC) system "
     "leverages the spontaneous activity of cultured neurons.", "biological reservoir computing", False),
    # arXiv 2508.05369: the object of a gerund is what the contribution acts on.
    ("Furthermore, we propose a model that quantifies the meaningfulness of localization by estimating "
     "the number of false alarms (NFA), according to the distribution of the locations.",
     "number of false alarms", False),
    # arXiv 2504.10007: a name that modifies a plural noun is a kind of the things acted on.
    ("In this work, we propose a novel method by balancing learnable and ETF classifiers to solve the "
     "overconfidence problem for model Calibration named BalCAL.", "ETF", False),
    ("In this work, we propose a novel method by balancing learnable and ETF classifiers to solve the "
     "overconfidence problem for model Calibration named BalCAL.", "BalCAL", True),
    # arXiv 2602.17784: the same for a definition, "(SGMC) polygons".
    ("We curate descriptive deposit models for over 120 deposit types and transform the State Geologic "
     "Map Compilation (SGMC) polygons into structured textual representations.",
     "State Geologic Map Compilation", False),
    # arXiv 2604.21713: a name defined by its apposition, past a cue that did not reach it
    # ("We integrate these designs": no verb of "we" ends in "s").
    ("We integrate these designs into CARVE, a resolution-enhanced model for feed-forward visual "
     "geometry estimation.", "CARVE", True),
    # arXiv 2603.16958: a new one, whatever the cue before it.
    ("In this work, we propose PhysQuantAgent, a framework for real-world object mass estimation using "
     "VLMs, together with VisPhysQuant, a new benchmark dataset for evaluation.", "VisPhysQuant", True),
    # arXiv 2509.21451: a size of a name the paper introduces is its own variant.
    ("We introduce VideoJudge, a 3B and 7B-sized MLLM judge. Across three out of four benchmarks, "
     "VideoJudge-7B outperforms larger MLLM judge baselines.", "VideoJudge-7B", True),
    # arXiv 2602.15318: a Title-Case definition that a method is applied to is not coined here.
    ("Although speculative decoding is widely used to accelerate VLMs inference, it faces severe "
     "performance collapse when applied to Video Large Language Models (Vid-LLMs).",
     "Video Large Language Models", False),
    # arXiv 2504.18415: the tail of a longer name is not what its apposition defines.
    ("We introduce BitNet v2, a novel framework enabling native 4-bit activation quantization for "
     "1-bit LLMs.", "v2", False),
    # A listed name so described is an existing thing.
    ("We fine-tune BERT, a pretrained language model, on reviews.", "BERT", False),
    # arXiv 2604.17773 (dev3): a coined acronym whose component noun follows its definition.
    ("A lightweight Structure-aware Trajectory Modulation (STM) module recalibrates time embeddings "
     "at each network block based on local anatomical content.", "Structure-aware Trajectory Modulation", True),
    # arXiv 2604.17773 (dev3): the same definition with no component noun is a concept it uses.
    ("A lightweight Structure-aware Trajectory Modulation (STM) recalibrates time embeddings "
     "at each network block based on local anatomical content.", "Structure-aware Trajectory Modulation", False),
    # arXiv 2603.14772 (dev3): a name the lists know, in a cue's reach, is an existing thing.
    ("To overcome the scarcity of dynamic captures, we introduce a static-to-dynamic knowledge "
     "transfer strategy: a Transformer pretrained on large-scale static captures provides strong "
     "geometric and appearance priors.", "Transformer", False),
    # arXiv 2503.20783: a listed name that the verb names at once is the paper's (the lists hold
    # names of the corpus's own papers).
    ("To address this, we introduce Dr. GRPO, an unbiased optimization method that improves token "
     "efficiency while maintaining reasoning performance.", "Dr. GRPO", True),
    # The seed page: a listed name the paper calls its own is still introduced.
    ("Notably, on RewardBench, our FLAMe-RM-24B model (with an accuracy of 87.8%) is the top-performing "
     "generative model trained exclusively on permissively licensed data.", "FLAMe-RM-24B", True),
    # arXiv 2511.07929 (dev3): a definition that begins a compound adjective is a kind of method.
    ("Moreover, we design an adaptive Kullback-Leibler (KL) divergence-based distillation "
     "regularization method to enable mutual learning.", "Kullback-Leibler", False),
    # Roles round 12. arXiv 2504.19706: a new thing's lower-case long form, its short form, its kind.
    ("To solve that, we propose a novel energy-entropy learning (EEL) strategy that integrates the "
     "complementary information from energy and entropy.", "energy-entropy learning", True),
    # arXiv 2503.19295: not when a name follows the kind; the acronym is the task.
    ("Furthermore, we propose a novel opinion-unaware no-reference image quality assessment (OU NR-IQA) "
     "method, SFD-IQA, greatly improving OU NR-IQA performance.",
     "opinion-unaware no-reference image quality assessment", False),
    # arXiv 2512.14266: "our" and more modifiers before a kind, then the name.
    ("Moreover, our panoramic attention prediction approach, DriverGaze360-Net, jointly learns "
     "attention maps and attended objects.", "DriverGaze360-Net", True),
    ("In our experiments on multiple benchmark datasets, TraceNet-X fails.", "TraceNet-X", False),
    # arXiv 2505.07416: data the paper's making yields, named before its head noun.
    ("To optimize the annotation process, we leverage AI to assist annotators in constructing the "
     "ViMRHP dataset.", "ViMRHP", True),
    ("We start from ViMRHP. To optimize the annotation process, we assist annotators in constructing "
     "the ViMRHP dataset.", "ViMRHP", False),
    # Roles round 13 (gold test3 and test4, burned). arXiv 2512.23705: what the work yields,
    # named by apposition.
    ("During training we co-train on existing synthetic datasets. The resulting model, DKT, achieves "
     "zero-shot SOTA on real and synthetic video benchmarks.", "DKT", True),
    ("The resulting gap, GapX, grows with depth.", "GapX", False),
    # arXiv 2504.16665: a short form in parentheses after its kind, said to be made.
    ("Based on the selective state space model, a cross-modal diff-attention module (CMDA-Module) is "
     "designed to extract and separate the common features.", "CMDA-Module", True),
    ("an attention-aware linear fusion module (AALF-Module) is proposed.", "AALF-Module", True),
    ("The features of a baseline (ResNet-X) are designed by hand.", "ResNet-X", False),
    # arXiv 2512.13874 (test7, burned in round 18): a name the paper introduces with a
    # capitalised piece after a hyphen is its own part, whatever verb uses it.
    ("We present SAGE, a multi-turn reasoning system. Secondly, we introduce an easy synthetic data "
     "generation pipeline using Gemini-2.5-Flash to train the orchestrator, SAGE-MM, which lies at "
     "the core of SAGE.", "SAGE MM", True),  # the entity's name, as the store writes it
    # arXiv 2604.02795 (test8, burned in round 18): the same past a verb of use.
    ("We propose RTT, a token-level method. RTT introduces a Token-Level Relevance Discriminator and "
     "optimizes the policy model via RTT-GRPO, which integrates response-level and token-level "
     "advantages.", "RTT GRPO", True),
    # The stem not introduced: another's name.
    ("We optimize the policy model via RTT-GRPO, which integrates response-level advantages.",
     "RTT GRPO", False),
])
def test_what_a_sentence_introduces(extractor, abstract, name, is_introduced):
    assert (name in introduced(extractor, "T", abstract)) is is_introduced


def test_a_title_reports_no_evaluation(extractor):
    # arXiv 2504.00463: the title's "on" says what the paper is about.
    title = "Exploring the Collaborative Advantage of Low-level Information on Generalizable AI-Generated Image Detection"
    extraction = next(iter(extractor.extract([Paper("p", title, "Existing detectors use noise patterns.")])))
    assert not [m for m in extraction.mentions if m.field == "title" and m.role is Role.EVALUATES_ON]
    # The abstract's results still evaluate on the data.
    assert "FFHQ" in named_with_role(extractor, "Sampling on FFHQ", "We achieve 10.38 FID on FFHQ.",
                                     Role.EVALUATES_ON)


# Round 8: definitions "Long Form (LF)" of a paper's own parts, on corpus sentences.

def test_a_second_definition_joined_past_a_short_form_is_introduced(extractor):
    # "X (A) and Y (B)": the close of the first short form stands between the two names.
    found = introduced(extractor, "Density-guided detection",
                       "To address these problems, we propose two new strategies, density-guided anchors "
                       "(DGA) and density-guided NMS (DG-NMS), which uses object density maps to jointly "
                       "compute optimal anchor assignments and reweighing, as well as an adaptive NMS.")
    assert {"density-guided NMS", "DG-NMS"} & found


@pytest.mark.parametrize("abstract, forms, coined", [
    # The phrase rule's "representation-level language shift" wins the definition's span and
    # names nothing itself; the short form coined for it does.
    ("We propose a representation-level language shift (LS) that aligns source-language "
     "self-supervised speech representations with the target-language distribution. "
     "LS substantially improves sensitivity and F1 in cross-lingual settings.", {"LS", "language shift"}, True),
    # What the contribution is for, defined: not the paper's coinage.
    ("We propose a novel framework for hyperspectral anomaly detection (HAD) that exploits "
     "low-rank structure.", {"HAD", "hyperspectral anomaly detection"}, False),
])
def test_the_short_form_of_a_lower_case_phrase_a_cue_reaches(extractor, abstract, forms, coined):
    assert bool(forms & introduced(extractor, "A paper", abstract)) is coined


_EVENTDC_PARTS = ("It consists of two key components: Event-Modulated Alignment (EMA) and Local "
                  "Depth Filtering (LDF).")


@pytest.mark.parametrize("between, parts_sentence, parts_introduced", [
    ("", _EVENTDC_PARTS, True),  # "It" is the name the sentence before introduced
    # A sentence stands between: "It" is not read. (A list counted as the parts of something,
    # "two key components: ...", is read as parts whoever "It" is: `coined_parts.find_listed_parts`.)
    ("Depth sensors are noisy in the dark. ", _EVENTDC_PARTS.replace("two key components: ", ""), False),
])
def test_it_after_an_introduction_lists_the_parts_of_what_was_introduced(
        extractor, between, parts_sentence, parts_introduced):
    found = introduced(extractor, "Depth completion",
                       "To this end, we propose EventDC, the first event-driven depth completion "
                       f"framework. {between}{parts_sentence}")
    parts = {"Event-Modulated Alignment", "Local Depth Filtering"}
    assert "EventDC" in found
    assert (parts <= found) is parts_introduced and (parts & found == set()) is not parts_introduced


@pytest.mark.parametrize("abstract", [
    # arXiv 2505.01050 and 2505.14402: a plural short form names a class of things.
    "Vision Large Language Models (VLLMs) are increasingly deployed to offer advanced capabilities "
    "on inputs comprising both text and images.",
    "Genomic Foundation Models (GFMs) have emerged as a transformative approach to decoding the genome.",
])
def test_a_plural_definition_names_a_class_not_a_coinage(extractor, abstract):
    assert introduced(extractor, "A paper", abstract) == set()


@pytest.mark.parametrize("abstract, forms, coined", [
    # arXiv 2505.05804: an example of known things, after "like".
    ("Localized image captioning has made significant progress with models like the Describe Anything "
     "Model (DAM), which can generate detailed region-specific descriptions.",
     {"Describe Anything Model", "DAM"}, False),
    # arXiv 2505.11572: "like" lists the known metric; the score the sentence computes is coined.
    ("This score is integrated with traditional metrics like Word Error Rate (WER) to compute the "
     "Fairness Adjusted ASR Score (FAAS), providing a comprehensive evaluation framework.",
     {"Fairness Adjusted ASR Score", "FAAS"}, True),
])
def test_a_definition_given_as_an_example_is_not_coined(extractor, abstract, forms, coined):
    assert bool(forms & introduced(extractor, "A paper", abstract)) is coined


def entities_introduced(extractor, title: str, abstract: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, aliases) of each entity the paper introduces."""
    extraction = next(iter(extractor.extract([Paper("p", title, abstract)])))
    ids = {m.entity_id for m in extraction.mentions if m.role is Role.INTRODUCES}
    assert {m.entity_id for m in extraction.mentions} <= {e.id for e in extraction.entities}
    return [(e.name, e.aliases) for e in extraction.entities if e.id in ids]


@pytest.mark.parametrize("title, abstract, forms", [
    # arXiv 2504.19549: the title's "DEEMO" is found before the definition that pairs it with
    # its long form.
    ("DEEMO: De-identity Multimodal Emotion Recognition and Reasoning",
     "To address this, we introduce the De-identity Multimodal Emotion Recognition and Reasoning "
     "(DEEMO), a novel task designed to enable emotion understanding using de-identified video and "
     "audio inputs.", {"DEEMO", "De-identity Multimodal Emotion Recognition and Reasoning"}),
    # arXiv 2503.23422: a definition that two rules read as two names.
    ("Improving underwater semantic segmentation",
     "To tackle this issue, we present UnderWater SegFormer (UWSegFormer), a transformer-based "
     "framework for semantic segmentation of low-quality underwater images.",
     {"UWSegFormer", "UnderWater SegFormer"}),
])
def test_a_long_form_and_its_short_form_found_apart_are_one_entity(extractor, title, abstract, forms):
    found = entities_introduced(extractor, title, abstract)
    assert len(found) == 1
    name, aliases = found[0]
    assert {name, *aliases} >= forms



@pytest.mark.parametrize("abstract, coined", [
    # arXiv 2508.00477 (dev3): items marked "1) " and "2) " with no opening parenthesis.
    ("To comprehensively evaluate model capabilities, we further introduce three metrics: 1) Inclusion "
     "Ratio (IN-R) and Fill Ratio (FI-R) for assessing layout control; and 2) Background Similarity "
     "(BG-S) for measuring background consistency. Our method outperforms baselines in BG-S and IN-R.",
     True),
    # The same items in a sentence that makes nothing.
    ("Prior studies report two scores: 1) Inclusion Ratio (IN-R) for layout control; and 2) Background "
     "Similarity (BG-S) for background consistency.", False),
])
def test_a_definition_after_a_bare_item_marker(extractor, abstract, coined):
    assert bool({"Background Similarity", "BG-S"} & introduced(extractor, "T", abstract)) is coined


def test_the_third_idea_a_paper_proposes_after_a_bare_marker_is_introduced(extractor):
    # arXiv 2503.19385: "3) Rollover Budget Forcing (RBF)", the last of three ideas.
    abstract = ("To enable efficient inference-time scaling for flow models, we propose three key ideas: "
                "1) SDE-based generation, enabling particle sampling in flow models, 2) Interpolant "
                "conversion, broadening the search space and enhancing sample diversity, and 3) Rollover "
                "Budget Forcing (RBF), an adaptive allocation of computational resources.")
    assert "Rollover Budget Forcing" in introduced(extractor, "T", abstract)


# Roles round 13, arXiv 2509.06531 (gold test3, burned): parallel clauses after ";", each a
# defined part of the paper's own doing something.
_SLINT = ("To address these challenges, we propose SLiNT, a modular framework for link prediction. "
          "Specifically, Structure-Guided Neighborhood Enhancement (SGNE) retrieves pseudo-neighbors to "
          "enrich sparse entities; Dynamic Hard Contrastive Learning (DHCL) introduces fine-grained "
          "supervision by interpolating hard positives and negatives; and Gradient-Decoupled Dual Injection "
          "(GDDI) performs token-level structure-aware intervention.")


def test_definitions_opening_parallel_clauses_are_introduced(extractor):
    found = introduced(extractor, "SLiNT", _SLINT)
    assert {"Dynamic Hard Contrastive Learning", "Gradient-Decoupled Dual Injection"} <= found


def test_parallel_clauses_without_an_introduction_introduce_nothing(extractor):
    found = introduced(extractor, "Knowledge graphs", "Earlier systems differ. " + _SLINT.split("Specifically, ")[1])
    assert not {"Dynamic Hard Contrastive Learning", "Gradient-Decoupled Dual Injection"} & found


def test_data_listed_after_a_plural_data_noun_and_a_colon_are_evaluated_on(extractor):
    # Roles round 13, arXiv 2504.21685 (of the 10,000 corpus abstracts read in the round).
    found = named_with_role(extractor, "Detecting illness mentions",
                            "Extensive experiments are conducted on three widely used datasets: RHDM, PHM, and "
                            "Illness.", Role.EVALUATES_ON)
    assert {"RHDM", "PHM", "Illness"} <= found


def _lines_with_edges() -> list[str]:
    """The seed page's lines (real titles and abstracts) and texts at the offsets' edges."""
    from seed_page import seed_lines

    return [*seed_lines(), "; and X", "X; and Y", "(X) a; b) c", "a novel X", "renew ur X", "(A)", ""]


def test_the_introducing_words_are_found_in_one_search():
    # `settle_introductions` asks one regex what four `str.find`s answered, at every
    # offset of the seed lines (a mention's start, its window 40 characters back).
    from paperkg.graph.extract.rules.contributions import _INTRO_WORDS

    found = 0
    for text in _lines_with_edges():
        for start in range(len(text) + 1):
            near = start - 40 if start > 40 else 0
            plain = any(text.find(word, near, start) >= 0 for word in ("proposed", "ur ", "new", "novel"))
            assert (_INTRO_WORDS.search(text, near, start) is not None) == plain, (text, start)
            found += plain
    assert found > 1000


def test_the_clause_marks_before_a_mention_are_read_from_one_slice():
    # "; and " before a mention ends in "d ", which `settle_introductions` reads first; a
    # start under 6 is read the plain way (its negative offset wraps to the text's end).
    for text in _lines_with_edges():
        for start in range(len(text) + 1):
            before = text[start - 2 : start]
            plain = text[start - 2 : start] == "; " or text.startswith("; and ", start - 6)
            fast = before == "; " or (before == "d " or start < 6) and text.startswith("; and ", start - 6)
            assert fast == plain, (text, start)


def test_a_parenthesised_mention_is_told_by_one_character():
    # `_names_the_object` reads the characters around a mention without slicing them.
    for text in _lines_with_edges():
        for start in range(len(text) + 1):
            for end in (start, start + 1, start + 5, len(text)):
                plain = text[start - 1 : start] != "(" or text[end : end + 1] != ")"
                fast = start == 0 or text[start - 1] != "(" or not text.startswith(")", end)
                assert fast == plain, (text, start, end)
