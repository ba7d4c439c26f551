"""Listed names that a paper writes as words: "an Actor agent", "structured 3D scenes".

The gazetteer matches its names wherever a paper writes them, and some of them are words.
A dataset named by a common word ("Actor", "Traffic", "Opportunity", "Kinetics") is written by
papers that speak of the word: the actor of actor-critic learning ("a lightweight Actor model",
"an Actor agent"), a part of a longer name ("R&D Opportunity Zone", "a new Kinetics Scaling
Law", "Traffic Sign Detection"). A name joined from words ("Structured3D", "Metric3D") or of
capitalised words ("3D Shapes", "Zebra Puzzles") is written by papers that use the words
("a structured 3D representation", "explicit 3D shapes", "model-based metric 3D shape",
"zebra puzzles in multiple languages"). Rounds 19-29 judged such sentences not names
(docs/audit/README.md, "Rules after round 29, listed names and classes").

1. `hold_word_readings`: a gazetteer dataset or benchmark named by one capitalised word that
   the corpus writes in lowercase (`corpus_words.written_in_lowercase`, as `corpus_capitals`
   asks) is named as data in a paper only where some mention of it reads as data
   (`reads_as_data`): a data noun after it ("the Traffic dataset"), an item of a list of names
   ("UCF101, Kinetics, and DAVIS"), after "on" or "from" ("experiments on Replica"), or a
   sentence that speaks of data ("three public datasets, WISDM, PAMAP2, and OPPORTUNITY");
   never a mention before another type's noun ("Actor model", "Actor agent") or inside a
   longer name ("Kinetics Scaling Law", "Thinker-Actor"). The other papers' mentions of the
   name are held. Models are not read so: papers name models with no noun and no list
   ("we use Claude to ...", "Whisper's robust performance").
2. `hold_word_phrases`: a mention of a gazetteer model, dataset or benchmark written as
   lowercase words where the listed form capitalises them is held where it spells a name
   joined from words apart ("structured 3D" for Structured3D) or, for data, a listed form of
   capitalised words ("3D shapes" for 3D Shapes, "zebra puzzles" for Zebra Puzzles), neither
   before a noun of the entity's kind ("structured 3D dataset") nor defining an acronym
   ("massive text embedding benchmark (MTEB)"). A word with a version ("flan t5 base",
   "inception V3") is a name written in lowercase, and stays. The one-word names of data
   written in lowercase are `corpus_readings.hold_lowercase_readings`'. Where three or more
   papers write a name so (held now or by an earlier step), a title or a sentence's opening
   that capitalises the words speaks of them too ("Texturing 3D Shapes with Multi-Diffusion
   Projection", "Model-based Metric 3D Shape ...", "Semantic 3D city models are ..."): those
   mentions are held, unless a data noun or a list of names follows
   (`corpus_capitals.capitalised_by_place`).

A held gazetteer mention is not pulled back by a later step, and each paper is decided by
its own mentions and the corpus's lowercase words: a second step holds nothing more.
"""

from __future__ import annotations

import re

from .corpus_capitals import capitalised_by_place
from .corpus_readings import hold_mention
from .corpus_words import written_in_lowercase
from .extract.rules.cues import type_of_noun
from .extract.rules.evidence import is_capitalised_word
from .extract.rules.name_use import DATA_NOUNS
from .records import EntityType, entity_key
from .store_schema import FIELD_TEXT

_LOWERCASE_MIN = 3  # as `corpus_capitals`: a rare word is written in lowercase in few papers
_DATA = frozenset((EntityType.DATASET, EntityType.BENCHMARK))
_KIND = {EntityType.DATASET: _DATA, EntityType.BENCHMARK: _DATA, EntityType.MODEL: frozenset((EntityType.MODEL,))}

# The mentions of gazetteer entities of these types and their context: entity, name, type,
# paper, field, start, text, 40 characters before, 40 after, the sentence.
_ROWS = ("SELECT m.entity_id, e.name, e.type, m.paper_id, m.field, m.start, m.text, "
         f"substr({FIELD_TEXT}, max(1, m.start - 39), min(m.start, 40)), substr({FIELD_TEXT}, m.\"end\" + 1, 40), "
         f"substr({FIELD_TEXT}, m.sentence_start + 1, m.sentence_end - m.sentence_start) "
         "FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.origin = 'gazetteer' AND e.type IN ({types}) AND {shape} {scope} "
         "ORDER BY m.entity_id, m.paper_id, m.field, m.start")
