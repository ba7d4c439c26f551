"""RDF export speed and memory: paperkg's streamed writers beside pyoxigraph, same run.

For each database (a 10,000-paper one cut from the corpus database, and the whole corpus)
and each of N-Triples and Turtle, two engines run in fresh processes, one after the other:

- paperkg: `write_rdf(kg, /dev/null, format)`, reading the store and writing text;
- pyoxigraph: the same blocks from the same rows (`rdf_blocks.iter_blocks`), each term
  built as a pyoxigraph NamedNode or Literal, serialised by `pyoxigraph.serialize`.

Each process reports its triples, wall and CPU seconds and peak resident memory
(ru_maxrss). Triples a second are the median of `--repeats` runs; the engines alternate,
and each ratio is the median of the paired runs' ratios (ours over pyoxigraph's), by wall
time and by CPU time. On a loaded machine trust the CPU ratio: wall time there measures
the neighbours as much as the exporter.
The last line is one JSON object with every figure, "nt_ratio" and "turtle_ratio" at the
largest size among them.

    nice -n 10 .venv/bin/python bench/rdf_export.py --db /tmp/corpus75k.db --repeats 3
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, time
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.store import Store
db, engine, fmt = sys.argv[1:4]
kg = KnowledgeGraph.for_streaming(Store(db))
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
start, cpu_start = time.perf_counter(), cpu()
if engine == "paperkg":
    from paperkg.graph.rdf import write_rdf
    with open(os.devnull, "wb") as out:
        triples = write_rdf(kg, out, fmt, void=False)
else:
    import pyoxigraph as ox
    from paperkg.graph.rdf_blocks import Lit, iter_blocks
    from paperkg.graph.vocab import PREFIXES
    count = [0]
    def literal(term):
        if term.datatype is None:
            return ox.Literal(term.lexical)
        if term.datatype[0] == "@":
            return ox.Literal(term.lexical, language=term.datatype[1:])
        return ox.Literal(term.lexical, datatype=ox.NamedNode(term.datatype))
    def triples_of():
        for subject, pairs in iter_blocks(kg, "http://127.0.0.1:8000/"):
            s = ox.NamedNode(subject)
            count[0] += len(pairs)
            for p, o in pairs:
                yield ox.Triple(s, ox.NamedNode(p), literal(o) if type(o) is Lit else ox.NamedNode(o))
    form = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt == "turtle" else None
    with open(os.devnull, "wb") as out:
        ox.serialize(triples_of(), out, form, prefixes=prefixes)
    triples = count[0]
seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"triples": triples, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb}))
"""


def cut_database(source: Path, target: Path, papers: int) -> Path:
    """A copy of `source` with its first `papers` papers (by id) and what they use."""
    if target.exists():
        return target
    from paperkg.graph.store import Store

    Store(target).close()  # the current schema
    db = sqlite3.connect(target)
    db.execute("ATTACH ? AS src", (str(source),))
    db.executescript(f"""
        CREATE TEMP TABLE keep AS SELECT id FROM src.papers ORDER BY id LIMIT {papers};
        INSERT INTO papers SELECT * FROM src.papers WHERE id IN (SELECT id FROM keep);
        INSERT INTO papers_fts (rowid, id, title, abstract) SELECT rowid, id, title, abstract FROM papers;
        CREATE TEMP TABLE used AS
            SELECT entity_id AS id FROM src.mentions WHERE paper_id IN (SELECT id FROM keep)
            UNION SELECT entity_id FROM src.results WHERE paper_id IN (SELECT id FROM keep)
            UNION SELECT model_id FROM src.results WHERE paper_id IN (SELECT id FROM keep)
            UNION SELECT metric_id FROM src.results WHERE paper_id IN (SELECT id FROM keep);
        INSERT INTO used SELECT variant_of FROM src.entities WHERE id IN (SELECT id FROM used);
        INSERT INTO used SELECT variant_of FROM src.entities WHERE id IN (SELECT id FROM used);
        INSERT OR IGNORE INTO entities SELECT * FROM src.entities WHERE id IN (SELECT id FROM used);
        INSERT OR IGNORE INTO aliases SELECT * FROM src.aliases WHERE entity_id IN (SELECT id FROM entities);
        INSERT INTO mentions SELECT * FROM src.mentions WHERE paper_id IN (SELECT id FROM keep);
        INSERT INTO results SELECT * FROM src.results WHERE paper_id IN (SELECT id FROM keep);
    """)
    db.commit()
    db.close()
    return target


def run_child(db: Path, engine: str, fmt: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(db), engine, fmt],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(db: Path, label: str, repeats: int) -> dict:
    """Both engines on both formats, the engines alternating run by run so that the
    machine's load (shared, noisy) falls on both alike."""
    figures: dict = {}
    for fmt in ("nt", "turtle"):
        runs: dict[str, list[dict]] = {"paperkg": [], "pyoxigraph": []}
        for _ in range(repeats):
            for engine in runs:
                runs[engine].append(run_child(db, engine, fmt))
        for engine, done in runs.items():
            rate = statistics.median(r["triples"] / r["seconds"] for r in done)
            peak = max(r["peak_mb"] for r in done)
            key = f"{label}_{fmt}_{engine}"
            figures[f"{key}_triples_per_s"] = round(rate)
            figures[f"{key}_peak_mb"] = round(peak, 1)
            figures[f"{label}_triples"] = done[0]["triples"]
            print(f"{label:>5} {fmt:>6} {engine:>10}: {done[0]['triples']:>9,} triples, "
                  f"median {rate:>9,.0f} triples/s, peak {peak:6.1f} MB", flush=True)
        for clock, suffix in (("seconds", "ratio"), ("cpu_seconds", "cpu_ratio")):
            # Both engines write the same triples, so the rate ratio is the inverse time ratio.
            ratios = [b[clock] / a[clock] for a, b in zip(runs["paperkg"], runs["pyoxigraph"])]
            figures[f"{label}_{fmt}_{suffix}"] = round(statistics.median(ratios), 2)
        print(f"{label:>5} {fmt:>6} ratio, median of {repeats} paired runs: wall "
              f"{figures[f'{label}_{fmt}_ratio']:.2f}, cpu {figures[f'{label}_{fmt}_cpu_ratio']:.2f}",
              flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a copy of the corpus database")
    parser.add_argument("--sizes", default="10000,all", help="papers per database, 'all' for --db")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    figures: dict = {"repeats": args.repeats, "load_1min": round(__import__("os").getloadavg()[0], 2)}
    label = ""
    for size in args.sizes.split(","):
        if size == "all":
            db, label = args.db, "all"
        else:
            db, label = cut_database(args.db, args.db.with_name(f"{args.db.stem}.{size}.db"), int(size)), f"p{size}"
        figures[f"{label}_papers"] = sqlite3.connect(db).execute("SELECT count(*) FROM papers").fetchone()[0]
        figures.update(measure(db, label, args.repeats))
    figures["nt_ratio"] = figures[f"{label}_nt_ratio"]
    figures["turtle_ratio"] = figures[f"{label}_turtle_ratio"]
    figures["nt_cpu_ratio"] = figures[f"{label}_nt_cpu_ratio"]
    figures["turtle_cpu_ratio"] = figures[f"{label}_turtle_cpu_ratio"]
    figures["peak_mb_max"] = max(v for k, v in figures.items() if k.endswith("_paperkg_peak_mb"))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
