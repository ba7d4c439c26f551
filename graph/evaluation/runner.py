"""Run an extractor over gold files and score it: what `paperkg eval GOLD.jsonl` calls.

The extractor reads each gold `text` as given; its mentions are typed as the gold would
type them (see `labels.py`) and matched strictly and partially (see `scoring.py`).
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from paperkg.graph.evaluation.gold import GoldDocument, iter_gold
from paperkg.graph.evaluation.labels import (
    LabelMap,
    gold_types,
    read_label_map,
    map_gold_label,
    map_predicted_type,
    resolve_label_map,
    span_convention,
)
from paperkg.graph.evaluation.report import EvaluationReport, describe_errors
from paperkg.graph.evaluation.scoring import Scoreboard, Span
from paperkg.graph.records import EntityType, Mention, Paper

logger = logging.getLogger(__name__)


class TextExtractor(Protocol):
    """What evaluation needs of an extractor: mentions with offsets into a text."""

    def extract_text(self, text: str, doc_id: str = "text") -> list[Mention]: ...


def evaluate(
    gold_path: str | os.PathLike,
    extractor: TextExtractor,
    label_map: LabelMap | str | os.PathLike | None = None,
    corpus: bool = False,
    spans: str | None = None,
    folds: Sequence[int] | None = None,
) -> EvaluationReport:
    """Run `extractor` on every text of a gold file and score what it finds.

    Args:
        gold_path: A gold JSON Lines file (schema in `gold.py`).
        extractor: Anything with `extract_text(text, doc_id) -> list[Mention]`.
        label_map: A map `{label: EntityType or None}`, or the path of a label-map file,
            used for every record instead of the built-in map of its `source`.
        corpus: Measure the ingestion path instead: every text of the file becomes the
            abstract of a `Paper` and `extractor.extract(papers)` reads them all at once,
            so corpus-level discovery applies as it does on `paperkg ingest`.
        spans: "name" to score each mention's bare name, "phrase" its noun phrase
            (`Mention.phrase`); None: the convention of each record's source
            (`labels.BUILTIN_SPAN_CONVENTIONS`).
        folds: Score only the documents of these folds (see `folds.assign_folds`).

    Raises:
        SourceNotFoundError: The gold file (or label-map file) does not exist.
        GoldFormatError: The gold file breaks the schema, or a label has no mapping.
    """
    if isinstance(label_map, (str, os.PathLike)):
        label_map = read_label_map(label_map)
    name = Path(gold_path).name
    documents = select_folds(iter_gold(gold_path), folds)
    if folds is not None:
        name += f" (folds {','.join(map(str, folds))})"
    return evaluate_documents(documents, extractor, label_map, name, corpus, spans)


def select_folds(documents: Iterable[GoldDocument], folds: Sequence[int] | None) -> list[GoldDocument]:
    """The documents of these folds of `folds.assign_folds`, in file order; None: all."""
    documents = list(documents)
    if folds is None:
        return documents
    from paperkg.graph.evaluation.folds import assign_folds  # folds.py builds on this module

    chosen = {id(d) for f in folds for d in assign_folds(documents).get(f, ())}
    return [d for d in documents if id(d) in chosen]


def evaluate_documents(
    documents: Iterable[GoldDocument],
    extractor: TextExtractor,
    label_map: LabelMap | None = None,
    name: str = "gold",
    corpus: bool = False,
    spans: str | None = None,
) -> EvaluationReport:
    """Score an extractor on gold documents already read (see `evaluate`)."""
    documents = list(documents)
    started = time.perf_counter()
    if corpus:
        found = extract_as_corpus(documents, extractor)
    else:
        found = [extractor.extract_text(d.text, d.doc_id) for d in documents]
    seconds = time.perf_counter() - started
    extraction = "ingestion path, extract(papers)" if corpus else "per text, extract_text"
    report = EvaluationReport(name, 0, Scoreboard(), seconds=seconds, extraction=extraction)
    for document, mentions in zip(documents, found, strict=True):
        table = resolve_label_map(document.source, label_map, document.where)
        annotated = gold_types(table)
        report.scores.add_types(annotated)
        convention = span_convention(document.source, spans)
        report.span_conventions[convention] += 1
        predicted = predicted_spans(document, mentions, annotated, report.unscored, convention)
        outcome = report.scores.add_document(gold_spans(document, table), predicted)
        report.cases += describe_errors(document.text, outcome, document.doc_id)
        report.documents += 1
    return report


def extract_as_corpus(documents: Sequence[GoldDocument], extractor) -> list[list[Mention]]:
    """Each document's mentions when all are extracted together as papers' abstracts, by a
    fresh copy of `extractor` (`fresh_for_corpus`).

    The papers get an empty title and their position as id (gold doc_ids need not be
    unique across sources); the mentions kept are those of the "abstract" field, whose
    offsets are offsets into the gold text.
    """
    papers = [
        Paper(id=str(i), title="", abstract=d.text, source=d.where) for i, d in enumerate(documents)
    ]
    by_paper = {p.paper.id: p.mentions for p in fresh_for_corpus(extractor).extract(papers)}
    return [
        [m for m in by_paper.get(str(i), ()) if m.field == "abstract"]
        for i in range(len(documents))
    ]


def fresh_for_corpus(extractor):
    """The extractor a file's texts are extracted with as a corpus: `extractor.fresh()`
    where it has one (`Extractor.fresh`), so that the names discovered in one file are not
    matched in the next and the caller's extractor keeps none of them; else `extractor`."""
    fresh = getattr(extractor, "fresh", None)
    return fresh() if callable(fresh) else extractor


