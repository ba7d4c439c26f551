"""Names a paper coins for the parts of its contribution, and names its title opens with.

- the parts an enumeration names in a sentence about what a contribution is made of: "Our
  method introduces three key innovations: (1) Instance-Guided Refinement that ...";
- a title that is a name: "D-Convexity: A Unified ...", "Memex(RL): ...", "IJmond
  Industrial Smoke Segmentation Dataset";
- a name given to a part of the paper's system, read off the part noun after it: "its
  Bridge Module, which ...", "adding the Learning to Align module", "introduce a
  saliency-oriented image-text response (SITR) mechanism".

`coined_names.coined_name_candidates` calls these beside its cue readers.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.records import Role
from paperkg.graph.extract.rules.cues import TYPE_NOUNS
from paperkg.graph.extract.rules.coined_forms import (
    RUN, WORD, coined_candidates, is_unlisted, may_be_coined, read_run_name,
)

# Words an enumerated item or a title may open with that are no part of the name.
_OPENERS = frozenset("A An The Our".split())
# Enumerated items "(1) ", "(ii) " and the words before them that say they are parts of a
# contribution ("introduces three key innovations: (1) ...", "consists of (i) ...").
ITEM = re.compile(r"\((?:[1-9]|i{1,3}|iv|v|vi)\) (?=[A-Z])")
# The same marker right before a place, whatever case follows: "(1) ME spot-then-recognize".
ITEM_BEFORE = re.compile(r"\((?:[1-9]|i{1,3}|iv|v|vi)\) \Z")
PARTS_WORDS = re.compile(  # at a word's start: "inconsistency" says nothing of parts
    r"(?<!\w)(?:introduc|propos|present|consist|compris|compose|innovation|contribution|component|module|"
    r"construct|build|release|curate|create|design|develop)"
)
_DATA_NOUNS = ("Dataset", "Benchmark", "Corpus")
_DATA_TITLE = re.compile(rf"(?:{WORD} ){{1,7}}(?:{'|'.join(_DATA_NOUNS)})")


# Any enumerated item: "(1) ", "(ii) ", or bare "1) ", "a) " ("we introduce: a) Perceptual
# Uncertainty-guided Association, which ..., and b) Localization ...", arXiv 2507.04503): its
# ") " first, a literal re finds in C, then the marker before it (one regex of both tried every
# position: 41 microseconds an abstract, against 1 for "(1) " alone).
_ITEM_END = re.compile(r"\) (?=[A-Z])")
_ITEM_MARK = re.compile(r"(?:\((?:[1-9]|i{1,3}|iv|v|vi)|(?<![\w(])(?:[1-9]|i{1,3}|iv|v|vi|[a-e]))\Z")


def _items(text: str, start: int = 0):
    """(start, end) of each enumerated item's marker from `start` on, in text order."""
    for close in _ITEM_END.finditer(text, start):
        mark = _ITEM_MARK.search(text, max(start, close.start() - 4), close.start())
        if mark is not None:
            yield mark.start(), close.end()


def find_enumerated_parts(text: str, lookup) -> list[Candidate]:
    """Title-Case or name-shaped names that enumerated items open, in a sentence that says they are the
    parts of a contribution: "Our method introduces three key innovations: (1) Instance-Guided
    Refinement that ...; (2) Influence Function Integration that ..."."""
    found: list[Candidate] = []
    lead_checked: dict[int, bool] = {}
    for item_start, item_end in _items(text):
        sentence = max(text.rfind(". ", 0, item_start), text.rfind("\n", 0, item_start)) + 1
        if sentence not in lead_checked:
            first = next(_items(text, sentence))[0]
            lead_checked[sentence] = PARTS_WORDS.search(text, sentence, first) is not None
        if lead_checked[sentence]:
            run = RUN.match(text, _past_openers(text, item_end))
            if run is not None:
                found += read_run_name(text, run, lookup, single_ok=True)
    return found



