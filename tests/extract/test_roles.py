"""graph/extract/rules/roles.py: roles read off the words before a mention; the cue trie, the clause
barrier and the last-cue scan against the plain regexes they replaced.
"""

import re

import pytest

from paperkg.graph.extract.rules.roles import (
    _CUE_ALTERNATIVES, _CUE_PATTERNS, _cue_trie, _CUES, _CUES_AFTER_BREAK, _KINDS_BY_LETTER,
    _last_cue, _OUR, assign_role, clause_start,
)
from paperkg.graph.records import EntityType, Role
from sample_texts import CLAUSE_EDGE_TEXTS, name_texts
from seed_page import seed_lines


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
def test_roles_come_from_the_words_before_a_mention(names_extractor, text, name, role, found):
    assert found(names_extractor, text)[name].role is role


@pytest.mark.parametrize(
    ("text", "name", "entity_type", "role"),
    [
        # arXiv 2511.15242: "we define X as" names what the paper contributes.
        ("We define DermEval as a physician aligned six dimensional evaluator.", "DermEval",
         EntityType.BENCHMARK, Role.INTRODUCES),
        # "we propose that ..." states a claim (arXiv 2510.04391); "the so-called X" is a term
        # in use (arXiv 2605.10334); "We integrate these designs into X": no verb of "we" ends in "s".
        ("In this study, we propose that imagination serves to access an internal world model.",
         "internal world model", EntityType.METHOD, Role.MENTIONS),
        ("Detectors exhibit high sensitivity to the so-called self-blended images.", "self-blended images",
         EntityType.METHOD, Role.MENTIONS),
        ("We integrate these designs into CARVE, a model.", "CARVE", EntityType.MODEL, Role.MENTIONS),
        # The paper or its contribution as the subject: arXiv 2603.08692, 2602.23916.
        ("This research introduces the EcoAI-Resilience framework, a multi-objective optimization approach.",
         "EcoAI-Resilience", EntityType.METHOD, Role.INTRODUCES),
        ("Our approach introduces three components: (1) Global Representation Topology Divergence (GRTD).",
         "Global Representation Topology Divergence", EntityType.METHOD, Role.INTRODUCES),
        # A plural kind after a name and a count before it (arXiv 2508.10894); data that other
        # models were trained on (arXiv 2504.15865).
        ("Evaluated on four Earth observation datasets, MAESTRO sets a new state-of-the-art.", "Earth",
         EntityType.DATASET, Role.MENTIONS),
        ("MedNNS significantly outperforms both ImageNet pre-trained DL models.", "ImageNet",
         EntityType.DATASET, Role.MENTIONS),
        ("MedNNS significantly outperforms prior work on ImageNet.", "ImageNet", EntityType.DATASET,
         Role.EVALUATES_ON),
        # arXiv 2509.13312: a kind qualified before a plural ("major OEDR benchmarks"), unless
        # the plural is a list's (arXiv 2603.12721).
        ("Our framework establishes a new state-of-the-art across major OEDR benchmarks, including X.",
         "OEDR", EntityType.BENCHMARK, Role.MENTIONS),
        ("We evaluated CMHANet on the 3DMatch and the challenging 3DLoMatch datasets.", "3DLoMatch",
         EntityType.DATASET, Role.EVALUATES_ON),
        # arXiv 2504.18718: data a model was trained on; arXiv 2512.24235: "research on X" is about X.
        ("We also conduct preliminary parsing experiments using Modern English training data.",
         "Modern English", EntityType.DATASET, Role.MENTIONS),
        ("Yet research on Arabic AES remains limited due to the lack of publicly available datasets.",
         "Arabic AES", EntityType.DATASET, Role.MENTIONS),
        # Roles round 13, arXiv 2506.10361: a ";" before "including" starts the examples, not a clause.
        ("Extensive evaluations on challenging benchmarks; including LFW, CFP-FP, AgeDB-30, IJB-B, and IJB-C; "
         "highlight its superior performance.", "CFP-FP", EntityType.BENCHMARK, Role.EVALUATES_ON),
        ("We report results on ImageNet; LFW is left for future work.", "LFW", EntityType.BENCHMARK, Role.MENTIONS),
        # Roles round 14: data said to be used for evaluation, after them (arXiv 2511.04037,
        # 2507.15915); not data used for training only, nor data inside the apposition.
        ("The CFIHSR dataset, comprising PPG recordings from 46 subjects at a sampling rate of 14 Hz, is "
         "employed for evaluation.", "CFIHSR", EntityType.DATASET, Role.EVALUATES_ON),
        ("The CFIHSR dataset, comprising PPG recordings from 46 subjects at a sampling rate of 14 Hz, is "
         "employed for evaluation.", "PPG", EntityType.DATASET, Role.MENTIONS),
        ("Method: Two datasets, MSLD and MSLD v2.0, were used for training and validation.", "MSLD",
         EntityType.DATASET, Role.EVALUATES_ON),
        ("Method: Two datasets, MSLD and MSLD v2.0, were used for training and validation.", "MSLD v2.0",
         EntityType.DATASET, Role.EVALUATES_ON),
        ("The MSLD dataset is used for training.", "MSLD", EntityType.DATASET, Role.MENTIONS),
        # A list that opens a sentence after "Across" (arXiv 2605.26646), not the subject after
        # the phrase (arXiv 2504.19898).
        ("Across Natural Questions, HotpotQA, and held-out code tasks, multi-agent RL improves workflows.",
         "HotpotQA", EntityType.DATASET, Role.EVALUATES_ON),
        ("Across seven datasets, GenCLS++ achieves an average accuracy improvement of 3.46%.", "GenCLS++",
         EntityType.DATASET, Role.MENTIONS),
        ("Across three benchmarks, MMLU, GSM8K and HumanEval, our method improves accuracy.", "MMLU",
         EntityType.BENCHMARK, Role.EVALUATES_ON),
        ("Across 10 transformer architectures, we conclude that the KPCA view of ImageNet fails.", "ImageNet",
         EntityType.DATASET, Role.MENTIONS),
    ],
)
def test_role_of_a_mention_by_its_cue(text, name, entity_type, role):
    start = text.index(name)
    assert assign_role(text, 0, start, entity_type, start + len(name)) is role


