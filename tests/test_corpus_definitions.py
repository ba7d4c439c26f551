"""Acronyms whose papers define them as other things (graph/corpus_definitions.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_definitions import defined_type, defines_no_model
from paperkg.graph.records import EntityType, PaperExtraction, entity_id
from paperkg.graph.store import Store

from corpus_papers import acronym_paper

MODEL = EntityType.MODEL

# Papers of the 75k corpus that name "RBD": a module of one paper (its models fine-tuned), and
# two other things, each defined by a long form that names no model.
RBD = [
    ["To address this challenge, we introduce the Reasoning-based Bias Detector (RBD), which is a plug-in module "
     "that identifies biased evaluations and generates structured reasoning to guide evaluator self-correction.",
     "We fine-tune four sizes of RBD models, ranging from 1.5B to 14B, and observe consistent performance "
     "improvements across all scales."],
    ["For infected agents, we apply localized purification: long-term infections are handled using Recursive "
     "Binary Diagnosis (RBD), which recursively partitions the image album."],
    ["QuantSR+ mainly relies on three technical contributions: (1) Redistribution-driven Bit Determination (RBD), "
     "which reshapes quantization distributions in both forward and backward passes."],
]
RBD_LONG_FORMS = ["Reasoning-based Bias Detector", "Recursive Binary Diagnosis", "Redistribution-driven Bit Determination"]

# Papers that name "MMoE": one defines it as a model ("... (MMoE) model"), one calls a module so.
MMOE = [
    ["To mitigate these issues, we propose a Multi-level Mixture of Experts (MMoE) model for MEL.",
     "Extensive experiments demonstrate the outstanding performance of MMoE compared to the state-of-the-art."],
    ["For effectiveness, LEO-MINI employs MMoE, a module that mixes multi-modal experts.",
     "MMoE also includes a general LoRA expert that is always activated."],
    ["We evaluate MMoE against two routing baselines on entity linking."],
]


paper = acronym_paper


def type_after_steps(tmp_path, papers: list[PaperExtraction], name: str, steps: int = 1) -> str | None:
    """The type of the entity `name` after these papers are stored and `steps` corpus steps run
    (None: no entity); a step after the first restores nothing."""
    store = Store(tmp_path / "definitions.db")
    store.write_batch(papers)
    with store:
        settle_corpus(store)
        assert all(settle_corpus(store).restored == 0 for _ in range(steps - 1))
        found = store.get_entities([entity_id(name)]).get(entity_id(name))
    return found.type.value if found else None


def test_an_acronym_its_papers_define_as_other_things_is_not_a_name(tmp_path):
    papers = [paper(f"r{i}", s, "RBD", long) for i, (s, long) in enumerate(zip(RBD, RBD_LONG_FORMS))]
    assert type_after_steps(tmp_path, papers, "RBD", steps=2) is None


def test_an_acronym_a_paper_defines_as_a_model_stays(tmp_path):
    papers = [paper("m0", MMOE[0], "MMoE", "Multi-level Mixture of Experts")]
    papers += [paper(f"m{i}", s, "MMoE") for i, s in enumerate(MMOE[1:], start=1)]
    assert type_after_steps(tmp_path, papers, "MMoE") == "MODEL"


def test_an_introduced_or_mostly_model_called_acronym_stays():
    # (paper, text, text after, text before, vote, defined type)
    defined = ("p1", "Robust Deformable Detector", " (RDD), a novel and robust keypoint detector", "We present ",
               "named-definition", "")
    assert not defines_no_model([defined, ("p2", "RDD", " achieves", "", "", "")])
    defined = ("p1", "Transformer Autoregressive Flow", " (TARFlow), which combines", "The core of STARFlow is ",
               "named-definition", "")
    assert not defines_no_model([defined, ("p2", "TarFlow", " model combines", "the ", "MODEL", "")])
    assert defines_no_model([defined, ("p2", "TarFlow", " sampling", "Accelerate ", "", "")])


# Papers of the 75k corpus that name "Mono3D": two define it as a task, one calls it models.
MONO3D = [
    ["This paper takes a step towards this understudied problem by first investigating the impact of camera "
     "height variations on state-of-the-art (SoTA) Mono3D models."],
    ["Monocular 3D object detection (Mono3D) is a fundamental computer vision task that estimates an object's "
     "class, 3D position, dimensions, and orientation from a single image.",
     "This thesis addresses the challenge of generalizing Mono3D models to diverse scenarios, including "
     "occlusions, datasets, object sizes, and camera parameters."],
    ["Monocular 3D object detection (Mono3D) aims to infer object locations and dimensions in 3D space from a "
     "single RGB image."],
]
# Papers that name "DEAR": a dataset defined so, a reranker and a pruning method, neither defined.
DEAR = [
    ["In this work, a novel benchmark dataset designed to model human aesthetic judgments of image rendering "
     "styles is introduced: the Dataset for Evaluating the Aesthetics of Rendering (DEAR).",
     "To the best of the authors' knowledge, DEAR is the first dataset to systematically address image "
     "aesthetics of rendering assessment grounded in subjective human preferences."],
    ["Without fine-tuning on Wikipedia, DEAR also excels in open-domain QA, achieving 54.29 Top-1 accuracy on "
     "Natural Questions, surpassing baselines like MonoT5, UPR, and RankGPT."],
    ["By measuring the alignment between channel activations and inpaint masks, DEAR removes features at both "
     "extremes, retaining only those that capture genuine generative artifacts."],
]


def test_an_acronym_its_papers_define_as_a_task_is_retyped(tmp_path):
    long_forms = [None, "Monocular 3D object detection", "Monocular 3D object detection"]
    papers = [paper(f"t{i}", s, "Mono3D", long) for i, (s, long) in enumerate(zip(MONO3D, long_forms))]
    assert type_after_steps(tmp_path, papers, "Mono3D", steps=2) == "TASK"


def test_an_acronym_one_paper_defines_as_a_dataset_is_retyped(tmp_path):
    long_forms = ["Dataset for Evaluating the Aesthetics of Rendering", None, None]
    papers = [paper(f"d{i}", s, "DEAR", long) for i, (s, long) in enumerate(zip(DEAR, long_forms))]
    assert type_after_steps(tmp_path, papers, "DEAR", steps=2) == "DATASET"


def test_the_head_before_a_preposition_types_a_definition():
    defined = ("p1", "Dataset for Evaluating the Aesthetics of Rendering", " (DEAR).", "introduced: the ",
               "named-definition", "")
    assert defined_type([defined, ("p2", "DEAR", " also excels", "", "", "")]) is EntityType.DATASET


def test_definitions_of_no_type_or_of_several_types_give_none():
    rbd = [(f"p{i}", long, " (RBD), which", "", "named-definition", "") for i, long in enumerate(RBD_LONG_FORMS)]
    assert defined_type(rbd) is None
    sso = [("p1", "Shot Sequence Ordering", " (SSO) task in", "", "named-definition", "TASK"),
           ("p2", "Scene Semantic Occupancy", " (SSO) for scene", "", "named-definition", ""),
           ("p3", "Scope Omission", " (SSO): a model", "", "named-definition", "")]
    assert defined_type(sso) is None  # one typed definition of three
    assert defined_type(sso[:1] + [("p2", "Self-Supervised Objective", " (SSO)", "", "METHOD", "METHOD")]) is None
