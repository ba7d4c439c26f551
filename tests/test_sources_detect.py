"""Format detection from content, forced formats, and the errors a user sees for bad files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from paperkg.graph.errors import SourceFormatError, SourceNotFoundError
from paperkg.graph.records import Paper, SkippedRecord
from paperkg.graph.sources import FORMATS, detect_format, iter_papers

SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arxiv_cs_2025_2026" / "sample_500.jsonl"

SNAPSHOT_LINE = json.dumps({
    "id": "2401.00001", "title": "A Title", "abstract": "An abstract of the paper.",
    "authors": "A. One and B. Two", "categories": "cs.CL", "update_date": "2024-01-31",
})
LISTING_LINE = json.dumps({
    "arxiv_id": "2503.00001", "title": "A Title", "abstract": "An abstract of the paper.",
    "authors": ["A. One"], "categories": ["cs.CL"], "listing_date": "2025-03-18",
})


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def assert_names_file_and_formats(message: str, path: Path) -> None:
    assert str(path) in message
    assert "--format" in message
    assert all(name in message for name in FORMATS)


def test_formats_are_the_known_shapes():
    assert FORMATS == ("daily-papers", "arxiv-jsonl", "arxiv-snapshot", "json", "csv")


def test_seed_page_is_daily_papers_even_under_a_json_name(tmp_path):
    assert detect_format(SEED) == "daily-papers"
    renamed = write(tmp_path, "page.jsonl", SEED.read_bytes())
    assert detect_format(renamed) == "daily-papers"


@pytest.mark.shared
def test_sample_corpus_is_arxiv_jsonl_plain_or_gzipped(tmp_path):
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE} is absent")
    assert detect_format(SAMPLE) == "arxiv-jsonl"
    assert detect_format(write(tmp_path, "sample.txt", gzip.compress(SAMPLE.read_bytes()))) == "arxiv-jsonl"


def test_snapshot_is_told_from_listing_by_its_keys(tmp_path):
    assert detect_format(write(tmp_path, "a.json", SNAPSHOT_LINE + "\n")) == "arxiv-snapshot"
    assert detect_format(write(tmp_path, "b.gz", gzip.compress(SNAPSHOT_LINE.encode()))) == "arxiv-snapshot"
    assert detect_format(write(tmp_path, "c.json", "\ufeff\n\n" + LISTING_LINE)) == "arxiv-jsonl"


def test_a_broken_first_line_does_not_decide_the_format(tmp_path):
    path = write(tmp_path, "r.jsonl", '{"arxiv_id": "2503.0\n' + LISTING_LINE + "\n")
    assert detect_format(path) == "arxiv-jsonl"
    items = list(iter_papers(path))
    assert [type(item) for item in items] == [SkippedRecord, Paper]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "empty"),
        (b"  \n\n\t\n", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"%PDF-1.7\n...", "PDF"),
        (b'[{"id": "1"}]', "keys id but no title and no abstract"),
        (b'[1, 2, 3]', "JSON array, but not of records"),
        (b'{"name": "x", "value": 1}\n', "keys name, value"),
        (b"Just some prose.\nNothing here is a paper listing.\n", "no \"N authors\" line"),
    ],
)
def test_undetectable_files_raise_a_message_naming_file_and_formats(tmp_path, content, said):
    path = write(tmp_path, "input.txt", content)
    with pytest.raises(SourceFormatError) as raised:
        detect_format(path)
    assert said in str(raised.value)
    assert_names_file_and_formats(str(raised.value), path)
    with pytest.raises(SourceFormatError):
        iter_papers(path)  # raised on the call, before any iteration


def test_gzip_that_does_not_decompress_says_so(tmp_path):
    path = write(tmp_path, "input.gz", b"\x1f\x8b\x08\x00garbage that is not deflate")
    with pytest.raises(SourceFormatError, match="does not decompress.*re-download") as raised:
        detect_format(path)
    assert str(path) in str(raised.value)


def test_missing_path_and_directory_raise_source_not_found(tmp_path):
    with pytest.raises(SourceNotFoundError, match="does not exist"):
        iter_papers(tmp_path / "nope.txt")
    with pytest.raises(SourceNotFoundError, match="is a directory"):
        detect_format(tmp_path)


def test_forced_format_reads_the_file_as_told(tmp_path):
    renamed = write(tmp_path, "records.jsonl", SEED.read_bytes())
    papers = [item for item in iter_papers(renamed, format="daily_papers") if isinstance(item, Paper)]
    assert len(papers) == 17
    wrong = list(iter_papers(SEED, format="arxiv-jsonl"))
    assert wrong and all(isinstance(item, SkippedRecord) and "not valid JSON" in item.reason for item in wrong)


def test_forced_format_on_empty_or_binary_file_gives_one_skipped_record(tmp_path):
    for name, content, said in [("e.jsonl", b"", "empty"), ("b.jsonl", bytes(range(256)) * 8, "binary")]:
        path = write(tmp_path, name, content)
        items = list(iter_papers(path, format="arxiv-jsonl"))
        assert [(item.source, item.line) for item in items] == [(str(path), None)]
        assert said in items[0].reason


def test_unknown_format_name_lists_the_known_ones():
    with pytest.raises(SourceFormatError) as raised:
        iter_papers(SEED, format="xml")
    assert "'xml'" in str(raised.value)
    assert all(name in str(raised.value) for name in FORMATS)
