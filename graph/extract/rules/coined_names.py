r"""Names a paper coins that the shape rules cut short or miss, read where it says it coins them.

`name_spans.py` reads a name as at most four capitalised or name-shaped words, drops a plain
capitalised word after a colon, and knows no "&" or LaTeX; `context_names.py` reads a cue
only right before a name. So some coined names never reach the roles, or reach them cut:

- a Title-Case name after an introducing cue and a few modifiers: "we further propose an
  instance-level Shortcut Score", "a novel self improving framework,Self Improving
  Faithfulness Aware Contrastive Tuning", "we formalize the Reference Image to Slide
  Generation task", "based on a novel Slide Complexity Metric";
- one joined by "and" or wrapped in LaTeX, then defined by a short form: "a novel framework
  termed Segmenting Objectiveness and Task-Awareness (SOTA)", "we propose \emph{Search
  More, Think Less} (SMTL)", "introduces the novel video-to-script (V2S) task";
- one holding "&": "we propose Probe&Prefill";
- the names a colon list after the cue gives: "we introduce two diagnostics: Blind Gap,
  measuring ..., and Visual Gain, measuring ...";
- the parts an enumeration names in a sentence about what a contribution is made of: "Our
  method introduces three key innovations: (1) Instance-Guided Refinement that ...";
- a title that is a name: "D-Convexity: A Unified ...", "IJmond Industrial Smoke
  Segmentation Dataset".

Each becomes a `Candidate` with role INTRODUCES, which `contributions.py` keeps as it is;
being longer than the pieces the other rules found in it, it wins overlap resolution. Names
the curated lists know are existing things, and never coined here. The scans are led by
literals ("we", "termed", "novel", "(1)"), so most texts cost a few searches in C.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from paperkg.graph.extract.rules.abbreviations import bare_uses, type_of_long_form
from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.name_spans import SHAPED
from paperkg.graph.extract.rules.cues import TYPE_NOUNS, is_stop_name, type_of_noun, type_of_shape
from paperkg.graph.records import Entity, EntityType, Role

_COMPONENT = "kg_coined"
_CONFIDENCE = 0.75
_INTRODUCES = Role.INTRODUCES
# Who introduces and how: "we (further) propose", "this paper introduces", "by proposing",
# "a framework termed", "(we ...) and construct". One regex each, led by a literal that re
# finds in C ("e " of "we ", "his ", "ed"), the words before it read behind: one regex of
# all five, led by their first letters, stopped at every "t", "a" and "c" (7 times slower).
_VERBS = r"(?:introduce|propose|present|formali[sz]e|define|release|develop|design|construct|curate|create|build)"
_AND_CUE = re.compile(rf"and {_VERBS}(?![\w-])")
_CUES = (
    re.compile(rf"e (?<=[Ww]e )(?<![A-Za-z][Ww]e )(?:[a-z]+ ){{0,2}}?{_VERBS}[sd]?(?![\w-])"),
    re.compile(r"his (?<=[Tt]his )(?:paper|work|study|article|report) (?:[a-z]+ )?(?:introduce|propose|present)s"
               r"(?![\w-])"),
    re.compile(r"by (?:introduc|propos|present|develop|design|construct|curat|creat)ing(?![\w-])"),
    re.compile(r"ed(?![\w-])(?:(?<=termed)|(?<=called)|(?<=named)|(?<=dubbed)|(?<=coined))"),
    _AND_CUE,
)
# "a novel Slide Complexity Metric": "novel" or "new" right before a Title-Case name.
_NOVEL = re.compile(r"(?:novel|new) (?=[A-Z])")
# Between the cue and the name: an article, a number, modifiers ("an instance-level"),
# perhaps the noun the name is given to with "," or ":" ("two dataset-level diagnostics:",
# "a suite of quantitative metrics, namely", "a novel robust MER framework,").
# A preposition ends it ("a method for Named Entity Recognition" coins nothing).
_GAP = re.compile(r"(?: (?:(?:suite|set|family|series|pair|collection|couple) of"
                  r"|(?!(?:of|for|to|by|with|in|on|upon|at|from|into|via|about|across|through|between|within|"
                  r"against|among|over|under|after|before|during|without|than|like|such|including|that|"
                  r"which|and|or|as|using|leveraging|employing|utilizing|exploiting)\b)[a-z][\w-]*|[A-Z]{2,}(?= [a-z]))){0,7}"
                  r"(?:[,:] ?(?:namely )?| )")
# A Title-Case run: capitalised words, joined by a comma or by one lower-case connector at
# most between two of them ("Segmenting Objectiveness and Task-Awareness", "Search More,
# Think Less": arXiv's "\emph{...}" is already out of the text the rules read).
# A word may hold LaTeX math ("M$^2$D-LIF", "Echo-E$^3$Net"), kept as the paper writes it.
_MATH = r"\$[^$\s]{1,24}\$"
_WORD = rf"[A-Z](?:[\w&+'-]|{_MATH})*"
_RUN = re.compile(rf"{_WORD}(?:(?:(?: (?:and|&|of|to|for|from|in|on|with|via|the))? |, ){_WORD}|(?: \d[\w.]*)(?![\w-]))*")
_CONNECTORS = frozenset("and & of to for from in on with via the".split())
# Words an enumerated item or a title may open with that are no part of the name.
_OPENERS = frozenset("A An The Our".split())
# A name made an adjective is no name: "(2) SOP-grounded reasoning".
_ADJECTIVAL = re.compile(r"-(?:based|driven|grounded|guided|aware|level|style|like|free|specific|centric)$")
# First words that make a run a clause about other things, not a name: "(1) Existing
# LLM-as-a-Judge does not ...", "(2) Most Vision Transformers ...".
_NOT_FIRST = frozenset("existing recent previous prior current conventional most many some such "
                       "these those this we it they all each both".split())
# A LaTeX or quote wrapper around a name: "\textsc{...}" (when the text is read as given),
# "\"Idea Head\"", "``Idea Head''", Markdown's "**CoE**".
_WRAPPED = re.compile(r"(?:\\(?:emph|textsc|textbf|textit|texttt|mathrm|mathbf|mathsf)\{([^{}]{2,60})\}"
                      r"|[\"\u201c]([^\"\u201d]{2,60})[\"\u201d]|``([^`']{2,60})''|\*\*([^*]{2,60})\*\*)")
# A short form right after the name: " (SOTA)"; or at the end of a wrapped name.
_SHORT = re.compile(r" \(([A-Za-z][\w-]{1,9})\)")
_SHORT_INSIDE = re.compile(r" \(([A-Za-z][\w-]{1,9})\)$")
# A lower-case long form a cue and "novel"/"new" introduce with its short form: "the
# novel video-to-script (V2S) task".
_LOWER_DEFINED = re.compile(r"(?:the |a |an )?(?:novel|new) ([a-z][\w-]*(?: [a-z][\w-]*){0,4}) \(([A-Z][\w-]{1,9})\)"
                            r" (?:task|benchmark|dataset|corpus|metric)\b")
# Nouns after a Title-Case run that it names, rather than modifies: "the X task", "the X metric".
_NAMED_NOUNS = frozenset("task benchmark dataset corpus metric score measure".split())
# Words too general to make a name on their own ("Large Language Models").
_GENERIC = frozenset(
    """large small language languages vision visual deep neural foundation generative pretrained
    multimodal multi-modal open base new novel general simple standard existing proposed unified
    efficient robust scalable learning model models network networks system systems method methods
    framework data artificial intelligence machine reinforcement improved enhanced modified
    extended revised algorithm""".split()
)
# Enumerated items "(1) ", "(ii) " and the words before them that say they are parts of a
# contribution ("introduces three key innovations: (1) ...", "consists of (i) ...").
_ITEM = re.compile(r"\((?:[1-9]|i{1,3}|iv|v|vi)\) (?=[A-Z])")
_PARTS_WORDS = re.compile(
    r"introduc|propos|present|consist|compris|compose|innovation|contribution|component|module|"
    r"construct|build|release|curate|create|design|develop"
)
_DATA_TITLE = re.compile(rf"(?:{_WORD} ){{1,7}}(?:Dataset|Benchmark|Corpus)")


def coined_name_candidates(
    text: str, lookup: Callable[[str], Entity | None], earlier: list[Candidate] = (),
) -> list[Candidate]:
    """INTRODUCES candidates of the names `text` coins where the shape rules miss them.

    Args:
        text: a title and abstract joined by a blank line, or any text.
        lookup: the known entity a surface form names, or None; names the curated lists
            know (any origin but "discovered") are never coined.
        earlier: the candidates of the earlier components (only read): a short form an
            abbreviation defined before keeps that definition's entity.

    Returns:
        The candidates, in the order found.
    """
    found: list[Candidate] = []
    for cues in _CUES:
        for cue in cues.finditer(text):
            if cues is _AND_CUE and not _we_before(text, cue.start()):
                continue  # "models and present challenges": no "we" says the verb is ours
            found += _after_cue(text, cue.end(), lookup)
    for novel in _NOVEL.finditer(text):
        found += _novel_name(text, novel.end(), lookup)
    if "(" in text:
        found += _enumerated_parts(text, lookup)
    found += _component_names(text, lookup)
    found += _title_name(text, lookup)
    return _named_as_defined(found, earlier) if found and earlier else found


def _named_as_defined(found: list[Candidate], earlier: list[Candidate]) -> list[Candidate]:
    """The candidates with a short form that an earlier definition gave ("Semantic-based
    Unsupervised Framing Analysis (SUFA)" in the title, "called Semantic Relations-based
    Unsupervised Framing Analysis (SUFA)" in the abstract) named as that definition's
    entity, one entity for both; the short form's uses are the definition's already."""
    defined = {c.aliases[-1]: c for c in earlier if c.component == "kg_abbreviations" and c.aliases}
    kept = []
    for candidate in found:
        first = defined.get(candidate.aliases[-1]) if candidate.aliases else None
        if first is None and candidate.name in defined:
            continue  # "CalVerT: ..." in the title: a use of a defined short form
        if first is None:
            kept.append(candidate)
        elif not _share_words(first.aliases[0], candidate.name):
            if candidate.role is _INTRODUCES:  # "FER" defined twice for two things: kept apart
                kept.append(candidate)
        elif candidate.role is _INTRODUCES:
            own = candidate.name
            candidate.name, candidate.entity, candidate.type = first.name, first.entity, first.type
            candidate.aliases = tuple(dict.fromkeys((*first.aliases, own)))
            kept.append(candidate)
    return kept


def _share_words(one: str, other: str) -> bool:
    """Whether two long forms share half the words of the shorter: the same thing
    written twice, not one short form given to two things."""
    a, b = set(one.casefold().split()), set(other.casefold().split())
    return 2 * len(a & b) >= min(len(a), len(b))


def _we_before(text: str, at: int) -> bool:
    """Whether "we" is the subject before `at` in its sentence: "we introduce X and construct Y"."""
    sentence = text.rfind(". ", 0, at) + 1
    return text.find("we ", sentence, at) >= 0 or text.find("We ", sentence, at) >= 0


def _after_cue(text: str, at: int, lookup) -> list[Candidate]:
    """The name an introducing cue ending at `at` gives, and those a colon list adds."""
    if text.startswith(" (", at):
        return []  # "we propose (1) ...": read as an enumeration
    lower = _LOWER_DEFINED.match(text, at + 1)
    if lower is not None:
        return _lower_definition(text, lower, lookup)
    gap = _GAP.match(text, at)
    if gap is None:
        return []  # "... that we propose.": nothing follows the cue
    start = gap.end()
    wrapped = _WRAPPED.match(text, start)
    if wrapped is not None:
        group = next(i for i in (1, 2, 3, 4) if wrapped.group(i) is not None)
        return _wrapped_name(text, wrapped.start(group), wrapped.end(group), wrapped.end(), lookup)
    run = _RUN.match(text, start)
    if run is None:
        return []
    gap_words = gap.group().split()
    namely = gap_words[-1:] == ["namely"]
    if namely:
        gap_words.pop()
    noun = gap_words[-1].rstrip(",:").lower() if gap_words else ""
    # The noun a name is given to: "a dataset Cine250K", "two benchmarks: LocalNews and
    # DSGlobal", "an end-to-end infrastructure, WidgetFactory,".
    named = noun in TYPE_NOUNS or bool(gap_words) and gap_words[-1][-1] in ",:"
    if gap_words and gap_words[-1][-1] == ":" and noun not in TYPE_NOUNS and noun not in _LISTED_NOUNS:
        return []  # "a five-level taxonomy: Atomic Generation, ...": the parts of something else
    found = _run_name(text, run, lookup, single_ok=named)
    if found and (namely or noun in _LISTED_NOUNS or named and gap_words[-1][-1] == ","):
        found += _listed_after(text, found[0].end, lookup, single_ok=named)
    return found


def _run_name(text: str, run: re.Match, lookup, single_ok: bool, heads=None) -> list[Candidate]:
    """The candidates of a Title-Case run: kept whole when a short form defines it or a
    noun it names follows it ("the Reference Image to Slide Generation task"), else up to
    its first connector or comma; a name if it holds "&", or is two words or more, not
    generic, or with `single_ok` (a noun before it that it names) one name-shaped word."""
    start, end = run.start(), run.end()
    short = _SHORT.match(text, end)
    if short is not None and not _abbreviates(short.group(1), text[start:end]):
        short = None
    if short is None and not _names_next_noun(text, start, end):
        end = _first_connector_end(text, start, end)
    name = text[start:end]
    words = name.split()
    if words[0].lower() in _NOT_FIRST or _ADJECTIVAL.search(words[-1]):
        return []
    single = single_ok and len(words) == 1 and SHAPED.search(name) is not None
    marked = ("&" in name or "$" in name) and len(name) > 3  # no shape rule reads these
    if not (marked or short is not None or len(words) >= 2 or single):
        return []
    if heads is not None and words[-1].lower() not in heads and short is None:
        return []
    if not _may_be_coined(name, lookup):
        return []
    if short is None and not single and _modifies_noun(text, end):
        return []  # (a name-shaped word names the noun after it: "the VisionCreator model")
    return _candidates(text, start, end, short.group(1) if short else None)


def _abbreviates(short: str, long: str) -> bool:
    """Whether a short form's letters stand in its long form in order, the first first."""
    if short[0].lower() != long[0].lower():
        return False
    letters = iter(long.lower())
    return all(ch in letters for ch in short.lower() if ch.isalpha())


def _names_next_noun(text: str, start: int, end: int) -> bool:
    """Whether a run joined by connectors other than "and"/"or" names the noun after it."""
    match = _NEXT_WORD.match(text, end)
    if match is None or match.group(1) not in _NAMED_NOUNS:
        return False
    run = text[start:end]
    return "," not in run and " and " not in run


def _first_connector_end(text: str, start: int, end: int) -> int:
    """Where a run ends before its first lower-case connector or comma ("Fishyscapes Lost
    and Found" is two names or one: only a short form says it is one)."""
    position = start
    for word in text[start:end].split(" "):
        if word in _CONNECTORS:
            return position - 1
        if word.endswith(","):
            return position + len(word) - 1
        position += len(word) + 1
    return end


def _may_be_coined(name: str, lookup) -> bool:
    """Not a stop name or a general phrase, not all general words, not a curated name."""
    if is_stop_name(name) or all(w.lower().rstrip("s") in _GENERIC or w.lower() in _GENERIC
                                 for w in name.split() if w.lower() not in _CONNECTORS):
        return False
    return _is_unlisted(lookup(name))


def _is_unlisted(entity: Entity | None) -> bool:
    """Whether a name is in no curated list: unknown, or only discovered in other abstracts."""
    return entity is None or entity.origin == "discovered"


def _modifies_noun(text: str, end: int) -> bool:
    """Whether a lower-case noun of a kind other than a named one follows the run: "a
    Multi-Agent Reinforcement Learning framework" is a framework, not a name."""
    match = _NEXT_WORDS.match(text, end)
    if match is None:
        return False
    for word in match.group().split():
        if word in TYPE_NOUNS:
            return word not in _NAMED_NOUNS
    return False


_NEXT_WORD = re.compile(r" ([a-z]+)\b")
# The lower-case words after a run, as far as a noun they could end in: "a Flexible Fetal
# US image generation framework" is a framework.
_NEXT_WORDS = re.compile(r"(?: [a-z][a-z-]*){1,3}")


def _candidates(text: str, start: int, end: int, short: str | None) -> list[Candidate]:
    """A coined name's candidate at [start, end), and its short form's uses when it has one."""
    name = text[start:end]
    entity_type = _type_of(text, name, end, short)
    aliases = (name, short) if short else ()
    found = [Candidate(start, end, name, entity_type, _CONFIDENCE, _COMPONENT, None, _INTRODUCES, aliases)]
    if short is not None:
        found += [Candidate(s, e, name, entity_type, _CONFIDENCE - 0.05, _COMPONENT, None, None, aliases)
                  for s, e in bare_uses(text, short) if s > end]
    return found


def _type_of(text: str, name: str, end: int, short: str | None) -> EntityType:
    """The type a coined name's head word, shape, or the noun after it gives; else METHOD."""
    after = text.find(")", end) + 1 if short else end
    noun = _NEXT_WORD.match(text, after)
    return (type_of_long_form(name) or type_of_shape(name) or (short and type_of_shape(short))
            or (noun and type_of_noun(noun.group(1))) or EntityType.METHOD)


def _lower_definition(text: str, match: re.Match, lookup) -> list[Candidate]:
    """A lower-case long form coined with its short form, whose letters it holds in order."""
    long, short = match.group(1), match.group(2)
    if not _abbreviates(short, long) or is_stop_name(short):
        return []
    if not _is_unlisted(lookup(long) or lookup(short)):
        return []
    return _candidates(text, match.start(1), match.end(1), short)


def _wrapped_name(text: str, start: int, end: int, after: int, lookup) -> list[Candidate]:
    """A name in LaTeX or quotes after a cue: "\\emph{Search More, Think Less} (SMTL)"."""
    inner_short = _SHORT_INSIDE.search(text, start, end)  # "\textbf{Chain of Evidence (CoE)}"
    if inner_short is not None:
        end, after = inner_short.start(), inner_short.start()
    name = text[start:end]
    if not name[:1].isupper() or not _may_be_coined(name, lookup):
        return []
    short = _SHORT.match(text, after)
    found = _candidates(text, start, end, short.group(1) if short else None)
    return found


def _listed_after(text: str, at: int, lookup, single_ok: bool) -> list[Candidate]:
    """The Title-Case names a list after a cue goes on with, up to its sentence's end: "Blind
    Gap, measuring ..., and Visual Gain, measuring ...", "benchmarks: LocalNews and DSGlobal"."""
    end = _SENTENCE_END.search(text, at)  # "...Contrastive Tuning.The framework": no space
    stop = len(text) if end is None else end.start()
    found: list[Candidate] = []
    for item in _LIST_ITEM.finditer(text, at, stop):
        run = _RUN.match(text, item.end())
        if run is not None and run.end() <= stop:
            found += _run_name(text, run, lookup, single_ok=single_ok)
    return found


# Plural nouns of what a paper contributes several of, in a list after its cue ("two
# diagnostics: Blind Gap, ..., and Visual Gain"); "a five-level taxonomy: Atomic
# Generation, ..." lists the levels of something, not things of its own.
_LISTED_NOUNS = frozenset(
    """metrics measures scores diagnostics indicators indices criteria modules components blocks
    datasets benchmarks corpora models methods algorithms strategies techniques losses variants
    tasks tools agents estimators""".split()
)
_SENTENCE_END = re.compile(r"[.;](?:\s|(?=[A-Z]))")
_LIST_ITEM = re.compile(r"(?:, (?:and )?| and )(?=[A-Z])")


def _novel_name(text: str, at: int, lookup) -> list[Candidate]:
    """ "a novel Slide Complexity Metric": a Title-Case name ending in a type noun, or defined
    by a short form, right after "novel" or "new"."""
    run = _RUN.match(text, at)
    if run is None or is_stop_name(run.group().rsplit(None, 1)[-1]):
        return []  # "a novel Tool-Augmented LLM": a kind of thing, not a name
    return _run_name(text, run, lookup, single_ok=False, heads=_HEAD_WORDS)


_HEAD_WORDS = frozenset(TYPE_NOUNS) | frozenset(
    "block layer head branch adapter adaptor index task loss attention".split()
)


def _enumerated_parts(text: str, lookup) -> list[Candidate]:
    """Title-Case or name-shaped names that enumerated items open, in a sentence that says they are the
    parts of a contribution: "Our method introduces three key innovations: (1) Instance-Guided
    Refinement that ...; (2) Influence Function Integration that ..."."""
    found: list[Candidate] = []
    lead_checked: dict[int, bool] = {}
    for item in _ITEM.finditer(text):
        sentence = max(text.rfind(". ", 0, item.start()), text.rfind("\n", 0, item.start())) + 1
        if sentence not in lead_checked:
            first = _ITEM.search(text, sentence)
            lead_checked[sentence] = _PARTS_WORDS.search(text, sentence, first.start()) is not None
        if lead_checked[sentence]:
            run = _RUN.match(text, _past_openers(text, item.end()))
            if run is not None:
                found += _run_name(text, run, lookup, single_ok=True)
    return found


def _component_names(text: str, lookup) -> list[Candidate]:
    """Title-Case names of the components a paper builds, before the noun of their kind:
    "BrainCast integrates a Spatial Interaction Awareness module", "our Inter-Instance
    Relation Consistency module", "The core innovation of HiT lies in its Bridge Module".

    Authors capitalise the modules they coin; an article or "our"/"its" before the name
    says it is one thing, and the run holds no "and" ("the RPN and RoI heads" are two).
    """
    found: list[Candidate] = []
    for head in _COMPONENT_HEAD.finditer(text):
        before = _BEFORE_COMPONENT.search(text, max(0, head.start() - 120), head.start())
        if before is None or " and " in before.group(1):
            continue
        named = head.group(1)[0].isupper()  # "its Bridge Module": the noun is in the name
        if named and _NAME_GOES_ON.match(text, head.end()):
            continue  # "a Natural Mechanism Agent": the name does not end at the noun
        if not named and " " not in before.group(1):
            continue  # one capitalised word before a lower-case noun: "a Transformer encoder"
        start = before.start(1)
        end = head.end() if named else head.start()
        name = text[start:end]
        if _may_be_coined(name, lookup) and not _ADJECTIVAL.search(name) and _is_own_part(text, start):
            found += _candidates(text, start, end, None)
    return found


def _is_own_part(text: str, at: int) -> bool:
    """Whether the sentence around `at` says the component is the paper's own: "we" or
    "our", or a word of building or making up ("integrates", "consists of", "core")."""
    sentence = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    end = text.find(". ", at)
    return _OWN_PART.search(text, sentence, len(text) if end < 0 else end) is not None


_OWN_PART = re.compile(
    r"(?<![\w-])(?:[Ww]e|[Oo]ur|[Ii]ts|propos\w*|introduc\w*|design\w*|develop\w*|consists?|compris\w*|"
    r"integrat\w*|incorporat\w*|includ\w*|core|key|novel|new)(?![\w-])"
)


# The noun of a component's kind after its name, in lower case or as part of it.
_COMPONENT_HEAD = re.compile(
    r" ((?:[Mm]odule|[Bb]lock|[Ll]ayer|[Mm]echanism|[Hh]ead|[Aa]dapter|[Bb]ranch|[Ll]oss|"
    r"[Cc]omponent|[Ee]ncoder|[Dd]ecoder|[Aa]lgorithm|[Ss]trategy)s?)(?![\w-])"
)
_NAME_GOES_ON = re.compile(r" [A-Z]")
# An article, "our" or "its", perhaps a modifier, then a Title-Case run ending where the
# component noun starts.
_BEFORE_COMPONENT = re.compile(
    rf"(?<![\w-])(?:[Aa]n?|[Oo]ur|[Ii]ts|[Tt]he)(?: (?:novel|new|proposed|modular|lightweight|"
    rf"dedicated|learnable|dual|key))? ({_WORD}(?:(?: (?:to|of|and))? {_WORD})*)$"
)


def _past_openers(text: str, at: int) -> int:
    """Where a name starts after the article or opener of an item: "(1) A Feature
    Selection Adapter", "(1) Existing LLM-as-a-Judge does not ..."."""
    space = text.find(" ", at, at + 10)
    return space + 1 if space > 0 and text[at:space] in _OPENERS else at


def _title_name(text: str, lookup) -> list[Candidate]:
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
    if _DATA_TITLE.fullmatch(text, 0, title_end) is not None:
        name = text[:title_end]
        return _candidates(text, 0, title_end, None) if _may_be_coined(name, lookup) else []
    head = _TITLE_HEAD.match(text, 0, title_end)
    if head is None:
        return []
    name = head.group(1)
    words = name.split()
    shaped = _SHAPED_PAST_FIRST.search(words[0], 1) is not None and all(
        _VERSION.fullmatch(w) for w in words[1:])
    if not shaped and not (all(w[:1].isupper() for w in words) and _named_again(text, name, title_end)):
        return []
    return _candidates(text, 0, head.end(1), None) if _may_be_coined(name, lookup) else []


_TITLE_HEAD = re.compile(r"([\w$^{}()+&.'-]+(?: [^\s:]+){0,2}) ?:\s")
_SHAPED_PAST_FIRST = re.compile(r"[A-Z0-9&$(]")
_VERSION = re.compile(r"[vV]?\d[\w.]*|Pro|Plus|Lite|Mini|Max|XL|Ultra|Turbo|Zero|\+\+")


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
