"""Discovered models that no paper writes as a model: "Markov", "ETF", "Digital Surface Model".

Extraction types a discovered name MODEL by the words around it in one abstract ("[[Markov]]
models", "a fixed [[ETF]] classifier", "[[DSM]] information as an input"), and a theory, a
structure, a class of models, a field or several unrelated coinages of one acronym are
written there as models are. Over the judged discovered models of rounds 15-31
(docs/audit/README.md, "Rules after round 31, the discovered models") a type noun after the
name, a definition, being introduced and the share of model votes do not tell the right rows
from the wrong ones; what the papers of a model's name do and the others do not is one of:

- write a version or a size ("X-7B", "X v2", "X 1.5", "X-Large");
- name another model in the same sentence, in a third of its papers or more ("GPT-4o,
  Claude and X", "X and LLaVA");
- compare with it ("outperforms X", "higher than the state-of-the-art X", "e.g., X");
- name it as a model ("models such as X", "a Transformer model, termed X", "detectors (A,
  X, ...)") or say in an apposition that it is one ("X, an 8B model", "X: A Generative
  Spatial World Model");
- build it of a model's parts: a listed model's name or an architecture's head inside it
  ("AfroXLMR", "QCNet", "PatchGAN", "TarFlow").

A discovered MODEL in 3 or more papers whose papers do none of these is held as no name.
The step asks this last, after the splits of acronyms by sense (`corpus_sense_entities`: "TDM"
in three papers is three models, one a paper) and the retypes to tasks and data
(`corpus_task_variants`: "Document VQA"), which a hold would pre-empt.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .store_schema import FIELD_TEXT

_MIN_PAPERS = 3
# A model is named beside other models in this share of its papers or more.
_WITH_MODELS_SHARE = 1 / 3

# A version or a size in the mention ("Qwen-7B", "X v2") or right after it ("X 1.5", "X-Large").
_VERSION_IN_NAME = re.compile(r"\d")
VERSION_AFTER = re.compile(r"^(?:[-_ ]?[vV]?\d|[- ](?:Large|Base|Small|Tiny|XL|XXL|Mini|Pro|Plus|Instruct|Chat|"
                            r"Lite|Turbo|Ultra|Flash|Nano)\b)")
# Nouns of models (`extract.rules.cues.TYPE_NOUNS`' model nouns and the words papers list
# models under: backbones, baselines, detectors).
_MODEL_NOUN = (r"(?:models?|networks?|llms?|transformers?|encoders?|decoders?|vlms?|mllms?|backbones?|"
               r"detectors?|baselines?|classifiers?)")
# "models such as X", "networks like X", "a Transformer model, termed X", "models (i.e., A, B, X",
# "detectors (RECCE, X".
NAMED_AS_MODEL = re.compile(_MODEL_NOUN + r"\s*(?:[(,:]?\s*\(?(?:like|such as|including|e\.g\.,?|i\.e\.,?|namely|"
                             r"called|named|termed|dubbed)\s*(?:[\w.-]+,\s*)*|\((?:[\w.-]+,\s*)+)$", re.IGNORECASE)
# "X, an 8B model", "X: A Generative Spatial World Model", "X: Modular Efficient Transformer for ...",
# "X (long form), a ... network".
MODEL_APPOSITION = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,\s+(?:a|an|the|our)|:(?:\s+(?:a|an|the|our))?)\s+(?:[\w.-]+\s+){0,6}?"
                               + _MODEL_NOUN + r"\b", re.IGNORECASE)
# A comparison before the name: "outperforms X", "than the state-of-the-art X", "(e.g., X".
_COMPARED = re.compile(r"(?:outperform\w*|surpass\w*|compared (?:to|with)|than|over|versus|vs\.?|state-of-the-art|"
                       r"SOTA|baselines?|e\.g\.,?)\s*(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# An architecture's head inside a name, after something: "QCNet", "PatchGAN", "NN-Former",
# "Vector-Quantized VAE".
_ARCHITECTURE_PART = re.compile(r"(?:(?<=[A-Za-z0-9])-?|(?<=[A-Za-z0-9] ))(?:Nets?|GAN|CNN|RNN|VAE|DiT|ViT|MoE|Former|former|Transformer|Flow|LM|LLM|"
                                r"Encoder|Decoder|Agent|Classifier)(?![a-z])")
# Listed names that can stand inside another name: a capital inside or all capitals, three
# characters or more (models "XLM", "LLaVA", "BERT", not "Claude" or "Phoenix").
_LISTED_PARTS = ("SELECT DISTINCT name FROM entities WHERE origin = 'gazetteer' AND type = ? "
                 "AND length(name) >= 3 AND name GLOB '[A-Za-z]*[A-Za-z]' AND name NOT GLOB '*[^A-Za-z-]*'")

# Every mention of a discovered model (not a split `X~type` reading): entity, name, paper,
# where its sentence starts, text, role, the 80 characters after it and the 60 before it in
# its field.
_ROWS = (f"SELECT e.id, e.name, m.paper_id, m.field, m.sentence_start, m.text, m.role, "
         f"substr({FIELD_TEXT}, m.\"end\" + 1, 80), substr({FIELD_TEXT}, max(1, m.start - 59), min(m.start, 60)) "
         "FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.origin = 'discovered' AND e.type = 'MODEL' AND instr(e.id, '~') = 0 {scope} ORDER BY e.id")
# The sentences that name a MODEL entity, and which (read by entity: the step has no index of
# the mentions by paper).
_MODEL_SENTENCES = ("SELECT m.entity_id, m.paper_id, m.field, m.sentence_start FROM entities e "
                    "JOIN mentions m ON m.entity_id = e.id WHERE e.type = 'MODEL'")


def unevidenced_models(db, scope: str = "") -> list[str]:
    """The discovered models in 3+ papers that no paper writes as a model (see above), sorted
    by id.

    Args:
        db: a connection to the store, inside the corpus step and after its verdicts.
        scope: which entities to read, as `corpus._scope` writes it ("" for all).
    """
    models = listed_parts(db, "MODEL")
    names: dict[str, str] = {}
    sentences: dict[str, dict[tuple, str]] = defaultdict(dict)  # entity -> sentence -> paper
    evidenced: set[str] = set()
    for entity_id, name, paper, field, start, text, role, after, before in db.execute(
            _ROWS.format(scope=scope.replace("{}", "e.id"))):
        names[entity_id] = name
        sentences[entity_id][(paper, field, start)] = paper
        if entity_id not in evidenced and writes_a_model(text or "", role, after or "", before or ""):
            evidenced.add(entity_id)
    candidates = {entity_id for entity_id, name in names.items()
                  if len(set(sentences[entity_id].values())) >= _MIN_PAPERS and entity_id not in evidenced
                  and not has_model_part(name, models)}
    with_models = _papers_with_other_models(db, {entity_id: sentences[entity_id] for entity_id in candidates})
    return sorted(entity_id for entity_id in candidates
                  if len(with_models[entity_id]) < _WITH_MODELS_SHARE * len(set(sentences[entity_id].values())))


def _papers_with_other_models(db, sentences: dict[str, dict[tuple, str]]) -> dict[str, set[str]]:
    """For each entity, the papers that name another MODEL entity in a sentence naming it."""
    naming: dict[tuple, set[str]] = defaultdict(set)
    for entity_id, entity_sentences in sentences.items():
        for sentence in entity_sentences:
            naming[sentence].add(entity_id)
    found: dict[str, set[str]] = defaultdict(set)
    for model, paper, field, start in db.execute(_MODEL_SENTENCES):
        for entity_id in naming.get((paper, field, start), ()):
            if entity_id != model:
                found[entity_id].add(paper)
    return found


def writes_a_model(text: str, role: str, after: str, before: str) -> bool:
    """Whether one mention writes its name as a model's: a version or size, a comparison, a
    model noun that names it, or an apposition that calls it a model (see above)."""
    return bool(_VERSION_IN_NAME.search(text) or VERSION_AFTER.match(after) or role == "COMPARES"
                or _COMPARED.search(before) or NAMED_AS_MODEL.search(before) or MODEL_APPOSITION.match(after))


def has_model_part(name: str, listed: frozenset[str]) -> bool:
    """Whether a name is built of a model's parts: an architecture's head after something
    ("QCNet", "TarFlow") or a listed model's name in it ("AfroXLMR", "German BERT")."""
    if _ARCHITECTURE_PART.search(name):
        return True
    words = re.split(r"[\s_/+-]+", name)
    # a listed name as one word of several ("German BERT", "GPT-series") or inside a word
    return any(part in word and (part != word or len(words) > 1) for word in words for part in listed)


def listed_parts(db, entity_type: str) -> frozenset[str]:
    """The listed names of a type that can stand inside another name (see `_LISTED_PARTS`)."""
    return frozenset(name for name, in db.execute(_LISTED_PARTS, (entity_type,))
                     if not name.islower() and not (name[0].isupper() and name[1:].islower()))
