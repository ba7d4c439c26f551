"""graph/sources/lines.py and detect.py: records, however long, are read whole or skipped whole."""

import gzip
import json
import tracemalloc

from paperkg.graph.records import Paper, SkippedRecord
from paperkg.graph.sources import detect_format, iter_papers
from paperkg.graph.sources.lines import MAX_LINE_CHARS, Line, iter_lines

ABSTRACT = "We study transformers on ImageNet and report accuracy. " * 4


def record(arxiv_id: str, abstract: str = ABSTRACT) -> str:
    return json.dumps({"arxiv_id": arxiv_id, "title": f"Paper {arxiv_id}", "abstract": abstract,
                       "authors": ["A. Author"], "listing_date": "2025-03-18"})


def test_a_multi_megabyte_first_record_is_skipped_and_the_rest_are_read(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = [record("2503.00001", "word " * 700_000)] + [record(f"2503.0000{i}") for i in (2, 3, 4)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert detect_format(path) == "arxiv-jsonl"
    items = list(iter_papers(path))
    assert [i.id for i in items if isinstance(i, Paper)] == ["2503.00002", "2503.00003", "2503.00004"]
    (skipped,) = [i for i in items if isinstance(i, SkippedRecord)]
    assert (skipped.source, skipped.line) == (str(path), 1)
    assert f"{MAX_LINE_CHARS:,}" in skipped.reason and "skipped" in skipped.reason


def test_a_first_record_longer_than_the_old_sniffing_window_is_read(tmp_path):
    path = tmp_path / "long.jsonl.gz"
    long_abstract = "We evaluate on ImageNet. " * 20_000  # 500 kB: under the limit, over 256 KiB
    path.write_bytes(gzip.compress((record("2503.00001", long_abstract) + "\n" + record("2503.00002") + "\n").encode()))
    assert detect_format(path) == "arxiv-jsonl"
    papers = [i for i in iter_papers(path) if isinstance(i, Paper)]
    assert [p.id for p in papers] == ["2503.00001", "2503.00002"]
    assert len(papers[0].abstract) > 400_000


def test_an_over_long_line_is_read_past_in_bounded_memory(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as out:
        out.write("first\n")
        for _ in range(40):
            out.write("x" * 500_000)
        out.write("\nlast\n")
    tracemalloc.start()
    try:
        items = list(iter_lines(path, max_chars=100_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [i.text for i in items if isinstance(i, Line)] == ["first", "last"]
    (skipped,) = [i for i in items if isinstance(i, SkippedRecord)]
    assert skipped.line == 2 and "20,000,000 characters" in skipped.reason and "100,000" in skipped.reason
    assert peak < 4_000_000, f"reading a 20 MB line held {peak:,} bytes"
