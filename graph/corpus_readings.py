"""A paper's own reading of a name: where it defines or introduces the name as another thing.

A definition holds within its paper (Schwartz & Hearst, 2003), and so does an introduction:
"we present ATOMIC (Autonomous Technology for Optical Microscopy ...), an end-to-end
framework" names a new framework in that paper, whatever ATOMIC names elsewhere (a
commonsense dataset, in the gazetteer); "we introduce InfoSeek, a scalable framework"
is not the InfoSeek VQA dataset that 17 other papers evaluate on. The corpus step gives
such a paper's mentions an entity of their own, `<id>~<type>` (origin "discovered"):

- a short acronym ("CD", "MDM") takes each paper's definition of any other type;
- any other name, the gazetteer's too, takes a reading that crosses between data
  (DATASET, BENCHMARK) and systems (MODEL, METHOD), unless the name's own shape types it
  ("FooBench, a framework for benchmarking" stays a benchmark); for a gazetteer name the
  sentence must not name it by a long form the gazetteer knows ("MUSE (Machine Unlearning
  Six-way Evaluation)" is MUSE);
- a paper that defines a gazetteer name's acronym by a long form the gazetteer does not
  know, of another type ("Symbolic regression (SR)" beside super-resolution, "Modality-
  agnostic Semantic Segmentation (MaSS)" beside the MASS dataset), names another thing: it
  gets an entity of its own text and of that type; where the long form is a plain term
  and the gazetteer's name a model or data ("single-head performance (SHP)" beside Stanford
  Human Preferences) or names a thing whose type no head or introduction gives
  ("Persistent Structure Memory (PSM)", "Ease of Language Understanding (ELU)") its
  mentions are held: the paper does not name the gazetteer's entity. A long form of the
  same type is taken for another spelling of the same thing ("Diffusion Transformer (DiT)");
- a paper that defines a model, dataset, benchmark or metric's acronym as a plain term
  ("infrared thermographs (IRTs)" beside the IRT model; "frequency division duplexing (FDD)"
  beside the FDD score: a metric's long form has a metric head, "ratio", "score") has its
  mentions held as not a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .extract.rules.cues import type_of_shape
from .extract.rules.evidence import (
    UNTYPED_DEFINITION, is_capitalised_word, is_capitalised_words, is_short_acronym, paper_reading,
)
from .extract.rules.name_use import DATA_NOUNS
from .mention_readings import may_introduce
from .records import EntityType, entity_key
from .store_schema import HELD_COLUMNS, sentence_sql
from .records import entity_id as make_entity_id

_DATA = frozenset((EntityType.DATASET, EntityType.BENCHMARK))
_SYSTEMS = frozenset((EntityType.MODEL, EntityType.METHOD))
_ARTIFACTS = _DATA | {EntityType.MODEL}
_TERM_HELD = _ARTIFACTS | {EntityType.METRIC}  # types whose acronym defined as a plain term is no name
# What precedes a sentence's or a title part's first word: nothing, or ". ", ": ", "? ".
# The corpus rules that read a mention's left side test it (capitals, fragments, longer names).
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s)\s*$")


def crosses_kind(one: EntityType, other: EntityType) -> bool:
    """Whether two types sit on either side of data (DATASET, BENCHMARK) and systems."""
    return (one in _DATA and other in _SYSTEMS) or (one in _SYSTEMS and other in _DATA)


def split_paper_readings(db, entity_id: str, name: str, main: EntityType, rows,
                         known_long_forms: frozenset[str] | None = None, joined: set[str] | None = None) -> int:
    """Give the papers that read a name another way their own entity; hold the papers
    that define it as a term (`read_papers`, then `apply_readings`). Returns 1 when any
    paper's mentions moved or were held.

    Args:
        db: the connection of the corpus step's transaction.
        entity_id: the entity, as decided over the corpus.
        name: its name.
        main: its type.
        rows: its mentions as (paper id, sentence, text, ...) rows.
        known_long_forms: for a gazetteer entity, its name and aliases, in lowercase;
            None for a discovered one.
        joined: collects the discovered entities that papers of a gazetteer entity joined
            (`_move`), which the step must decide over them.
    """
    readings = read_papers(name, main, rows, known_long_forms)
    return apply_readings(db, entity_id, readings, gazetteer=known_long_forms is not None, joined=joined)


@dataclass(frozen=True)
class PaperReadings:
    """The papers that read a name another way, and those that define it as a term."""

    moved: dict[str, tuple[str, EntityType]] = field(default_factory=dict)  # paper -> (its text, its type)
    terms: frozenset[str] = frozenset()


def read_papers(name: str, main: EntityType, rows,
                known_long_forms: frozenset[str] | None = None) -> PaperReadings:
    """What each paper's sentences say the name is, against the entity's type `main` (no
    store: the corpus step may run it in other processes). Arguments as `split_paper_readings`."""
    acronym = is_short_acronym(name) and known_long_forms is None
    shaped = type_of_shape(name) is not None
    moved: dict[str, tuple[str, EntityType]] = {}  # paper -> (its text of the name, its type)
    terms: set[str] = set()
    for paper, sentence, text, *_ in rows:
        if paper in moved or paper in terms:
            continue
        found, long = paper_reading(sentence, text)
        if known_long_forms is not None:
            if _names_known(sentence, long, known_long_forms, name):
                continue
            if long is not None:  # the gazetteer's acronym defined as something else
                if found == UNTYPED_DEFINITION and main in _ARTIFACTS:
                    terms.add(paper)
                elif (found is None or found == UNTYPED_DEFINITION) and _knows_long_form(known_long_forms, text):
                    # another thing, where the gazetteer knows what the paper's text stands for:
                    # "street view images (SVI)" beside stochastic variational inference, whose
                    # name is itself the long form
                    terms.add(paper)
                elif isinstance(found, EntityType) and (found is not main or _another_expansion(name, text, long, known_long_forms)):
                    moved[paper] = (text, found)  # "Video Anomaly Detection (VAD)" beside voice activity detection
                continue
        if found is None:
            continue
        if found == UNTYPED_DEFINITION:
            if acronym and main in _TERM_HELD:
                terms.add(paper)
        elif found is not main and ((acronym and long) or (not shaped and crosses_kind(found, main))):
            moved[paper] = (text if known_long_forms is not None else name, found)
    return PaperReadings(moved, frozenset(terms))


def apply_readings(db, entity_id: str, readings: PaperReadings, gazetteer: bool = False,
                   joined: set[str] | None = None) -> int:
    """Move the papers that read the entity another way (`_move`), hold those that define it
    as a term; returns 1 when any did. `joined` as in `split_paper_readings`."""
    moved = readings.moved
    for reading in set(moved.values()):
        target = _move(db, entity_id, reading, {p for p, r in moved.items() if r == reading}, gazetteer=gazetteer)
        if joined is not None and "~" not in target:
            joined.add(target)
    for paper in sorted(readings.terms):
        _hold_paper(db, entity_id, paper)
    return int(bool(moved or readings.terms))


def _names_known(sentence: str, long: str | None, known: frozenset[str], name: str) -> bool:
    """Whether a sentence names a gazetteer entity by a long form it knows: the paper's long
    form and a known one contain each other, ignoring case, hyphens and plurals
    ("chain-of-thought" and "chain-of-thought prompting"), or a known form longer than
    the name by four characters is in the sentence, or most content words of one are the
    other's (`_shares_most`)."""
    if long is not None:
        key = entity_key(long).rstrip("s")
        if any(key in form or form in key for form in (entity_key(k).rstrip("s") for k in known) if form):
            return True
        words = _content_words(long)
        if words and any(_shares_most(words, _content_words(k)) for k in known):
            return True  # "bidirectional encoder representations of transformers" is BERT
    lowered = sentence.lower()
    return any(len(form) > len(name) + 3 and form in lowered for form in known)


