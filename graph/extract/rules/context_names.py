"""Names in no list, found by their context and their shape.

`name_spans.py` collects name-like spans: capitalised words and name-shaped words
("RewardBench", "DINOv2", "mBERT", "FLAMe-RM-24B"), optionally followed by more
capitalised words or versions ("Stable Diffusion 1.5/2.1", "Llama 2 7B"). Each span is
then read here against the few words around it (set look-ups, no regex over the whole text):

- introductions: "we introduce/propose/present X", "a sampler called X";
- appositions: "X, a new benchmark", "a prior-data fitted network, TabPFN";
- head nouns: "the RewardBench benchmark", "our FLAMe-RM-24B model";
- lists: "models like GPT-4 and Claude-3", "algorithms (e.g., RLHF and DPO)"; names
  joined by "," / "and" share the type a cue gives any of them ("the GLUE and XNLI
  benchmarks");
- evaluation: "on CIFAR10", "on unconditional FFHQ" (name-shaped only; a dataset);
- titles: "MUSE: Machine Unlearning ..." introduces MUSE.

Name-shaped spans that no cue types are returned untyped (`NameHit.type is None`,
`cue` "shape"): the caller types them by their ending or leaves them. Generic phrases
("our model", "a new dataset") never match, since a name must be capitalised or
name-shaped, and a lone capitalised word at the start of a sentence ("However",
"Transformers are ...") or in title-cased text is not taken as a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from paperkg.graph.extract.rules.contests import contest_cue
from paperkg.graph.extract.rules.cues import TYPE_NOUNS, type_of_shape
from paperkg.graph.extract.rules.name_spans import DETERMINERS, SHAPED, NameSpan, name_spans
from paperkg.graph.records import EntityType, Role
from paperkg.graph.speed import Memo, new_record

# Names joined by "," / "and" / "or", each perhaps with its scores in parentheses
# ("FUNSD (0.7895 → 0.8420), CORD (0.9493 → 0.9601) and SROIE"): a parenthesis holding
# no letter is a result, and the list goes on past it.
_JOINER = re.compile(
    r"(?:\s*\([^()A-Za-z]{1,40}\))?(?:\s*,\s*(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+)"
)
_INTRO_VERBS = frozenset(
    """introduce introduces introduced propose proposes proposed present presents presented
    release releases released develop develops developed design designs designed build builds
    construct constructs curate curates create creates contribute describe unveil define defines
    proposing introducing presenting developing""".split()
)
# Who introduces: "we propose X", "this study proposes X", "in this paper, we present X";
# a contribution in the third person ("our approach introduces X", not "a method to construct X").
_INTRO_SUBJECTS = frozenset("we paper work study article report".split())
_CONTRIBUTION_SUBJECTS = frozenset("research approach framework method".split())
# A verb that "and" or "to" joins to an earlier "we": "we formalize the task and propose X"
# (a plural verb after "and" needs no "we" in sight), "we extend this framework to construct
# X"; an -ing form after "by": "by proposing MUSE".
_JOINED_VERB_BEFORE = frozenset(("and", "to", "by"))
_JOIN_ADVERBS = frozenset("further also then additionally".split())
_CALLED = frozenset("called named dubbed termed coined call".split())
# "comprising" and "consisting of" list a whole's parts: "a framework comprising FuseSFT and FusePO".
_LIST_OPENERS = frozenset("as like including comprising e.g. e.g., i.e. i.e., namely -- ( : (e.g., (e.g. (i.e.,".split())
_INTRO_FILLERS = frozenset("the our new novel also further first then thus newly here".split())
_ON_MODIFIERS = frozenset(
    "the both unconditional conditional standard popular several multiple challenging public "
    "real-world large-scale".split()
)
_LEFT_CUE_WORDS = (
    _INTRO_FILLERS | _INTRO_VERBS | _CALLED | _LIST_OPENERS | _ON_MODIFIERS
    | frozenset(("as", "on", "e.g.,", "(e.g.,"))
)
_NOT_BEFORE_ON = frozenset("based built relies rely relying depends depend focus focuses top".split())
_NAME_HEAD = re.compile(r"\w (?:Treebanks?|TreeBank|Corpus|Corpora)$")
_NAME_HEAD_WORDS = ("Treebank", "Treebanks", "TreeBank", "Corpus", "Corpora")  # its last words
_PUNCT = ",.;:()\"'"



class NameHit(NamedTuple):
    """A name-like span: its type and confidence when a cue gave them, its cue and role.

    A named tuple rather than a frozen dataclass: as immutable, and built in a third of
    the time (a text has a few dozen hits; every user reads fields by name).
    """

    start: int
    end: int
    text: str
    type: EntityType | None
    confidence: float
    cue: str
    role: Role | None = None


_new_tuple = new_record  # a `NameHit` of its seven fields, in C (see graph/speed.py)


def find_context_names(text: str) -> list[NameHit]:
    """Every name-like span of `text` with what its context says about it.

    Args:
        text: a title and abstract joined by a blank line, or any text.

    Returns:
        Hits in text order; untyped ones have cue "shape" and confidence 0.
    """
    hits: list[NameHit] = []
    for group in _coordinated(text, name_spans(text)):
        cue = _group_cue(text, group)
        rescued = False  # whether a plain word of an "on" list was passed over
        for start, end, shaped in group:
            name = text[start:end]
            name_cue = cue
            if cue is not None and cue[0] == "on":
                shape_type = type_of_shape(name)
                if shape_type in (EntityType.MODEL, EntityType.METHOD):
                    cue = name_cue = None  # a list that holds a model names models
                elif not shaped:
                    # A plain capitalised word is no name the cue can vouch for, but the
                    # name-shaped ones listed with it still are: "evaluated on Avalinguo
                    # and Speechocean762" (not a bare acronym, as often a maker: "on
                    # Intel, AMD, and ARM platforms").
                    name_cue = None
                    rescued = True
                elif rescued and name.isalpha() and name.isupper():
                    name_cue = None
                elif shape_type is not None:
                    cue = name_cue = ("on", shape_type, 0.6, None)
            if name_cue is not None:
                hits.append(_new_tuple(NameHit, (start, end, name, name_cue[1], name_cue[2], name_cue[0], name_cue[3])))
            elif shaped:
                hits.append(_new_tuple(NameHit, (start, end, name, None, 0.0, "shape", None)))
            elif name.endswith(_NAME_HEAD_WORDS) and _NAME_HEAD.search(name):
                hits.append(
                    _new_tuple(NameHit, (start, end, name, EntityType.DATASET, 0.6, "name_head", None))
                )
    return hits


def _coordinated(text: str, spans: list[NameSpan]) -> Iterator[list[NameSpan]]:
    group: list[NameSpan] = []
    for span in spans:
        if group and _JOINER.fullmatch(text, group[-1][1], span[0]):
            group.append(span)
            continue
        if group:
            yield group
        group = [span]
    if group:
        yield group


def _group_cue(text: str, group: list[NameSpan]):
    """(cue, type, confidence, role) for a group of coordinated names, or None."""
    first, last = group[0], group[-1]
    start = first[0]
    right = text[last[1] : last[1] + 70]
    if len(group) == 1 and start <= 1 or start > 1 and text[start - 2 : start] == "\n\n":
        title = _title_cue(text, first)
        if title is not None:
            return title
    # The cues read from the left all end at the word just before the names, which most
    # often can end none of them (`_may_end_left_cue`): then the window is not split.
    window = text[start - 60 if start > 60 else 0 : start]
    if window[-1:] == "$" and _MATH_CLOSE.match(text, last[1]):
        window = window[:-1]  # "we introduce $\textbf{LLMScan}$", its markup out of the text read
    final = window.rsplit(None, 1)
    if len(group) == 1 and (text.startswith(_CONTEST_WORDS, last[1]) or text.endswith(_CONTEST_WORDS[1:], 0, last[1])):
        contest = contest_cue(text, start, last[1])  # before "our": "our CL4Health 2026 submission"
        if contest is not None:
            return contest
    left = window.split() if final and _ENDS_LEFT_CUE[final[-1]] else None
    if left:
        cue = _intro_cue(left, text, start)
        if cue is not None:
            return cue if cue[1] is not None else _typed_intro(cue, right, text[last[0] : last[1]], group)
    cue = _head_cue(right, text[last[0] : last[1]]) or _apposition_cue(right, single=len(group) == 1)
    if cue is None and window.endswith(": "):
        cue = _data_colon_cue(window)
    if cue is not None or not left:
        return cue
    return (_noun_before_cue(left, right) or _plural_noun_cue(text, left, group)
            or _on_cue(text, left, right))


# The words after (or ending) a contest's name that `contests.contest_cue` reads; the first
# only after one: "shared task", "our CL4Health 2026 submission".
_CONTEST_WORDS = (" submission", " shared task", " Challenge", " challenge", " Competition", " competition")


# Plural data nouns whose colon lists names of data: "on real and synthetic video benchmarks
# involving transparency: ClearPose, DREDS (CatKnown/CatNovel), and TransPhy3D-Test".
_DATA_PLURALS = {"benchmarks": EntityType.BENCHMARK, "datasets": EntityType.DATASET, "corpora": EntityType.DATASET}


def _data_colon_cue(window: str):
    """("list", type, ...) when a plural data noun stands among the last four words before
    the colon that opens the names, in the same clause, else None."""
    words = window[:-2].split()[-4:]
    for word in reversed(words):
        if word[-1:] in ",.;()" or word == "on":
            # "... benchmarks. Results:", "(datasets), ...": another clause; "three benchmarks
            # on problem-solving:", what they are about, not where the paper reports results.
            return None
        kind = _DATA_PLURALS.get(word.lower())
        if kind is not None:
            return ("list", kind, 0.75, None)
    return None


# The close of a math wrapper that held the whole name: "$LLMScan$, a ...", not "$Hy$brid"
# or "$Merge to Mix$" (a name cut short inside it).
_MATH_CLOSE = re.compile(r"\$(?![\w$])")


def _plural_noun_cue(text: str, left: list[str], group: list[NameSpan]):
    """Names right after a plural data noun are of its type, whatever follows them:
    "benchmarks LongBench and Needle-In-A-Haystack demonstrate"."""
    if left[-1] not in _PLURAL_DATA_NOUNS or _goes_past_and(text, group):
        return None
    return ("appos_before", TYPE_NOUNS[left[-1]], 0.75, None)


def _goes_past_and(text: str, group: list[NameSpan]) -> bool:
    """Whether a name follows the "and" that closed a list: "datasets WebVid2M and
    VideoCC3M, ReSpec attains ...", where ReSpec opens the main clause."""
    closed = False
    for before, after in zip(group, group[1:]):
        joiner = text[before[1] : after[0]]
        if closed:
            return True
        closed = " and " in f" {joiner} " or " or " in f" {joiner} "
    return False


