"""The spaCy components of the extraction pipeline, in pipeline order.

kg_sentences -> kg_gazetteer -> kg_discovered -> kg_abbreviations -> kg_shapes ->
kg_resolve -> kg_variants. Each adds `Candidate`s to a `DocState`, the plain Python
object that carries one text through the pipeline; `kg_resolve` keeps non-overlapping
ones (longest wins) as its `mentions` and links each to an entity; `kg_variants` splits
"1.5/2.1" lists and attaches sizes. Components that need names share one `Lexicon`,
given by `Extractor` through `use_lexicon`.

Every component has `run(state)`, which `Extractor` calls directly after tokenizing, and
`__call__(doc)` for `nlp(text)`, which keeps the state in `doc.user_data["kg_state"]`
and shows it as `Doc._.kg_candidates`, `Doc._.kg_mentions` and `Doc._.kg_sentences`.
The state is not itself a `Doc._` value because extension attributes cost a Python
object and a dictionary look-up on every access (about a third of the pipeline's own
time when every component read them).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from paperkg.graph.extract.rules.abbreviations import find_definitions, is_venue, type_of_long_form
from paperkg.graph.extract.candidates import Candidate, resolve_overlaps
from paperkg.graph.extract.rules.cues import is_stop_name, type_of_noun, type_of_shape
from paperkg.graph.extract.names.discovery import Lexicon
from paperkg.graph.extract.names.patterns import PatternBook
from paperkg.graph.extract.text.sentences import SentenceIndex
from paperkg.graph.extract.rules.context_names import find_context_names, listed_beside
from paperkg.graph.extract.names.variants import (
    APOSTROPHES, SUFFIX_SECONDS, following_suffix, parent_name, split_versions,
)
from paperkg.graph.records import EntityType, entity_id


class DocState:
    """One text on its way through the components: what each has found so far.

    Args:
        text: the text, kept as given (`Doc.text` rebuilds it from tokens on each call).
        doc: its tokens, for the phrase matchers.
        hits: its `find_context_names`, when discovery already computed them.
    """

    __slots__ = ("text", "doc", "hits", "sentences", "candidates", "mentions")

    def __init__(self, text: str, doc: Doc, hits: list | None = None) -> None:
        self.text = text
        self.doc = doc
        self.hits = hits
        self.sentences: SentenceIndex | None = None
        self.candidates: list[Candidate] = []
        self.mentions: list[Candidate] = []


def state_of(doc: Doc) -> DocState:
    """The `DocState` of a doc that `nlp(...)` is processing, started on first use."""
    state = doc.user_data.get("kg_state")
    if state is None:
        state = doc.user_data["kg_state"] = DocState(doc.text, doc)
    return state


for _name, _attribute in (
    ("kg_candidates", "candidates"), ("kg_mentions", "mentions"), ("kg_sentences", "sentences"),
):
    Doc.set_extension(
        _name, getter=lambda doc, attribute=_attribute: getattr(state_of(doc), attribute), force=True
    )


class _Component:
    """A pipeline step: `run` works on a `DocState`; calling it on a `Doc` runs it there."""

    def __call__(self, doc: Doc) -> Doc:
        self.run(state_of(doc))
        return doc

    def run(self, state: DocState) -> None:
        """Add what this step finds to `state`."""
        raise NotImplementedError


class _LexiconUser(_Component):
    """A component that needs the shared `Lexicon` (set after the pipeline is built)."""

    lexicon: Lexicon | None = None

    def use_lexicon(self, lexicon: Lexicon) -> None:
        """Give the component the names it looks up."""
        self.lexicon = lexicon


class SentenceComponent(_Component):
    """Splits the text into sentences (see sentences.py)."""

    def run(self, state: DocState) -> None:
        state.sentences = SentenceIndex(state.text)


@Language.factory("kg_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceComponent:
    """Sentence boundaries, for roles and results."""
    return SentenceComponent()


class PhraseComponent(_Component):
    """Matches the names of a `PatternBook` (case policy and spellings in patterns.py)."""

    def __init__(self, nlp: Language, name: str, confidence: float) -> None:
        self.name = name
        self.book = PatternBook(nlp.vocab)
        self.confidence = confidence
        self._vocab = nlp.vocab

    def share_matchers(self, other: PhraseComponent) -> None:
        """Add this component's names to `other`'s matchers (one matcher run serves both).

        Call it before adding names: names added earlier are dropped.
        """
        self.book = PatternBook(self._vocab, share=other.book, namespace=f"{self.name}:")

    def run(self, state: DocState) -> None:
        name, confidence, found = self.name, self.confidence, state.candidates
        for entity, start, end, sensitive in self.book.find(state.doc, state.text):
            # Short acronyms ("SAM", "MAE") name several things across fields.
            ambiguous = sensitive and end - start <= 4
            found.append(Candidate(start, end, entity.name, entity.type,
                                   confidence - 0.05 if ambiguous else confidence, name, entity))


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> PhraseComponent:
    """The curated gazetteer's names (confidence 0.95)."""
    return PhraseComponent(nlp, name, 0.95)


