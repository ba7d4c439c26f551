"""How fast the default extractor runs, as a ratio to spaCy's bare tokenizer, in one process.

    .venv/bin/python bench/extract_speed.py [--corpus DIR] [--n 5000] [--repeat 3]

Takes the first N abstracts (with their titles) of the gzipped JSON Lines files in
../shared/corpora/arxiv_cs_2025_2026, in file-name order, and times, `--repeat` times each,
interleaved so that drift in the machine's speed hits both alike:

(a) `spacy.blank("en")`'s tokenizer alone, default configuration, one pass over the title
    and the abstract of every paper (the text the extractor reads), on a fresh `nlp` each
    time so that its first-pass cache behaviour is what is measured;
(b) the full default extractor, `Extractor.default().extract(papers)` over `Paper`
    records, one pass, on a fresh extractor each time; loading it is timed apart and
    excluded from the rate.

It prints both rates (abstracts a second, medians of wall-clock passes, and per CPU second
of this process), the pipeline's load time and the memory the loaded pipeline takes
(resident set growth), the first extraction pass's rate over the tokenizer's median
(`first pass ratio`, wall clock and CPU: module caches start cold there, as in an ingest),
then `cpu ratio`, steadier when other work shares the machine, and last `ratio R` =
(b) / (a) from the wall-clock medians.
Issue 3 asks for R >= 0.7. Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "arxiv_cs_2025_2026"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="folder of *.jsonl.gz arXiv records (default: %(default)s)",
    )
    parser.add_argument("--n", type=int, default=5000, help="abstracts to time (default 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes of each (default 3)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")
    return args


def read_papers(corpus: Path, n: int) -> list:
    """The first `n` records with a title and an abstract, as `Paper`s, in file order."""
    from paperkg.graph.records import Paper, paper_id

    files = sorted(corpus.glob("*.jsonl.gz")) if corpus.is_dir() else []
    if not files:
        sys.exit(
            f"No *.jsonl.gz files in {corpus}: the bench reads real arXiv abstracts from "
            "../shared/corpora/arxiv_cs_2025_2026; pass --corpus DIR to point elsewhere."
        )
    papers = []
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                record = json.loads(line)
                title, abstract = record.get("title"), record.get("abstract")
                if not (isinstance(title, str) and isinstance(abstract, str) and abstract.strip()):
                    continue
                papers.append(
                    Paper(
                        id=paper_id(title, record.get("arxiv_id")),
                        title=title,
                        abstract=abstract,
                        arxiv_id=record.get("arxiv_id"),
                        source=f"{path.name}:{number}",
                    )
                )
                if len(papers) == n:
                    return papers
    print(f"note: only {len(papers)} abstracts in {corpus}, fewer than --n {n}", file=sys.stderr)
    return papers


def resident_mb() -> float:
    """The process's resident set now, in MB (/proc/self/status; else the peak so far)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timing(NamedTuple):
    """Seconds of one pass: wall clock, and CPU time of this process."""

    wall: float
    cpu: float


@contextmanager
def timed(into: list[Timing]) -> Iterator[None]:
    """Append the wall-clock and CPU seconds of the `with` block to `into`."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    into.append(Timing(time.perf_counter() - wall, time.process_time() - cpu))


def time_tokenizer(texts: list[str], into: list[Timing]) -> None:
    """One pass of a fresh `spacy.blank("en")` tokenizer over `texts`, timed into `into`."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    with timed(into):
        for text in texts:
            tokenizer(text)


def load_extractor() -> tuple[object, float]:
    """A fresh default extractor and the seconds it took to build."""
    from paperkg.graph.extract import Extractor

    gc.collect()
    started = time.perf_counter()
    extractor = Extractor.default()
    return extractor, time.perf_counter() - started