_ONE_WORD = "e.name GLOB '[A-Z][a-z][a-z][a-z]*' AND e.name NOT GLOB '*[^A-Za-z]*'"
_SPACED = "instr(m.text, ' ') > 0 AND m.text GLOB '*[a-z][a-z][a-z]*'"

# The held mentions of gazetteer models, datasets and benchmarks written with a space: entity, name,
# type, paper, text, 40 characters after it.
_HELD_PHRASES = ("SELECT m.entity_id, e.name, e.type, m.paper_id, m.text, "
                 f"substr({FIELD_TEXT}, m.\"end\" + 1, 40) FROM held_mentions m JOIN entities e ON e.id = m.entity_id "
                 "JOIN papers p ON p.id = m.paper_id WHERE e.origin = 'gazetteer' "
                 "AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(m.text, ' ') > 0 {scope} "
                 "ORDER BY m.entity_id, m.paper_id")
# An entity's mentions written with a space: paper, field, start, text, 24 characters before, 30 after.
_PLACED_ROWS = (f"SELECT m.paper_id, m.field, m.start, m.text, substr({FIELD_TEXT}, max(1, m.start - 23), "
                f"min(m.start, 24)), substr({FIELD_TEXT}, m.\"end\" + 1, 30) FROM mentions m "
                "JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ? AND instr(m.text, ' ') > 0 "
                "ORDER BY m.paper_id, m.field, m.start")
_NEXT_WORD = re.compile(r"^[\s-]*([A-Za-z]+)")
_TITLE_WORD = re.compile(r"[A-Z][a-z]")
_JOINED_BEFORE = re.compile(r"[A-Za-z]-$")  # "Thinker-Actor", "Omni-Weather"
_ON = re.compile(r"\b(?:on|from)\s+(?:the\s+)?$", re.IGNORECASE)
# A list's neighbour, written as names are ("UCF101", "ScanNet", "BIRD"), not as a capitalised
# word ("Planner, Actor, and Critic", "Healthcare, Legal, Tourism").
_NAME_TOKEN = r"([A-Za-z0-9][\w.+-]*)"
_LIST_BEFORE = re.compile(_NAME_TOKEN + r"\)?\s*(?:,|;|/|&|\band\b|\bor\b)\s*(?:and\s+|or\s+)?$")
_LIST_AFTER = re.compile(r"^\s*(?:,|;|/|&|and\b|or\b)\s*(?:and\s+|or\s+)?(?:the\s+)?" + _NAME_TOKEN)
_NAME_SHAPED = re.compile(r"\d|[a-z][A-Z]|[A-Z]{2}")
_WORDS = re.compile(r"[A-Za-z]+")
_DIMENSION = re.compile(r"^\d+D$")  # "3D", "2D": a dimension, not a version


def hold_word_readings(db, scope: str = "") -> int:
    """Hold the mentions of gazetteer datasets and benchmarks named by a common word in the
    papers where none of them reads as data (see above).

    Args:
        db: the store's connection, in the corpus step's transaction.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The mentions held.
    """
    rows = [row for row in _gazetteer_rows(db, "'DATASET', 'BENCHMARK'", _ONE_WORD, scope)
            if is_capitalised_word(row[1])]
    papers: dict[tuple[str, str], bool] = {}
    for entity_id, name, _, paper, _, _, text, before, after, sentence in rows:
        as_data = text.lower() != name.lower() or reads_as_data(sentence or "", before or "", after or "")
        papers[entity_id, paper] = papers.get((entity_id, paper), False) or as_data
    words = {row[1] for row in rows if not papers[row[0], row[3]]}
    common = {name for name in sorted(words) if written_in_lowercase(db, name, _LOWERCASE_MIN)}
    held = 0
    for entity_id, name, _, paper, field, start, *_ in rows:
        if name in common and not papers[entity_id, paper]:
            hold_mention(db, entity_id, paper, field, start)
            held += 1
    return held


def _gazetteer_rows(db, types: str, shape: str, scope: str) -> list[tuple]:
    return db.execute(_ROWS.format(types=types, shape=shape, scope=scope.replace("{}", "m.entity_id"))).fetchall()


def reads_as_data(sentence: str, before: str, after: str) -> bool:
    """Whether a mention of a data name, with this text before and after it in this sentence,
    reads as data: a data noun after it, an item of a list of names, after "on"/"from", or in
    a sentence with a data noun; not before another type's noun nor inside a longer name."""
    following = _NEXT_WORD.match(after)
    word = following.group(1) if following else ""
    noun = type_of_noun(word) if word else None
    if noun is not None:
        return noun in _DATA
    if (_TITLE_WORD.match(word) and after[:1] in (" ", "-")) or _JOINED_BEFORE.search(before):
        return False
    if _listed(before, after) or _ON.search(before):
        return True
    return any(w.lower() in DATA_NOUNS for w in _WORDS.findall(sentence))


