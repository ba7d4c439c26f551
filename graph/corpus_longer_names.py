"""Names read inside a longer name: "O*[[NET]]", "the British [[Columbia]] Cancer Registry".

A listed or discovered model, dataset or benchmark is matched wherever its text stands, and
a paper that writes a longer name around it names the longer thing, not the entity: the
O*NET occupational database ("the U.S. Department of Labor's O*[[NET]] database"), a cancer
registry ("Deployed at the British [[Columbia]] Cancer Registry"), a poker game ("No-Limit
[[Texas]] Hold'em"), a laptop's chip ("a MacBook Pro [[M4]] Pro"), an algorithm ("a Max-Min
[[Ant]] System"). Round 32 judged NET (as in rounds 8-22 and 31) and Columbia wrong by such
sentences (docs/audit/README.md, "Rules after round 32, fragments of longer names").

A mention is read so where, in its paper's text,

- a letter or digit and "*" or "^" (or LaTeX's "{*}") stand right before it: "O*NET",
  "C^2RoPE" (a hyphen or a slash joins lists, "CNN/XSum", "datasets-MVBench", and prefixes
  of variants, "fashion-MNIST", and is left to extraction's readings); or
- inside an abstract's sentence, a capitalised word right before it (not the sentence's
  first word, nor an article or preposition) and a capitalised word right after it that is
  neither a type noun nor a challenge's track ("MOSE Track", "ImageNet Validation") nor
  the rest of the entity's own name ("Microsoft [[Swin]] Transformer"). A title
  capitalises every word, so titles are not read this way; or
- a word that names an institution follows it ("[[Columbia]] University", "the [[Gutenberg]]
  Health Study", "Weill [[Cornell]] Medicine"): the name is a place's or a founder's.

Such mentions are held as not names; an entity left with none is removed as an orphan.
"""

from __future__ import annotations

import re

from .corpus_readings import SENTENCE_OPENING, hold_mention
from .store_schema import FIELD_TEXT

# Mentions of models, datasets and benchmarks: entity, name, paper, field, start, the text
# before the mention in its field (24 characters) and after it (24).
_ROWS = ("SELECT m.entity_id, e.name, m.paper_id, m.field, m.start, "
         f"substr({FIELD_TEXT}, max(1, m.start - 23), min(m.start, 24)), substr({FIELD_TEXT}, m.\"end\" + 1, 24) "
         "FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.type IN ('MODEL', 'DATASET', 'BENCHMARK') {scope} "
         # only a glue before, or a space and a capital after, can say so: most rows are read no further
         f"AND (substr({FIELD_TEXT}, m.start, 1) IN ('*', '^', '}}}}') "
         f"OR substr({FIELD_TEXT}, m.\"end\" + 1, 2) GLOB ' [A-Z]') "
         "ORDER BY m.entity_id, m.paper_id, m.field, m.start")
# "O*", "C^", "O{*}": a glue no list and no variant's prefix writes.
_GLUED_BEFORE = re.compile(r"[^\W_](?:[*^]|\{\*\})$")
# A capitalised word and a space right before the mention, inside a sentence: "British ".
_WORD_BEFORE = re.compile(r"(?<![.!?:;]\s)\b([A-Z][a-z]+)\s$")
# A space and a capitalised word right after the mention: " Cancer".
_WORD_AFTER = re.compile(r"^ ([A-Z][a-z]+)\b")
# Words after a name that make it an institution's ("Columbia University").
_INSTITUTION_AFTER = re.compile(r"^ (?:University|Universities|Institute|College|Hospital|School|Clinic|Registry|"
                                r"Medicine|Health)\b")
# Words before a name that do not continue it: articles, prepositions, conjunctions.
_FUNCTION_WORDS = frozenset({"The", "A", "An", "Our", "This", "These", "Its", "Their", "In", "On", "For", "With",
                             "From", "By", "And", "Or", "Of", "To", "Using", "Via", "At", "As", "Both", "Each"})
# Words after a name that say what it is or which part of it: the name is the entity's.
_TYPE_WORDS = frozenset({"dataset", "datasets", "benchmark", "benchmarks", "model", "models", "corpus", "suite",
                         "challenge", "task", "tasks", "track", "database", "set", "collection", "leaderboard",
                         "series", "family", "team", "project", "framework", "validation", "test", "train",
                         "split", "data", "network", "networks", "architecture", "score", "evaluation", "arena",
                         "library", "version", "variant", "variants", "backbone", "encoder", "decoder"})


def hold_longer_name_parts(db, scope: str = "") -> int:
    """Hold the mentions of models, datasets and benchmarks that stand inside a longer name
    (see above).

    Args:
        db: the store's connection, in the corpus step's transaction.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The mentions held.
    """
    rows = db.execute(_ROWS.format(scope=scope.replace("{}", "m.entity_id"))).fetchall()
    held = 0
    for entity_id, name, paper, field, start, before, after in rows:
        if inside_longer_name(name, field, before or "", after or ""):
            hold_mention(db, entity_id, paper, field, start)
            held += 1
    return held


def inside_longer_name(name: str, field: str, before: str, after: str) -> bool:
    """Whether a mention of the entity `name`, in this field ("title" or "abstract"), with
    this text before and after it, stands inside a longer name (see above)."""
    if _GLUED_BEFORE.search(before) or _INSTITUTION_AFTER.match(after):
        return True
    if field == "title":
        return False
    following = _WORD_AFTER.match(after)
    if not following or following.group(1).lower() in _TYPE_WORDS or following.group(1) in name.split():
        return False
    preceding = _WORD_BEFORE.search(before)
    return (preceding is not None and preceding.group(1) not in _FUNCTION_WORDS
            and not SENTENCE_OPENING.search(before, 0, preceding.start()))
