"""Span scoring: strict and partial matching, per type, micro-averaged, and type-blind.

- strict: a prediction is right when its span (start and end) and its type equal a gold
  entity's (the CoNLL-2003 / SemEval-2013 "strict" measure);
- partial: a prediction is right when it overlaps a gold entity of the same type by at
  least one character. Gold and predictions are paired one to one, greedily, largest
  overlap first, so one long prediction never counts for two gold entities;
- type-blind: the same two measures on spans alone, so that a found but mistyped name
  shows up as a typing problem, not as a miss. Spans carrying two types in the gold
  (GSAP-NER marks "XNLI" both Dataset and Task) count once here.

Within a document, identical (start, end, type) spans count once on either side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from paperkg.graph.records import EntityType

_TYPE_ORDER = {kind: index for index, kind in enumerate(EntityType)}


@dataclass(frozen=True)
class Span:
    """A typed character span of one document, on the gold or the predicted side."""

    doc_id: str
    start: int
    end: int
    type: EntityType
    text: str = ""

    def overlap(self, other: Span) -> int:
        """How many characters this span shares with another (0 when disjoint)."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))


@dataclass
class Counts:
    """True positives, false positives and false negatives, and the measures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        """How many gold entities were to be found."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        """Share of predictions that are right (0.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold entities found (0.0 when there were none)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, other: Counts) -> None:
        """Add another tally into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


def match_strict(
    gold: Sequence[Span], predicted: Sequence[Span], typed: bool = True
) -> list[tuple[int, int]]:
    """Pair predictions with gold entities of exactly the same span (and type, if typed).

    Returns:
        `(predicted_index, gold_index)` pairs, each index used at most once.
    """
    free: dict[tuple, list[int]] = {}
    for index, span in enumerate(gold):
        free.setdefault(_strict_key(span, typed), []).append(index)
    pairs = []
    for index, span in enumerate(predicted):
        waiting = free.get(_strict_key(span, typed))
        if waiting:
            pairs.append((index, waiting.pop(0)))
    return pairs


def match_partial(
    gold: Sequence[Span], predicted: Sequence[Span], typed: bool = True
) -> list[tuple[int, int]]:
    """Pair overlapping predictions and gold entities (of the same type, if typed).

    Greedy by overlap: the pair sharing the most characters is taken first; ties go to
    the earlier prediction, then the earlier gold entity.

    Returns:
        `(predicted_index, gold_index)` pairs, each index used at most once.
    """
    candidates = [
        (-p.overlap(g), pi, gi)
        for pi, p in enumerate(predicted)
        for gi, g in enumerate(gold)
        if p.overlap(g) > 0 and (not typed or p.type == g.type)
    ]
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, pi, gi in sorted(candidates):
        if pi not in used_predicted and gi not in used_gold:
            used_predicted.add(pi)
            used_gold.add(gi)
            pairs.append((pi, gi))
    return pairs


def _strict_key(span: Span, typed: bool) -> tuple:
    return (span.start, span.end, span.type) if typed else (span.start, span.end)


def unique_spans(spans: Iterable[Span], typed: bool = True) -> list[Span]:
    """Spans in first-seen order with repeats of the same (start, end[, type]) dropped."""
    seen: set[tuple] = set()
    kept = []
    for span in spans:
        key = _strict_key(span, typed)
        if key not in seen:
            seen.add(key)
            kept.append(span)
    return kept


@dataclass(frozen=True)
class DocumentOutcome:
    """How one document scored: its deduplicated spans and which of them matched."""

    gold: tuple[Span, ...]
    predicted: tuple[Span, ...]
    strict: tuple[tuple[int, int], ...]
    partial: tuple[tuple[int, int], ...]

    def strict_false_positives(self) -> list[Span]:
        """Predictions with no gold entity of exactly their span and type."""
        matched = {pi for pi, _ in self.strict}
        return [span for i, span in enumerate(self.predicted) if i not in matched]

    def strict_misses(self) -> list[Span]:
        """Gold entities no prediction matched exactly."""
        matched = {gi for _, gi in self.strict}
        return [span for i, span in enumerate(self.gold) if i not in matched]


@dataclass
class Scoreboard:
    """Per-type tallies of strict and partial matching, and type-blind tallies of both."""

    strict: dict[EntityType, Counts] = field(default_factory=dict)
    partial: dict[EntityType, Counts] = field(default_factory=dict)
    blind_strict: Counts = field(default_factory=Counts)
    blind_partial: Counts = field(default_factory=Counts)

    def add_types(self, types: Iterable[EntityType]) -> None:
        """Make sure each type has a row, even one with no gold and no prediction."""
        for kind in types:
            self.strict.setdefault(kind, Counts())
            self.partial.setdefault(kind, Counts())

    def add_document(self, gold: Iterable[Span], predicted: Iterable[Span]) -> DocumentOutcome:
        """Score one document's gold against its predictions and add to the tallies."""
        gold, predicted = unique_spans(gold), unique_spans(predicted)
        self.add_types(span.type for span in [*gold, *predicted])
        outcome = DocumentOutcome(
            tuple(gold),
            tuple(predicted),
            tuple(match_strict(gold, predicted)),
            tuple(match_partial(gold, predicted)),
        )
        _tally_by_type(self.strict, gold, predicted, outcome.strict)
        _tally_by_type(self.partial, gold, predicted, outcome.partial)
        blind_gold, blind_predicted = unique_spans(gold, False), unique_spans(predicted, False)
        self.blind_strict.add(
            _tally(blind_gold, blind_predicted, match_strict(blind_gold, blind_predicted, False))
        )
        self.blind_partial.add(
            _tally(blind_gold, blind_predicted, match_partial(blind_gold, blind_predicted, False))
        )
        return outcome

    def types(self) -> list[EntityType]:
        """The types with a row, in EntityType order."""
        return sorted(self.strict, key=_TYPE_ORDER.__getitem__)

    def micro(self, mode: str) -> Counts:
        """The sum over types of `mode` ("strict" or "partial")."""
        total = Counts()
        for counts in self.by_mode(mode).values():
            total.add(counts)
        return total

    def by_mode(self, mode: str) -> dict[EntityType, Counts]:
        """The per-type tallies of "strict" or "partial" matching."""
        if mode not in ("strict", "partial"):
            raise ValueError(f"mode must be 'strict' or 'partial', not {mode!r}")
        return self.strict if mode == "strict" else self.partial


def _tally(
    gold: Sequence[Span], predicted: Sequence[Span], pairs: Sequence[tuple[int, int]]
) -> Counts:
    """Counts of one matching: every pair is a hit, the rest are false positives or misses."""
    return Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))


def _tally_by_type(
    table: dict[EntityType, Counts],
    gold: Sequence[Span],
    predicted: Sequence[Span],
    pairs: Sequence[tuple[int, int]],
) -> None:
    """Add one typed matching to per-type counts (a pair always joins spans of one type)."""
    for _, gi in pairs:
        table[gold[gi].type].tp += 1
    matched_predicted = {pi for pi, _ in pairs}
    matched_gold = {gi for _, gi in pairs}
    for index, span in enumerate(predicted):
        if index not in matched_predicted:
            table[span.type].fp += 1
    for index, span in enumerate(gold):
        if index not in matched_gold:
            table[span.type].fn += 1
