"""Texts the extract tests compare fast paths with their plain references on.

The seed page's lines, edge cases each fast path was written against, and texts made at
random (with fixed seeds) from the pieces a rule reacts to. Plain lists and functions, not
fixtures: parametrize lists and module-level data are built from them.
"""

import random
import re

from seed_page import seed_lines

EDGE_WORDS = [
    "GPT-4o", "1.5B", "(e.g.,", "i.e.,", "CIFAR-10/100", "U.S.", "don't", "can't", "It's",
    "models'", "10%", "3x", "2.5x", "$10^5$", "$\\times$", "($48$", "US$5", "€3.2M", "5km",
    "3km/h", "20°C.", "https://github.com/org/repo.", "(https://arxiv.org/abs/2401.01234)",
    "www.example.com,", "user@example.com", "<a@b.co>", "“quoted”", "‘single’", "\"GPT\"",
    "'LLM'", "state–of–the–art", "pre—training", "x--y", "a~b", "A/B", "a:b", "x=1", "<s>",
    "</s>", "1e-5", "3.14", "1,000,000", "5.0.", "...", "etc.", "e.g", ":)", ":-(", "^_^",
    "-_-", "<3", ":D", "C++", "C#", "F1-score", "top-1", "k-NN", "x86_64", "U-Net++", "[CLS]",
    "{x}", "(a)-(b)", "24h", "10a.m.", "Fig.", "No.", "pp.", "St.", "Ph.D.", "Mr.", "A.I.",
    "vs.", "w/o", "w/", "#1", "&", "*", "§3", "±0.5", "≥90%", "≈", "→", "×", "😀!", "α-β",
    "Tülu-3", "naïve", "Schrödinger's", "BLEU-4,", "ROUGE-L)", "(SOTA).", "LLaMA-2-7B", "o1",
    "DeepSeek-R1's", "’s", "'S", "i.", "I'm", "y'all", "gonna", "'cause", "o'clock", "\u00a0",
    "a\u200bb", "x\ty", "10-20%", "5-10x", "~5", "+3.2", "-0.1", "2024-01-01", "v2.1.0",
]


WRAPPERS = ["{}", "({})", "{},", "{}.", "\"{}\"", "({}),", "[{}]:", "{}'s", "'{}'", "{};"]


def word_edge_texts() -> list[str]:
    words = [wrapper.format(word) for word in EDGE_WORDS for wrapper in WRAPPERS]
    rng = random.Random(3)
    sentences = [" ".join(rng.sample(words, 12)) for _ in range(200)]
    return [*words, *sentences, "  double  spaces\n\nand\ttabs ", "", " ", "end\n"]


CLAUSE_EDGE_TEXTS = [
    "accuracy of 5%",
    "xaccuracy of 5",
    "Title accuracy\n\nof 5 on X",
    "an F1 score of over 90.1 pp on SQuAD",
    "exact match of 3 of 4",
    "top-1 accuracy of  of 7",
    "error rate of less than 3% and accuracy of 4",
    "proof of 5",
    "a very-long_word-x accuracy of 7.5x",
    "(accuracy of 5), win rate of 6, success rate of 7 points",
    "which; but. whereas butter whiles while_ (but) whichever",
    "we compare it, but not ours. Then whereas X",
    "benchmarks (e.g. MMLU, i.e. GPQA). Then rice.g. x, vie.g. y; e.g. e.g. i.e. done. e.g.",
]


NAME_EDGE_TEXTS = [
    "mBERT and XLM-R beat word2vec; iPhone-12 Pro users",
    "word2vec at the start, then eBay, mT5 (xLSTM) and a wav2vec 2.0 model",
    "LLaMA-2 7B/13B vs. GPT-4o, DINOv2 and x86-64 or e2e.BERT",
    "the aB aB1 a1 -mBERT .mBERT /mBERT +mBERT _mBERT émBERT Stable Diffusion 1.5/2.1 XL",
    "fMRI",
    "",
    "x The English Chinese y A LLM-based Model, Using Deep Learning As Artificial Intelligence THE "
    "Foo Bar; Large Language Models 7B 13B In 2023 GPT-4 Our Multi-Modal Vision-Language-based",
]


