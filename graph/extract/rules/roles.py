"""Roles: what a paper does with each entity it mentions, read off the words before it.

The cue nearest to the mention, within its sentence and at most `WINDOW` characters
before it, decides: "we propose/introduce/present X", "by proposing X" and "our X" ->
INTRODUCES (which `contributions.py` then keeps for the names a paper coins);
"outperforms X", "compared with X", "than X", "over X" -> COMPARES; "on X", "evaluated
on X" for a dataset or benchmark -> EVALUATES_ON; "using X", "based on X", "with X",
"on X" for anything else -> USES; no cue -> MENTIONS. A cue reaches past a list of
names ("outperforming both GPT-4-0125 (85.9%) and GPT-4o") but not past a clause
break (";", " which ", " while ").
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.data_as_words import named_as_a_kind, named_as_a_modifier, named_as_a_piece
from paperkg.graph.extract.rules.measured_results import opens_a_measured_result
from paperkg.graph.records import EntityType, Role

WINDOW = 90
# Present and past: "we developed X", "we designed X" are as much the paper's as "we develop X"
# ("introduced", "proposed" already end in "d"); "we propose that ..." states a claim. After
# "we" no verb ends in "s": "We integrate these designs into X" names no contribution.
_INTRO_STEMS = (r"(?:introduce|propose|present|release|develop|design|build|construct|"
                r"curate|create|contribute|call|name|term|define)")
_INTRO_VERBS = r"\s+(?:\w+\s+){0,2}?" + _INTRO_STEMS + r"(?:d|ed)?\b(?!\s+that\b)"
# "This paper introduces X", "Our framework introduces X": the paper, or its contribution,
# as the subject of the verb.
_THIS_WORK = (r"\s+(?:paper|work|study|article|research|report|thesis|approach|framework|method|model|system)"
              r"\s+(?:(?:also|further|then|first|thus)\s+)?" + _INTRO_STEMS + r"s\b")
# "we compare ... and further propose X", "we ... and then construct X": a verb "and" joins
# to the sentence's "we" (checked in `assign_role`: "methods ... and construct X" is not ours).
_AND_THEN = r"\s+(?:(?:then|further|also|finally|thus|additionally)\s+)?"
# "which we refer to as X", "we refer to it as X": the paper naming what it contributes.
_REFER_AS = r"\s+refer\s+to\s+(?:(?:it|this|them|these|this \w+)\s+)?as\b"
# A word of measurement names an evaluation when "on", "across" or "in" follows it soon.
_EVALUATED_IN = r"\b[^.;]{0,40}?\b(?:on|across|in)\b"
# Every cue as (kind, pattern), in the order they are tried: the first that matches at a
# position wins; "the so-called X" is a term in use, not one the paper gives. Each pattern
# starts with a letter of its own (not a class), which lets `_cue_trie` group them by that letter.
_CUE_PATTERNS = (
    ("intro", r"we" + _INTRO_VERBS), ("intro", r"We" + _INTRO_VERBS),
    ("intro", r"we" + _REFER_AS), ("intro", r"We" + _REFER_AS),
    *(("intro", word + _THIS_WORK) for word in ("This", "this", "Our", "our")),
    ("intro", r"and" + _AND_THEN + _INTRO_STEMS + r"(?:[sd]|ed)?\b(?!\s+that\b)"),
    *(("intro", rf"{word}\b") for word in ("called(?<!so-called)", "named", "dubbed", "termed")),
    ("intro", r"by (?:introduc|propos|present|develop|design|construct|build|curat|creat)ing\b"),
    *(("compare", rf"{cue}\b") for cue in (
        r"outperform\w*", r"surpass\w*", r"beat\w*", r"exceed\w*", r"compared? (?:with|to|against)",
        r"comparison (?:with|to)", r"than(?!\s+\d)", r"over(?!\s+\d)", r"versus", r"vs\.?", r"against", r"relative to",
        r"improv\w+ (?:up)?on",
    )),
    *(("evaluate", cue + _EVALUATED_IN) for cue in (
        r"evaluat\w+", r"test\w*", r"benchmark\w*", r"experiment(?:s|al(?:ly)?)?", r"results?", r"performance",
        r"accuracy", r"achiev\w+", r"scores?",
    )),
    # Not the end of a hyphenated word: a title's "... Virtual Try-On" before the abstract.
    *(("evaluate", rf"{cue}\b(?<!-{cue})") for cue in ("On", "on", "across")),
    *(("use", rf"{cue}\b") for cue in (
        r"using", r"uses?", r"used", r"use of", r"based on", r"built (?:up)?on", r"with", r"via",
        r"leverag\w+", r"employ\w*", r"adopt\w*", r"appl(?:y|ies|ying|ied)", r"fine-?tun\w+",
        r"trained", r"train\w*", r"initiali[sz]ed from", r"from",
    )),
)


def _cue_alternatives(patterns) -> str:
    """The cues as one alternation, in order, one named group a kind ("intro", ...)."""
    kinds = dict.fromkeys(kind for kind, _ in patterns)
    return "|".join(
        f"(?P<{kind}>{'|'.join(p for k, p in patterns if k == kind)})" for kind in kinds
    )


def _cue_trie(patterns) -> str:
    """The cues as one alternation of first letters, each with its cues in their order.

    The same matches as `_cue_alternatives` (cues with other first letters cannot match
    where one of these does), but re tries a position against ~20 letters instead of
    ~60 patterns; it names no kind, which `_KINDS_BY_LETTER` reads afterwards.
    """
    by_letter: dict[str, list[str]] = {}
    for _, pattern in patterns:
        by_letter.setdefault(pattern[0], []).append(pattern[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items())


_CUE_ALTERNATIVES = _cue_alternatives(_CUE_PATTERNS)
_FIRST_LETTERS = "".join(sorted({pattern[0] for _, pattern in _CUE_PATTERNS}))
# One leading \b for every cue, and a look-ahead on the letters cues start with, so
# that most positions fail at once; the alternatives, and so the match, are unchanged.
_CUES = re.compile(rf"\b(?=[{_FIRST_LETTERS}])(?:{_CUE_ALTERNATIVES})")
# The same cues with the character before them, for ASCII text, where the \b before a
# cue's first letter is a character of [^A-Za-z0-9_] before it: led by a character set,
# so re skips to those in C instead of trying every position (see `_last_cue`).
_CUES_AFTER_BREAK = re.compile(rf"[^A-Za-z0-9_](?=[{_FIRST_LETTERS}])(?:{_cue_trie(_CUE_PATTERNS)})")
# The cues of each first letter, with their kinds: which cue matched, once found.
_KINDS_BY_LETTER = {
    letter: re.compile(_cue_alternatives([(k, p) for k, p in _CUE_PATTERNS if p[0] == letter]))
    for letter in _FIRST_LETTERS
}
# `\b[Oo]ur\s+(?:[\w-]+\s+)?$` led by the literal "ur", which re finds in C, the "O" or
# "o" and the word break before it read behind: the \b-led form was tried at every position.
_OUR = re.compile(r"ur(?<=[Oo]ur)(?<!\w[Oo]ur)\s+(?:[\w-]+\s+)?$")
_WE = re.compile(r"\b[Ww]e\b")
_BARRIER_WORDS = ("which", "while", "whereas", "but")
_ABBREVIATED = ("e.g", "i.e")  # what stands before a full stop that ends no clause
# Words before "on" that make data something trained on or built on, not evaluated on.
_TRAINED_ON = frozenset(
    "trained pretrained pre-trained fine-tuned finetuned tuned based built relies rely relying "
    "focus focuses focusing conditioned".split()
)
# Words before "on" that make it "about": "research on Arabic AES remains limited", "calls
# on the WICV community" ("prior work on X" is ambiguous: "outperforms prior work on ImageNet").
# An "ablation study on X" is one the paper runs on the data ("an ablation study on the GTI
# Germany dataset"); a "case study" or an "empirical study on LLMs' M2MS ability" is about X.
_ABOUT_ON = frozenset("research study studies calls call light insights perspective emphasis".split())
# "applied our method to (the) X": the data a method is applied to, right after "to".
_APPLIED_TO = re.compile(r"\bto\s+(?:the\s+)?\Z")
# A verb of applying and its "to", at most five words of its object between: the data
# after it, or drawn "from" after it, is what the paper's method is run on: "We apply our
# method to standard classification datasets, such as ImageNet-1k" (arXiv 2507.07620),
# "We apply the ladderpath approach to 21 parallel corpora from the Parallel Universal
# Dependencies dataset" (heldout), "Applying CFA ... to 4,000+ models from the Open LLM
# Leaderboard" (test). The object opens with an article, a number, a capital or a data noun
# within three words: an infinitive "to" is no object's ("then apply it to convert healthy
# non-English speech (FLEURS)"); nor is a passive's, whose subject may be another tool ("a
# YOLOv8 model which is applied to the RGB images in the Egohands dataset" makes labels: dev).
_APPLIED_OBJECT = re.compile(
    r"(?:\b[Aa]ppl(?:y|ies|ying)|(?<=[Ww]e )applied)\b(?:\s+[^\s,;]+){0,5}?\s+to\s+"
    r"(?=the\s|an?\s|our\s|\d|[A-Z]|(?:[a-z-]+\s+){0,2}(?:datasets?|data|corpora|corpus|benchmarks?|images)\b)")
# Data something new is made from is its source, not what it is evaluated on, even in a
# sentence about a benchmark: "a fine-grained benchmark constructed from the DRAMA dataset".
_MADE_FROM = re.compile(
    r"\b(?:construct|deriv|buil|collect|curat|sourc|extract|drawn|compil|adapt|creat|"
    r"generat|assembl|gather)\w*\s+\Z")
_TRAINING_CUES = ("train", "fine", "pretrain", "pre-train", "initiali", "built", "based")
_EVALUATION_WORDS = re.compile(
    r"\b(?:[Ee]valuat|[Ee]xperiment|[Bb]enchmark|[Vv]alidat|[Oo]utperform|[Aa]chiev|[Rr]esults?\b|"
    r"[Dd]emonstrat)"
)
_EVALUATED = frozenset({EntityType.DATASET, EntityType.BENCHMARK})
# After a data name: the device it names ("on the NVIDIA Jetson AGX platform").
_HARDWARE_NOUNS = r"(?:platforms?|devices?|boards?|GPUs?|CPUs?|hardware|chips?|processors?|accelerators?)"
_HARDWARE_AFTER = re.compile(r"\s+" + _HARDWARE_NOUNS + r"\b")
# A speed measured on a device: "achieves 111 fps on NVIDIA Jetson AGX", "3,054 img/s on A100"
# (a rate per second, arXiv 2602.04170).
_SPEED_ON = re.compile(
    r"(?:\b(?:fps|FPS|frames per second|ms|latency|throughput)|\w/s)\)?\s+on\s+(?:the\s+|an?\s+)?\Z")
# A device named before the name, in apposition: "the state-of-the-art Neuromorphic processor,
# Intel Loihi 2" (arXiv 2605.00146), "the edge device NVIDIA Jetson" (a maker's word may stand between).
_HARDWARE_BEFORE = re.compile(r"\b" + _HARDWARE_NOUNS + r",?\s+(?:[A-Z][\w-]*\s+)?\Z")
# A list of names that a device closes: "on the NVIDIA Jetson Orin Nano, NVIDIA Jetson Nano B01,
# and the Apple M2 CPU" (arXiv 2605.00146): the names listed with a device are devices.
_DEVICE_LIST_AFTER = re.compile(
    r"(?:,\s+(?:the\s+)?[A-Z][^,.;()]{0,40}?)*,?\s+(?:and|or)\s+(?:the\s+)?[A-Z][^,.;()]{0,40}?\s"
    + _HARDWARE_NOUNS + r"\b")
# A data name that modifies a plural kind, counted or qualified before it: "multiple CZSL
# benchmarks", "four Earth observation datasets", "across major OEDR benchmarks".
_KIND_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}(?:benchmarks|datasets|data sets|corpora|tasks)\b")
# A data name that says what a model was trained on: "ImageNet pre-trained DL models",
# "with SemanticKITTI pre-training alone", "Modern English training data".
_TRAINED_AFTER = re.compile(
    r"[\s-]+(?:pre-?trained|pretrained|trained|initiali[sz]ed|pre-?training|training\s+(?:data|set|corpus))\b")
_COUNTED_BEFORE = re.compile(
    r"\b(?:multiple|several|various|many|numerous|diverse|different|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|major|standard|popular|common|mainstream|challenging|representative|"
    r"typical|classic|complex|existing|3D|2D|public)\s+(?:(?:public|publicly available|open)\s+)?\Z"
)
_LISTED_BEFORE = re.compile(r"(?:\band|\bor|,)\s+(?:the\s+)?\Z")
# Data compared as data sets, not evaluated on: "surpassing existing datasets (e.g., X".
_COMPARED_DATA = re.compile(r"\b(?:existing|previous|prior|other|current)\s+(?:\w+\s+)?(?:datasets|benchmarks|corpora)\b")
# The role of each kind of cue but "evaluate"; members read through their class cost a
# look-up each.
_ROLE_OF_KIND = {"intro": Role.INTRODUCES, "compare": Role.COMPARES, "use": Role.USES}
_INTRODUCES, _MENTIONS, _USES, _EVALUATES_ON = Role.INTRODUCES, Role.MENTIONS, Role.USES, Role.EVALUATES_ON


def assign_role(text: str, sentence_start: int, start: int, entity_type: EntityType,
                end: int | None = None) -> Role:
    """The role of the mention starting at `start` (see the module docstring); data a cue
    says is evaluated on is only mentioned when it is a piece of a longer name glued to it
    by a hyphen ("mini-ImageNet", "Kvasir-Capsule": `data_as_words.named_as_a_piece`).
    Arguments as `_cued_role`'s."""
    role = _cued_role(text, sentence_start, start, entity_type, end)
    if role is _EVALUATES_ON and end is not None and named_as_a_piece(text, start, end):
        return _MENTIONS
    return role


