"""Builds a real Extractor over a small gazetteer written as TSV, for the rule tests."""

from paperkg.graph.extract import Extractor, Gazetteer, read_gazetteer


def extractor_from_tsv(tsv: str, folder) -> Extractor:
    """An extractor whose only names are those of `tsv` (the gazetteer file format)."""
    path = folder / "names.tsv"
    path.write_text(tsv, encoding="utf-8")
    return Extractor(Gazetteer(read_gazetteer(path)), discover=False)