# A sentence that says a contribution has a count of parts and lists them after a colon: "AFFormer
# introduces three key modules: Multi-Agent and Temporal Aggregation for ..., Dual Spatial
# Attention for ..., and Uncertainty-Guided Fusion for ...". The verb and count before the colon
# say the list is of the parts of a system ("each segmented into five structured components:
# Introduction, Key Factors, ..." lists no parts of one).
_COUNTED_PARTS = re.compile(
    r"(?<![\w-])(?:introduc|propos|consist|compris|compos|includ|integrat|incorporat|contain|featur|"
    r"equipp|design|has|have|with|of|through)\w* (?:of )?(?P<count>two|three|four|five|several|[2-5]) "
    r"(?:[\w-]+ ){0,2}(?:[Mm]odules|[Cc]omponents)\Z")
# Other plural nouns of a made thing's parts, after a verb that makes or has them (not "with",
# "of" or "includes", which as often count what a paper uses or evaluates: "employing the
# foundation model with three strategies: Linear Probing (LP), ..."): "Our framework
# introduces two key innovations: Dual Semantics Graph (DSG) and ...", "NexusGS comprises
# three key steps: Epipolar Depth Nexus, Flow-Resilient Depth Blending, and ...".
_OTHER_PART_NOUNS = frozenset(
    """mechanisms strategies stages designs innovations techniques branches blocks submodules steps
    phases parts losses objectives signals primitives principles tasks""".split())
_COUNTED_OTHER_PARTS = re.compile(
    r"(?<![\w-])(?:introduc|propos|design|develop|consist|compris|compos|featur|incorporat|integrat|formali[sz])\w* "
    r"(?:of )?(?P<count>two|three|four|five|several|[2-5]) (?:[\w-]+ ){0,2}[a-z]+\Z")


def other_part_colons(text: str) -> list[int]:
    """The colons after "N <adjectives> <plural part noun>" (`_OTHER_PART_NOUNS`) past the
    title, where `find_listed_parts` reads a list of parts as it does after "modules:"."""
    colons = []
    # One character, which str.find looks for with memchr: "s: " cost ten times as much.
    at = text.find(":", text.find("\n\n") + 2)
    while at >= 0:
        if text[at - 1 : at] == "s" and text[at + 1 : at + 2] == " ":  # every noun of the set is a plural
            word = text[text.rfind(" ", 0, at) + 1 : at]
            if word.lower() in _OTHER_PART_NOUNS and _COUNTED_OTHER_PARTS.search(text, max(0, at - 60), at):
                colons.append(at)
        at = text.find(":", at + 1)
    return colons


# Where an item of such a list starts: after the colon, a comma or semicolon (perhaps "and"), or
# " and " (after a short form's bracket, or anywhere in a list of two); past a marker "1)" or
# "i)" and an article.
_LISTED_ITEM = re.compile(
    r"(?:: |[,;] (?:and )?|(?<=\)) and )(?:(?:[1-9]|i{1,3}|iv|v)\) )?(?:(?:an?|the|An?|The) )?(?=[A-Z])")
_LISTED_PAIR_ITEM = re.compile(r"(?:: |[,;] (?:and )?| and )(?:(?:an?|the|An?|The) )?(?=[A-Z])")
# What may follow a listed name: its end, a short form, punctuation or a word that opens its
# description ("Hierarchical Prompting for fine-grained ...", "a Temporal Analyzer powered by ...");
# not a lower-case word the run modifies ("the Adaptive Frequency and Spatial feature Interaction Module").
_AFTER_LISTED = re.compile(
    r"\Z| ?[(,;.:)]| (?:for|to|that|which|who|with|via|in|on|of|as|and|is|are|using|based|powered|"
    r"by|built|designed|responsible|each|where|module|block|component)\b")
