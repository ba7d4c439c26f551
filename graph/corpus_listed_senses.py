"""Listed names of two senses: a listed acronym that a paper spells out or types as another thing.

The gazetteer lists a name for one thing (GEM, a benchmark; ToMi, a theory-of-mind test; GTR, a
retriever), and papers reuse short names for their own: "GEM, a Gaussian Evolution Model",
"TOMI (Transforming and Organizing Music Ideas) as a novel approach", "GTR: Graph-Table-RAG for
Cross-Table Question Answering", "a novel LAMA loss". The extraction matches the listed name in
each, and the listed entity's evidence, type and paper count then mix things (docs/audit/README.md,
"Round 31" and "Rules after round 29, listed names and classes", "What is left").

A paper names another thing than the listed entity (Schwartz & Hearst, 2003: a definition holds
in its paper) where one of its sentences spells the acronym out, "Long Form (NAME)", "NAME (Long
Form)", "NAME: Long Form" or "NAME, a Long Form", by a long form written as a name whose words
are not the listed forms' (`corpus_sense_entities.words_of`) and whose head does not give the
listed type (where the list spells nothing out, a head must give another type); or, for a listed
dataset or benchmark, where it writes "the/a/our NAME method/module/loss/...". A paper that writes
the name before a noun of the listed kind ("the EDSR (...) model") stays. Its mentions move to a
sense entity, `<id>~<key>` (the key of its long form, `corpus_sense_entities.sense_key`; `<id>~method`
for a method noun), typed by its papers' sentences (`sense_type`); the listed entity keeps the
papers that mean it or write the name undefined. Each paper is decided on its own mentions, so a
step over the same papers moves the same ones, whatever else the corpus holds, and a second step
finds nothing to move.
"""

from __future__ import annotations

import re

from .corpus_definitions import ACRONYM
from .corpus_sense_entities import sense_key, words_of
from .extract.rules.abbreviations import best_long_form
from .extract.rules.cues import type_of_noun
from .extract.rules.entity_verdict import decide_entity
from .extract.rules.evidence import defined_long_form, long_form_type, mention_evidence
from .records import EntityType, entity_key
from .store_schema import sentence_sql

_LISTED_TYPES = ("MODEL", "DATASET", "BENCHMARK")
# Listed models, datasets and benchmarks named by letters, digits and hyphens; `ACRONYM` then
# asks for two capitals.
_CANDIDATES = ("SELECT e.id, e.name, e.type FROM entities e WHERE e.origin = 'gazetteer' "
               f"AND e.type IN {_LISTED_TYPES} AND e.name GLOB '[A-Za-z0-9]*' "
               "AND e.name NOT GLOB '*[^A-Za-z0-9-]*' {scope} ORDER BY e.id")
_ROWS = (f"SELECT m.paper_id, m.text, {sentence_sql('m')} FROM mentions m WHERE m.entity_id = ? "
         "ORDER BY m.paper_id, m.field DESC, m.start")
# What may follow a name before its spelled-out form: "NAME (", "NAME: (a/an/the)", "NAME, a/an".
_SPELLED_AFTER = re.compile(r"\s*(?:\(\s*|:\s+(?:(?:a|an|the|A|An|The)\s+)?|,\s+(?:a|an|the)\s+)")
_WORD = re.compile(r"[^\s,;:.()]+")
_NEXT_WORD = re.compile(r"(?:\s*\([^()]*\))?\s+([a-z]+)\b")
_HEAD_END = re.compile(r"\s+(?:for|via)\s+")
_DETERMINED = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]his|[Ii]ts|proposed|novel|new)\s+$")
_MAX_WORDS = 10
_SMALL = frozenset("a an and the of for from with via in on to by at as or".split())
_DATA = frozenset((EntityType.DATASET, EntityType.BENCHMARK))
# Nouns of a method that a listed dataset or benchmark is not ("the proposed BIRD method", "an
# Image-to-Point (I2P) module", "a novel LAMA loss"); not "framework", "pipeline", "model",
# "attack": a benchmark's framework, "a CIFAR-10 model" and "HarmBench attack success rate" are
# the data's; in the singular: "FIQA methods", "VOT methods" and "CBT techniques" are a task's or
# a field's.
_METHOD_NOUNS = frozenset("method approach algorithm module architecture mechanism technique loss".split())


