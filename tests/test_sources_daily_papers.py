"""The Daily Papers reader on the bundled seed page and on pages built from it."""

from __future__ import annotations

import gzip
import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from paperkg.graph.errors import SourceFormatError
from paperkg.graph.records import Paper, SkippedRecord, paper_id
from paperkg.graph.sources import iter_papers
from paperkg.graph.sources.dates import DateLine, parse_date_line, resolve_month_day
from paperkg.graph.sources.urls import find_urls, is_code_url

SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"
AS_OF = date(2026, 11, 28)

SEED_TITLES = [
    "Uncovering Conceptual Blindspots in Generative Image Models Using Sparse Autoencoders",
    "Unleashing the Power of Data Tsunami: A Comprehensive Survey on Data Assessment and "
    "Selection for Instruction Tuning of Language Models",
    "MUSE: Machine Unlearning Six-Way Evaluation for Language Models",
    "Scaling MLPs: A Tale of Inductive Bias",
    "RESTOR: Knowledge Recovery in Machine Unlearning",
    "DC-Solver: Improving Predictor-Corrector Diffusion Sampler via Dynamic Compensation",
    "Distribution Transformers: Fast Approximate Bayesian Inference With On-The-Fly Prior Adaptation",
    "Batch Predictive Inference",
    "Effective Backdoor Mitigation in Vision-Language Models Depends on the Pre-training Objective",
    "A theory of representation learning gives a deep generalisation of kernel methods",
    "The Unreasonable Effectiveness of Easy Training Data for Hard Tasks",
    "Foundational Autoraters: Taming Large Language Models for Better Automatic Evaluation",
    "Using Degeneracy in the Loss Landscape for Mechanistic Interpretability",
    "From Memorization to Reasoning in the Spectrum of Loss Curvature",
    "Preference Learning Algorithms Do Not Learn Preference Rankings",
    "When Do Neural Nets Outperform Boosted Trees on Tabular Data?",
    "Improving Few-Shot Generalization by Exploring and Exploiting Auxiliary Data",
]

ABSTRACT = (
    "We study a problem that matters. We propose a method and evaluate it on three benchmarks, "
    "where it improves on strong baselines while costing less to run than any of them."
)


def read(path: Path, as_of: date = AS_OF) -> tuple[list[Paper], list[SkippedRecord]]:
    items = list(iter_papers(path, as_of=as_of))
    papers = [item for item in items if isinstance(item, Paper)]
    skipped = [item for item in items if isinstance(item, SkippedRecord)]
    assert len(papers) + len(skipped) == len(items)
    return papers, skipped


def entry(title: str, meta: str = "  • 3 authors\n·\nJun 24", abstract: str = ABSTRACT) -> str:
    return f"{title}\n\n{abstract}\n\n{meta}\n\n"


def write_page(tmp_path: Path, body: str, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_text("Daily Papers\n\nbyAK and the research community\n\nDec 26\n\n" + body, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed() -> dict[str, Paper]:
    papers, skipped = read(SEED)
    assert skipped == []
    return {paper.title: paper for paper in papers}


def test_seed_page_gives_its_17_papers_in_order_and_nothing_else():
    papers, skipped = read(SEED)
    assert [paper.title for paper in papers] == SEED_TITLES
    assert skipped == []
    assert len({paper.id for paper in papers}) == 17


def test_seed_entries_have_every_field_right(seed):
    muse = seed["MUSE: Machine Unlearning Six-Way Evaluation for Language Models"]
    assert muse.id == "muse-machine-unlearning-six-way-evaluation-for-language-models"
    assert muse.abstract.startswith("Language models (LMs) are trained on vast amounts of text data")
    assert muse.abstract.endswith("to facilitate further evaluations: muse-bench.github.io")
    assert (muse.date, muse.authors_count, muse.upvotes) == (date(2024, 7, 8), 10, None)
    assert muse.urls == ("https://muse-bench.github.io",)
    assert muse.code_urls == ()
    assert muse.source == f"{SEED}:29"

    tsunami = seed[SEED_TITLES[1]]
    assert (tsunami.date, tsunami.authors_count, tsunami.upvotes) == (date(2024, 8, 4), 10, 4)
    assert tsunami.code_urls == ("https://github.com/yuleiqin/fantastic-data-engineering",)

    solver = seed["DC-Solver: Improving Predictor-Corrector Diffusion Sampler via Dynamic Compensation"]
    assert (solver.date, solver.authors_count, solver.upvotes) == (date(2024, 9, 5), 4, None)
    assert solver.code_urls == solver.urls == ("https://github.com/wl-zhao/DC-Solver",)

    autoraters = seed["Foundational Autoraters: Taming Large Language Models for Better Automatic Evaluation"]
    assert (autoraters.date, autoraters.authors_count, autoraters.upvotes) == (date(2024, 7, 15), 6, 8)
    assert autoraters.urls == ()

    tabular = seed["When Do Neural Nets Outperform Boosted Trees on Tabular Data?"]
    assert tabular.code_urls == ("https://github.com/naszilla/tabzilla",)  # no sentence full stop


def test_seed_last_line_without_newline_is_read(seed):
    last = seed[SEED_TITLES[-1]]
    assert (last.date, last.authors_count, last.upvotes) == (date(2023, 2, 1), 3, None)
    assert last.abstract.endswith("few-shot learning.")


def test_year_less_dates_are_the_latest_not_after_as_of(seed):
    assert seed[SEED_TITLES[0]].date == date(2026, 6, 24)  # "Jun 24"
    assert seed["From Memorization to Reasoning in the Spectrum of Loss Curvature"].date == date(2026, 10, 28)
    papers, _ = read(SEED, as_of=date(2026, 6, 23))
    assert papers[0].date == date(2025, 6, 24)
    assert all(paper.date <= date(2026, 6, 23) for paper in papers)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(date(2026, 11, 28), date(2025, 12, 26)), (date(2026, 12, 26), date(2026, 12, 26))],
)
def test_dec_26_falls_on_or_before_as_of(tmp_path, as_of, expected):
    path = write_page(tmp_path, entry("A Paper Listed on Boxing Day", meta="  • 2 authors\n·\nDec 26"))
    papers, _ = read(path, as_of=as_of)
    assert [paper.date for paper in papers] == [expected]


