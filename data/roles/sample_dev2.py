"""Draw the second tuning role-gold sample (dev2): 60 ML abstracts of the corpus not in dev, test or heldout, seeded.

    python3 data/roles/sample_dev2.py /work/shared/corpora/arxiv_cs_2025_2026 > to_annotate_dev2.jsonl

Same population as sample.py (primary category cs.LG, cs.CL, cs.CV, cs.AI, cs.IR or stat.ML,
non-empty abstract), records read in sorted file order, the dev/test/heldout papers removed, then
random.Random(20261208).sample(records, 60).
"""
import gzip, json, random, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
ML = {"cs.LG", "cs.CL", "cs.CV", "cs.AI", "cs.IR", "stat.ML"}
corpus = Path(sys.argv[1])
taken = {json.loads(line)["doc_id"] for name in ("gold_dev.jsonl", "gold_test.jsonl", "gold_heldout.jsonl")
         for line in open(HERE / name, encoding="utf-8")}
records = []
for f in sorted(corpus.glob("*.jsonl.gz")):
    with gzip.open(f, "rt", encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            if r.get("primary_category") in ML and r.get("abstract") and r["arxiv_id"] not in taken:
                records.append({"doc_id": r["arxiv_id"], "title": r["title"], "abstract": r["abstract"]})
for r in random.Random(20261208).sample(records, 60):
    print(json.dumps(r, ensure_ascii=False))
print(len(records), "ML records outside dev/test/heldout; wrote 60", file=sys.stderr)
