"""Name-shaped words no cue typed, typed as data where the sentence scores something on them.

`context_names.py` types a name after "on" as a dataset only when what follows the name is
punctuation, a joiner or a data noun ("on CIFAR10, ...", "on FFHQ and LSUN"): elsewhere a verb
after "on X" most often makes X no data name. What the gold's misses show is the other case,
a name that no list knows, in a sentence that reports a number the paper measured on it:

- "achieves the best budgeted answer quality on LoCoMo reading 68% fewer tokens" (test4);
- "transfers zero-shot to 512 unseen high-interaction real scenarios in exiD, achieving a
  96.3% success rate" (arXiv 2604.16406).

A third place is a list of tasks an evaluation opens, each with its data in parentheses:
"Extensive experiments on 3D action recognition (HDM05, FPHA), EEG classification
(MAMEM-SSVEPII), and graph tasks demonstrate ..." (arXiv 2511.08628).

Such a word stays untyped and is dropped (`names/unlisted.py`), so no role rule can reach it.
Here a single word of that kind is typed DATASET

- when "on" (perhaps with "the") stands right before it, the sentence holds a score (a
  percentage, or "from A to B"), and what follows it ends its noun phrase: punctuation, a
  preposition or conjunction, or an -ing verb and the score ("reading 68% fewer"); a noun
  after it makes it a word of another phrase ("on ICD-10 coding");
- when "in" stands before it and ", achieving" (or another verb of result) right after it;
- when it is listed in parentheses right after a lower-case task noun, in such a list of
  tasks, and is not the task's short form ("image-to-text (I2T)") nor followed by a model or
  task noun ("cutting-edge (ConvMixer) models").

On 20,000 corpus abstracts this types 15 words, 12 of them data (data/roles/README.md, Round 24).
"""

from __future__ import annotations

import re

from paperkg.graph.records import EntityType

# "on", with an article or a data-set adjective between: "on LoCoMo", "on the challenging
# VIPL-HR"; not "in" ("a 6.1% increase in NTA-IoU", "12.10% in SA": the metric a score is in),
# nor a speed "on" a device ("28% to 46% end-to-end speedup on B200").
_SLOT_BEFORE = re.compile(
    r"(?<![\w-])on\s+(?:the\s+)?(?:(?:challenging|standard|public|popular)\s+)?\Z")
# "in" only with a clause of result right after the name: "real scenarios in exiD, achieving a
# 96.3% success rate" (a score is more often "in" its metric: "a 6.1% increase in NTA-IoU").
_IN_BEFORE = re.compile(r"(?<![\w-])in\s+\Z")
_RESULT_AFTER = re.compile(r",\s+(?:achiev|attain|obtain|reach|yield|outperform|surpass)\w*ing\b")
_SPEED_BEFORE = re.compile(r"(?:speed-?ups?|fps|FPS|latency|throughput|faster|\w/s)\)?\s+on\s+(?:the\s+)?\Z")
# A score the paper measured, in the same sentence: "68% fewer", "a 96.3% success rate",
# "from 52.27 to 62.69".
_SCORE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*\\?%|\bfrom\s+\d+(?:\.\d+)?\s+to\s+\d+(?:\.\d+)?\b")
# What may follow the name: punctuation, or a word that ends its noun phrase ("on DWD over
# baselines"); or an -ing verb and the score ("on LoCoMo reading 68% fewer tokens"). A noun
# after it makes it a word of another phrase ("on ICD-10 coding", "on LLM-system extensions").
_FOLLOWERS = frozenset(
    """and or over with by for while when than compared using without across under at where
    which whereas but""".split())
_VERB_AND_SCORE = re.compile(r"\s+[a-z]+ing\s+(?:\S+\s+)?(?:by\s+)?\d")
# Data in parentheses after the task it is evaluated on, in a list an evaluation opens:
# "Extensive experiments on 3D action recognition (HDM05, FPHA), EEG classification
# (MAMEM-SSVEPII), and graph tasks demonstrate ..." (arXiv 2511.08628), "Experiments on
# mathematical reasoning (CAP-GSM8K) and causal judgment (CausalL2) reveal ...".
_EVALUATION_ON = re.compile(
    r"\b(?:[Ee]xperiments?|[Ee]valuat\w*|[Rr]esults|[Tt]ested|[Tt]esting)\b[^.;()]{0,40}?\b(?:on|across)\s")
