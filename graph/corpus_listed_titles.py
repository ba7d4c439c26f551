"""Listed data names a paper's title takes for its own: "DART: Distilling Autoregressive Reasoning
to Silent Thought" under the DART benchmark.

The gazetteer lists a dataset or benchmark under a short name (DART, OSCAR, SHIFT, RULER, CODA),
and papers name their own methods and models so: "OSCAR: One-Step Diffusion Codec Across Multiple
Bit-rates", "CoDA: Coordinated Diffusion Noise Optimization ...", "SHIFT: Stochastic
Hidden-Trajectory Deflection ...". The extraction matches the listed name in each, so the listed
entity's papers, type and evidence mix the data with the methods; `corpus_listed_senses` moves only
the papers that spell the name out by its letters with a typed head, and these titles' heads
("Silent Thought", "Multiple Bit-rates") give no type (docs/audit/README.md, "Rules after round 31,
listed senses", "What is left"; "Rules after round 35, listed data in another sense").

A title that opens with the name and a colon introduces what the paper is about under that name: a
listed dataset or benchmark is a thing made before, so a paper that so names its own contribution
names another thing, unless its subtitle says it is data ("DART: A Structured Dataset of Regulatory
Drug Documents", "CLEAR: A Comprehensive Linguistic Evaluation of ...": a data or evaluation noun,
not after an opening verb: "SHIFT: Leveraging SyntHetic Adult Datasets for ..." is a method) or the
paper writes the name before a data noun ("the DART dataset"). Such a paper's mentions move to a
sense entity, `<id>~<key>` (the key of the subtitle's first words), typed by its sentences as
`corpus_listed_senses.sense_type` types a sense; the listed entity keeps every other paper. Each
paper is decided on its own title and mentions, so a second step finds nothing to move.
"""

from __future__ import annotations

import re

from .corpus_listed_senses import listed_kind_after, move_sense_papers
from .extract.rules.cues import type_of_noun
from .records import EntityType, entity_key
from .store_schema import sentence_sql

_DATA = frozenset((EntityType.DATASET, EntityType.BENCHMARK))
# Titles that open with a listed dataset's or benchmark's name and a colon; the name as the title
# writes it (any case: "CoDA" for CODA, "ReDDiT" for Reddit).
_TITLES = ("SELECT m.entity_id, e.name, e.type, m.paper_id, m.text, m.start, "
           "CASE m.field WHEN 'title' THEN p.title ELSE p.abstract END FROM mentions m "
           "JOIN entities e ON e.id = m.entity_id JOIN papers p ON p.id = m.paper_id "
           "WHERE e.origin = 'gazetteer' AND e.type IN ('DATASET', 'BENCHMARK') AND (m.field = 'title' AND m.start = 0 "
           "OR m.field = 'abstract' AND substr(p.abstract, m.\"end\" + 1, 1) = ':') {scope} "
           "ORDER BY m.entity_id, m.paper_id, m.field DESC, m.start")
# In an abstract, the title's shape after a verb of introducing: "we introduce SHIFT: Leveraging ...".
_INTRODUCING = re.compile(r"\b(?:introduce|introduces|introducing|propose|proposes|present|presents)\s+$")
_ROWS = (f"SELECT m.text, {sentence_sql('m')} FROM mentions m WHERE m.entity_id = ? AND m.paper_id = ? "
         "ORDER BY m.field DESC, m.start")
_SUBTITLE = re.compile(r"\s*:\s+(\S.*)", re.S)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_SENTENCE_END = re.compile(r",\s+(?:which|that|where|a|an)\s|\.\s|\.$|\s+-{2,3}\s")
# Nouns of an evaluation that type a subtitle as data beside the type nouns' data words
# ("A Comprehensive Linguistic Evaluation of ...", "the ... Challenge").
_EVALUATION_NOUNS = frozenset("evaluation evaluations challenge collection test tests exam".split())
# Opening verbs that make a subtitle an evaluation ("Evaluating the Comprehension Process of LLMs").
_EVALUATION_VERBS = frozenset("evaluating benchmarking assessing measuring testing probing auditing".split())
_KEY_WORDS = 6
_DATA_NOUN = (r"(?:datasets?|benchmarks?|corpus|corpora|suite|testbed|leaderboard|arena|treebanks?|databases?"
              r"|collection|evaluation|challenge)")
