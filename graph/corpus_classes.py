"""Names that the corpus writes as classes of things: "V2A models", "Open-source models", "PTMs".

Three shapes of discovered model, dataset or benchmark name in 3 or more papers are, where
their papers write them so, what a class of things is called, not a thing (docs/audit/README.md,
"Rules after round 21"):

- **Conversions**, the acronym of "X-to-Y": "Video-to-Audio (V2A) generation", "extend V2A
  models", "Vehicle-to-Vehicle (V2V) communication", "Text-to-Motion (T2M) generation". A
  paper names the task, the class of models that do it, or a protocol, and the type noun after
  the acronym ("V2A models") made it a model. Where a third or more of its papers define it by
  such a long form, it is no name; a conversion that names a model is written inside a longer
  name ("Sa2VA", "LLM2Vec") and no paper defines it so. A conversion written out
  ("Single-image-to-3D models", "3D-to-2D projection", "NL-to-SQL datasets") is no name where
  more than half its papers write it only right before a lowercase word, as a compound (below).
- **Compound adjectives**, a name and a lowercase word joined by a hyphen ("Open-source
  models", "LLaMA-family models", "Pareto-optimal model", "3D-text datasets"), where the
  corpus joins that word so to many lowercase words ("cross-domain", "closed-source",
  "near-optimal": `_PRODUCTIVE_HEADS` of them) and more than half the entity's papers write it
  only right before a lowercase word: a modifier of the noun after it. A model's variant
  ("GPT-5.4-mini", "Gemini-3-flash-preview") ends in a word the corpus joins to few lowercase
  words (and most of its papers write it before a comma, a bracket or a capital too); a
  paper that capitalises the last word ("GPT-4o-Image") names a thing.
- **Plural acronyms** ("PTM", "VLFM", "RDB"), where more than half the entity's papers write
  the acronym in the plural ("SystemVerilog Assertions (SVAs)", "CAPTCHAs") or define it by a
  lowercase plural long form ("self-supervised speech models (S3M)", "relational databases
  (RDB)"): a name of one model or one dataset is singular, and its long form capitalised.
  Papers that define it otherwise ("Small Reasoning Model (SRM)", a detector named SRM) keep
  it where they are half its papers or more. (Writing it plural in half the papers was tried
  after round 20 and not kept: acronyms of several senses are written so as often as classes.)

- **Classes built on a name**, "NAME-based ACRONYM" or "NAME-based" ("CLIP-based CIL
  approaches", "VLM-based IQA models", "LLM-based RCA agents", "large language model-based
  (LLM-based) approaches"): the acronym after "based" is a task or a kind of thing ("IQA",
  "T2I", "CNN") and "NAME-based" says what its members are built on, so the name is a class
  in any number of papers (at 75,000 papers 83 such models, datasets and benchmarks, 79 of them
  in one or two papers). A model named so is introduced as one ("NAME, a ...", "named
  NAME"); a gazetteer model after "based" ("ResNet-based CLIP") makes a variant of it.

- **Domains**, one word and "domain" ("SAR-domain model", "the SAR domain", "RAW-domain
  detection and segmentation benchmarks", "TCM-domain LLMs"): a domain of data, or a
  qualifier of the noun after it, never a thing, in any number of papers (docs/audit/README.md,
  "Rules after round 24").

Whatever the shape, a paper that introduces a thing so named ("NAME, a/an ...") keeps it.
The corpus step's verdict reads each mention on its own, and the type noun after a name votes
for its type ("V2A models", "pre-trained models (PTMs)"); only over all its papers does the name
show that no paper names one thing. The corpus's other papers are read for the last words of
the compounds written as modifiers only, through its full-text index, each until it shows the
word productive (`productive_suffixes`).
"""

from __future__ import annotations

import re

from .corpus_plurals import plural_classes
from .records import entity_id as id_of_name
from .store_schema import FIELD_TEXT

_MIN_PAPERS = 3
# A compound's last word is a productive suffix where the corpus joins it by a hyphen to this
# many distinct lowercase words (at 75,000 papers: "-domain" 182, "-view" 146, "-source" 53,
# "-family" 28; a model variant's "-mini" 1, "-preview" 0, "-chat" 7, "-series" 9: a named
# family, "YOLO-series models", is judged a name; lowering this to 3 was tried after round 22).
_PRODUCTIVE_HEADS = 15

# Names of the three shapes, in `_MIN_PAPERS` or more papers; the acronyms: capitals and digits,
# a capital first ("S3M", "RDB").
_CANDIDATES = ("SELECT id, name FROM (SELECT e.id, e.name, "
               "(SELECT count(DISTINCT m.paper_id) FROM mentions m WHERE m.entity_id = e.id) AS papers FROM entities e "
               "WHERE e.origin = 'discovered' AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 "
               "AND (e.name GLOB '*[A-Z0-9]2[A-Z0-9]*' OR e.name GLOB '*-[a-z][a-z][a-z]*' OR e.name GLOB '*-to-*' "
               "OR (e.name GLOB '[A-Z]*[A-Z0-9]' AND e.name NOT GLOB '*[^A-Z0-9]*')) {scope}) "
               "WHERE papers >= ? ORDER BY id")
