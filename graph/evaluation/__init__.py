"""Measuring extraction: gold readers, label maps, scoring, reports and the quality page.

    from paperkg.graph.evaluation import evaluate
    report = evaluate("../shared/gold/gsap_ner_abstracts_dev.jsonl", Extractor.default())
    print(report.to_table())

This package sits beside `extract`, not after it: it takes any object with
`extract_text(text, doc_id) -> list[Mention]` and imports nothing of the extractor.
"""

from paperkg.graph.evaluation.extract_io import iter_text_records, mention_to_json
from paperkg.graph.evaluation.gold import GoldDocument, GoldEntity, iter_gold
from paperkg.graph.evaluation.labels import BUILTIN_LABEL_MAPS, read_label_map
from paperkg.graph.evaluation.quality import QUALITY_DOC_COMMAND, write_quality_doc
from paperkg.graph.evaluation.report import ErrorCase, EvaluationReport
from paperkg.graph.evaluation.runner import evaluate, evaluate_documents, evaluate_many
from paperkg.graph.evaluation.scoring import Counts, Scoreboard, Span

__all__ = [
    "BUILTIN_LABEL_MAPS",
    "QUALITY_DOC_COMMAND",
    "Counts",
    "ErrorCase",
    "EvaluationReport",
    "GoldDocument",
    "GoldEntity",
    "Scoreboard",
    "Span",
    "evaluate",
    "evaluate_documents",
    "evaluate_many",
    "iter_gold",
    "iter_text_records",
    "read_label_map",
    "mention_to_json",
    "write_quality_doc",
]
