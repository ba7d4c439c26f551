"""Shapes of spans that are never names, whatever their context: the corpus step's junk rules.

An extracted span is no model, dataset, benchmark, method, task or metric when its own
words say so: an ordinal ("Phase-1", "Stage 2"), a size ("20B-parameter", "64K-token",
"5x5", "7B-8B"), a dataset split ("val2017"), an adjective compound ("UAV-captured",
"CNN-based", "LoRA-adapted"), a bare version or number format ("v2.0", "W4A4", "INT4"), a
span that took in the opening of its clause ("Although retrieval-augmented generation"),
or a lowercase phrase led by a grading word, a number word or a verb ("poor recognition",
"nine image classification", "generate segmentation"). `is_junk_name` says so for
discovery as well as for the corpus step; `is_bare_shape` adds the shapes the corpus step
alone rejects; `is_manner_phrase` names a description of how a generic process is done
("iterative optimization", "two-stage fine-tuning"), which the corpus step rejects where no
paper defines it; `is_class_phrase` a class of systems in lowercase words ("pre-trained
diffusion model"), which is no name whatever its type; `is_plain_phrase` a span of lowercase
words alone, which the corpus step takes as a method's name only where a paper shows it is one.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.cues import TYPE_NOUNS
from paperkg.graph.records import EntityType

_ORDINAL = re.compile(
    r"^(?:phase|stage|step|round|level|tier|part|type|group|class|layer|block|figure|fig|table|"
    r"section|eq|equation|case|scenario|setting|task|track|subtask|experiment|study|epoch|iteration)"
    r"[-_ ]?(?:\d+[a-z]?|[ivx]+)$", re.IGNORECASE)
_SIZE = re.compile(
    r"^[~<>]?\d+(?:[.,]\d+)?\s*[kmbt]?[-\s]?(?:tokens?|parameters?|params?|layers?|bits?|shots?|steps?|"
    r"days?|hours?|minutes?|seconds?|samples?|images?|frames?|dimensional|dim|d|k|m|b|x|fps|hz|gb|mb)$",
    re.IGNORECASE)
_DIMENSIONS = re.compile(r"^\d+(?:\.\d+)?\s*[x×*]\s*\d+(?:\s*[x×*]\s*\d+)*$")
_ADJECTIVE_COMPOUND = re.compile(
    r"-(?:based|captured|driven|aware|guided|like|level|wise|free|specific|oriented|only|scale|"
    r"centric|enabled|assisted|powered|generated|conditioned|augmented|agnostic|friendly|related|"
    r"style|type|grade|sized|shaped|inspired|dependent|invariant|efficient|intensive|tuned|trained|"
    r"derived|aided|induced)$", re.IGNORECASE)
# A hyphenated compound ending in a participle or an adjective is a modifier, not a name:
# "LoRA-adapted", "ImageNet-pretrained", "LLM-judged", "LLM-agentic".
_PARTICIPLE_COMPOUND = re.compile(r"^[\w.]+(?:-[\w.]+)*-(?:[a-z]{3,}ed|agentic|[a-z]{3,}ive)$")
# A version or a quantisation setting on its own: "v2.0", "V3", "W4A4", "W8A8KV4".
_VERSION = re.compile(r"^(?:[vV]?\d+(?:\.\d+)*[a-z]?|W\d+A\d+(?:KV\d+)?)$")
# A number format (IEEE 754 and the integer and block formats of quantisation): "INT4", "FP8", "MXFP4".
_NUMBER_FORMAT = re.compile(r"^(?:U?INT|FP|BF|TF|NF|MXFP|MXINT|NVFP)\d{1,2}$", re.IGNORECASE)


# Words that grade or praise: a phrase they lead says how good something is, and names
# nothing ("poor recognition", "maximum generation", "low-latency retrieval").
_EVALUATIVE = frozenset(
    """poor poorer better best good great strong stronger weak weaker maximum minimum maximal
    minimal superior inferior excellent remarkable significant substantial unanimous systematic
    generalizable accurate efficient effective high-performance low-latency high-quality
    low-quality well-established state-of-the-art improved enhanced reliable""".split()
) | frozenset(
    # gradable adjectives of size, speed, cost and degree, and number words: a phrase they
    # lead describes an instance ("slow sampling", "expensive sampling", "nine image
    # classification"); Biber et al., 1999, 7.7, descriptors of size, time and evaluation
    """slow slower expensive costly cheap cheaper heavy heavier huge massive excessive
    insufficient sufficient inefficient inherent powerful larger smaller tedious seamless
    precise imprecise inaccurate unreliable near-perfect passive extensive limited unseen
    inadequate suboptimal higher lower greater lesser fewer more less longer shorter wider
    broader richer two three four five six seven eight nine ten twelve""".split()
)
# Verbs in the base form, which no name starts with: a phrase they lead is a clause cut
# out of its sentence ("generate segmentation masks", "ensure retrieval").
_BASE_VERBS = frozenset(
    """generate ensure enable improve achieve perform facilitate require allow provide boost
    enhance accelerate produce conduct leverage utilize utilise employ reduce dominate hinder
    prevent avoid mitigate obtain yield maintain""".split())
# Words that open a clause or link it to the one before; no name starts with one, so a span
# that does took in the start of its sentence ("Although retrieval-augmented generation").
_CLAUSE_OPENERS = frozenset(
    """although though however while whereas moreover furthermore additionally specifically
    finally firstly secondly thirdly lastly recently currently unlike despite since because
    meanwhile notably importantly instead consequently therefore hence thus yet
    nevertheless nonetheless besides similarly conversely likewise accordingly subsequently""".split())
# Words that place a thing in time or practice, capitalised or not: a span they lead
# describes a class ("State-of-the-art T2I models", "Existing LLM-based agents", "Current
# T2I models", "mainstream code generation").
_TIME_WORDS = frozenset(
    "state-of-the-art sota existing conventional traditional recent current previous contemporary mainstream "
    "prevailing prevalent".split())
# A split of a dataset ("val2017", "test-dev2015", "train2014").
_SPLIT = re.compile(r"^(?:train|val|valid|test|dev|test-dev)[-_]?\d{2,4}$", re.IGNORECASE)
# A size alone or a range of sizes: "7B+", "7B-8B", "410M-12B".
_SIZES = re.compile(r"^\d+(?:\.\d+)?[BMK]\+?(?:\s*[-–~]\s*A?\d+(?:\.\d+)?[BMK])?$")  # "30B-A3B": all, active
# Sizes listed ("4B/8B", "7B/14B/32B", "3B+4B"), or a size with only a checkpoint's variant or a
# word of measure after it ("8B-Instruct", "72B Instruct", "7B-size"): the family is named
# elsewhere in the sentence ("LLaMA-3.1 8B-Instruct model"), if at all.
_SIZE_LIST = re.compile(r"^\d+(?:\.\d+)?[BMK](?:\s*[/+]\s*\d+(?:\.\d+)?[BMK])+$")
_SIZE_VARIANT = re.compile(r"^\d+(?:\.\d+)?[BMK][-\s](?:Instruct|Base|Chat|size|sized|scale|parameter|param)$")


def is_junk_name(name: str) -> bool:
    """Whether a name's shape says it is never a name: an ordinal, a size, a dataset split, an
    adjective, a span led by a clause opener ("Although ..."), or a lowercase phrase led by a
    grading word, a number word or a verb, or ended by a participle."""
    name = name.strip()
    words = name.split()
    first = words[0] if words else ""
    return bool(_ORDINAL.match(name) or _SIZE.match(name) or _DIMENSIONS.match(name) or _SIZES.match(name)
                or _SIZE_LIST.match(name) or _SIZE_VARIANT.match(name)
                or _SPLIT.match(name) or _ADJECTIVE_COMPOUND.search(name)
                or (len(words) > 1 and first.lower() in _CLAUSE_OPENERS | _TIME_WORDS)
                or (len(words) > 1 and name.islower() and (first in _EVALUATIVE or first in _BASE_VERBS
                                                            or _ends_in_participle(words[-1]))))


def _ends_in_participle(word: str) -> bool:
    """A past participle after a noun phrase ("optical character recognition detected"):
    the verb of a reduced clause, not the head of a name ("speed", "embed" are no participles)."""
    return len(word) >= 5 and word.endswith("ed") and not word.endswith("eed") and "-" not in word



def is_bare_shape(name: str) -> bool:
    """A version or quantisation setting on its own ("v2.0", "W4A4"), a number format
    ("INT4", "FP8") or a compound ending in a participle ("ImageNet-pretrained")."""
    return bool(_VERSION.match(name) or _NUMBER_FORMAT.match(name) or is_participle_compound(name))


def is_participle_compound(text: str) -> bool:
    """A hyphenated compound ending in a participle or an adjective ("CLIP-derived",
    "GRPO-trained", "ToM-sensitive"): a modifier of the noun after it."""
    return bool(_PARTICIPLE_COMPOUND.match(text))


# Nominalised processes that a manner adjective may modify without naming anything:
# "iterative optimization" is optimization done iteratively (Quirk et al., 1985, 17.54:
# a premodifier of a deverbal noun that answers "how?" is adverbial, not classifying).
_PROCESS_HEADS = frozenset(
    """pruning optimization optimisation retrieval generation detection recognition prediction
    estimation sampling fine-tuning finetuning pretraining pre-training training learning synthesis
    augmentation clustering classification localization identification tracking distillation
    quantization compression alignment fusion modeling modelling planning search matching
    segmentation reconstruction encoding decoding filtering inference adaptation editing
    reasoning extraction selection ranking refinement regularization supervision translation""".split())
# Adjectives of manner by their derivational suffix (-ive, -ous, -ful, -less; Quirk et al.,
# 1985, App. I.43-46), negated adjectives ("unstable", "unconditional"), compounds that
# describe the procedure ("two-stage", "one-step", "gradient-based"), the distributive "per-"
# ("per-scene optimization": done once for each scene) and the manner suffix "-wise"
# ("layer-wise pruning", "pixel-wise prediction"). Not -able and -ible:
# they say what the output can be made to be, a kind of the process rather than a manner
# of doing it ("controllable generation", "promptable segmentation").
# Compounds in "-time" and "-specific" say when or for what the process is run, a
# circumstance (Quirk et al., 1985, 8.79, adjuncts of time and purpose), not a kind of it:
# "test-time optimization", "inference-time optimization", "domain-specific fine-tuning".
_MANNER_ADJECTIVE = re.compile(
    r"^(?:[a-z]{3,}(?:ive|ous|ful|less)|un[a-z]+(?:ed|al|le|en|ive)|"
    r"[a-z0-9]+-(?:stage|step|based|aware|length|order|wise|time|specific)|per-[a-z]+)$")
# Gradable adjectives of quality, speed and variety (Biber et al., 1999, 7.7, descriptors):
# before a generic process they say how well or how it goes, not which process it is
# ("stable optimization", "high-fidelity generation", "diverse generation", "benign
# fine-tuning"); a classifying adjective names a kind ("semantic segmentation", "binary
# classification", "visual localization").
_QUALITY_ADJECTIVES = frozenset(
    """stable unstable uniform premature explicit benign asymmetric symmetric diverse dynamic
    lightweight simple naive generic robust consistent coherent fast rapid smooth holistic
    comprehensive safe fair realistic high-fidelity scalable flexible""".split())
# After a manner adjective, the kind of supervision may stand between it and the process
# without making a name of the phrase: "domain-specific self-supervised pre-training".
_SUPERVISION = re.compile(r"^(?:self|semi|weakly|un)?-?supervised$")


def is_manner_phrase(name: str) -> bool:
    """Lowercase words, a manner or quality adjective, at most one kind of supervision, and a
    generic process: "iterative optimization", "adaptive pruning", "two-stage fine-tuning",
    "stable optimization",
    "test-time optimization", "domain-specific self-supervised pre-training" (not "object
    detection", "binary classification", "self-supervised pre-training")."""
    words = name.split()
    middle_is_supervision = len(words) == 3 and bool(_SUPERVISION.match(words[1]))
    return ((len(words) == 2 or middle_is_supervision) and name.islower() and words[-1] in _PROCESS_HEADS
            and (bool(_MANNER_ADJECTIVE.match(words[0])) or words[0] in _QUALITY_ADJECTIVES))


# A value written after a metric's name: a number of two or more decimals or a percentage
# ("ROUGE-L 0.429", "PSNR 35.49", "accuracy 93%"). Not a whole number or one decimal, which
# name a metric's variant or threshold ("BLEU 2", "TOP 10", "IoU 0.3"); after a model's name
# such a number is its version ("Grok 4.20"), so only a metric's value counts.
_VALUE_LAST = re.compile(r"\s[<>~]?(?:\d*\.\d{2,}|\d+(?:\.\d+)?\s?%)$")


def is_value_after_metric(name: str, type_: EntityType) -> bool:
    """A metric followed by a value, which the span took in: "ROUGE-L 0.429", "PSNR 35.49"."""
    return type_ is EntityType.METRIC and bool(_VALUE_LAST.search(name))


# A degree of a metric's value rather than a metric: a prefix of degree (Quirk et al., 1985,
# App. I, prefixes of degree: sub-, near-, ultra-, super-, full-), "real-time", or a level measured in a unit
# of length or against people ("millimeter-level", "human-level"). Not a unit of the thing
# measured, which names a variant of the metric ("pixel-level accuracy", "token-level F1").
_DEGREE_OF_VALUE = re.compile(
    r"^(?:(?:sub|near|ultra|super|full)-[a-z]+|real-time|"
    r"(?:human|expert|[a-z]*(?:meter|metre))-level)$")


def is_degree_of_metric(name: str, type_: EntityType) -> bool:
    """A metric in lowercase words led by a degree of its value, which describes a result and
    names no metric: "sub-second latency", "millimeter-level accuracy", "real-time throughput",
    "full-precision accuracy" (not "top-1 accuracy", "pixel-level accuracy")."""
    words = name.split()
    return (type_ is EntityType.METRIC and len(words) >= 2 and name.islower()
            and bool(_DEGREE_OF_VALUE.match(words[0])))


# The nouns that head a model's name ("model", "network", "transformer", "encoder", "agent").
_MODEL_NOUNS = frozenset(word for word, type_ in TYPE_NOUNS.items() if type_ is EntityType.MODEL)


def is_class_phrase(name: str) -> bool:
    """Lowercase words headed by a model noun name a class of systems, not one system:
    "pre-trained diffusion model", "text-to-image diffusion models", "multimodal transformer",
    also after a number of dimensions ("3D diffusion models", "4D world model"); a model's own
    name is capitalised: "Diffusion Transformer", "BERT", "3D U-Net"."""
    words = name.split()
    rest = words[1:] if words and _DIMENSIONS_PREFIX.match(words[0]) else words
    return len(words) >= 2 and " ".join(rest).islower() and rest[-1] in _MODEL_NOUNS


_DIMENSIONS_PREFIX = re.compile(r"^\d+D$")


def is_plain_phrase(name: str) -> bool:
    """Words in lowercase only, with no capital letter and no digit: "feature optimization",
    "token-level optimization", "non-uniform quantization" (not "LoRA fine-tuning", "INT4
    quantization"). Nothing in its own letters marks it as a name rather than a description."""
    return any(c.isalpha() for c in name) and not any(c.isupper() or c.isdigit() for c in name)
