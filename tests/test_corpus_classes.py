"""Names the corpus writes as classes of things (graph/corpus_classes.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_classes import defined_as_conversion, introduced, written_as_class, written_as_modifier
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

MODEL = EntityType.MODEL

# Papers of the 75k corpus that name "PTM": pre-trained models, a class.
PTM = [
    "The powerful generalization ability of pre-trained models (PTMs), such as the Contrastive Language-Image "
    "Pre-training (CLIP) model, has been shown.",
    "Recently, pre-trained models (PTMs) combined with parameter-efficient fine-tuning (PEFT) have shown "
    "remarkable performance.",
    "We study the effectiveness of Mel-Frequency Cepstral Coefficients (MFCCs) and pre-trained model (PTM) features.",
]
# Papers that name "SRM": half of them a class, the others a reward model, a detector.
SRM = [
    "Small reasoning models (SRMs) often overthink during tool use.",
    "However, it remains an open question whether small reasoning models (SRMs) can learn rule-based reasoning.",
    "We propose the Speculative Reward Model (SRM), a plug-and-play framework that integrates with existing "
    "search strategies.",
    "Our study spans five state-of-the-art detectors (RECCE, SRM, XCeption, UCF, SPSL).",
]

# Papers of the 75k corpus that name "V2A": the conversion's long form, and the class of models.
V2A = [
    "Video-to-Audio (V2A) Generation achieves significant progress and plays a crucial role in film and video "
    "post-production.",
    "Video-to-audio (V2A) generation shows great potential in fields such as film production.",
    "We propose SelVA, a novel text-conditioned V2A model that treats the text prompt as an explicit selector.",
]
# Papers that name "Single-image-to-3D" models: a conversion written out.
SINGLE_IMAGE_TO_3D = [
    "Single-image-to-3D models typically follow a sequential generation and reconstruction workflow.",
    "Specifically, we build on a pre-trained single-image-to-3D model, preserving strong spatial consistency.",
    "Existing video generation methods provide minimal physical control, and single-image-to-3D conversion "
    "approaches often suffer from object interpenetration.",
]
# Papers that name "LLaMA-family" models ...
LLAMA_FAMILY = [
    "Applied to LLaMA-family models evaluated on unobserved intermediate distances, the method transfers.",
    "Qwen3 models consume 60% more tokens than Llama-family models on the same tasks.",
    "Our adapter matches LoRA at one-quarter its parameter count, across five LLaMA-family backbones.",
]
# ... and papers that join "family" by a hyphen to lowercase words (fifteen of them).
FAMILIES = [
    "By providing mixed-family and cross-family splits at three sequence identity thresholds, our benchmark "
    "enables a comprehensive assessment of model performance.",
    "Using this data and building register data as features, machine learning models were trained to classify "
    "multi-family and non-residential buildings in Stockholm, Sweden.",
    "While we observe some cross-lingual transfer, it is not significantly higher between languages within the "
    "same sub-family.",
    "With our design, intra-family hierarchies emerge within individual hyperbolic factors.",
    "In contrast, moral susceptibility exhibits a mild family effect but a clear within-family size effect.",
    "It reasons directly on the sequences of same-family jobs scheduled on the machines.",
    "We find substantial model-family heterogeneity and PII-type disparities.",
    "In practice, agentic pipelines frequently employ models without any smaller in-family draft model.",
    "We introduce an open-source framework for task-family generators: compact Python programs.",
    "This yields an exponential-family distribution over complete population assignments.",
    "We recommend prompt-family evaluation with mean aggregation as a standard label-free reliability baseline.",
    "Re-judging with a different-family safety classifier preserves the direction.",
    "MELD attaches generator-family, attack-type, and source-domain heads to a shared encoder.",
    "We convert this oracle back into guarantees through finite-family auditing or a minimax wrapper.",
]

# Papers of the 75k corpus that name "VLM-based IQA" models, agents and methods: a class.
VLM_BASED_IQA = [
    "EvoQuality achieves performance that is competitive with, or even surpasses, state-of-the-art supervised "
    "VLM-based IQA models, outperforming these models on 5 out of 7 IQA benchmarks.",
    "AgenticIQA-Eval is the first benchmark for assessing the planning, execution, and summarization "
    "capabilities of VLM-based IQA agents.",
]


# Papers of the 75k corpus that name "SAR-domain": the domain of SAR images, and a qualifier.
SAR_DOMAIN = [
    ("We then show that Self-Supervised finetuning of publicly available SSL models with SAR data is a viable path "
     "forward by training several AFRL-DINOv2s and setting a new state-of-the-art for SAR foundation models, "
     "significantly outperforming today's best SAR-domain model SARATR-X.", "SAR-domain"),
    ("For these reasons and more, we are motivated to apply this technology to the SAR domain.", "SAR domain"),
]


def unnamed(pid: str, sentence: str) -> PaperExtraction:
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (), ())


def named(pid: str, sentence: str, name: str, text: str | None = None) -> PaperExtraction:
    text = text or (name + "s" if name + "s" in sentence else name)
    start = sentence.index(text)
    mention = Mention(pid, "abstract", start, start + len(text), text, sentence, MODEL, entity_id(name), 0.8,
                      "kg_shapes")
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,),
                           (Entity(entity_id(name), name, MODEL, origin="discovered"),))


def settle(tmp_path, papers: list[PaperExtraction]) -> Store:
    store = Store(tmp_path / "classes.db")
    store.write_batch(papers)
    settle_corpus(store)
    return store


def type_of(store: Store, name: str) -> str | None:
    found = store.get_entities([entity_id(name)]).get(entity_id(name))
    return found.type.value if found else None


def test_an_acronym_written_plural_or_defined_by_a_lowercase_plural_is_not_a_name(tmp_path):
    store = settle(tmp_path, [named(f"p{i}", s, "PTM") for i, s in enumerate(PTM)])
    with store:
        assert type_of(store, "PTM") is None
        assert settle_corpus(store).restored == 0  # a second step holds it again


def test_an_acronym_that_half_its_papers_name_otherwise_stays(tmp_path):
    store = settle(tmp_path, [named(f"s{i}", s, "SRM") for i, s in enumerate(SRM)])
    with store:
        assert type_of(store, "SRM") == "MODEL"


def test_a_capitalised_long_form_or_an_introduction_names_a_thing():
    # "Pubmed-Open Access (PMOA) Subset": no plural
    rows = [("p1", "PMOA", ") Subset", "case reports from the Pubmed-Open Access ("),
            ("p2", "PMOA", ") case reports", "ten randomly-sampled PubMed open-access ("),
            ("p3", "PMOA", ") case reports", "124,699 PubMed Open Access (")]
    assert not written_as_class("PMOA", rows)
    rows = [("p1", "VLFMs", ") promise", "Vision-language foundation models ("),
            ("p2", "VLFM", ", a foundation model for", "We present ")]
    assert not written_as_class("VLFM", rows)
    assert written_as_class("VLFM", rows[:1])


def test_a_conversion_its_papers_define_by_its_long_form_is_not_a_name(tmp_path):
    store = settle(tmp_path, [named(f"v{i}", s, "V2A") for i, s in enumerate(V2A)])
    with store:
        assert type_of(store, "V2A") is None
        assert settle_corpus(store).restored == 0  # a second step holds it again


def test_a_conversion_named_inside_a_longer_name_or_introduced_stays():
    # "Sa2VA"-like names are never defined by "X-to-Y (NAME)"
    assert not defined_as_conversion([("p1", "S2T", " achieves", "We evaluate "), ("p2", "S2T", " model", "the "),
                                      ("p3", "S2T", " and", "baselines: ")])
    rows = [("p1", "V2A", " generation", "Video-to-Audio ("), ("p2", "V2A", ", a unified model for", "We present ")]
    assert not defined_as_conversion(rows)


def test_a_conversion_written_out_before_nouns_is_not_a_name(tmp_path):
    papers = [named(f"s{i}", s, "Single-image-to-3D", s[s.lower().index("single"):][:18])
              for i, s in enumerate(SINGLE_IMAGE_TO_3D)]
    store = settle(tmp_path, papers)
    with store:
        assert type_of(store, "Single-image-to-3D") is None


def test_a_compound_the_corpus_joins_to_many_words_written_before_nouns_is_not_a_name(tmp_path):
    papers = [named(f"n{i}", s, "LLaMA-family", "Llama-family" if "Llama" in s else None)
              for i, s in enumerate(LLAMA_FAMILY)]
    store = settle(tmp_path, papers + [unnamed(f"f{i}", s) for i, s in enumerate(FAMILIES)])
    with store:
        assert type_of(store, "LLaMA-family") is None


def test_the_same_compound_stays_where_the_corpus_joins_its_word_to_few_others(tmp_path):
    papers = [named(f"n{i}", s, "LLaMA-family", "Llama-family" if "Llama" in s else None)
              for i, s in enumerate(LLAMA_FAMILY)]
    store = settle(tmp_path, papers + [unnamed(f"f{i}", s) for i, s in enumerate(FAMILIES[:3])])
    with store:
        assert type_of(store, "LLaMA-family") == "MODEL"


def test_a_variant_written_before_verbs_or_with_its_last_word_capitalised_is_a_name():
    # in lists and before its results in most of its papers (1 of 9 at 75k before a lowercase word only)
    assert not written_as_modifier([("p1", "GPT-5.4-mini", " achieves", ""), ("p2", "GPT-5.4-mini", ", and", ""),
                                    ("p3", "GPT-5.4-mini", " (71.2%)", "")])
    assert not written_as_modifier([("p1", "GPT-4o-image", " integrates", ""), ("p2", "GPT-4o-Image", " model", ""),
                                    ("p3", "GPT-4o-image", " model", "")])
    assert written_as_modifier([("p1", "Open-source", " models", ""), ("p2", "OS", ") code", "open-source ("),
                                ("p3", "Open-source", " models", "")])


def test_a_class_built_on_a_name_is_not_a_name_in_any_number_of_papers(tmp_path):
    store = settle(tmp_path, [named(f"q{i}", s, "VLM-based IQA") for i, s in enumerate(VLM_BASED_IQA)])
    with store:
        assert type_of(store, "VLM-based IQA") is None


def test_a_domain_is_not_a_name_in_any_number_of_papers(tmp_path):
    store = settle(tmp_path, [named(f"s{i}", s, "SAR-domain", text) for i, (s, text) in enumerate(SAR_DOMAIN)])
    with store:
        assert type_of(store, "SAR-domain") is None


def test_a_model_a_paper_names_so_is_introduced():
    # "we propose a novel deep learning model, named Leanable-Interpolation-based FBP or LInFBP shortly"
    assert introduced([("p1", "Leanable-Interpolation-based FBP", " or LInFBP shortly", "a novel deep learning "
                        "model, named ")])
    assert not introduced([("p1", "VLM-based IQA", " models, outperforming", "state-of-the-art supervised ")])
