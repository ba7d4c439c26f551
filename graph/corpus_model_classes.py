"""Discovered models that the corpus writes as a class of models: "VLA models", "ANNs".

Extraction types a discovered name MODEL where a paper writes a model noun after it ("a
[[Vision-Language-Action]] (VLA) model", "traditional [[ANN]] models", "NeRFs or [[Gaussian
Splat]] models"), and the names of kinds of models, families of methods, formalisms and roles are
written so as often as models are. Over the judged discovered models of rounds 15-35
(docs/audit/README.md, "Rules after round 35, the discovered models") a name of one model is
written bare, with a version or as a thing in most of its papers ("GPT-5.2 achieves", "the
SMPL model", "outperforms ResShift"); a class is written, in half its papers or more, as
what its members are:

- in the plural: "existing VLAs", "three ANNs", "state-of-the-art LAMs";
- right before a plural noun of models or methods ("VLA models", "ANN-based methods", "STRIPS
  world models"), unless it ends a list ("the ResViT and [[ResShift]] models" are two models);
- after "a"/"an" and before a model noun: "a VLA model", "an Omni model", "a Manager agent";
- after a word of kind or number: "existing", "traditional", "modern", "several", "three"
  ("traditional ANN models"), not after "the"/"our"/"this" ("the recent CENTAUR model").

A discovered MODEL in 3 or more papers written so in half of them or more is held as no name,
unless some paper writes a version or a size ("Qwen3-VL-8B", "X v2", "X-Large"; a dimension,
"3D", is no version), calls it a model in an apposition ("Orchestrator, an 8B model"; the
other papers' Orchestrator is an agent's role), names it, in the singular, among models ("five
detectors (RECCE, SRM, ..."; "(e.g., LLMs, VLMs, VLAs)" lists classes) or its name is built of a
model's part (`corpus_model_evidence.has_model_part`: "UperNet", "CRNN", "German BERT" are written
as classes of their instances, "UperNet models").
A name joined to a lowercase word ("LLaMA-family") is left to `corpus_classes`' compounds, as
`corpus_plurals` leaves it.
(Asked of any share, or of "a/an NAME" alone, earlier rounds found no threshold: "Rules after
round 27" and "29". The version and the model part are the two signs that few judged wrong rows
of discovered MODEL 3+ have and most ok rows do.) The step asks this with
`corpus_model_evidence.unevidenced_models`, last, over the graph as the other steps leave it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .corpus_model_evidence import MODEL_APPOSITION, NAMED_AS_MODEL, VERSION_AFTER, has_model_part, listed_parts
from .corpus_plurals import COMPOUND
from .store_schema import FIELD_TEXT

_MIN_PAPERS = 3
# A class is written so in this share of its papers or more.
_CLASS_SHARE = 1 / 2

# Plural nouns of models and of methods that classes of models are written before.
_PLURAL_NOUNS = (r"(?:models|networks|architectures|agents|policies|systems|llms|vlms|mllms|lms|transformers|"
                 r"backbones|variants|frameworks|paradigms|methods|approaches|classifiers|detectors|encoders|"
                 r"decoders)")
_SINGULAR_NOUNS = (r"(?:model|network|architecture|agent|policy|system|llm|vlm|mllm|lm|transformer|backbone|"
                   r"framework|paradigm|method|approach|classifier|detector|encoder|decoder|module|pipeline)")
# After the name, past its definition's parenthesis: "VLA models", "ANN-based methods", "STRIPS world models".
_BEFORE_PLURAL = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:-?(?:based|driven)\s+)?(?:[a-z][\w-]*\s+)?"
                            + _PLURAL_NOUNS + r"\b", re.IGNORECASE)
# The name as the last item of a list: "ResViT and ", "GPT-4o, ", "VAE/".
_LIST_END = re.compile(r"(?:,|\band|\bor|/)\s*$")
# "a VLA model", "an RLM.", "a Manager agent".
_INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_SINGULAR_AFTER = re.compile(r"^\s*(?:\([^()]{0,60}\)\s*)?(?:-?(?:based|driven)\s+)?" + _SINGULAR_NOUNS
                             + r"\b|^\s*[,.;)]", re.IGNORECASE)
# A word of kind or number before the name (and one more word): "existing VLA", "traditional ANN",
# "three open-source VLAs"; not after "the", "our", "this": "the recent CENTAUR model" is one.
_KIND_WORD = re.compile(r"(?<!\bthe )(?<!\bour )(?<!\bthis )\b(?:existing|current|traditional|conventional|modern|"
                        r"recent|many|most|these|those|such|other|all|typical|standard|generic|classical|classic|"
                        r"prior|previous|advanced|mainstream|popular|open-source|leading|general-purpose|various|"
                        r"different|several|multiple|diverse|both|any|each|every|some|more|few|two|three|four|"
                        r"five)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# A version or a size in the mention: a digit, not of a dimension ("3D Latent Diffusion").
_DIMENSION = re.compile(r"\b[1-4]D\b")
_DIGIT = re.compile(r"\d")
# The plural of the name: "VLAs", "ANNs" (the mention's text, or an "s" right after it).
_PLURAL_AFTER = re.compile(r"^s\b")

# Every mention of a discovered model (not a split `X~type` reading): entity, name, paper, text,
# the 80 characters after it and the 60 before it in its field.
_ROWS = (f"SELECT e.id, e.name, m.paper_id, m.text, substr({FIELD_TEXT}, m.\"end\" + 1, 80), "
         f"substr({FIELD_TEXT}, max(1, m.start - 59), min(m.start, 60)) "
         "FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.origin = 'discovered' AND e.type = 'MODEL' AND instr(e.id, '~') = 0 {scope}")


def class_written_models(db, scope: str = "") -> list[str]:
    """The discovered models in 3+ papers that half their papers or more write as a class of
    models and in none as one model, with no model's part in the name (see above), sorted by id.

    Args:
        db: a connection to the store, inside the corpus step and after its verdicts.
        scope: which entities to read, as `corpus._scope` writes it ("" for all).
    """
    names: dict[str, str] = {}
    papers: dict[str, set[str]] = defaultdict(set)
    as_class: dict[str, set[str]] = defaultdict(set)
    named_a_model: set[str] = set()  # a version, a size, a model apposition, a place among models
    for entity_id, name, paper, text, after, before in db.execute(_ROWS.format(scope=scope.replace("{}", "e.id"))):
        names[entity_id] = name
        papers[entity_id].add(paper)
        text, after, before = text or "", after or "", before or ""
        plural = written_in_plural(text, name, after)
        if (_DIGIT.search(_DIMENSION.sub("", text)) or VERSION_AFTER.match(after) or MODEL_APPOSITION.match(after)
                or (NAMED_AS_MODEL.search(before) and not plural)):
            named_a_model.add(entity_id)
        elif plural or written_as_class(text, name, after, before):
            as_class[entity_id].add(paper)
    candidates = [entity_id for entity_id, written in as_class.items()
                  if len(papers[entity_id]) >= _MIN_PAPERS and entity_id not in named_a_model
                  and not COMPOUND.match(names[entity_id])  # "LLaMA-family": `corpus_classes`'s
                  and len(written) >= _CLASS_SHARE * len(papers[entity_id])]
    if not candidates:
        return []
    listed = listed_parts(db, "MODEL")
    return sorted(entity_id for entity_id in candidates if not has_model_part(names[entity_id], listed))


def written_as_class(text: str, name: str, after: str, before: str) -> bool:
    """Whether one mention writes its name as a class of models: plural, before a plural
    model or method noun, "a/an NAME model", or after a word of kind or number (see above)."""
    return bool(written_in_plural(text, name, after) or (_BEFORE_PLURAL.match(after) and not _LIST_END.search(before))
                or (_INDEFINITE.search(before) and _SINGULAR_AFTER.match(after)) or _KIND_WORD.search(before))


def written_in_plural(text: str, name: str, after: str) -> bool:
    """Whether one mention writes its name in the plural: "VLAs", "ANN" + "s"."""
    return bool((text.endswith("s") and not name.lower().endswith("s")) or _PLURAL_AFTER.match(after))
