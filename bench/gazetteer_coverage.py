"""How much of what papers name the bundled gazetteer knows; writes docs/gazetteer.md.

    .venv/bin/python bench/gazetteer_coverage.py [--corpus DIR] [--n 5000] [--seed 0]
        [--names DIR] [--out docs/gazetteer.md]

Three measurements (issue 3, section 3, first bullet):

(a) the gazetteer itself: entities per type, aliases, external ids per scheme, variant links;
(b) the names the default extractor finds in N abstracts sampled (seeded, so the same every
    run) across all month files of ../shared/corpora/arxiv_cs_2025_2026: mentions grouped by
    entity id, the top 500 by number of papers, and the share of them, and of their
    mentions, that the bundled gazetteer holds, per type; the rest were found only by
    rules or corpus-level discovery, and the 50 most frequent of those are listed as
    curation candidates;
(c) the public lists in ../shared/names: the share of each list's distinct names whose
    `entity_key` is the key of a gazetteer name or alias. Only shares and a few examples per
    list reach the report; the lists themselves are never copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TYPES = ("MODEL", "METHOD", "DATASET", "BENCHMARK", "TASK", "METRIC")
SCHEMES = ("wikidata", "hf", "arxiv")
DATA_TYPES = frozenset({"DATASET", "BENCHMARK"})
MODEL_TYPES = frozenset({"MODEL", "METHOD"})
# Rows of the Papers-with-Code-derived list that stand for no name ("N/A", "(deleted task 2)").
_PLACEHOLDER = re.compile(r"^\W*(n/?a|none|null|unknown|deleted\b.*)\W*$", re.IGNORECASE)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "arxiv_cs_2025_2026",
                        help="folder of *.jsonl.gz arXiv records (default: %(default)s)")
    parser.add_argument("--n", type=int, default=5000, help="abstracts to sample (default 5000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample (default 0)")
    parser.add_argument("--top", type=int, default=500, help="frequent names to check (default 500)")
    parser.add_argument("--names", type=Path, default=SHARED / "names",
                        help="folder of public name lists (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "gazetteer.md",
                        help="Markdown report to write (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.top < 1:
        parser.error("--n and --top must be at least 1")
    return args


# -- (a) the gazetteer ------------------------------------------------------------------


@dataclass
class TypeSummary:
    """Counts over the gazetteer entities of one type (or all of them)."""

    entities: int = 0
    aliases: int = 0
    with_aliases: int = 0
    schemes: Counter = field(default_factory=Counter)
    variants: int = 0


def summarize_gazetteer(entities: Iterable) -> dict[str, TypeSummary]:
    """Per type, and under "all", entities, aliases, external ids by scheme and variant links."""
    summary = {name: TypeSummary() for name in (*TYPES, "all")}
    for entity in entities:
        for row in (summary[entity.type.value], summary["all"]):
            row.entities += 1
            row.aliases += len(entity.aliases)
            row.with_aliases += bool(entity.aliases)
            row.schemes.update({scheme for scheme, _ in entity.external_ids})
            row.variants += entity.variant_of is not None
    return summary


def dangling_variants(entities: Sequence) -> list[str]:
    """Names of entities whose `variant_of` points at no entity of the gazetteer."""
    ids = {e.id for e in entities}
    return [e.name for e in entities if e.variant_of and e.variant_of not in ids]


# -- (b) frequent names in the corpus ---------------------------------------------------


@dataclass
class NameCount:
    """What the extractor found for one entity id over the sample."""

    entity_id: str
    papers: set[str] = field(default_factory=set)
    mentions: int = 0
    surfaces: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    components: Counter = field(default_factory=Counter)
    entity_name: str = ""
    origin: str = ""
    variant_of: str | None = None

    @property
    def name(self) -> str:
        """The surface form the papers use most."""
        return self.surfaces.most_common(1)[0][0] if self.surfaces else self.entity_name

    @property
    def type(self) -> str:
        return self.types.most_common(1)[0][0] if self.types else ""

    @property
    def found_by(self) -> str:
        """The component that found most of its mentions."""
        return self.components.most_common(1)[0][0] if self.components else ""


def count_names(extractions: Iterable) -> tuple[dict[str, NameCount], dict[str, str]]:
    """Group the mentions of `PaperExtraction`s by entity id.

    Returns:
        The counts by entity id, and every `variant_of` link the extractions state.
    """
    counts: dict[str, NameCount] = {}
    parents: dict[str, str] = {}
    for extraction in extractions:
        entities = {e.id: e for e in extraction.entities}
        parents.update({e.id: e.variant_of for e in entities.values() if e.variant_of})
        for mention in extraction.mentions:
            count = counts.get(mention.entity_id)
            if count is None:
                count = counts[mention.entity_id] = NameCount(mention.entity_id)
                if entity := entities.get(mention.entity_id):
                    count.entity_name, count.origin = entity.name, entity.origin
                    count.variant_of = entity.variant_of
            count.papers.add(mention.paper_id)
            count.mentions += 1
            count.surfaces[mention.text] += 1
            count.types[mention.type.value] += 1
            count.components[mention.component] += 1
    return counts, parents


def top_names(counts: dict[str, NameCount], k: int) -> list[NameCount]:
    """The `k` entities found in most papers (then most mentions, then by id)."""
    ranked = sorted(counts.values(), key=lambda c: (-len(c.papers), -c.mentions, c.entity_id))
    return ranked[:k]


def bundled_parent(count: NameCount, gazetteer, parents: dict[str, str]):
    """The nearest bundled entity up the variant links the extractor stated, or None."""
    parent, seen = count.variant_of or parents.get(count.entity_id), {count.entity_id}
    while parent and parent not in seen:
        if (entity := gazetteer.get(parent)) is not None:
            return entity
        seen.add(parent)
        parent = parents.get(parent)
    return None


def classify_name(count: NameCount, gazetteer, parents: dict[str, str]) -> str:
    """Where a frequent name comes from.

    Returns:
        "gazetteer" (its entity is a bundled one), "alias" (its name is a bundled alias
        but the extractor made it an entity of its own), "variant" (a variant of a bundled
        entity, by the variant links the extractor stated) or "rules" (found only by rules
        or discovery).
    """
    if gazetteer.get(count.entity_id) is not None:
        return "gazetteer"
    if count.entity_name and gazetteer.lookup(count.entity_name) is not None:
        return "alias"
    return "variant" if bundled_parent(count, gazetteer, parents) is not None else "rules"


@dataclass
class CoverageRow:
    """Frequent names of one type (or "all") and how many of them the gazetteer holds."""

    names: int = 0
    curated: int = 0
    mentions: int = 0
    curated_mentions: int = 0


def coverage_by_type(
    top: Iterable[NameCount], is_curated: Callable[[NameCount], bool]
) -> dict[str, CoverageRow]:
    """Per type, and under "all", names and mentions, and the curated part of each."""
    rows = {name: CoverageRow() for name in (*TYPES, "all")}
    for count in top:
        curated = is_curated(count)
        for row in (rows[count.type], rows["all"]):
            row.names += 1
            row.mentions += count.mentions
            row.curated += curated
            row.curated_mentions += count.mentions if curated else 0
    return rows


# -- (c) public name lists --------------------------------------------------------------


@dataclass
class ListCoverage:
    """How many distinct names of a list the gazetteer knows."""

    label: str
    total: int
    matched: int
    typed: int
    missing: list[str]


def gazetteer_keys(entities: Iterable) -> dict[str, set[str]]:
    """Every normalised name and alias of the gazetteer, with the types it carries."""
    from paperkg.graph.records import entity_key

    keys: dict[str, set[str]] = {}
    for entity in entities:
        for surface in (entity.name, *entity.aliases):
            if key := entity_key(surface):
                keys.setdefault(key, set()).add(entity.type.value)
    return keys


def list_coverage(label: str, names: Sequence[str], keys: dict[str, set[str]],
                  expected: frozenset[str] = frozenset(), examples: int = 3) -> ListCoverage:
    """The share of a list's distinct names (by `entity_key`) that are gazetteer keys.

    Args:
        label: what the list is, for the report.
        names: the list, most important first (examples of misses are taken in this order).
        keys: `gazetteer_keys` of the gazetteer.
        expected: types a match should carry to count as `typed` (any type when empty).
        examples: how many missing names to keep.
    """
    from paperkg.graph.records import entity_key

    firsts: dict[str, str] = {}
    for name in names:
        if key := entity_key(name):
            firsts.setdefault(key, name)
    matched = [k for k in firsts if k in keys]
    typed = [k for k in matched if not expected or keys[k] & expected]
    missing = [name for k, name in firsts.items() if k not in keys][:examples]
    return ListCoverage(label, len(firsts), len(matched), len(typed), missing)


def read_tsv(path: Path, quoting: int = csv.QUOTE_NONE) -> list[dict[str, str]]:
    """The rows of a TSV file with a header line, as dicts."""
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t", quoting=quoting))


def read_column(path: Path, column: str) -> list[str]:
    """The non-empty cells of one column, in file order."""
    return [v.strip() for row in read_tsv(path) if (v := row.get(column) or "").strip()]


def read_text_names(path: Path) -> list[str]:
    """One name a line; blank lines skipped."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_pwc_names(path: Path, kind: str, top: int) -> list[str]:
    """The `top` names of one type of the PwC-derived list, by its occurrence column."""
    rows = [r for r in read_tsv(path) if r["type"] == kind and not _PLACEHOLDER.match(r["name"])]
    rows.sort(key=lambda r: -int(r["occurrences_in_pwc_archive_csvs"] or 0))
    return [r["name"] for r in rows[:top]]