def _cued_role(text: str, sentence_start: int, start: int, entity_type: EntityType,
               end: int | None = None) -> Role:
    """The role the cues and the words around the mention at `start` give it.

    Args:
        text: the field the mention is in.
        sentence_start: where the mention's sentence starts.
        start: where the mention starts.
        entity_type: the mention's type; "on X" means EVALUATES_ON only for data.
        end: where the mention ends, when known: the words after a dataset or benchmark
            may say it is no named data set ("multiple CZSL benchmarks", "the NVIDIA
            Jetson AGX platform").
    """
    window = start - WINDOW
    left = text[window if window > sentence_start else sentence_start : start]
    left = left[clause_start(left) :]
    if "ur" in left and _OUR.search(left):  # "ur": most windows have no "our" to look for
        return _INTRODUCES
    if entity_type in _EVALUATED and end is not None and _takes_part_in(text, sentence_start, end):
        return _EVALUATES_ON
    last = _last_cue(left)  # the nearest cue
    if last is None and left.startswith("Across ") and _in_opening_phrase(left[6:], text[end : end + 5] if end else ""):
        # An "Across" that opens the clause, read apart from the cues: an "A" among their first
        # letters made every capital A a place to try them.
        last = _ACROSS.match(left)
    scored = entity_type in _EVALUATED and end is not None and (
        _SCORE_AFTER.match(text, end) is not None
        or (left.endswith(_VALUE_ENDS) and _VALUE_BEFORE.search(left) is not None)
        or (left.endswith(" in ") and _RESULT_AFTER.match(text, end) is not None))
    if last is None:
        if scored or entity_type in _EVALUATED and end is not None and (
                _opens_a_result(text, sentence_start, end) or _OPENING_EVALUATION.match(left) is not None
                or _USED_FOR_EVALUATION.match(text, end) is not None
                or opens_a_measured_result(text, sentence_start, start, end)):
            return _EVALUATES_ON
        return _MENTIONS
    kind = last.lastgroup
    if kind == "intro" and left.startswith("and", last.start()) and not _WE.search(text, sentence_start, start):
        return _MENTIONS  # "existing methods ... and construct X": no "we" makes the verb the paper's
    if scored and kind != "intro":
        return _EVALUATES_ON
    if entity_type in _EVALUATED:
        role = _data_role(kind, last, left, text[sentence_start:start])
        if role is _EVALUATES_ON and end is not None and not names_evaluated_data(
                text, start, end, left, last.end() if kind == "compare" else len(left)):
            return _MENTIONS
        if role is _USES and end is not None and (
                _opens_a_result(text, sentence_start, end) or opens_a_measured_result(text, sentence_start, start, end)):
            return _EVALUATES_ON
        return role
    if kind == "evaluate":
        return _USES
    return _ROLE_OF_KIND[kind]


