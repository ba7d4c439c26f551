"""Papers that write a listed data name as a thing outside the six types: "deployed in
production at Pinterest", "CBT sessions", "optimized for Hopper GPUs".

The gazetteer lists datasets and benchmarks named after the company, the service, the
hardware, the treatment or the software their data came from or were made for (Pinterest,
Taobao, Hopper, CBT, PhysioNet), and papers write those names for the thing itself. The
extraction matches the listed name in each, so the entity's papers and evidence mix the data
with a company, a platform or a therapy; rounds 15-35 judged such rows wrong (Pinterest, Taobao,
Hopper, CBT; docs/audit/README.md, "Rules after round 35, listed names outside the six types").
`corpus_outside_nouns` holds discovered names so written; listed names have data papers too, so
here each paper is read on its own.

A paper writes the name as such a thing where one of its mentions has
- a noun of such a thing among the three words right after it, before any type noun, stop word
  or punctuation ("[[CBT]] sessions", "[[CBT]]-based counseling", "the [[Taobao]] App",
  "[[Hopper]] GPUs"; a word joined to another, "[[Mind2Web]] cross-website splits", is not read);
- such a noun as the class a list of examples names it by ("microsimulation software such as
  [[SUMO]]"), or
- for a name that is one capitalised word, "at" right before it and the clause's end right after
  it, the place a company is in ("deployed in production at [[Pinterest]].", "Information
  Extraction at [[Pinterest]]"; not "gains at [[AIME2025]].", a result, nor "JU-NLP at
  [[Touché]]: ...", a shared task),
and none of its other mentions reads as data (`corpus_listed_words.reads_as_data`: a data noun
after it or in its sentence, "on"/"from" before it, a list of names;
`corpus_listed_titles.called_data`: an apposition of data). Such a paper's mentions are held as no
name of the six types; the listed entity keeps every other paper. Simulators, platforms,
environments, formats, packages and projects are not such nouns: judges read "the CARLA
simulator" and "the Highway-Env simulator" as the benchmarks, "COCO format" and "the MAPS
package" speak of the data, "the Tatoeba project" is a data source. Each paper is decided on its
own mentions, and a held gazetteer mention is not pulled back by a later step, so a second step
holds nothing more.
"""

from __future__ import annotations

import re

from .corpus_listed_titles import called_data
from .corpus_listed_words import reads_as_data
from .corpus_outside_nouns import OUTSIDE_NOUNS
from .corpus_readings import hold_mention
from .extract.rules.cues import type_of_noun
from .extract.rules.evidence import is_capitalised_word
from .store_schema import FIELD_TEXT

# `corpus_outside_nouns.OUTSIDE_NOUNS` names data storage and evaluation environments too (the
# CARLA simulator, COCO format, the MAPS package, "the ADNI database"): only its software nouns.
_ENVIRONMENTS = frozenset("""package packages simulator simulators engine engines format formats platform platforms
    registry registries hub database databases""".split())
# Nouns of things outside the six types a data name is also the name of: software, companies and
# services, hardware, therapies and questionnaires; singular and plural.
OUTSIDE_THINGS = (OUTSIDE_NOUNS - _ENVIRONMENTS) | frozenset(
    """company companies app apps website websites marketplace marketplaces storefront
    gpu gpus cpu cpus chip chips hardware processor processors microarchitecture
    therapy therapies therapist therapists session sessions counseling counselling psychotherapy
    questionnaire questionnaires""".split())

# Mentions of listed datasets and benchmarks: entity, paper, field, start, text, the 60
# characters before it and the 60 after it in its field, its sentence (NULL where `{sentence}` is:
# the first reading, which asks only for the words beside the name).
_SENTENCE = f"substr({FIELD_TEXT}, m.sentence_start + 1, m.sentence_end - m.sentence_start)"
_ROWS = ("SELECT m.entity_id, m.paper_id, m.field, m.start, m.text, "
         f"substr({FIELD_TEXT}, max(1, m.start - 59), min(m.start, 60)), substr({FIELD_TEXT}, m.\"end\" + 1, 60), "
         "{sentence} FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN papers p ON p.id = m.paper_id "
         "WHERE e.origin = 'gazetteer' AND e.type IN ('DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 {scope} "
         "ORDER BY m.entity_id, m.paper_id, m.field, m.start")
