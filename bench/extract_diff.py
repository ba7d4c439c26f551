"""Whether the default extractor's output changed: write it for N abstracts, compare two runs.

    .venv/bin/python bench/extract_diff.py write OUT [--corpus DIR] [--n 10000]
    .venv/bin/python bench/extract_diff.py compare BEFORE AFTER [--examples 5]

`write` extracts the first N corpus abstracts (default 10,000; the papers `extract_speed.py`
reads, in the same order) with `Extractor.default()` and writes everything it found to OUT,
gzipped JSON Lines, one record a line: `[kind, type, key, value]`, where kind is one of

- `mention`: key (paper, field, start, end, entity id), value (text, sentence, type,
  confidence, component, phrase start, phrase end), in the paper's mention order;
- `role`: the same key, value the mention's role;
- `vote`: the same key, value the mention's stored corpus vote (`mention_votes`), or null;
- `entity`: key (paper, entity id), value (name, type, aliases, variant of, external ids,
  origin);
- `result`: key (paper, field, start, end, entity id), value (sentence, metric, value, unit,
  model id, metric id);
- `order`: key (paper,), value the paper's mention keys in order, so a reordering shows.

`compare` reads two such files and prints "identical", or "differences: N records" and the
number of records only in each file and of records whose value changed, by kind and type,
then the first examples of each. Its exit code is 0 when the files agree, 1 when they differ.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_speed import DEFAULT_CORPUS, read_papers  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    write = commands.add_parser("write", help="extract N abstracts and write what was found")
    write.add_argument("out", type=Path, help="file to write (gzipped JSON Lines)")
    write.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                       help="folder of *.jsonl.gz arXiv records (default: %(default)s)")
    write.add_argument("--n", type=int, default=10_000, help="abstracts (default 10000)")
    compare = commands.add_parser("compare", help="compare two files that `write` made")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    compare.add_argument("--examples", type=int, default=5, help="examples per kind (default 5)")
    args = parser.parse_args(argv)
    if args.command == "write" and args.n < 1:
        parser.error("--n must be at least 1")
    return args


def iter_records(extractions: Iterable) -> Iterator[list]:
    """Every record of every `PaperExtraction`, as `[kind, type, key, value]` lists."""
    for x in extractions:
        keys = []
        votes = x.votes or (None,) * len(x.mentions)
        for m, vote in zip(x.mentions, votes):
            key = [m.paper_id, m.field, m.start, m.end, m.entity_id]
            keys.append(key)
            kind = m.type.value
            yield ["mention", kind, key, [m.text, m.sentence, kind, m.confidence, m.component,
                                          m.phrase_start, m.phrase_end]]
            yield ["role", kind, key, m.role.value]
            yield ["vote", kind, key, list(vote) if vote is not None else None]
        yield ["order", "", [x.paper.id], keys]
        for e in x.entities:
            yield ["entity", e.type.value, [x.paper.id, e.id],
                   [e.name, e.type.value, list(e.aliases), e.variant_of,
                    [list(pair) for pair in e.external_ids], e.origin]]
        for r in x.results:
            yield ["result", "", [r.paper_id, r.field, r.start, r.end, r.entity_id],
                   [r.sentence, r.metric, r.value, r.unit, r.model_id, r.metric_id]]


def write_extraction(out: Path, corpus: Path, n: int) -> int:
    """Extract the first `n` abstracts of `corpus` and write their records to `out`."""
    from paperkg.graph.extract import Extractor

    papers = read_papers(corpus, n)
    count = 0
    with gzip.open(out, "wt", encoding="utf-8") as stream:
        for record in iter_records(Extractor.default().extract(papers)):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def read_lines(path: Path) -> Counter:
    """The lines of a file `write` made, counted (a record may repeat)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            return Counter(stream)
    except (OSError, EOFError) as exc:
        sys.exit(f"Cannot read {path} ({exc}): give two files written by "
                 "`bench/extract_diff.py write OUT`.")


def split_line(line: str, path: Path) -> tuple[str, str, str, str]:
    """(kind, type, key, value) of one line, key and value as JSON text; a clear exit on a
    line that `write` did not make."""
    try:
        kind, type_, key, value = json.loads(line)
    except ValueError as exc:
        sys.exit(f"{path} holds a line that is not an extract_diff record ({exc}): "
                 "write both files with `bench/extract_diff.py write OUT`.")
    return kind, type_, json.dumps(key, ensure_ascii=False), json.dumps(value, ensure_ascii=False)


def differences(before: Counter, after: Counter, paths: tuple[Path, Path]) -> list[tuple]:
    """Records that differ, as (change, kind, type, key, old value, new value): "changed"
    where both files hold a record of that kind and key, else "only before" or "only after"."""
    gone = sorted(split_line(line, paths[0]) for line in (before - after).elements())
    new = sorted(split_line(line, paths[1]) for line in (after - before).elements())
    new_by_key = defaultdict(list)
    for kind, type_, key, value in new:
        new_by_key[kind, key].append((type_, value))
    found = []
    for kind, type_, key, value in gone:
        if new_by_key.get((kind, key)):
            new_type, new_value = new_by_key[kind, key].pop(0)
            found.append(("changed", kind, f"{type_}>{new_type}" if new_type != type_ else type_,
                          key, value, new_value))
        else:
            found.append(("only before", kind, type_, key, value, None))
    for (kind, key), rest in new_by_key.items():
        found.extend(("only after", kind, type_, key, None, value) for type_, value in rest)
    return found


def summarize(found: list[tuple], examples: int) -> list[str]:
    """Lines of a report: counts by change, kind and type, then the first examples."""
    counts = Counter((change, kind, type_) for change, kind, type_, *_ in found)
    lines = [f"differences: {len(found):,} records"]
    lines += [f"  {n:>7,}  {change:<11}  {kind:<7} {type_}"
              for (change, kind, type_), n in sorted(counts.items())]
    shown: Counter = Counter()
    for change, kind, type_, key, old, new in found:
        if shown[change, kind] < examples:
            shown[change, kind] += 1
            lines.append(f"{change} {kind} {type_} {key}:\n    before {old}\n    after  {new}")
    return lines


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.command == "write":
        count = write_extraction(args.out, args.corpus, args.n)
        print(f"wrote {count:,} records to {args.out}")
        return
    paths = (args.before, args.after)
    before, after = read_lines(args.before), read_lines(args.after)
    if before == after:
        print(f"identical ({sum(before.values()):,} records)")
        return
    print("\n".join(summarize(differences(before, after, paths), args.examples)))
    sys.exit(1)


if __name__ == "__main__":
    main()
