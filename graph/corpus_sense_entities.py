"""One entity a sense: an acronym that its papers define by long forms of unrelated things.

A discovered entity is the papers that write its name, and short acronyms are reused within a
type: SRM is a "Speculative Reward Model", a "Structural Reward Model" and "Speech
Representation Models" (one paper each, in 75,000), TDM a text-driven, a texture and a
telegraph diffusion model and a "Threading Detection Model", MDM the motion and the masked
diffusion models. One entity mixing them has its paper count, its
type vote and its evidence sentence from several things (docs/audit/README.md, "Rules after
round 28", "What is left"). `corpus_senses` holds a paper that defines the acronym as a thing
of no type of the entity's; this step splits what is left by sense.

A paper's sense is its definition's long form (Schwartz & Hearst, 2003: a definition holds in
its paper), as a set of words (lowercase, LaTeX markup out, the small words out, a long word by
its first five letters, so that plurals and endings meet). Two long forms are one sense where
one's words are all the other's ("Masked Diffusion Model", "masked discrete diffusion models");
a long form whose words are in two senses ("Diffusion Model", in the masked and the motion
ones), of one word, or half spelled out ("Knowledge-based VQA" for KB-VQA) decides none. Where
two or more senses have defining papers, the sense of the most keeps the entity's id, with the
papers that define nothing or two senses (on a tie: the sense whose own long-form words those
papers write most, then the sense of the entity's most confident mention, whose sentence has
been its evidence, then by key). Each other sense becomes an entity of its own,
`<id>~<key>`, the key being `records.entity_key` of the long form its papers write most (singular;
the first by key on a tie): "srm~semanticregionmask". Its name stays the acronym, its type is
voted by its own papers (`entity_verdict.decide_entity`), its evidence is its own papers'
most confident mention, and its long forms are copied to its aliases (the parent keeps them
too: a child removed by a later step takes only its copies, as with the `<id>~<type>` split
readings). The id depends on the papers' long forms only, so a step over the same mentions
makes the same ids: the corpus step merges every `<id>~...` entity back into its parent before
deciding it (`corpus._merge_split_readings`) and this step, after the parent's verdict and
`corpus_senses`' holds, splits it again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .corpus_definitions import ACRONYM, is_long_form
from .extract.rules.entity_verdict import decide_entity
from .extract.rules.evidence import NAMED_DEFINITION, UNTYPED_DEFINITION
from .mention_votes import decode_evidence
from .records import EntityType, entity_key
from .store_schema import sentence_sql

_MIN_DEFINING = 2
# Discovered entities named by letters, digits and hyphens, a letter or digit first, that
# `_MIN_DEFINING` or more papers define by a long form (`corpus_definitions.is_long_form`: a
# definition's vote or defined type, on words); `ACRONYM` then asks for two capitals. A split
# sense (`~`) is decided with its parent. A definition gives its paper a reading (`reads`,
# mention_readings.py), so the definitions are read from that index: the test on every
# discovered entity took 0.4 CPU s at 75,000 papers, this 0.1.
_CANDIDATES = ("SELECT e.id, e.name, e.type FROM (SELECT m.entity_id FROM mentions m INDEXED BY mentions_reading "
               "WHERE m.reads = 1 AND instr(m.text, ' ') > 0 AND (coalesce(m.defines, '') != '' "
               f"OR m.evidence IN ('{NAMED_DEFINITION}', '{UNTYPED_DEFINITION}')) "
               "GROUP BY m.entity_id HAVING count(DISTINCT m.paper_id) >= ?) AS defined "
               "JOIN entities e ON e.id = defined.entity_id WHERE e.origin = 'discovered' AND instr(e.id, '~') = 0 "
               "AND e.name GLOB '[A-Za-z0-9]*' AND e.name NOT GLOB '*[^A-Za-z0-9-]*' {scope} ORDER BY e.id")
# An entity's mentions, the most confident first (the audit's evidence: `audit._audit_row`).
_ROWS = (f"SELECT m.paper_id, m.text, m.evidence, m.defines, {sentence_sql('m')} FROM mentions m "
         "WHERE m.entity_id = ? ORDER BY m.confidence DESC, m.paper_id, m.start")
_SMALL = frozenset("a an and the of for from with via in on to by at as".split())
_LATEX = re.compile(r"\\[A-Za-z]+|[{}$]")
_INNER_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]")  # "Knowledge-based VQA", "Traditional DA": half spelled out


@dataclass(frozen=True)
class Sense:
    """One sense of an acronym: its long form's key (None for the sense that keeps the
    entity's id), its papers and the long forms they write."""

    key: str | None
    papers: frozenset[str]
    long_forms: tuple[str, ...]


