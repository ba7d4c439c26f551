"""GSAP-NER's dev set in five folds, and the quality page's table of their spread.

The rules are tuned on folds 0-2 only (their errors are the only ones read, with
`paperkg eval --errors N`); folds 3-4 and the other gold sets check each change. The
table shows each fold's strict and partial F1 per type, normal and `--unseen`, and the
spread (min / median / max) of the strict F1 over the five folds.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from pathlib import Path

from paperkg.graph.evaluation.gold import GoldDocument, iter_gold
from paperkg.graph.evaluation.labels import LabelMap, read_label_map
from paperkg.graph.evaluation.report import EvaluationReport
from paperkg.graph.evaluation.runner import TextExtractor, evaluate_documents

FOLDS = 5
FOLDED_SETS = ("gsap_ner",)


def assign_folds(documents: Sequence[GoldDocument], folds: int = FOLDS) -> dict[int, list[GoldDocument]]:
    """The documents in `folds` folds, a paper's paragraphs always in one fold.

    The gold file carries no fold of its own; a paper (the `doc_id` before "|") goes to
    fold `i % folds`, `i` being its position among the file's paper ids sorted, so the
    folds are the same on every machine and for every version of the extractor.
    """
    papers = sorted({_paper_of(d) for d in documents})
    index = {paper: i % folds for i, paper in enumerate(papers)}
    split: dict[int, list[GoldDocument]] = {fold: [] for fold in range(folds)}
    for document in documents:
        split[index[_paper_of(document)]].append(document)
    return split


def _paper_of(document: GoldDocument) -> str:
    return document.doc_id.split("|", 1)[0]


def evaluate_folds(
    documents: Sequence[GoldDocument],
    extractor: TextExtractor,
    label_map: LabelMap | None = None,
    corpus: bool = False,
) -> list[EvaluationReport]:
    """One report for each fold of `assign_folds`, scored with one extractor."""
    return [
        evaluate_documents(part, extractor, label_map, f"fold {fold}", corpus)
        for fold, part in assign_folds(documents).items()
    ]


def fold_sections(
    gold_paths: Sequence[str | os.PathLike],
    extractor: TextExtractor,
    unseen=None,
    label_map: LabelMap | str | os.PathLike | None = None,
    corpus: bool = False,
) -> list[str]:
    """The quality page's fold tables (Markdown lines) for the folded sets among `gold_paths`.

    Args:
        gold_paths: The gold files; those whose name starts with one of `FOLDED_SETS`
            get tables.
        extractor: The normal extractor.
        unseen: An `UnseenSetup`, for the `--unseen` table; None leaves it out.
        label_map: As for `evaluate`.
        corpus: As for `evaluate`.
    """
    if isinstance(label_map, (str, os.PathLike)):
        label_map = read_label_map(label_map)
    lines: list[str] = []
    for path in gold_paths:
        name = Path(path).name
        if not name.startswith(FOLDED_SETS):
            continue
        documents = list(iter_gold(path))
        modes = [("normal", extractor)]
        if unseen is not None:
            modes.append(("--unseen", unseen.extractor_for(documents)[0]))
        for mode, used in modes:
            folds = evaluate_folds(documents, used, label_map, corpus)
            lines += render_fold_table(f"{name}, folds ({mode})", folds)
    return lines


def render_fold_table(title: str, folds: Sequence[EvaluationReport]) -> list[str]:
    """Strict and partial F1 per type for each fold, then the strict F1's min/median/max."""
    kinds = list(dict.fromkeys(k for report in folds for k in report.scores.types()))
    header = " | ".join(f"{k.value} strict / partial" for k in kinds)
    lines = [
        f"## {title}",
        "",
        "Folds 0-2 are the tuning folds; 3-4 check. Documents and gold entities per fold in",
        "the first columns; F1 in percent.",
        "",
        f"| fold | documents | gold | {header} |",
        "| --- | ---: | ---: |" + " ---: |" * len(kinds),
    ]
    for report in folds:
        cells = [
            f"{100 * _f1(report, k, 'strict'):.1f} / {100 * _f1(report, k, 'partial'):.1f}"
            for k in kinds
        ]
        support = report.scores.micro("strict").support
        lines.append(f"| {report.name} | {report.documents} | {support} | " + " | ".join(cells) + " |")
    for label, pick in (("min", min), ("median", statistics.median), ("max", max)):
        cells = [f"{pick([100 * _f1(r, k, 'strict') for r in folds]):.1f}" for k in kinds]
        lines.append(f"| {label} (strict) | | | " + " | ".join(cells) + " |")
    return lines + [""]


def _f1(report: EvaluationReport, kind, mode: str) -> float:
    counts = report.scores.by_mode(mode).get(kind)
    return counts.f1 if counts is not None else 0.0
