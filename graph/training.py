"""Training a statistical NER component on gold files: what `paperkg train` calls.

Optional, beside the rules and never instead of them (see `extract/trained_ner.py` for how
its spans join the rule mentions). The gold files are read with the evaluation's reader and label
maps, so a source's labels become our types exactly as `paperkg eval` scores them:

- each gold record becomes one spaCy `Example` on `spacy.blank("en")`'s tokenizer, the
  same tokenizer the rule pipeline uses;
- a gold span that does not fall on token boundaries is shrunk to the tokens inside it
  (`alignment_mode="contract"`, counted as adjusted); when no whole token is inside, its
  tokens are marked *missing*, not *outside*, so the model is neither taught a wrong
  boundary nor that the name is no entity (counted as unaligned);
- of overlapping gold spans the longest is kept (`spacy.util.filter_spans`): GSAP-NER
  types "XNLI" both Dataset and Task, and a token carries one entity label;
- a fraction of the records is held out; the epoch with the best held-out F1 is saved.

The model is spaCy's default "ner" (a transition-based parser over a hash-embedding CNN,
Honnibal & Johnson, 2015) with a small tok2vec, so it trains on a CPU in minutes.
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import compounding, filter_spans, fix_random_seed, minibatch
from tqdm import tqdm

from paperkg.graph.errors import GoldFormatError, PaperkgError
from paperkg.graph.evaluation.gold import GoldDocument, iter_gold
from paperkg.graph.evaluation.labels import (
    LabelMap,
    map_gold_label,
    read_label_map,
    resolve_label_map,
)
from paperkg.graph.extract.trained_ner import MODEL_FORMAT, MODEL_META

log = logging.getLogger(__name__)

# Two-thirds the width and half the depth of spaCy's default tok2vec. Trained on 80% of
# TDMSci and scored on the other 20% (two seeds), the default reached 44-46 strict micro
# F1 and this 45-46, in half the CPU time (about 50 s for ten epochs of 1,100 sentences).
_NER_CONFIG = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 64,
            "depth": 2,
            "embed_size": 2000,
            "window_size": 1,
            "maxout_pieces": 3,
            "subword_features": True,
        },
    },
}
_DROPOUT = 0.2
# Batch sizes grow from 4 to 32 texts by 1% a batch, over all epochs (spaCy's
# compounding schedule): a small gold file gets many small updates, and a large one
# reaches batches of 32 within about two epochs of 1,000 texts.
_BATCH_SIZES = (4.0, 32.0, 1.01)


@dataclass
class SpanCounts:
    """What became of the gold spans on their way into training examples."""

    records: int = 0
    spans: int = 0
    used: int = 0
    ignored: int = 0
    adjusted: int = 0
    unaligned: int = 0
    overlapping: int = 0


@dataclass(frozen=True)
class TrainingReport:
    """The outcome of `train_ner`: what was read, how training went, where it was saved.

    `dev_scores` holds `precision`, `recall`, `f1` and `per_type` ({TYPE: {precision,
    recall, f1}}) of the best epoch on the held-out records, fractions in [0, 1]; it is
    None when nothing was held out (then the last epoch is saved).
    """

    out_dir: Path
    labels: tuple[str, ...]
    sources: tuple[str, ...]
    train_documents: int
    dev_documents: int
    counts: SpanCounts
    epochs: int
    best_epoch: int
    dev_scores: dict | None
    seconds: float
    losses: tuple[float, ...] = field(default=())

    def summary(self) -> str:
        """One line for the CLI: data, best epoch and its held-out F1, and where it went."""
        c = self.counts
        dev = (f"held-out F1 {self.dev_scores['f1']:.3f} on {self.dev_documents} texts"
               if self.dev_scores else "nothing held out")
        return (f"trained on {self.train_documents} texts ({c.used} spans; {c.ignored} ignored, "
                f"{c.unaligned} unaligned, {c.overlapping} overlapping dropped); best epoch "
                f"{self.best_epoch}/{self.epochs}, {dev}; {self.seconds:.0f} s; saved to {self.out_dir}")


def train_ner(
    gold_paths: Sequence[str | os.PathLike],
    out_dir: str | os.PathLike,
    label_map: LabelMap | str | os.PathLike | None = None,
    epochs: int = 10,
    seed: int = 0,
    dev_fraction: float = 0.1,
    progress: bool = True,
) -> TrainingReport:
    """Train a spaCy NER component on gold files and save it to `out_dir`.

    Args:
        gold_paths: Gold JSON Lines files (schema in `evaluation/gold.py`).
        out_dir: A new or empty directory, or an earlier paperkg model to replace.
        label_map: `{label: EntityType or None}` or a label-map file, used instead of
            each record's built-in map; labels mapped to None are not learnt.
        epochs: Passes over the training records.
        seed: Seeds the split, the shuffles and the weights: same data, same model.
        dev_fraction: Share of records held out to pick the best epoch (0 keeps the last).
        progress: Show a progress bar over epochs on stderr.

    Returns:
        A TrainingReport.

    Raises:
        SourceNotFoundError: A gold file (or the label-map file) does not exist.
        GoldFormatError: A gold file breaks the schema, a label has no mapping, or no
            record has a span that can be learnt.
        PaperkgError: No gold file, bad `epochs` or `dev_fraction`, or `out_dir` cannot
            be written.
    """
    started = time.perf_counter()
    _check_settings(gold_paths, epochs, dev_fraction)
    out_dir = Path(out_dir)
    check_out_dir(out_dir)
    if isinstance(label_map, (str, os.PathLike)):
        label_map = read_label_map(label_map)
    documents = [d for path in gold_paths for d in iter_gold(path)]
    nlp = spacy.blank("en")
    counts = SpanCounts()
    examples = [build_example(nlp, d, label_map, counts) for d in documents]
    labels = sorted({e.label_ for x in examples for e in x.reference.ents})
    if not labels:
        raise GoldFormatError(_no_annotations_message(gold_paths, counts))
    train, dev = split_examples(examples, dev_fraction, seed)
    log.info("training on %d texts, %d held out; labels %s", len(train), len(dev), labels)
    outcome = _fit(nlp, labels, train, dev, epochs, seed, progress)
    report = TrainingReport(
        out_dir, tuple(labels), tuple(sorted({d.source for d in documents if d.source})), len(train), len(dev),
        counts, epochs, outcome.best_epoch, outcome.best_scores,
        time.perf_counter() - started, tuple(outcome.losses),
    )
    write_model(nlp, model_meta(report, gold_paths, seed), out_dir)
    return report


def build_example(
    nlp: Language, document: GoldDocument, label_map: LabelMap | None, counts: SpanCounts
) -> Example:
    """One gold record as a training Example, entity labels being our type names.

    Raises:
        GoldFormatError: The record's source has no label map, or a label is unmapped.
    """
    table = resolve_label_map(document.source, label_map, document.where)
    reference = nlp.make_doc(document.text)
    aligned, missing = [], []
    counts.records += 1
    for entity in document.entities:
        counts.spans += 1
        kind = map_gold_label(entity.label, table, document.where)
        if kind is None:
            counts.ignored += 1
            continue
        span = reference.char_span(entity.start, entity.end, kind.value, alignment_mode="contract")
        if span is None:
            counts.unaligned += 1
            missing.append(reference.char_span(entity.start, entity.end, alignment_mode="expand"))
            continue
        counts.adjusted += (span.start_char, span.end_char) != (entity.start, entity.end)
        aligned.append(span)
    kept = filter_spans(aligned)
    counts.overlapping += len(aligned) - len(kept)
    counts.used += len(kept)
    reference.set_ents(kept, missing=_free_spans(missing, kept), default="outside")
    return Example(nlp.make_doc(document.text), reference)


def _free_spans(spans: list, taken: list) -> list:
    """The spans (None allowed) that overlap neither `taken` nor one another."""
    free = filter_spans([s for s in spans if s is not None])
    return [s for s in free if not any(s.start < t.end and t.start < s.end for t in taken)]


def split_examples(
    examples: list[Example], dev_fraction: float, seed: int
) -> tuple[list[Example], list[Example]]:
    """Shuffle with `seed` and hold out `dev_fraction` of the examples (at least one).

    Nothing is held out when the fraction is 0, when fewer than two examples remain for
    training, or when the held-out part would have no entity to score.
    """
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    n_dev = max(1, round(len(shuffled) * dev_fraction)) if dev_fraction > 0 else 0
    train, dev = shuffled[n_dev:], shuffled[:n_dev]
    if len(train) < 2 or not any(x.reference.ents for x in dev):
        return shuffled, []
    return train, dev


@dataclass
class _Outcome:
    best_epoch: int = 0
    best_scores: dict | None = None
    best_bytes: bytes = b""
    losses: list[float] = field(default_factory=list)


def _fit(nlp: Language, labels: list[str], train: list[Example], dev: list[Example],
         epochs: int, seed: int, progress: bool) -> _Outcome:
    """Train for `epochs`, leaving `nlp` with the weights of the best held-out epoch."""
    fix_random_seed(seed)
    ner = nlp.add_pipe("ner", config=_NER_CONFIG)
    for label in labels:
        ner.add_label(label)
    optimizer = nlp.initialize(lambda: train)
    shuffler, outcome = random.Random(seed), _Outcome()
    sizes = compounding(*_BATCH_SIZES)
    with tqdm(range(1, epochs + 1), desc="train", unit=" epoch", disable=not progress,
              leave=False) as bar:
        for epoch in bar:
            shuffler.shuffle(train)
            losses: dict[str, float] = {}
            for batch in minibatch(train, size=sizes):
                nlp.update(batch, sgd=optimizer, drop=_DROPOUT, losses=losses)
            outcome.losses.append(round(float(losses.get("ner", 0.0)), 3))
            scores = dev_scores(nlp, dev) if dev else None
            if scores is None or outcome.best_scores is None or scores["f1"] >= outcome.best_scores["f1"]:
                outcome.best_epoch, outcome.best_scores = epoch, scores
                outcome.best_bytes = nlp.get_pipe("ner").to_bytes() if dev else b""
            bar.set_postfix(loss=outcome.losses[-1], dev_f1=scores and round(scores["f1"], 3))
            log.info("epoch %d: loss %.1f, held-out %s", epoch, outcome.losses[-1], scores)
    if outcome.best_bytes:
        nlp.get_pipe("ner").from_bytes(outcome.best_bytes)
    return outcome


def dev_scores(nlp: Language, dev: list[Example]) -> dict:
    """Strict span-and-type precision, recall and F1 on held-out examples, per type too."""
    scores = nlp.evaluate(dev)
    per_type = {
        label: {"precision": s["p"], "recall": s["r"], "f1": s["f"]}
        for label, s in (scores.get("ents_per_type") or {}).items()
    }
    return {"precision": scores.get("ents_p") or 0.0, "recall": scores.get("ents_r") or 0.0,
            "f1": scores.get("ents_f") or 0.0, "per_type": per_type}


def model_meta(report: TrainingReport, gold_paths: Sequence, seed: int) -> dict:
    """The content of `paperkg_model.json`, which marks a directory as a paperkg model."""
    return {
        "paperkg_model": MODEL_FORMAT,
        "labels": list(report.labels),
        "sources": list(report.sources),
        "gold_files": [Path(p).name for p in gold_paths],
        "train_documents": report.train_documents,
        "dev_documents": report.dev_documents,
        "spans": asdict(report.counts),
        "epochs": report.epochs,
        "best_epoch": report.best_epoch,
        "seed": seed,
        "dev_scores": report.dev_scores,
        "spacy_version": spacy.__version__,
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def check_out_dir(out_dir: Path) -> None:
    """Fail before training, not after, when the model could not be saved.

    Raises:
        PaperkgError: `out_dir` is a file, holds files of something other than a paperkg
            model, or it (or its parent) cannot be written.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise PaperkgError(f"{out_dir} is a file; give -o the path of a directory to create.")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MODEL_META).is_file():
        raise PaperkgError(
            f"{out_dir} holds files that are not a paperkg model; give -o a new or empty "
            "directory (an earlier paperkg model there is replaced)."
        )
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent)).rmdir()
    except OSError as exc:
        raise PaperkgError(
            f"cannot write the model to {out_dir} ({exc.strerror or exc}); "
            "choose a directory you can write to."
        ) from exc