def _takes_part_in(text: str, sentence_start: int, end: int) -> bool:
    """Whether a benchmark is a shared task or challenge the paper takes part in, which
    reports its results there: "the submission of IIITH-BUT to the IWSLT 2025 shared task",
    "the approach of our team ... for the ArchEHR-QA 2025 shared task"."""
    if _CONTEST_AFTER.match(text, end) is None:
        return False
    sentence_end = text.find(". ", end)
    return _TAKING_PART.search(text, sentence_start, len(text) if sentence_end < 0 else sentence_end) is not None


# A score on data, or its use as a benchmark, right after its name: "Spoken Language
# Understanding Evaluation (SLUE) score improvement of 6.6%", "an MMLU accuracy of 70.2".
_SCORE_AFTER = re.compile(
    r"\)?(?:\s*\([^()]{1,20}\))?\s+(?:(?:benchmark|dataset)\s+)?(?:scores?|(?:top-\d\s+)?accurac(?:y|ies)|"
    r"performance|results|mAP|AP|F1|AUC|mIoU|BLEU|mean[- ]average[- ]precision)\b"
    # A number right after the name, signed or in parentheses: "(MMLU +8.1%)", "FUNSD (0.79)".
    r"|\s*\(?[+\u2212]\d|\s*\(\d*\.\d+|\s*\(\d+(?:\.\d+)?\s*%"
    # Data taken "as a benchmark" is what a paper reports on: "We fine-tuned foundation models
    # using the Open FinLLM Leaderboard as a benchmark" (arXiv 2504.13125).
    r"|\s+as\s+(?:an?|the|our)\s+(?:evaluation\s+|test\s+)?(?:benchmark|testbed|test\s+bed)\b")