_BARRIER = re.compile(
    r";(?! including | e\.g\.| such as | namely )|\bwhich\b|\bwhile\b|\bwhereas\b|\bbut\b|(?<!\be\.g)(?<!\bi\.e)\. ")
# A ";" before examples ends no clause (arXiv 2506.10361, gold test3, burned in round 13).
_EXAMPLE_SEMICOLONS = [
    "Extensive evaluations on challenging benchmarks; including LFW, CFP-FP, AgeDB-30, IJB-B, and IJB-C; highlight",
    "a; b; including c; e.g. d; such as e; namely f;including g",
]


def test_clause_start_agrees_with_the_barrier_regex():
    for line in [*seed_lines(), *CLAUSE_EDGE_TEXTS, *_EXAMPLE_SEMICOLONS]:
        for end in range(0, len(line), 7):
            left = line[max(0, end - 90) : end]
            matches = list(_BARRIER.finditer(left))
            assert clause_start(left) == (matches[-1].end() if matches else 0), left


ROLE_EDGE_TEXTS = [
    "compared vs.on X, vs.with Y, (using Z) -based on; We propose we introduce",
    "outperforms\nover (on) \"with\" results on across-the-board évaluated on tests in",
    "on", "with", "x", "",
]


def test_last_cue_is_the_last_match_of_the_plain_scan():
    for text in [*name_texts(), *ROLE_EDGE_TEXTS]:
        for end in range(0, len(text) + 1, 3):
            left = text[max(0, end - 90) : end]
            plain = None
            for plain in _CUES.finditer(left):  # noqa: B007
                pass
            found = _last_cue(left)
            assert (found and (found.end(), found.lastgroup)) == (plain and (plain.end(), plain.lastgroup))


