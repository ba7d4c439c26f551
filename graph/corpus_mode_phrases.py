"""Task phrases led by a word of stage, mode or standing: "initial prediction", "static retrieval".

Discovery takes a lowercase phrase ending in a task noun ("prediction", "generation",
"segmentation", "retrieval") for a TASK, and most are tasks ("disease prediction", "organ
segmentation"): the word before the noun says what is predicted or segmented. Where that word
says instead when a step comes in a pipeline ("initial", "subsequent", "final", "preliminary"),
how it is done or how good it is ("direct", "static", "discrete", "vanilla", "naive", "modern",
"baseline", "theoretical", "surface-level", "unique"), the phrase describes one paper's step or
result: "At the [[initial prediction]] stage", "unlike finetuning or [[static retrieval]]
methods", "two [[modern segmentation]] pipelines", "an end-to-end network for [[direct
prediction]] from 2D image to 3D avatar" (rounds 15-33 judged 13 such rows not-a-name,
none ok; docs/audit/README.md, "Rules after round 33, discovered tasks and methods").

The word list is of English adjectives of order, manner and standing (the grading words of
`extract.rules.junk_shapes` are of quality: "poor", "better"); it names no task. A discovered
TASK in lowercase words led by one of them is held as no name, unless a paper names it as a thing:
gives it an acronym ("direct speech translation (DST)"), introduces it (role INTRODUCES), or writes it
capitalised inside a sentence ("Direct Preference Prediction"), the signs of a coined task.
"""

from __future__ import annotations

import re

from .store_schema import FIELD_TEXT

# Words of order in a pipeline, of manner and of standing (not of what is done, nor of a
# setting the literature names tasks by: "few-shot", "real-time", "high-fidelity", "global").
MODE_WORDS = frozenset(
    """initial subsequent final preliminary direct static discrete vanilla naive modern baseline
    theoretical surface-level unique mere""".split())

_CANDIDATES = ("SELECT id, name FROM entities WHERE origin = 'discovered' AND type = 'TASK' "
               "AND instr(id, '~') = 0 AND instr(name, ' ') > 0 AND name = lower(name) {scope} ORDER BY id")
# An entity's mentions: role, its text as written, whether it stands inside an abstract's
# sentence (not at its start, where any word is capitalised), the text right after it.
_ROWS = (f"SELECT m.role, m.text, m.field = 'abstract' AND m.start > m.sentence_start, "
         f"substr({FIELD_TEXT}, m.\"end\" + 1, 24) "
         "FROM mentions m JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ?")
_OWN_ACRONYM = re.compile(r"^\s*\(\s*[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*\s*\)")


def mode_phrases(db, scope: str = "") -> list[str]:
    """The discovered lowercase TASKs in `scope` led by a word of `MODE_WORDS` that no paper
    names as a thing (see above), in id order.

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        Their ids, to hold as not a name.
    """
    found = []
    for entity_id, name in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "id"))).fetchall():
        if led_by_mode_word(name) and not _named_as_thing(db, entity_id):
            found.append(entity_id)
    return found


def led_by_mode_word(name: str) -> bool:
    """Whether the phrase's first word is a word of stage, mode or standing."""
    return name.split(" ", 1)[0] in MODE_WORDS


def _named_as_thing(db, entity_id: str) -> bool:
    """Whether some paper gives the phrase an acronym, introduces it, or writes it capitalised
    inside a sentence."""
    for role, text, within, after in db.execute(_ROWS, (entity_id,)):
        if role == "INTRODUCES" or _OWN_ACRONYM.match(after or "") or (within and (text or "")[:1].isupper()):
            return True
    return False