# A value right before a data name, a gain or a number "in" it: "state-of-the-art results for
# clustering (+3% ImageNet-100)", "an accuracy of 92.1% in Autosplice and 86.3% in LaMa", "5.32x
# in AFHQ" (the evaluation cues stop at a full stop, and so at a decimal point).
_VALUE_BEFORE = re.compile(r"(?:[+\u2212]\d+(?:\.\d+)?\s*% |\d[%x\u00d7]?\s+in\s+(?:the\s+)?)\Z")
_VALUE_ENDS = ("% ", "in ", "in the ")
# A clause of result right after data named "in": "512 unseen real scenarios in exiD, achieving a
# 96.3% success rate" (arXiv 2604.16406).
_RESULT_AFTER = re.compile(r",\s+(?:achiev|attain|obtain|reach|yield)\w*ing\b[^.;]{0,40}?\d")
# A shared task or contest named by the data name before it, and the words of taking part in one.
_CONTEST_AFTER = re.compile(r"\s+(?:shared\s+task|[Cc]hallenge|competition)\b")
_TAKING_PART = re.compile(r"\b(?:[Pp]articipat\w*|submi(?:t|tted|ssion|ssions)\b|[Oo]ur\s+team|ranked|ranking|\d+(?:st|nd|rd|th)\s+place)")