CUE_EDGE_TEXTS = [
    "We propose X; we then present Y, called Z, termed W, named V, dubbed U",
    "compared with A, compare to B, comparison to C, vs. D, vs E, versus F, relative to G",
    "improved upon H, improves on I, outperforming J, surpassed K, beats L, exceeds M",
    "evaluated extensively on N; tested in O. results across P, accuracy on Q, scores in R",
    "On S, on T, across U, using V, uses W, use of X, based on Y, built upon Z, with A",
    "via B, leveraging C, employs D, adopted E, applies F, fine-tuned G, finetuning H",
    "trained on I, training J, initialized from K, initialised from L, from M, over N, than O",
    "we we we propose, We can easily build, we curated, we contributes",
    "(using A) -based on B \"with C\" [on D] /from E\nWe present F",
]


def test_cue_trie_matches_what_the_plain_alternation_matches():
    plain = re.compile(_CUE_ALTERNATIVES)
    trie = re.compile(_cue_trie(_CUE_PATTERNS))
    for text in [*seed_lines(), *CUE_EDGE_TEXTS]:
        for at in range(len(text)):
            expected, found = plain.match(text, at), trie.match(text, at)
            assert (found and found.span()) == (expected and expected.span()), (text, at)
            if found:
                kind = _KINDS_BY_LETTER[text[at]].match(text, at)
                assert (kind.span(), kind.lastgroup) == (expected.span(), expected.lastgroup)


def test_cues_after_a_break_start_one_character_early():
    plain = re.compile(rf"(?<![A-Za-z0-9_])(?:{_CUE_ALTERNATIVES})")
    for text in CUE_EDGE_TEXTS:
        spans = [(m.start() + 1, m.end()) for m in _CUES_AFTER_BREAK.finditer(" " + text)]
        assert spans == [(m.start() + 1, m.end() + 1) for m in plain.finditer(text)]


def test_our_before_a_name_is_found_as_the_word_break_form_finds_it():
    plain = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+)?$")
    texts = [*seed_lines(), "our X", "Our ", "four our", "(our big-data ", "tour  ", "Éour x ", "_our x "]
    for text in texts:
        for end in range(len(text) + 1):
            left = text[max(0, end - 90) : end]
            assert bool(_OUR.search(left)) == bool(plain.search(left)), left


# Data and models read off the words before them.
D, M = EntityType.DATASET, EntityType.MODEL


def role_of(text: str, name: str, kind: EntityType = D) -> Role:
    return assign_role(text, 0, text.index(name), kind)


@pytest.mark.parametrize(("text", "name", "kind", "role"), [
    # One compares methods, not data: results "over" or "than" a dataset are results on it.
    ("Our method improves by 3 points over CIFAR-10 baselines.", "CIFAR-10", D, Role.EVALUATES_ON),
    ("It outperforms GPT-4 on reasoning.", "GPT-4", M, Role.COMPARES),
    # Data a model is trained on is used, not evaluated on.
    ("The detector is pretrained on the private Grounding20M dataset.", "Grounding20M", D, Role.USES),
    ("We achieve 10.38 FID on unconditional FFHQ.", "FFHQ", D, Role.EVALUATES_ON),
    # A method applied to data, or data in a sentence that reports an evaluation.
    ("We applied our digital staining method to the WBC dataset.", "WBC", D, Role.EVALUATES_ON),
    ("We applied it to the RGB images in the EgoHands dataset.", "EgoHands", D, Role.USES),
    ("We evaluate the system on tasks ranging from bars to digits from the MNIST dataset.",
     "MNIST", D, Role.EVALUATES_ON),
    ("We build a corpus from LAION-5B captions.", "LAION-5B", D, Role.USES),
    # Round 22: data that is the object of the paper's "apply ... to", or drawn "from" after it
    # (heldout; arXiv 2507.07620); not another's applying, an infinitive or a passive.
    ("We apply the ladderpath approach to 21 parallel corpora from the PUD dataset.", "PUD", D,
     Role.EVALUATES_ON),
    ("We apply our method to standard classification datasets, such as ImageNet-1k.", "ImageNet-1k",
     D, Role.EVALUATES_ON),
    ("Applying CFA to 4,000+ models from the Open LLM Leaderboard, we decompose variance.",
     "Open LLM Leaderboard", EntityType.BENCHMARK, Role.EVALUATES_ON),
    ("There is interest in applying them to EDA tasks, particularly RTL code generation.", "RTL", D,
     Role.USES),
    ("We fine-tune a model, then apply it to convert healthy speech (FLEURS) into noise.", "FLEURS",
     D, Role.USES),
    ("A YOLOv8 model is applied to 400 images from the EgoHands dataset.", "EgoHands", D, Role.USES),
])
def test_data_roles(text, name, kind, role):
    assert role_of(text, name, kind) is role


