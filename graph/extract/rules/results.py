"""Reported numbers: "93% on CIFAR10", "10.38 FID (NFE=5) on FFHQ", "an accuracy of 87.8%".

Two shapes of sentence are read, both on the raw text:

- value first: `VALUE [UNIT] [METRIC] [(settings)] on [the] [one or two words] TARGET`,
  where TARGET is a dataset or benchmark mention that starts there;
- metric first: `[a|an] METRIC of [less than|over|...] VALUE [UNIT]`, whose target is
  the nearest dataset or benchmark mention of the same sentence.

A result needs a target: "a ranking accuracy of less than 60% on common preference
datasets" names no dataset, so it gives no result. The model is the nearest model
mention before the value in the same sentence, when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paperkg.graph.extract.text.sentences import SentenceIndex
from paperkg.graph.records import EntityType

_NUMBER = r"(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<unit>%|pp\b|points?\b|×|x\b)?"
_METRIC_WORDS = (
    r"(?:top-\d+ )?accuracy|F1(?:[- ]score)?|FID|IS|BLEU(?:-\d)?|ROUGE(?:-[\w]+)?|METEOR|MSE|MAE|RMSE|"
    r"AUC|AUROC|mAP|IoU|mIoU|EM|exact match|perplexity|PPL|precision|recall|error(?: rate)?|"
    r"WER|CER|success rate|win rate|pass@\d+|score|Spearman|Pearson|NDCG(?:@\d+)?|MRR|PSNR|SSIM|LPIPS"
)
_VALUE_FIRST = re.compile(
    rf"{_NUMBER}(?:\s+(?P<metric>{_METRIC_WORDS}))?(?:\s*\([^()]{{0,40}}\))?"
    rf"\s+(?:on|in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?(?=[A-Z0-9])"
)
_RUN_START = re.compile(r"\d(?<!\d\d)")  # the first digit of a run of digits
_BOUND = (
    r"(?:less|more|fewer|greater|lower|higher) than\s+|over\s+|up to\s+|about\s+|nearly\s+|"
    r"around\s+|approximately\s+|only\s+|just\s+"
)
# `[\w-]*+` never gives back what it took (the \s+ after it could not use it): without
# that, every word would be re-tried from each of its letters.
_METRIC_FIRST = re.compile(
    rf"(?P<metric>(?:[a-z][\w-]*+\s+)?(?:{_METRIC_WORDS}))\s+of\s+(?P<bound>{_BOUND})?{_NUMBER}"
)
# Where a metric-first match can end its metric: before " of NUMBER". Tried at every
# position of a text, `_METRIC_FIRST` costs more than the rest of this module; tried only
# just before these places (see `_metric_first`), it costs next to nothing. The " of" is
# found by its letters (a literal prefix re searches for in C); the anchor is the space.
_OF_NUMBER = re.compile(rf"of(?<=\sof)(?=\s+(?:{_BOUND})?\d)")
# Characters a metric phrase (`[a-z][\w-]*` and `_METRIC_WORDS`) can hold; a metric
# starts after the last other character before its " of".
_METRIC_CHARS = re.compile(r"[\w\s@-]*")
# A metric word right before an " of" that ends the searched text: without one, no
# metric-first match ends its metric there.
_METRIC_BEFORE_OF = re.compile(rf"(?:{_METRIC_WORDS})\s+of\Z")
_TARGETS = (EntityType.DATASET, EntityType.BENCHMARK)


@dataclass(frozen=True, slots=True)
class Span:
    """A resolved mention as the result finder needs it."""

    start: int
    end: int
    type: EntityType
    entity_id: str


@dataclass(frozen=True, slots=True)
class FoundResult:
    """A reported number with its span and what it is about."""

    start: int
    end: int
    entity_id: str
    metric: str | None
    value: float
    unit: str | None
    model_id: str | None


def find_results(text: str, mentions: list[Span], sentences: SentenceIndex) -> list[FoundResult]:
    """Every reported number of `text` that has a dataset or benchmark target.

    Args:
        text: the field.
        mentions: its resolved mentions, in text order.
        sentences: the sentence index of `text`.
    """
    runs = _digit_runs(text)
    if not runs:
        return []
    data = [m for m in mentions if m.type in _TARGETS]
    if not data:
        return []
    # One number, one result, keyed by where its value starts: "an accuracy of 87.8% on
    # RewardBench" is read both ways, and the two readings complete each other.
    found: dict[int, FoundResult] = {}
    for match in _value_first(text, runs):
        target = next((m for m in data if m.start == match.end()), None)
        if target is not None:
            found[match.start("value")] = _result(match, target, mentions, sentences, target.end)
    for match in _metric_first(text):
        value_start = match.start("value")
        if value_start in found:
            found[value_start] = _with_metric(found[value_start], match)
            continue
        sentence_start, sentence_end = sentences.span_at(match.start())
        near = [m for m in data if sentence_start <= m.start < sentence_end]
        if near:
            target = min(near, key=lambda m: abs(m.start - match.start()))
            found[value_start] = _result(match, target, mentions, sentences, match.end())
    return sorted(found.values(), key=lambda r: r.start)


def _digit_runs(text: str) -> list[int]:
    """Where each run of digits (`\\d+`) of `text` starts, in order. In ASCII text the
    digits are found with `str.find`, which looks for one character many times faster
    than re skips to a character set."""
    if not text.isascii():
        return [match.start() for match in _RUN_START.finditer(text)]
    digits = []
    for digit in "0123456789":
        at = text.find(digit)
        while at >= 0:
            digits.append(at)
            at = text.find(digit, at + 1)
    digits.sort()
    return [at for at in digits if not text[at - 1 : at].isdigit()]


def _value_first(text: str, runs: list[int]) -> list[re.Match]:
    """What `_VALUE_FIRST.finditer(text)` finds, given where `text`'s runs of digits start.

    A match starts with a digit and takes the rest of its run (nothing after the leading
    digits in the pattern can begin with a digit), so a match from inside a run is a
    match from the run's start too, which is tried first: the starts of runs, tried in
    order from where the last match ended, are enough.
    """
    found: list[re.Match] = []
    end = 0
    for start in runs:
        if start >= end and (match := _VALUE_FIRST.match(text, start)) is not None:
            found.append(match)
            end = match.end()
    return found


def _with_metric(result: FoundResult, match: re.Match) -> FoundResult:
    """A value-first result widened to the metric-first reading of the same number."""
    return FoundResult(
        start=min(result.start, match.start()),
        end=max(result.end, match.end()),
        entity_id=result.entity_id,
        metric=result.metric or _metric_name(match),
        value=result.value,
        unit=result.unit or match.group("unit"),
        model_id=result.model_id,
    )


def _metric_name(match: re.Match) -> str | None:
    metric = match.group("metric")
    return re.sub(r"^(?:an?|the|our|its)\s+", "", metric.strip()) or None if metric else None


def _metric_first(text: str) -> list[re.Match]:
    """What `_METRIC_FIRST.finditer(text)` finds, trying only positions that can start a match.

    A match's metric ends before an " of NUMBER" and holds only `_METRIC_CHARS`, so it
    starts within the run of those characters that ends there, from where the last match
    ended, as `finditer` tries them. When a metric word ends right before the " of", a
    match starts at that word at the latest, so a search from the run's start finds the
    first; when none does, no match starts in the run.
    """
    found: list[re.Match] = []
    end = 0
    for anchor in _OF_NUMBER.finditer(text):
        stop = anchor.start() - 1  # the space before "of"
        if stop < end:
            continue
        start = stop - _METRIC_CHARS.match(text[end:stop][::-1]).end()
        if _METRIC_BEFORE_OF.search(text, start, anchor.end()) is not None:
            match = _METRIC_FIRST.search(text, start)
            found.append(match)
            end = match.end()
    return found


def _result(match, target: Span, mentions: list[Span], sentences: SentenceIndex, end: int) -> FoundResult:
    sentence_start, _ = sentences.span_at(match.start())
    models = [
        m for m in mentions
        if m.type is EntityType.MODEL and sentence_start <= m.start and m.end <= match.start()
    ]
    return FoundResult(
        start=match.start(),
        end=max(end, match.end()),
        entity_id=target.entity_id,
        metric=_metric_name(match),
        value=float(match.group("value").replace(",", "")),
        unit=match.group("unit"),
        model_id=models[-1].entity_id if models else None,
    )