# A sentence that opens with the data it reports results on, before its subject: "On two
# large datasets from real-world surveillance scenarios, UCF-Crime and XD-Violence, we achieve
# 87.3 AUC", "Using the BanglaCHQ-Summ dataset comprising 2,350 ... pairs, we benchmarked these LLMs".
_OPENERS = ("Using ", "On ", "With ", "Across ", "For ", "In ")
_RESULT_CLAUSE = re.compile(
    r", (?:(?:we|our|the|this|it|its|they|[A-Z][\w-]*)\b[^.;,]{0,60}?\b)?"
    r"(?:achiev|outperform|surpass|evaluat|benchmark|obtain|attain|yield|report|demonstrat|validat|show)\w*")
_TRAINING_WORDS = re.compile(r"\b(?:train|pre-?train|fine-?tun|construct|buil|generat|creat)\w*")


# Data named as the subject of a passive that says what for, evaluation among it: "The CFIHSR
# dataset, comprising PPG recordings from 46 subjects ..., is employed for evaluation" (arXiv
# 2511.04037), "Two datasets, MSLD and MSLD v2.0, were used for training and validation"
# (arXiv 2507.15915); not "... is used for training", nor data inside the apposition ("PPG
# recordings from 46 subjects, is employed ...").
_USED_FOR_EVALUATION = re.compile(
    r"(?:\s+(?:dataset|benchmark|corpus)s?)?(?:,[^.;]{0,100}?,|\s+and\s+(?:[^,.;]|\.(?=\S)){1,30},?|,)?"
    r"\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:used|employed|adopted|utili[sz]ed|selected)"
    r"\s+(?:for|in)\s+(?:the\s+)?(?:(?:training|fine-tuning|development)\s+and\s+)?"
    r"(?:evaluat|validat|test|benchmark|assess)")