def role_with_end(text: str, name: str, kind: EntityType = D) -> Role:
    start = text.index(name)
    return assign_role(text, 0, start, kind, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    # arXiv abstracts of the corpus: a kind of data, hardware, data compared as data.
    ("Extensive experiments on multiple CZSL benchmarks demonstrate the superiority of our approach.",
     "CZSL"),
    ("HiT achieves 61 frames per second (fps) on the NVIDIA Jetson AGX platform.", "NVIDIA Jetson AGX"),
    ("The fastest version of DyHiT achieves 111 fps on NVIDIA Jetson AGX while maintaining an AUC.",
     "NVIDIA Jetson AGX"),
    ("Dark-101 is significantly surpassing existing datasets (e.g., ARID1.5 and Dark-48) in scale.",
     "Dark-48"),
    # test7 (burned in round 19): hardware a model runs on, typed as data by its shape: a rate per
    # second before "on" (arXiv 2602.04170), a device noun in apposition anywhere in the abstract,
    # a list that a device closes (arXiv 2605.00146).
    ("On ImageNet-1K, PRISMamba achieves 84.5% Top-1 with 3.9G FLOPs and 3,054 img/s on A100, "
     "outperforming VMamba.", "A100"),
    ("We deploy them on the state-of-the-art Neuromorphic processor, Intel Loihi 2. Our results show "
     "that SNNs on Loihi 2 can perform real-time detection.", "Loihi 2"),
    ("We compare with ANN-based detection on the NVIDIA Jetson Orin Nano, NVIDIA Jetson Nano B01, and "
     "the Apple M2 CPU.", "NVIDIA Jetson Nano B01"),
])
def test_data_named_around_an_evaluation_cue_that_is_not_evaluated_on(text, name):
    assert role_of(text, name) is Role.EVALUATES_ON  # the cue alone says evaluated
    assert role_with_end(text, name) is Role.MENTIONS


@pytest.mark.parametrize(("text", "name"), [
    ("Extensive experiments on PA100K, PETA, and RAPv1 datasets demonstrate the effectiveness.", "RAPv1"),
    ("It maintains an AUC of 62.4% on LaSOT at 111 fps.", "LaSOT"),
    # A list no device closes, and one that a kind of data closes.
    ("We compare with detection on the KITTI, nuScenes, and Waymo datasets.", "nuScenes"),
    ("We evaluate on CIFAR-10, SVHN, and the ImageNet validation set.", "SVHN"),
])
def test_data_evaluated_on_keep_their_role_with_the_words_after(text, name):
    assert role_with_end(text, name) is Role.EVALUATES_ON


def test_over_or_than_before_a_number_is_a_quantity_not_a_comparison():
    # arXiv 2508.12393: "over 10 million" counts the data; it compares nothing.
    text = "Leveraging over 10 million PubMed abstracts published between 1975 and 2023, we simulate it."
    assert role_of(text, "PubMed abstracts") is not Role.EVALUATES_ON
    assert role_of("Our method improves over ImageNet baselines.", "ImageNet") is Role.EVALUATES_ON


