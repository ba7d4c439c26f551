"""Papers that define an acronym as another thing than the model or data it names elsewhere.

A discovered model, dataset or benchmark named by an acronym gathers every paper that writes
the acronym, and short acronyms are reused: DPG is a text-to-image benchmark in twenty papers
("the DPG benchmark", "86.9 on DPG") and "[[Dynamic Population Games]] (DPGs)" in one; NBA is
the basketball data in thirteen and "non-deterministic Büchi automata (NBAs)" in one; ABD is
"Affine Body Dynamics" in two papers beside the benchmark one introduces. The paper of the
other sense holds the entity's best evidence (a definition is its most confident mention), so
the judges read the entity through it: rounds 15-25 judged DPG, NBA, STEM, ABD, ABC, ASAP,
VSC, MDM, SEA and ViTL wrong so (docs/audit/README.md, "Rules after round 25").

A paper's mentions of such an entity are held where the paper defines the acronym by a long
form that gives it none of the entity's types (`corpus_definitions.definition_type`: the long
form's head, a type noun after it, the head before a preposition), by words that speak of no
thing of those types (a type noun of the entity's beside the definition: "data from the
Osteoarthritis Initiative (OAI)", "the Skinned Multi-Person Linear (SMPL) body model"; a noun
elsewhere in its sentence speaks of another thing, "a set of questions derived from the Aging
Brain Care (ABC) program" in a sentence about benchmarks), where no mention of the
paper calls it one of those types ("the ABD benchmark"), and where half or more of the long
form's words are not written in the sentences of the papers that do (the other papers of
PPMI write "Parkinson's"; of AVerImaTeC, "verification" and "claims"): the long form names
the same thing. The entity keeps the papers that call it its type, so it stays while one does.

`acronym_senses.other_sense_papers` (the verdict's split) asks of a metric, dataset or
benchmark that other papers define it by a typed long form; most reused data acronyms have
none ("the DPG benchmark" defines nothing), and models were not read.
"""

from __future__ import annotations

import re

from .corpus_definitions import ACRONYM, definition_type, is_long_form
from .corpus_readings import hold_mention
from .extract.rules.cues import TYPE_NOUNS
from .records import EntityType, entity_key
from .store_schema import sentence_sql

_MIN_PAPERS = 3
# The types a paper may call the entity and keep it: a dataset and a benchmark are one kind here
# (the judges count them apart only where the sentence is clear).
_DATA = frozenset((EntityType.DATASET, EntityType.BENCHMARK))
# The nouns a sentence names a thing of those types by (`cues.TYPE_NOUNS`), and "data": a data
# source is defined by its organisation's name ("data from the Osteoarthritis Initiative (OAI)").
_NOUNS = {EntityType.MODEL: frozenset(w for w, t in TYPE_NOUNS.items() if t is EntityType.MODEL),
          EntityType.DATASET: frozenset(w for w, t in TYPE_NOUNS.items() if t in _DATA) | {"data"}}
_NOUNS[EntityType.BENCHMARK] = _NOUNS[EntityType.DATASET]
# Discovered models, datasets and benchmarks named by letters, digits and hyphens, a letter or
# digit first, in `_MIN_PAPERS` or more papers (`ACRONYM` then asks for two capitals).
_CANDIDATES = ("SELECT id, name, type FROM (SELECT e.id, e.name, e.type, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id) AS papers FROM entities e "
               "WHERE e.origin = 'discovered' AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 "
               "AND e.name GLOB '[A-Za-z0-9]*' AND e.name NOT GLOB '*[^A-Za-z0-9-]*' {scope}) "
               "WHERE papers >= ? ORDER BY id")
