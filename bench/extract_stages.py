"""Where the default extractor's time goes: CPU seconds per stage, plain timers, one process.

    .venv/bin/python bench/extract_stages.py [--corpus DIR] [--n 3000]

Reads the first N abstracts as `extract_speed.py` does, then runs two passes of a fresh
`Extractor.default()` each in this process, the first with module caches cold (run it in a
fresh process), the second warm, as the speed bench's later passes are. Each stage is
timed by a wrapper around the function that does it (`time.process_time`, inclusive: a
nested stage is counted in its parent too, and `rest` is what no top-level timer holds).
Wrappers cost about a microsecond a call, so stages called per mention (votes) read a
little high; cProfile inflates small Python functions far more, which is why these timers
are plain.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_speed import DEFAULT_CORPUS, read_papers  # noqa: E402

# Stages nested in another stage: shown, but not subtracted again for `rest`.
NESTED = ("settle_introductions", "phrase_extents")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder of *.jsonl.gz arXiv records (default: %(default)s)")
    parser.add_argument("--n", type=int, default=3000, help="abstracts (default 3000)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    return args


def timed(seconds: dict[str, float], name: str, function: Callable) -> Callable:
    """`function`, adding the CPU seconds of each call to `seconds[name]`."""
    def run(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] += time.process_time() - started
    return run


def wrap_stages(seconds: dict[str, float]) -> None:
    """Put timers around the pipeline module's stages (names it imported, and methods)."""
    import paperkg.graph.extract.pipeline as pipeline

    for name, label in (("Detokenized", "detokenize"), ("find_context_names", "find_context_names"),
                        ("discover_entities", "discover_entities"), ("add_votes", "add_votes"),
                        ("settle_introductions", "settle_introductions"),
                        ("phrase_extents", "phrase_extents")):
        setattr(pipeline, name, timed(seconds, label, getattr(pipeline, name)))
    for name, label in (("add_discovered", "patterns of discovered names"),
                        ("_mentions", "mention records (incl. settle, extents)"),
                        ("_entities", "entities"), ("_results", "results")):
        setattr(pipeline.Extractor, name, timed(seconds, label, getattr(pipeline.Extractor, name)))


def run_pass(papers: list, seconds: dict[str, float]) -> tuple[float, int]:
    """One pass of a fresh extractor, its tokenizer and components timed too."""
    from paperkg.graph.extract.pipeline import PIPELINE, Extractor

    extractor = Extractor.default()
    extractor.nlp.tokenizer = timed(seconds, "tokenizer", extractor.nlp.tokenizer)
    extractor._steps = [timed(seconds, name, step) for name, step in zip(PIPELINE, extractor._steps)]
    gc.collect()
    started = time.process_time()
    found = sum(len(x.mentions) for x in extractor.extract(papers))
    return time.process_time() - started, found


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    papers = read_papers(args.corpus, args.n)
    seconds: dict[str, float] = defaultdict(float)
    wrap_stages(seconds)
    for label in ("first pass (cold caches)", "warm pass"):
        seconds.clear()
        total, found = run_pass(papers, seconds)
        print(f"{label}: {total:.3f} s CPU, {len(papers):,} abstracts, {found:,} mentions")
        for name, spent in sorted(seconds.items(), key=lambda item: -item[1]):
            print(f"  {name:<42} {spent:.3f}")
        rest = total - sum(spent for name, spent in seconds.items() if name not in NESTED)
        print(f"  {'rest':<42} {rest:.3f}")


if __name__ == "__main__":
    main()