def read_frequent(values: Iterable[str], top: int) -> list[str]:
    """The `top` most frequent non-empty values, most frequent first."""
    return [v for v, _ in Counter(v.strip() for v in values if v.strip()).most_common(top)]


def timm_family(architecture: str) -> str:
    """The family of a timm architecture: "convnext_base" -> "convnext".

    timm marks weights ported from TensorFlow with a "tf_" prefix ("tf_efficientnet_b0");
    the family is the part after it.
    """
    parts = architecture.split("_")
    return parts[1] if parts[0] == "tf" and len(parts) > 1 else parts[0]


def read_timm_architectures(path: Path) -> list[str]:
    """Distinct timm architectures: the model name before its pretrained tag.

    "vit_base_patch16_224.augreg_in21k" -> "vit_base_patch16_224".
    """
    with path.open(encoding="utf-8", newline="") as stream:
        return list(dict.fromkeys(row["model"].split(".")[0] for row in csv.DictReader(stream)))


def public_lists(folder: Path, top: int) -> list[tuple[str, str, Callable[[], list[str]], frozenset[str]]]:
    """(file, label, reader, expected types) of every list the report covers."""
    hf, tv_models = folder / "hf_transformers_model_names.tsv", folder / "torchvision_model_builders.tsv"
    pwc, sota = folder / "pwc_derived_names.tsv", folder / "sota_extractor_leaderboards.tsv"
    lm_eval, timm = folder / "lm_eval_harness_tasks.tsv", folder / "timm_results-imagenet.csv"
    pwc_kinds = [("task", {"TASK"}), ("dataset", DATA_TYPES), ("benchmark_dataset_variant", DATA_TYPES),
                 ("metric", {"METRIC"})]
    return [
        (hf.name, "display names", lambda: read_column(hf, "display_name"), MODEL_TYPES),
        (tv_models.name, "model builders", lambda: read_column(tv_models, "builder"), MODEL_TYPES),
        ("torchvision_dataset_classes.txt", "dataset classes",
         lambda: read_text_names(folder / "torchvision_dataset_classes.txt"), DATA_TYPES),
        *[(pwc.name, f"{kind}, top {top} by occurrences",
           lambda kind=kind: read_pwc_names(pwc, kind, top), frozenset(types)) for kind, types in pwc_kinds],
        (lm_eval.name, "task families (folders)",
         lambda: list(dict.fromkeys(read_column(lm_eval, "family_dir"))), DATA_TYPES | {"TASK"}),
        (sota.name, f"datasets, top {top} by rows",
         lambda: read_frequent((r["dataset"] or "" for r in read_tsv(sota, csv.QUOTE_MINIMAL)), top),
         DATA_TYPES),
        (timm.name, "architectures (name before the tag)", lambda: read_timm_architectures(timm),
         MODEL_TYPES),
        (timm.name, "architecture families (first part of the name)",
         lambda: list(dict.fromkeys(map(timm_family, read_timm_architectures(timm)))), MODEL_TYPES),
    ]


