"""How fast the generic readers read, against the arXiv JSON Lines reader, on real abstracts.

    .venv/bin/python bench/source_readers.py [--corpus DIR] [--n N] [--repeat R]

Takes the first N records of the corpus (default 20,000) and writes them, in a temporary
folder, in each shape `paperkg ingest` reads: arXiv JSON Lines (the baseline, whose records
list their URLs), the arXiv snapshot (whose URLs, like the generic reader's, are searched
for in the abstract, so it is the fairer comparison), a conference
list (JSON Lines with venue, year, doi, pdf), OpenAlex works (abstract as an inverted index),
Semantic Scholar papers as one JSON array, OpenReview notes, and CSV. Each file is read
with `iter_papers` (format detected, as `paperkg ingest` does) R times, alternating; it
prints the median papers a second of each and, on its last line, one JSON object with the
ratio of each to the baseline's median rate, measured in the same run.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from paperkg.graph.records import Paper
from paperkg.graph.sources import iter_papers

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arxiv_cs_2025_2026"


def load_records(corpus: Path, n: int) -> list[dict]:
    records: list[dict] = []
    for path in sorted(corpus.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                records.append(json.loads(line))
                if len(records) >= n:
                    return records
    return records


def inverted_index(text: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text.split()):
        index.setdefault(word, []).append(position)
    return index


def write_shapes(records: list[dict], folder: Path) -> dict[str, Path]:
    def lines(name: str, rows) -> Path:
        path = folder / name
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return path

    def conference(r):
        return {"venue": "NeurIPS 2025", "year": int(r["listing_date"][:4]), "id": r["arxiv_id"],
                "title": r["title"], "abstract": r["abstract"], "authors": r["authors"],
                "doi": f"10.48550/arXiv.{r['arxiv_id']}", "pdf": r["abs_url"], "site": r["abs_url"],
                "track": "main", "status": "Poster"}

    def openalex(i, r):
        return {"id": f"https://openalex.org/W{i}", "doi": f"https://doi.org/10.48550/arxiv.{r['arxiv_id']}",
                "title": r["title"], "publication_year": int(r["listing_date"][:4]),
                "publication_date": r["listing_date"], "primary_location": {"source": {"display_name": "arXiv"}},
                "authorships": [{"author": {"display_name": a}} for a in r["authors"]],
                "abstract_inverted_index": inverted_index(r["abstract"])}

    def s2(r):
        return {"paperId": r["arxiv_id"], "externalIds": {"ArXiv": r["arxiv_id"]}, "title": r["title"],
                "abstract": r["abstract"], "year": int(r["listing_date"][:4]), "venue": "arXiv",
                "publicationDate": r["listing_date"], "authors": [{"name": a} for a in r["authors"]]}

    def openreview(r):
        return {"id": r["arxiv_id"], "forum": r["arxiv_id"], "pdate": 1735689600000,
                "content": {"title": {"value": r["title"]}, "abstract": {"value": r["abstract"]},
                            "authors": {"value": r["authors"]}, "venue": {"value": "ICLR 2026"}}}

    def snapshot(r):
        return {"id": r["arxiv_id"], "title": r["title"], "abstract": r["abstract"],
                "authors": ", ".join(r["authors"]), "categories": " ".join(r["categories"]),
                "update_date": r["listing_date"], "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]}

    paths = {"arxiv-jsonl": lines("arxiv.jsonl", records),
             "arxiv-snapshot": lines("snapshot.jsonl", map(snapshot, records)),
             "conference": lines("conference.jsonl", map(conference, records))}
    paths["openalex"] = lines("openalex.jsonl", (openalex(i, r) for i, r in enumerate(records)))
    paths["semantic-scholar-array"] = folder / "s2.json"
    paths["semantic-scholar-array"].write_text(json.dumps([s2(r) for r in records]), encoding="utf-8")
    paths["openreview"] = lines("openreview.jsonl", map(openreview, records))
    paths["csv"] = folder / "papers.csv"
    with paths["csv"].open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "abstract", "authors", "year", "venue"])
        for r in records:
            writer.writerow([r["arxiv_id"], r["title"], r["abstract"], "; ".join(r["authors"]),
                             r["listing_date"][:4], "NeurIPS 2025"])
    return paths


def time_read(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    papers = sum(isinstance(item, Paper) for item in iter_papers(path))
    return time.perf_counter() - start, papers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}; pass --corpus DIR with the arXiv *.jsonl.gz files")
    records = load_records(args.corpus, args.n)
    rates: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="paperkg-readers-") as folder:
        paths = write_shapes(records, Path(folder))
        for _ in range(args.repeat):
            for name, path in paths.items():
                seconds, papers = time_read(path)
                assert papers == len(records), (name, papers)
                rates.setdefault(name, []).append(papers / seconds)
    base = statistics.median(rates["arxiv-jsonl"])
    for name, found in rates.items():
        print(f"{name:24} {statistics.median(found):9,.0f} papers/s  (passes: "
              f"{', '.join(f'{r:,.0f}' for r in found)})")
    print(json.dumps({name: round(statistics.median(found) / base, 3) for name, found in rates.items()}))


if __name__ == "__main__":
    main()