def _another_expansion(name: str, text: str, long: str, known: frozenset[str]) -> bool:
    """Whether a paper expands a gazetteer long form's acronym as another thing of its type:
    the gazetteer's name is a long form, the paper's text is not it, and the paper's long form
    shares few word stems (first three letters, so "square" is "squared") with every known
    long form ("Mixture of Decoding (MoD)" beside mixture of depths)."""
    stems = _stems(long)
    return (" " in name and text.lower() != name.lower() and bool(stems)
            and not any(_shares_most(stems, _stems(form)) for form in known if " " in form))


def _stems(text: str) -> set[str]:
    return {w[:3] for w in _content_words(text)}


def _knows_long_form(known: frozenset[str], name: str) -> bool:
    """Whether the gazetteer knows what a name (the entity's, or a paper's text of it, "SVI")
    stands for: a form longer than the name that
    neither contains it nor is contained in it ("Pooled Server Metrics" for PSM; not
    "MAESTRO dataset"). Without one, another expansion may be the same thing unlisted."""
    lowered = name.lower()
    return any(len(form) > len(lowered) and lowered not in form and form not in lowered for form in known)


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _STOP}


def _shares_most(words: set[str], known: set[str]) -> bool:
    """Three in four of the paper's long form's content words are the known form's, or the
    known form's two or more are nearly all in it ("Diffusion-based large language models"
    holds "diffusion language model")."""
    shared = len(words & known)
    return shared >= 0.75 * len(words) or (len(known) >= 2 and shared >= 0.75 * len(known))