def _typed_intro(cue, right: str, name: str, group: list[NameSpan]):
    """An introduction typed by the noun after the name, or by an apposition, when they
    give one: "we introduce the MUSE benchmark", "we present the Multi-Genre Natural
    Language Inference (MultiNLI) corpus", "we propose X, a new dataset"."""
    abbreviation = _ABBREVIATION_AFTER.match(right)
    after = right[abbreviation.end() :] if abbreviation else right
    typed = _head_cue(after, name) or _apposition_cue(right, single=len(group) == 1)
    if typed is None or typed[1] is EntityType.METHOD and type_of_shape(name) is EntityType.MODEL:
        return cue  # "the LayoutLMv2 architecture": a model's shape outranks a vague noun
    return (cue[0], typed[1], cue[2], cue[3])


# The short form a long name defines, between the name and its head noun: " (MultiNLI)".
_ABBREVIATION_AFTER = re.compile(r" \([^()\s]{1,20}\)")


def _may_end_left_cue(word: str) -> bool:
    """Whether a word can be the last before a name that `_intro_cue`, `_noun_before_cue`
    or `_on_cue` reads: a filler or modifier they skip, or a word they test first."""
    return word.lower() in _LEFT_CUE_WORDS or word.rstrip(",") in TYPE_NOUNS


