"""Acronyms whose papers define them as other things: "Marginalized Bundle Adjustment (MBA)".

A discovered model named by an acronym in 3 or more papers took its type from the words
written after it in some of them ("RBD models", "MPP module ... the MPP model"), while the
papers that say what the acronym stands for define it by a long form that names no model:
a method ("Marginalized Bundle Adjustment (MBA)", "Progressive Chain of Thought (P-CoT)"), a
task ("Shot Sequence Ordering (SSO)"), a metric ("Graph Response Efficiency (GRE)"), a
wave, a standard, a field ("Initial Wave Packet (IWP)", "cell-free massive MIMO
(CF-mMIMO)"), or three different things in three papers ("Reasoning-based Bias Detector",
"Recursive Binary Diagnosis", "Redistribution-driven Bit Determination (RBD)"). A model's
long form has a model's head ("Multi-level Mixture of Experts (MMoE) model", "Hierarchical
Reasoning Model (HRM)"), and the judges read the acronym through its definition, its best
evidence (docs/audit/README.md, "Rules after round 23"; rounds 15-23 judged P-CoT, ANSWER,
RBD, ViTL and MBA wrong so).

Such an acronym is no model name where no paper defines it as a model (by the long form's
head, `long_form_type`, or by a model noun after the definition, the stored `defines`), more
papers define it than call it a model without defining it, and no paper introduces a thing
so named ("NAME, a/an ...", "named NAME"; `corpus_classes.introduced`). A listed or
introduced model with a definition that says it is one ("Masked Autoregressive model (MAR)",
"Equiangular Tight Frame (ETF) classifier") is kept.

Such an acronym is retyped, not held, where its definitions agree on one other type of the
six (`defined_type`): a dataset ("Dataset for Evaluating the Aesthetics of Rendering (DEAR)"),
a task ("Monocular 3D object detection (Mono3D)"), a method ("Active Learning by Processing
Surprisal (ALPS)"). Where they give none or disagree (RBD's three long forms) it is held.
"""

from __future__ import annotations

import re
from collections import Counter

from .corpus_classes import introduced
from .extract.rules.evidence import NAMED_DEFINITION, UNTYPED_DEFINITION, long_form_type
from .records import EntityType
from .store_schema import FIELD_TEXT

_MIN_PAPERS = 3
# Discovered models named by letters, digits and hyphens, a letter or digit first, in
# `_MIN_PAPERS` or more papers; `ACRONYM` then asks for two capitals ("MBA", "P-CoT", "3D-VL").
_CANDIDATES = ("SELECT id, name FROM (SELECT e.id, e.name, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id) AS papers FROM entities e "
               "WHERE e.origin = 'discovered' AND e.type = 'MODEL' AND instr(e.id, '~') = 0 "
               "AND e.name GLOB '[A-Za-z0-9]*' AND e.name NOT GLOB '*[^A-Za-z0-9-]*' {scope}) "
               "WHERE papers >= ? ORDER BY id")
ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9][A-Za-z0-9-]*$")
# The votes of a definition (`extract.rules.evidence.definition_evidence`) that give no type.
_UNTYPED = (NAMED_DEFINITION, UNTYPED_DEFINITION)
# An entity's mentions: paper, text, what follows and precedes it in its field, its vote and
# the type its definition gives ("" for none).
_ROWS = (f"SELECT m.paper_id, m.text, substr({FIELD_TEXT}, m.\"end\" + 1, 40), "
         f"substr({FIELD_TEXT}, max(1, m.start - 59), min(m.start, 60)), m.evidence, m.defines "
         "FROM mentions m JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ?")


def defined_as_other_things(db, scope: str = "") -> list[tuple[str, EntityType | None]]:
    """The discovered models named by an acronym that their papers define as no model (see
    above), sorted by id, each with the type its definitions give it (None: to hold as no name).

    Args:
        db: a connection to the store, inside the corpus step and after its verdicts.
        scope: which entities to read, as `corpus._scope` writes it ("" for all).
    """
    where = scope.replace("{}", "e.id")
    found = []
    for entity_id, name in db.execute(_CANDIDATES.format(scope=where), (_MIN_PAPERS,)).fetchall():
        rows = db.execute(_ROWS, (entity_id,)).fetchall() if ACRONYM.match(name) else []
        if rows and defines_no_model(rows):
            found.append((entity_id, defined_type(rows)))
    return found


def is_long_form(text: str, vote: str, defined: str) -> bool:
    """Whether a mention is the long form of a definition: a definition's vote or a type it
    defines, on words ("Marginalized Bundle Adjustment"), not the acronym itself."""
    return (vote in _UNTYPED or bool(defined)) and " " in text.strip()


def defines_no_model(rows: list[tuple[str, str, str, str, str, str]]) -> bool:
    """Whether an acronym's mentions, (paper, text, text after, text before, vote, defined
    type) rows, show it defined as no model: some paper defines it by a long form, none as a
    model, more papers define it than call it a model otherwise, and none introduces it."""
    defining, as_model, called_model = set(), set(), set()
    for paper, text, _, _, vote, defined in rows:
        if defined == EntityType.MODEL.value:
            as_model.add(paper)
        if is_long_form(text, vote, defined):
            defining.add(paper)
            if long_form_type(text) is EntityType.MODEL:
                as_model.add(paper)
        elif vote == EntityType.MODEL.value:
            called_model.add(paper)
    if not defining or as_model or len(defining) <= len(called_model - defining):
        return False
    return not introduced([row[:4] for row in rows])


# A long form's head before its first preposition: "[Dataset] for Evaluating the Aesthetics of
# Rendering", "[Active Learning] by Processing Surprisal".
_HEAD_BEFORE = re.compile(r"^(.+?)\s+(?:for|of|by|with|via|from|in|on|to)\s", re.IGNORECASE)
_TYPE_VALUES = frozenset(entity_type.value for entity_type in EntityType)


def defined_type(rows: list[tuple[str, str, str, str, str, str]]) -> EntityType | None:
    """The one type of the six, other than a model, that the papers defining an acronym
    give it (`defines_no_model`'s rows), or None: each paper's definitions must give it one
    type, and at least half of the defining papers that one, no other paper another."""
    by_paper: dict[str, set[EntityType]] = {}
    for paper, text, _, _, vote, defined in rows:
        if is_long_form(text, vote, defined):
            by_paper.setdefault(paper, set()).update(filter(None, [definition_type(text, vote, defined)]))
    if any(len(types) > 1 for types in by_paper.values()):
        return None  # a paper that defines it as two things
    given = Counter(next(iter(types)) for types in by_paper.values() if types)
    if len(given) != 1:
        return None
    (found, papers), = given.items()
    return found if found is not EntityType.MODEL and 2 * papers >= len(by_paper) else None


def definition_type(long: str, vote: str, defined: str) -> EntityType | None:
    """The type one definition gives: the one its paper stored (the long form's head or a type
    noun after it, `evidence.definition_evidence`), else the head before a preposition."""
    for value in (defined, vote):
        if value in _TYPE_VALUES:
            return EntityType(value)
    head = _HEAD_BEFORE.match(long.strip())
    return long_form_type(head.group(1)) if head else long_form_type(long)
