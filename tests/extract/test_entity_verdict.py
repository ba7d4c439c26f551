"""The corpus's verdict on one entity (graph/extract/rules/entity_verdict.py)."""

from __future__ import annotations

from paperkg.graph.extract.rules.entity_verdict import decide_entity
from paperkg.graph.extract.rules.evidence import definition_evidence, mention_evidence
from paperkg.graph.extract.rules.junk_shapes import is_manner_phrase
from paperkg.graph.extract.rules.listed_heads import listed_head_type
from paperkg.graph.records import EntityType


def test_a_value_after_a_metric_is_no_name():
    assert decide_entity("ROUGE-L 0.429", EntityType.METRIC, [("p1", None)]).not_a_name
    assert decide_entity("PSNR 35.49", EntityType.METRIC, [("p1", None)]).not_a_name
    assert decide_entity("accuracy 93%", EntityType.METRIC, [("p1", None)]).not_a_name


def test_a_model_version_is_no_value():
    assert not decide_entity("Gemini 2.5", EntityType.MODEL, [("p1", EntityType.MODEL)]).not_a_name
    assert not decide_entity("Grok 4.20", EntityType.MODEL, [("p1", EntityType.MODEL)]).not_a_name
    assert not decide_entity("ROUGE-L", EntityType.METRIC, [("p1", None)]).not_a_name
    assert not decide_entity("BLEU 2", EntityType.METRIC, [("p1", None)]).not_a_name  # a variant
    assert not decide_entity("IoU 0.3", EntityType.METRIC, [("p1", None)]).not_a_name  # a threshold


def test_an_able_adjective_names_a_kind_of_process_not_a_manner():
    assert not is_manner_phrase("controllable generation")
    assert not is_manner_phrase("promptable segmentation")
    assert is_manner_phrase("iterative optimization")
    assert decide_entity("controllable generation", EntityType.TASK, [("p1", None)], defining_papers=0).type is EntityType.TASK
    assert decide_entity("adaptive pruning", EntityType.METHOD, [("p1", None)], defining_papers=0).not_a_name


def test_a_technique_a_paper_proposes_under_a_task_head_is_a_method():
    proposed = "To address these limitations, we propose the Generation-Enhanced Alignment (GEA) from a generative perspective."
    assert definition_evidence(proposed, "GEA") == (True, EntityType.METHOD)
    new_task = "We introduce Multi-Image Grounding (MIG), a new task that requires locating objects across images."
    assert definition_evidence(new_task, "MIG") == (True, EntityType.TASK)


def test_a_listed_family_version_is_a_model_whatever_its_type():
    assert decide_entity("YOLO26", EntityType.METHOD, [("p1", EntityType.METHOD)] * 2).type is EntityType.MODEL
    assert decide_entity("Ovis2.5-2B", EntityType.METRIC, [("p1", None)]).type is EntityType.MODEL


def _decided(name: str, current: EntityType, sentence: str, mention: str | None = None, **known):
    """The verdict on `name` from one real sentence that names it (as `mention`, if given)."""
    votes = [("p1", mention_evidence(sentence, mention or name))]
    return decide_entity(name, current, votes, **known)


def test_a_distributive_or_wise_manner_before_a_process_is_a_description():
    per_scene = ("Compared to prior multiview generative models that require per-scene optimization for 3D "
                 "reconstruction, Bolt3D reduces the inference cost by a factor of up to 300 times.")
    assert _decided("per-scene optimization", EntityType.METHOD, per_scene, defining_papers=0).not_a_name
    layer_wise = ("Among this, two metrics, Gradient Importance and Layer Activation Memory, are considered to "
                  "determine the layer-wise pruning ratios, reflecting accuracy contribution and memory "
                  "efficiency, respectively.")
    assert _decided("layer-wise pruning", EntityType.METHOD, layer_wise, defining_papers=0).not_a_name


def test_a_degree_of_a_metrics_value_is_no_metric_but_a_unit_of_measure_is():
    latency = ("Experimental evaluation on the Semantic Textual Similarity Benchmark (STS-B) and its multilingual "
               "extension shows that HTP achieves a Spearman correlation of 0.68 in English, maintaining stable "
               "performance across ten languages with negligible computational cost and sub-millisecond latency "
               "per sentence pair.")
    assert _decided("sub-millisecond latency", EntityType.METRIC, latency).not_a_name
    pixel = ("However, these methods suffer from high computational costs and are insensitive to pixel-level "
             "accuracy, often requiring additional loss terms like Dice or MSE to compensate.")
    assert _decided("pixel-level accuracy", EntityType.METRIC, pixel).type is EntityType.METRIC


def test_a_hybrid_of_network_families_is_no_name():
    hybrid = ("These results demonstrate the versatility of our integrated CNN-Transformer framework in "
              "capturing diverse features and delivering superior performance in BUSI cancer diagnosis.")
    assert _decided("CNN-Transformer", EntityType.METHOD, hybrid).not_a_name
    mamba = ("Recently, non-convolutional models such as the Vision Transformer (ViT) and "
             "Vision Mamba (Vim) have achieved remarkable performance in computer vision tasks.")
    assert not _decided("Vision Mamba", EntityType.MODEL, mamba).not_a_name


