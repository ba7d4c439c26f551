"""Acronyms their papers spell out as methods or tasks: "semi-supervised learning (SSL)".

A discovered model, dataset or benchmark named by an acronym takes its type from the words its
papers write after it ("SSL models", "the QA benchmark"), while the papers that say what it
stands for write the long form in their text, before the acronym in brackets: "semi-supervised
learning (SSL)", "image quality assessment (QA)", "Fake Image Detection and Localization
(FIDL)". Such a long form is often no mention of the acronym's entity (the extraction stores it
as an entity of its own, or not at all), so `corpus_definitions`, which reads the stored long
forms, does not see it; this module reads the papers' text.

Where 3 or more of the acronym's papers spell it out, each long form's head
(`evidence.long_form_type`) gives a method or a task, one of them in at least half of those
papers, and none gives a model, a dataset or a benchmark, the entity is retyped to that type: the
papers that define the acronym say what it is, and the judges read it so (round 27:
"five state-of-the-art self-supervised learning methods", SSL typed MODEL, wrong-type:METHOD). A
long form is the shortest run of words before the bracket whose letters hold the acronym's
letters in order, its first word starting with the acronym's first letter (Schwartz & Hearst,
2003, in short). (docs/audit/README.md, "Tasks written with their language or domain".)
"""

from __future__ import annotations

import re
from collections import Counter

from .extract.rules.evidence import long_form_type
from .records import EntityType

_MIN_DEFINING = 3
_KINDS = frozenset((EntityType.MODEL, EntityType.DATASET, EntityType.BENCHMARK))
_TO = frozenset((EntityType.METHOD, EntityType.TASK))
# Discovered models, datasets and benchmarks named by letters, digits and hyphens, two capitals
# at least, in `_MIN_DEFINING` or more papers.
_CANDIDATES = ("SELECT id, name FROM (SELECT e.id, e.name, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id) AS papers FROM entities e "
               "WHERE e.origin = 'discovered' AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 "
               "AND e.name GLOB '[A-Z]*' AND e.name NOT GLOB '*[^A-Za-z0-9-]*' {scope}) "
               "WHERE papers >= ? ORDER BY id")
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9-]*$")
# The entity's papers whose text holds "(NAME": the only ones that can spell it out.
_TEXTS = ("SELECT DISTINCT p.id, p.title || ' . ' || p.abstract FROM mentions m JOIN papers p ON p.id = m.paper_id "
          "WHERE m.entity_id = ? AND instr(p.title || ' ' || p.abstract, '(' || ?) > 0")
_WORD = re.compile(r"[A-Za-z][\w]*(?:-\w+)*")


def spelled_out_types(db, scope: str = "") -> list[tuple[str, EntityType]]:
    """The discovered models, datasets and benchmarks in `scope` (see `corpus._scope`) whose
    papers spell their acronym out as a method or a task (see above), with that type, by id.

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id, "" for every entity.
    """
    found = []
    for entity_id, name in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id")),
                                      (_MIN_DEFINING,)).fetchall():
        if not _ACRONYM.match(name):
            continue
        bracket = re.compile(r"\(\s*" + re.escape(name) + r"s?\s*[),;]")
        forms = [form for _, text in db.execute(_TEXTS, (entity_id, name))
                 if (form := spelled_out(text, name, bracket)) is not None]
        decided = agreed_type(forms)
        if decided is not None:
            found.append((entity_id, decided))
    return found


def spelled_out(text: str, name: str, bracket: re.Pattern | None = None) -> str | None:
    """The long form a text writes before "(NAME)", or None (see above)."""
    found = (bracket or re.compile(r"\(\s*" + re.escape(name) + r"s?\s*[),;]")).search(text)
    if found is None:
        return None
    letters = [c.lower() for c in name if c.isalpha()]
    words = _WORD.findall(text[max(0, found.start() - 120):found.start()])
    for size in range(1, min(len(words), len(letters) + 2) + 1):
        run = words[-size:]
        if run[0][0].lower() != letters[0]:
            continue
        spelled = iter(" ".join(part for word in run for part in word.split("-")).lower())
        if all(letter in spelled for letter in letters):
            return " ".join(run)
    return None


def agreed_type(forms: list[str]) -> EntityType | None:
    """The method or task type that at least half of `_MIN_DEFINING` or more long forms give,
    where none gives a model, a dataset or a benchmark; else None."""
    if len(forms) < _MIN_DEFINING:
        return None
    types = Counter(long_form_type(form) for form in forms)
    if any(kind in types for kind in _KINDS):
        return None
    given = [(count, kind.value, kind) for kind, count in types.items() if kind in _TO]
    if not given:
        return None
    count, _, kind = max(given)
    return kind if 2 * count >= len(forms) else None