def write_model(nlp: Language, meta: dict, out_dir: Path) -> None:
    """Save the pipeline and its meta beside `out_dir`, then move it into place.

    Writing elsewhere first means an interrupted save leaves the previous model whole.

    Raises:
        PaperkgError: The model could not be written.
    """
    staging = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
        nlp.to_disk(staging)
        (staging / MODEL_META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        _move_into_place(staging, out_dir)
    except OSError as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise PaperkgError(f"cannot write the model to {out_dir} ({exc}); "
                           "choose a directory you can write to.") from exc


def _move_into_place(staging: Path, out_dir: Path) -> None:
    """Rename `staging` to `out_dir`, putting back what was there if that fails."""
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    old = staging.with_name(staging.name + ".old")
    out_dir.rename(old)
    try:
        staging.rename(out_dir)
    except OSError:
        old.rename(out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _check_settings(gold_paths: Sequence, epochs: int, dev_fraction: float) -> None:
    if not gold_paths:
        raise PaperkgError("no gold file given; name at least one annotated JSON Lines file.")
    if not isinstance(epochs, int) or epochs < 1:
        raise PaperkgError(f"epochs must be a whole number of at least 1, not {epochs!r}.")
    if not 0 <= dev_fraction < 1:
        raise PaperkgError(f"dev_fraction must be in [0, 1), such as 0.1; not {dev_fraction!r}.")


def _no_annotations_message(gold_paths: Sequence, counts: SpanCounts) -> str:
    files = ", ".join(str(p) for p in gold_paths)
    return (
        f"{files}: no span to learn from ({counts.records} records, {counts.spans} spans: "
        f"{counts.ignored} with ignored labels, {counts.unaligned} not on token boundaries); "
        "give gold files whose entities map to our types, or a --labels map that maps them."
    )