# A listed name that opens a clause of its own, after the colon or a semicolon, the subject of
# a verb: "through two tightly coupled components: Implicit Spatiotemporal Cache aggregates
# reference and historical observations ...; Explicit Spatial Constraint Module enforces ..."
# (arXiv 2604.07209).
# A plural noun the name modifies is followed by a preposition instead ("Attention blocks for").
# Round 18: after a comma too, past an adverb, and with two verbs joined by "and" ("three key
# modules: Gold Points Extractor trains VLMs to ..., Selective Socratic Questioner validates
# and refines these details ..., and Semantic Entailment Evaluator quantitatively assesses ...");
# not a plural noun before a preposition or a gerund ("and KAN-enhanced features across",
# "NeurIPS, ICLR, and ICML workshops covering", the corpus's two wrong pairs of its first form).
_CLAUSE_SUBJECT = re.compile(r" (?:[a-z]{3,}ly )?(?!(?:is|was|has|does|as|its|this|thus|plus|across)\b)"
                             r"[a-z]{2,}[^s\W]s (?:and [a-z]{2,}[^s\W]s )?"
                             r"(?!(?:for|of|in|on|to|with|and|or|from|that|which|at|by|across|into|over|under|"
                             r"per|between|within|among|via|through|than|as)\b|[a-z]+ing\b)[a-zA-Z]")


def find_listed_parts(text: str, lookup, colons: list[int] | None = None) -> list[Candidate]:
    """Title-Case names listed after a colon in a sentence that counts the parts of a
    contribution: "AFFormer introduces three key modules: Multi-Agent and Temporal Aggregation
    for context-aware fusion across agents and over time, Dual Spatial Attention for ...".
    `colons`: where "modules:" and "components:" end (`part_places`) and the colons of
    `other_part_colons`, found here if not given."""
    found: list[Candidate] = []
    for colon in sorted(part_places(text)[1] + other_part_colons(text)) if colons is None else colons:
        counted = _COUNTED_PARTS.search(text, max(0, colon - 60), colon)
        stop = text.find(". ", colon)
        stop = len(text) if stop < 0 else stop
        if counted is None:
            counted = _COUNTED_OTHER_PARTS.search(text, max(0, colon - 60), colon)
            if counted is None or not _plain_list(text, colon, stop):
                continue
        # Items end at the next comma or semicolon, so that a name's own "and" stays in it
        # ("Multi-Agent and Temporal Aggregation"); in a list of two, "and" ends one too
        # ("two modules: Clini-Recon and Clini-Eval, each ...").
        paired = counted.group("count") in ("two", "2")
        # A list of more with no ", and" ends "X, Y and Z": its last "and" joins two items.
        last_and = -1 if paired or text.find(", and ", colon, stop) >= 0 else text.rfind(" and ", colon, stop)
        for item in (_LISTED_PAIR_ITEM if paired else _LISTED_ITEM).finditer(text, colon, stop):
            bound = _next_of(text, (", ", "; "), item.end(), stop)
            run = RUN.match(text, item.end(), bound)
            if run is None or _AFTER_LISTED.match(text, run.end(), bound) is None and not (
                    text[item.start()] in ":;," and _CLAUSE_SUBJECT.match(text, run.end(), bound)):
                continue
            if paired and " and " in run.group() and item.start() == colon:  # not the second's own "and"
                run = RUN.match(text, item.end(), text.find(" and ", item.end(), run.end()))
            elif item.end() < last_and < run.end() and bound == stop:
                found += read_run_name(text, RUN.match(text, item.end(), last_and), lookup, single_ok=True, whole=True)
                run = RUN.match(text, last_and + 5, bound)
            found += read_run_name(text, run, lookup, single_ok=True, whole=True)
    return found


def _plain_list(text: str, colon: int, stop: int) -> bool:
    """Whether the list after a colon of `_OTHER_PART_NOUNS` is plain: not enumerated, which
    `find_enumerated_parts` reads ("three key innovations: (1) a MobileNetV2 backbone ..."),
    and holding no colon of its own ("two stages: Stage 1: VM-UNetV2 is used ...")."""
    return not _ENUMERATED_START.match(text, colon) and text.find(":", colon + 1, stop) < 0