def extraction_pass(extractor, papers: list) -> Callable[[], int]:
    """The extractor's ingestion path over `papers`, as a function returning mentions found."""
    if hasattr(extractor, "extract"):
        return lambda: _count(extractor.extract(papers))
    # Only if the extractor has no Paper path: the same text, field by field.
    return lambda: sum(
        len(extractor.extract_text(text, paper.id))
        for paper in papers
        for text in (paper.title, paper.abstract)
    )


def _count(items: Iterable) -> int:
    """Mentions in what `extract` yields: Mentions, or per-paper results holding them."""
    return sum(len(item.mentions) if hasattr(item, "mentions") else 1 for item in items)


def time_extractor(extractor, papers: list, into: list[Timing]) -> int:
    """One pass of the extractor over `papers`, timed into `into`; returns mentions found."""
    run = extraction_pass(extractor, papers)
    with timed(into):
        found = run()
    return found


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    papers = read_papers(args.corpus, args.n)
    texts = [text for paper in papers for text in (paper.title, paper.abstract)]
    # Imported before the memory baseline: module code is not the loaded pipeline's cost.
    import spacy  # noqa: F401

    try:
        from paperkg.graph.extract import Extractor  # noqa: F401
    except ImportError as exc:
        sys.exit(
            f"paperkg.graph.extract.Extractor cannot be imported ({exc}); run the bench with "
            "the project's .venv/bin/python once the extractor is installed."
        )
    before = resident_mb()
    extractor, first_load = load_extractor()
    memory = resident_mb() - before
    token_times: list[Timing] = []
    extract_times: list[Timing] = []
    load_times = [first_load]
    for attempt in range(args.repeat):
        time_tokenizer(texts, token_times)
        if attempt > 0:
            del extractor
            extractor, seconds = load_extractor()
            load_times.append(seconds)
        found = time_extractor(extractor, papers, extract_times)
    report(args, len(papers), token_times, extract_times, load_times, memory, found)


def report(args, n, token_times, extract_times, load_times, memory, found) -> None:
    """Print the rates, load time and memory; the last line is `ratio R` (wall clock)."""
    tokenizer = _median_rates(n, token_times)
    extractor = _median_rates(n, extract_times)
    print(
        f"{n:,} abstracts (title + abstract each) from {args.corpus}, "
        f"{args.repeat} passes each, medians; one process"
    )
    print(
        f"(a) spacy.blank('en') tokenizer, fresh each pass: {tokenizer.wall:,.0f} abstracts/s "
        f"({tokenizer.cpu:,.0f} per CPU second; passes: {_rates(n, token_times)})"
    )
    print(
        f"(b) Extractor.default() extraction, fresh each pass: {extractor.wall:,.0f} abstracts/s "
        f"({extractor.cpu:,.0f} per CPU second; passes: {_rates(n, extract_times)}; "
        f"{found:,} mentions a pass)"
    )
    print(
        f"pipeline load: {statistics.median(load_times):.2f} s median of {len(load_times)} "
        f"(first {load_times[0]:.2f} s); loaded pipeline memory: {memory:,.0f} MB resident"
    )
    # The first pass, module caches of pure string functions still cold, as an ingest
    # starts: its rate over the tokenizer's median rate.
    first = extract_times[0]
    print(f"first pass ratio {n / first.wall / tokenizer.wall:.2f} "
          f"(cpu {n / first.cpu / tokenizer.cpu:.2f})")
    # CPU time is steadier than the wall clock when other work shares the machine.
    print(f"cpu ratio {extractor.cpu / tokenizer.cpu:.2f}")
    print(f"ratio {extractor.wall / tokenizer.wall:.2f}")


def _median_rates(n: int, times: list[Timing]) -> Timing:
    """Abstracts a second from the median wall-clock and the median CPU seconds."""
    return Timing(
        n / statistics.median(t.wall for t in times), n / statistics.median(t.cpu for t in times)
    )


def _rates(n: int, times: list[Timing]) -> str:
    return ", ".join(f"{n / t.wall:,.0f}" for t in times)


if __name__ == "__main__":
    main()
