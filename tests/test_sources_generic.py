"""The generic reader (graph/sources/generic.py, fields.py, shapes.py): small files written
in each shape a user brings, the values read from them, and one clear error per bad input."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperkg.api.cli import main
from paperkg.graph.errors import SourceFormatError
from paperkg.graph.records import Paper, SkippedRecord
from paperkg.graph.sources import detect_format, iter_papers, parse_field_map
from paperkg.graph.sources.shapes import rebuild_abstract
from paperkg.graph.store import Store

ABSTRACT = "We fine-tune Llama 3 on GSM8K and report 85.1% accuracy."

CONFERENCE = {
    "venue": "NeurIPS 2024", "year": 2024, "id": "xyz-42", "title": "Scaling Reasoning Agents",
    "abstract": ABSTRACT, "authors": ["Ada Lovelace", "Alan Turing"], "doi": "https://doi.org/10.5555/ABC.123",
    "pdf": "https://proceedings.example.org/42.pdf", "site": "https://neurips.cc/virtual/2024/poster/42",
    "track": "main", "status": "Poster",
}

OPENALEX = {
    "id": "https://openalex.org/W2741809807", "doi": "https://doi.org/10.7717/peerj.4375",
    "title": "The state of OA", "display_name": "The state of OA",
    "publication_year": 2018, "publication_date": "2018-02-13",
    "primary_location": {"source": {"display_name": "PeerJ"}, "landing_page_url": "https://peerj.com/articles/4375"},
    "authorships": [{"author": {"display_name": "Heather Piwowar"}}, {"author": {"display_name": "Jason Priem"}}],
    "abstract_inverted_index": {"Despite": [0], "growing": [1], "interest": [2], "in": [3, 6], "open": [4],
                                "access,": [5], "practice.": [7]},
}

SEMANTIC_SCHOLAR = {
    "paperId": "649def34f8be52c8b66281af98ae884c09aef38b",
    "externalIds": {"DOI": "10.48550/arXiv.2106.15928", "ArXiv": "2106.15928", "CorpusId": 235652173},
    "title": "Construction of the Literature Graph", "abstract": ABSTRACT, "year": 2021,
    "venue": "NAACL", "publicationDate": "2021-06-30",
    "authors": [{"authorId": "1", "name": "Waleed Ammar"}, {"authorId": "2", "name": "Dirk Groeneveld"}],
    "url": "https://www.semanticscholar.org/paper/649def34", "openAccessPdf": {"url": "https://aclanthology.org/N18-3011.pdf"},
}

OPENREVIEW_V2 = {
    "id": "Hk9x1", "forum": "Hk9x1", "pdate": 1705000000000,
    "content": {"title": {"value": "Diffusion Policies at Scale"}, "abstract": {"value": ABSTRACT},
                "authors": {"value": ["Grace Hopper"]}, "venue": {"value": "ICLR 2024 poster"},
                "pdf": {"value": "/pdf/abc.pdf"}, "keywords": {"value": ["diffusion", "robotics"]}},
}
OPENREVIEW_V1 = {"id": "r1", "forum": "r1", "cdate": 1546300800000,
                 "content": {"title": "Old API Note", "abstract": ABSTRACT, "authors": ["Ann Author"]}}


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def jsonl(path: Path, *records: dict) -> Path:
    return write(path, "".join(json.dumps(r) + "\n" for r in records))


def papers_of(path: Path, **options) -> list[Paper]:
    items = list(iter_papers(path, **options))
    assert all(isinstance(item, Paper) for item in items), items
    return items


def test_conference_list_keeps_year_venue_doi_and_links(tmp_path):
    path = jsonl(tmp_path / "neurips.jsonl", CONFERENCE)
    assert detect_format(path) == "json"
    (paper,) = papers_of(path)
    assert (paper.id, paper.title, paper.abstract) == ("scaling-reasoning-agents", CONFERENCE["title"], ABSTRACT)
    assert (paper.year, paper.venue, paper.doi) == (2024, "NeurIPS 2024", "10.5555/abc.123")
    assert paper.authors == ("Ada Lovelace", "Alan Turing") and paper.authors_count == 2
    assert paper.urls == (CONFERENCE["pdf"], CONFERENCE["site"])
    assert paper.date is None and paper.source == f"{path}:1"


def test_conference_list_with_author_string_is_not_taken_for_the_arxiv_snapshot(tmp_path):
    path = jsonl(tmp_path / "list.jsonl", dict(CONFERENCE, authors="Ada Lovelace, Alan Turing and Kurt Gödel"))
    assert detect_format(path) == "json"
    (paper,) = papers_of(path)
    assert paper.authors == ("Ada Lovelace", "Alan Turing", "Kurt Gödel") and paper.venue == "NeurIPS 2024"


def test_openalex_work_rebuilds_its_abstract_and_reads_its_own_keys(tmp_path):
    (paper,) = papers_of(jsonl(tmp_path / "works.jsonl", OPENALEX))
    assert paper.abstract == "Despite growing interest in open access, in practice."
    assert (paper.title, paper.year, paper.date) == ("The state of OA", 2018, date(2018, 2, 13))
    assert (paper.venue, paper.doi) == ("PeerJ", "10.7717/peerj.4375")
    assert paper.authors == ("Heather Piwowar", "Jason Priem")
    assert paper.urls == ("https://peerj.com/articles/4375",)


def test_inverted_index_puts_repeated_words_back_in_place():
    assert rebuild_abstract({"Deep": [0], "nets": [1, 3], "and": [2]}) == "Deep nets and nets"
    assert rebuild_abstract(None) == ""


def test_semantic_scholar_array_gives_arxiv_id_doi_and_authors(tmp_path):
    path = write(tmp_path / "s2.json", json.dumps([SEMANTIC_SCHOLAR], indent=2))
    assert detect_format(path) == "json"
    (paper,) = papers_of(path)
    # The arXiv id makes it the same paper as the arXiv corpus's record of it.
    assert (paper.id, paper.arxiv_id) == ("2106.15928", "2106.15928")
    assert (paper.year, paper.venue, paper.doi) == (2021, "NAACL", "10.48550/arxiv.2106.15928")
    assert paper.date == date(2021, 6, 30) and paper.authors == ("Waleed Ammar", "Dirk Groeneveld")
    assert paper.urls == (SEMANTIC_SCHOLAR["url"], "https://aclanthology.org/N18-3011.pdf")
    assert paper.source == f"{path}:2"


def test_openreview_notes_of_both_apis(tmp_path):
    new, old = papers_of(jsonl(tmp_path / "notes.jsonl", OPENREVIEW_V2, OPENREVIEW_V1))
    assert (new.title, new.abstract, new.venue, new.authors) == (
        "Diffusion Policies at Scale", ABSTRACT, "ICLR 2024 poster", ("Grace Hopper",))
    assert (new.date, new.year) == (date(2024, 1, 11), 2024)
    assert new.urls == ("https://openreview.net/forum?id=Hk9x1", "https://openreview.net/pdf/abc.pdf")
    assert new.categories == ("diffusion", "robotics")
    assert (old.title, old.year, old.authors) == ("Old API Note", 2019, ("Ann Author",))


def test_json_array_on_one_line_pretty_or_gzipped_and_api_pages(tmp_path):
    records = [dict(CONFERENCE, title=f"Paper {i}", year=2020 + i) for i in range(3)]
    for name, text in [("one.json", json.dumps(records)), ("pretty.json", json.dumps(records, indent=1)),
                       ("page.json", json.dumps({"meta": {"count": 3}, "results": records}))]:
        path = write(tmp_path / name, text)
        assert [(p.title, p.year) for p in papers_of(path)] == [(f"Paper {i}", 2020 + i) for i in range(3)]
    zipped = write(tmp_path / "array.gz", gzip.compress(json.dumps(records).encode()))
    assert detect_format(zipped) == "json" and len(papers_of(zipped)) == 3


def test_json_array_broken_in_the_middle_keeps_what_came_before(tmp_path):
    good = json.dumps(dict(CONFERENCE, title="First"), indent=1)
    path = write(tmp_path / "broken.json", f"[\n{good},\n{{\"title\": \"Second\", oops}}\n]")
    items = list(iter_papers(path))
    assert [type(i) for i in items] == [Paper, SkippedRecord]
    assert items[0].title == "First"
    assert items[1].line == good.count("\n") + 3 and "the rest was not read" in items[1].reason


def test_array_items_that_are_not_papers_are_skipped_with_the_reason(tmp_path):
    path = write(tmp_path / "mixed.json", json.dumps([CONFERENCE, 7, {"title": "No abstract"}]))
    items = list(iter_papers(path))
    assert isinstance(items[0], Paper)
    assert "a number, not a JSON object" in items[1].reason
    assert "no abstract" in items[2].reason


def test_csv_and_tsv_with_quoted_multiline_fields(tmp_path):
    csv_path = write(tmp_path / "papers.csv", 'Title,Abstract,Year,Venue,Authors,DOI\n'
                     '"Paper, One","First line\nsecond line",2023,ICML,"A One; B Two",10.1234/X\n\n'
                     'Paper Two,Short abstract.,2022,,C Three,\n')
    assert detect_format(csv_path) == "csv"
    one, two = papers_of(csv_path)
    assert (one.title, one.abstract, one.year, one.venue, one.doi) == (
        "Paper, One", "First line second line", 2023, "ICML", "10.1234/x")
    assert one.authors == ("A One", "B Two") and one.source == f"{csv_path}:2"
    assert (two.source, two.venue, two.doi) == (f"{csv_path}:5", None, None)
    tsv = write(tmp_path / "papers.tsv", "title\tsummary\tpublication_date\nT\tAn abstract.\t2024-05-01\n")
    (paper,) = papers_of(tsv)
    assert (paper.date, paper.year) == (date(2024, 5, 1), 2024)


def test_csv_row_with_too_many_fields_is_skipped_and_the_rest_read(tmp_path):
    path = write(tmp_path / "p.csv", "title,abstract\nA, b, c\nB,An abstract.\n")
    items = list(iter_papers(path))
    assert isinstance(items[0], SkippedRecord) and items[0].line == 2
    assert "3 fields, the header has 2" in items[0].reason
    assert isinstance(items[1], Paper) and items[1].title == "B"


def test_map_names_the_keys_of_any_field_including_nested_ones(tmp_path):
    record = {"paper_name": "Mapped", "body": {"text": ABSTRACT}, "when": "2021", "where": "KDD"}
    path = jsonl(tmp_path / "odd.jsonl", record)
    with pytest.raises(SourceFormatError, match="no title and no abstract.*--map"):
        detect_format(path)
    field_map = parse_field_map("title=paper_name, abstract=body.text,year=when,venue=where")
    (paper,) = papers_of(path, field_map=field_map)
    assert (paper.title, paper.abstract, paper.year, paper.venue) == ("Mapped", ABSTRACT, 2021, "KDD")
    csv_path = write(tmp_path / "odd.csv", "name,text\nCSV Mapped,An abstract.\n")
    (paper,) = papers_of(csv_path, field_map=parse_field_map("title=name,abstract=text"))
    assert paper.title == "CSV Mapped"


@pytest.mark.parametrize(("text", "said"), [
    ("title", "'title' is not FIELD=KEY"),
    ("heading=paper_title", "'heading' is not a paperkg field"),
    ("title=a,title=b", "maps 'title' twice"),
    ("title=", "is not FIELD=KEY"),
])
def test_bad_map_is_one_error_naming_the_option(text, said):
    with pytest.raises(SourceFormatError, match="--map") as raised:
        parse_field_map(text)
    assert said in str(raised.value)


def test_csv_without_an_abstract_column_is_one_clear_error(tmp_path):
    path = write(tmp_path / "no_abstract.csv", "title,year,venue\nA paper,2024,ICML\n")
    assert detect_format(path) == "csv"
    with pytest.raises(SourceFormatError) as raised:
        iter_papers(path)  # on the call, before any iteration
    assert str(raised.value) == (f"Cannot read {path} as CSV: its columns are title, year, venue, and none "
                                 "holds the abstract; rename the column or name it with --map abstract=COLUMN")
    with pytest.raises(SourceFormatError, match="no column 'summary'"):
        iter_papers(path, format="csv", field_map={"abstract": "summary"})
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "kg.db"), "--quiet"])
    assert result.exit_code == 1
    assert str(raised.value) in result.stderr.splitlines()  # one line, among the output


def test_json_array_that_is_not_records_is_one_clear_error(tmp_path):
    path = write(tmp_path / "numbers.json", "[[1, 2], [3, 4]]")
    with pytest.raises(SourceFormatError, match="JSON array, but not of records") as raised:
        detect_format(path)
    assert str(path) in str(raised.value)


def test_map_with_a_format_it_cannot_name_is_refused(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", CONFERENCE)
    with pytest.raises(SourceFormatError, match="--map names the fields of json and csv"):
        iter_papers(path, format="arxiv-jsonl", field_map={"title": "title"})


def test_cli_ingests_with_map_and_refuses_a_bad_one_in_one_line(tmp_path):
    path = write(tmp_path / "talks.csv", "paper_title,summary,conf\nMapped Talk,An abstract on GSM8K.,EMNLP 2023\n")
    db = tmp_path / "kg.db"
    bad = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "--map", "venue"])
    assert bad.exit_code == 1
    assert bad.output.splitlines() == ["Error: --map 'venue' is not FIELD=KEY; write it as "
                                       "--map title=paper_title,abstract=summary"]
    assert not db.exists()
    ok = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "--quiet", "--map", "venue=conf"])
    assert ok.exit_code == 0, ok.output
    with Store(db) as store:
        (paper,) = store.iter_papers()
    assert (paper.title, paper.venue) == ("Mapped Talk", "EMNLP 2023")


def test_a_later_source_fills_what_an_earlier_one_lacked(tmp_path):
    arxiv = jsonl(tmp_path / "arxiv.jsonl", {"arxiv_id": "2106.15928v2", "title": "Construction of the Literature Graph",
                                             "abstract": ABSTRACT, "listing_date": "2021-06-30"})
    s2 = jsonl(tmp_path / "s2.jsonl", SEMANTIC_SCHOLAR)
    (from_arxiv,) = papers_of(arxiv)
    assert (from_arxiv.id, from_arxiv.year, from_arxiv.venue) == ("2106.15928", 2021, None)
    db = tmp_path / "kg.db"
    for path in (arxiv, s2):
        assert CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "--quiet"]).exit_code == 0
    with Store(db) as store:
        (paper,) = store.iter_papers()
    assert (paper.venue, paper.doi, paper.year) == ("NAACL", "10.48550/arxiv.2106.15928", 2021)
    assert paper.date == date(2021, 6, 30)


def test_a_json_array_larger_than_the_read_chunk_is_read_whole_with_its_line_numbers(tmp_path):
    records = [dict(CONFERENCE, title=f"Paper {i}", abstract=ABSTRACT * 8) for i in range(4000)]
    path = write(tmp_path / "big.json", "[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]\n")
    assert path.stat().st_size > 2 * (1 << 20)  # several read chunks, records across their ends
    papers = papers_of(path)
    assert [p.title for p in papers] == [r["title"] for r in records]
    assert [p.source for p in papers[::997]] == [f"{path}:{i + 2}" for i in range(0, 4000, 997)]


def test_a_json_array_on_one_line_longer_than_the_line_limit_is_detected_and_read(tmp_path):
    records = [dict(CONFERENCE, title=f"Paper {i}", abstract=ABSTRACT * 40) for i in range(600)]
    path = write(tmp_path / "one_line.json", json.dumps(records))
    assert path.stat().st_size > 1_000_000  # over the limit of one line, not of one record
    assert detect_format(path) == "json"
    assert len(papers_of(path)) == 600
