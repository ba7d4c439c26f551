"""Scoring on names no list knows: `paperkg eval --unseen`.

A gold set scored with the full gazetteer measures, in part, how many of its names the
lists already hold. A Daily Papers page brings names that no list has, so `--unseen`
takes out of the lists every entity whose name or alias occurs anywhere in the gold
set's text (the curated gazetteer and any user or discovered names alike), and scores
what is left: the rules and discovery on names they meet for the first time.

"Occurs" is decided on the normalised key of `records.entity_key`, over every run of up
to `MAX_NAME_WORDS` consecutive words of the text, so "CIFAR - 10" in token-joined text
hides CIFAR-10 just as "CIFAR-10" does. It errs on the side of hiding: an alias that is
a common word ("GLUE" in "glue code") hides its entity too.

This module imports nothing of the extractor: the caller gives a factory that builds
an extractor from the entities that remain (see `api/cli_extract.py`).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from paperkg.graph.evaluation.gold import GoldDocument, iter_gold
from paperkg.graph.evaluation.labels import LabelMap, read_label_map
from paperkg.graph.evaluation.report import EvaluationReport
from paperkg.graph.evaluation.runner import evaluate_documents, select_folds
from paperkg.graph.records import Entity, entity_key

logger = logging.getLogger(__name__)

# The longest gazetteer names run to 8-9 words ("Massive Multitask Language Understanding");
# 10 covers them with room for token-joined punctuation.
MAX_NAME_WORDS = 10
_WORD = re.compile(r"\w+|[^\w\s]")
UNSEEN_SUFFIX = " (--unseen)"

ExtractorFactory = Callable[[Sequence[Entity]], object]
"""Builds an extractor (anything with `extract_text`) that knows only the given entities."""


@dataclass(frozen=True)
class HiddenNames:
    """The outcome of hiding a gold set's names: what stays in the lists and what went."""

    kept: tuple[Entity, ...]
    hidden: tuple[Entity, ...]


def collect_name_keys(texts: Iterable[str], max_words: int = MAX_NAME_WORDS) -> set[str]:
    """The `entity_key` of every run of 1 to `max_words` consecutive words in the texts.

    Words are runs of word characters, and each punctuation mark is a word of its own,
    so the keys of "Stable Diffusion 2.1" and "Stable - Diffusion 2 . 1" meet.
    """
    keys: set[str] = set()
    for text in texts:
        words = _WORD.findall(text)
        for i in range(len(words)):
            run = ""
            for word in words[i : i + max_words]:
                run += word
                key = entity_key(run)
                if key:
                    keys.add(key)
    keys.discard("")
    return keys


def hide_names_in(entities: Iterable[Entity], texts: Iterable[str]) -> HiddenNames:
    """Split `entities` into those none of whose names occurs in `texts`, and the rest.

    Args:
        entities: The lists' entities (curated, user and discovered alike).
        texts: The texts the extractor will be scored on.

    Returns:
        `HiddenNames(kept, hidden)`, each in the order of `entities`.
    """
    keys = collect_name_keys(texts)
    kept, hidden = [], []
    for entity in entities:
        surfaces = (entity.name, *entity.aliases)
        (hidden if any(entity_key(s) in keys for s in surfaces) else kept).append(entity)
    logger.info("--unseen: %d entities hidden, %d kept", len(hidden), len(kept))
    return HiddenNames(tuple(kept), tuple(hidden))


@dataclass(frozen=True)
class UnseenSetup:
    """How to score with a gold set's names hidden: the lists, and how to build an extractor.

    Args:
        entities: Every entity the lists hold (curated, user, discovered).
        build: Makes an extractor that knows only the entities it is given.
    """

    entities: tuple[Entity, ...]
    build: ExtractorFactory

    def evaluate(
        self,
        gold_path: str | os.PathLike,
        label_map: LabelMap | str | os.PathLike | None = None,
        corpus: bool = False,
        spans: str | None = None,
        folds: Sequence[int] | None = None,
    ) -> EvaluationReport:
        """Score a gold file with every list entity named in its text hidden (see module doc).

        `folds` limits the scoring to those GSAP folds; the names hidden are still those of
        the whole set. The report's `extraction` says how many entities were hidden, and its name ends
        in " (--unseen)".

        Raises:
            SourceNotFoundError: The gold file (or label-map file) does not exist.
            GoldFormatError: The gold file breaks the schema, or a label has no mapping.
        """
        if isinstance(label_map, (str, os.PathLike)):
            label_map = read_label_map(label_map)
        documents = list(iter_gold(gold_path))
        extractor, hidden = self.extractor_for(documents)  # the whole set's names, always
        name = Path(gold_path).name
        if folds is not None:
            name += f" (folds {','.join(map(str, folds))})"
        report = evaluate_documents(
            select_folds(documents, folds), extractor, label_map, name + UNSEEN_SUFFIX, corpus, spans
        )
        report.extraction += f"; unseen: {hidden} of {len(self.entities)} list entities hidden"
        return report

    def extractor_for(self, documents: Sequence[GoldDocument]) -> tuple[object, int]:
        """An extractor blind to every list name in these documents, and how many it lost."""
        names = hide_names_in(self.entities, [d.text for d in documents])
        return self.build(names.kept), len(names.hidden)