# "CLIP-based CIL", "LLM-based RCA", "LLMbased": a class built on a name, in any number of papers.
_BUILT_ON_CANDIDATES = ("SELECT id, name FROM entities e WHERE e.origin = 'discovered' "
                        "AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 "
                        "AND (e.name GLOB '*[Bb]ased [A-Z0-9]*' OR e.name GLOB '*[Bb]ased') {scope} ORDER BY id")
# "based" last, or followed by one acronym of capitals, digits and hyphens ("T2I", "EHR-QA",
# "RT-DETR"; not a named model's variant, "Mamba-based HuBERT", "Swin-large-based MaskDINO").
_BUILT_ON = re.compile(r"[A-Za-z0-9)][- ]?[Bb]ased(?: (?P<acronym>[A-Z0-9][A-Z0-9-]*[A-Z0-9]))?$")
# "SAR-domain", "RAW domain", "D&D domain": one word, then "domain" in lowercase.
_DOMAIN_CANDIDATES = ("SELECT id, name FROM entities e WHERE e.origin = 'discovered' "
                      "AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 "
                      "AND e.name GLOB '*[- ]domain' {scope} ORDER BY id")
_DOMAIN = re.compile(r"^[A-Za-z0-9&]+[- ]domain$")
_LISTED = "SELECT 1 FROM entities WHERE id = ? AND origin = 'gazetteer'"
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]*[A-Z0-9]$")
# "V2A", "T2AV", "TI2V": letters or digits, "2", letters or digits, nothing else.
_CONVERSION = re.compile(r"^[A-Z0-9]{1,3}2[A-Z0-9]{1,3}$")
# "Single-image-to-3D", "NL-to-SQL": a conversion written out.
_WRITTEN_CONVERSION = re.compile(r"[A-Za-z0-9]-to-[A-Za-z0-9]")
# "Video-to-Audio (", "video-to-video~(": a conversion's long form right before the acronym.
_CONVERSION_LONG_FORM = re.compile(r"[A-Za-z0-9]-to-[A-Za-z0-9][\w-]*\s*~?\(\s*$")
# "Open-source", "LLaMA-family": anything, a hyphen, a lowercase word of three letters or more.
_COMPOUND = re.compile(r"^\S+-(?P<word>[a-z]{3,})$")
# A compound's capitalised last word ("GPT-4o-Image"; not an acronym of the name, "OS").
_CAPITALISED_PART = re.compile(r"-[A-Z][a-z]+$")
# "pre-trained models (", "relational databases~(": a lowercase plural right before the
# acronym's parenthesis ("Access (" and "loss (" are no plurals).
_PLURAL_LONG_FORM = re.compile(r"\b[a-z][a-z-]{2,}(?<!ss)s\s*~?\(\s*$")
# A mention right before a lowercase word, after its definition's parenthesis if any.
_BEFORE_LOWERCASE = re.compile(r"^\)?\s*[a-z]")
# "NAME, a/an ...": a paper introduces a thing of that name.
_APPOSITION = re.compile(r"^\s*(?:\([^()]*\))?\s*,\s+(?:a|an)\s")
# "named NAME", "termed NAME": a paper gives a thing that name.
_NAMING = re.compile(r"\b(?:named|termed|called|dubbed)\s*$")
# The papers that hold a word and "-word", in the full-text index's order.
_JOINED = ("SELECT p.title || ' ' || p.abstract FROM papers_fts f JOIN papers p ON p.rowid = f.rowid "
           "WHERE papers_fts MATCH ? AND (instr(p.title, ?) OR instr(p.abstract, ?))")
# An entity's mentions: paper, text, what follows the mention and what precedes it in its field.
_ROWS = (f"SELECT m.paper_id, m.text, substr({FIELD_TEXT}, m.\"end\" + 1, 40), "
         f"substr({FIELD_TEXT}, max(1, m.start - 59), min(m.start, 60)) "
         "FROM mentions m JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ?")


def class_entities(db, scope: str = "") -> list[str]:
    """The discovered models, datasets and benchmarks in `scope` (see `corpus._scope`)
    named by a conversion, a compound adjective or an acronym that the corpus writes as a
    class (see above), in id order.

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id, "" for every entity.

    Returns:
        The ids of the entities to hold as not names.
    """
    candidates = db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id")), (_MIN_PAPERS,)).fetchall()
    held, modifiers = [], []
    for entity_id, name in candidates:
        acronym, conversion, compound = _ACRONYM.match(name), _WRITTEN_CONVERSION.search(name), _COMPOUND.match(name)
        if not (acronym or conversion or compound):
            continue
        rows = _mention_rows(db, entity_id)  # read once, whichever shapes the name has
        if acronym and _acronym_of_class(name, rows) or conversion and written_as_modifier(rows):
            held.append(entity_id)
        if compound and written_as_modifier(rows):
            modifiers.append((entity_id, compound["word"]))
    # the corpus is read for the words of the compounds written as modifiers only (13 words of
    # 15 entities at 75,000 papers; a scan of every title and abstract costs 0.2 CPU s a word)
    productive = productive_suffixes(db, {word for _, word in modifiers})
    held += [entity_id for entity_id, word in modifiers if word in productive]
    held += built_on_classes(db, scope) + domains(db, scope) + plural_classes(db, scope)
    return sorted(set(held))


