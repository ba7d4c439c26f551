"""The seed page (`data/daily_papers.txt`) as test inputs: its real lines and its papers.

Plain functions, not fixtures, because module-level test data (parametrize lists, the texts
a fast path is compared on) is built from them; the extract, ingest and reextract tests share them.
"""

import re
from pathlib import Path

from paperkg.graph.records import Paper, paper_id

SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"


def seed_lines() -> list[str]:
    """The seed page's lines of more than 40 characters: real titles and abstracts."""
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 40]


def seed_papers() -> list[Paper]:
    """Title and abstract of each entry: the two lines before its "• N authors" line."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        Paper(paper_id(lines[i - 2]), lines[i - 2], lines[i - 1])
        for i, line in enumerate(lines)
        if re.match(r"•\s*\d+ authors?$", line)
    ]
