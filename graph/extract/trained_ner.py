"""A trained NER model beside the rules: loading it, and merging its spans with rule mentions.

Optional (`--model DIR`). The rules stay in charge: where a trained span overlaps a rule
mention, the rule mention is kept and the trained span dropped, because the rules link
names to gazetteer entities and know their roles and variants. A trained span that no
rule found becomes a `Mention` of component "kg_trained_ner", with a confidence no higher
than `TRAINED_CONFIDENCE` (below every rule's) and role MENTIONS.

The merge is a pure function over (text, rule mentions, trained spans), so it is tested
without the rule pipeline; `add_trained_to_extractions` applies it to whole papers.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import spacy
from spacy.language import Language

from paperkg.graph.errors import SourceFormatError, SourceNotFoundError
from paperkg.graph.extract.text.sentences import SentenceIndex
from paperkg.graph.records import Entity, EntityType, Mention, PaperExtraction, Role, entity_id

log = logging.getLogger(__name__)

# What `paperkg train` (graph/training.py) writes beside the model, and the format it is in.
MODEL_META = "paperkg_model.json"
MODEL_FORMAT = 1
TRAINED_COMPONENT = "kg_trained_ner"
TRAINED_CONFIDENCE = 0.6
# Used as a span's score when the model was saved without held-out scores.
_UNMEASURED_SCORE = 0.5
_TRAIN_HINT = "train one with `paperkg train GOLD.jsonl -o DIR`"


class TrainedSpan(NamedTuple):
    """A span the model found: character offsets into the text, our type, and a score.

    The greedy NER gives no probability per span, so `score` is the held-out precision
    of the span's type measured at training time: how often such a prediction was right.
    """

    start: int
    end: int
    type: EntityType
    score: float


class TrainedNER:
    """A paperkg-trained spaCy NER pipeline, loaded from disk (see `load_trained_ner`)."""

    def __init__(self, nlp: Language, meta: dict, path: Path) -> None:
        self.nlp = nlp
        self.meta = meta
        self.path = path
        per_type = (meta.get("dev_scores") or {}).get("per_type") or {}
        self._scores = {
            label: round(float((per_type.get(label) or {}).get("precision", _UNMEASURED_SCORE)), 3)
            for label in nlp.get_pipe("ner").labels
        }

    @property
    def labels(self) -> tuple[EntityType, ...]:
        """The types the model predicts."""
        return tuple(EntityType(label) for label in sorted(self._scores))

    def spans(self, text: str) -> list[TrainedSpan]:
        """The spans the model finds in `text`, in text order."""
        return self._doc_spans(self.nlp(text))

    def pipe_spans(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[TrainedSpan]]:
        """`spans` of many texts, batched (faster than one call a text)."""
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self._doc_spans(doc)

    def _doc_spans(self, doc) -> list[TrainedSpan]:
        return [
            TrainedSpan(ent.start_char, ent.end_char, EntityType(ent.label_), self._scores[ent.label_])
            for ent in doc.ents
        ]


def load_trained_ner(model_dir: str | os.PathLike) -> TrainedNER:
    """Load a model written by `train_ner` (`paperkg train`).

    Raises:
        SourceNotFoundError: `model_dir` does not exist or is not a directory.
        SourceFormatError: It is not a paperkg-trained model, or the model is damaged.
    """
    path = Path(model_dir)
    if not path.is_dir():
        raise SourceNotFoundError(f"{path}: no such model directory; {_TRAIN_HINT}.")
    meta = _read_meta(path)
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise SourceFormatError(
            f"{path}: the spaCy pipeline in it cannot be loaded ({exc}); {_TRAIN_HINT} again."
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise SourceFormatError(f"{path}: the pipeline has no 'ner' component; {_TRAIN_HINT}.")
    unknown = [label for label in nlp.get_pipe("ner").labels if label not in EntityType.__members__]
    if unknown:
        raise SourceFormatError(
            f"{path}: the model predicts labels that are not paperkg types ({', '.join(unknown)}); "
            f"{_TRAIN_HINT}."
        )
    return TrainedNER(nlp, meta, path)


def _read_meta(path: Path) -> dict:
    """`paperkg_model.json` of a model directory, checked."""
    meta_path = path / MODEL_META
    if not meta_path.is_file():
        raise SourceFormatError(
            f"{path}: not a paperkg-trained model (no {MODEL_META}); {_TRAIN_HINT}."
        )
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceFormatError(f"{meta_path}: not valid JSON ({exc}); {_TRAIN_HINT} again.") from exc
    if not isinstance(meta, dict) or meta.get("paperkg_model") != MODEL_FORMAT:
        raise SourceFormatError(
            f"{meta_path}: not a paperkg model description of format {MODEL_FORMAT}; {_TRAIN_HINT}."
        )
    return meta


def add_trained_mentions(
    text: str,
    mentions: Sequence[Mention],
    spans: Iterable[TrainedSpan],
    *,
    paper_id: str,
    field: str,
    confidence: float = TRAINED_CONFIDENCE,
) -> list[Mention]:
    """Rule mentions plus the trained spans that no rule mention overlaps.

    Args:
        text: The text of `field`, which the spans' offsets refer to.
        mentions: The rule mentions of the paper (any fields; only those of `field`
            can block a trained span).
        spans: Trained spans of `text` (see `TrainedNER.spans`).
        paper_id: The paper the new mentions belong to.
        field: The field `text` is ("title", "abstract", or "text").
        confidence: The highest confidence a trained mention gets; its own is
            `min(confidence, span.score)`.

    Returns:
        `mentions` unchanged and in order, then the new mentions in text order.
    """
    taken = [(m.start, m.end) for m in mentions if m.field == field]
    fresh = [s for s in spans if _is_valid(s, text) and not _overlaps(s, taken)]
    sentences = SentenceIndex(text) if fresh else None
    added = []
    for span in _longest_first(fresh):
        surface = text[span.start : span.end]
        sentence_start, sentence_end = sentences.span_at(span.start)
        added.append(Mention(
            paper_id=paper_id, field=field, start=span.start, end=span.end, text=surface,
            sentence=text[sentence_start:sentence_end], type=span.type,
            entity_id=entity_id(surface), confidence=round(min(confidence, span.score), 3),
            component=TRAINED_COMPONENT, role=Role.MENTIONS,
            sentence_start=sentence_start, sentence_end=sentence_end,
        ))
    return [*mentions, *added]


def _is_valid(span: TrainedSpan, text: str) -> bool:
    """Offsets inside the text around something other than blanks."""
    return 0 <= span.start < span.end <= len(text) and bool(text[span.start : span.end].strip())


def _overlaps(span: TrainedSpan, taken: list[tuple[int, int]]) -> bool:
    return any(span.start < end and start < span.end for start, end in taken)


def _longest_first(spans: list[TrainedSpan]) -> list[TrainedSpan]:
    """Non-overlapping spans in text order, the longest kept where spans overlap."""
    kept: list[TrainedSpan] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if not _overlaps(span, [(k.start, k.end) for k in kept]):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def trained_entities(
    mentions: Iterable[Mention],
    known: Iterable[Entity],
    lookup: Callable[[str], Entity | None] | None = None,
) -> list[Entity]:
    """The entities that trained mentions need and `known` lacks.

    The store links every mention to an entity row, so a name only the model found
    needs one. `lookup` (such as the Extractor's lexicon) gives an entity the project
    already has under that id; otherwise a new one of origin "trained" is made, its first
    surface form its name and the others its aliases.
    """
    known_ids = {e.id for e in known}
    forms: dict[str, dict[str, None]] = {}
    types: dict[str, EntityType] = {}
    for m in mentions:
        if m.component == TRAINED_COMPONENT and m.entity_id not in known_ids:
            forms.setdefault(m.entity_id, {})[m.text] = None
            types.setdefault(m.entity_id, m.type)
    entities = []
    for eid, surfaces in forms.items():
        names = list(surfaces)
        existing = lookup(eid) if lookup else None
        entities.append(existing or Entity(eid, names[0], types[eid], tuple(names[1:]), origin="trained"))
    return entities


def add_trained_to_extractions(
    extractions: Sequence[PaperExtraction],
    trained: TrainedNER,
    lookup: Callable[[str], Entity | None] | None = None,
    batch_size: int = 64,
) -> list[PaperExtraction]:
    """Each paper's extraction with the trained model's spans merged in (rules win).

    Titles and abstracts are run through the model separately, batched over all papers,
    so that offsets are field offsets as in every Mention. `lookup` is passed on to
    `trained_entities`.
    """
    texts = [p.paper.field_text(f) for p in extractions for f in ("title", "abstract")]
    found = iter(trained.pipe_spans(texts, batch_size=batch_size))
    merged = []
    for extraction in extractions:
        mentions = list(extraction.mentions)
        for field in ("title", "abstract"):
            mentions = add_trained_mentions(
                extraction.paper.field_text(field), mentions, next(found),
                paper_id=extraction.paper.id, field=field,
            )
        new = trained_entities(mentions, extraction.entities, lookup)
        merged.append(replace(extraction, mentions=tuple(mentions),
                              entities=(*extraction.entities, *new)))
    return merged
