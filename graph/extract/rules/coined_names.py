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
- the parts an enumeration names, the parts named right before a part noun ("its Bridge
  Module"), and a title that is a name ("D-Convexity: A Unified ..."), read in
  `coined_parts.py`.

Each becomes a `Candidate` with role INTRODUCES, which `contributions.py` keeps as it is;
being longer than the pieces the other rules found in it, it wins overlap resolution. Names
the curated lists know are existing things, and never coined here. The scans are led by
literals ("e " of "we ", "termed", "novel", "(1)"), so most texts cost a few searches in C
(about 30 microseconds an abstract, a hundredth of the extraction). The shared reading of
a Title-Case run is in `coined_forms.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from paperkg.graph.extract.rules.agent_parts import find_agent_parts
from paperkg.graph.extract.rules.appositive_names import find_appositive_names
from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.coined_forms import (
    RUN, SHORT, abbreviates, coined_candidates, is_unlisted, may_be_coined, read_run_name,
)
from paperkg.graph.extract.rules.coined_parts import (
    find_enumerated_parts, find_listed_parts, find_named_parts, find_title_name, other_part_colons,
    part_places,
)
from paperkg.graph.extract.rules.cues import TYPE_NOUNS, is_stop_name
from paperkg.graph.extract.rules.described_parts import find_described_parts
from paperkg.graph.extract.rules.subject_names import find_subject_names
from paperkg.graph.records import Entity, Role

_INTRODUCES = Role.INTRODUCES

# Who introduces and how: "we (further) propose", "we developed", "which we refer to as",
# "this paper introduces", "by proposing",
# "a framework termed", "(we ...) and construct". One regex each, led by a literal that re
# finds in C ("e " of "we ", "his ", "ed"), the words before it read behind: one regex of
# all five, led by their first letters, stopped at every "t", "a" and "c" (7 times slower).
_VERBS = r"(?:introduce|propose|present|formali[sz]e|define|release|develop|design|construct|curate|create|build)"
# Led by "d ", "and " read behind it: re stops at each "d" instead of each "a" (the 3,000
# texts of a first pass: 7.0 -> 5.1 ms); its matches start 2 after "and". An adverb may stand
# between "and" and the verb: "and further construct X", "and also propose X".
_AND_CUE = re.compile(rf"d (?<=and )(?:(?:further|also|then|additionally) )?{_VERBS}(?![\w-])")
_CALLED_CUE = re.compile(r"ed(?![\w-])(?:(?<=termed)|(?<=called)|(?<=named)|(?<=dubbed)|(?<=coined))")
# "we refer to ... as": every match holds this literal, which `str.__contains__` finds in a
# fifth of the time the regex's scan for "e " takes; 5 of 3,000 texts hold it.
_REFER_LITERAL = "e refer to "
_REFER_CUE = re.compile(r"e (?<=[Ww]e )(?<![A-Za-z][Ww]e )refer to (?:(?:it|this|them|these) )?as(?![\w-])")
# "we (further) propose": the words after "we", and the plain cue (the tests' reference).
_AFTER_WE = rf"(?:[a-z]+ ){{0,2}}?{_VERBS}(?:[sd]|ed)?(?![\w-])"
_WE_CUE = re.compile(r"e (?<=[Ww]e )(?<![A-Za-z][Ww]e )" + _AFTER_WE)
# The same cue scanned as "we ..." and "We ..." apart (`_we_cue_ends`), each led by a literal
# whose first letter is rare, where "e " stopped re at every "e" (the 3,000 texts of a first
# pass: 11.1 -> 8.3 ms with the loop around it).
_WE_CUES = tuple(re.compile(rf"{we} (?<![A-Za-z]{we} )" + _AFTER_WE) for we in ("we", "We"))
_CUES = (
    _REFER_CUE,
    re.compile(r"his (?<=[Tt]his )(?:paper|work|study|article|report) (?:[a-z]+ )?(?:introduce|propose|present)s"
               r"(?![\w-])"),
    re.compile(r"by (?:introduc|propos|present|develop|design|construct|curat|creat)ing(?![\w-])"),
    _CALLED_CUE,
    _AND_CUE,
)
# After "called" the name comes at once: "two named published results yield X" names nothing.
_CALLED_GAP = re.compile(r" (?:the )?")
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
# A LaTeX or quote wrapper around a name: "\textsc{...}" (when the text is read as given),
# "\"Idea Head\"", "``Idea Head''", Markdown's "**CoE**".
_WRAPPED = re.compile(r"(?:\\(?:emph|textsc|textbf|textit|texttt|mathrm|mathbf|mathsf)\{([^{}]{2,60})\}"
                      r"|[\"\u201c]([^\"\u201d]{2,60})[\"\u201d]|``([^`']{2,60})''|\*\*([^*]{2,60})\*\*)")
_SHORT_INSIDE = re.compile(r" \(([A-Za-z][\w-]{1,9})\)$")
# A lower-case long form a cue and "novel"/"new" introduce with its short form: "the
# novel video-to-script (V2S) task".
_LOWER_DEFINED = re.compile(r"(?:the |a |an )?(?:novel|new) ([a-z][\w-]*(?: [a-z][\w-]*){0,4}) \(([A-Z][\w-]{1,9})\)"
                            r" (?:task|benchmark|dataset|corpus|metric)\b")


def coined_name_candidates(
    text: str, lookup: Callable[[str], Entity | None], earlier: list[Candidate] = (), hits=(),
) -> list[Candidate]:
    """INTRODUCES candidates of the names `text` coins where the shape rules miss them.

    Args:
        text: a title and abstract joined by a blank line, or any text.
        lookup: the known entity a surface form names, or None; names the curated lists
            know (any origin but "discovered") are never coined.
        earlier: the candidates of the earlier components (only read): a short form an
            abbreviation defined before keeps that definition's entity.
        hits: the text's `find_context_names`, whose untyped names may open a sentence as
            its subject (`subject_names.find_subject_names`).

    Returns:
        The candidates, in the order found.
    """
    found: list[Candidate] = []
    for end in _we_cue_ends(text):
        found += _after_cue(text, end, lookup, _GAP)
    for cues in _CUES:
        if cues is _REFER_CUE and _REFER_LITERAL not in text:
            continue
        for cue in cues.finditer(text):
            if cues is _AND_CUE and not _we_before(text, cue.start() - 2):
                continue  # "models and present challenges": no "we" says the verb is ours
            found += _after_cue(text, cue.end(), lookup, _CALLED_GAP if cues is _CALLED_CUE else _GAP)
    for novel in _NOVEL.finditer(text):
        found += _novel_name(text, novel.end(), lookup)
    if ")" in text:
        found += find_enumerated_parts(text, lookup)
    nouns, colons = part_places(text)
    more = other_part_colons(text)
    if more:
        colons = sorted(colons + more)
    if colons:
        found += find_listed_parts(text, lookup, colons)
    spans = {(c.start, c.end) for c in found}  # a part a cue read already ("we developed a X Adapter")
    found += [c for c in find_named_parts(text, lookup, earlier, nouns) if (c.start, c.end) not in spans]
    found += [c for c in find_agent_parts(text, lookup) if (c.start, c.end) not in spans]
    spans = {(c.start, c.end) for c in found}
    found += [c for c in find_described_parts(text, lookup) if (c.start, c.end) not in spans]
    found += find_title_name(text, lookup)
    found += find_subject_names(text, hits, lookup, earlier)
    found += find_appositive_names(text, hits, lookup, earlier)
    return _named_as_defined(found, earlier) if found and earlier else found



def _we_cue_ends(text: str) -> list[int]:
    """Where the matches of `_WE_CUE` end, in order, from the two scans of `_WE_CUES`.

    A "We ..." and a "we ..." match overlap only when one holds the other's "we" among the
    words before its verb ("We we propose"), and then both end at that verb: the same
    ends, once each, as one scan's matches, which is all the cue's reader takes."""
    ends = [match.end() for match in _WE_CUES[0].finditer(text)]
    ends += [match.end() for match in _WE_CUES[1].finditer(text)]
    return sorted(set(ends)) if len(ends) > 1 else ends


def _named_as_defined(found: list[Candidate], earlier: list[Candidate]) -> list[Candidate]:
    """The candidates with a short form that an earlier definition gave ("Semantic-based
    Unsupervised Framing Analysis (SUFA)" in the title, "called Semantic Relations-based
    Unsupervised Framing Analysis (SUFA)" in the abstract) named as that definition's
    entity, one entity for both; the short form's uses are the definition's already."""
    defined = {c.aliases[-1]: c for c in earlier if c.component == "kg_abbreviations" and c.aliases}
    starts = {c.start for c in found}  # only the found spans are asked about: few starts
    listed = {(c.start, c.end) for c in earlier if c.start in starts and not is_unlisted(c.entity)}
    kept = []
    for candidate in found:
        if (candidate.start, candidate.end) in listed:
            continue  # read as a listed name's span ("Iterative Refinement Module (IRM)" by IRM)
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



def _after_cue(text: str, at: int, lookup, gaps: re.Pattern = _GAP) -> list[Candidate]:
    """The name an introducing cue ending at `at` gives, and those a colon list adds."""
    if text.startswith(" (", at):
        return []  # "we propose (1) ...": read as an enumeration
    lower = _LOWER_DEFINED.match(text, at + 1)
    if lower is not None:
        return _lower_definition(text, lower, lookup)
    gap = gaps.match(text, at)
    if gap is None:
        return []  # "... that we propose.": nothing follows the cue
    start = gap.end()
    wrapped = _WRAPPED.match(text, start)
    if wrapped is not None:
        group = next(i for i in (1, 2, 3, 4) if wrapped.group(i) is not None)
        return _wrapped_name(text, wrapped.start(group), wrapped.end(group), wrapped.end(), lookup)
    run = RUN.match(text, start)
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
    # "We introduce the Code Triangle framework": a Title-Case run the definite article
    # makes one thing, the noun after it is the kind that thing is; "a Multi-Agent
    # Reinforcement Learning framework" is a framework of a kind, and names nothing.
    found = read_run_name(text, run, lookup, single_ok=named, names_noun=gap_words == ["the"])
    if found and (namely or noun in _LISTED_NOUNS or named and gap_words[-1][-1] == ","):
        found += _listed_after(text, found[0].end, lookup, single_ok=named)
    return found



def _lower_definition(text: str, match: re.Match, lookup) -> list[Candidate]:
    """A lower-case long form coined with its short form, whose letters it holds in order."""
    long, short = match.group(1), match.group(2)
    if not abbreviates(short, long) or is_stop_name(short):
        return []
    if not is_unlisted(lookup(long) or lookup(short)):
        return []
    return coined_candidates(text, match.start(1), match.end(1), short)



def _wrapped_name(text: str, start: int, end: int, after: int, lookup) -> list[Candidate]:
    """A name in LaTeX or quotes after a cue: "\\emph{Search More, Think Less} (SMTL)"."""
    inner_short = _SHORT_INSIDE.search(text, start, end)  # "\textbf{Chain of Evidence (CoE)}"
    if inner_short is not None:
        end, after = inner_short.start(), inner_short.start()
    name = text[start:end]
    if not name[:1].isupper() or not may_be_coined(name, lookup):
        return []
    short = SHORT.match(text, after)
    found = coined_candidates(text, start, end, short.group(1) if short else None)
    return found



def _listed_after(text: str, at: int, lookup, single_ok: bool) -> list[Candidate]:
    """The Title-Case names a list after a cue goes on with, up to its sentence's end: "Blind
    Gap, measuring ..., and Visual Gain, measuring ...", "benchmarks: LocalNews and DSGlobal"."""
    end = _SENTENCE_END.search(text, at)  # "...Contrastive Tuning.The framework": no space
    stop = len(text) if end is None else end.start()
    found: list[Candidate] = []
    for item in _LIST_ITEM.finditer(text, at, stop):
        run = RUN.match(text, item.end())
        if run is not None and run.end() <= stop:
            found += read_run_name(text, run, lookup, single_ok=single_ok)
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
    run = RUN.match(text, at)
    if run is None or is_stop_name(run.group().rsplit(None, 1)[-1]):
        return []  # "a novel Tool-Augmented LLM": a kind of thing, not a name
    return read_run_name(text, run, lookup, single_ok=False, heads=_HEAD_WORDS)

_HEAD_WORDS = frozenset(TYPE_NOUNS) | frozenset(
    "block layer head branch adapter adaptor index task loss attention".split()
)
