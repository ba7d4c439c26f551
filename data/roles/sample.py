"""Draw the role-gold sample: 170 ML abstracts of the corpus, seeded, split dev/test by parity."""
import gzip, json, random
from pathlib import Path
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "arxiv_cs_2025_2026"
ML = {"cs.LG", "cs.CL", "cs.CV", "cs.AI", "cs.IR", "stat.ML"}
records = []
for f in sorted(CORPUS.glob("*.jsonl.gz")):
    with gzip.open(f, "rt", encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            if r.get("primary_category") in ML and r.get("abstract"):
                records.append({"doc_id": r["arxiv_id"], "title": r["title"], "abstract": r["abstract"]})
rng = random.Random(20261206)
picked = rng.sample(records, 170)
for i, r in enumerate(picked):
    split = "dev" if i % 2 == 0 else "test"
    with open(f"to_annotate_{split}.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(records), "ML records;", "wrote 85 dev, 85 test")