@Language.factory("kg_discovered")
def make_discovered(nlp: Language, name: str) -> PhraseComponent:
    """Names discovered in other abstracts of the corpus (confidence 0.7)."""
    return PhraseComponent(nlp, name, 0.7)


class AbbreviationComponent(_LexiconUser):
    """Schwartz & Hearst (2003) definitions and the later uses of their short forms."""

    def run(self, state: DocState) -> None:
        text, found = state.text, state.candidates
        if "(" not in text:  # every definition is "long form (short form)"
            return
        lookup = self.lexicon.lookup
        for definition in find_definitions(text):
            long, short = definition.long, definition.short
            entity = lookup(long) or lookup(short)
            if entity is None and is_venue(text, definition):
                continue  # "International Conference on Machine Learning (ICML)"
            if (entity is None or entity.origin != "gazetteer") and (
                _is_stop_name(short) or is_stop_name(long)
            ):
                continue  # "Artificial Intelligence (AI)", "electroencephalography (EEG)"
            uses = _bare_uses(text, short)
            entity_type = entity.type if entity else type_of_long_form(long)
            entity_type = (entity_type or type_of_shape(short)
                           or _type_of_following_noun(text, definition, uses) or EntityType.METHOD)
            confidence = 0.9 if entity else 0.7
            name = entity.name if entity else long
            aliases = (long, short)
            found.append(Candidate(definition.long_start, definition.long_end, name, entity_type,
                                   confidence, "kg_abbreviations", entity, None, aliases))
            for start, end in uses:
                found.append(Candidate(start, end, name, entity_type, confidence - 0.05,
                                       "kg_abbreviations", entity, None, aliases))


def _type_of_following_noun(text: str, definition, uses: list[tuple[int, int]]) -> EntityType | None:
    """The type a head noun right after the definition or a later use (`uses`) gives it:
    "the Knowledge Base Population (KBP) dataset", "COAE dataset is ..."."""
    close = text.find(")", definition.short_end)
    ends = [close + 1] if close >= 0 else []
    ends += [end for _, end in uses]
    for end in ends:
        word = _NEXT_WORD.match(text, end)
        if word and (found := type_of_noun(word.group(1))):
            return found
    return None


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def _is_stop_name(short: str) -> bool:
    """Whether a short form, or its singular, is a word that never names an artifact."""
    return is_stop_name(short) or (short.endswith("s") and is_stop_name(short[:-1]))


def _bare_uses(text: str, short: str) -> list[tuple[int, int]]:
    """Every whole-word use of `short` (or its plural) in `text`; str.find, no regex."""
    uses, size, length = [], len(short), len(text)
    start = text.find(short)
    while start >= 0:
        end = start + size
        if end < length and text[end] == "s":
            end += 1
        # A letter, digit, "-" or "_" on either side makes it part of a longer word.
        before = text[start - 1] if start else " "
        after = text[end] if end < length else " "
        if not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_"):
            uses.append((start, end))
        start = text.find(short, start + 1)
    return uses