@pytest.mark.parametrize(("text", "name", "role"), [
    # arXiv 2506.04714 (dev2) and 2506.19512 (dev3): a shared task the paper takes part in is
    # where it reports results, whatever cue stands before it.
    ("This paper presents the submission of IIITH-BUT to the IWSLT 2025 shared task on speech "
     "translation.", "IWSLT 2025", Role.EVALUATES_ON),
    ("This paper presents the approach of our team called heiDS for the ArchEHR-QA 2025 shared task.",
     "ArchEHR-QA 2025", Role.EVALUATES_ON),
    # A challenge named with no one taking part in it is no evaluation.
    ("The Medico 2025 challenge addresses Visual Question Answering for GI imaging.", "Medico 2025",
     Role.MENTIONS),
    # arXiv 2506.17590 (dev3): the data a new benchmark is made from is its source.
    ("We introduce a fine-grained benchmark constructed from the DRAMA dataset via an automated "
     "annotation pipeline.", "DRAMA", Role.USES),
    # arXiv 2506.10459 (dev3): "two public HSI datasets" is a kind of data, not a named one.
    ("The adversarial examples achieve effective transferability to black-box models on two public "
     "HSI datasets.", "HSI", Role.MENTIONS),
    # arXiv 2509.04473 (dev3): a score on a benchmark, right after its name, is a result on it.
    ("Moreover, optimizing the LLM with Low-Rank Adaptation (LoRA) yields notable performance gains, with "
     "Spoken Language Understanding Evaluation (SLUE) score improvement of 6.6% and 9.5%", "SLUE",
     Role.EVALUATES_ON),
    ("ImageNet accuracy improves by 2 points.", "ImageNet", Role.EVALUATES_ON),
    # arXiv 2505.12772, 2505.04972, 2504.07389: a metric or "performance" right after the name.
    ("Likewise, embedding PST into ResNet-18/50/101 as backbones, boosts ImageNet top-1 accuracy by 6.5%.",
     "ImageNet", Role.EVALUATES_ON),
    ("The results show a model performance reaching a COCO mean-average-precision of $60.8$.", "COCO",
     Role.EVALUATES_ON),
    ("With only 3.1 bits we are able to recover 96% of Llama-3-8B-Instruct's unquantized 16-bit MMLU "
     "performance.", "MMLU", Role.EVALUATES_ON),
    # arXiv 2504.11686: an evaluation cue reaches past a decimal number to "in".
    ("We show that GPT4V can achieve an accuracy of 92.1% in Autosplice and 86.3% in LaMa.", "LaMa",
     Role.EVALUATES_ON),
    # arXiv 2505.04787: "experimental" is a word of evaluation as "experiments" is.
    ("Extensive experimental analyses are carried out in CIFAR-10, CIFAR-100, CINIC-10, SVHN and "
     "TinyImageNet datasets.", "SVHN", Role.EVALUATES_ON),
    # arXiv 2505.15205, 2505.05070: data in a sentence's opening phrase, results in its main clause.
    ("On two large datasets from real-world surveillance scenarios, UCF-Crime and XD-Violence, we "
     "achieve 87.3 AUC (+7.0 pp) and 75.1 AP (+13.1 pp), respectively.", "UCF-Crime", Role.EVALUATES_ON),
    ("Using the BanglaCHQ-Summ dataset comprising 2,350 annotated query-summary pairs, we benchmarked "
     "these LLMs using ROUGE metrics.", "BanglaCHQ-Summ", Role.EVALUATES_ON),
    # arXiv 2504.21561: a sentence opening with its evaluation word.
    ("Evaluation in the GTA and GAIA benchmarks show that the SPORT Agent achieves 6.41% gains.", "GAIA",
     Role.EVALUATES_ON),
    # arXiv 2505.14652: "e.g. " ends no clause, so the cue before it still reaches the list.
    ("Our comprehensive evaluation across these 12 benchmarks (e.g. MMLU-Pro, GPQA, SuperGPQA) "
     "demonstrates that General-Reasoner outperforms existing baseline methods.", "GPQA", Role.EVALUATES_ON),
    # arXiv 2504.09687: a signed number right after the name is a result on it.
    ("Results show notable gains in knowledge-intensive tasks (MMLU +8.1%) and contextual understanding "
     "(HellaSwag +7.6%).", "HellaSwag", Role.EVALUATES_ON),
    # arXiv 2505.07902: an ablation study on data is run on it, unlike "research on X".
    ("The effectiveness of these designed elements is demonstrated through an ablation study on the GTI "
     "Germany dataset containing 92 videotaped math lessons.", "GTI Germany", Role.EVALUATES_ON),
    ("Research on Arabic AES remains limited.", "Arabic AES", Role.MENTIONS),
    ("This work presents a systematic empirical study on LLMs' M2MS ability.", "M2MS", Role.MENTIONS),
    # arXiv 2504.10352: "trained on" inside the reach of a cue that starts earlier.
    ("Experiments demonstrate that PALLE, trained on LibriTTS, outperforms state-of-the-art systems.",
     "LibriTTS", Role.USES),
    ("COCO (2017) images are widely used.", "COCO", Role.MENTIONS),
    # Round 17 (test, heldout): a verb of training and its object before "on" make the data
    # trained on, unless a word of evaluation joins them.
    ("We train our model on the NYUv2 and KITTI datasets as in-distribution datasets and extensively "
     "evaluate the framework on 16 other datasets.", "KITTI", Role.USES),
    ("By freezing the pre-trained components of SAM2 and the VLM, we train only 4.5 million parameters on "
     "the COCO-stuff dataset, achieving remarkable resource efficiency.", "COCO-stuff", Role.USES),
    ("We fine-tune Llama-3 on SQuAD.", "SQuAD", Role.USES),
    ("We train and evaluate our model on the KITTI dataset.", "KITTI", Role.EVALUATES_ON),
    ("Models trained with our loss achieve 91.2% accuracy on CIFAR-10.", "CIFAR-10", Role.EVALUATES_ON),
    # arXiv 2503.14500: a gain right before a data name is a result on it.
    ("Our method yields state-of-the-art results for GCD (+0.8% ImageNet-100, +5% CUB, +2% SCars).", "CUB",
     Role.EVALUATES_ON),
    # arXiv 2505.12849: a value "in" a data name.
    ("GS-Jacobi sampling achieves speed-ups of 4.53x in Img128cond, 5.32x in AFHQ, 2.96x in Img64uncond.",
     "AFHQ", Role.EVALUATES_ON),
    # arXiv 2505.04619, 2505.03563: data used in a sentence that demonstrates or validates.
    ("We demonstrate the efficiency and robustness of our approach using Meta-World and ManiSkill3.",
     "ManiSkill3", Role.EVALUATES_ON),
    ("Using the BBQ dataset, we validate our method with both human annotations and automated checks.",
     "BBQ", Role.EVALUATES_ON),
    # arXiv 2505.07057: "existing datasets" after an evaluation cue are data evaluated on, not
    # data compared as data.
    ("Extensive experiments on existing datasets (BalanceCC, LOVEU-TGVE, RAVE) demonstrate gains.",
     "LOVEU-TGVE", Role.EVALUATES_ON),
    # arXiv 2504.21387: data a comparison transfers knowledge from is no evaluation.
    ("The present study aims to make a comparative analysis of their ability to transfer knowledge from "
     "generic dataset, such as ImageNet, to cultural heritage specific tasks.", "ImageNet", Role.USES),
    # arXiv 2509.25749 (dev3): the "On" of a title's "Try-On" is no cue for the abstract after it.
    ("Artifact-Free Virtual Try-On Virtual try-on (VITON) aims to generate realistic images.", "VITON",
     Role.MENTIONS),
])
def test_data_roles_read_with_the_words_after_them(text, name, role):
    assert role_with_end(text, name) is role


@pytest.mark.parametrize(("text", "name"), [
    # Data opening a sentence whose main clause trains on it or builds from it is not evaluated on.
    ("Using the LAION dataset, we train a model that achieves strong results.", "LAION"),
    ("Using the ShareGPT corpus, we construct a benchmark and evaluate ten models.", "ShareGPT"),
    ("With the MIMIC-CXR reports, the authors' cohort study is described in detail.", "MIMIC-CXR"),
])
def test_data_opening_a_sentence_without_a_result_is_not_evaluated_on(text, name):
    assert role_with_end(text, name) is not Role.EVALUATES_ON


def test_data_named_in_a_clause_of_result_is_evaluated_on():
    # corpus arXiv 2604.16406: "in X, achieving" a score.
    text = "PHASE transfers zero-shot to 512 unseen real scenarios in exiD, achieving a 96.3% success rate."
    start = text.index("exiD")
    assert assign_role(text, 0, start, EntityType.DATASET, start + 4) is Role.EVALUATES_ON