def test_a_name_headed_by_a_listed_method_is_a_method_though_its_definitions_read_a_task():
    mm_rag = ("Multimodal Retrieval-Augmented Generation (MMRAG) has been introduced to enhance Multimodal "
              "Large Language Models by incorporating externally retrieved multimodal knowledge.")
    assert _decided("MM-RAG", EntityType.TASK, mm_rag, "Multimodal Retrieval-Augmented Generation").type is EntityType.METHOD
    graph_rag = ("Existing LLMs-based KGQA methods typically follow the Graph Retrieval-Augmented Generation "
                 "(GraphRAG) paradigm, which first retrieves reasoning paths from the large KGs, and then "
                 "generates the answers.")
    assert _decided("Graph Retrieval Augmented Generation", EntityType.TASK, graph_rag, "GraphRAG").type is EntityType.METHOD


def test_a_name_headed_by_a_listed_task_is_a_task_but_a_tasks_acronym_heads_systems_too():
    pose = ("In further experiments, our method outperforms light-, audio-, and timecode-based synchronization "
            "approaches and directly improves downstream computer vision tasks, including multi-view pose "
            "estimation and 3D reconstruction.")
    assert _decided("multi-view pose estimation", EntityType.METHOD, pose).type is EntityType.TASK
    droid = ("Our pipeline analyzes different methods such as DROID-SLAM, AnyCam, and Monst3r and "
             "combines preprocessing techniques such as different methods of masking.")
    assert _decided("DROID-SLAM", EntityType.METHOD, droid).type is EntityType.METHOD
    # a listed acronym matches in its own case only: "map estimation" is no MAP estimation
    density = "We propose a novel prototype-based method for interpretable cell counting via density map estimation."
    assert _decided("density map estimation", EntityType.TASK, density).type is EntityType.TASK


def test_a_definition_by_a_kind_of_a_listed_task_or_method_votes_its_type():
    problem = "Cross-domain few-shot learning (CD-FSL) requires models to generalize from limited labeled samples under significant distribution shifts."
    assert definition_evidence(problem, "CD-FSL") == (True, EntityType.TASK)
    rag = ("Multimodal Retrieval-Augmented Generation (MMRAG) has been introduced to enhance Multimodal Large "
           "Language Models by incorporating externally retrieved multimodal knowledge.")
    assert definition_evidence(rag, "MMRAG") == (True, EntityType.METHOD)
    proposed = ("To address this, we propose Multi-Modal Representation Learning (MMRL), which introduces a shared, "
                "learnable, modality-agnostic representation space.")
    assert definition_evidence(proposed, "MMRL") == (True, EntityType.METHOD)  # a paper's own technique


def test_a_name_with_a_preposition_is_headed_before_it():
    assert listed_head_type("Slot Attention-based Feature Filtering for Few-Shot Learning") is None
    assert listed_head_type("fine-grained few-shot learning") is EntityType.TASK


def test_a_name_most_papers_call_software_is_outside_the_types():
    # votes as corpus papers give them: "frameworks such as LangChain" twice, "LangChain agents" once
    votes = [("p1", "software"), ("p2", "software"), ("p3", EntityType.MODEL), ("p4", None)]
    assert decide_entity("LangChain", EntityType.MODEL, votes).not_a_name
    # one paper is not enough, nor as many as call it a model
    assert not decide_entity("LangChain", EntityType.MODEL, votes[1:]).not_a_name
    assert not decide_entity("Mem0", EntityType.METHOD, votes + [("p5", EntityType.METHOD), ("p6", EntityType.METHOD)]
                             ).not_a_name


def test_a_measure_or_data_named_by_a_process_head_is_a_method():
    # "a dynamically weighted Reciprocal Rank Fusion score" once gave it a metric vote
    votes = [("p1", EntityType.METRIC), ("p2", "named-definition"), ("p3", None)]
    assert decide_entity("Reciprocal Rank Fusion", EntityType.METRIC, votes).type is EntityType.METHOD
    assert decide_entity("Reciprocal Rank Fusion", EntityType.METHOD, votes).type is EntityType.METHOD  # it stays
    assert decide_entity("Statement Tuning", EntityType.DATASET, [("p1", None)]).type is EntityType.METHOD
    # a split glued by a hyphen, and a ranking task, keep their types
    assert decide_entity("FinTrace-Training", EntityType.DATASET, [("p1", None)]).type is EntityType.DATASET
    assert decide_entity("Passage Ranking", EntityType.BENCHMARK, [("p1", None)]).type is not EntityType.METHOD


def test_data_most_papers_name_before_a_track_is_an_event():
    # "SemEval 2025 Task 2", "Task 5 of SemEval-2025": the edition of a series, not one track's data
    votes = [("p1", "event"), ("p2", "event"), ("p3", None), ("p4", None), ("p5", None)]
    assert decide_entity("SemEval 2025", EntityType.BENCHMARK, votes).not_a_name
    # a third of its papers at least, and more than vote for a type
    assert not decide_entity("SemEval 2025", EntityType.BENCHMARK, votes + [("q1", None), ("q2", None)]).not_a_name
    assert not decide_entity("BraTS 2021", EntityType.DATASET, votes + [
        ("p6", EntityType.DATASET), ("p7", EntityType.DATASET), ("p8", EntityType.DATASET)]).not_a_name