def split_senses(db, scope: str = "") -> int:
    """Give each sense but the main one of a discovered acronym its own entity (see above).

    Args:
        db: the store's connection, in the corpus step's transaction, after its holds.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The senses given an entity of their own.
    """
    made = 0
    for entity_id, name, type_ in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id")),
                                             (_MIN_DEFINING,)).fetchall():
        if not ACRONYM.match(name):
            continue
        rows = db.execute(_ROWS, (entity_id,)).fetchall()
        senses = read_senses(name, rows)
        for sense in senses[1:]:
            _move_sense(db, entity_id, name, EntityType(type_), sense, rows)
            made += 1
    return made


def read_senses(name: str, rows: list[tuple]) -> list[Sense]:
    """The senses of an acronym's (paper, text, vote, defined type, sentence) mention rows,
    the most confident first; the main one first (most defining papers; on a tie, the one
    the papers that only use the acronym speak of, then the one of its most confident
    mention, whose sentence has been the entity's evidence; then by key), the others by
    papers and key; one sense where its papers define at most one."""
    forms: dict[str, set[frozenset[str]]] = {}  # paper -> the word sets of its long forms
    written: dict[str, list[str]] = {}
    for paper, text, vote, defined, _ in rows:
        if is_long_form(text, vote or "", defined or "") and entity_key(text) != entity_key(name):
            words = _long_form_words(name, text)
            if words:
                forms.setdefault(paper, set()).add(words)
                written.setdefault(paper, []).append(text)
    groups = _group(set().union(*forms.values()) if forms else set())
    by_sense: dict[int, set[str]] = {}
    for paper, words in forms.items():
        found = {groups[w] for w in words if w in groups}
        if len(found) == 1:
            by_sense.setdefault(found.pop(), set()).add(paper)
    _join_same_keys(by_sense, groups, written)
    everyone = frozenset(r[0] for r in rows)
    if len(by_sense) < 2:
        return [Sense(None, everyone, ())]
    support = _support(by_sense, groups, rows)
    senses = sorted((Sense(sense_key([t for p in sorted(papers) for t in written[p]]), frozenset(papers),
                           tuple(sorted({t for p in papers for t in written[p]})))
                     for papers in by_sense.values()),
                    key=lambda s: (-len(s.papers), -support[s.papers], rows[0][0] not in s.papers, s.key))
    split = frozenset().union(*(s.papers for s in senses[1:]))
    return [Sense(None, everyone - split, senses[0].long_forms), *senses[1:]]


def _join_same_keys(by_sense: dict[int, set[str]], groups: dict[frozenset[str], int],
                    written: dict[str, list[str]]) -> None:
    """Join the senses whose keys are one: spellings whose words differ only where a hyphen
    splits a word ("autocorrelation function", "auto-correlation function") name one thing,
    and would otherwise write one `<id>~<key>` entity twice."""
    first: dict[str, int] = {}
    for sense in sorted(by_sense):
        key = sense_key([t for p in sorted(by_sense[sense]) for t in written[p]])
        target = first.setdefault(key, sense)
        if target != sense:
            by_sense[target] |= by_sense.pop(sense)
            for form, found in groups.items():
                if found == sense:
                    groups[form] = target


