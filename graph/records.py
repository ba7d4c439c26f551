"""The records that flow through paperkg: ingest -> extract -> store -> graph.

Every stage speaks in these frozen dataclasses and imports nothing else of ours, so any
stage can be tested with objects built by hand. Identity rules (paper ids, entity keys)
live here too, because every stage must agree on them.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date


class EntityType(str, enum.Enum):
    """The kinds of named thing a paper can use."""

    MODEL = "MODEL"
    METHOD = "METHOD"
    DATASET = "DATASET"
    BENCHMARK = "BENCHMARK"
    TASK = "TASK"
    METRIC = "METRIC"


class Role(str, enum.Enum):
    """What a paper does with an entity, weakest first (see `Role.strength`)."""

    MENTIONS = "MENTIONS"
    USES = "USES"
    EVALUATES_ON = "EVALUATES_ON"
    COMPARES = "COMPARES"
    INTRODUCES = "INTRODUCES"

    @property
    def strength(self) -> int:
        """Rank used to keep the strongest role on a paper-entity edge."""
        return _ROLE_ORDER.index(self)


_ROLE_ORDER = [Role.MENTIONS, Role.USES, Role.EVALUATES_ON, Role.COMPARES, Role.INTRODUCES]


@dataclass(frozen=True)
class Paper:
    """One paper as ingested: a title, an abstract and what the source said about it.

    `source` names where it came from ("data/daily_papers.txt:12") for error messages.
    `year`, `venue` and `doi` are what a bibliographic source says ("NeurIPS", 2024,
    "10.48550/arxiv.2406.12345"); a reader with a date and no year fills `year` from it.
    """

    id: str
    title: str
    abstract: str
    date: date | None = None
    authors: tuple[str, ...] = ()
    authors_count: int | None = None
    upvotes: int | None = None
    code_urls: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    arxiv_id: str | None = None
    categories: tuple[str, ...] = ()
    source: str = ""
    year: int | None = None
    venue: str | None = None
    doi: str | None = None

    @property
    def publication_year(self) -> int | None:
        """The year the source gave, else the date's year (papers stored before years were)."""
        if self.year is not None:
            return self.year
        return self.date.year if self.date is not None else None

    def field_text(self, name: str) -> str:
        """The text of a field that extraction reads: "title" or "abstract"."""
        if name == "title":
            return self.title
        if name == "abstract":
            return self.abstract
        raise KeyError(name)


@dataclass(frozen=True)
class SkippedRecord:
    """A record that a source could not turn into a Paper, and why.

    Sources yield these in place of a Paper so that bad records never stop good ones.
    """

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Entity:
    """A named thing (model, dataset, ...) with every surface form it goes by.

    `id` is `entity_id(name)`; `variant_of` is the id of the entity this one is a
    variant of ("FLAMe-RM-24B" -> "flame-rm"). `external_ids` holds (scheme, value)
    pairs such as ("wikidata", "Q123"), ("hf", "facebook/dinov2-base"), ("arxiv", "2304.07193").
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    variant_of: str | None = None
    external_ids: tuple[tuple[str, str], ...] = ()
    origin: str = "gazetteer"



@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a paper's title or abstract.

    Invariant: `text == paper.field_text(field)[start:end]`, and, given its span,
    `sentence == paper.field_text(field)[sentence_start:sentence_end]`: the store keeps the
    span, not the sentence's text. The extractor sets the span; a mention made without it
    (by hand, from RDF) has its sentence located when stored (`locate_sentence`).
    """

    paper_id: str
    field: str
    start: int
    end: int
    text: str
    sentence: str
    type: EntityType
    entity_id: str
    confidence: float
    component: str
    role: Role = Role.MENTIONS
    phrase_start: int | None = None
    phrase_end: int | None = None
    sentence_start: int | None = field(default=None, compare=False)
    sentence_end: int | None = field(default=None, compare=False)

    @property
    def phrase(self) -> tuple[int, int]:
        """(start, end) of the noun phrase the name stands in ("TED corpus" for "TED").

        The extractor sets it (see `extract/text/phrase_extents.py`); without it, the name's span.
        """
        if self.phrase_start is None or self.phrase_end is None:
            return self.start, self.end
        return self.phrase_start, self.phrase_end



def locate_sentence(text: str | None, sentence: str, start: int) -> int | None:
    """Where `sentence` begins in `text` (a field of a paper) for a mention at `start`: the
    last place it occurs that begins at or before the mention, as the sentence holding an
    offset is the last one to begin before it (a mention may run past its sentence's end:
    "MR.-Judge" split after "MR."). None when the sentence is not in the text."""
    if text is None:
        return None
    at = text.rfind(sentence, 0, start + len(sentence))
    return at if at >= 0 else None


def with_sentence_span(mention: Mention, text: str) -> Mention:
    """`mention` with the span of its sentence in `text`, its field's text.

    Raises:
        ValueError: the sentence is not in the text."""
    at = locate_sentence(text, mention.sentence, mention.start)
    if at is None:
        raise ValueError(f"the sentence of the mention of {mention.text!r} in paper {mention.paper_id} is not in "
                         f"its {mention.field}")
    return replace(mention, sentence_start=at, sentence_end=at + len(mention.sentence))


