"""What keeping a served graph live costs: the idle check per request, and taking in a batch
of new papers, against rebuilding the whole graph (the alternative a restart pays).

    .venv/bin/python bench/live_refresh.py --db COPY_OF_A_CORPUS.db [--batch 100] [--repeat 5]

The database is written to (a batch of copies of existing papers is added, then deleted
again each round), so give a copy. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import replace

from paperkg.graph.kg import KnowledgeGraph, build_graph
from paperkg.graph.records import PaperExtraction
from paperkg.graph.store import Store


def copies_of(store: Store, n: int, round_: int) -> list[PaperExtraction]:
    """`n` existing papers under new ids, with their mentions, entities and results."""
    papers = store.list_papers(limit=n)
    mentions = store.mentions_of_papers([p.id for p in papers])
    results = store.results_of_papers([p.id for p in papers])
    out = []
    for paper in papers:
        new_id = f"{paper.id}-live{round_}"
        found = mentions.get(paper.id, [])
        entities = tuple(store.get_entities(sorted({m.entity_id for m in found})).values())
        out.append(PaperExtraction(replace(paper, id=new_id, arxiv_id=None),
                                   tuple(replace(m, paper_id=new_id) for m in found), entities,
                                   tuple(replace(r, paper_id=new_id) for r in results.get(paper.id, []))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    kg = KnowledgeGraph.open(args.db)
    print(f"graph of {kg.paper_total} papers built in {time.perf_counter() - started:.2f} s")
    writer = Store(args.db)  # another connection, as a separate `paperkg ingest` would hold

    idle = []
    for _ in range(2000):
        t = time.perf_counter()
        kg.refresh()
        idle.append(time.perf_counter() - t)

    apply_times, rebuild_times = [], []
    for round_ in range(args.repeat):
        batch = copies_of(writer, args.batch, round_)
        writer.write_batch(batch)
        t = time.perf_counter()
        added = kg.refresh()
        apply_times.append(time.perf_counter() - t)
        assert len(added) == len(batch), (len(added), len(batch))
        t = time.perf_counter()
        build_graph(kg.store)
        rebuild_times.append(time.perf_counter() - t)
        for extraction in batch:
            writer.delete_paper(extraction.paper.id)
        kg.refresh()

    figures = {
        "papers": kg.paper_total, "batch": args.batch,
        "idle_check_us": round(statistics.median(idle) * 1e6, 1),
        "apply_batch_ms": round(statistics.median(apply_times) * 1e3, 1),
        "rebuild_ms": round(statistics.median(rebuild_times) * 1e3, 1),
    }
    figures["apply_over_rebuild"] = round(figures["apply_batch_ms"] / figures["rebuild_ms"], 4)
    print(f"idle check per request: {figures['idle_check_us']} us (median of {len(idle)})")
    print(f"take in {args.batch} new papers: {figures['apply_batch_ms']} ms; rebuild the graph: "
          f"{figures['rebuild_ms']} ms; ratio {figures['apply_over_rebuild']} (medians of {args.repeat})")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