def name_texts() -> list[str]:
    return [*seed_lines(), *CLAUSE_EDGE_TEXTS, *NAME_EDGE_TEXTS]


def word_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", text)]


def random_texts(count: int, pieces: list[str], most: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, most))) for _ in range(count)]


SHAPE_EDGE_TEXTS = [
    "mBERT and XLM-R beat word2vec; iPhone-12 Pro users",
    "RewardBench then mBERT: LLaMA-2 7B/13B vs. GPT-4o, DINOv2 and x86-64 or e2e.BERT",
    "Foo.barBaz and -mBERT .mBERT /mBERT +mBERT _mBERT émBERT, then DeepSeek-V3 and Qwen2.5",
    "the aB aB1 a1 Stable Diffusion 1.5/2.1 XL step1 A B C D E F mBERT A B C D E",
    "We INTRODUCE FooBench, and THE FooNet model; we also propose BarNet.",
    "Models, e.g., GPT-4 and Claude-3, and algorithms (e.g., RLHF and DPO) like  PPO.",
    "We train on  CIFAR10 and on\nImageNet-1K, on unconditional FFHQ and based on ResNet-50.",
    "a sampler  called DPM-Solver++, referred to as FooNet, denoted as BarNet-2",
    "FooNet , a new model for X. FooNet2 is a benchmark. FooNet3 —a new dataset. "
    "FooNet4: the corpus",
    "the AMI meeting corpus, the NIST MT08 test set, WMT09 data and the TAC 2008 data set",
    "the Foo annotated corpus, Bar2 arabic treebank and the Baz zero-shot benchmark-based eval",
    "the Foo dev set, Bar development data, Baz held-out split, Qux testsets, Quux training "
    "collection, X evaluation sets, Y validation data, Z train split, W testing splits, V dataset",
    "the Foo news corpora, Bar1 speech treebanks, Baz2 math datasets, Qux3 new benchmarks",
    "the Foo2\u00a0benchmark and Bar3\tmodel, Baz4 model-based tools, Qux5  models.",
    "MUSE: Machine Unlearning Six-way Evaluation\n\nWe study MUSE.",
    "datasets, FooSet, and the benchmarks, BarBench and BazBench; metrics: FooScore.",
    "",
    "X",
    "NUL\0 a\0b \0X x\0 \0 2\0 Y\0Z aB\0 \0mBERT",  # the scan's class holds NUL: never a span
]


def shape_texts() -> list[str]:
    lines = seed_lines()
    # Title and abstract joined as the extractor joins them, so title cues are read too.
    return [*lines, *(f"{a}\n\n{b}" for a, b in zip(lines[::2], lines[1::2])), *SHAPE_EDGE_TEXTS]


LOWER_RUN_TEXTS = [
    "mBERT",
    "mBERT mBERT",
    "word2vec, doc2vec and fastText beat GloVe",
    "GloVe mBERT XLM-R iPhone-12 Pro eBay x86-64 e2e.BERT and sBERT-large 7B/13B",
    "The mT5 model: mT5-XXL (mT5), [xLSTM] {xLSTM} \"iGPT\" 'bGPT' <vLLM> ~kNN kNN-LM",
    "foo.barBaz foo-barBaz foo/barBaz foo+barBaz foo_barBaz éBERT ßGPT 2mBERT",
    "Stable Diffusion 1.5 mBERT 2 Llama 3 8B tinyLlama 1.1B",
    "We introduce mPLUG-Owl, a model. MUSE: mUSE\n\nwe introduce xFoo, a benchmark.",
    "aB aB1 a1 a A b B cD cd0 c0d ab/12 ab 12 iOS iOS17 macOS 14 (iOS) at iOS.",
    "on unconditional mFFHQ and on CIFAR10, models like gPT-4 and cLAUDE-3",
    "no names at all in this text, only lower case words and numbers like 2023 or 3.5",
    "NUL\0mBERT \0xLM\0 x\0Y",
    "",
]


def lower_run_texts() -> list[str]:
    lines = seed_lines()
    return [*lines, *LOWER_RUN_TEXTS, " ".join(LOWER_RUN_TEXTS), "\n\n".join(LOWER_RUN_TEXTS)]