_ENUMERATED_START = re.compile(r": \(?(?:[1-9]|i{1,3}|iv|v)\)")


def _next_of(text: str, separators: tuple[str, ...], start: int, stop: int) -> int:
    """Where the first of `separators` past `start` begins, or `stop`."""
    places = [at for at in (text.find(s, start, stop) for s in separators) if at >= 0]
    return min(places, default=stop)


# The nouns of a part of a system, by the letters past their first, which str.find finds
# in C: a name right before one names that part ("the Learning to Align module", "its
# Bridge Module", "a Volume Context Encoder"). Each needle costs about a microsecond an
# abstract, a tenth of a percent of an extraction; one regex of all the nouns cost 16.
# These four needles held 84% of the parts named before a part noun on 10,000 abstracts
# (module 225, block 47, mechanism 30, encoder and decoder 43 of 410); adapter (24), layer
# (15), stage (12), branch, component, phase and operator (14) were left out for speed.
# Round 9 added adapter (1.1 us an abstract: 9 pairs on 10,000 abstracts); phase (1.6 us, 3
# pairs) and operator (1.1 us, 1 pair) stay out for speed.
_PART_NEEDLES = (("odule", ("M", "m")), ("lock", ("B", "b")), ("echanism", ("M", "m")),
                 ("coder", ("En", "en", "De", "de")), ("dapter", ("A", "a")))


def part_places(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The places past the title the part rules read, from one scan of the needles: (the
    space before, the end) of each part noun that follows a capitalised word or a short
    form's bracket, in text order; and the colon of each "modules:" (from the "odule"
    needle) and "components:" (a needle of its own), for `find_listed_parts`."""
    start = text.find("\n\n") + 2
    found, colons = [], []
    for needle, firsts in _PART_NEEDLES:
        at = text.find(needle, start)
        while at >= 0:
            end = at + len(needle)
            if needle == "odule" and text.startswith("s:", end):
                colons.append(end + 1)
            noun = at - len(firsts[0])
            if (text.startswith(firsts, noun) and text[noun - 1] == " "
                    and (end == len(text) or not (text[end].isalnum() or text[end] in "_-"))
                    and (text[noun - 2] == ")" or text[text.rfind(" ", 0, noun - 1) + 1].isupper()
                         or text.startswith(")}", noun - 3))):  # "\\textit{Layer-Centric Distillation (LCD)} module"
                found.append((noun - 1, end))
            at = text.find(needle, end)
    at = text.find("omponents:", start)
    while at >= 0:
        colons.append(at + 9)
        at = text.find("omponents:", at + 10)
    return (sorted(found) if len(found) > 1 else found), colons


# A Title-Case run that ends where a part noun starts, and the determiner before it that
# makes it one thing ("a", "the", "its", "our"), perhaps with a modifier or two ("a novel
# Multi-Scale Hierarchical Transformer module", "a simple HDConv Block").
_PART_BEFORE = re.compile(
    rf"(?<![\w-])(?:an?|the|The|its|our|Our|A|An) (?:(?:novel|new|lightweight|learnable|dedicated|"
    rf"simple|key|core|plug-and-play) ){{0,2}}(?P<run>{RUN.pattern})\Z")
# A short form right before a part noun: "a saliency-oriented image-text response (SITR) mechanism".
_SHORT_BEFORE = re.compile(r"\(([A-Za-z][\w-]{1,9})\)\}?\Z")
_LOOK_BACK = 90


def find_named_parts(text: str, lookup, earlier, nouns: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Names given to the parts of a system, each right before the noun of its part: "its
    Bridge Module, which connects ...", "adding the Learning to Align module", "the
    NMamba module"; and an acronym defined there ("a saliency-oriented image-text
    response (SITR) mechanism"), whose definition `abbreviations.py` read (in `earlier`).

    A name of several Title-Case words before a part noun is coined wherever it stands; one
    word ("the UPerNet decoder") or a defined acronym ("the adaptive density control (ADC)
    mechanism of 3D Gaussian Splatting") names an existing part as often, and counts only in
    a sentence that says the part is the paper's own (`_OWN_PART`: "we design", "its",
    "comprises", "novel", "key").
    """
    found: list[Candidate] = []
    # Past the title, which capitalises every word ("... with a Unified Speech Encoder").
    for at, noun_end in part_places(text)[0] if nouns is None else nouns:
        titled = text[at + 1].isupper()
        if titled and RUN.match(text, noun_end + 1) is not None and text.startswith(" ", noun_end):
            continue  # "Module Fusion Network": the noun is no head here
        if text.startswith(" of ", noun_end):
            continue  # "the ADC mechanism of 3D Gaussian Splatting": a part of something else
        if not titled and text[at - 1] in ")}":
            short = _SHORT_BEFORE.search(text, max(0, at - 13), at)
            if short is not None:
                found += _defined_part(short, earlier, _says_own(text, at))
            continue
        end = noun_end if titled else at
        before = _PART_BEFORE.search(text, max(0, end - _LOOK_BACK), end)
        if before is None or text[end - 1] == "'" or text.endswith("'s", 0, end):
            continue  # "the PLMs' encoder", "the VAE's encoder": a part of a named thing
        run = RUN.match(text, before.start("run"), end)
        if "," in run.group() or " " not in run.group() and not _says_own(text, at):
            continue  # a list ("the CNN, Transformer Encoder"), or one word in no sentence of its own
        # One part noun closes one name: "a Feature Erasing and Purification Module", "The
        # Knowledge Retrieval and Response Generation module" (two are "modules").
        found += read_run_name(text, run, lookup, single_ok=True, names_noun=True, whole=True)
    return found


