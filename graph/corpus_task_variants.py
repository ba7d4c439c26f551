"""Tasks written with their language or domain: "Arabic ASR models", "English GEC datasets".

A discovered model, dataset or benchmark whose name is a listed task (a gazetteer TASK name
or alias: "ASR", "VQA", "GEC", "sentiment analysis") after a word that says which language,
domain or setting ("Arabic ASR", "Document VQA", "English GEC", "Aerial VLN", "Indonesian
sentiment analysis") names that task done there, not a thing: the type noun after it made
the extraction vote for a model or a dataset ("train an Arabic ASR model", "the most common
English GEC datasets", "the evaluation of Document VQA models"), and each paper's mention reads
so on its own. The corpus step retypes it TASK (docs/audit/README.md, "Tasks written with their
language or domain"; round 27 judged Document VQA wrong-type:TASK).

The words before the task are common words, not a name: one word with at most its first letter
capitalised and lowercase words after it ("German multimodal sarcasm detection"), none of them
the name of a model, dataset, benchmark or method the store holds ("Whisper ASR", "SpaCy NER":
a named model's component), and the first word written in 30 or more papers of the corpus (a
rare word is more often a coined name: "Parler TTS", "Voxtral TTS"). A capitalised first word
must be written so inside a sentence in some paper's abstract: a word capitalised only at a
sentence's or title's start is an ordinary word there ("Training SR models typically requires
...", "Popular ASR test sets"). A paper that names a thing so keeps it: one that introduces it
("NAME, a/an ...", role INTRODUCES), names a thing so ("named NAME") or gives it its own acronym
("Counterfactual COD (CF-COD), a paired benchmark").

Entities in one or two papers are not read. Over every paper count the test retypes 30
entities at 75,000 papers, 29 of them rightly ("Czech ABSA", "Vietnamese MRC", "Japanese VQA";
not "multi-turn conversational AI"), but the step's verdict, which reads each mention's vote
("an Arabic ASR model" votes MODEL), types them back before this rule on a second step: in the
first 6,000 papers of the corpus three such entities in one or two papers made a second step
retype six times (tests/test_corpus.py's fixed point). In three or more papers the
retyped entities are five at 75,000 papers and none in those 6,000.
"""

from __future__ import annotations

import re

from .records import entity_id as id_of_name
from .store_schema import FIELD_TEXT

# The first word of the corpus this many papers write (read through the full-text index).
_WORD_PAPERS = 30
_TASK_FORMS = ("SELECT name FROM entities WHERE origin = 'gazetteer' AND type = 'TASK' UNION "
               "SELECT a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
               "WHERE e.origin = 'gazetteer' AND e.type = 'TASK'")
_MIN_PAPERS = 3
_CANDIDATES = ("SELECT id, name FROM (SELECT e.id, e.name, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id) AS papers FROM entities e "
               "WHERE e.origin = 'discovered' AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 "
               "AND instr(e.name, ' ') > 0 {scope}) WHERE papers >= ? ORDER BY id")
_NAMED_TYPES = ("MODEL", "DATASET", "BENCHMARK", "METHOD")
# An entity's mentions: role, whether it stands inside an abstract's sentence, the text
# before and after it.
_ROWS = (f"SELECT m.role, m.field = 'abstract' AND m.start > m.sentence_start, "
         f"substr({FIELD_TEXT}, max(1, m.start - 19), min(m.start, 20)), substr({FIELD_TEXT}, m.\"end\" + 1, 40) "
         "FROM mentions m JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ?")
_FIRST_WORD = re.compile(r"^[A-Za-z][a-z]+(?:-[a-z]+)*$")
_LOWER_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
# "NAME, a/an ...", "NAME (CF-COD)": a paper introduces a thing of that name or gives it an acronym.
_APPOSITION = re.compile(r"^\s*(?:\([^()]*\))?\s*[,:]\s+(?:a|an)\s")
_OWN_ACRONYM = re.compile(r"^\s*\(\s*[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*\s*\)")
_NAMING = re.compile(r"\b(?:named|termed|called|dubbed)\s+$")
_PAPERS_WITH_WORD = "SELECT count(*) FROM (SELECT 1 FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?)"


def task_variants(db, scope: str = "") -> list[str]:
    """The discovered models, datasets and benchmarks in `scope` (see `corpus._scope`), in
    `_MIN_PAPERS` or more papers, named by a listed task after common words (see above), in id order.

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id, "" for every entity.

    Returns:
        Their ids, to retype TASK.
    """
    tasks = {form for form, in db.execute(_TASK_FORMS) if form}
    found = []
    for entity_id, name in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id")),
                                      (_MIN_PAPERS,)).fetchall():
        qualifier = task_qualifier(name, tasks)
        if qualifier and not _names_a_thing(db, qualifier) and _written_as_task(db, entity_id, qualifier):
            found.append(entity_id)
    return found


def task_qualifier(name: str, tasks: set[str]) -> list[str] | None:
    """The words before the longest listed task that ends `name` ("Arabic" of "Arabic ASR"),
    where they are common words in shape (see above); else None."""
    words = name.split(" ")
    for cut in range(1, len(words)):
        if " ".join(words[cut:]) in tasks:
            before = words[:cut]
            if _FIRST_WORD.match(before[0]) and all(_LOWER_WORD.match(word) for word in before[1:]):
                return before
            return None
    return None


def _names_a_thing(db, words: list[str]) -> bool:
    """Whether the words are a name the store holds, or their first word is rare in the corpus."""
    held = db.execute("SELECT type FROM entities WHERE id = ?", (id_of_name(" ".join(words)),)).fetchone()
    if held and held[0] in _NAMED_TYPES:
        return True
    first = words[0].split("-")[0]
    return db.execute(_PAPERS_WITH_WORD, (f'"{first}"', _WORD_PAPERS)).fetchone()[0] < _WORD_PAPERS


def _written_as_task(db, entity_id: str, qualifier: list[str]) -> bool:
    """Whether no paper names a thing so, and a capitalised first word is written so inside an
    abstract's sentence somewhere."""
    inside = not qualifier[0][0].isupper()
    for role, within, before, after in db.execute(_ROWS, (entity_id,)):
        after, before = after or "", before or ""
        if (role == "INTRODUCES" or _APPOSITION.match(after) or _OWN_ACRONYM.match(after)
                or _NAMING.search(before)):
            return False
        inside = inside or bool(within)
    return inside