_AFTER_WORDS = 3
# The words after the name: "[[CBT]]-based counseling" reads "based counseling", a word joined to
# another ("cross-website") is a modifier, not the thing's noun.
_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*[.,;:!?)]?|\S+")
_BRACKET = re.compile(r"^\s*\([^()]{0,20}\)")
# Words that end the reading of the words after the name ("[[CBT]] for depression", "[[X]] and Y").
_STOP_WORDS = frozenset("for of and or in on to with by from at as is are was were that which".split())
# The class a list of examples names: "software such as ", "therapies (e.g., ".
_EXAMPLES = re.compile(r"\b([A-Za-z]+)\s*(?:,\s*)?(?:such\s+as|including|like|\(\s*e\.g\.,?|e\.g\.,?)\s+$", re.I)
# A company's place: "deployed in production at [[Pinterest]].", "At [[Pinterest]], ...", "models at
# [[Pinterest]] by leveraging ..."; a capitalised word only ("gains at [[AIME2025]]" is a result, "Team
# at [[Touché]]: ..." a shared task).
_AT = re.compile(r"\bat\s+$", re.I)
_CLAUSE_END = re.compile(r"^\s*(?:$|[.,;)]|(?:by|to|for|with|and|in|since|through)\s)")


def outside_words(after: str) -> list[str]:
    """The words right after a name, in lowercase, up to the first type noun, stop word or
    punctuation ("[[SUMO]] traffic simulation platform for ..." -> traffic, simulation, platform;
    "[[CBT]]-based counseling." -> based, counseling); a word joined to another by a hyphen is
    left out ("[[Mind2Web]] cross-website splits")."""
    bracket = _BRACKET.match(after)
    rest = after[bracket.end():] if bracket else after
    if rest.startswith("-"):
        rest = " " + rest[1:]  # "CBT-based": the name's own hyphen
    elif not rest[:1].isspace():
        return []
    words = []
    for token in _TOKEN.findall(rest)[:_AFTER_WORDS]:
        word = token.rstrip(".,;:!?)").lower()
        if not word.isalpha() and "-" not in word or word in _STOP_WORDS or type_of_noun(word) is not None:
            break
        if "-" not in word:
            words.append(word)
        if word != token.lower():
            break  # punctuation ends the phrase
    return words


def written_outside(text: str, before: str, after: str) -> bool:
    """Whether a mention, written as `text` with these characters before and after it, is
    written as a thing outside the six types (see above)."""
    if any(word in OUTSIDE_THINGS for word in outside_words(after)):
        return True
    examples = _EXAMPLES.search(before)
    if examples and examples.group(1).lower() in OUTSIDE_THINGS:
        return True
    return bool(is_capitalised_word(text) and _AT.search(before) and _CLAUSE_END.match(after))


def outside_papers(rows: list[tuple]) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """The (entity, paper) pairs whose mentions write the name as a thing outside the six types
    and never as data, with their mentions' (field, start), of (entity, paper, field, start, text,
    before, after, sentence) rows."""
    marked = {(entity_id, paper) for entity_id, paper, _, _, text, before, after, _ in rows
              if written_outside(text, before or "", after or "")}
    outside: dict[tuple[str, str], list[tuple[str, int]]] = {}
    data: set[tuple[str, str]] = set()
    for entity_id, paper, field, start, text, before, after, sentence in rows:
        key = (entity_id, paper)
        if key not in marked:
            continue  # the data tests, the costly part, only where a mention reads as another thing
        outside.setdefault(key, []).append((field, start))
        before, after, sentence = before or "", after or "", sentence or ""
        if not written_outside(text, before, after) and (
                reads_as_data(sentence, before, after) or called_data(text, sentence)):
            data.add(key)
    return {key: mentions for key, mentions in outside.items() if key not in data}


def hold_outside_papers(db, scope: str = "") -> int:
    """Hold the mentions of listed datasets and benchmarks in the papers that write them as a
    company, a service, hardware, software or a therapy (see above).

    Args:
        db: the store's connection, in the corpus step's transaction.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The mentions held.
    """
    held = 0
    rows = db.execute(_ROWS.format(sentence="NULL", scope=scope.replace("{}", "m.entity_id"))).fetchall()
    marked = sorted({(entity_id, paper) for entity_id, paper, _, _, text, before, after, _ in rows
                     if written_outside(text, before or "", after or "")})
    one_paper = _ROWS.format(sentence=_SENTENCE, scope="AND m.entity_id = ? AND m.paper_id = ?")
    rows = [row for key in marked for row in db.execute(one_paper, key).fetchall()]
    for (entity_id, paper), mentions in sorted(outside_papers(rows).items()):
        for field, start in mentions:
            hold_mention(db, entity_id, paper, field, start)
            held += 1
    return held
