"""graph/extract/rules/results.py: reported numbers and their targets; the windowed scans against
full scans of the same expressions.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.results import (
    Span, _digit_runs, _metric_first, _METRIC_FIRST, _value_first, _VALUE_FIRST, find_results,
)
from paperkg.graph.records import EntityType, entity_id
from sample_texts import CLAUSE_EDGE_TEXTS, random_texts
from seed_page import seed_lines


def test_one_number_read_both_ways_is_one_result_with_its_metric_entity(default_extractor):
    from paperkg.graph.records import Paper

    abstract = ("Our sampler reaches 10.38 FID on FFHQ. Notably, FLAMe-RM-24B achieves an "
                "accuracy of 87.8% on RewardBench.")
    (extraction,) = default_extractor.extract([Paper(id="p", title="Samplers", abstract=abstract)])
    read = [(r.entity_id, r.metric, r.metric_id, r.value) for r in extraction.results]
    assert read == [("ffhq", "FID", "fid", 10.38), ("rewardbench", "accuracy", "accuracy", 87.8)]


def test_metric_first_scan_finds_what_a_full_scan_finds():
    for text in [*seed_lines(), *CLAUSE_EDGE_TEXTS]:
        full = [(m.span(), m.groupdict()) for m in _METRIC_FIRST.finditer(text)]
        windowed = [(m.span(), m.groupdict()) for m in _metric_first(text)]
        assert windowed == full, text


RESULT_PIECES = [
    "accuracy", "F1", "score", " of ", "of", " ", "  ", "\n", "5", "12", "3.5", "1,000", "%", "pp", "x",
    " on ", " in ", " the ", "ImageNet", "X", "top-1 ", "error rate", "over ", "less than ", "(", ")", "a",
    "-", "@", "pass@1", ",", ".", "xaccuracy", "win rate", "points", "\u0663", "\uff15", "1.5.3", "1,2345",
    "0",
]


def result_texts() -> list[str]:
    return [*seed_lines(), *random_texts(20000, RESULT_PIECES, 16, seed=2)]


def test_metric_first_search_finds_what_a_full_scan_finds():
    found = 0
    for text in result_texts():
        full = [(m.span(), m.groupdict()) for m in _METRIC_FIRST.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _metric_first(text)] == full, text
        found += bool(full)
    assert found > 100  # the comparison has teeth


def test_value_first_matches_from_digit_runs_are_those_of_a_full_scan():
    found = 0
    for text in [*result_texts(), "no digits at all", "", "\u0663 on X", "x\uff15 on Y 7", "\u00e9 12 on X"]:
        runs = [match.start() for match in re.finditer(r"(?<!\d)\d", text)]
        assert _digit_runs(text) == runs, text
        full = [(m.span(), m.groupdict()) for m in _VALUE_FIRST.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _value_first(text, runs)] == full, text
        found += bool(full)
    assert found > 100  # the comparison has teeth


def test_results_read_only_targets_and_models(default_extractor, seed_paper_list):
    kept = {EntityType.DATASET, EntityType.BENCHMARK, EntityType.MODEL}
    for paper in seed_paper_list:
        doc = default_extractor.nlp(f"{paper.title}\n\n{paper.abstract}")
        spans = [Span(c.start, c.end, c.type, entity_id(c.name)) for c in doc._.kg_mentions]
        every = find_results(doc.text, spans, doc._.kg_sentences)
        assert find_results(doc.text, [s for s in spans if s.type in kept], doc._.kg_sentences) == every