def measure_lists(folder: Path, keys: dict[str, set[str]], top: int) -> list[tuple[str, ListCoverage]]:
    """`list_coverage` of every public list; a missing or unreadable file gets a note instead."""
    measured = []
    for file, label, reader, expected in public_lists(folder, top):
        if not (folder / file).is_file():
            measured.append((file, ListCoverage(f"{label}: absent", 0, 0, 0, [])))
            continue
        try:
            names = reader()
        except (OSError, UnicodeDecodeError, KeyError, ValueError, csv.Error) as exc:
            note = f"{label}: unreadable ({type(exc).__name__}: {exc})"
            measured.append((file, ListCoverage(note, 0, 0, 0, [])))
            continue
        measured.append((file, list_coverage(label, names, keys, expected)))
    return measured


# -- the sample and the run -------------------------------------------------------------


def pick_sample(items: Sequence, n: int, seed: int) -> list:
    """`n` items drawn without replacement with a seeded generator, kept in their order."""
    if n >= len(items):
        return list(items)
    return [items[i] for i in sorted(random.Random(seed).sample(range(len(items)), n))]


def sample_papers(corpus: Path, n: int, seed: int) -> tuple[list, int]:
    """A seeded sample of `n` papers across every *.jsonl.gz of `corpus`, and how many there were."""
    from paperkg.graph.errors import PaperkgError
    from paperkg.graph.records import Paper
    from paperkg.graph.sources import iter_papers

    papers = []
    for path in sorted(corpus.glob("*.jsonl.gz")):
        try:
            papers.extend(r for r in iter_papers(path) if isinstance(r, Paper))
        except PaperkgError as exc:
            print(f"note: {path} left out: {exc}", file=sys.stderr)
    return pick_sample(papers, n, seed), len(papers)


