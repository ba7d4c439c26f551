"""Each rule family on real sentences (most from the seed page), offsets checked."""

import pytest
from extract_fixtures import extractor_from_tsv

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.abbreviations import find_definitions
from paperkg.graph.extract.text.sentences import split_sentences
from paperkg.graph.records import EntityType, Role, entity_id

TSV = """name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of
CIFAR-10\tDATASET\tCIFAR10
FFHQ\tDATASET
DINOv2\tMODEL
GPT-4\tMODEL
Stable Diffusion\tMODEL
machine unlearning\tTASK
accuracy\tMETRIC
"""


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    return extractor_from_tsv(TSV, tmp_path_factory.mktemp("gaz"))


def found(extractor, text):
    mentions = extractor.extract_text(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text, m
        assert m.sentence in text and m.start >= text.index(m.sentence) - 0
        assert 0 <= m.confidence <= 1 and m.component.startswith("kg_")
    return {m.text: m for m in mentions}


def test_sentences_split_at_full_stops_not_abbreviations():
    text = "We use e.g. BERT. It works, cf. Fig. 2. Then we stop."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "We use e.g. BERT.", "It works, cf. Fig. 2.", "Then we stop."]


@pytest.mark.parametrize(
    ("text", "long", "short"),
    [
        ("that we call deep kernel machines (DKMs).", "deep kernel machines", "DKMs"),
        ("Our method leverages sparse autoencoders (SAEs) to extract", "sparse autoencoders", "SAEs"),
        ("We further propose a cascade polynomial regression (CPR) which", "cascade polynomial regression", "CPR"),
        ("outperforms multilingual BERT (mBERT) on", "multilingual BERT", "mBERT"),
        ('presents a novel methodology, "Hollow-tree Super" (HOTS), designed', "Hollow-tree Super", "HOTS"),
    ],
)
def test_schwartz_hearst_definitions(text, long, short):
    (definition,) = find_definitions(text)
    assert (definition.long, definition.short) == (long, short)
    assert text[definition.long_start : definition.long_end] == long


def test_loose_parentheses_are_not_definitions():
    assert find_definitions("using reward modeling evaluation as a case study (FLAMe-RM).") == []
    assert find_definitions("As large language models (LLMs) advance") == []


def test_abbreviation_is_one_entity_and_later_uses_link_to_it(extractor):
    text = ("Next, we introduce a deep generalisation of kernel methods, that we call deep kernel "
            "machines (DKMs). Like most naive kernel methods, DKMs scale cubically.")
    mentions = extractor.extract_text(text)
    ids = {m.text: m.entity_id for m in mentions}
    assert ids["deep kernel machines"] == ids["DKMs"] == entity_id("deep kernel machines")
    assert [m.text for m in mentions].count("DKMs") == 2


def test_defined_network_unknown_to_the_gazetteer_is_a_named_model(extractor):
    # GSAP-NER 1809.02066 and 2112.00328: a network given a short form of its own is named.
    text = ("Stochastic configuration networks (SCNs) are randomized learners. We propose a "
            "deep attention convolutional neural network (DACNN) for tourism forecasting.")
    found_here = found(extractor, text)
    assert found_here["SCNs"].type is EntityType.MODEL
    assert found_here["DACNN"].type is EntityType.MODEL


def test_defined_family_known_to_the_gazetteer_keeps_its_type(tmp_path):
    known = extractor_from_tsv(TSV + "convolutional neural network\tMETHOD\tCNN\n", tmp_path)
    found_here = found(known, "We use convolutional neural networks (CNNs) for vision.")
    assert found_here["CNNs"].type is EntityType.METHOD


