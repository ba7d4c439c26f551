"""Shared lexicon of the rules: words that are never names, and words that give a type.

Everything here is a compiled regex or a frozen table, so the rules built on it scan raw
text once instead of looping over tokens in Python.
"""

from __future__ import annotations

import re
from functools import lru_cache

from paperkg.graph.records import EntityType

# Acronyms and capitalised words that are never names on their own.
STOP_NAMES = frozenset(
    """
    A AN AI AIs ML NLP CV RL LLM LLMs LM LMs VLM VLMs MLLM MLLMs GPU GPUs CPU CPUs TPU TPUs API APIs
    LVLM LVLMs SLM SLMs LRM LRMs VFM VFMs FM FMs PLM PLMs
    SOTA US USA UK EU UN PhD IoT II III IV VI VII VIII IX XI XII OK RGB RGB-D 2D 3D 1D 4D
    IID OOD ID QA NN NNs DNN DNNs CNN-based OCR URL URLs PDF PDFs FPS COVID COVID-19 SARS-CoV-2
    The This That These Those Our Their Its We Each Every Such Both Further Finally However
    Moreover Furthermore Additionally In On For To Of And Or With By From As At It Here There
    New Novel Large Small Base Recent Existing Previous Prior Proposed Extensive Experiments
    Results Code Data Dataset Datasets Model Models Method Methods Benchmark Benchmarks Table
    Figure Section Appendix Github GitHub HuggingFace Abstract Introduction Conclusion
    January February March April May June July August September October November December
    TL DR TLDR Q1 Q2 Q3 Q4 GB MB KB TB ms FLOPs FLOP GFLOPs TFLOPs
    """.split()
) | frozenset(
    # Modalities, devices and concepts: what a paper studies or records, not an artifact
    # it uses ("MRI scans", "EEG signals", "UAV imagery", "the KV cache", "GUI agents",
    # "high-resolution (HR) images", "Markov decision processes (MDPs)").
    """
    MRI fMRI CT PET EEG ECG EMG UAV UAVs EHR EHRs GUI GUIs CAD KV OOD BEV WSI WSIs AR VR XR
    IoT LiDAR LIDAR SAR GPS HCI HRI KG KGs SOTA AI AGI AIGC HR LR PII MCQ MCQs
    PDE PDEs ODE ODEs MDP MDPs POMDP POMDPs
    """.split()
)

_STOP_ACRONYMS = frozenset(word for word in STOP_NAMES if word.isupper())

# Fields of study and general concepts: what a paper belongs to or talks about, not a method
# or model it uses ("a deep learning framework", "computer vision tasks", "knowledge graphs
# (KGs)"), though cue words often follow them. Lower case; matched in any casing.
GENERAL_PHRASES = frozenset(
    " ".join(phrase.split())
    for phrase in """
    artificial intelligence|generative artificial intelligence|machine learning|deep learning|
    computer vision|natural language processing|data mining|data science|
    computational linguistics|signal processing|speech processing|image processing|
    pattern recognition|computer graphics|quantum computing|edge computing|cloud computing|
    software engineering|knowledge graph|knowledge graphs|hugging face|
    markov decision process|markov decision processes|partial differential equations
    """.split("|")
)


def is_stop_name(word: str) -> bool:
    """Whether a name never names a thing: stop words, acronyms in any casing ("SoTA",
    "Ai"), and fields of study or general concepts in any casing ("Artificial Intelligence")."""
    return (word in STOP_NAMES or word.upper() in _STOP_ACRONYMS
            or (" " in word and word.lower() in GENERAL_PHRASES))


# Head nouns that type the name they follow or define ("the X benchmark", "X, a model").
TYPE_NOUNS: dict[str, EntityType] = {}
for _words, _type in (
    ("benchmark benchmarks suite leaderboard testbed arena", EntityType.BENCHMARK),
    (
        "dataset datasets corpus corpora treebank treebanks database databases lexicon",
        EntityType.DATASET,
    ),
    (
        "model models llm llms lm lms network networks net nets classifier classifiers "
        "encoder encoders decoder decoders transformer transformers autorater autoraters "
        "agent agents chatbot",
        EntityType.MODEL,
    ),
    (
        "method methods approach approaches algorithm algorithms framework frameworks "
        "technique techniques sampler samplers solver solvers optimizer optimizers "
        "strategy strategies procedure module mechanism architecture architectures "
        "paradigm pipeline scheme loss regularizer attack attacks defense toolkit library "
        "system systems tool",
        EntityType.METHOD,
    ),
    ("metric metrics score scores measure", EntityType.METRIC),
):
    for _word in _words.split():
        TYPE_NOUNS[_word] = _type



def type_of_noun(word: str) -> EntityType | None:
    """The type a head noun gives ("benchmark" -> BENCHMARK), or None."""
    return TYPE_NOUNS.get(word.lower())


# Name endings that say what a name is when nothing else does (lower confidence).
_SUFFIX_TYPES: tuple[tuple[re.Pattern[str], EntityType], ...] = (
    (re.compile(r"(?:Bench|bench|BENCH|Eval|EVAL|Arena|Gym|GLUE| Leaderboard)(?:[-_ ]?v?\d[\w.]*)?$"), EntityType.BENCHMARK),
    (re.compile(r"(?:QA|Corpus|Bank|Set)(?:[-_ ]?v?\d[\w.]*)?$"), EntityType.DATASET),
    (
        re.compile(
            r"(?:BERT|BERTa|GPT|LLaMA|Llama|LLAMA|CLIP|ViT|Net|Former|former|T5|XL|VAE|GAN|"
            r"Diffusion|Coder|Chat|Instruct|RM|Mamba|LM|Qwen|Gemma|Mistral|Phi)"
            r"(?:[-_ ]?(?:v?\d[\w.]*|\d+(?:\.\d+)?[BMK]|[Ll]arge|[Bb]ase|[Ss]mall|XL|XXL|Tiny|Mini))*$"
        ),
        EntityType.MODEL,
    ),
    (re.compile(r"[-_ ]\d+(?:\.\d+)?[BM]$"), EntityType.MODEL),
    (re.compile(r"(?:Solver|Opt|Adam|SGD|Attention|LoRA|Prompt|Tune|Sampler|Search)$"), EntityType.METHOD),
    (re.compile(r"^[A-Z]{1,4}PO$"), EntityType.METHOD),
)


@lru_cache(maxsize=65536)
def type_of_shape(name: str) -> EntityType | None:
    """The type a name's own ending suggests ("RewardBench" -> BENCHMARK), or None."""
    for pattern, entity_type in _SUFFIX_TYPES:
        if pattern.search(name):
            return entity_type
    return None

