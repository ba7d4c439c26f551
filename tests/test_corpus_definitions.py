"""Acronyms whose papers define them as other things (graph/corpus_definitions.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_definitions import defines_no_model
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

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


def paper(pid: str, sentences: list[str], name: str, long_form: str | None = None) -> PaperExtraction:
    """A paper whose abstract is these sentences, with a mention of the acronym wherever a
    sentence names it, and of its long form where given."""
    abstract = " ".join(sentences)
    mentions, offset = [], 0
    for sentence in sentences:
        for text in filter(None, (long_form, name)):
            at = sentence.find(text)
            if at >= 0:
                mentions.append(Mention(pid, "abstract", offset + at, offset + at + len(text), text, sentence, MODEL,
                                        entity_id(name), 0.8, "kg_shapes"))
        offset += len(sentence) + 1
    return PaperExtraction(Paper(pid, f"Paper {pid}", abstract), tuple(mentions),
                           (Entity(entity_id(name), name, MODEL, origin="discovered"),))


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
