"""Names that titles capitalise: "Mobile GUI Agents", "Medical VQA", "A Multilingual Speech Corpus".

A title capitalises every word, so a class of things it names ("UI-Genie: ... Boosting MLLM-based
Mobile GUI Agents", "Toward Effective Reinforcement Learning Fine-Tuning for Medical VQA",
"EuroSpeech: A Multilingual Speech Corpus") looks like a name, and one paper's type noun after it
("three standard Mobile GUI-Agents benchmarks") types it. Over the corpus such an entity shows
itself: most of its papers name it in their title only, and abstracts write the same words in
lowercase ("mobile GUI agents", "medical VQA", "lightweight CNN"). Rounds 15-25 judged Mobile
GUI-Agents (three times), Medical VQA and Multilingual Speech Corpus not names so
(docs/audit/README.md, "Rules after round 25").

`corpus_words.common_word_entities` reads names of capitalised words only, in any field; this
reads names of capitalised words and acronyms ("GUI", "VQA", "CNN", kept as they are when the
words are lowered), at least one of them a capitalised word, where more than half the entity's
papers name it in their title only. A name that is a thing is written in abstracts as it is
("MultiUAV-Plat", "SemEval 2025 Task 11", digits being left to the names they belong to), and a
paper that introduces it ("Hybrid-LLM, a proof-of-concept architecture") keeps it
(`corpus_classes.introduced`).
"""

from __future__ import annotations

import re

from .corpus_classes import introduced
from .store_schema import FIELD_TEXT

_MIN_PAPERS = 3
# Abstracts of this many of the first `_WINDOW` papers of the full-text index that hold the words
# write them in lowercase (`corpus_capitals._LOWERCASE_MIN`, the rare words' minimum).
_LOWERCASE_MIN = 3
_WINDOW = 100
# Discovered models, datasets and benchmarks of words (letters, spaces, hyphens) in
# `_MIN_PAPERS` or more papers, more than half of whose papers name them in their title only.
_CANDIDATES = ("SELECT id, name FROM (SELECT e.id, e.name, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id) AS papers, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id AND NOT EXISTS "
               "(SELECT 1 FROM mentions a WHERE a.entity_id = e.id AND a.paper_id = m.paper_id AND a.field != 'title')) "
               "AS titled FROM entities e WHERE e.origin = 'discovered' AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') "
               "AND instr(e.id, '~') = 0 AND e.name GLOB '[A-Z]*[ -]*' AND e.name NOT GLOB '*[^A-Za-z -]*' {scope}) "
               "WHERE papers >= ? AND titled * 2 > papers ORDER BY id")
# A capitalised word ("Mobile") or an acronym, plural or not ("GUI", "LLMs").
_WORD = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]{2,}s?)$")
_LOWERCASE = ("SELECT count(*) FROM (SELECT 1 FROM (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? "
              "ORDER BY rowid LIMIT ?) f JOIN papers p ON p.rowid = f.rowid "
              "WHERE p.abstract GLOB ? OR p.abstract GLOB ? LIMIT ?)")
# An entity's mentions: paper, text, what follows and precedes it in its field (`introduced`).
_ROWS = (f"SELECT m.paper_id, m.text, substr({FIELD_TEXT}, m.\"end\" + 1, 40), "
         f"substr({FIELD_TEXT}, max(1, m.start - 59), min(m.start, 60)) "
         "FROM mentions m JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ?")


def title_case_classes(db, scope: str = "") -> list[str]:
    """The discovered models, datasets and benchmarks in `scope` (see `corpus._scope`) that
    most of their papers name in a title only and that abstracts write in lowercase (see
    above), in id order.

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id, "" for every entity.

    Returns:
        The ids of the entities to hold as not names.
    """
    found = []
    for entity_id, name in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id")), (_MIN_PAPERS,)).fetchall():
        words = lowered_words(name)
        if words and _written_in_lowercase(db, words) and not _introduced(db, entity_id):
            found.append(entity_id)
    return found


def _introduced(db, entity_id: str) -> bool:
    # the name may close a LaTeX group: "\textbf{Hybrid-LLM}, a proof-of-concept architecture"
    return introduced([(paper, text, after.removeprefix("}"), before)
                       for paper, text, after, before in db.execute(_ROWS, (entity_id,))])


def lowered_words(name: str) -> list[str] | None:
    """The words of a name of capitalised words and acronyms, the capitalised ones lowered
    ("Mobile GUI-Agents" -> mobile, GUI, agents); None for another shape or no capitalised word."""
    words = re.split(r"[ -]", name)
    if not all(_WORD.match(word) for word in words) or not any(word[1:].islower() for word in words):
        return None
    return [word.lower() if word[1:].islower() else word for word in words]


def _written_in_lowercase(db, words: list[str]) -> bool:
    phrase = '"' + " ".join(words) + '"'
    patterns = (f"*[^A-Za-z]{' '.join(words)}[^A-Za-z]*", f"*[^A-Za-z]{'-'.join(words)}[^A-Za-z]*")
    return db.execute(_LOWERCASE, (phrase, _WINDOW, *patterns, _LOWERCASE_MIN)).fetchone()[0] >= _LOWERCASE_MIN