@pytest.mark.parametrize(
    ("text", "name", "entity_type"),
    [
        ("Notably, on RewardBench, our FLAMe-RM-24B model is the top-performing model.", "RewardBench", EntityType.BENCHMARK),
        ("Notably, on RewardBench, our FLAMe-RM-24B model is the top-performing model.", "FLAMe-RM-24B", EntityType.MODEL),
        ("Various techniques have been proposed, such as CleanCLIP, which is the current state-of-the-art approach.", "CleanCLIP", EntityType.MODEL),
        ("A remarkable exception is the recently-proposed prior-data fitted network, TabPFN: although it", "TabPFN", EntityType.MODEL),
        ("In this paper, we introduce a new fast DPM sampler called DC-Solver, which leverages", "DC-Solver", EntityType.METHOD),
        ("We address this issue by proposing MUSE, a comprehensive machine unlearning evaluation benchmark", "MUSE", EntityType.BENCHMARK),
        ("In this work, we propose the RESTOR framework for machine unlearning evaluation.", "RESTOR", EntityType.METHOD),
        ("Results on the GLUE and XNLI benchmarks.", "XNLI", EntityType.BENCHMARK),
        ("Results on the GLUE and XNLI benchmarks.", "GLUE", EntityType.BENCHMARK),
    ],
)
def test_names_in_no_list_are_found_and_typed(extractor, text, name, entity_type):
    mentions = found(extractor, text)
    assert name in mentions and mentions[name].type is entity_type


def test_hyphenated_name_takes_the_type_of_its_known_piece(extractor):
    text = ("We focus on Few-shot Learning with Auxiliary Data (FLAD), a training paradigm. "
            "We propose two algorithms -- EXP3-FLAD and UCB1-FLAD -- and compare them.")
    mentions = found(extractor, text)
    assert mentions["UCB1-FLAD"].type is mentions["EXP3-FLAD"].type is EntityType.METHOD


def test_title_names_what_the_paper_introduces(extractor):
    mentions = found(extractor, "DC-Solver: Improving Predictor-Corrector Diffusion Sampler via Dynamic Compensation")
    assert mentions["DC-Solver"].role is Role.INTRODUCES
    assert mentions["DC-Solver"].type is EntityType.METHOD


@pytest.mark.parametrize(
    "text",
    [
        "However, our model outperforms a new dataset in this paper.",
        "We propose a new benchmark. Our method is simple. In this work we study it.",
        "The Transformer is popular. Transformers are large models.",
        "Experiments in France and Germany show that We can do better.",
        "We decode electroencephalography (EEG) signals and magnetic resonance imaging (MRI) scans.",
        "Recent advances in artificial intelligence (AI) rely on the key-value (KV) cache.",
    ],
)
def test_generic_phrases_and_ordinary_capitalised_words_are_not_entities(extractor, text):
    assert extractor.extract_text(text) == []


def test_stable_diffusion_versions_are_split(extractor):
    text = "Applied to four popular generative models (Stable Diffusion 1.5/2.1, PixArt, and Kandinsky), our approach"
    mentions = extractor.extract_text(text)
    split = [m for m in mentions if m.entity_id.startswith("stablediffusion")]
    assert [m.text for m in split] == ["Stable Diffusion 1.5", "2.1"]
    assert split[1].entity_id == entity_id("Stable-Diffusion-2.1")
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("compared with GPT-3.5/4 on all tasks", ["gpt3.5", "gpt4"]),
        ("We fine-tune Llama 2 7B/13B/70B models", ["llama27b", "llama213b", "llama270b"]),
    ],
)
def test_version_and_size_lists_are_split(extractor, text, ids):
    mentions = extractor.extract_text(text)
    assert [m.entity_id for m in mentions] == ids
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_hyphenated_spelling_reaches_a_known_model_version(extractor):
    text = "and 0.394 MSE (NFE=5, CFG=7.5) on Stable-Diffusion-2.1."
    mentions = found(extractor, text)
    assert mentions["Stable-Diffusion-2.1"].entity_id == entity_id("Stable Diffusion 2.1")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("In this work, we propose the RESTOR framework for evaluation.", "RESTOR", Role.INTRODUCES),
        ("We train an archetypal SAE on DINOv2 features.", "DINOv2", Role.USES),
        ("We achieve 10.38 FID on unconditional FFHQ.", "FFHQ", Role.EVALUATES_ON),
        ("outperforming both GPT-4-0125 (85.9%) and GPT-4o (84.7%).", "GPT-4o", Role.COMPARES),
        ("Our method is evaluated using DINOv2 embeddings.", "DINOv2", Role.USES),
        ("DINOv2 is a vision model.", "DINOv2", Role.MENTIONS),
    ],
)
def test_roles_come_from_the_words_before_a_mention(extractor, text, name, role):
    assert found(extractor, text)[name].role is role