_GROUP = re.compile(r"\([^()]{0,80}\)")
_TASK_WORD = re.compile(r"[\w-]+,?|,|and")
# Words that make what stands before the parenthesis a clause, not a list of tasks: "results on
# long-text tasks, but the limited GPU memory (VRAM)", "... demonstrate that our proposed
# synthesizer with energy and entropy learning (DiffEEL) serves".
_CLAUSE_WORDS = frozenset("the a an that which while whereas but our we is are was were has have".split())
# A head after the parenthesis that makes its names another kind: "on both classical (ResNet)
# and cutting-edge (ConvMixer) models", "understanding (MMU) and generation (MMG) tasks".
_OTHER_HEADS = frozenset(
    "model models method methods approach approaches architecture architectures backbone backbones "
    "network networks task tasks module modules framework frameworks".split())
_LISTED_IN_PARENTHESES = re.compile(r"(?:[\w.+-]+(?:,\s+(?:and\s+)?|\s+and\s+))*\Z")
_LISTED_AFTER = re.compile(r"(?:(?:,\s+(?:and\s+)?|\s+and\s+)[\w.+-]+)*\)")
_LOWER_SUFFIX = re.compile(r"-[a-z]+\Z")
_SENTENCE_STOP = re.compile(r"[.;!?](?:\s|$)")
_REACH = 200  # characters read on each side of the name for the score


def scored_data_type(text: str, start: int, end: int) -> EntityType | None:
    """DATASET when the single name-shaped word at text[start:end] stands after "on" in a
    sentence that reports a score, and what follows ends its noun phrase; else None."""
    name = text[start:end]
    if not name[:1].isalpha() or " " in name or _LOWER_SUFFIX.search(name):
        return None  # "60m", a span of words, a compound adjective ("MedImageInsight-derived")
    if _listed_after_a_task(text, start, end):
        return EntityType.DATASET
    if _SLOT_BEFORE.search(text, max(0, start - 40), start) is None and not (
            _IN_BEFORE.search(text, max(0, start - 10), start) and _RESULT_AFTER.match(text, end)):
        return None
    if _SPEED_BEFORE.search(text, max(0, start - 40), start) is not None:
        return None
    after = text[end : end + 1]
    if after.isalnum() or after in "-'\u2019":
        return None  # a compound ("MedImageInsight-derived") or a possessive
    if after.isspace():
        follower = text[end:].split(None, 1)[0]
        if follower not in _FOLLOWERS and _VERB_AND_SCORE.match(text, end) is None:
            return None
    left = text[max(0, start - _REACH) : start]
    stops = list(_SENTENCE_STOP.finditer(left))
    left = left[stops[-1].end() :] if stops else left
    right = text[end : end + _REACH]
    stop = _SENTENCE_STOP.search(right)
    right = right[: stop.start()] if stop else right
    if _SCORE.search(left) is None and _SCORE.search(right) is None:
        return None
    return EntityType.DATASET


def _listed_after_a_task(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] is listed in parentheses right after a lower-case
    task noun ("action recognition (HDM05, FPHA)"), in a list of tasks that an evaluation
    opens ("Extensive experiments on ...") in the same sentence."""
    opening = text.rfind("(", max(0, start - 60), start)
    if opening < 0 or _LISTED_IN_PARENTHESES.fullmatch(text, opening + 1, start) is None:
        return False
    closing = _LISTED_AFTER.match(text, end)
    if closing is None:
        return False
    if opening + 1 == start and closing.end() == end + 1 and _abbreviates(text[start:end], text[:opening]):
        return False  # "image-to-text (I2T)", "curricula vitae (CVs)": the task's short form
    follower = text[closing.end() : closing.end() + 30].split(None, 1)
    if follower and follower[0].strip(",.;:") in _OTHER_HEADS:
        return False
    left = text[max(0, opening - _REACH) : opening + 1]
    stops = list(_SENTENCE_STOP.finditer(left))
    left = left[stops[-1].end() :] if stops else left
    evaluation = None
    for evaluation in _EVALUATION_ON.finditer(left):
        pass
    if evaluation is None:
        return False
    words = _GROUP.sub(" ", left[evaluation.end() : -1]).split()
    return bool(words) and words[-1][:1].islower() and all(
        _TASK_WORD.fullmatch(w) and w.lower() not in _CLAUSE_WORDS for w in words)


def _abbreviates(word: str, before: str) -> bool:
    """Whether a short word alone in parentheses may be the short form of the words before
    it: at most five letters, its first letter opening one of the last four words
    ("mean reprojection error (mRPD)"); a data name is rarely that short and that placed."""
    letters = [c for c in word if c.isalpha()]
    if not letters or len(letters) > 5:
        return False
    initials = {w[:1].lower() for w in before.replace("-", " ").split()[-4:]}
    return letters[0].lower() in initials
