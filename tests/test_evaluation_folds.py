"""Tests of the GSAP-NER folds: assignment, the fold table, and the quality page's use of them."""

from __future__ import annotations

import json
from pathlib import Path

from paperkg.graph.evaluation.folds import assign_folds, evaluate_folds, render_fold_table
from paperkg.graph.evaluation.gold import iter_gold
from paperkg.graph.evaluation.quality import write_quality_doc
from paperkg.graph.evaluation.unseen import UnseenSetup
from paperkg.graph.extract import Extractor
from paperkg.graph.extract.names.gazetteer import Gazetteer
from paperkg.graph.records import EntityType, Mention

TEXT = "FLAMe-RM-24B outperforms GPT-4o on RewardBench."


def write_papers(path: Path, papers: int, paragraphs: int = 2) -> Path:
    """`papers` papers of `paragraphs` paragraphs each; GPT-4o annotated in every one."""
    start = TEXT.index("GPT-4o")
    entity = {"start": start, "end": start + 6, "label": "MLModel", "text": "GPT-4o"}
    with path.open("w") as out:
        for p in range(papers):
            for u in range(paragraphs):
                out.write(json.dumps({"source": "GSAP-NER", "split": "dev",
                                      "doc_id": f"{p:05d}_x.txt|text_unit_{u}", "text": TEXT,
                                      "entities": [entity]}) + "\n")
    return path


class FindsInPapers:
    """Finds GPT-4o as a MODEL only in the paragraphs of the papers it is given."""

    def __init__(self, papers: set[str]):
        self.papers = papers

    def extract_text(self, text: str, doc_id: str = "text") -> list[Mention]:
        if doc_id.split("|")[0] not in self.papers:
            return []
        start = text.index("GPT-4o")
        return [Mention(doc_id, "text", start, start + 6, "GPT-4o", text, EntityType.MODEL,
                        "gpt-4o", 0.9, "test")]


def test_a_papers_paragraphs_share_a_fold_and_folds_are_stable(tmp_path):
    documents = list(iter_gold(write_papers(tmp_path / "g.jsonl", papers=12)))
    folds = assign_folds(documents)
    assert sorted(folds) == [0, 1, 2, 3, 4]
    assert sum(len(f) for f in folds.values()) == 24
    for fold, part in folds.items():
        assert len({d.doc_id.split("|")[0] for d in part}) in (2, 3)
        for d in part:
            assert int(d.doc_id[:5]) % 5 == fold
    assert assign_folds(list(reversed(documents)))[0] == list(reversed(folds[0]))


def test_fold_table_shows_each_fold_and_the_spread(tmp_path):
    documents = list(iter_gold(write_papers(tmp_path / "g.jsonl", papers=5, paragraphs=1)))
    # Found in the papers of folds 0, 1 and 2 only: F1 100, 100, 100, 0, 0.
    extractor = FindsInPapers({"00000_x.txt", "00001_x.txt", "00002_x.txt"})
    lines = render_fold_table("t", evaluate_folds(documents, extractor))
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines if "|" in line]
    rows = {row[0]: row for row in cells}
    assert rows["fold 0"][1:4] == ["1", "1", "100.0 / 100.0"]
    assert rows["fold 4"][1:4] == ["1", "1", "0.0 / 0.0"]
    assert "MODEL" in rows["fold"][3]
    assert [rows[s][3] for s in ("min (strict)", "median (strict)", "max (strict)")] == [
        "0.0", "100.0", "100.0"]


def test_quality_doc_holds_unseen_targets_and_fold_tables(tmp_path):
    gold = write_papers(tmp_path / "gsap_ner_abstracts_dev.jsonl", papers=5)
    extractor = Extractor.default()
    setup = UnseenSetup(extractor.gazetteer.entities, lambda kept: Extractor(Gazetteer(kept)))
    out = tmp_path / "quality.md"
    write_quality_doc([gold], extractor, out, unseen=setup)
    page = out.read_text()
    assert "| gsap_ner_abstracts_dev | MODEL | --unseen | >= 70 |" in page
    assert "## gsap_ner_abstracts_dev.jsonl (--unseen)" in page
    assert "## gsap_ner_abstracts_dev.jsonl, folds (normal)" in page
    assert "## gsap_ner_abstracts_dev.jsonl, folds (--unseen)" in page