def _says_own(text: str, at: int) -> bool:
    """Whether the sentence up to `at` says that what it names is the paper's own."""
    sentence = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    return _OWN_PART.search(text, sentence, at) is not None

# Words that make a part the paper's own: "we devise a X module", "its X module", "X
# comprises a Y block", "a novel X layer", "two key components: a X encoder" (not
# "features", as often a noun: "... align radiographic features ..., while the Gemma-3b decoder").
_OWN_PART = re.compile(r"introduc|propos|design|devis|develop|present|construct|compris|consist|"
                       r"incorporat|integrat|equip|novel|(?<![\w-])(?:[Oo]ur|its|new|key|core)(?![\w-])")


def _defined_part(short: re.Match, earlier, own: bool) -> list[Candidate]:
    """The definition the abbreviation rules read for a short form before a part noun, as
    introduced: the paper names its own part there, in a sentence that says so (`own`) or
    after an indefinite article (`_A_PART_BEFORE`)."""
    text = short.string
    for c in earlier:
        if c.component == "kg_abbreviations" and c.aliases and c.aliases[-1] == short.group(1) \
                and short.start() - 3 <= c.end <= short.start():
            if not own and _A_PART_BEFORE.search(text, max(0, c.start - 40), c.start) is None:
                return []
            # The short form too, whose role survives when a longer name swallows the long form
            # ("A CLIP-based Semantic Mining (SeMi) module").
            return [Candidate(start, end, c.name, c.type, c.confidence, "kg_coined", c.entity,
                              Role.INTRODUCES, c.aliases)
                    for start, end in ((c.start, c.end), (short.start(1), short.end(1)))]
    return []


# "a"/"an" (perhaps with a modifier or two) before a definition whose short form a part noun
# follows: one part described as it is made, as in a paper's account of its own system ("A
# CLIP-based Semantic Mining (SeMi) module first extracts ...", "to align 2D and 3D features
# via a Semantic-Guided Alignment (SGA) module", arXiv 2603.14189); an existing part is
# named with "the" ("the adaptive density control (ADC) mechanism of 3D Gaussian Splatting").
_A_PART_BEFORE = re.compile(r"(?<![\w-])(?:an?|An?) (?:[\w-]+ ){0,2}(?:\\[a-z]+\{)?\Z")