@dataclass(frozen=True)
class Result:
    """A reported number: `value` `unit` of `metric` on `entity_id` (by `model_id`).

    "10.38 FID (NFE=5) on FFHQ" -> entity_id="ffhq", metric="FID", value=10.38.
    `metric_id` is the METRIC entity that `metric` names, when the extractor knows it.
    """

    paper_id: str
    field: str
    start: int
    end: int
    sentence: str
    entity_id: str
    metric: str | None
    value: float
    unit: str | None = None
    model_id: str | None = None
    metric_id: str | None = None


@dataclass(frozen=True)
class PaperExtraction:
    """What extraction found in one paper; the unit the store writes."""

    paper: Paper
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    results: tuple[Result, ...] = ()
    # Each mention's corpus vote (`mention_votes.votes_of`), stored with it; () when not
    # computed (the corpus step computes what is missing). Not part of what was found.
    votes: tuple[tuple[str, str] | None, ...] = field(default=(), compare=False)
    # Each mention's reading mark (`mention_readings.py`: 0 or 1) where the extraction
    # workers computed it, None where they did not; () when not computed at all.
    reads: tuple[int | None, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class EntityUse:
    """How one paper uses one entity: the graph's edge between them.

    The aggregate of the paper's mentions of the entity: how many there are, the strongest
    role among them (`Role.strength`) and the best confidence.
    """

    paper_id: str
    entity_id: str
    mentions: int
    role: Role
    confidence: float


@dataclass(frozen=True)
class SharedPapers:
    """A paper that shares entities with another, the shared entity ids, and a score."""

    paper_id: str
    shared: tuple[str, ...]
    score: float
    explanation: dict[str, float] = field(default_factory=dict, compare=False, hash=False)


_NON_WORD = re.compile(r"[^0-9a-z.+]+")
_STRAY_DOTS = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_GREEK = dict(zip(
    "αβγδεζηθικλμνξοπρστυφχψω",
    ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
     "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi",
     "chi", "psi", "omega"],
))


# "LLMs", "SAEs", "GPT-4s": an acronym's plural names the same thing as the acronym.
_ACRONYM_PLURAL = re.compile(r"(?<=[A-Z0-9])s$")
_ACRONYM_WORD = re.compile(r"(?:^|(?<=[\s\-/]))[A-Z][A-Z0-9\-]*[A-Z0-9]s$")


def _fold(name: str) -> str:
    """Case-fold, spell out Greek letters and drop accents: "PixArt-α" -> "pixart-alpha"."""
    if name.isascii():  # the common case, and the same result: ASCII has nothing to fold
        return name.lower()
    text = unicodedata.normalize("NFKC", name).casefold().replace("ς", "σ")
    text = "".join(_GREEK.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def entity_key(name: str) -> str:
    """Normalise a surface form so that spellings of one name meet.

    "CIFAR10", "CIFAR-10" and "cifar 10" -> "cifar10"; "Stable-Diffusion-2.1" and
    "Stable Diffusion 2.1" -> "stablediffusion2.1"; "PixArt-α" -> "pixartalpha";
    "Tülu" -> "tulu"; an acronym's plural is the acronym: "LLMs" -> "llm". Dots survive
    only between digits (versions), "+" survives ("C++", "GPT-4+").
    """
    name = name.strip()
    if _ACRONYM_WORD.search(name):
        name = _ACRONYM_PLURAL.sub("", name)
    text = _NON_WORD.sub("", _fold(name))
    return _STRAY_DOTS.sub("", text)


def entity_id(name: str) -> str:
    """The stable id of the entity a surface form names: its `entity_key`.

    Using the key itself as the id means every spelling that normalises alike reaches
    the same entity, whatever order papers arrive in ("cifar10", "stablediffusion2.1").
    """
    return entity_key(name) or "unnamed"


_TITLE_WORDS = re.compile(r"[a-z0-9]+")
ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")


def paper_id(title: str, arxiv_id: str | None = None) -> str:
    """The stable id of a paper: its arXiv id (without version) or a slug of its title.

    The slug keeps the first twelve words of the normalised title, so re-ingesting a
    paper whose abstract changed keeps its id.
    """
    if arxiv_id:
        match = ARXIV_ID.match(arxiv_id.strip())
        if match:
            return match.group(1)
    normalised = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = _TITLE_WORDS.findall(normalised.lower())
    return "-".join(words[:12]) or "untitled"


def spanned_mentions(extraction: PaperExtraction) -> tuple[Mention, ...]:
    """The mentions of an extraction, each with its sentence's span in its field
    (`with_sentence_span` for one made without it).

    Raises:
        ValueError: a mention's sentence is not in its paper's field."""
    if all(m.sentence_start is not None for m in extraction.mentions):
        return extraction.mentions
    paper = extraction.paper
    return tuple(m if m.sentence_start is not None else with_sentence_span(m, paper.field_text(m.field))
                 for m in extraction.mentions)
