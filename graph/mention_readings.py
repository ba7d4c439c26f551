"""Each mention's reading mark: whether its sentence gives its paper a reading of the name.

The corpus step gives a paper that defines or introduces a name as another thing an entity
of its own (`corpus_readings.split_paper_readings`), and only a mention whose sentence gives
such a reading (`extract.rules.evidence.paper_reading`: a type, a term, or a long form
defined) can do that. The step ran those rules over every mention of every name an ingest
touched, so a month into 70,000 papers read again the old mentions of "GPT-4" and its kind
(60% of a month's corpus step, profiled at 75k papers). Now each mention is read once and
marked in the store (`mentions.reads`, schema version 7):

- NULL: not read yet (an ingest's new rows, rows of before version 7); the partial index
  `mentions_unmarked` holds these, so the step finds them without reading the old ones;
- 0: no reading, or a mention no split reads (of a user's name, or of a gazetteer name in
  a sentence that may not introduce it, `MAY_INTRODUCE`);
- 1: a reading; the partial index `mentions_reading` holds these;
- 2: a reading that a gazetteer name's split has weighed, with the name, type and aliases
  kept in `weighed_forms`. A gazetteer name's type and forms decide alone, paper by paper,
  whether a paper reads it otherwise, so its weighed mentions need no second look until
  those change (`forget_weighed` then marks them 1 again). A discovered name's type is
  decided again at every ingest, so its marked mentions are all weighed again (1 or 2).

The marks change which rows reach the rules, never a decision: a row marked 0 moves no
paper, and the tests compare an ingest in two parts with one of every paper.
"""

from __future__ import annotations

import re

from .extract.rules.evidence import gives_reading, own_type
from .mention_votes import vote_and_definition, vote_of
from .records import PaperExtraction
from .store_schema import sentence_sql

# Mentions of a gazetteer name whose sentence may define or introduce it: the only ones the
# corpus step reads for a gazetteer name's readings (`corpus_readings.gazetteer_cases`).
# A title that opens with the name ("MARBLE: A ... Reasoning Engine") may introduce it too.
def may_introduce_sql(sentence: str) -> str:
    """The condition for the mention row `m` whose sentence is the SQL `sentence`."""
    return (f"(instr({sentence}, m.text || ' (') OR instr({sentence}, '(' || m.text || ')') "
            f"OR instr({sentence}, m.text || ': ') = 1 "
            f"OR {sentence} LIKE '%introduc%' OR {sentence} LIKE '%propos%' OR {sentence} LIKE '%present%')")


# The store keeps a sentence as its span (store_schema.sentence_sql): it is sliced once a row,
# not once a test (half the time on 200,000 rows).
MAY_INTRODUCE = (f"(WITH s(sentence) AS MATERIALIZED (SELECT {sentence_sql()}) "
                 f"SELECT {may_introduce_sql('s.sentence')} FROM s)")

_SEP = "\x1f"
# The version of the rules that read a gazetteer name's papers (`split_paper_readings`):
# kept with the forms a name was weighed with, so that a change of the rules, like a change
# of the name's forms, has its mentions weighed again.
READING_RULES = "readings-4"


def reads_of(sentence: str, text: str) -> int:
    """1 when the sentence gives its paper a reading of the name (a type, a term or a long
    form it defines: `paper_reading`), else 0."""
    return int(gives_reading(sentence, text))


def marks_with_votes(extractions: list[PaperExtraction]) -> list[PaperExtraction]:
    """The extractions with their mentions' votes (`mention_votes.add_votes`) and reading
    marks (`reading_marks`) filled in, as the extraction workers send them.

    A mention of a discovered name has both, and both ask first whether its sentence
    defines the name: the vote's answer serves the mark, which is then `own_type` alone
    (`gives_reading`; tests/test_mention_readings.py compares the two)."""
    filled = []
    for x in extractions:
        discovered = {e.id for e in x.entities if e.origin == "discovered"}
        votes, defined = [], []
        for m in x.mentions:
            if m.entity_id in discovered:
                vote, defines = vote_and_definition(m.sentence, m.text)
                votes.append(vote)
                defined.append(defines)
            else:
                votes.append(None)
                defined.append(None)
        filled.append(PaperExtraction(x.paper, x.mentions, x.entities, x.results, tuple(votes),
                                      reading_marks(x, defined, discovered)))
    return filled


