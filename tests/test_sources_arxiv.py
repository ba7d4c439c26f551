"""The arXiv JSON Lines readers: the listing shape on real records, the snapshot shape by hand."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from paperkg.graph.records import Paper, SkippedRecord
from paperkg.graph.sources import iter_papers
from paperkg.graph.sources.urls import find_urls

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = SHARED / "corpora" / "arxiv_cs_2025_2026" / "sample_500.jsonl"

ABSTRACT = "We propose a method. It works well on two benchmarks. Code: https://github.com/org/repo."


def split(items) -> tuple[list[Paper], list[SkippedRecord]]:
    items = list(items)
    return [i for i in items if isinstance(i, Paper)], [i for i in items if isinstance(i, SkippedRecord)]


def listing(arxiv_id: str, **fields) -> str:
    record = {
        "arxiv_id": arxiv_id, "title": f"Paper {arxiv_id}", "authors": ["A. Author", "B. Author"],
        "categories": ["cs.CL"], "primary_category": "cs.CL", "listing_date": "2025-03-18",
        "abstract": ABSTRACT, "comment": None, "urls": [], "code_urls": [],
        "abs_url": f"https://arxiv.org/abs/{arxiv_id}",
    }
    record.update(fields)
    return json.dumps(record)


def write_lines(path: Path, lines: list[str | bytes]) -> Path:
    path.write_bytes(b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines))
    return path


@pytest.fixture(scope="module")
def sample_records() -> list[dict]:
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE} is absent")
    with SAMPLE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


@pytest.mark.shared
def test_sample_500_gives_one_paper_per_record_with_its_fields(sample_records):
    papers, skipped = split(iter_papers(SAMPLE))
    assert skipped == [] and len(papers) == len(sample_records) == 500
    for paper, record in zip(papers, sample_records):
        assert paper.id == paper.arxiv_id == record["arxiv_id"]
        assert paper.title == " ".join(record["title"].split())
        assert paper.abstract == " ".join(record["abstract"].split())
        assert paper.date == date.fromisoformat(record["listing_date"])
        assert paper.authors == tuple(record["authors"]) and paper.authors_count == len(record["authors"])
        assert paper.categories == tuple(" ".join(c.split()) for c in record["categories"])
        assert set(paper.code_urls) == set(record["code_urls"]) and set(paper.urls) == set(record["urls"])


@pytest.mark.shared
def test_url_finder_agrees_with_the_corpus_urls(sample_records):
    # The corpus keeps LaTeX escapes ("my\_repo") that the address itself does not have.
    for record in sample_records:
        expected = {url.replace("\\", "") for url in record["urls"]}
        found = find_urls(f"{record['abstract']} {record['comment'] or ''}")
        assert set(found) == expected, record["arxiv_id"]


@pytest.mark.shared
def test_gzipped_records_read_like_plain_ones_whatever_the_name(tmp_path, sample_records):
    head = SAMPLE.read_bytes().splitlines(keepends=True)[:40]
    plain = tmp_path / "head.jsonl"
    plain.write_bytes(b"".join(head))
    packed = tmp_path / "head.data"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    from_packed, from_plain = split(iter_papers(packed))[0], split(iter_papers(plain))[0]
    assert len(from_packed) == 40
    assert [replace(p, source="") for p in from_packed] == [replace(p, source="") for p in from_plain]


def test_broken_json_line_skips_only_itself(tmp_path):
    lines = [listing("2503.00001"), listing("2503.00002"), '{"arxiv_id": "2503.00003", "title": ',
             listing("2503.00004"), listing("2503.00005")]
    papers, skipped = split(iter_papers(write_lines(tmp_path / "r.jsonl", lines)))
    assert [p.id for p in papers] == ["2503.00001", "2503.00002", "2503.00004", "2503.00005"]
    assert [(s.line, s.source) for s in skipped] == [(3, str(tmp_path / "r.jsonl"))]
    assert "not valid JSON" in skipped[0].reason and "delete" in skipped[0].reason


def test_record_without_title_or_abstract_is_skipped_by_line(tmp_path):
    lines = [listing("2503.00001", abstract="  "), listing("2503.00002"),
             listing("2503.00003", title=None), json.dumps({"arxiv_id": "2503.00004"})]
    papers, skipped = split(iter_papers(write_lines(tmp_path / "r.jsonl", lines)))
    assert [p.id for p in papers] == ["2503.00002"]
    assert [s.line for s in skipped] == [1, 3, 4]
    assert "no abstract" in skipped[0].reason and "2503.00001" in skipped[0].reason
    assert "no title" in skipped[1].reason
    assert "no title and no abstract" in skipped[2].reason


def test_latin1_file_is_read_whole_as_cp1252_with_one_warning(tmp_path, caplog):
    bad = listing("2503.00002", title="Caf\u00e9 Models").encode("utf-8").replace(b"\\u00e9", b"\xe9")
    lines = [listing("2503.00001"), bad, listing("2503.00003")]
    with caplog.at_level("WARNING"):
        papers, skipped = split(iter_papers(write_lines(tmp_path / "r.jsonl", lines)))
    assert [p.id for p in papers] == ["2503.00001", "2503.00002", "2503.00003"]
    assert papers[1].title == "Caf\u00e9 Models" and skipped == []
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "cp1252" in warnings[0] and "r.jsonl" in warnings[0]


def test_non_object_lines_are_skipped_and_blank_lines_passed_over(tmp_path):
    lines = [listing("2503.00001"), "", "   ", "[1, 2]", '"text"', listing("2503.00002")]
    papers, skipped = split(iter_papers(write_lines(tmp_path / "r.jsonl", lines)))
    assert [p.id for p in papers] == ["2503.00001", "2503.00002"]
    assert [(s.line, "not a JSON object" in s.reason) for s in skipped] == [(4, True), (5, True)]


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path):
    lines = [listing(f"2503.{n:05d}", abstract=ABSTRACT + f" Variant {n}.") for n in range(1, 2001)]
    packed = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])
    papers, skipped = split(iter_papers(path))
    assert 0 < len(papers) < 2000
    assert [p.id for p in papers] == [f"2503.{n:05d}" for n in range(1, len(papers) + 1)]
    assert len(skipped) == 1 and "re-download" in skipped[0].reason


def test_versioned_id_and_loose_fields_are_normalised(tmp_path):
    line = listing("2503.00007v2", title="  A\n  Title ", authors="A. One, B. Two and C. Three",
                   listing_date="18 March 2025", urls=None, code_urls=None)
    papers, _ = split(iter_papers(write_lines(tmp_path / "r.jsonl", [line])))
    paper = papers[0]
    assert (paper.id, paper.arxiv_id, paper.title) == ("2503.00007", "2503.00007v2", "A Title")
    assert paper.authors == ("A. One", "B. Two", "C. Three") and paper.date is None
    assert paper.code_urls == paper.urls == ("https://github.com/org/repo",)


SNAPSHOT = {
    "id": "0704.0001",
    "submitter": "Pavel Nadolsky",
    "authors": "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
    "title": "Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies",
    "comments": "37 pages, 15 figures; published version, code at github.com/example/diphox",
    "journal-ref": "Phys.Rev.D76:013009,2007",
    "doi": "10.1103/PhysRevD.76.013009",
    "report-no": "ANL-HEP-PR-07-12",
    "categories": "hep-ph cs.LG",
    "license": None,
    "abstract": "  A fully differential calculation in perturbative quantum chromodynamics is\npresented "
    "for the production of massive photon pairs at hadron colliders.\n",
    "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"},
                 {"version": "v2", "created": "Tue, 24 Jul 2007 20:10:27 GMT"}],
    "update_date": "2008-11-24",
    "authors_parsed": [["Balázs", "C.", ""], ["Berger", "E. L.", ""], ["Nadolsky", "P. M.", ""],
                       ["Yuan", "C. -P.", ""]],
}


def test_snapshot_record_becomes_a_normalised_paper(tmp_path):
    path = write_lines(tmp_path / "snap.json", [json.dumps(SNAPSHOT)])
    papers, skipped = split(iter_papers(path))
    assert skipped == []
    paper = papers[0]
    assert paper.id == paper.arxiv_id == "0704.0001"
    assert paper.title == (
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert paper.abstract.startswith("A fully differential calculation in perturbative quantum "
                                     "chromodynamics is presented for the production")
    assert paper.authors == ("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan")
    assert paper.categories == ("hep-ph", "cs.LG")
    assert paper.date == date(2007, 4, 2)  # version 1, not update_date
    assert paper.code_urls == ("https://github.com/example/diphox",)
    assert paper.source == f"{path}:1"


def test_snapshot_falls_back_to_author_string_and_update_date(tmp_path):
    record = {key: value for key, value in SNAPSHOT.items() if key not in ("authors_parsed", "versions")}
    record.update(id="math/0406593", authors="A. One (MIT), B. Two and C. Three")
    broken = {**SNAPSHOT, "id": "0704.0002", "abstract": None}
    path = tmp_path / "snap.json.gz"
    path.write_bytes(gzip.compress(f"{json.dumps(record)}\n{json.dumps(broken)}\n".encode()))
    papers, skipped = split(iter_papers(path))
    assert [(p.id, p.authors, p.date) for p in papers] == [
        ("math/0406593", ("A. One", "B. Two", "C. Three"), date(2008, 11, 24)),
    ]
    assert [(s.line, "no abstract" in s.reason, "0704.0002" in s.reason) for s in skipped] == [(2, True, True)]


def test_unpaired_surrogate_escape_skips_only_its_line(tmp_path):
    good = {"arxiv_id": "2501.00010", "title": "Caf\u00e9 models", "abstract": "On ImageNet.",
            "listing_date": "2025-01-01"}
    bad_line = '{"arxiv_id": "2501.00009", "title": "Bad \\ud800 title", "abstract": "x"}'
    path = tmp_path / "surrogate.jsonl"
    path.write_text(bad_line + "\n" + json.dumps(good) + "\n")
    records = list(iter_papers(path))
    assert isinstance(records[0], SkippedRecord) and records[0].line == 1
    assert "surrogate" in records[0].reason
    assert records[1].title == "Café models"