def _past_openers(text: str, at: int) -> int:
    """Where a name starts after the article or opener of an item: "(1) A Feature
    Selection Adapter", "(1) Existing LLM-as-a-Judge does not ..."."""
    space = text.find(" ", at, at + 10)
    return space + 1 if space > 0 and text[at:space] in _OPENERS else at



def find_title_name(text: str, lookup) -> list[Candidate]:
    """The name a title opens with before its colon, or a title that is a data set's name
    ("IJmond Industrial Smoke Segmentation Dataset").

    A title head is a name when it is one name-shaped token ("D-Convexity", "Memex(RL)",
    "video-SALMONN-R$^3$"), perhaps with a version ("OrthoAI v2"); or one capitalised word
    that the abstract uses again inside a sentence and never in lower case ("Ramsa: ..."
    and "... of Ramsa is ..."), which a word the title capitalises ("Convexity: ...") is
    not. Several plain words ("Adjusted Winner: ...", "Chart Specification: ...") are as
    often a concept as a name, and the rules that read the abstract decide those.
    """
    line_end = text.find("\n")
    title_end = len(text) if line_end < 0 else line_end
    # The ending first: `_DATA_TITLE` backtracks over every word of most titles.
    if text.endswith(_DATA_NOUNS, 0, title_end) and _DATA_TITLE.fullmatch(text, 0, title_end) is not None:
        name = text[:title_end]
        return coined_candidates(text, 0, title_end, None) if may_be_coined(name, lookup) else []
    head = _TITLE_HEAD.match(text, 0, title_end)
    if head is None:
        return []
    name = head.group(1)
    words = name.split()
    shaped = _SHAPED_PAST_FIRST.search(words[0], 1) is not None and all(
        _VERSION.fullmatch(w) for w in words[1:]) or _ends_in_a_name(words)
    if not shaped and not (all(w[:1].isupper() for w in words) and (
            _named_again(text, name, title_end) or _named_as_a_kind(text, name, head.end(1), title_end, lookup)
            or " " not in name and spells_initials(name, text[head.end() : title_end].split()))):
        return []
    if not may_be_coined(name, lookup):
        return []
    last = words[-1]
    if _ends_in_a_name(words) and not _VERSION.fullmatch(last) and _named_alone(text, last, title_end):
        # "Pangu DeepDiver: ..." and "we propose DeepDiver": the name is the last word, the
        # first a brand or a qualifier of it.
        return coined_candidates(text, head.end(1) - len(last), head.end(1), None)
    return coined_candidates(text, 0, head.end(1), None)


def _named_alone(text: str, word: str, after: int) -> bool:
    """Whether the abstract (past `after`) writes `word` as a word of its own."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text[after:]) is not None

_TITLE_HEAD = re.compile(r"([\w$^{}()+&.'-]+(?: [^\s:]+){0,2}) ?:\s")


def _ends_in_a_name(words: list[str]) -> bool:
    """Whether a title head of two or three capitalised words ends in a name-shaped word, one
    with a digit or a capital after a small letter: "LLM StructCore: ...", "CLEF HIPE-2026:
    ...", "Medico 2025: ...", "Skywork R1V: ..." (the head is the name, its first word a
    qualifier or the name's own); not a head opened by a verb or a preposition ("Beyond
    Standard MoE: ...", "Scaling LLaNA: ...", "Towards X: ..."), which is about a name."""
    return (1 < len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and _NAME_SHAPED_LAST.fullmatch(words[-1]) is not None
            and words[0].lower() not in _HEAD_OPENERS and not words[0].endswith("ing"))


_NAME_SHAPED_LAST = re.compile(r"[A-Za-z]*[a-z][A-Z][\w-]*|[\w.-]*\d[\w.-]*")
_HEAD_OPENERS = frozenset(
    "a an the on beyond towards toward to from for with via into bridge rethinking revisiting "
    "figure fig. table section appendix step stage phase part chapter example algorithm".split())