# `_may_end_left_cue` of each word, remembered: the word before a name is most often one
# seen before ("the", "on", "and": 3,207 distinct of the 24,064 a first pass over 3,000
# abstracts asks about), and a remembered one is a dictionary look-up in C.
_ENDS_LEFT_CUE = Memo(_may_end_left_cue, limit=50_000)


def _title_cue(text: str, span: NameSpan):
    name = text[span[0] : span[1]]
    if text[span[1] : span[1] + 1] != ":" or " " in name or not SHAPED.search(name):
        return None
    line_end = text.find("\n", span[1])  # the title's end, without copying the text after it
    rest = text[span[1] : line_end if line_end != -1 else len(text)].lower()
    entity_type = next((t for words, t in _TITLE_CUES if any(w in rest for w in words)), None)
    return ("title", entity_type, 0.8, Role.INTRODUCES)


_TITLE_CUES = (
    (("benchmark", "evaluation", "leaderboard", "testbed", "arena"), EntityType.BENCHMARK),
    (("dataset", "corpus", "corpora", "treebank"), EntityType.DATASET),
    (("sampler", "solver", "method", "algorithm", "framework", "optimiz"), EntityType.METHOD),
    ((" model", " llm", "transformer", "network"), EntityType.MODEL),
)


def _intro_cue(left: list[str], text: str = "", start: int = 0):
    words = list(left)
    while words and words[-1].lower() in _INTRO_FILLERS:
        words.pop()
    if not words:
        return None
    if words[-1] in _CALLED or words[-1] == "as" and words[-2:-1] in (["to"], ["denoted"]):
        noun = next((w for w in reversed(words[-4:-1]) if w.strip(_PUNCT).lower() in TYPE_NOUNS), "")
        return ("called", TYPE_NOUNS.get(noun.strip(_PUNCT).lower()), 0.85, Role.INTRODUCES)
    verb = words[-1].lower()
    if verb not in _INTRO_VERBS:
        return None
    if len(words) > 2 and words[-2] in _JOIN_ADVERBS and words[-3] == "and":
        # "we compare ... and further propose PaQ-RT-DETR": as "and propose", with "we" in sight
        # ("Prior pipelines ... and then construct MathV360K" is another's).
        sentence = text.rfind(". ", 0, start) + 1
        if _WE.search(text, sentence, start) is None:
            return None
        words = [*words[:-2], words[-1]]
    if any(w.lower() in _INTRO_SUBJECTS for w in words[-4:-1]) or (
        verb.endswith("s") and len(words) > 1 and words[-2].lower() in _CONTRIBUTION_SUBJECTS) or (
        len(words) > 1 and words[-2].lower() in _JOINED_VERB_BEFORE
        and (words[-2] == "and" and not verb.endswith(("s", "ed")) or any(w.lower() == "we" for w in words[:-2])
             or words[-2] == "and" and verb.endswith("s") and _the_paper_before(text, start))
        and (words[-2].lower() == "by") == verb.endswith("ing")
    ):
        return ("intro", None, 0.85, Role.INTRODUCES)
    return None


