"""The Extractor: papers in, mentions, entities and results out.

A paper's title and abstract are processed as one text, "title\\n\\nabstract", so that a
definition in the title serves the abstract and the pipeline runs once per paper;
offsets are mapped back to each field afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language

from paperkg.graph.extract.components import DocState
from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.names.discovery import discover_entities
from paperkg.graph.extract.names.lexicon import Lexicon
from paperkg.graph.extract.names.gazetteer import Gazetteer, cached_entity_key
from paperkg.graph.extract.rules.contributions import carry_list_roles, settle_introductions
from paperkg.graph.extract.trained_ner import (
    TrainedNER, add_trained_mentions, add_trained_to_extractions, load_trained_ner,
)
from paperkg.graph.extract.text.detokenize import Detokenized
from paperkg.graph.extract.text.phrase_extents import phrase_extents
from paperkg.graph.extract.rules.results import Span, find_results
from paperkg.graph.extract.rules.roles import assign_role
from paperkg.graph.extract.text.sentences import SentenceIndex
from paperkg.graph.extract.rules.context_names import find_context_names
from paperkg.graph.extract.text.tokenizer import blank_pipeline
from paperkg.graph.extract.names.variants import parent_name
from paperkg.graph import mention_readings  # a module: it imports this package's rules
from paperkg.graph.mention_votes import add_votes, build_vote_tables
from paperkg.graph.records import (
    Entity, EntityType, Mention, Paper, PaperExtraction, Result,
)
from paperkg.graph.speed import Memo, entity_of, gc_paused, mention_of

log = logging.getLogger(__name__)

PIPELINE = (
    "kg_sentences", "kg_gazetteer", "kg_discovered", "kg_abbreviations", "kg_shapes",
    "kg_phrases", "kg_resolve", "kg_variants",
)
_SEPARATOR = "\n\n"
_RESULT_TARGETS = frozenset({EntityType.DATASET, EntityType.BENCHMARK})
_RESULT_SPANS = _RESULT_TARGETS | {EntityType.MODEL}  # targets, and models that report on them
_METRIC = EntityType.METRIC  # a member read through its class costs a lookup each time
# Texts run through the pipeline together, each step over all of them (see `_run`). More
# is faster, and holds more Docs (some 40 KB a text) at once: on 3,000 abstracts 64 took
# 13% less CPU than one at a time, 256 16-18% (+21 MB peak); 512 and 1,000 took 2-4% less
# again than 256, alike (bench/README.md, ninth round). An ingest batch (500) runs whole.
_STEPS_TOGETHER = 512
# A mention's confidence to three places: candidates' confidences are a few values, which
# a look-up rounds faster than `round` (some 33,000 mentions a 3,000-abstract pass).
_ROUNDED = Memo(lambda confidence: round(confidence, 3), limit=1000)


def _entity_id(name: str) -> str:
    """`entity_id(name)`: its `entity_key` (or "unnamed"), from the keys the lexicon's look-ups
    remember (`cached_entity_key`): a name with no entity was looked up by `kg_resolve`."""
    return cached_entity_key(name) or "unnamed"


def _forms(name: str, aliases: tuple[str, ...], surfaces: list[str]) -> tuple[str, ...]:
    """An entity's aliases and the texts of its mentions, first use first, but its name."""
    forms = dict.fromkeys([*aliases, *surfaces])
    forms.pop(name, None)
    return tuple(forms)


def _restore_original(state: DocState, text: Detokenized) -> None:
    """Map what the rules found in a detokenized view back onto the text as given."""
    for mention in state.mentions:
        mention.start, mention.end = text.original_span(mention.start, mention.end)
    state.text = text.text
    state.sentences = SentenceIndex(text.text)


@dataclass
class PreparedBatch:
    """Papers with their detokenized texts, name hits and the names they introduce."""

    papers: list[Paper]
    texts: list[Detokenized]
    hit_lists: list[list] | None
    found: list[Entity] | None