def test_feb_29_without_year_goes_back_to_a_leap_year():
    assert resolve_month_day(2, 29, date(2026, 11, 28)) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jun 24", DateLine(6, 24)),
        ("Aug 4, 2024 4", DateLine(8, 4, 2024, 4)),
        ("Jul 15, 2024 8", DateLine(7, 15, 2024, 8)),
        ("Feb 1, 2023146", DateLine(2, 1, 2023, 146)),
        ("Jun 24 12", DateLine(6, 24, None, 12)),
        ("Published on Sept 3, 2024", DateLine(9, 3, 2024)),
        ("Jun 245", None),
        ("Juin 24", None),
        ("Scaling MLPs: A Tale of Inductive Bias", None),
    ],
)
def test_date_lines_split_year_from_upvotes(line, expected):
    assert parse_date_line(line) == expected


def test_upvotes_glued_to_the_year_are_read(tmp_path):
    path = write_page(tmp_path, entry("Glued Counts", meta="  • 3 authors\n·\nFeb 1, 2023146"))
    papers, _ = read(path)
    assert (papers[0].date, papers[0].upvotes) == (date(2023, 2, 1), 146)


def without_source(papers: list[Paper]) -> list[Paper]:
    return [replace(paper, source="") for paper in papers]


def test_crlf_endings_and_trailing_spaces_change_nothing(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "crlf.txt"
    path.write_bytes("".join(line + "  \r\n" for line in text.split("\n")).encode("utf-8"))
    assert without_source(read(path)[0]) == without_source(read(SEED)[0])


def test_gzipped_page_reads_like_the_plain_one(tmp_path):
    path = tmp_path / "page.txt"  # no .gz suffix: gzip is told by its magic bytes
    path.write_bytes(gzip.compress(SEED.read_bytes()))
    assert without_source(read(path)[0]) == without_source(read(SEED)[0])


def test_extra_chrome_lines_are_not_papers_nor_skipped(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("\n\nMUSE:", "\n\nSubscribe\n\nLoad more\n\nMUSE:")
    path = tmp_path / "page.txt"
    path.write_text("Hugging Face\nModels\n\n" + text + "\n\nPrevious\n\nNext\n", encoding="utf-8")
    papers, skipped = read(path)
    assert [paper.title for paper in papers] == SEED_TITLES
    assert skipped == []


def test_entry_without_authors_line_keeps_date_and_upvotes(tmp_path):
    path = write_page(tmp_path, entry("First", meta="·\nAug 4, 2024 4") + entry("Second"))
    papers, skipped = read(path)
    assert [(p.title, p.authors_count, p.date, p.upvotes) for p in papers] == [
        ("First", None, date(2024, 8, 4), 4),
        ("Second", 3, date(2026, 6, 24), None),
    ]
    assert skipped == []


def test_meta_on_one_line_and_upvotes_on_their_own_line_are_read(tmp_path):
    body = entry("One Line Meta", meta="4 authors · Jun 24 · 12")
    body += entry("Own Line Votes", meta="1 author\n·\nMay 2, 2025\n7")
    papers, skipped = read(write_page(tmp_path, body))
    assert [(p.authors_count, p.date, p.upvotes) for p in papers] == [
        (4, date(2026, 6, 24), 12),
        (1, date(2025, 5, 2), 7),
    ]
    assert skipped == []


def test_title_without_abstract_is_skipped_and_its_neighbours_kept(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace(
        "\n\nMUSE:", "\n\nA Title Whose Abstract Was Lost\n\nMUSE:"
    )
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    papers, skipped = read(path)
    assert [paper.title for paper in papers] == SEED_TITLES
    assert len(skipped) == 1
    assert skipped[0].line == 29
    assert "A Title Whose Abstract Was Lost" in skipped[0].reason
    assert "no abstract" in skipped[0].reason
    assert str(skipped[0]).startswith(f"{path}:29: ")


def test_abstract_without_title_is_skipped(tmp_path):
    body = entry("Kept Before") + f"{ABSTRACT}\n\n  • 2 authors\n·\nJun 2\n\n" + entry("Kept After")
    papers, skipped = read(write_page(tmp_path, body))
    assert [paper.title for paper in papers] == ["Kept Before", "Kept After"]
    assert [record.line for record in skipped] == [15]
    assert "no title" in skipped[0].reason


def test_entry_with_no_meta_lines_between_two_entries_is_still_read(tmp_path):
    # The abstract ends with an address, not a full stop, as DC-Solver's does on the seed page.
    abstract = f"{ABSTRACT} Code is available at https://github.com/x/y"
    body = entry("Before") + f"Lost Its Meta Lines\n\n{abstract}\n\n" + entry("After")
    papers, skipped = read(write_page(tmp_path, body))
    assert [(paper.title, paper.date, paper.code_urls) for paper in papers] == [
        ("Before", date(2026, 6, 24), ()),
        ("Lost Its Meta Lines", None, ("https://github.com/x/y",)),
        ("After", date(2026, 6, 24), ()),
    ]
    assert skipped == []


def test_a_latin1_line_in_a_utf8_page_refuses_the_whole_file(tmp_path):
    raw = SEED.read_bytes().replace(b"RESTOR helps uncover", "RESTOR \u00e9claire".encode("latin-1"))
    path = tmp_path / "latin1.txt"
    path.write_bytes(raw)
    with pytest.raises(SourceFormatError, match=r"mixes UTF-8 .*line 47 is not UTF-8.*Nothing of it was read") as raised:
        read(path)
    assert str(path) in str(raised.value)


def test_impossible_date_keeps_the_paper_without_a_date(tmp_path, caplog):
    path = write_page(tmp_path, entry("No Such Day", meta="  • 3 authors\n·\nFeb 30, 2024"))
    with caplog.at_level(logging.WARNING, logger="paperkg.graph.sources.daily_papers"):
        papers, skipped = read(path)
    assert [(paper.title, paper.date) for paper in papers] == [("No Such Day", None)]
    assert "not a calendar day" in caplog.text and str(path) in caplog.text


def test_paper_id_is_the_title_slug(seed):
    for title, paper in seed.items():
        assert paper.id == paper_id(title)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("evaluations: muse-bench.github.io", ("https://muse-bench.github.io",)),
        (
            "at https://github.com/a/b. Also (see www.example.com/x).",
            ("https://github.com/a/b", "https://www.example.com/x"),
        ),
        ("e.g. Node.js, ASP.NET, Stable-Diffusion-2.1 and 0.394 MSE", ()),
        ("Code: \\href{https://github.com/a/my\\_repo}{here}", ("https://github.com/a/my_repo",)),
        ("[https://x.org/a](https://x.org/a)", ("https://x.org/a",)),
        ("mail me at someone@example.com", ()),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", ("https://en.wikipedia.org/wiki/Foo_(bar)",)),
    ],
)
def test_urls_are_found_in_prose(text, expected):
    assert find_urls(text) == expected


@pytest.mark.parametrize(
    ("url", "is_code"),
    [
        ("https://github.com/wl-zhao/DC-Solver", True),
        ("https://gist.github.com/x/1", True),
        ("https://huggingface.co/facebook/dinov2-base", True),
        ("https://huggingface.co/papers/2407.06460", False),
        ("https://muse-bench.github.io", False),
        ("https://gitlab.com/a/b", True),
        ("https://bitbucket.org/a/b", True),
    ],
)
def test_code_urls_are_those_on_code_hosts(url, is_code):
    assert is_code_url(url) is is_code


def test_long_page_without_meta_lines_reads_every_pair(tmp_path):
    # 3,000 text lines and no author or date line: read in bounded pieces, no pair split.
    body = "".join(f"Title Number {n}\n\n{ABSTRACT} Case {n}.\n\n" for n in range(1500))
    papers, skipped = read(write_page(tmp_path, body))
    assert [paper.title for paper in papers] == [f"Title Number {n}" for n in range(1500)]
    assert skipped == [] and {paper.date for paper in papers} == {None}