def _listed(before: str, after: str) -> bool:
    found = _LIST_BEFORE.search(before)
    if found and _NAME_SHAPED.search(found.group(1)):
        return True
    found = _LIST_AFTER.match(after)
    return bool(found and _NAME_SHAPED.search(found.group(1)))


def hold_word_phrases(db, scope: str = "") -> int:
    """Hold the mentions of gazetteer models, datasets and benchmarks written as lowercase
    words where their listed form is a name, and the titles' mentions of a data name that
    papers write so (see above).

    Args:
        db: the store's connection, in the corpus step's transaction.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The mentions held.
    """
    rows = _gazetteer_rows(db, "'MODEL', 'DATASET', 'BENCHMARK'", _SPACED, scope)
    forms: dict[str, list[str]] = {}
    held = 0
    for entity_id, name, type_, paper, field, start, text, _, after, _ in rows:
        if entity_id not in forms:
            forms[entity_id] = _listed_forms(db, entity_id, name)
        if written_as_phrase(text, name, forms[entity_id], EntityType(type_), after or ""):
            hold_mention(db, entity_id, paper, field, start)
            held += 1
    return held + _hold_title_words(db, scope)


def _listed_forms(db, entity_id: str, name: str) -> list[str]:
    return [name] + [a for a, in db.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]


def _hold_title_words(db, scope: str) -> int:
    """Hold the mentions of a gazetteer name that `_LOWERCASE_MIN` or more papers write as a
    phrase (held now or before) where a title or a sentence's opening capitalises its words
    ("Texturing 3D Shapes with ...", "Model-based Metric 3D Shape and Motion Reconstruction",
    "Semantic 3D city models are ..."), written as a listed form of words (for data) or as the
    name's words apart, unless a data noun or a list of names follows
    (`corpus_capitals.capitalised_by_place`)."""
    written = db.execute(_HELD_PHRASES.format(scope=scope.replace("{}", "m.entity_id"))).fetchall()
    phrased: dict[str, set[str]] = {}
    forms: dict[str, list[str]] = {}
    for entity_id, name, type_, paper, text, after in written:
        forms.setdefault(entity_id, _listed_forms(db, entity_id, name))
        if written_as_phrase(text, name, forms[entity_id], EntityType(type_), after or ""):
            phrased.setdefault(entity_id, set()).add(paper)
    held = 0
    for entity_id in sorted(e for e, papers in phrased.items() if len(papers) >= _LOWERCASE_MIN):
        name, type_ = db.execute("SELECT name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
        spaced = {f.lower() for f in forms[entity_id] if " " in f.strip()} if EntityType(type_) in _DATA else set()
        for paper, field, start, text, before, after in db.execute(_PLACED_ROWS, (entity_id,)).fetchall():
            apart = " " not in name.strip() and " " in text and entity_key(text) == entity_key(name)
            if (apart or text.lower() in spaced) and capitalised_by_place(field, before or "", after or ""):
                hold_mention(db, entity_id, paper, field, start)
                held += 1
    return held


def written_as_phrase(text: str, name: str, forms: list[str], entity_type: EntityType, after: str) -> bool:
    """Whether a mention's text writes a listed name (`name`, or one of `forms`, its name and
    aliases) as lowercase words: every token a lowercase word or a dimension, a listed form
    that capitalises a word of it, spelled as the name joined ("structured 3D" for
    Structured3D) or, for data, as a listed form ("3D shapes"); and no noun of the entity's
    kind nor an acronym's parenthesis after it."""
    tokens = text.replace("-", " ").split()
    if len(tokens) < 2 or not all(t.isalpha() and t.islower() or _DIMENSION.match(t) for t in tokens):
        return False
    key = entity_key(text)
    joined = " " not in name.strip() and key == entity_key(name)
    listed = entity_type in _DATA and any(" " in f.strip() and key == entity_key(f) for f in forms)
    if not (joined or listed):
        return False
    capitalised = {w.lower() for f in forms for w in _WORDS.findall(f) if w[0].isupper() and len(w) > 1}
    if not any(w in capitalised for w in _WORDS.findall(text)):
        return False
    following = _NEXT_WORD.match(after)
    noun = type_of_noun(following.group(1)) if following else None
    if (noun is not None and noun in _KIND[entity_type]) or after.lstrip().startswith("("):
        return False
    return entity_type not in _DATA or not any(w in DATA_NOUNS for w in tokens)
