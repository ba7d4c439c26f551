"""Gazetteer words capitalised by their place: "Traffic Sign Detection", "the United Nations".

A gazetteer dataset or benchmark named by one common word ("Traffic", "Weather", "Tourism",
"Mushroom", "Humanoid") is matched wherever a paper capitalises the word, and a title
capitalises every word ("Hazard-Aware Traffic Scene Graph Generation", "Finding Diamonds in
Conversation Haystacks") as a sentence capitalises its first ("Tourism and travel planning
increasingly rely on ..."). There the capital says nothing of a name: the word is the word,
and the judges read it so (docs/audit/README.md, "Rules after round 23"; rounds 17-23 judged
Tourism, Mushroom and Diamonds not names by such sentences). Inside a sentence, right after a
capitalised word, it is the last word of a longer name ("the United Nations", "the National
Weather Service", "a Global Actor"). Elsewhere the capital is the paper's ("on the ETTh1,
Weather and Traffic datasets"), and those mentions stay.

A mention is held where its entity is such a gazetteer name, the corpus writes the word in
lowercase (`corpus_words.written_in_lowercase`: proper names, "Reddit", "Wikipedia", are not),
the mention writes the name as it is, stands in a title, first in a sentence or a title's
part, or right after a capitalised word that does not open the sentence, and neither a data
noun nor a list of names follows it ("Traffic dataset", "the Iris Dataset"). The lowercase
mentions of such names are held by `corpus_readings.hold_lowercase_readings`.
"""

from __future__ import annotations

import re

from .corpus_readings import SENTENCE_OPENING, hold_mention
from .corpus_words import written_in_lowercase
from .extract.rules.evidence import is_capitalised_word
from .extract.rules.name_use import DATA_NOUNS
from .store_schema import FIELD_TEXT

# The corpus writes the word in lowercase in this many papers (a name of data that is a rare
# word, "Mushroom" 3-9 papers at 75,000, is written so in few; "Reddit" in none).
_LOWERCASE_MIN = 3
# Mentions of gazetteer datasets and benchmarks written as their name is: entity, name,
# paper, field, start, the text before the mention (24 characters) and after it.
_ROWS = ("SELECT m.entity_id, e.name, m.paper_id, m.field, m.start, "
         f"substr({FIELD_TEXT}, max(1, m.start - 23), min(m.start, 24)), substr({FIELD_TEXT}, m.\"end\" + 1, 30) "
         "FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.origin = 'gazetteer' AND e.type IN ('DATASET', 'BENCHMARK') AND m.text = e.name "
         "AND e.name GLOB '[A-Z][a-z]*' {scope} ORDER BY m.entity_id, m.paper_id, m.field, m.start")
# A capitalised word and a space right before the mention, inside a sentence: "United ".
_NAME_BEFORE = re.compile(r"(?<![.!?:;]\s)\b[A-Z][a-z]+\s$")
_NEXT_WORD = re.compile(r"^\s*([A-Za-z]+)")
# A list of names after the mention: "Spider and BIRD established ...", "Traffic, Weather".
_LIST_AFTER = re.compile(r"^\s*(?:,|and\s|or\s)\s*[A-Z0-9]")


def hold_title_case_words(db, scope: str = "") -> int:
    """Hold the mentions of gazetteer datasets and benchmarks named by a common word that
    stand where every word is capitalised and no data noun follows (see above).

    Args:
        db: the store's connection, in the corpus step's transaction.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The mentions held.
    """
    rows = db.execute(_ROWS.format(scope=scope.replace("{}", "m.entity_id"))).fetchall()
    placed = [row for row in rows if is_capitalised_word(row[1]) and capitalised_by_place(row[3], row[5], row[6])]
    common = {name for name in sorted({row[1] for row in placed}) if written_in_lowercase(db, name, _LOWERCASE_MIN)}
    held = 0
    for entity_id, name, paper, field, start, _, _ in placed:
        if name in common:
            hold_mention(db, entity_id, paper, field, start)
            held += 1
    return held


def capitalised_by_place(field: str, before: str, after: str) -> bool:
    """Whether a mention in this field ("title" or "abstract"), with this text before it
    and after it, stands where every word is capitalised (a title, a sentence's first word)
    or inside a longer name ("United Nations"), and before no data noun nor a list of names."""
    following = _NEXT_WORD.match(after)
    if following and following.group(1).lower() in DATA_NOUNS or _LIST_AFTER.match(after):
        return False
    if field == "title" or SENTENCE_OPENING.search(before):
        return True
    named = _NAME_BEFORE.search(before)
    return named is not None and not SENTENCE_OPENING.search(before, 0, named.start())