def reading_marks(x: PaperExtraction, defined: list[bool | None] | None = None,
                  discovered: set[str] | None = None) -> tuple[int | None, ...]:
    """Each mention's reading mark (`reads_of`), for the mentions the corpus step may read:
    of a discovered name, or in a sentence that may introduce the name (`may_introduce`);
    None for the others. The rules cost the corpus step, which runs after every batch in
    one process, 40% of its time at 75k papers: the extraction workers compute the marks,
    beside the extraction. The store keeps a mark only where its own entity agrees
    (`store_rows.stored_mark`).

    Args:
        x: a paper's extraction.
        defined: for each mention of a discovered name, whether its sentence defines the
            name (`mention_votes.vote_and_definition`), if it was asked already.
        discovered: the ids of `x`'s entities of origin "discovered", if the caller has them.
    """
    if discovered is None:
        discovered = {e.id for e in x.entities if e.origin == "discovered"}
    sentences: dict[str, bool] = {}
    marks = []
    for i, m in enumerate(x.mentions):
        sentence, text = m.sentence, m.text
        if m.entity_id in discovered:
            if defined is None:
                marks.append(reads_of(sentence, text))
            else:
                marks.append(int(defined[i] or own_type(sentence, text) is not None))
            continue
        # The sentence's cue search made once a sentence (a paper's mentions share a few).
        introducing = sentences.get(sentence)
        if introducing is None:
            introducing = sentences[sentence] = has_introducing_cue(sentence)
        marks.append(reads_of(sentence, text) if may_introduce(sentence, text, introducing) else None)
    return tuple(marks)


_INTRODUCING = re.compile("introduc|propos|present", re.IGNORECASE | re.ASCII)


def has_introducing_cue(sentence: str) -> bool:
    """`_INTRODUCING.search(sentence)`: an ASCII sentence is lower-cased and searched for
    each word, which for ASCII text is the same test (`re.ASCII` folds the case of ASCII
    letters alone) in a fifth of the time: `re` tries a case-blind alternation at every
    character, where `in` skips to a literal in C (56,348 sentences of 10,000 abstracts:
    0.41 s against 0.09 s). Other text keeps the expression."""
    if sentence.isascii():
        lower = sentence.lower()
        return "introduc" in lower or "propos" in lower or "present" in lower
    return _INTRODUCING.search(sentence) is not None


def may_introduce(sentence: str, text: str, introducing: bool | None = None) -> bool:
    """`MAY_INTRODUCE` in Python (SQLite's LIKE ignores ASCII case alone): a bulk write
    keeps a gazetteer name's mark by it (`store_rows.stored_mark`), where the corpus step
    would judge the row by the SQL, so the two must agree (tests/extract/test_workers.py).

    `introducing`: whether the sentence holds an introducing cue, if the caller found it
    already (`reading_marks` asks once a sentence)."""
    if introducing is None:
        introducing = has_introducing_cue(sentence)
    return (introducing or ("(" in sentence and (f"{text} (" in sentence or f"({text})" in sentence))
            or sentence.startswith(f"{text}: "))