def test_names_made_into_adjectives_are_not_entities():
    extractor = Extractor.default()
    found = {m.text for m in extractor.extract_text(
        "We build an LLM-based agent, a CLIP-based retriever and AI-driven tools on ImageNet-scale data.")}
    assert found == {"CLIP", "ImageNet"}


def test_a_bare_model_size_is_not_an_entity():
    extractor = Extractor.default()
    texts = {m.text for m in extractor.extract_text("We train a 14B model and compare it with T5.")}
    assert "14B" not in texts and "T5" in texts


def test_stop_acronyms_in_any_casing_are_never_discovered():
    from paperkg.graph.extract import Extractor
    from paperkg.graph.records import Paper

    abstracts = ["Our SoTA model is better than the SoTA baselines on every SoTA task.",
                 "The method outperforms the state-of-the-art (SOTA) in terms of visual quality."]
    papers = [Paper(id=str(i), title="Results", abstract=a) for i, a in enumerate(abstracts)]
    extractions = list(Extractor.default().extract(papers))
    assert not any(m.entity_id == "sota" for e in extractions for m in e.mentions)


def test_fields_of_study_are_never_entities_even_when_defined_or_discovered():
    from paperkg.graph.records import Paper

    abstracts = [
        "The increasing adoption of Artificial Intelligence (AI) in healthcare raises concerns.",
        "As Artificial Intelligence systems evolve, we propose a deep learning framework.",
        "This process is possible with deep learning (DL), a popular technology.",
        "We present the Artificial Intelligence approach for computer vision tasks.",
    ]
    papers = [Paper(id=str(i), title="Results", abstract=a) for i, a in enumerate(abstracts)]
    extractions = list(Extractor.default().extract(papers))
    found_ids = {m.entity_id for e in extractions for m in e.mentions}
    assert found_ids.isdisjoint({"artificialintelligence", "deeplearning", "computervision", "ai", "dl"})


def test_concept_abbreviations_are_not_entities():
    extractor = Extractor.default()
    text = ("We reconstruct high-resolution (HR) images from low-resolution (LR) inputs and model "
            "the agent as a Markov decision process (MDP) over knowledge graphs (KGs).")
    assert {m.text for m in extractor.extract_text(text)}.isdisjoint({"HR", "LR", "MDP", "KGs"})


def test_venues_are_not_entities_and_campaigns_are_benchmarks():
    extractor = Extractor.default()
    text = ("Published at the Conference on Neural Information Processing Systems (NeurIPS). "
            "We use the data of the Text Analysis Conference (TAC).")
    by_text = {m.text: m.type for m in extractor.extract_text(text)}
    assert "NeurIPS" not in by_text and "Neural Information Processing Systems" not in by_text
    assert by_text["TAC"] is EntityType.BENCHMARK


def test_an_untyped_definition_takes_the_type_of_the_noun_after_it(extractor):
    # TDMSci train-260 and train-331
    text = "We conduct our experiments on the 2009 Knowledge Base Population (KBP) dataset."
    assert found(extractor, text)["KBP"].type is EntityType.DATASET
    text = "COAE dataset is the benchmark of the Chinese Opinion Analysis Exercise (COAE) workshop."
    assert found(extractor, text)["COAE"].type is EntityType.DATASET


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("While BERT is strong, it is slow.", "BERT"),  # GSAP-NER 1901.08746
        ("Unlike CLIP, our encoder reads text.", "CLIP"),
        ("Using ViT as the backbone, we find gains.", "ViT"),
        ("Notably GPT-4 fails on these.", "GPT-4"),
    ],
)
def test_a_sentence_opener_is_not_part_of_the_name(text, name):
    assert {m.text for m in Extractor.default().extract_text(text)} == {name}