class Extractor:
    """Finds named models, datasets, methods, tasks and metrics in papers.

    Args:
        gazetteer: the names to match (see `Gazetteer.bundled`).
        discovered: entities discovered earlier (origin "discovered"), matched everywhere.
        discover: whether `extract` discovers new names per batch before matching.
        tokenizer_cache: the tokenizer's cache size; abstracts have more distinct
            chunks than spaCy's default 10,000, and a bigger cache keeps the tokenizer
            on its fast path over a whole corpus (5,000 abstracts: 20% faster than
            with 10,000, a few MB more; 1,000,000 gains nothing more).

    `nlp` is `spacy.blank("en")` with the `kg_` components, so `nlp(text)` works and shows
    `Doc._.kg_mentions`; its lexemes carry only ORTH and LOWER (see text/tokenizer.py).
    `extract` and `extract_text` call its tokenizer and each component's `run` directly.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        discovered: Iterable[Entity] = (),
        *,
        discover: bool = True,
        tokenizer_cache: int = 200_000,
        trained: TrainedNER | None = None,
    ) -> None:
        discovered = tuple(discovered)
        self.gazetteer = gazetteer
        self.trained = trained
        self._built_with = (discovered, tokenizer_cache)  # for `fresh`
        self.lexicon = Lexicon(gazetteer)
        self.discover = discover
        self.nlp: Language = blank_pipeline(tokenizer_cache)
        for name in PIPELINE:
            self.nlp.add_pipe(name)
            pipe = self.nlp.get_pipe(name)
            if hasattr(pipe, "use_lexicon"):
                pipe.use_lexicon(self.lexicon)
        self.nlp.get_pipe("kg_discovered").share_matchers(self.nlp.get_pipe("kg_gazetteer"))
        self.nlp.get_pipe("kg_gazetteer").book.add_entities(gazetteer.entities)
        # The ingest path calls the tokenizer and each component's `run` itself:
        # `Language.pipe` and `Doc._` extensions cost more than the rules they carry.
        self._steps = [self.nlp.get_pipe(name).run for name in PIPELINE]
        self.add_discovered(discovered)
        build_vote_tables()  # fixed tables, built with the names rather than by a first pass

    @classmethod
    def default(cls, extra_entities: Iterable[Entity] = (), model_dir=None) -> Extractor:
        """The bundled gazetteer and all rules; `extra_entities` are added to it.

        Entities with origin "discovered" are matched as discovered names (lower
        confidence); any others join the gazetteer. `model_dir` (from `paperkg train`)
        adds a trained NER beside the rules; the rules win where both find a span.
        """
        extra = list(extra_entities)
        curated = [e for e in extra if e.origin != "discovered"]
        discovered = [e for e in extra if e.origin == "discovered"]
        trained = load_trained_ner(model_dir) if model_dir else None
        return cls(Gazetteer.bundled().merged(curated), discovered, trained=trained)

    def fresh(self) -> Extractor:
        """A new extractor as this one was built (its lists, rules and model), without the
        names its `extract` calls have discovered since.

        An evaluation that extracts a file's texts as a corpus starts from one, so that names
        the papers of one file introduce are not matched in the next file's: a file's score
        does not depend on the files scored before it.
        """
        discovered, tokenizer_cache = self._built_with
        return Extractor(self.gazetteer, discovered, discover=self.discover,
                         tokenizer_cache=tokenizer_cache, trained=self.trained)

    def add_discovered(self, entities: Iterable[Entity]) -> list[Entity]:
        """Match these discovered entities from now on; returns those that were new."""
        new = self.lexicon.add_discovered(entities)
        self.nlp.get_pipe("kg_discovered").book.add_entities(new)
        return new

    @property
    def discovered(self) -> tuple[Entity, ...]:
        """Every entity discovered so far (pass them to a later run's `default`)."""
        return tuple(self.lexicon.discovered.values())

    def extract(self, papers: Iterable[Paper], batch_size: int = 1000) -> Iterator[PaperExtraction]:
        """Extract every paper's title and abstract, a batch at a time.

        Each batch is first read for newly introduced names (corpus-level discovery),
        which are then matched in every paper of that batch and of later batches.
        """
        iterator = iter(papers)
        while batch := list(islice(iterator, batch_size)):
            yield from self._extract_batch(batch)

    def _extract_batch(self, batch: list[Paper]) -> list[PaperExtraction]:
        """Discover the batch's new names, then extract each of its papers."""
        prepared = self.prepare_batch(batch)
        if prepared.found is not None:
            new = self.add_discovered(prepared.found)
            log.debug("discovered %d names in a batch of %d papers", len(new), len(batch))
        return self.extract_prepared(prepared)

    def prepare_batch(self, batch: list[Paper]) -> PreparedBatch:
        """A batch read for discovery: its texts, name hits and the names it introduces.

        Discovery reads only the batch and the gazetteer, never names discovered before,
        so batches can be prepared in any order (or process) and their `found` names
        added in batch order (`extract/workers.py`) to the same effect as one process.
        """
        with gc_paused():
            texts = [Detokenized(f"{p.title}{_SEPARATOR}{p.abstract}") for p in batch]
            if not self.discover:
                return PreparedBatch(batch, texts, None, None)
            hit_lists = [find_context_names(text.view) for text in texts]
            return PreparedBatch(batch, texts, hit_lists, discover_entities(hit_lists, self.gazetteer))

    def extract_prepared(self, prepared: PreparedBatch, marks: bool = False) -> list[PaperExtraction]:
        """Extract each paper of a prepared batch with the names known now.

        Each mention of a discovered name gets its corpus vote (`PaperExtraction.votes`);
        with `marks`, every mention also gets its reading mark (`PaperExtraction.reads`),
        which the extraction workers send for the corpus step (`mention_readings.py`)."""
        batch, texts, hit_lists = prepared.papers, prepared.texts, prepared.hit_lists
        extractions: list[PaperExtraction] = []
        with gc_paused():
            for lo in range(0, len(batch), _STEPS_TOGETHER):
                hi = lo + _STEPS_TOGETHER
                states = self._run(texts[lo:hi], hit_lists[lo:hi] if hit_lists else None)
                extractions += map(self._paper_extraction, batch[lo:hi], states)
            if self.trained is not None:
                extractions = add_trained_to_extractions(extractions, self.trained, self.lexicon.get)
            # the corpus step's votes (and marks), computed here in the workers
            return mention_readings.marks_with_votes(extractions) if marks else add_votes(extractions)

    def extract_text(self, text: str, doc_id: str = "text") -> list[Mention]:
        """Mentions in one text (field "text", paper_id `doc_id`); no corpus discovery."""
        state = self._run([Detokenized(text)])[0]
        mentions = [m for m, _ in self._mentions(state, doc_id, [("text", 0, len(text))])]
        if self.trained is not None:
            mentions = add_trained_mentions(text, mentions, self.trained.spans(text),
                                            paper_id=doc_id, field="text")
        return mentions

    def _run(self, texts: list[Detokenized], hit_lists: list | None = None) -> list[DocState]:
        """Tokenize a few texts, then run each step over all of them, step after step.

        The steps of one text read nothing of another's, so the order changes no result;
        it keeps each step's code and tables (the tokenizer's cache and vocabulary, the
        phrase matcher's tree, each rule's regexes) in the processor's caches while it
        reads every text, instead of each step pushing the others out once a text: some
        15-20% less CPU a pass than text after text, for 256 texts some 20 MB more held at
        once (bench/README.md, eighth and ninth rounds).
        """
        tokenizer = self.nlp.tokenizer
        states = [DocState(text.view, tokenizer(text.view), hit_lists[i] if hit_lists else None)
                  for i, text in enumerate(texts)]
        for step in self._steps:
            for state in states:
                step(state)
        for text, state in zip(texts, states):
            if text.changed:
                _restore_original(state, text)
        return states

    def _paper_extraction(self, paper: Paper, state: DocState) -> PaperExtraction:
        title_end = len(paper.title)
        fields = [("title", 0, title_end), ("abstract", title_end + len(_SEPARATOR), len(state.text))]
        pairs = self._mentions(state, paper.id, fields)
        entities = self._entities(pairs)
        results = self._results(state, paper.id, pairs, fields)
        return PaperExtraction(paper, tuple([m for m, _ in pairs]), tuple(entities), tuple(results))

    def _mentions(self, state: DocState, paper_id: str, fields) -> list[tuple[Mention, Candidate]]:
        text, span_at, pairs = state.text, state.sentences.span_at, []
        sentence_start = sentence_end = 0
        sentence = ""
        phrases = phrase_extents(text, [(c.start, c.end, c.type) for c in state.mentions])
        for c, (phrase_start, phrase_end) in zip(state.mentions, phrases):
            start, end = c.start, c.end
            if start >= end:
                continue
            for name, offset, stop in fields:
                if offset <= start and end <= stop:
                    break
            else:
                continue
            # Sentences do not overlap: an offset inside the last one found is in no other.
            if not sentence_start <= start < sentence_end:
                sentence_start, sentence_end = span_at(start)
                sentence = text[sentence_start:sentence_end]
            role = c.role or assign_role(text, sentence_start, start, c.type, end)
            entity = c.entity
            eid = entity.id if entity else _entity_id(c.name)
            # A phrase never runs from the title into the abstract.
            if phrase_start < offset:
                phrase_start = offset
            if phrase_end > stop:
                phrase_end = stop
            mention = mention_of(paper_id, name, start - offset, end - offset, text[start:end], sentence,
                                 c.type, eid, _ROUNDED[c.confidence], c.component, role,
                                 phrase_start - offset, phrase_end - offset,
                                 sentence_start - offset, sentence_end - offset)
            pairs.append((mention, c))
        return carry_list_roles(text, settle_introductions(text, pairs))

    def _entities(self, pairs: list[tuple[Mention, Candidate]]) -> list[Entity]:
        surfaces: dict[str, list[str]] = {}
        firsts: dict[str, Candidate] = {}  # each entity's first mention, which describes it
        for mention, c in pairs:
            forms = surfaces.get(mention.entity_id)
            if forms is None:
                surfaces[mention.entity_id], firsts[mention.entity_id] = [mention.text], c
            else:
                forms.append(mention.text)
        local = {c.name for _, c in pairs}
        built: dict[str, Entity] = {}
        for eid, c in firsts.items():
            entity = c.entity
            if entity is None:
                built[eid] = self._new_entity(c, eid, local, surfaces[eid])
            elif entity.origin == "gazetteer":
                built[eid] = entity
            else:
                parent = entity.variant_of
                if parent is None and (name := parent_name(entity.name, lambda n: n in local)):
                    parent = _entity_id(name)
                built[eid] = entity_of(entity.id, entity.name, entity.type,
                                       _forms(entity.name, entity.aliases, surfaces[eid]),
                                       parent, entity.external_ids, entity.origin)
        for entity in list(built.values()):
            if entity.variant_of and entity.variant_of not in built:  # few have a parent to add
                self._add_parents(entity, built, local)
        return list(built.values())

    def _new_entity(self, c: Candidate, eid: str, local: set[str], surfaces: list[str]) -> Entity:
        """The entity of a name no known entity describes, built once from all its mentions."""
        parent = c.variant_of or parent_name(c.name, lambda n: self.lexicon.knows(n) or n in local)
        return entity_of(eid, c.name, c.type, _forms(c.name, c.aliases, surfaces),
                         _entity_id(parent) if parent else None, (), "discovered")

    def _add_parents(self, entity: Entity, built: dict[str, Entity], local: set[str]) -> None:
        while entity.variant_of and entity.variant_of not in built:
            parent = self.lexicon.get(entity.variant_of)
            if parent is None:
                name = parent_name(entity.name, lambda n: self.lexicon.knows(n) or n in local)
                if name is None or _entity_id(name) != entity.variant_of:
                    return
                grand = parent_name(name, lambda n: self.lexicon.knows(n) or n in local)
                parent = entity_of(entity.variant_of, name, entity.type, (),
                                   _entity_id(grand) if grand else None, (), "discovered")
            built[parent.id] = parent
            entity = parent

    def _metric_id(self, metric: str | None, in_paper: dict[str, str]) -> str | None:
        """The METRIC entity a result's metric names: one the paper mentions, or a known one."""
        if metric is None:
            return None
        key = cached_entity_key(metric)
        if key in in_paper:
            return in_paper[key]
        entity = self.lexicon.lookup(metric)
        return entity.id if entity is not None and entity.type is _METRIC else None

    def _results(self, state: DocState, paper_id: str, pairs, fields) -> list[Result]:
        for _, c in pairs:
            if c.type in _RESULT_TARGETS:
                break
        else:
            return []  # most papers name no dataset or benchmark, and a result needs one
        # `find_results` reads only targets and models: the other mentions need no `Span`.
        spans = [Span(c.start, c.end, c.type, m.entity_id) for m, c in pairs if c.type in _RESULT_SPANS]
        found = find_results(state.text, spans, state.sentences)
        if not found:
            return []
        metrics = {cached_entity_key(m.text): m.entity_id for m, _ in pairs if m.type is _METRIC}
        results = []
        for r in found:
            field = next((f for f in fields if f[1] <= r.start and r.end <= f[2]), None)
            if field is None:
                continue
            s_start, s_end = state.sentences.span_at(r.start)
            results.append(Result(paper_id, field[0], r.start - field[1], r.end - field[1],
                                  state.text[s_start:s_end], r.entity_id, r.metric, r.value,
                                  r.unit, r.model_id, self._metric_id(r.metric, metrics)))
        return results
