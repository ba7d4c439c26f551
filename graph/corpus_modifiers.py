"""Names written as a likeness ("OpenClaw-style workstation systems") name no thing there.

"NAME-style", "NAME-like", "NAME-inspired", "NAME-esque" and "NAME-alike" make an adjective
of a name: "RAFT-like architectures", "MVTec-style pixel-level annotations", "FLAN-style
prompting" speak of things that resemble the model or the data, not of it, and the paper
neither uses nor evaluates it. Round 26 judged two such sentences, a model's best evidence,
wrong (OpenClaw, through "OpenClaw-style workstation systems (OpenClaw)"; FLAN: docs/audit/README.md, "Rules after round 26"). The extraction keeps
these mentions where a cue types the name elsewhere in the sentence; the corpus step holds each
such mention of a discovered model, dataset or benchmark as not a name, so the entity is read
through its other papers, and an entity named only so is gone.
"""

from __future__ import annotations

import re

from .corpus_readings import hold_mention
from .store_schema import FIELD_TEXT

# The suffixes, as written right after the name (compared lowercased, with the next character
# not a letter, so that "-likelihood" stays).
_LIKENESS = ("-style", "-like", "-inspired", "-esque", "-alike")
# A long form that is a likeness of a lowercase class ("OpenClaw-style workstation systems
# (OpenClaw)"): the acronym then abbreviates the class.
_LIKENESS_LONG_FORM = re.compile(r"^\S+-(?:style|like|inspired|esque|alike) [a-z]")
_AFTER = f"lower(substr({FIELD_TEXT}, m.\"end\" + 1, 11))"
_ROWS = ("SELECT m.entity_id, m.paper_id, m.field, m.start, m.text, " + _AFTER + " FROM mentions m "
         "JOIN entities e ON e.id = m.entity_id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.origin = 'discovered' AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') "
         "AND (substr(" + _AFTER + ", 1, 1) = '-' OR m.text GLOB '*-[a-z]* [a-z]*') {scope} ORDER BY m.entity_id, m.paper_id, m.field, m.start")


def hold_likeness_mentions(db, scope: str = "") -> int:
    """Hold the mentions of discovered models, datasets and benchmarks written right before a
    likeness suffix ("NAME-style", see above).

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The mentions held.
    """
    held = 0
    for entity_id, paper, field, start, text, after in db.execute(
            _ROWS.format(scope=scope.replace("{}", "m.entity_id"))).fetchall():
        if written_as_likeness(after) or _LIKENESS_LONG_FORM.match(text or ""):
            hold_mention(db, entity_id, paper, field, start)
            held += 1
    return held


def written_as_likeness(after: str | None) -> bool:
    """Whether the text right after a name starts with a likeness suffix, a whole word
    ("-style", "-like," but not "-likelihood")."""
    after = (after or "").lower()
    return any(after.startswith(suffix) and not after[len(suffix):len(suffix) + 1].isalpha()
               for suffix in _LIKENESS)