_SHAPED_PAST_FIRST = re.compile(r"[A-Z0-9&$(]")
_VERSION = re.compile(r"[vV]?\d[\w.]*|Pro|Plus|Lite|Mini|Max|XL|Ultra|Turbo|Zero|\+\+")


# After a title head's colon, the kind of thing the head names, in apposition: "Interpreto:
# An Explainability Library for ...", "T-Gated Adapter: A Lightweight Temporal Adapter for
# ...", not "X: A Survey of Transformers" nor "X: Explaining Transformers".
_KIND_AFTER_COLON = re.compile(
    r"\s*:\s+(?:An?|The)\s+(?:(?!(?:of|for|on|in|to|with|and)\b)[\w-]+\s+){0,4}?(?i:"
    + "|".join(sorted({*TYPE_NOUNS, "adapter", "adaptor", "platform"})) + r")\b")


def _named_as_a_kind(text: str, name: str, head_end: int, title_end: int, lookup) -> bool:
    """Whether the title says what kind of thing its head is ("Interpreto: An Explainability
    Library") and the head is a name: its first word shaped like one ("T-Gated") and no
    name the lists know ("RANSAC Revisited: An Improved Algorithm" is about RANSAC), or the
    abstract writing it capitalised at least as often as in lower case (a package's name
    in "pip install interpreto" or a URL), which a concept ("Convexity: A Unified
    Framework ... convexity ...") is not."""
    if _KIND_AFTER_COLON.match(text, head_end, title_end) is None:
        return False
    first = name.split()[0]
    if _SHAPED_PAST_FIRST.search(first, 1) is not None:
        return first == name or is_unlisted(lookup(first)) and not _used_alone(text, first, name, title_end)
    abstract = text[title_end:]
    capitalised = abstract.count(name)
    lower = len(re.findall(rf"\b{re.escape(name.lower())}\b", abstract))
    return capitalised > 0 and capitalised >= lower


def spells_initials(head: str, words: list[str]) -> bool:
    """Whether a one-word title head is spelled by the starts of the title words after its
    colon, in order, each piece the start of one word, words skipped between: "Zeus: Zero-shot
    LLM Instruction for Union Segmentation ..." (Ze-, U-, S-; arXiv 2504.07336), a head made
    for its title; "Ramsa: ..." or "Convexity: A Unified ..." are not. A piece of one
    letter starts a capitalised word, and at least two words give a piece."""
    head = head.lower()
    if not head.isalpha() or not 3 <= len(head) <= 8:
        return False
    words = [w for word in words[:12] for w in word.split("-") if w[:1].isalpha()]

    def spell(at: int, word: int, pieces: int) -> bool:
        if at == len(head):
            return pieces >= 2
        for i in range(word, len(words)):
            w = words[i].lower()
            size = 0
            while at + size < len(head) and size < len(w) and w[size] == head[at + size]:
                size += 1
                if (size > 1 or words[i][0].isupper()) and spell(at + size, i + 1, pieces + 1):
                    return True
        return False

    return spell(0, 0, 0) and words[0][:1].lower() == head[0]


def _used_alone(text: str, first: str, name: str, after: int) -> bool:
    """Whether the abstract names the first word of a title head without the rest ("RANSAC
    Revisited: ..." and "We revisit RANSAC."): the head is about that name, not a new one."""
    word = re.compile(rf"(?<![\w-]){re.escape(first)}(?![\w-])")
    return any(not text.startswith(name, m.start()) for m in word.finditer(text, after))


def _named_again(text: str, name: str, after: int) -> bool:
    """Whether the abstract uses a one-word title head again as a name: inside a
    sentence, and never in lower case."""
    at = text.find(name, after)
    while at >= 0:
        before = text[max(after, at - 3) : at].rstrip()
        if before and before[-1] not in ".!?:\n" and not text[at + len(name) : at + len(name) + 1].isalnum():
            break
        at = text.find(name, at + 1)
    if at < 0:
        return False
    return " " not in name and re.search(rf"\b{re.escape(name.lower())}\b", text) is None
