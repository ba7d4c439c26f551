"""bench/extract_diff.py: the records it writes of an extraction, and how it tells two runs apart."""

import gzip
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from paperkg.graph.extract import Extractor
from seed_page import seed_papers

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "extract_diff.py"
_spec = importlib.util.spec_from_file_location("extract_diff", SCRIPT)
extract_diff = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = extract_diff
_spec.loader.exec_module(extract_diff)


@pytest.fixture(scope="module")
def lines():
    extractions = list(Extractor.default().extract(seed_papers()[:6]))
    return [extract_diff.json.dumps(r, ensure_ascii=False) + "\n"
            for r in extract_diff.iter_records(extractions)]


def write(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.writelines(lines)
    return path


def test_every_mention_has_its_role_and_vote_beside_it(lines):
    kinds = Counter(line.split('"', 2)[1] for line in lines)
    assert kinds["mention"] > 20 and kinds["entity"] > 10
    assert kinds["mention"] == kinds["role"] == kinds["vote"]
    assert kinds["order"] == 6


def test_identical_runs_compare_identical(tmp_path, lines, capsys):
    extract_diff.main(["compare", str(write(tmp_path / "a.gz", lines)), str(write(tmp_path / "b.gz", lines))])
    assert capsys.readouterr().out.startswith("identical")


def test_a_changed_role_is_counted_by_kind_and_type_and_shown(tmp_path, lines, capsys):
    at = next(i for i, line in enumerate(lines) if line.startswith('["role"'))
    changed = [*lines[:at], lines[at].replace('"MENTIONS"', '"USES"').replace('"INTRODUCES"', '"USES"'),
               *lines[at + 1:]]
    with pytest.raises(SystemExit) as stopped:
        extract_diff.main(["compare", str(write(tmp_path / "a.gz", lines)),
                           str(write(tmp_path / "b.gz", changed))])
    assert stopped.value.code == 1
    out = capsys.readouterr().out
    assert out.startswith("differences: 1 records") and "changed      role" in out and '"USES"' in out


def test_a_file_that_is_not_a_record_file_stops_with_one_clear_line(tmp_path, lines):
    (tmp_path / "plain.txt").write_text("not gzip")
    with pytest.raises(SystemExit) as stopped:
        extract_diff.main(["compare", str(tmp_path / "plain.txt"), str(write(tmp_path / "b.gz", lines))])
    assert "plain.txt" in str(stopped.value.code) and "extract_diff.py write" in str(stopped.value.code)