def built_on_classes(db, scope: str = "") -> list[str]:
    """The discovered models, datasets and benchmarks in `scope`, of any number of papers,
    named "NAME-based ACRONYM" or "NAME-based" ("VLM-based IQA models"), that no paper
    introduces as a thing ("NAME, a/an ...")."""
    candidates = db.execute(_BUILT_ON_CANDIDATES.format(scope=scope.replace("{}", "e.id"))).fetchall()
    return [found_id for found_id, name in candidates
            if (found := _BUILT_ON.search(name)) and not _names_a_listed_model(db, found["acronym"])
            and not introduced(_mention_rows(db, found_id))]


def domains(db, scope: str = "") -> list[str]:
    """The discovered models, datasets and benchmarks in `scope`, of any number of papers,
    named by one word and "domain" ("SAR-domain"), that no paper introduces as a thing."""
    candidates = db.execute(_DOMAIN_CANDIDATES.format(scope=scope.replace("{}", "e.id"))).fetchall()
    return [found_id for found_id, name in candidates
            if _DOMAIN.match(name) and not introduced(_mention_rows(db, found_id))]


def _names_a_listed_model(db, acronym: str | None) -> bool:
    # "ResNet-based CLIP", "Transformer-based RT-DETR": a variant of a gazetteer model, judged a
    # name as a named family is ("YOLO-series models")
    return bool(acronym) and db.execute(_LISTED, (id_of_name(acronym),)).fetchone() is not None


def introduced(rows: list[tuple[str, str, str, str]]) -> bool:
    """Whether a paper, of (paper, text, text after, text before) rows, introduces a thing
    so named ("NAME, a/an ...", "a model, named NAME")."""
    return any(_APPOSITION.match(after) or _NAMING.search(before) for _, _, after, before in rows)


def _acronym_of_class(name: str, rows: list[tuple[str, str, str, str]]) -> bool:
    return bool(_CONVERSION.match(name)) and defined_as_conversion(rows) or written_as_class(name, rows)


def _mention_rows(db, entity_id: str) -> list[tuple[str, str, str, str]]:
    return db.execute(_ROWS, (entity_id,)).fetchall()


def productive_suffixes(db, words: set[str]) -> set[str]:
    """Those of `words` that the corpus's titles and abstracts join by a hyphen to
    `_PRODUCTIVE_HEADS` or more distinct lowercase words ("cross-domain", "in-domain").
    The papers that hold a word (full-text index, which splits at hyphens) are read until
    that many are found: a productive word costs a few dozen papers, a rare one all of its
    few (0.22 CPU s for 22 words at 75,000 papers)."""
    return {word for word in sorted(words) if _joined_heads(db, word) >= _PRODUCTIVE_HEADS}


def _joined_heads(db, word: str) -> int:
    pattern = re.compile(rf"(?<![\w-])([a-z]+)-{word}(?![\w-])")
    heads: set[str] = set()
    for (text,) in db.execute(_JOINED, (f'"{word}"', f"-{word}", f"-{word}")):
        heads.update(pattern.findall(text))
        if len(heads) >= _PRODUCTIVE_HEADS:
            break
    return len(heads)


def defined_as_conversion(rows: list[tuple[str, str, str, str]]) -> bool:
    """Whether a third or more of an entity's papers, (paper, text, text after, text before)
    rows, define it by a conversion's long form ("Video-to-Audio (V2A)"), and none
    introduces a thing so named."""
    papers, defining = set(), set()
    for paper, _, after, before in rows:
        if _APPOSITION.match(after):
            return False
        papers.add(paper)
        if _CONVERSION_LONG_FORM.search(before):
            defining.add(paper)
    return len(defining) * 3 >= len(papers) > 0


def written_as_modifier(rows: list[tuple[str, str, str, str]]) -> bool:
    """Whether more than half an entity's papers, (paper, text, text after, text before)
    rows, write it only right before a lowercase word ("Open-source models"), none
    capitalises its last word ("GPT-4o-Image": a model's variant), and none introduces a
    thing so named."""
    before_word: dict[str, bool] = {}
    for paper, text, after, _ in rows:
        if _APPOSITION.match(after) or _CAPITALISED_PART.search(text):
            return False
        before_word[paper] = before_word.get(paper, True) and bool(_BEFORE_LOWERCASE.match(after))
    return sum(before_word.values()) * 2 > len(before_word)


def written_as_class(name: str, rows: list[tuple[str, str, str, str]]) -> bool:
    """Whether more than half an entity's papers, (paper, text, text after, text before)
    rows, write its acronym in the plural or define it by a lowercase plural long form,
    and none introduces a thing so named."""
    papers, classes = set(), set()
    for paper, text, after, before in rows:
        if _APPOSITION.match(after):
            return False
        papers.add(paper)
        if text == name + "s" or _PLURAL_LONG_FORM.search(before):
            classes.add(paper)
    return len(classes) * 2 > len(papers)