def _support(by_sense: dict[int, set[str]], groups: dict[frozenset[str], int], rows: list[tuple]
             ) -> dict[frozenset[str], int]:
    """For each sense (by its papers), the papers that define no one sense and write in their
    sentences a word of its long forms that no other sense's has ("the speculative reward of
    SRM"): where senses have as many defining papers, the papers that only use the acronym
    stay with the one they speak of most."""
    sense_words: dict[int, set[str]] = {}
    for form, sense in groups.items():
        sense_words.setdefault(sense, set()).update(form)
    placed = set().union(*by_sense.values())
    sentences: dict[str, set[str]] = {}
    for paper, _, _, _, sentence in rows:
        if paper not in placed:
            sentences.setdefault(paper, set()).update(words_of(sentence or ""))
    support = {}
    for sense, papers in by_sense.items():
        own = sense_words[sense] - set().union(*(sense_words[s] for s in by_sense if s != sense))
        support[frozenset(papers)] = sum(1 for words in sentences.values() if words & own)
    return support


def _long_form_words(name: str, text: str) -> frozenset[str]:
    """A long form's words (see `words_of`); none for a form of fewer than two, or one half
    spelled out ("Knowledge-based VQA" for KB-VQA): it says no sense."""
    text = _LATEX.sub("", text)
    acronym = name.lower()
    if any(inner.group().lower() in acronym for inner in _INNER_ACRONYM.finditer(text)):
        return frozenset()
    words = words_of(text)
    return words if len(words) >= 2 else frozenset()


def words_of(text: str) -> frozenset[str]:
    """The words of a text, lowercase, the small ones out, a long one by its first five
    letters ("processes" and "process", "Contextual" and "Context")."""
    return frozenset(w[:5] if len(w) > 3 else w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _SMALL)


def _group(forms: set[frozenset[str]]) -> dict[frozenset[str], int]:
    """Each long form's sense, by number: forms whose words contain each other are one sense
    (joined through the largest forms first); a form inside two senses is in none."""
    groups: dict[frozenset[str], int] = {}
    tops: list[frozenset[str]] = []
    for form in sorted(forms, key=lambda f: (-len(f), sorted(f))):
        holders = {groups[t] for t in tops if form <= t}
        if not holders:
            groups[form] = len(tops)
            tops.append(form)
        elif len(holders) == 1:
            groups[form] = holders.pop()
    return groups


def sense_key(texts: list[str]) -> str:
    """The key of the long form a sense's papers write most (singular), the first on a tie."""
    counts = Counter(" ".join(sorted(words_of(t))) for t in texts)
    top = min(counts, key=lambda k: (-counts[k], k))
    spelled = min((_LATEX.sub("", t) for t in texts if " ".join(sorted(words_of(t))) == top), key=entity_key)
    return entity_key(spelled.rstrip("s") if spelled.endswith("s") and not spelled.endswith("ss") else spelled)


def _move_sense(db, entity_id: str, name: str, current: EntityType, sense: Sense, rows: list[tuple]) -> None:
    """Move a sense's papers' mentions to `<id>~<key>`, typed by their own votes."""
    votes = [(paper, decode_evidence(vote)) for paper, _, vote, _, _ in rows if paper in sense.papers]
    decision = decide_entity(name, current, votes, 0, len(sense.papers))
    type_value = (decision.type or current).value
    child = f"{entity_id}~{sense.key}"
    db.execute("INSERT OR IGNORE INTO entities (id, name, type, variant_of, external_ids, origin) "
               "VALUES (?, ?, ?, NULL, '[]', 'discovered')", (child, name, type_value))
    db.execute("UPDATE entities SET type = ? WHERE id = ?", (type_value, child))
    for long in sense.long_forms:
        db.execute("INSERT OR IGNORE INTO aliases (key, alias, entity_id) VALUES (?, ?, ?)",
                   (entity_key(long), long, child))
    for paper in sorted(sense.papers):
        db.execute("UPDATE mentions SET entity_id = ?, type = ? WHERE entity_id = ? AND paper_id = ?",
                   (child, type_value, entity_id, paper))
        db.execute("INSERT INTO paper_changes (paper_id) VALUES (?)", (paper,))