def check_inputs(args: argparse.Namespace) -> None:
    """Stop with one line when the shared corpus or name lists are not there."""
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.jsonl.gz")):
        sys.exit(f"No *.jsonl.gz files in {args.corpus}: the report needs the arXiv corpus of "
                 "../shared (beside the repository); pass --corpus DIR to point elsewhere.")
    if not args.names.is_dir():
        sys.exit(f"No folder {args.names}: the report needs the public name lists of "
                 "../shared/names (beside the repository); pass --names DIR to point elsewhere.")


@contextmanager
def timed(seconds: dict[str, float], step: str) -> Iterator[None]:
    """Record the wall-clock seconds of the `with` block as `seconds[step]`."""
    started = time.perf_counter()
    yield
    seconds[step] = time.perf_counter() - started


@dataclass
class Findings:
    """Everything the report shows."""

    sample: int
    corpus_size: int
    seed: int
    gazetteer: dict[str, TypeSummary]
    dangling: list[str]
    mentions_by_component: Counter
    distinct_names: int
    top: list[NameCount]
    kinds: dict[str, str]
    parent_names: dict[str, str]
    coverage: dict[str, CoverageRow]
    lists: list[tuple[str, ListCoverage]]
    seconds: dict[str, float]


def measure(args: argparse.Namespace) -> Findings:
    """Sample, extract and measure, timing each step."""
    from tqdm import tqdm

    from paperkg.graph.extract import Extractor, Gazetteer

    seconds: dict[str, float] = {}
    with timed(seconds, "read corpus"):
        papers, corpus_size = sample_papers(args.corpus, args.n, args.seed)
    with timed(seconds, "load gazetteer and extractor"):
        gazetteer = Gazetteer.bundled()
        extractor = Extractor.default()
    with timed(seconds, "extract"):
        stream = tqdm(extractor.extract(papers), total=len(papers), desc="extract", unit=" papers")
        counts, parents = count_names(stream)
    top = top_names(counts, args.top)
    kinds = {c.entity_id: classify_name(c, gazetteer, parents) for c in top}
    parent_names = {c.entity_id: parent.name for c in top
                    if (parent := bundled_parent(c, gazetteer, parents)) is not None}
    with timed(seconds, "public lists"):
        lists = measure_lists(args.names, gazetteer_keys(gazetteer.entities), args.top)
    by_component = Counter()
    for count in counts.values():
        by_component.update(count.components)
    return Findings(
        len(papers), corpus_size, args.seed, summarize_gazetteer(gazetteer.entities),
        dangling_variants(gazetteer.entities), by_component, len(counts), top, kinds, parent_names,
        coverage_by_type(top, lambda c: kinds[c.entity_id] == "gazetteer"), lists, seconds,
    )