_STOP = frozenset("and the for from with of via".split())


def _move(db, entity_id: str, reading: tuple[str, EntityType], papers: set[str], gazetteer: bool) -> str:
    """Move the papers' mentions to `<id>~<type>`: the entity's id, or for a gazetteer entity
    the id of the paper's own text of the name ("ATB", not "Arabic Treebank"). Returns the
    entity they moved to.

    A gazetteer entity's papers whose text is the name of a discovered entity ("SR" defined as
    symbolic regression, beside the gazetteer's super-resolution, where the corpus discovered
    SR) join that entity, with its type: the step decides it over them, and would otherwise
    merge `sr~method` into it at the next step (`corpus._merge_split_readings`) and decide it
    again, so one step would not be a fixed point."""
    name, type_ = reading
    own = make_entity_id(name) if gazetteer else entity_id
    if gazetteer and _is_discovered(db, own):
        other, type_value = own, db.execute("SELECT type FROM entities WHERE id = ?", (own,)).fetchone()[0]
    else:
        other, type_value = f"{own}~{type_.value.lower()}", type_.value
        db.execute("INSERT OR IGNORE INTO entities (id, name, type, variant_of, external_ids, origin) "
                   "VALUES (?, ?, ?, NULL, '[]', 'discovered')", (other, name, type_value))
    for paper in sorted(papers):
        db.execute("UPDATE mentions SET entity_id = ?, type = ? WHERE entity_id = ? AND paper_id = ?",
                   (other, type_value, entity_id, paper))
        db.execute("INSERT INTO paper_changes (paper_id) VALUES (?)", (paper,))
    return other


def _is_discovered(db, entity_id: str) -> bool:
    return db.execute("SELECT 1 FROM entities WHERE id = ? AND origin = 'discovered'", (entity_id,)).fetchone() is not None


# A paper's mentions of an entity are held in the order of `mentions_edges` (paper, entity,
# role, confidence), the index SQLite takes for them where it stands; said outright, since a
# bulk load builds that index only after the corpus step (store_indexes.py).
_EDGE_ORDER = "ORDER BY m.role, m.confidence, m.rowid"


def _hold_paper(db, entity_id: str, paper: str) -> None:
    db.execute("INSERT INTO paper_changes (paper_id) VALUES (?)", (paper,))
    db.execute(f"INSERT INTO held_mentions ({HELD_COLUMNS}, reason, fingerprint) "
               f"SELECT {HELD_COLUMNS.replace('paper_id', 'm.paper_id')}, 'not-a-name', p.fingerprint FROM mentions m "
               f"JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ? AND m.paper_id = ? {_EDGE_ORDER}",
               (entity_id, paper))
    db.execute("DELETE FROM mentions WHERE entity_id = ? AND paper_id = ?", (entity_id, paper))


# (entity id, name, type, its mentions' (paper, sentence, text) rows, its known forms):
# what the split of a gazetteer name reads (`read_gazetteer_case`).
GazetteerCase = tuple[str, str, str, list[tuple[str, str, str]], frozenset[str]]