# A clause that opens with its word of evaluation, which the cues (lower case) do not read:
# "Evaluation in the GTA and GAIA benchmarks show ...", "Experiments conducted in X".
_OPENING_EVALUATION = re.compile(r"(?:Evaluat|Experiment|Result|Test|Performance)\w*" + _EVALUATED_IN)


def _opens_a_result(text: str, sentence_start: int, end: int) -> bool:
    """Whether data named in a sentence's opening phrase ("Using X, ...", "On X, ...") is where
    the clause after it reports results, and no word up to its verb speaks of training or
    making ("Using X, we train a model that achieves ..." uses X)."""
    if not text.startswith(_OPENERS, sentence_start):
        return False
    comma = text.find(", ", end, end + 100)
    if comma < 0 or "." in text[end:comma]:
        return False
    result = _RESULT_CLAUSE.match(text, comma)
    return result is not None and _TRAINING_WORDS.search(text, sentence_start, result.end()) is None


_ACROSS = re.compile(r"(?P<evaluate>Across)")


def _in_opening_phrase(between: str, after: str) -> bool:
    """Whether a mention after a sentence's opening "Across" is in its phrase, or in a list of
    names after it: "Across Natural Questions, HotpotQA, and held-out code tasks, ..." (arXiv
    2605.26646), "Across three benchmarks, MMLU, GSM8K and ..."; not the subject of the clause
    after it ("Across seven datasets, GenCLS++ achieves ...", arXiv 2504.19898), nor a name
    deeper in that clause ("Across 10 transformer architectures, we conclude that the KPCA
    ..."). `between`: the words from the cue to the mention; `after`: the characters after it."""
    *items, rest = _LIST_SEPARATOR.split(between)
    if not items:
        return True  # no comma yet: inside the phrase
    if rest.strip() or not all(_is_a_listed_name(item) for item in items[1:]):
        return False
    return len(items) > 1 or _is_a_listed_name(items[0]) or after.startswith((",", " and", " ("))


_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _is_a_listed_name(item: str) -> bool:
    """Whether a list item reads as a name: capitalised, and not closed by a plural kind ("the
    MMLU and GSM8K benchmarks")."""
    words = item.split()
    if words[:1] == ["the"]:
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and not (words[-1].isalpha() and words[-1].islower())


def _data_role(kind: str, cue: re.Match, left: str, sentence: str) -> Role:
    """The role of a dataset or benchmark whose nearest cue is `cue`.

    One compares methods, not data: "improves over X" and "higher than on X" report
    results on X. Data a model is trained on ("pretrained on X") is used; data a method is
    applied to, or used in a sentence that reports an evaluation ("We evaluate ... ranging
    from ... the MNIST dataset"), is evaluated on.
    """
    if kind == "intro":
        return _INTRODUCES
    if kind == "compare":
        return _EVALUATES_ON
    if kind == "evaluate":
        before = left[: cue.start()].split()
        if before and before[-1].lower() in _ABOUT_ON and not (len(before) > 1 and before[-2].lower() == "ablation"):
            return _MENTIONS
        # "trained on X", right before X or inside the cue's own reach ("Experiments demonstrate
        # that PALLE, trained on LibriTTS, ...": the cue runs from "Experiments" to "on").
        inside = cue.group().split()
        words = before[-1:] + inside[-2:-1]
        if any(word.lower() in _TRAINED_ON for word in words):
            return _USES
        return _USES if inside == ["on"] and _trains_object_on(before) else _EVALUATES_ON
    word = cue.group().lower()
    if word.startswith(_TRAINING_CUES) or word == "from" and _MADE_FROM.search(left, 0, cue.start()):
        return _USES
    if word.startswith("appl") and _APPLIED_TO.search(left) or _EVALUATION_WORDS.search(sentence, 0, len(sentence) - len(left) + cue.start()):
        return _EVALUATES_ON
    if (_WE.search(sentence) or sentence.startswith("Applying")) and _applies_to_it(word, cue, left):
        return _EVALUATES_ON  # the paper's own applying: "interest in applying them to ... tasks" is not
    return _USES


