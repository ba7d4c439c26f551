"""Draw a later role-gold half: ML abstracts of the corpus outside the halves drawn before it, seeded.

    python3 data/roles/sample_outside.py heldout /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_heldout.jsonl
    python3 data/roles/sample_outside.py dev2 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_dev2.jsonl
    python3 data/roles/sample_outside.py dev3 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_dev3.jsonl
    python3 data/roles/sample_outside.py test2 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test2.jsonl
    python3 data/roles/sample_outside.py test3 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test3.jsonl
    python3 data/roles/sample_outside.py test4 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test4.jsonl
    python3 data/roles/sample_outside.py test5 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test5.jsonl
    python3 data/roles/sample_outside.py test6 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test6.jsonl
    python3 data/roles/sample_outside.py test7 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test7.jsonl
    python3 data/roles/sample_outside.py test8 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test8.jsonl
    python3 data/roles/sample_outside.py test9 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test9.jsonl
    python3 data/roles/sample_outside.py test10 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test10.jsonl
    python3 data/roles/sample_outside.py test11 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test11.jsonl
    python3 data/roles/sample_outside.py test12 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test12.jsonl
    python3 data/roles/sample_outside.py test13 /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_test13.jsonl

Same population as sample.py (primary category cs.LG, cs.CL, cs.CV, cs.AI, cs.IR or stat.ML,
non-empty abstract), records read in sorted file order, the papers of the earlier halves'
gold files removed, then random.Random(seed).sample(records, size). Each half's seed, size
and earlier halves are recorded in HALVES, so that a draw is the one that was annotated.
"""
import gzip, json, random, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ML = {"cs.LG", "cs.CL", "cs.CV", "cs.AI", "cs.IR", "stat.ML"}
# half: (seed, size, the gold files of the halves drawn before it)
HALVES = {
    "heldout": (20261207, 60, ("gold_dev.jsonl", "gold_test.jsonl")),
    "dev2": (20261208, 60, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl")),
    "dev3": (20261209, 60, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl")),
    "test2": (20261210, 60, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                             "gold_dev3.jsonl")),
    "test3": (20261217, 60, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                             "gold_dev3.jsonl", "gold_test2.jsonl")),
    "test4": (20261218, 60, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                             "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl")),
    "test5": (20261219, 60, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                             "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl")),
    "test6": (20261220, 60, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                             "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl",
                             "gold_test5.jsonl")),
    "test7": (20261221, 60, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                             "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl",
                             "gold_test5.jsonl", "gold_test6.jsonl")),
    "test8": (20261222, 80, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                             "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl",
                             "gold_test5.jsonl", "gold_test6.jsonl", "gold_test7.jsonl")),
    "test9": (20261223, 80, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                             "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl",
                             "gold_test5.jsonl", "gold_test6.jsonl", "gold_test7.jsonl", "gold_test8.jsonl")),
    "test10": (20261224, 80, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                              "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl",
                              "gold_test5.jsonl", "gold_test6.jsonl", "gold_test7.jsonl", "gold_test8.jsonl",
                              "gold_test9.jsonl")),
    "test11": (20261225, 80, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                              "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl",
                              "gold_test5.jsonl", "gold_test6.jsonl", "gold_test7.jsonl", "gold_test8.jsonl",
                              "gold_test9.jsonl", "gold_test10.jsonl")),
    "test12": (20261226, 80, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                              "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl",
                              "gold_test5.jsonl", "gold_test6.jsonl", "gold_test7.jsonl", "gold_test8.jsonl",
                              "gold_test9.jsonl", "gold_test10.jsonl", "gold_test11.jsonl")),
    "test13": (20261227, 80, ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl", "gold_dev2.jsonl",
                              "gold_dev3.jsonl", "gold_test2.jsonl", "gold_test3.jsonl", "gold_test4.jsonl",
                              "gold_test5.jsonl", "gold_test6.jsonl", "gold_test7.jsonl", "gold_test8.jsonl",
                              "gold_test9.jsonl", "gold_test10.jsonl", "gold_test11.jsonl", "gold_test12.jsonl")),
}


def taken_ids(gold_names) -> set:
    """The paper ids of the given gold files of this folder."""
    return {json.loads(line)["doc_id"] for name in gold_names
            for line in open(HERE / name, encoding="utf-8")}


def population(corpus: Path, taken: set) -> list:
    """The ML records of the corpus outside `taken`, in sorted file order."""
    records = []
    for f in sorted(corpus.glob("*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as lines:
            for line in lines:
                r = json.loads(line)
                if r.get("primary_category") in ML and r.get("abstract") and r["arxiv_id"] not in taken:
                    records.append({"doc_id": r["arxiv_id"], "title": r["title"], "abstract": r["abstract"]})
    return records


def main(argv) -> int:
    if len(argv) != 2 or argv[0] not in HALVES or not Path(argv[1]).is_dir():
        print(f"usage: sample_outside.py {{{'|'.join(HALVES)}}} CORPUS_DIR (a folder of *.jsonl.gz); "
              f"got {' '.join(argv) or 'nothing'}", file=sys.stderr)
        return 2
    seed, size, earlier = HALVES[argv[0]]
    records = population(Path(argv[1]), taken_ids(earlier))
    for r in random.Random(seed).sample(records, size):
        print(json.dumps(r, ensure_ascii=False))
    print(len(records), f"ML records outside {', '.join(earlier)}; wrote {size}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