def gold_spans(document: GoldDocument, label_map: LabelMap) -> list[Span]:
    """The scored gold entities of a document, typed by the label map."""
    spans = []
    for entity in document.entities:
        kind = map_gold_label(entity.label, label_map, document.where)
        if kind is not None:
            spans.append(Span(document.doc_id, entity.start, entity.end, kind, entity.text))
    return spans


def predicted_spans(
    document: GoldDocument,
    mentions: Iterable[Mention],
    annotated: frozenset[EntityType],
    unscored: Counter,
    convention: str = "name",
) -> list[Span]:
    """Predictions typed as the gold would type them; the rest counted in `unscored`.

    Each prediction is the mention's bare name, or its noun phrase when `convention` is
    "phrase"; two mentions with one phrase ("RCV1 / RCV2 corpora") score once.

    A mention whose offsets fall outside the text is logged and dropped: it is an
    extractor bug, and scoring it would hide the bug behind a false positive.
    """
    text, spans = document.text, []
    for mention in mentions:
        if not 0 <= mention.start < mention.end <= len(text):
            logger.warning(
                "%s: mention %r has offsets %d-%d outside the text; dropped",
                document.where,
                mention.text,
                mention.start,
                mention.end,
            )
            continue
        if text[mention.start : mention.end] != mention.text:
            logger.warning(
                "%s: mention %r does not match the text at %d-%d (%r)",
                document.where,
                mention.text,
                mention.start,
                mention.end,
                text[mention.start : mention.end],
            )
        kind = map_predicted_type(mention.type, annotated)
        if kind is None:
            unscored[mention.type] += 1
            continue
        start, end = mention.phrase if convention == "phrase" else (mention.start, mention.end)
        spans.append(Span(document.doc_id, start, end, kind, text[start:end]))
    return spans


def evaluate_many(
    gold_paths: Sequence[str | os.PathLike],
    extractor: TextExtractor,
    label_map: LabelMap | str | os.PathLike | None = None,
    corpus: bool = False,
    spans: str | None = None,
) -> list[EvaluationReport]:
    """`evaluate` each gold file in turn, with one extractor."""
    return [evaluate(path, extractor, label_map, corpus, spans) for path in gold_paths]