# An entity's mentions: paper, text, stored vote, the type its definition gives, the sentence.
_ROWS = f"SELECT m.paper_id, m.text, m.evidence, m.defines, {sentence_sql('m')} FROM mentions m WHERE m.entity_id = ?"
_MENTIONS = "SELECT field, start FROM mentions WHERE entity_id = ? AND paper_id = ? ORDER BY field, start"
_WORD = re.compile(r"(?<![\w-])([a-z]+)(?![\w-])")
_STOP = frozenset(("from", "with"))  # words of four letters or more that say nothing of the thing
# The definition's neighbourhood: a sentence that lists things defines each in its own words, and a
# type noun elsewhere in it speaks of another thing ("a novel set of 149 questions derived from the
# Aging Brain Care (ABC) program" after "seven established medical benchmarks"; "Scanning
# Transmission Electron Microscopes (STEM) ... trained on simulated data"): four words before the
# long form ("imaging data from the ..."), two after its parenthesis ("(SMPL) body model").
# An apposition after the parenthesis is read to its end ("(HATS), an original French manually
# annotated data set"), up to `_APPOSED` words.
_BEFORE, _AFTER, _APPOSED = 4, 2, 8
_PARENTHESIS = re.compile(r"^\s*\([^)]*\)")
_APPOSITION = re.compile(r"^\s*,\s*(?:a|an|the)\s+([^,.;:()]*)", re.IGNORECASE)


def hold_other_senses(db, scope: str = "") -> int:
    """Hold the mentions of the papers that define a discovered model's, dataset's or
    benchmark's acronym as another thing (see above).

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The mentions held.
    """
    held = 0
    for entity_id, name, type_ in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id")),
                                             (_MIN_PAPERS,)).fetchall():
        if not ACRONYM.match(name):
            continue
        papers = other_sense_papers(name, EntityType(type_), db.execute(_ROWS, (entity_id,)).fetchall())
        for paper in sorted(papers):
            for field, start in db.execute(_MENTIONS, (entity_id, paper)).fetchall():
                hold_mention(db, entity_id, paper, field, start)
                held += 1
    return held


def other_sense_papers(name: str, entity_type: EntityType, rows: list[tuple]) -> set[str]:
    """The papers, of an entity's (paper, text, vote, defined type, sentence) mention rows,
    that define its acronym `name` as another thing than `entity_type` (see above); none
    where no paper calls it that type."""
    own = _DATA if entity_type in _DATA else {entity_type}
    values = {t.value for t in own}
    called = {paper for paper, _, vote, defined, _ in rows if vote in values or defined in values}
    defining: dict[str, str] = {}  # a paper's long form of another thing
    speaking: set[str] = set()
    for paper, text, vote, defined, sentence in rows:
        if paper in called or not is_long_form(text, vote, defined) or entity_key(text) == entity_key(name):
            continue
        if definition_type(text, vote, defined) in own:
            speaking.add(paper)
        elif _speaks_of(sentence or "", text, entity_type):
            speaking.add(paper)
        else:
            defining.setdefault(paper, text)
    if not called or not defining:
        return set()
    known = set().union(*(_stems(sentence or "") for paper, _, _, _, sentence in rows if paper in called))
    return {paper for paper, long in defining.items() if paper not in speaking and not _shares_half(_stems(long), known)}


def _speaks_of(sentence: str, long: str, entity_type: EntityType) -> bool:
    """Whether the definition's own words, the few before its long form and after its
    parenthesis, hold a noun of the entity's type ("data from the Osteoarthritis Initiative
    (OAI)", "the Skinned Multi-Person Linear (SMPL) body model", an apposition after it); the
    whole sentence where it does not write the long form."""
    at = sentence.find(long)
    if at < 0:
        return _holds_noun(_WORD.findall(sentence.lower()), entity_type)
    after = _PARENTHESIS.sub("", sentence[at + len(long):], count=1)
    apposition = _APPOSITION.match(after)
    following = (_WORD.findall(apposition.group(1).lower())[:_APPOSED] if apposition
                 else _WORD.findall(after.lower())[:_AFTER])
    return _holds_noun(_WORD.findall(sentence[:at].lower())[-_BEFORE:] + following, entity_type)


def _holds_noun(words: list[str], entity_type: EntityType) -> bool:
    return any(word in _NOUNS[entity_type] for word in words)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3 and w not in _STOP}


def _shares_half(words: set[str], known: set[str]) -> bool:
    return bool(words) and len(words & known) * 2 >= len(words)