# The paper calls the name data: "ScreenSpot-Pro, a benchmark", "Infinity-Instruct, a large-scale
# instruction dataset", "FineWeb2 is a new pre-training dataset"; "a new benchmark, RewardBench 2".
# Not after a colon: a subtitle is read whole by `title_sense` ("SHIFT: Leveraging SyntHetic Adult
# Datasets for ...").
_CALLED_AFTER = re.compile(rf"(?:\s*\([^()]*\))?\s*(?:,|\bis\b|\bas\b)\s+(?:[\w-]+\s+){{0,6}}?{_DATA_NOUN}\b", re.I)
_CALLED_BEFORE = re.compile(rf"\b{_DATA_NOUN}(?:,|\s+(?:called|named|dubbed|termed))?\s*$", re.I)


def title_sense(name: str, text: str, title: str, start: int = 0) -> str | None:
    """The subtitle a title gives its own thing under a listed data name, or None: the title opens
    with the name (or an abstract writes it after "we introduce"), then a colon and a subtitle that
    does not say it is data.

    Args:
        name: the listed name.
        text: the mention, as the title writes the name.
        title: the paper's title, or its abstract with `start`.
        start: where the mention starts in it.
    """
    if title[start:start + len(text)] != text or (start and not _INTRODUCING.search(title, max(0, start - 40), start)):
        return None
    found = _SUBTITLE.match(title, start + len(text))
    if found is None:
        return None
    subtitle = " ".join(_SENTENCE_END.split(found.group(1), 1)[0].split())
    words = [w.lower() for w in _WORD.findall(subtitle)]
    if not words or entity_key(name) in entity_key(subtitle):
        return None  # "NAME: NAME-2 ...", a version of it
    if words[0] in _EVALUATION_VERBS:
        return None
    # An opening verb's object is no head: "Leveraging SyntHetic Adult Datasets for ..." (not the
    # nouns "Training" and "Learning").
    opening_verb = words[0].endswith("ing") and words[0] not in ("training", "learning")
    if not opening_verb and any(type_of_noun(w) in _DATA or w in _EVALUATION_NOUNS for w in words):
        return None  # "A Structured Dataset of ...", "A Benchmark for ...": data of its own
    return subtitle


def called_data(text: str, sentence: str) -> bool:
    """Whether a sentence calls the name data: a data noun right after it ("the DART dataset"), in
    an apposition after it ("ScreenSpot-Pro, a benchmark for ...") or right before it ("a new
    benchmark, RewardBench 2")."""
    if listed_kind_after(text, sentence, _DATA):
        return True
    start = sentence.find(text) if text else -1
    while start >= 0:
        if _CALLED_AFTER.match(sentence, start + len(text)) or _CALLED_BEFORE.search(sentence, 0, start):
            return True
        start = sentence.find(text, start + 1)
    return False


def _key(subtitle: str) -> str:
    """A sense's key: the subtitle's first words (`dart~distillingautoregressivereasoningtosilentthought`)."""
    return entity_key(" ".join(_WORD.findall(subtitle)[:_KEY_WORDS]))


def split_title_senses(db, scope: str = "") -> int:
    """Move each listed dataset's or benchmark's papers whose title takes its name for their own
    thing to a sense entity (see above).

    Args:
        db: the store's connection, in the corpus step's transaction.
        scope: an SQL condition on the entity id (see `corpus._scope`), "" for every entity.

    Returns:
        The listed entities whose papers moved.
    """
    moves: dict[tuple[str, str, str], dict[str, tuple[str, str | None]]] = {}
    for entity_id, name, type_, paper, text, start, title in db.execute(
            _TITLES.format(scope=scope.replace("{}", "m.entity_id"))).fetchall():
        subtitle = title_sense(name, text, title, start)
        if subtitle is None or paper in moves.get((entity_id, name, type_), {}):
            continue
        rows = db.execute(_ROWS, (entity_id, paper)).fetchall()
        if any(called_data(row_text, sentence or "") for row_text, sentence in rows):
            continue  # "the DART dataset", "ScreenSpot-Pro, a benchmark": the paper calls it data
        moves.setdefault((entity_id, name, type_), {})[paper] = (_key(subtitle), None)
    for (entity_id, name, type_), moved in moves.items():
        move_sense_papers(db, entity_id, name, EntityType(type_), moved)
    return len(moves)
