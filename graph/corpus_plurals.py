"""Model names that the corpus writes as classes: "Indic models", "All-in-One approaches".

A discovered model in 3 or more papers is what a class of models is called, not a model, where
more than half its papers write it right before a plural type noun of the extraction
(`cues.TYPE_NOUNS`: "models", "methods", "approaches", "systems", ...), after its definition's
parenthesis if any ("All-in-One (AiO) models", "FR models", "B-rep models", "Kripke models"),
and no paper writes it as a thing:

- introduces it ("NAME, a/an ...") or names a thing so ("named NAME", "termed NAME");
- starts a sentence with it and no type noun after it ("Knowledge tracing (KT) aims to ...",
  "Generative Recommendation (GR) has become ..."): the paper speaks of the thing itself, a
  task or a method the corpus step may type elsewhere, not of members of a class;
- or writes a release in its name ("Qwen2.5-Instruct models": a family of released models,
  judged a name).

A name and a lowercase word joined by a hyphen ("LLaMA-family models", "B-rep models") is left
to `corpus_classes`' compounds, which read how many words the corpus joins so.

The type noun after the name made the extraction vote MODEL ("Indic models" -> MODEL), and each
paper's mention reads so on its own; over its papers, a name of one model is written bare, in
the singular, or as a subject, and a class only as the qualifier of its members. Datasets and
benchmarks are not read: "the Potsdam and Vaihingen datasets" names two data sets by the plural.
(docs/audit/README.md, "Rules after round 27".)
"""

from __future__ import annotations

import re
from collections import defaultdict

from .extract.rules.cues import TYPE_NOUNS
from .store_schema import FIELD_TEXT

_MIN_PAPERS = 3
_PLURALS = sorted(word for word in TYPE_NOUNS if word.endswith("s") and word.isalpha())
# The plural type noun right after the name, after its definition's parenthesis if any.
_BEFORE_PLURAL = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:" + "|".join(_PLURALS) + r")\b")
_BEFORE_TYPE_NOUN = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:" + "|".join(sorted(TYPE_NOUNS)) + r")\b")
# "NAME, a/an ...": a paper introduces a thing of that name.
_APPOSITION = re.compile(r"^\s*(?:\([^()]*\))?\s*,\s+(?:a|an)\s")
# "named NAME", "termed NAME": a paper gives a thing that name.
_NAMING = re.compile(r"\b(?:named|termed|called|dubbed)\s+$")
# "2.5", "3.1": a release of a model family.
_RELEASE = re.compile(r"\d\.\d")
# "LLaMA-family", "B-rep": a name and a lowercase word joined by a hyphen, decided as a compound
# (`corpus_classes`: a modifier where the corpus joins the word to many others, else a name).
COMPOUND = re.compile(r"^\S+-[a-z]{3,}$")
# The discovered models' mentions: entity, paper, whether it starts its sentence, the text before
# and after it.
_ROWS = (f"SELECT m.entity_id, m.paper_id, m.start = m.sentence_start, "
         f"substr({FIELD_TEXT}, max(1, m.start - 19), min(m.start, 20)), substr({FIELD_TEXT}, m.\"end\" + 1, 40) "
         "FROM mentions m JOIN papers p ON p.id = m.paper_id WHERE m.entity_id IN ("
         "SELECT e.id FROM entities e WHERE e.origin = 'discovered' AND e.type = 'MODEL' "
         "AND instr(e.id, '~') = 0 {scope}) ORDER BY m.entity_id")
_NAMES = "SELECT id, name FROM entities e WHERE e.origin = 'discovered' AND e.type = 'MODEL' {scope}"


def plural_classes(db, scope: str = "") -> list[str]:
    """The discovered models in `scope` (see `corpus._scope`) that the corpus writes as a class
    before a plural type noun (see above), in id order.

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id, "" for every entity.

    Returns:
        The ids of the entities to hold as not names.
    """
    names = dict(db.execute(_NAMES.format(scope=scope.replace("{}", "e.id"))))
    plural: dict[str, dict[str, bool]] = defaultdict(dict)
    named: set[str] = set()
    for entity_id, paper, first, before, after in db.execute(_ROWS.format(scope=scope.replace("{}", "e.id"))):
        papers = plural[entity_id]
        papers[paper] = papers.get(paper, False) or bool(_BEFORE_PLURAL.match(after or ""))
        if written_as_thing(bool(first), before or "", after or ""):
            named.add(entity_id)
    return sorted(entity_id for entity_id, papers in plural.items()
                  if len(papers) >= _MIN_PAPERS and sum(papers.values()) * 2 > len(papers)
                  and entity_id not in named and not _RELEASE.search(names.get(entity_id, ""))
                  and not COMPOUND.match(names.get(entity_id, "")))


def written_as_thing(first: bool, before: str, after: str) -> bool:
    """Whether one mention, starting its sentence or not, with the text before and after it,
    names a thing: introduced, named, or a sentence's subject with no type noun after it."""
    return bool(_APPOSITION.match(after) or _NAMING.search(before)
                or first and not _BEFORE_TYPE_NOUN.match(after))
