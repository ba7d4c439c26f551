"""Turn hand annotations (names) into the shared gold schema (offsets), checking each name occurs.

    python3 to_gold.py annotations.jsonl to_annotate_dev.jsonl dev [--partial] > gold_dev.jsonl

With --partial, docs not yet annotated are left out instead of being an error.

annotations.jsonl: one object a line,
    {"doc_id": "...", "introduces": [["MUSE", "BENCHMARK", ["MUSE benchmark"]], ...],
     "evaluates_on": [["GSM8K", "BENCHMARK", []], ...], "notes": "optional"}
Every doc of the sample must be annotated (empty lists when nothing applies).
"""
import json, sys

TYPES = {"MODEL", "METHOD", "DATASET", "BENCHMARK", "TASK", "METRIC"}


def locate(text: str, abstract_start: int, name: str) -> int:
    """First mention in the abstract, else in the title; -1 when absent."""
    at = text.find(name, abstract_start)
    return at if at >= 0 else text.find(name)


def main(annotations_path, sample_path, split, partial=None):
    sample = [json.loads(l) for l in open(sample_path, encoding="utf-8")]
    notes = {}
    annotated = {}
    for n, line in enumerate(open(annotations_path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        a = json.loads(line)
        annotated[a["doc_id"]] = a
    errors = []
    out = []
    for record in sample:
        doc = record["doc_id"]
        if doc not in annotated:
            if partial:
                continue
            errors.append(f"{doc}: not annotated")
            continue
        a = annotated[doc]
        text = f"{record['title']}\n\n{record['abstract']}"
        abstract_start = len(record["title"]) + 2
        entities, seen = [], set()
        for label, key in (("INTRODUCES", "introduces"), ("EVALUATES_ON", "evaluates_on")):
            for item in a.get(key, []):
                name, coarse, aliases = (list(item) + [[]])[:3]
                if coarse not in TYPES:
                    errors.append(f"{doc}: {name!r} has type {coarse!r}, not one of {sorted(TYPES)}")
                if label == "EVALUATES_ON" and coarse not in ("DATASET", "BENCHMARK"):
                    errors.append(f"{doc}: EVALUATES_ON {name!r} must be DATASET or BENCHMARK")
                start = locate(text, abstract_start, name)
                if start < 0:
                    errors.append(f"{doc}: {name!r} does not occur in the text (copy it exactly)")
                    continue
                for alias in aliases:
                    if alias not in text:
                        errors.append(f"{doc}: alias {alias!r} of {name!r} does not occur in the text")
                if name.casefold() in seen:
                    errors.append(f"{doc}: {name!r} annotated twice")
                seen.add(name.casefold())
                entities.append({"start": start, "end": start + len(name), "label": label,
                                 "coarse": coarse, "text": name, "aliases": list(aliases)})
        row = {"source": "paperkg-roles", "split": split, "doc_id": doc, "text": text,
               "entities": sorted(entities, key=lambda e: e["start"])}
        if a.get("notes"):
            row["notes"] = a["notes"]
        out.append(row)
    if errors:
        sys.exit("\n".join(errors))
    for row in out:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:5])