# -- the report -------------------------------------------------------------------------


def percent(part: int, whole: int) -> str:
    """A share such as "12.3%", or "-" when there is nothing to divide."""
    return f"{100 * part / whole:.1f}%" if whole else "-"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def table(header: Sequence[str], rows: Iterable[Sequence]) -> list[str]:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(str(v)) for v in row) + " |" for row in rows]
    return lines if len(lines) > 2 else ["(none)"]


def render_gazetteer(f: Findings) -> list[str]:
    rows = [(t, s.entities, s.aliases, s.with_aliases, *(s.schemes[x] for x in SCHEMES), s.variants)
            for t, s in f.gazetteer.items()]
    lines = ["## 1. The bundled gazetteer", "",
             "Read by `Gazetteer.bundled()` from `data/gazetteer/*.tsv`.", ""]
    lines += table(["type", "entities", "aliases", "entities with aliases", "Wikidata QID",
                    "HF hub id", "arXiv id", "variant of"], rows)
    links = f.gazetteer["all"].variants
    lines += ["", f"{links - len(f.dangling)} of {links} variant links point at an entity of the "
              f"gazetteer" + (f"; dangling: {', '.join(f.dangling[:5])}" if f.dangling else "") + "."]
    return lines


def render_frequent(f: Findings) -> list[str]:
    total = f.coverage["all"]
    k = len(f.top)
    lines = ["", f"## 2. The {k} names found in most papers", "",
             f"`Extractor.default().extract(papers)` over {f.sample:,} abstracts (title and abstract), "
             f"a sample (seed {f.seed}) of the {f.corpus_size:,} papers of all month files; "
             f"{sum(f.mentions_by_component.values()):,} mentions of {f.distinct_names:,} entity ids "
             f"(by component: {', '.join(f'{c} {n:,}' for c, n in f.mentions_by_component.most_common())}). "
             f"Mentions are grouped by entity id and ranked by papers; the {k}th is in "
             f"{len(f.top[-1].papers) if f.top else 0} papers.", "",
             f"**{total.curated} of {total.names} ({percent(total.curated, total.names)}) are bundled "
             f"gazetteer entities, carrying {percent(total.curated_mentions, total.mentions)} of their "
             f"{total.mentions:,} mentions.**", ""]
    rows = [(t, r.names, r.curated, percent(r.curated, r.names), r.mentions,
             percent(r.curated_mentions, r.mentions)) for t, r in f.coverage.items() if r.names]
    lines += table(["type", "names", "in gazetteer", "share", "mentions", "share of mentions"], rows)
    return lines + [""] + render_sources(f)