def listed_sense_papers(name: str, listed: EntityType, known: list[str],
                        rows: list[tuple[str, str, str]]) -> dict[str, tuple[str, str | None]]:
    """The papers of a listed entity that name another thing: paper -> (its sense's key, the long
    form it writes, or None for a type noun alone).

    Args:
        name: the listed name.
        listed: its type.
        known: its name and aliases.
        rows: its mentions as (paper, text, sentence), a paper's together.
    """
    known_words = [words for form in known if len(words := words_of(form)) >= 2]
    by_paper: dict[str, list[tuple[str, str]]] = {}
    for paper, text, sentence in rows:
        by_paper.setdefault(paper, []).append((text, sentence or ""))
    found: dict[str, tuple[str, str | None]] = {}
    own_kind = _DATA if listed in _DATA else {listed}
    for paper, mentions in by_paper.items():
        if any(listed_kind_after(text, sentence, own_kind) for text, sentence in mentions):
            continue  # "the EDSR (Enhanced Deep Super-Resolution) model", "the BIRD dataset": the listed kind
        long = next((form for text, sentence in mentions if (form := spelled_out(name, text, sentence))), None)
        if long is not None:
            if _another_thing(name, listed, long, known_words):
                found[paper] = (sense_key([long]), long)
            continue
        nouns = {m.group(1) for text, sentence in mentions for m in _after(text, sentence, determined=True)}
        if listed in _DATA and nouns & _METHOD_NOUNS:
            found[paper] = (EntityType.METHOD.value.lower(), None)
    return found


def _another_thing(name: str, listed: EntityType, long: str, known_words: list[frozenset[str]]) -> bool:
    """Whether a paper's long form of the name names another thing than the listed one. Where
    the list spells the name out, its words must be none of the listed forms' (half or more of
    the smaller shared) and its head must not give the listed type ("Region-Based Convolutional
    Neural Network" is R-CNN's "Regions with CNN features"); where the list does not, its head
    must give another type ("Gaussian Evolution Model" for a listed benchmark; not "Diffusion
    Transformer" for a listed model)."""
    words = words_of(long)
    head = long_form_type(long)
    if any(_related(words, known) for known in known_words):
        return False
    if any(len(known - words_of(name)) >= 2 for known in known_words):
        return head is not listed
    return head is not None and head is not listed


def listed_kind_after(text: str, sentence: str, kinds) -> bool:
    """Whether a sentence writes the name before a noun of one of `kinds` ("the BIRD dataset")."""
    return any(type_of_noun(m.group(1)) in kinds for m in _after(text, sentence))


def _after(text: str, sentence: str, determined: bool = False):
    """The lowercase words right after the name (and a parenthesis after it) in a sentence; with
    `determined`, only where a determiner is right before it ("the proposed BIRD method", "The
    I2P module"; not "with GSM-Symbolic approach", the benchmark's)."""
    for start in _starts(text, sentence):
        word = _NEXT_WORD.match(sentence, start + len(text))
        if word and (not determined or _DETERMINED.search(sentence, 0, start)):
            yield word


def _starts(text: str, sentence: str):
    """Where the text starts in the sentence (`str.find`: a pattern a name cost more to compile
    than to match, for 2,000 listed acronyms' 33,000 mentions)."""
    start = sentence.find(text) if text else -1
    while start >= 0:
        yield start
        start = sentence.find(text, start + 1)


def spelled_out(name: str, text: str, sentence: str) -> str | None:
    """The long form a sentence spells the name out by (its letters in its words, the first
    starting the first word: `abbreviations.best_long_form`), or None."""
    long = defined_long_form(sentence, text)
    if long is not None:
        return long if _spells(name, long) else None
    for match in filter(None, (_SPELLED_AFTER.match(sentence, at + len(text)) for at in _starts(text, sentence))):
        words = []
        for word in _WORD.finditer(sentence, match.end()):
            if word.start() > match.end() + sum(len(w) + 2 for w in words) or len(words) == _MAX_WORDS:
                break
            words.append(word.group())
        for size in range(1 if words and "-" in words[0] else 2, len(words) + 1):
            long = " ".join(words[:size])
            if best_long_form(name, words[:size]) == 0 and _spells(name, long):
                return long
    return None


def _spells(name: str, long: str) -> bool:
    """Whether a long form is written as a name's long form: capitalised words (small words
    between them), the name's capitals among its capitals, in order, from its first letter,
    the last in its last word; and not the name itself with words after ("ARC which was")."""
    if entity_key(name) in entity_key(long) or not long[:1].isupper():
        return False
    words = long.split()
    if any(w[:1].islower() and w not in _SMALL for w in words) or not any(c.isupper() for c in words[-1]):
        return False
    capitals = iter(c for c in long if c.isupper())
    return all(c in capitals for c in name if c.isupper())


