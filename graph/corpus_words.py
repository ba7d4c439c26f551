"""Names that the corpus writes as common words: "Planner", "Teacher", "Speech Corpus".

A discovered model, dataset or benchmark named by one capitalised word or by capitalised
words ("Planner", "Parallel Corpus") is no name where the corpus writes those words in
lowercase in more papers than name the entity: a role ("a [[Planner]] model generates a
program ... executed by Follower models"), a common noun a title capitalised ("TMASC:
Transmasculine Attitude and [[Speech Corpus]]"). The corpus step's verdict reads an entity's
own papers only (`entity_verdict._decide_once` asks whether they write it in lowercase), and
those are the papers where the extractor took the word for a name; the other papers of the
corpus say what the word is. A name that is a word ("Moltbook", "Conformer", "Sudoku") is in
lowercase in few papers or none.

The corpus's papers are read through the full-text index (`papers_fts`), in the store's
order, up to `_WINDOW` papers that hold the words in any case; only where `_LOWERCASE_MIN`
of them (and as many as name the entity) write them in lowercase are the entity's own
mentions read (`written_as_words`). Entities in one or two papers are not read: in two
papers, one that names a thing by the word ("Infinity ... a binary-quantized generative
model", "Double: Breaking the Acceleration Limit ...") is half the evidence (4 of the 13
such entities held at 75,000 papers were such), and the 3,300 candidates in one paper would
cost about 2 CPU s more, against 0.2 for the rest.

Since this reads papers that do not name the entity, a step over the touched entities of a
later ingest (an incremental one) weighs the new papers' lowercase words only for the
entities those papers name; the words' counts grow slowly, and a full step weighs all.
"""

from __future__ import annotations

import re

from .extract.rules.evidence import is_capitalised_word, is_capitalised_words
from .store_schema import FIELD_TEXT

# An entity is a common word where this many papers, and at least as many as name it, write
# its words in lowercase (docs/audit/README.md, "Rules after round 20": measured at 75k).
_LOWERCASE_MIN = 10
_MIN_PAPERS = 3

# Names of letters, spaces and hyphens that start with a capital and a lowercase letter (the
# shapes `is_capitalised_word` and `is_capitalised_words` take, and a few more that they
# then refuse), in `_MIN_PAPERS` or more papers.
_CANDIDATES = ("SELECT id, name, papers FROM (SELECT e.id, e.name, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id) AS papers FROM entities e "
               "WHERE e.origin = 'discovered' AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 "
               "AND e.name GLOB '[A-Z][a-z]*' AND e.name NOT GLOB '*[^A-Za-z -]*' "
               "AND e.name NOT GLOB '*[A-Za-z][A-Z]*' {scope}) "
               "WHERE papers >= ? ORDER BY id")
# The papers that hold the words, in the store's order, are read up to `_WINDOW` of them: a
# name written capitalised in thousands of papers ("Gaussian", "Markov") costs no more than
# the rest (0.4 CPU s for "Gaussian" alone, read through).
_WINDOW = 100
# An entity's mentions: paper, text, stored vote, and what follows the mention in its sentence.
_ROWS = (f"SELECT m.paper_id, m.text, m.evidence, substr({FIELD_TEXT}, "
         "m.\"end\" + 1, min(m.sentence_end - m.\"end\", 120)) FROM mentions m JOIN papers p ON p.id = m.paper_id "
         "WHERE m.entity_id = ?")
# "NAME, a/an ...": a paper introduces or describes a thing of that name ("we propose Manager, a lightweight
# ... plugin", "we produce Orchestrator, an 8B model").
_APPOSITION = re.compile(r"^\s*(?:\([^()]*\))?\s*,\s+(?:a|an)\s")
# "NAME, X and Y benchmarks": the name is an item of a list of data ("on two-state, Random Walk, and Boyan
# Chain benchmarks"); the list's noun votes for its last item only.
_LISTED_DATA = re.compile(r"^(?:\s*,?\s*(?:and\s+|or\s+)?[A-Z0-9][\w.-]*(?:\s[A-Z0-9][\w.-]*)*)+"
                          r"\s+(?:benchmarks|datasets|environments|suites)\b")
_DATA_VOTES = frozenset(("DATASET", "BENCHMARK"))  # `mention_votes.encode_evidence` of those types
_TEXT = "' ' || p.title || ' ' || p.abstract || ' '"
_LOWERCASE = ("SELECT count(*) FROM (SELECT 1 FROM (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? "
              "ORDER BY rowid LIMIT ?) f JOIN papers p ON p.rowid = f.rowid "
              f"WHERE (instr(p.title, ?) OR instr(p.abstract, ?)) AND ({_TEXT} GLOB ? OR {_TEXT} GLOB ?) LIMIT ?)")


def common_word_entities(db, scope: str = "") -> list[str]:
    """The discovered models, datasets and benchmarks in `scope` (see `corpus._scope`)
    named by words the corpus writes in lowercase (see above), in id order.

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id, "" for every entity.

    Returns:
        The ids of the entities to hold as not names.
    """
    candidates = [(entity_id, name, papers) for entity_id, name, papers
                  in db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id")), (_MIN_PAPERS,))
                  if is_capitalised_word(name) or is_capitalised_words(name)]
    return [entity_id for entity_id, name, papers in candidates if _is_common_word(db, entity_id, name, papers)]


def _is_common_word(db, entity_id: str, name: str, papers: int) -> bool:
    if not written_in_lowercase(db, name, max(_LOWERCASE_MIN, papers)):
        return False
    return written_as_words(name, db.execute(_ROWS, (entity_id,)).fetchall())


def written_in_lowercase(db, name: str, needed: int) -> bool:
    """Whether `needed` of the first `_WINDOW` papers of the full-text index that hold the
    words of `name` write them in lowercase (or the last in the plural)."""
    lowered = name.lower()
    phrase = '"' + " ".join(lowered.replace("-", " ").split()) + '"'
    patterns = (f"*[^A-Za-z]{lowered}[^A-Za-z]*", f"*[^A-Za-z]{lowered}s[^A-Za-z]*")  # the word, or its plural
    return db.execute(_LOWERCASE, (phrase, _WINDOW, lowered, lowered, *patterns, needed)).fetchone()[0] >= needed


def written_as_words(name: str, rows: list[tuple[str, str, str, str]]) -> bool:
    """Whether an entity's mentions, (paper, text, stored vote, text after it) rows, write it
    as the words of its name: no paper introduces a thing so named ("NAME, a/an ..."); more
    than half its papers write it only as the words are, capitalised or not ("Teacher", not
    "SECOND", "DiFF", "LoGos", nor a long form beside the acronym: those papers name
    something); and fewer than a third call it data ("the Spring benchmark", "the Seamless
    Interaction dataset", or an item of a list of them: a name of data that is a word)."""
    word_form: dict[str, bool] = {}
    data: set[str] = set()
    for paper, text, vote, after in rows:
        if _APPOSITION.match(after):
            return False
        word_form[paper] = word_form.get(paper, True) and text in (name, name.lower())
        if vote in _DATA_VOTES or _LISTED_DATA.match(after):
            data.add(paper)
    return sum(word_form.values()) * 2 > len(word_form) and len(data) * 3 < len(word_form)
