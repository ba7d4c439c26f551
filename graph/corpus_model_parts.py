"""Discovered models named as a part of a paper's system: "Motion State Encoder", "Pano-Aware Decoder".

Extraction types a discovered name MODEL where its head is an architecture's ("a
[[Landmark-Guided Adaptive Encoder]] (LGAE) is designed", "the [[Periodicity Encoder]]
fulfills ..."), and most such names are modules of the paper's own method, written once: the
judges of rounds 21-36 read them wrong-type:METHOD ("a component, as the Multi-Scale Gated
SPADE Decoder", docs/audit/README.md, "Rules after round 36, discovered models that are
methods"). Over the judged discovered models of rounds 15-36 a name built of descriptive words
and a part's head ("Encoder", "Decoder", "Module", "Block", "Attention", "Fusion", "Loss",
"Representations", "Regression") was wrong-type:METHOD in all 7 rows (288 such discovered models
at 75,000 papers, none in 3 or more), and its papers write a model's name so only where they
also write it as a model:

- with a version or a size ("Qwen3-VL-Embedding", "Mask2Former Decoder");
- in a model apposition or title ("Perception Encoder (PE), a state-of-the-art encoder";
  "Trans-Adapter: A Plug-and-Play Framework");
- named as a model, compared with, trained or the subject of a result ("called [[Feature
  Enhanced Encoder]]", "fewer tokens than [[Byte-level Byte Pair Encoder]]", "train the [[EEG
  Encoder]]", "[[ARC-Encoder]] achieves");
- in the plural or before a plural model noun (a class: "eleven [[Generalist Multimodal
  Embedding]] models");
- with a listed model's name inside ("LLaMA Adapter", "CLIP Text Encoder").

A discovered MODEL whose name is such a part and that no paper writes so is retyped METHOD
(a name still: a module of a method). The step's verdict (`corpus_verdicts`) reads no
context, and would type it back by its votes on a second step; `keeps_part_method` tells it
not to, from the name alone.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .corpus_model_classes import written_in_plural
from .corpus_model_evidence import listed_parts, writes_a_model
from .store_schema import FIELD_TEXT

# The head of a part of a method or architecture, last word of a name of two or more: not
# "Transformer", "Network", "Model" (whole models), nor "Embedding", "Adapter", "Router",
# "Aggregator" (the names of embedding models, adapters and routers as released models).
_PART_HEAD = re.compile(r"[\s-](?:Encoder|Decoder|Module|Block|Layer|Attention|Mechanism|Fusion|Loss|"
                        r"Representations?|Strategy|Tokeni[sz]ation|Quantization|Regression|Injector|Projector|"
                        r"Refiner|Mixer|Extractor|Prompting|Gating|Bottleneck)$")
# A name of descriptive words: no digit (a version, "Mask2Former Decoder").
_DIGIT = re.compile(r"\d")
# "X achieves", "X outperforms", "X scores": a result's subject, a model's use.
_RESULT_SUBJECT = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:achiev|outperform|surpass|scor|reach|attain)\w*",
                             re.IGNORECASE)
# "train the X", "fine-tune a X", "pretrained X": a trained thing, a model.
_TRAINED = re.compile(r"(?:fine-?tun\w*|train\w*|pretrain\w*|pre-train\w*|deploy\w*)\s+(?:the\s+|a\s+|an\s+)?$",
                      re.IGNORECASE)
# "X models", "X-based models": a class.
_BEFORE_MODELS = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:-?based\s+)?(?:models|networks|encoders|decoders)\b",
                            re.IGNORECASE)

# Every mention of a discovered model (not a split `X~type` reading) whose name ends in a
# part's head: entity, name, text, role, the 80 characters after it and the 60 before it.
_ROWS = (f"SELECT e.id, e.name, m.text, m.role, substr({FIELD_TEXT}, m.\"end\" + 1, 80), "
         f"substr({FIELD_TEXT}, max(1, m.start - 59), min(m.start, 60)) "
         "FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.origin = 'discovered' AND e.type = 'MODEL' AND instr(e.id, '~') = 0 {scope}")


def part_named_models(db, scope: str = "") -> list[str]:
    """The discovered models named as a part of a method (see above) that no paper writes
    as a model, sorted by id.

    Args:
        db: a connection to the store, inside the corpus step and after its verdicts.
        scope: which entities to read, as `corpus._scope` writes it ("" for all).
    """
    names: dict[str, str] = {}
    as_model: set[str] = set()
    for entity_id, name, text, role, after, before in db.execute(_ROWS.format(scope=scope.replace("{}", "e.id"))):
        if not is_part_name(name):
            continue
        names[entity_id] = name
        if entity_id not in as_model and writes_as_model(text or "", name, role, after or "", before or ""):
            as_model.add(entity_id)
    candidates = {entity_id for entity_id in names if entity_id not in as_model}
    if not candidates:
        return []
    listed = listed_parts(db, "MODEL")
    return sorted(entity_id for entity_id in candidates if not _has_listed_model(names[entity_id], listed))


def is_part_name(name: str) -> bool:
    """Whether a name is descriptive words and a part's head: "Motion State Encoder"."""
    return bool(_PART_HEAD.search(name)) and not _DIGIT.search(name)


def keeps_part_method(name: str, current: str, decided: str | None) -> bool:
    """Whether the verdict keeps a part's name METHOD that its votes would type MODEL (the
    step retyped it so, see above: a second step must not type it back)."""
    return current == "METHOD" and decided == "MODEL" and is_part_name(name)


def writes_as_model(text: str, name: str, role: str, after: str, before: str) -> bool:
    """Whether one mention writes a part's name as a model (see above)."""
    # a version, a comparison, named as a model, a model apposition (`writes_a_model`)
    return bool(writes_a_model(text, role, after, before) or _RESULT_SUBJECT.match(after) or _TRAINED.search(before)
                or written_in_plural(text, name, after) or _BEFORE_MODELS.match(after))


def _has_listed_model(name: str, listed: frozenset[str]) -> bool:
    """Whether a listed model's name is a word, or inside a word, of the name ("LLaMA Adapter")."""
    return any(part in word for word in re.split(r"[\s_/+-]+", name) for part in listed)