def _related(words: frozenset[str], known: frozenset[str]) -> bool:
    """Half the smaller form's words are the other's: "Graph Evaluation Metric" and "GEM
    benchmark" are not; "Generation, Evaluation and Metrics" and "GEM benchmark" are not either."""
    return bool(words) and len(words & known) * 2 >= min(len(words), len(known))


def split_listed_senses(db, scope: str = "") -> int:
    """Move each listed acronym's papers that name another thing to a sense entity (see above).

    Args:
        db: the store's connection, in the corpus step's transaction.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The listed entities whose papers moved.
    """
    changed = 0
    for entity_id, name, type_ in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id"))).fetchall():
        if not ACRONYM.match(name):
            continue
        rows = db.execute(_ROWS, (entity_id,)).fetchall()
        known = [name] + [r[0] for r in db.execute("SELECT alias FROM aliases WHERE entity_id = ?", (entity_id,))]
        moved = listed_sense_papers(name, EntityType(type_), known, rows)
        if moved:
            move_sense_papers(db, entity_id, name, EntityType(type_), moved)
            changed += 1
    return changed


def move_sense_papers(db, entity_id: str, name: str, listed: EntityType,
                      moved: dict[str, tuple[str, str | None]]) -> None:
    """Move papers' mentions to `<id>~<key>` by paper -> (key, long form or None), each sense typed
    by its papers (`sense_type`), a long form its alias."""
    for key in sorted({key for key, _ in moved.values()}):
        papers = sorted(p for p, (k, _) in moved.items() if k == key)
        child = f"{entity_id}~{key}"
        db.execute("INSERT OR IGNORE INTO entities (id, name, type, variant_of, external_ids, origin) "
                   "VALUES (?, ?, ?, NULL, '[]', 'discovered')", (child, name, listed.value))
        for paper in papers:
            long = moved[paper][1]
            if long is not None:
                db.execute("INSERT OR IGNORE INTO aliases (key, alias, entity_id) VALUES (?, ?, ?)",
                           (entity_key(long), long, child))
            db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND paper_id = ?",
                       (child, entity_id, paper))
            db.execute("INSERT INTO paper_changes (paper_id) VALUES (?)", (paper,))
        type_value = sense_type(name, listed, key, db.execute(_ROWS, (child,)).fetchall()).value
        db.execute("UPDATE entities SET type = ? WHERE id = ?", (type_value, child))
        db.execute("UPDATE mentions SET type = ? WHERE entity_id = ?", (type_value, child))


def sense_type(name: str, listed: EntityType, key: str, rows: list[tuple[str, str, str]]) -> EntityType:
    """A sense's type from its papers' sentences: each mention's vote (`mention_evidence`), the
    long form's head (`_spelled_type`) and the type noun after the name (the type of a noun
    sense: "a novel LAMA loss"); METHOD where nothing calls it the listed kind (a paper's own
    "Identity-Aware Human Motion" under a listed dataset's name); else their vote."""
    votes = []
    for paper, text, sentence in rows:
        sentence = sentence or ""
        votes.append((paper, mention_evidence(sentence, text)))
        long = spelled_out(name, text, sentence)
        if long is not None:
            votes.append((paper, _spelled_type(long)))
        votes.extend((paper, type_of_noun(m.group(1))) for m in _after(text, sentence))
    if key in {t.value.lower() for t in EntityType}:
        return EntityType(key.upper())
    decision = decide_entity(name, listed, [(p, v) for p, v in votes if v is not None], 0, 1)
    found = decision.type or listed
    kind = _DATA if listed in _DATA else {listed}
    if found is listed and not any(v in kind for _, v in votes):
        return EntityType.METHOD  # a paper's own thing under the listed name, which nothing calls its kind
    return found


def _spelled_type(long: str) -> EntityType | None:
    """The type a paper's own long form gives, by its head before "for" or "via" ("Affective
    Memory Benchmark for Emotion Recognition"); a task's or a measure's head names the method
    a paper spells out as its own ("Calibrated Latent Uncertainty Estimation", "Topological
    Representation Alignment"), as `evidence` reads a task proposed."""
    found = long_form_type(_HEAD_END.split(long, 1)[0])
    return EntityType.METHOD if found in (EntityType.TASK, EntityType.METRIC) else found