def render_sources(f: Findings) -> list[str]:
    labels = {"gazetteer": "bundled gazetteer entity",
              "alias": "name is a bundled name or alias, but extracted as an entity of its own",
              "variant": "variant of a bundled entity (by the extractor's variant links)",
              "rules": "found only by rules or discovery"}
    rows = []
    for kind, label in labels.items():
        group = [c for c in f.top if f.kinds[c.entity_id] == kind]
        rows.append((label, len(group), sum(c.mentions for c in group)))
    lines = table(["where the name comes from", "names", "mentions"], rows)
    others = [c for c in f.top if f.kinds[c.entity_id] != "gazetteer"]
    found_by = Counter((c.found_by, c.origin or "-") for c in others)
    lines += ["", "Names not in the gazetteer, by the component that found most of their mentions "
              "and the origin of their entity:", ""]
    lines += table(["component", "origin", "names"], [(c, o, n) for (c, o), n in found_by.most_common()])
    return lines


def render_candidates(f: Findings, limit: int = 50) -> list[str]:
    candidates = [c for c in f.top if f.kinds[c.entity_id] in ("rules", "variant")][:limit]
    lines = ["", f"### The {len(candidates)} most frequent names not in the gazetteer (curation candidates)",
             "", "Variants of bundled entities are marked; they need no entry of their own.", ""]
    rows = [(i, c.name, c.type, len(c.papers), c.mentions, c.found_by,
             f"variant of {f.parent_names[c.entity_id]}" if f.kinds[c.entity_id] == "variant" else "")
            for i, c in enumerate(candidates, start=1)]
    lines += table(["#", "name", "type", "papers", "mentions", "found by", "note"], rows)
    gaps = [c for c in f.top if f.kinds[c.entity_id] == "alias"]
    if gaps:
        lines += ["", "Extracted as entities of their own although their name is a bundled name or "
                  "alias (linking gaps): "
                  + ", ".join(f"{c.name} ({len(c.papers)} papers)" for c in gaps[:10])
                  + "."]
    return lines


def render_lists(f: Findings) -> list[str]:
    lines = ["", "## 3. Public name lists in ../shared/names", "",
             "Distinct names of each list (by `entity_key`) that are the key of a bundled name or "
             "alias; \"expected type\" counts matches whose entity has a type the list implies. "
             "Examples are the first misses in the list's order (most frequent first where ranked). "
             "The lists also hold entries that papers do not name as things (torchvision's utility "
             "classes, timm's size and resolution suffixes, noisy PwC rows), so no list can reach "
             "100%; and matching is strict, so a list name with a description in parentheses or "
             "a task word added does not meet the bare name.", ""]
    rows = [(file, c.label, c.total, c.matched, percent(c.matched, c.total), percent(c.typed, c.total),
             ", ".join(c.missing)) for file, c in f.lists]
    return lines + table(["list", "what", "distinct names", "in gazetteer", "share", "with expected type",
                          "e.g. not in gazetteer"], rows)


def render_report(f: Findings, today: date) -> str:
    """The whole Markdown report."""
    head = ["# Gazetteer coverage", "",
            f"Generated by `python bench/gazetteer_coverage.py` on {today.isoformat()} "
            f"(`--n {f.sample} --seed {f.seed}`); regenerate it, do not edit it by hand.", ""]
    timings = ["", "## Timings", "", ", ".join(f"{step}: {s:.1f} s" for step, s in f.seconds.items())
               + (f"; {f.sample / f.seconds['extract']:,.0f} abstracts/s extracted"
                  if f.seconds.get("extract") else "") + "."]
    body = render_gazetteer(f) + render_frequent(f) + render_candidates(f) + render_lists(f) + timings
    return "\n".join(head + body) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    check_inputs(args)
    findings = measure(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_report(findings, date.today()), encoding="utf-8")
    for step, seconds in findings.seconds.items():
        print(f"{step}: {seconds:.1f} s")
    total = findings.coverage["all"]
    print(f"{total.curated} of {total.names} frequent names in the gazetteer "
          f"({percent(total.curated, total.names)}); wrote {args.out}")


if __name__ == "__main__":
    main()
