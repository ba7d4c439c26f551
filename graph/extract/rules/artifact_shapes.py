"""What a model's, dataset's or benchmark's name says by its shape, over any context.

- **A class, not one thing.** A name whose last word is an acronym in the plural ("LMMs",
  "2D CNNs", "Video-MLLMs", "MM-LLMs") names every member of a class: it is a term, as a
  plural definition is ("World Action Models (WAMs)").
- **A model, not data.** A parameter count in billions ("Olmo3-7B", "AceReason-14B",
  "Qwen3-30B-A3B") sizes a model; a dataset counts its items in thousands or millions
  ("Recipe1M", "OSV-5M"). A version after the family word of listed models ("GPT 5.4"
  beside GPT-4 and GPT-5 in the gazetteer) is a model too, when no listed dataset or
  benchmark starts with that word (`_families`).
- **A hybrid of families, not one model.** Names of neural-network families joined
  ("CNN-Transformer", "CNN-GNN", "Hybrid Mamba-Transformer", "CNN+LSTM") say which kinds of
  layers a model mixes; many papers build one and name none (`is_family_hybrid`).
- **A process, not a measure or data.** A name of two or more words whose last word is a
  training or combining process ("Reciprocal Rank Fusion", "Contrastive Decoding",
  "Progressive Distillation") names a method, whatever a "score" after it once said
  (`has_process_head`).
- **A part of a method, not a task.** Capitalised words ending in "Alignment" or
  "Enhancement" ("Cross-Domain Semantic Alignment (CDSA)", "Dynamic Embedding Enhancement",
  "Training-time Realignment (TrRa)") name a module or stage a paper builds; the task
  ("entity alignment", "low-light image enhancement") is written in lowercase by most
  papers (`has_component_head`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_CLASS_PLURAL = re.compile(r"(?:^|[\s-])(?:[A-Z][a-z]+)?[a-z0-9]?[A-Z][A-Z0-9]*[A-Z]s$")
_BILLIONS = re.compile(r"(?:^|[\s_-])\d+(?:\.\d+)?B(?:$|[\s_-])|\d(?:\.\d+)?B-A\d+(?:\.\d+)?B")
_FAMILY_VERSION = re.compile(r"^([A-Za-z]+)[\s-]?v?(\d+(?:\.\d+)*)$")
_FAMILY_WORD = re.compile(r"^([A-Za-z]+)[\s-]?v?\d")
_FIRST_WORD = re.compile(r"^([A-Za-z]+)")


def is_class_plural(name: str) -> bool:
    """Whether the name ends in a plural acronym ("2D CNNs", "MM-LLMs"; not "GLUE", "DNS")."""
    return bool(_CLASS_PLURAL.search(name))


# Families of neural networks by their layers (Goodfellow et al., 2016, chs. 6, 9, 10, 14, 20;
# with the transformer, graph, state-space and Kolmogorov-Arnold families since), and the
# classes of language models by what they read or their size (large, small, vision-language,
# multimodal, reasoning), which papers pair the same way ("sequential VLM-LLM pipelines").
_FAMILIES = frozenset(
    """cnn rnn lstm bilstm gru bigru mlp transformer vit gnn gcn gat mamba ssm kan tcn unet u-net
    autoencoder vae gan llm slm vlm lvlm mllm lmm lrm""".split())
_HYBRID_PARTS = re.compile(r"\s*[-+/]\s*|\s+")


def is_family_hybrid(name: str) -> bool:
    """Two or more network families or classes joined, led by "Hybrid" at most:
    "CNN-Transformer", "CNN-GNN", "Hybrid Mamba-Transformer", "CNN+LSTM", "VLM-LLM", "LLM-to-LLM"
    (not "Vision Mamba", "Attention U-Net")."""
    words = [w.lower() for w in _HYBRID_PARTS.split(name.replace("U-Net", "UNet").strip()) if w and w != "to"]
    if words[:1] == ["hybrid"]:
        words = words[1:]
    families = [w[:-1] if w.endswith("s") and w[:-1] in _FAMILIES else w for w in words]
    return len(families) >= 2 and all(w in _FAMILIES for w in families)


def model_by_shape(name: str) -> bool:
    """Whether the name's shape says it is a model: a size in billions, or a version of a
    listed model family."""
    models, data = _families()
    first = _FAMILY_WORD.match(name) or _FIRST_WORD.match(name)
    if _BILLIONS.search(name):  # not "SA-1B", "FineWeb-Edu-10B": listed data counted in billions
        return not (first and first.group(1).lower() in data)
    found = _FAMILY_VERSION.match(name)
    return bool(found) and found.group(1).lower() in models


@lru_cache(maxsize=1)
def _families() -> tuple[frozenset[str], frozenset[str]]:
    """The family words of the bundled gazetteer's models ("gpt", "llama") and the first
    words of its datasets and benchmarks ("sa", "fineweb"), in lowercase. Two listed
    models make a family, unless listed data start with the word too (one for every four
    models at most: "GPT-4-LLM", a name of the Alpaca-GPT4 dataset)."""
    models: dict[str, int] = {}
    data: dict[str, int] = {}
    for names, type_ in _listed_names():
        for name in names:
            found = _FIRST_WORD.match(name)
            if not found:
                continue
            word = found.group(1).lower()
            if type_ == "MODEL" and _FAMILY_WORD.match(name):
                models[word] = models.get(word, 0) + 1
            elif type_ in ("DATASET", "BENCHMARK"):
                data[word] = data.get(word, 0) + 1
    families = frozenset(w for w, n in models.items() if n >= 2 and len(w) >= 3 and n > 4 * data.get(w, 0))
    return families, frozenset(data)


def _listed_names():
    """(name and aliases, type) of each row of the bundled gazetteer files (`data/gazetteer/`,
    columns name, type, aliases separated by "|"); read here, not through `names.gazetteer`,
    which the rules layer does not import."""
    folder = resources.files("paperkg.data") / "gazetteer"
    if not folder.is_dir():
        return
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".tsv"):
            continue
        for line in item.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) < 2 or line.startswith("#"):
                continue
            aliases = cells[2].split("|") if len(cells) > 2 else []
            yield [cells[0], *(a.strip() for a in aliases if a.strip())], cells[1]


# Heads that name a procedure applied to a model or to results, the nouns of training and
# inference: "ranking" and "sampling" are left out, as they also head tasks and splits
# ("Passage Ranking"). A head glued by a hyphen ("FinTrace-Training") names a split of data.
_PROCESS_HEADS = frozenset(
    """fusion re-ranking reranking training pre-training pretraining post-training co-training
    fine-tuning finetuning tuning distillation pruning quantization decoding""".split())


def has_process_head(name: str) -> bool:
    """Whether a name of two or more words ends in a process word ("Reciprocal Rank Fusion",
    "Weight-Regularized Fine-tuning"; not "FinTrace-Training", not "Fusion")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in _PROCESS_HEADS


# Read over the 75k graph (docs/audit/README.md, "Rules after round 17"): of 30 random
# discovered TASKs so named ending in alignment, 24 were a paper's module or stage, 2 tasks;
# ending in enhancement, about 26 and 4 ("Video Quality Enhancement"). "Synthesis" and
# "Verification" were about half tasks ("Novel View Acoustic Synthesis"), and are not here.
_COMPONENT_HEADS = frozenset("alignment realignment enhancement".split())


def has_component_head(name: str) -> bool:
    """Whether a name of two or more capitalised words ends in a word that names a part of a
    method ("Latent Reconstruction Alignment", "Modality Re-alignment", "Stability
    Enhancement"; not "semantic alignment", not "Alignment")."""
    words = name.split()
    return (len(words) > 1 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
            and words[-1].split("-")[-1].lower() in _COMPONENT_HEADS)