_WE = re.compile(r"\b[Ww]e\b")
# The paper as a subject: "This paper", "our study".
_THE_PAPER = re.compile(r"\b(?:[Tt]his|[Oo]ur) (?:paper|work|study|article|report)\b")


def _the_paper_before(text: str, start: int) -> bool:
    """Whether the paper is the subject of the sentence before `start`, of a verb in "s"
    that "and" joins to it: "This paper introduces the privacy erasure task for RAG and
    proposes Eraser4RAG" (arXiv 2504.09910)."""
    sentence = text.rfind(". ", 0, start) + 1
    return _THE_PAPER.search(text, sentence, start) is not None


def _head_cue(right: str, name: str = ""):
    if not right.startswith(" "):
        return None
    words = right.split(None, 1)
    noun = words[0].rstrip(_PUNCT) if words else ""
    if noun.islower() and noun in TYPE_NOUNS and not right[1 + len(noun) : 2 + len(noun)] == "-":
        return ("head", TYPE_NOUNS[noun], 0.8, None)
    if right[1:5] in _SPLIT_OR_DATA_STARTS and (
        _SPLIT_HEAD.match(right) or (_DATA_HEAD.match(right) and _names_data(name))
    ):
        return ("head", EntityType.DATASET, 0.75, None)
    if name.endswith("Net") and _NET_DATA_HEAD.match(right):
        return ("head", EntityType.DATASET, 0.6, None)
    modified = (
        len(words) > 1 and words[1][:4] in _DATA_NOUN_STARTS and _MODIFIED_DATA_HEAD.match(right)
    )
    if modified and modified.group(1) not in _NOT_MODIFIERS:
        return ("head", TYPE_NOUNS[modified.group(2)], 0.7, None)
    return None