def gazetteer_cases(db, scope: str = "") -> list[GazetteerCase]:
    """What `split_paper_readings` reads for each gazetteer entity, in id order: the mentions
    whose sentence may introduce or define it and give a reading not weighed yet (`reads`
    = 1, see mention_readings.py: the others move no paper, or were weighed with the same
    forms), and its name and aliases in lowercase; `scope` as in `corpus._scope`. Apply a
    case's readings with `apply_readings(..., gazetteer=True)`."""
    rows: dict[str, list] = {}
    for row in db.execute(
            f"SELECT m.entity_id, e.name, e.type, m.paper_id, {sentence_sql()}, m.text FROM mentions m "
            "INDEXED BY mentions_reading JOIN entities e ON e.id = m.entity_id WHERE e.origin = 'gazetteer' "
            f"{scope.replace('{}', 'm.entity_id')} AND m.reads = 1"):
        # `may_introduce` is `MAY_INTRODUCE` in Python: the sentence, read from its paper
        # (store_schema.sentence_sql), is read once here, not once a test in SQL
        if may_introduce(row[4], row[5]):
            rows.setdefault(row[0], []).append(row)
    cases = []
    for entity_id, found in sorted(rows.items()):
        name = found[0][1]
        known = frozenset([name.lower()] + [r[0].lower() for r in db.execute(
            "SELECT alias FROM aliases WHERE entity_id = ?", (entity_id,))])
        mentions = [(paper, sentence, text) for _, _, _, paper, sentence, text in found]
        cases.append((entity_id, name, found[0][2], mentions, known))
    return cases


def read_gazetteer_case(case: GazetteerCase) -> PaperReadings:
    """`read_papers` for a gazetteer entity (no store: it may run in other processes)."""
    _, name, type_, mentions, known = case
    return read_papers(name, EntityType(type_), mentions, known)


def hold_lowercase_readings(db, scope: str = "") -> int:
    """Hold the mentions of a gazetteer dataset or benchmark named by capitalised common words
    ("Heart Disease", "Traffic") that a sentence writes in lowercase without a data noun after
    it ("a rare congenital heart disease"): the words, not the dataset. A lowercase alias
    ("word in context") and "heart disease dataset" stay. `scope` as in `corpus._scope`.
    Returns the mentions held."""
    rows = db.execute(
        f"SELECT m.entity_id, e.name, m.paper_id, m.field, m.start, {sentence_sql()}, m.text FROM mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE e.origin = 'gazetteer' "
        "AND e.type IN ('DATASET', 'BENCHMARK') AND m.text = lower(m.text) AND e.name != lower(e.name) "
        f"{scope.replace('{}', 'm.entity_id')}").fetchall()
    held = 0
    for entity_id, name, paper, field, start, sentence, text in rows:
        if not (is_capitalised_word(name) or is_capitalised_words(name)) or _is_alias(db, entity_id, text):
            continue
        at = sentence.find(text)
        following = sentence[at + len(text):].split(None, 1) if at >= 0 else []
        if following and following[0].lower().rstrip(".,;:)") in DATA_NOUNS:
            continue
        hold_mention(db, entity_id, paper, field, start)
        held += 1
    return held


def _is_alias(db, entity_id: str, text: str) -> bool:
    return db.execute("SELECT 1 FROM aliases WHERE entity_id = ? AND alias = ?", (entity_id, text)).fetchone() is not None


def hold_mention(db, entity_id: str, paper: str, field: str, start: int) -> None:
    """Hold one mention, (entity, paper, field, start), as not a name, logging its paper."""
    where = "m.entity_id = ? AND m.paper_id = ? AND m.field = ? AND m.start = ?"
    db.execute("INSERT INTO paper_changes (paper_id) VALUES (?)", (paper,))
    db.execute(f"INSERT INTO held_mentions ({HELD_COLUMNS}, reason, fingerprint) "
               f"SELECT {HELD_COLUMNS.replace('paper_id', 'm.paper_id')}, 'not-a-name', p.fingerprint FROM mentions m "
               f"JOIN papers p ON p.id = m.paper_id WHERE {where} {_EDGE_ORDER}", (entity_id, paper, field, start))
    db.execute(f"DELETE FROM mentions AS m WHERE {where}", (entity_id, paper, field, start))
