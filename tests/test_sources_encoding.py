"""graph/sources/encoding.py: a file is decoded whole in one encoding, or refused whole."""

import gzip
import logging

import pytest

from paperkg.graph.errors import SourceFormatError
from paperkg.graph.records import Paper, SkippedRecord
from paperkg.graph.sources import detect_format, iter_papers

from seed_graph import SEED_PAGE

SEED_TEXT = SEED_PAGE.read_text(encoding="utf-8")


def papers_of(path):
    items = list(iter_papers(path))
    return [i for i in items if isinstance(i, Paper)], [i for i in items if isinstance(i, SkippedRecord)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("packed", [False, True])
def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path, encoding, packed):
    body = SEED_TEXT.encode(encoding)
    if not encoding.endswith(("16", "32")):  # the -le/-be codecs write no BOM; add it
        body = "\ufeff".encode(encoding) + body
    path = tmp_path / "page.txt"
    path.write_bytes(gzip.compress(body) if packed else body)
    assert detect_format(path) == "daily-papers"
    papers, skipped = papers_of(path)
    assert len(papers) == 17 and skipped == []
    assert papers[0].title == "Uncovering Conceptual Blindspots in Generative Image Models Using Sparse Autoencoders"


def test_a_cp1252_file_is_read_whole_with_one_warning_line(tmp_path, caplog):
    path = tmp_path / "page.txt"
    text = SEED_TEXT.replace("RESTOR helps uncover", "RESTOR \u00e9claire \u2013 \u201cquoted\u201d")
    path.write_bytes(text.encode("cp1252", "replace"))
    with caplog.at_level(logging.WARNING):
        papers, skipped = papers_of(path)
    assert len(papers) == 17 and skipped == []
    assert any("RESTOR \u00e9claire \u2013 \u201cquoted\u201d" in p.abstract for p in papers)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and str(path) in warnings[0] and "cp1252" in warnings[0]


def test_a_file_mixing_utf8_and_latin1_is_refused_whole(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(SEED_TEXT.encode("utf-8").replace(b"RESTOR helps", b"RESTOR \xe9claire"))
    with pytest.raises(SourceFormatError, match=r"mixes UTF-8.*line 47 .*Nothing of it was read"):
        papers_of(path)


def test_a_broken_utf16_file_is_refused_whole(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(SEED_TEXT.encode("utf-16") + "\ud800".encode("utf-16-le", "surrogatepass"))
    with pytest.raises(SourceFormatError, match=r"UTF-16 byte order mark but is not valid UTF-16.*Nothing of it was read"):
        papers_of(path)


def test_bytes_cp1252_leaves_undefined_refuse_the_file(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(SEED_TEXT.encode("ascii", "replace").replace(b"RESTOR helps", b"RESTOR \x81\x8d"))
    with pytest.raises(SourceFormatError, match=r"neither UTF-8 nor cp1252.*line 47"):
        papers_of(path)