@Language.factory("kg_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> AbbreviationComponent:
    """Abbreviation definitions, long and short form as one entity."""
    return AbbreviationComponent()


class ShapeComponent(_LexiconUser):
    """Context rules, their names' later occurrences, and name-shaped words."""

    def run(self, state: DocState) -> None:
        text, found, hits = state.text, state.candidates, state.hits
        hits = find_context_names(text) if hits is None else hits
        typed = {h.text: h.type for h in hits if h.type is not None}
        shorts = {c.aliases[-1]: c.type for c in found if c.component == "kg_abbreviations"}
        typed.update(shorts)
        shaped = []
        for index, hit in enumerate(hits):
            if hit.cue == "shape" or hit.text in shorts:
                shaped.append(index)
                continue
            entity = self.lexicon.lookup(hit.text)
            entity_type = entity.type if entity else hit.type or typed.get(hit.text)
            entity_type = entity_type or type_of_shape(hit.text) or type_of_noun(hit.text.split()[-1])
            if entity_type is None and hit.role is not None:
                entity_type = EntityType.METHOD
            if entity_type is not None:
                typed.setdefault(hit.text, entity_type)
                found.append(Candidate(hit.start, hit.end, hit.text, entity_type, hit.confidence,
                                       "kg_shapes", entity, hit.role))
        for index in shaped:
            if hits[index].text not in shorts:  # kg_abbreviations links those to their long form
                self._add_shaped(hits[index], typed, found, lambda i=index: self._list_type(text, hits, i))

    def _list_type(self, text: str, hits: list, index: int) -> EntityType | None:
        """The data type of the known names listed beside a hit, when they agree on one."""
        types = {entity.type for hit in listed_beside(text, hits, index)
                 if (entity := self.lexicon.lookup(hit.text)) is not None}
        return types.pop() if len(types) == 1 and types <= _LISTED_DATA else None

    def _add_shaped(self, hit, typed: dict, found: list[Candidate], listed=lambda: None) -> None:
        """A name-shaped word no cue typed: known, a variant of a known name, by shape, or by
        the known datasets it is listed with ("FUNSD (0.79), CORD (0.95)")."""
        word = hit.text
        if word in typed:
            found.append(Candidate(hit.start, hit.end, word, typed[word], 0.7, "kg_shapes",
                                   self.lexicon.lookup(word)))
            return
        probe = word.split("/", 1)[0]  # "GPT-3.5/4": kg_variants splits the list later
        entity = self.lexicon.lookup(probe)
        if entity is not None:
            name = entity.name if probe == word else word
            confidence = 0.85 if entity.origin != "discovered" else 0.65  # kg_discovered first
            found.append(Candidate(hit.start, hit.end, name, entity.type, confidence, "kg_shapes", entity))
            return
        word = probe
        parent = parent_name(word, self.lexicon.knows)
        parent_entity = self.lexicon.lookup(parent) if parent else None
        entity_type = parent_entity.type if parent_entity else type_of_shape(word)
        entity_type = entity_type or _type_of_pieces(word, typed) or listed()
        if parent_entity is not None:  # "Stable-Diffusion-2.1" -> "Stable Diffusion 2.1"
            word = f"{parent_entity.name} {word[len(parent):].lstrip(' -_')}"
        if entity_type is not None:
            found.append(Candidate(hit.start, hit.end, word if parent_entity else hit.text, entity_type,
                                   0.75 if parent_entity else 0.5, "kg_shapes",
                                   variant_of=parent_entity.name if parent_entity else None))


# Only datasets and benchmarks lend their type to a list's unknown names: lists of models
# and methods mix kinds ("GPT-4, RLHF and LoRA") more often than lists of datasets do.
_LISTED_DATA = frozenset((EntityType.DATASET, EntityType.BENCHMARK))


def _type_of_pieces(word: str, typed: dict) -> EntityType | None:
    """A hyphenated name takes the type of a typed piece ("UCB1-FLAD" where FLAD is a method)."""
    if "-" not in word:
        return None
    pieces = word.split("-")
    return typed.get(pieces[-1]) or typed.get(pieces[0])


@Language.factory("kg_shapes")
def make_shapes(nlp: Language, name: str) -> ShapeComponent:
    """Shape and context rules for names in no list."""
    return ShapeComponent()


class ResolveComponent(_LexiconUser):
    """Keeps the longest of overlapping candidates and links each to an entity."""

    def run(self, state: DocState) -> None:
        kept, lookup = resolve_overlaps(state.candidates), self.lexicon.lookup
        for candidate in kept:
            if candidate.entity is None:
                entity = lookup(candidate.name)
                if entity is not None:
                    candidate.entity, candidate.name, candidate.type = entity, entity.name, entity.type
        state.mentions = kept


@Language.factory("kg_resolve")
def make_resolve(nlp: Language, name: str) -> ResolveComponent:
    """Overlap resolution and entity linking."""
    return ResolveComponent()


# The types whose names take versions and sizes, and those that also take editions.
_VERSIONED = frozenset({EntityType.MODEL, EntityType.METHOD, EntityType.DATASET, EntityType.BENCHMARK})
_EDITIONED = frozenset({EntityType.DATASET, EntityType.BENCHMARK})
_MODEL = EntityType.MODEL  # a member read through its class costs a lookup each time


class VariantComponent(_LexiconUser):
    """Splits version lists ("Stable Diffusion 1.5/2.1") and attaches sizes ("Llama 2 7B")."""

    def run(self, state: DocState) -> None:
        text, kept, mentions = state.text, state.mentions, []
        last = len(kept) - 1
        for index, mention in enumerate(kept):
            if mention.type in _VERSIONED:
                limit = kept[index + 1].start if index < last else len(text)
                variants = self._variants(text, mention, limit)
                if variants is not None:
                    mentions.extend(variants)
                    continue
            mentions.append(mention)
        state.mentions = mentions

    def _variants(self, text: str, mention: Candidate, limit: int) -> list[Candidate] | None:
        """The mentions `mention` becomes, or None when it stays as it is (most do)."""
        start, end, kind = mention.start, mention.end, mention.type
        if text[end + 1 : end + 2] in SUFFIX_SECONDS or text[end : end + 1] in APOSTROPHES:
            is_model, editions = kind is _MODEL, kind in _EDITIONED
            while (suffix := following_suffix(text, end, is_model, editions)) and suffix[0] <= limit:
                end = suffix[0]
        if end == mention.end and start <= end and text.find("/", start, end + 16) < 0:
            return None  # nothing attached, no slash in the name or after it: the common case
        if "/" not in text[mention.end : end + 16]:
            span_text = text[start:end]
        else:
            slash = re.match(r"[\w.\- ]*?(?:/v?\d+(?:\.\d+)*(?:[BMKk]|[a-z])?)+", text[end:limit])
            span_text = text[start : end + (slash.end() if slash else 0)]
        if "/" not in span_text and start + len(span_text) == mention.end:
            return None
        pieces = split_versions(start, span_text) or [(start, start + len(span_text), None)]
        if len(pieces) == 1 and pieces[0][1] == mention.end:
            return None
        return [self._variant(mention, begin, stop, name or text[begin:stop]) for begin, stop, name in pieces]

    def _variant(self, mention: Candidate, start: int, end: int, name: str) -> Candidate:
        known = self.lexicon.lookup(name)
        if known is not None:
            return Candidate(start, end, known.name, known.type, mention.confidence, mention.component,
                             known, mention.role)
        base = mention.entity or self.lexicon.lookup(mention.name)
        parent = base.name if base is not None and entity_id(name) != base.id else None
        parent = parent or parent_name(name, self.lexicon.knows)
        return Candidate(start, end, name, mention.type, mention.confidence, mention.component,
                         None, mention.role, variant_of=parent)


@Language.factory("kg_variants")
def make_variants(nlp: Language, name: str) -> VariantComponent:
    """Version and size variants."""
    return VariantComponent()

