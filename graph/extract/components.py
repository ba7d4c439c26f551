"""The spaCy components of the extraction pipeline, in pipeline order.

kg_sentences -> kg_gazetteer -> kg_discovered -> kg_abbreviations -> kg_shapes ->
kg_phrases -> kg_resolve -> kg_variants. Each adds `Candidate`s to a `DocState`, the plain Python
object that carries one text through the pipeline; `kg_resolve` keeps non-overlapping
ones (longest wins) as its `mentions` and links each to an entity; `kg_variants` splits
"1.5/2.1" lists and attaches sizes. Components that need names share one `Lexicon`,
given by `Extractor` through `use_lexicon`.

Each component is a thin wrapper: its `run` calls the pure function of a rules/ or names/
module that does the work, on the state's text and what earlier components found.

Every component has `run(state)`, which `Extractor` calls directly after tokenizing, and
`__call__(doc)` for `nlp(text)`, which keeps the state in `doc.user_data["kg_state"]`
and shows it as `Doc._.kg_candidates`, `Doc._.kg_mentions` and `Doc._.kg_sentences`.
The state is not itself a `Doc._` value because extension attributes cost a Python
object and a dictionary look-up on every access (about a third of the pipeline's own
time when every component read them).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from paperkg.graph.extract.names.lexicon import Lexicon
from paperkg.graph.extract.names.patterns import PatternBook
from paperkg.graph.extract.names.unlisted import unlisted_name_candidates
from paperkg.graph.extract.names.variants import split_variant_mentions
from paperkg.graph.extract.rules.abbreviations import abbreviation_candidates
from paperkg.graph.extract.rules.candidates import Candidate, resolve_overlaps
from paperkg.graph.extract.rules.coined_names import coined_name_candidates
from paperkg.graph.extract.rules.context_names import find_context_names
from paperkg.graph.extract.rules.term_phrases import find_phrase_candidates
from paperkg.graph.extract.text.sentences import SentenceIndex


class DocState:
    """One text on its way through the components: what each has found so far.

    Args:
        text: the text, kept as given (`Doc.text` rebuilds it from tokens on each call).
        doc: its tokens, for the phrase matchers.
        hits: its `find_context_names`, when discovery already computed them.

    `matches` holds each phrase matcher's matches in `doc`, made by the first component
    that reads them: the gazetteer's and the discovered names' books share one matcher,
    which so runs once a doc.
    """

    __slots__ = ("text", "doc", "hits", "matches", "sentences", "candidates", "mentions")

    def __init__(self, text: str, doc: Doc, hits: list | None = None) -> None:
        self.text = text
        self.doc = doc
        self.hits = hits
        self.matches: dict = {}
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
    """Splits the text into sentences (see text/sentences.py)."""

    def run(self, state: DocState) -> None:
        state.sentences = SentenceIndex(state.text)


@Language.factory("kg_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceComponent:
    """Sentence boundaries, for roles and results."""
    return SentenceComponent()


class GazetteerComponent(_Component):
    """Matches the names of a `PatternBook`: the gazetteer's, or those discovered (see
    names/patterns.py for the case policy and the spellings)."""

    def __init__(self, nlp: Language, name: str, confidence: float) -> None:
        self.name = name
        self.book = PatternBook(nlp.vocab)
        self.confidence = confidence
        self._vocab = nlp.vocab

    def share_matchers(self, other: GazetteerComponent) -> None:
        """Add this component's names to `other`'s matchers (one matcher run serves both).

        Call it before adding names: names added earlier are dropped. This book's names
        (discovered a batch at a time) are told apart by their words (`by_words`).
        """
        self.book = PatternBook(self._vocab, share=other.book, namespace=f"{self.name}:", by_words=True)

    def run(self, state: DocState) -> None:
        name, confidence, found = self.name, self.confidence, state.candidates
        matcher = self.book.matcher
        matches = state.matches.get(matcher)
        if matches is None:
            matches = state.matches[matcher] = matcher(state.doc)
        for entity, start, end, sensitive in self.book.find(state.doc, state.text, matches):
            # Short acronyms ("SAM", "MAE") name several things across fields.
            ambiguous = sensitive and end - start <= 4
            found.append(Candidate(start, end, entity.name, entity.type,
                                   confidence - 0.05 if ambiguous else confidence, name, entity))


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerComponent:
    """The curated gazetteer's names (confidence 0.95)."""
    return GazetteerComponent(nlp, name, 0.95)


@Language.factory("kg_discovered")
def make_discovered(nlp: Language, name: str) -> GazetteerComponent:
    """Names discovered in other abstracts of the corpus (confidence 0.7)."""
    return GazetteerComponent(nlp, name, 0.7)


class AbbreviationComponent(_LexiconUser):
    """Schwartz & Hearst (2003) definitions and the later uses of their short forms."""

    def run(self, state: DocState) -> None:
        state.candidates.extend(abbreviation_candidates(state.text, self.lexicon.lookup))


@Language.factory("kg_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> AbbreviationComponent:
    """Abbreviation definitions, long and short form as one entity."""
    return AbbreviationComponent()


class ShapeComponent(_LexiconUser):
    """Context rules, their names' later occurrences, and name-shaped words."""

    def run(self, state: DocState) -> None:
        text, hits, lexicon = state.text, state.hits, self.lexicon
        hits = find_context_names(text) if hits is None else hits
        state.candidates.extend(
            unlisted_name_candidates(text, hits, state.candidates, lexicon.lookup, lexicon.knows))
        state.candidates.extend(coined_name_candidates(text, lexicon.lookup, state.candidates, hits))


@Language.factory("kg_shapes")
def make_shapes(nlp: Language, name: str) -> ShapeComponent:
    """Shape and context rules for names in no list."""
    return ShapeComponent()


class TermPhraseComponent(_LexiconUser):
    """Lower-case task and method phrases by their head noun, and modifiers of known names."""

    def run(self, state: DocState) -> None:
        lookup = self.lexicon.lookup if self.lexicon is not None else None
        state.candidates.extend(find_phrase_candidates(state.text, state.candidates, lookup))


@Language.factory("kg_phrases")
def make_phrases(nlp: Language, name: str) -> TermPhraseComponent:
    """Task and method phrases by their head noun (lower confidence than the gazetteer)."""
    return TermPhraseComponent()


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


class VariantComponent(_LexiconUser):
    """Splits version lists ("Stable Diffusion 1.5/2.1") and attaches sizes ("Llama 2 7B")."""

    def run(self, state: DocState) -> None:
        lexicon = self.lexicon
        state.mentions = split_variant_mentions(state.text, state.mentions, lexicon.lookup, lexicon.knows)


@Language.factory("kg_variants")
def make_variants(nlp: Language, name: str) -> VariantComponent:
    """Version and size variants."""
    return VariantComponent()

