"""Fuzzing every reader of graph/sources with hypothesis: random and mutated inputs give
records or one-line errors, never a traceback or a hang; each example has a deadline."""

import gzip
import json
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperkg.graph.errors import SourceFormatError
from paperkg.graph.records import Paper, SkippedRecord
from paperkg.graph.sources import iter_papers

from seed_graph import SEED_PAGE

SEED = SEED_PAGE.read_bytes()[:4000]
LISTING = "\n".join(json.dumps({
    "arxiv_id": f"2503.1179{i}", "title": f"Paper {i}", "authors": ["A. B", "C. D"], "categories": ["cs.CV"],
    "listing_date": "2025-03-18", "abstract": "We evaluate BERT on GLUE and report accuracy.", "comment": None,
}) for i in range(3)).encode()
SNAPSHOT = "\n".join(json.dumps({
    "id": f"0704.000{i}", "title": "Calculation of\n  cross sections", "abstract": "  A fully differential calculation.\n",
    "authors": "C. Bal\\'azs, E. L. Berger and C.-P. Yuan", "authors_parsed": [["Balazs", "C.", ""]],
    "categories": "hep-ph cs.LG", "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
    "update_date": "2008-11-24",
}) for i in range(3)).encode()

FUZZ = settings(max_examples=40, deadline=timedelta(seconds=10), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw, seed: bytes):
    """`seed` with a few bytes flipped, deleted, inserted or spliced from elsewhere."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "delete", "insert", "cut", "dup"]))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[at:at + draw(st.integers(1, 50))]
        elif action == "insert":
            data[at:at] = draw(st.binary(max_size=40) | st.sampled_from(
                [b"\n", b"\r", b"{", b'"', b"\\ud800", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b" \xe2\x80\xa2 4 authors\n"]))
        elif action == "cut":
            data = data[:at]
        elif action == "dup" and data:
            data[at:at] = data[: draw(st.integers(0, 200))]
    return bytes(data)


def inputs(seed: bytes):
    raw = st.one_of(st.binary(max_size=2000), st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
                    mutated(seed))
    return st.one_of(raw, raw.map(gzip.compress), raw.map(lambda b: gzip.compress(b)[: max(len(b) // 2, 3)]))


def assert_records_or_one_line_error(content: bytes, format: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(content)
        try:
            items = list(iter_papers(path, format=format))
        except SourceFormatError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)
            return
    for item in items:
        assert isinstance(item, (Paper, SkippedRecord))
        if isinstance(item, SkippedRecord):
            assert "\n" not in str(item) and item.reason
        else:
            assert item.title and item.abstract and "\n" not in item.title


@pytest.mark.parametrize("format", [None, "daily-papers"])
@FUZZ
@given(content=inputs(SEED))
def test_daily_papers_reader_survives_fuzzing(format, content):
    assert_records_or_one_line_error(content, format)


@pytest.mark.parametrize("format", [None, "arxiv-jsonl"])
@FUZZ
@given(content=inputs(LISTING))
def test_arxiv_jsonl_reader_survives_fuzzing(format, content):
    assert_records_or_one_line_error(content, format)


@pytest.mark.parametrize("format", [None, "arxiv-snapshot"])
@FUZZ
@given(content=inputs(SNAPSHOT))
def test_arxiv_snapshot_reader_survives_fuzzing(format, content):
    assert_records_or_one_line_error(content, format)


@FUZZ
@given(content=st.one_of(mutated(gzip.compress(SEED)), mutated(gzip.compress(LISTING)), mutated(gzip.compress(SNAPSHOT))))
def test_gzip_reading_survives_damaged_streams(content):
    assert_records_or_one_line_error(content, None)


# The generic reader's inputs: OpenAlex and Semantic Scholar records in a JSON array, a
# conference list as JSON Lines, and a CSV with a quoted field across lines.
GENERIC_ARRAY = json.dumps([
    {"id": "https://openalex.org/W1", "title": "Work", "publication_year": 2018, "doi": "https://doi.org/10.1/x",
     "abstract_inverted_index": {"We": [0], "test": [1]}, "authorships": [{"author": {"display_name": "A B"}}],
     "primary_location": {"source": {"display_name": "PeerJ"}}},
    {"paperId": "p1", "externalIds": {"ArXiv": "2106.15928"}, "title": "S2", "abstract": "An abstract.",
     "year": 2021, "authors": [{"name": "C D"}]},
], indent=1).encode()
CONFERENCE_LINES = "\n".join(json.dumps({
    "venue": "NeurIPS 2024", "year": 2024, "id": f"x{i}", "title": f"Paper {i}", "abstract": "We test GPT-4.",
    "authors": ["A B"], "doi": "10.5555/abc", "pdf": "https://x.org/a.pdf", "site": "", "track": "main", "status": "Poster",
}) for i in range(3)).encode()
CSV = b'title,abstract,year,venue\n"A, paper","Line one\nline two",2024,ICML\nB,Short.,2023,\n'


@pytest.mark.parametrize("format", [None, "json"])
@FUZZ
@given(content=st.one_of(inputs(GENERIC_ARRAY), inputs(CONFERENCE_LINES)))
def test_json_reader_survives_fuzzing(format, content):
    assert_records_or_one_line_error(content, format)


@pytest.mark.parametrize("format", [None, "csv"])
@FUZZ
@given(content=inputs(CSV))
def test_csv_reader_survives_fuzzing(format, content):
    assert_records_or_one_line_error(content, format)