# "ImageNet classification", "ImageNet pre-training": a "-Net" name that images are
# classified on or a model pretrained on is a dataset (in 30,000 corpus abstracts, 19 of
# 21 such phrases; "ResNet-18 classification" keeps its version, so is not read here).
_NET_DATA_HEAD = re.compile(r" (?:classification|pretraining|pre-training)\b")


# "the AMI meeting corpus", "the Twitter keyword dataset": one word between a name and
# the noun that types it, for data nouns only ("the BERT pretraining objective" is not).
_MODIFIED_DATA_HEAD = re.compile(
    r" ([a-z]+) (dataset|datasets|corpus|corpora|treebank|benchmark|benchmarks)\b(?!-)"
)
_NOT_MODIFIERS = frozenset(
    "and or of the a an with to in for as on from by at is are was were we our its their "
    "this that new other large small public".split()
)

# "the NIST MT08 test set", "the TAC 2008 data set": a split of something is a dataset.
_SPLIT_HEAD = re.compile(
    r" (?:(?:test|testing|training|train|dev|development|evaluation|validation|held-out)"
    r" (?:sets?|data|datasets?|splits?|collections?)|data[ -]?sets?|testsets?)\b"
)
# "WMT09 data", "the TAC 2008 data": a bare "data" names a dataset only after a name
# carrying a year or a number ("EEG data" and "RGB data" are modalities).
_DATA_HEAD = re.compile(r" data\b")
# ... or after a one-word camel-case name, a source of data ("filtered CommonCrawl data",
# "YouTube data"); not after an acronym or a capitalised word ("EEG data", "English data").
_CAMEL_WORD = re.compile(r"[A-Z]?[a-z]+[A-Z][A-Za-z]*")


def _names_data(name: str) -> bool:
    """Whether "NAME data" makes NAME a dataset: it carries a number, or is camel-cased."""
    return any(c.isdigit() for c in name) or _CAMEL_WORD.fullmatch(name) is not None
# How the heads above start, their first four letters: `_head_cue` tries a regex only
# where its words can be (the word after a name, or the one after that).
_SPLIT_OR_DATA_STARTS = frozenset(("test", "trai", "dev ", "deve", "eval", "vali", "held", "data"))
_DATA_NOUN_STARTS = frozenset("data corp tree benc".split())


def _apposition_cue(right: str, single: bool):
    if right[:1] not in _APPOSITION_FIRST or not single:
        return None
    if right[:1] == " " and right[1:2] not in _APPOSITION_FIRST:
        return None  # " word": what follows the spaces is no mark and no "is" (most names)
    stripped = right.lstrip(" ")
    if not stripped[:1] in (",", "-", "—", ":") and not stripped.startswith("is "):
        return None
    words = stripped.lstrip(",-—: ").split()
    if words and words[0] == "is":
        words = words[1:]
    if not words or words[0] not in DETERMINERS:
        return None
    for word in words[1:8]:
        noun = word.rstrip(_PUNCT)
        if noun.lower() in TYPE_NOUNS and (noun.islower() or noun[:1].isupper()):
            return ("appos_after", TYPE_NOUNS[noun.lower()], 0.8, None)
        if word[-1:] in _PUNCT:
            return None
    return None


# What an apposition's right side starts with: spaces, one of its marks, or "is".
_APPOSITION_FIRST = frozenset(" ,-—:i")