# A preposition between the object of "to" and the name: the object is a part of the data,
# processed for another end ("We applied it to the RGB images in the EgoHands dataset").
_PART_OF = re.compile(r"\b(?:in|of|at|within)\s")


def _applies_to_it(word: str, cue: re.Match, left: str) -> bool:
    """Whether the data after a use cue is the object of "apply ... to": the cue is the verb
    of applying itself (and no "in" or "of" stands between its object and the name), or a
    "from" after its "to" ("to 21 parallel corpora from X")."""
    if word.startswith("appl"):
        applied = _APPLIED_OBJECT.match(left, cue.start())
        return applied is not None and _PART_OF.search(left, applied.end()) is None
    if word != "from" or "ppl" not in left:
        return False
    applied = _APPLIED_OBJECT.search(left, 0, cue.start())
    return applied is not None and len(left[applied.end() : cue.start()].split()) <= _OBJECT_WORDS


# A verb of training whose object stands between it and "on": "We train our model on the
# NYUv2 and KITTI datasets as in-distribution datasets" (test), "we train only 4.5 million
# parameters on the COCO-stuff dataset" (heldout). The verb, then at most five words of its object.
_TRAIN_VERB = re.compile(r"(?:pre-?)?(?:train|trains|trained|fine-?tune|fine-?tunes|fine-?tuned)")
_OBJECT_WORDS = 5


def _trains_object_on(before: list[str]) -> bool:
    """Whether the words before an "on" cue are a verb of training and its object, with no
    word of evaluation among them ("we train and evaluate models on X" reports on X)."""
    for word in reversed(before[-_OBJECT_WORDS - 1 :]):
        if _TRAIN_VERB.fullmatch(word.lower()):
            return True
        if _EVALUATION_WORDS.match(word) or not word[-1:].isalnum():
            return False  # an evaluation, or a comma or bracket ending the object's phrase
    return False


def names_evaluated_data(text: str, start: int, end: int, left: str, cue_end: int) -> bool:
    """Whether a dataset or benchmark after an evaluation or comparison cue is data a paper
    reports results on, by the words around it: not a kind of data ("on multiple CZSL
    benchmarks"), not hardware ("on the NVIDIA Jetson AGX platform", "111 fps on NVIDIA
    Jetson AGX"), not what other models were trained on ("outperforms both ImageNet
    pre-trained DL models"), not data compared as data ("surpassing existing datasets
    (e.g., ARID1.5 and Dark-48) in scale") and not a word of another noun phrase ("real sparse
    ToF datasets", "KVRET's human-collected dialogs": `data_as_words.py`).

    Args:
        text: the field the mention is in; `start`/`end` the mention's place in it.
        left: the words of its clause before it; `cue_end` where its comparison cue ends in
            `left` (data compared as data are looked for after it), or `len(left)`: "Extensive
            experiments on existing datasets (BalanceCC, LOVEU-TGVE, RAVE)" compare no data.
    """
    if _HARDWARE_AFTER.match(text, end) or _SPEED_ON.search(left) or _TRAINED_AFTER.match(text, end):
        return False
    if _named_as_a_device(text, start, end) or named_as_a_kind(text, start, end):
        return False
    if named_as_a_modifier(text, start, end):
        return False
    if _COMPARED_DATA.search(left, cue_end):
        return False
    if not _KIND_AFTER.match(text, end):
        return True
    counted = _COUNTED_BEFORE.search(text, max(0, start - 20), start)
    # "on the 3DMatch and the challenging 3DLoMatch datasets": the plural is the list's.
    return counted is None or _LISTED_BEFORE.search(text, max(0, counted.start() - 30), counted.start()) is not None


