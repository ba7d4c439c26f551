"""Shared test inputs: a real Extractor over a small TSV gazetteer, and the seed page's lines."""

from pathlib import Path

from paperkg.graph.extract import Extractor, Gazetteer, read_gazetteer


def extractor_from_tsv(tsv: str, folder) -> Extractor:
    """An extractor whose only names are those of `tsv` (the gazetteer file format)."""
    path = folder / "names.tsv"
    path.write_text(tsv, encoding="utf-8")
    return Extractor(Gazetteer(read_gazetteer(path)), discover=False)


SEED = Path(__file__).resolve().parents[1] / "data" / "daily_papers.txt"


def seed_lines() -> list[str]:
    """The seed page's lines of more than 40 characters: real titles and abstracts."""
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 40]