def _noun_before_cue(left: list[str], right: str):
    if not left:
        return None
    last = left[-1]
    if last.rstrip(",").islower() and last.rstrip(",") in TYPE_NOUNS and (
        last.endswith(",") or right[:1] in _PUNCT or right[:1] == " "
    ):
        if last.endswith(",") or right[:1] in ",.;:)":
            return ("appos_before", TYPE_NOUNS[last.rstrip(",")], 0.75, None)
    if last.lower() in _LIST_OPENERS or last in ("e.g.,", "(e.g.,"):
        noun = next((w.strip(_PUNCT) for w in reversed(left[-4:-1]) if w.strip(_PUNCT) in TYPE_NOUNS), None)
        if noun is not None:
            return ("list", TYPE_NOUNS[noun], 0.75, None)
    return None


def _on_cue(text: str, left: list[str], right: str):
    words = list(left)
    while words and words[-1].lower() in _ON_MODIFIERS:
        words.pop()
    if not words or words[-1] not in ("on", "On") or (len(words) > 1 and words[-2] in _NOT_BEFORE_ON):
        return None
    follower = right.split(None, 1)[0].lower() if right.strip() else ""
    if right[:1].isalnum():
        return None
    if follower.isalpha() and follower not in _ON_FOLLOWERS and right[:1] == " " and not (
        len(words) > 1 and words[-2].lower() in _EXPERIMENT_NOUNS and follower in _REPORT_VERBS
        or len(words) > 2 and _SCORE.fullmatch(words[-3]) is not None and words[-2].isalpha()
    ):
        return None
    return ("on", EntityType.DATASET, 0.6, None)


# A score and its metric just before "on" ("+17.6% mIoU on VSPW video scene parsing") say the
# name is what it was scored on, whatever noun follows it (a bare "0.33% on X" is as often a
# model improved: "0.51% and 0.33% on LLaMA-MoE and Qwen-MoE respectively").
_SCORE = re.compile(r"[+-]?\d+(?:\.\d+)?%?")
# "Experiments on ExoEgo4D validate that ...": experiments name what they ran on even when a
# verb follows the name (elsewhere a verb after "on X" most often means X is no data name).
_EXPERIMENT_NOUNS = frozenset("experiments evaluations evaluation results".split())
_REPORT_VERBS = frozenset(
    "show shows showed demonstrate demonstrates demonstrated validate validates validated "
    "confirm confirms confirmed reveal reveals revealed indicate indicates verify verifies "
    "highlight highlights prove".split()
)


# Plural data nouns right before names are their class, whatever follows the names.
_PLURAL_DATA_NOUNS = frozenset("benchmarks datasets corpora leaderboards".split())
_ON_FOLLOWERS = frozenset(
    """and or with for to in using by under at as from while when which where than but compared
    test validation dev dataset datasets benchmark benchmarks split splits task tasks""".split()
)


def listed_with(text: str, hits: list[NameHit], index: int) -> Iterator[int]:
    """The positions in `hits` of the other hits in one list with `hits[index]`, nearest
    first on each side ("FUNSD (0.79), CORD (0.95), SROIE (0.95) and DocVQA": all four for
    any of them). A list ends at the name after its "and" or "or": in "Across EmoBench,
    SECEU, and EQ-Bench, RECAP improves ...", RECAP opens the main clause."""
    before = index
    while before > 0 and _continues(text, hits, before - 1):
        before -= 1
        yield before
    after = index
    while after + 1 < len(hits) and _continues(text, hits, after):
        after += 1
        yield after


def _continues(text: str, hits: list[NameHit], position: int) -> bool:
    """Whether `hits[position + 1]` is listed after `hits[position]`, in the same list."""
    if not _JOINER.fullmatch(text, hits[position].end, hits[position + 1].start):
        return False
    if position == 0 or not _JOINER.fullmatch(text, hits[position - 1].end, hits[position].start):
        return True
    joiner = f" {text[hits[position - 1].end : hits[position].start]} "
    return " and " not in joiner and " or " not in joiner  # else hits[position] closed the list


def typed_hits(hits: list[NameHit]) -> Iterator[NameHit]:
    """The hits (of `find_context_names`) that a context cue typed or introduced."""
    for hit in hits:
        if hit.cue == "shape":
            continue
        if hit.type is not None:
            yield hit  # already typed: the hit itself, not an equal copy
            continue
        entity_type = type_of_shape(hit.text)
        yield NameHit(hit.start, hit.end, hit.text, entity_type, hit.confidence, hit.cue, hit.role)
