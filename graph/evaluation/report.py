"""What `paperkg eval` prints: a text table, JSON, and a listing of errors in context."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from paperkg.graph.evaluation.scoring import Counts, DocumentOutcome, Scoreboard, Span

MODES = ("strict", "partial")
_CONTEXT_CHARS = 40


@dataclass(frozen=True)
class ErrorCase:
    """A strict false positive or miss, with the text around it and what it overlapped.

    `kind` is "false positive" or "miss"; `note` says what the other side had there
    ("gold: METHOD 'BERT'"), which tells a typing error from a boundary error.
    """

    kind: str
    doc_id: str
    start: int
    end: int
    type: str
    text: str
    context: str
    note: str

    def to_json(self) -> dict[str, Any]:
        """This case as a JSON-ready dict."""
        return dict(self.__dict__)

    def __str__(self) -> str:
        label = "FP  " if self.kind == "false positive" else "MISS"
        return (
            f"{label} {self.type:<9} {self.text!r} [{self.doc_id} {self.start}-{self.end}]"
            f" ({self.note})\n      {self.context}"
        )


def describe_errors(text: str, outcome: DocumentOutcome, doc_id: str) -> list[ErrorCase]:
    """The strict false positives and misses of one document, in text order."""
    cases = [
        _error_case("false positive", span, text, doc_id, outcome.gold, "gold")
        for span in outcome.strict_false_positives()
    ]
    cases += [
        _error_case("miss", span, text, doc_id, outcome.predicted, "predicted")
        for span in outcome.strict_misses()
    ]
    return sorted(cases, key=lambda case: (case.start, case.end, case.kind))


def _error_case(kind: str, span: Span, text: str, doc_id: str, others, side: str) -> ErrorCase:
    overlapping = [other for other in others if other.overlap(span) > 0]
    note = (
        "; ".join(f"{side}: {o.type.value} {o.text!r}" for o in overlapping)
        or f"no {side} span here"
    )
    return ErrorCase(
        kind,
        doc_id,
        span.start,
        span.end,
        span.type.value,
        span.text,
        show_in_context(text, span.start, span.end),
        note,
    )


def show_in_context(text: str, start: int, end: int, width: int = _CONTEXT_CHARS) -> str:
    """`...left [[span]] right...` on one line, `width` characters either side."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    prefix = "..." if start > width else ""
    suffix = "..." if end + width < len(text) else ""
    shown = f"{prefix}{left}[[{text[start:end]}]]{right}{suffix}"
    return " ".join(shown.split())


@dataclass
class EvaluationReport:
    """The scores of one extractor on one gold file, and its errors.

    `unscored` counts predictions of types the gold does not annotate (for example
    METRIC against GSAP-NER); they are neither right nor wrong there. `extraction` says
    which path of the extractor was measured (per text, or the ingestion path);
    `span_conventions` counts the documents scored on bare names and on noun phrases.
    """

    name: str
    documents: int
    scores: Scoreboard
    cases: list[ErrorCase] = field(default_factory=list)
    unscored: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    extraction: str = "per text, extract_text"
    span_conventions: Counter = field(default_factory=Counter)

    @property
    def spans(self) -> str:
        """The span convention scored: "name", "phrase", or both with their counts."""
        if len(self.span_conventions) == 1:
            return next(iter(self.span_conventions))
        return ", ".join(f"{name} ({n} documents)" for name, n in sorted(self.span_conventions.items()))

    def to_json(self, errors: int = 0) -> dict[str, Any]:
        """The scores as a JSON-ready dict (serialise it with `json.dumps`).

        Shape: `{"strict": {TYPE: {...}, ..., "micro": {...}}, "partial": {...}, ...}`.

        Each row holds "precision", "recall", "f1" (fractions in [0, 1]), "support" (gold
        entities) and the "tp", "fp", "fn" counts behind them. "type_blind" holds the
        span-only rows of both modes.

        Args:
            errors: When above 0, an "errors" list holds up to this many false positives
                and this many misses (see `error_cases`).
        """
        result: dict[str, Any] = {
            "gold": self.name,
            "documents": self.documents,
            "extraction": self.extraction,
            "spans": self.spans,
        }
        for mode in MODES:
            rows = {
                kind.value: _row(self.scores.by_mode(mode)[kind]) for kind in self.scores.types()
            }
            rows["micro"] = _row(self.scores.micro(mode))
            result[mode] = rows
        result["type_blind"] = {
            "strict": _row(self.scores.blind_strict),
            "partial": _row(self.scores.blind_partial),
        }
        result["unscored_predictions"] = {
            kind.value: n for kind, n in sorted(self.unscored.items())
        }
        if errors > 0:
            result["errors"] = [case.to_json() for case in self.error_cases(errors)]
        return result

    def to_table(self) -> str:
        """The scores as a fixed-width text table, percentages with one decimal."""
        header = (
            f"{'type':<11}{'strict P':>9}{'R':>7}{'F1':>7}"
            f"   {'partial P':>9}{'R':>7}{'F1':>7}{'support':>9}"
        )
        lines = [self._summary(), "", header, "-" * len(header)]
        for kind in self.scores.types():
            lines.append(
                _table_line(kind.value, self.scores.strict[kind], self.scores.partial[kind])
            )
        lines.append("-" * len(header))
        lines.append(
            _table_line("micro", self.scores.micro("strict"), self.scores.micro("partial"))
        )
        lines.append(_table_line("type-blind", self.scores.blind_strict, self.scores.blind_partial))
        return "\n".join(lines)

    def _summary(self) -> str:
        gold = self.scores.micro("strict").support
        predicted = sum(c.tp + c.fp for c in self.scores.strict.values())
        line = f"{self.name}: {self.documents} documents, {gold} gold entities"
        line += f", {predicted} predictions"
        if self.unscored:
            skipped = ", ".join(f"{n} {kind.value}" for kind, n in sorted(self.unscored.items()))
            line += f" (not scored, no such type in this gold: {skipped})"
        line += f"; extraction {self.extraction}; spans: {self.spans}"
        if self.seconds:
            line += f", {self.documents / self.seconds:,.0f} documents/s"
        return line

    def error_cases(self, limit: int | None = None) -> list[ErrorCase]:
        """The first `limit` false positives and the first `limit` misses, in file order."""
        positives, misses = self._split_cases()
        return positives[:limit] + misses[:limit]

    def errors(self, limit: int = 20) -> str:
        """Up to `limit` false positives and `limit` misses (strict), each with context."""
        positives, misses = self._split_cases()
        lines = [f"False positives (first {min(limit, len(positives))} of {len(positives)}):"]
        lines += [str(case) for case in positives[:limit]]
        lines += ["", f"Misses (first {min(limit, len(misses))} of {len(misses)}):"]
        lines += [str(case) for case in misses[:limit]]
        return "\n".join(lines)

    def _split_cases(self) -> tuple[list[ErrorCase], list[ErrorCase]]:
        positives = [case for case in self.cases if case.kind == "false positive"]
        return positives, [case for case in self.cases if case.kind == "miss"]


def _row(counts: Counts) -> dict[str, Any]:
    return {
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "support": counts.support,
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
    }


def _table_line(name: str, strict: Counts, partial: Counts) -> str:
    return (
        f"{name:<11}{_pct(strict.precision):>9}{_pct(strict.recall):>7}{_pct(strict.f1):>7}"
        f"   {_pct(partial.precision):>9}{_pct(partial.recall):>7}{_pct(partial.f1):>7}"
        f"{strict.support:>9}"
    )


def _pct(fraction: float) -> str:
    return f"{100 * fraction:.1f}"
