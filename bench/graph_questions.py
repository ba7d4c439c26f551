"""Time every graph-question field of the GraphQL schema on a real database (issue 9, sections 2-3).

    .venv/bin/python bench/graph_questions.py --db /path/to/copy-of-corpus.db [--repeat 30]

Give it a copy of a database built by `paperkg ingest` (opening may migrate it). It opens
the KnowledgeGraph, builds the paper x entity index once (timed apart), then runs each
query in-process through the schema (`execute_query`, no HTTP) `--repeat` times and prints
the median and the 90th percentile in milliseconds, and the first (cold) run. Beside
`papersSharing` it times, in the same run, the networkx loop it replaced (the oracle of
tests/test_relatedness.py) and prints the ratio. The last line is one JSON object
{field: median_ms}.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def timed(run, repeat: int) -> tuple[float, float, float]:
    """(first, median, p90) of `repeat` runs, in ms; `run` raises on a wrong answer."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    ordered = sorted(times)
    return times[0], statistics.median(times), ordered[int(0.9 * (len(ordered) - 1))]


def pick_subjects(kg) -> dict:
    """Real subjects from the data: a paper with many entities, a popular benchmark, an old paper."""
    index = kg.index
    sizes = index.uses.row_ptr[1:] - index.uses.row_ptr[:-1]
    busy = index.paper_ids[int(sizes[:5000].argmax())]
    benchmark = kg.find_entity("GSM8K") or kg.entity(index.entity_ids[int(index.uses.col_sizes.argmax())])
    return {"paper": busy, "old": index.paper_ids[-1], "entity": benchmark.id}


def build_queries(s: dict) -> dict[str, tuple[str, dict]]:
    return {
        "node": ("query($id: ID!) { node(id: $id) { id ... on Paper { title } } }", {"id": f"paper/{s['paper']}"}),
        "papersSharing": ("query($id: ID!) { papersSharing(paperId: $id, first: 10) { score paper { id } "
                          "shared { name } } }", {"id": s["paper"]}),
        "Paper.related": ("query($id: ID!) { paper(id: $id) { related(first: 10) { totalCount edges { node { "
                          "score paper { id title } explanation { entity { name } weight } } } } } }",
                          {"id": s["paper"]}),
        "Paper.related(roles, variants)": (
            "query($id: ID!) { paper(id: $id) { related(roles: [EVALUATES_ON, USES], includeVariants: true) "
            "{ totalCount edges { node { score paper { id } } } } } }", {"id": s["paper"]}),
        "Entity.coUsed": ("query($e: ID!) { entity(id: $e) { coUsed(types: [BENCHMARK], roles: [EVALUATES_ON], "
                          "first: 10) { totalCount edges { node { papers entity { name } } } } } }",
                          {"e": s["entity"]}),
        "Entity.timeline": ("query($e: ID!) { entity(id: $e) { paperCount timeline { month papers } } }",
                            {"e": s["entity"]}),
        "Entity.papers(includeVariants)": ("query($e: ID!) { entity(id: $e) { papers(first: 20, "
                                           "includeVariants: true) { totalCount edges { node { id } } } } }",
                                           {"e": s["entity"]}),
        "trending": ("{ trending(type: BENCHMARK, months: 3) { recentWindow totalCount trends { growth "
                     "recentPapers entity { name } } } }", {}),
        "path": ("query($a: ID!, $b: ID!) { path(source: $a, target: $b) { length hops { explanation } } }",
                 {"a": f"paper/{s['paper']}", "b": f"paper/{s['old']}"}),
        "path(via BENCHMARK, DATASET)": (
            "query($a: ID!, $b: ID!) { path(source: $a, target: $b, via: [BENCHMARK, DATASET]) { length "
            "hops { explanation } } }", {"a": f"paper/{s['paper']}", "b": f"paper/{s['old']}"}),
        "leaderboard": ("query($e: String!) { leaderboard(entity: $e) { metric direction entries { totalCount "
                        "edges { node { rank value paper { id } model { name } sentence } } } } }", {"e": s["entity"]}),
        "stats": ("{ stats { papers entities edges results byType { type entities papers } } }", {}),
        "papers(entity, role, since)": (
            "query($e: String!) { papers(entity: $e, role: EVALUATES_ON, since: \"2025-06-01\", first: 20) "
            "{ totalCount edges { node { id title } } } }", {"e": s["entity"]}),
        "papers(type, hasCode, UPVOTES)": (
            "{ papers(type: BENCHMARK, hasCode: true, orderBy: UPVOTES, first: 20) { totalCount edges { node "
            "{ id } } } }", {}),
        "papers(search, since)": ("{ papers(search: \"reward model\", since: \"2025-06-01\", first: 20) "
                                  "{ totalCount edges { node { id } } } }", {}),
        "entities(search fuzzy)": ("{ entities(search: \"rewardbnech\", first: 10) { totalCount edges { node "
                                   "{ name } } } }", {}),
        "entities(type, minPapers, NAME)": ("{ entities(type: BENCHMARK, minPapers: 20, orderBy: NAME, first: 20) "
                                            "{ totalCount edges { node { name paperCount } } } }", {}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a copy of a paperkg database")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if not Path(args.db).is_file():
        sys.exit(f"{args.db} does not exist; copy a database built by `paperkg ingest` and pass it with --db")

    from paperkg.graph.kg import KnowledgeGraph
    from paperkg.schema.execute import execute_query
    from test_relatedness import oracle_papers_sharing

    start = time.perf_counter()
    kg = KnowledgeGraph.open(args.db)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    kg.index  # noqa: B018 - builds the index
    built = time.perf_counter() - start
    print(f"{kg.paper_total} papers; graph opened in {opened:.1f} s, index built in {built:.2f} s", flush=True)
    subjects = pick_subjects(kg)
    print(f"subjects: {subjects}")

    medians = {}
    print(f"{'field':34} {'first':>8} {'median':>8} {'p90':>8}  (ms, {args.repeat} runs)")
    for name, (query, variables) in build_queries(subjects).items():
        def run(query=query, variables=variables):
            result = execute_query(kg, query, variables)
            if "errors" in result:
                raise SystemExit(f"{name}: {result['errors']}")
        first, median, p90 = timed(run, args.repeat)
        medians[name] = round(median, 2)
        print(f"{name:34} {first:8.2f} {median:8.2f} {p90:8.2f}", flush=True)

    fast = timed(lambda: kg.papers_sharing(subjects["paper"], None, 10), args.repeat)[1]
    slow = timed(lambda: oracle_papers_sharing(kg.graph, subjects["paper"], None, 10), max(3, args.repeat // 5))[1]
    assert kg.papers_sharing(subjects["paper"], None, 10) == oracle_papers_sharing(kg.graph, subjects["paper"])
    print(f"papersSharing ranking alone: index {fast:.2f} ms, networkx loop {slow:.2f} ms, ratio {slow / fast:.0f}x")
    medians["ranking: index"], medians["ranking: networkx"] = round(fast, 2), round(slow, 2)
    print(json.dumps(medians))


if __name__ == "__main__":
    main()