def _named_as_a_device(text: str, start: int, end: int) -> bool:
    """Whether the abstract calls a data-typed name a device anywhere: a device noun right
    before it in apposition or right after it ("the Neuromorphic processor, Intel Loihi 2",
    "the Loihi 2 chip"), or a list it opens that a device closes ("on the NVIDIA Jetson Orin
    Nano, NVIDIA Jetson Nano B01, and the Apple M2 CPU"). Hardware is where a model runs,
    not data it is evaluated on, whichever sentence names it."""
    if _DEVICE_LIST_AFTER.match(text, end):
        return True
    name = text[start:end]
    at = text.find(name)
    while at >= 0:
        if _HARDWARE_BEFORE.search(text, max(0, at - 40), at) or _HARDWARE_AFTER.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


def _last_cue(left: str) -> re.Match | None:
    """The last cue of `_CUES.finditer(left)`: a match with its end and its group.

    In ASCII text a cue starts at the start of `left` or after a character of
    [^A-Za-z0-9_], which `_CUES_AFTER_BREAK` takes with it: scanning " " + `left` finds
    every cue, one character late, and `_KINDS_BY_LETTER` then reads the last one's kind
    at the same place. The one exception is a cue right after "vs." (no break before it),
    left to the plain scan, as is text with non-ASCII word characters.
    """
    last = None
    if not left.isascii() or "vs." in left:
        for last in _CUES.finditer(left):  # noqa: B007 - the nearest cue is the last one
            pass
        return last
    for last in _CUES_AFTER_BREAK.finditer(" " + left):  # noqa: B007 - the same
        pass
    if last is None:
        return None
    start = last.start()  # in `left`: the cue's first letter, one after its break
    return _KINDS_BY_LETTER[left[start]].match(left, start)


# A ";" before these starts the examples of what the clause named, not a clause of its own:
# "Extensive evaluations on challenging benchmarks; including LFW, CFP-FP, AgeDB-30, ...".
_EXAMPLES_AFTER_SEMICOLON = (" including ", " e.g.", " such as ", " namely ")


def clause_start(left: str) -> int:
    r"""Where the last clause of `left` starts: after its last ";", ". " or barrier word; the
    full stop of "e.g. " or "i.e. " ends no clause, nor does a ";" before examples
    ("benchmarks; including LFW, ...").

    The same offset as the end of the last match of the regex
    `;(?! including | e\.g\.| such as | namely )|\bwhich\b|\bwhile\b|\bwhereas\b|\bbut\b|(?<!\be\.g)(?<!\bi\.e)\. `
    (whose matches never overlap), found
    with `str.rfind`: that regex, tried at every position of every mention's window,
    cost as much as the role cues themselves.
    """
    end = left.rfind(";") + 1
    while end and left.startswith(_EXAMPLES_AFTER_SEMICOLON, end):
        end = left.rfind(";", 0, end - 1) + 1  # "evaluations on challenging benchmarks; including LFW, ..."
    dot = left.rfind(". ")
    while dot >= 3 and left[dot - 3 : dot] in _ABBREVIATED and not _is_word_char(left, dot - 4):
        dot = left.rfind(". ", 0, dot)  # "benchmarks (e.g. MMLU-Pro, ...)": the list goes on
    if dot >= 0:
        end = max(end, dot + 2)
    if "wh" not in left and "but" not in left:  # no barrier word here: most windows
        return end
    for word in _BARRIER_WORDS:
        limit = len(left)
        while (found := left.rfind(word, 0, limit)) >= 0:
            after = found + len(word)
            if not _is_word_char(left, found - 1) and not _is_word_char(left, after):
                end = max(end, after)
                break
            limit = after - 1
    return end


def _is_word_char(text: str, index: int) -> bool:
    r"""What `\w` says of `text[index]` (False outside the text), as `\b` reads it."""
    if index < 0 or index >= len(text):
        return False
    char = text[index]
    return char.isalnum() or char == "_"