def fill_marks(db, scope: str = "", chunk: int = 20_000, on_chunk=None) -> int:
    """Compute and store what unmarked mentions (`reads` NULL) lack: the vote of a mention of a
    discovered name written without it (mention_votes.py), and the reading mark of every
    one. The rules run for mentions of discovered names and of gazetteer names whose
    sentence may introduce them; every other row is marked 0 and so leaves the index of
    unmarked rows, in one statement, without being read here.

    The rows the rules read come `chunk` at a time, in the order of the index of unmarked
    rows: holding them all at once took a gigabyte at 300,000 papers.

    Args:
        db: a connection inside the corpus step's write transaction.
        scope: an SQL condition on `{}`, the entity id column (`corpus._scope`).
        chunk: rows read and written at a time.
        on_chunk: called with the number of rows of each chunk marked (a progress bar).

    Returns:
        How many mentions got their mark.
    """
    marked = db.execute(
        "UPDATE mentions AS m INDEXED BY mentions_unmarked SET reads = 0 WHERE m.reads IS NULL "
        f"{scope.replace('{}', 'm.entity_id')} AND NOT (SELECT {_NEEDED} FROM entities e "
        "WHERE e.id = m.entity_id)").rowcount
    last: tuple = ("", 0)
    while rows := db.execute(
            f"SELECT m.rowid, {sentence_sql()}, m.text, e.origin = 'discovered' AND m.evidence IS NULL, m.entity_id "
            "FROM mentions m INDEXED BY mentions_unmarked JOIN entities e ON e.id = m.entity_id "
            f"WHERE m.reads IS NULL AND (m.entity_id, m.rowid) > (?, ?) {scope.replace('{}', 'm.entity_id')} "
            f"AND {_NEEDED} ORDER BY m.entity_id, m.rowid LIMIT ?", (*last, chunk)).fetchall():
        last = (rows[-1][4], rows[-1][0])
        db.executemany("UPDATE mentions SET evidence = ?, defines = ? WHERE rowid = ?",
                       ((*vote_of(sentence, text), rowid) for rowid, sentence, text, unvoted, _ in rows if unvoted))
        db.executemany("UPDATE mentions SET reads = ? WHERE rowid = ?",
                       ((reads_of(sentence, text), rowid) for rowid, sentence, text, _, _ in rows))
        marked += len(rows)
        if on_chunk:
            on_chunk(len(rows))
    return marked


# The mentions whose mark the rules compute (`m` a mention, `e` its entity).
_NEEDED = f"(e.origin = 'discovered' OR (e.origin = 'gazetteer' AND {MAY_INTRODUCE}))"


def gazetteer_forms(db, scope: str = "") -> dict[str, str]:
    """The name, type and aliases of each gazetteer entity in scope, as one string each."""
    found: dict[str, tuple[str, str, set[str]]] = {}
    for entity_id, name, type_, alias in db.execute(
            "SELECT e.id, e.name, e.type, a.alias FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id "
            f"WHERE e.origin = 'gazetteer' {scope.replace('{}', 'e.id')}"):
        found.setdefault(entity_id, (name, type_, set()))[2].add(alias or "")
    return {i: _SEP.join((READING_RULES, name, type_, *sorted(aliases))) for i, (name, type_, aliases) in found.items()}


def forget_weighed(db, forms: dict[str, str]) -> int:
    """Mark 1 again the weighed mentions of gazetteer names whose forms changed since they
    were weighed, so that the split reads them again; returns how many names changed."""
    changed = [i for i, kept in _weighed_forms(db, list(forms)) if kept != forms[i]]
    db.executemany("UPDATE mentions SET reads = 1 WHERE entity_id = ? AND reads = 2", ((i,) for i in changed))
    return len(changed)


def mark_weighed(db, forms: dict[str, str]) -> None:
    """Mark 2 the marked mentions of these gazetteer names (the split has read them) and keep
    the forms they were weighed with."""
    db.executemany("UPDATE mentions INDEXED BY mentions_reading SET reads = 2 WHERE entity_id = ? AND reads = 1",
                   ((i,) for i in forms))
    db.executemany("INSERT OR REPLACE INTO weighed_forms VALUES (?, ?)", sorted(forms.items()))


def _weighed_forms(db, ids: list[str], chunk: int = 900) -> list[tuple[str, str]]:
    rows = []
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        rows.extend(db.execute(f"SELECT entity_id, forms FROM weighed_forms WHERE entity_id IN "
                               f"({','.join('?' * len(part))})", part).fetchall())
    return rows
