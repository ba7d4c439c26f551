"""Names a paper coins for the parts of its contribution, and names its title opens with.

- the parts an enumeration names in a sentence about what a contribution is made of: "Our
  method introduces three key innovations: (1) Instance-Guided Refinement that ...";
- the components it builds, capitalised before the noun of their kind: "BrainCast
  integrates a Spatial Interaction Awareness module", "its Bridge Module";
- a title that is a name: "D-Convexity: A Unified ...", "Memex(RL): ...", "IJmond
  Industrial Smoke Segmentation Dataset".

`coined_names.coined_name_candidates` calls these beside its cue readers.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.coined_forms import (
    ADJECTIVAL, RUN, WORD, coined_candidates, may_be_coined, read_run_name,
)

# Words an enumerated item or a title may open with that are no part of the name.
_OPENERS = frozenset("A An The Our".split())
# Enumerated items "(1) ", "(ii) " and the words before them that say they are parts of a
# contribution ("introduces three key innovations: (1) ...", "consists of (i) ...").
_ITEM = re.compile(r"\((?:[1-9]|i{1,3}|iv|v|vi)\) (?=[A-Z])")
_PARTS_WORDS = re.compile(
    r"introduc|propos|present|consist|compris|compose|innovation|contribution|component|module|"
    r"construct|build|release|curate|create|design|develop"
)
_DATA_NOUNS = ("Dataset", "Benchmark", "Corpus")
_DATA_TITLE = re.compile(rf"(?:{WORD} ){{1,7}}(?:{'|'.join(_DATA_NOUNS)})")


def find_enumerated_parts(text: str, lookup) -> list[Candidate]:
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
            run = RUN.match(text, _past_openers(text, item.end()))
            if run is not None:
                found += read_run_name(text, run, lookup, single_ok=True)
    return found



def find_component_names(text: str, lookup) -> list[Candidate]:
    """Title-Case names of the components a paper builds, before the noun of their kind:
    "BrainCast integrates a Spatial Interaction Awareness module", "our Inter-Instance
    Relation Consistency module", "The core innovation of HiT lies in its Bridge Module".

    Authors capitalise the modules they coin; an article or "our"/"its" before the name
    says it is one thing, and the run holds no "and" ("the RPN and RoI heads" are two).
    """
    found: list[Candidate] = []
    for head in component_heads(text):
        at = head.start()
        before = _BEFORE_COMPONENT.search(text, max(0, at - 120), at)
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
        if may_be_coined(name, lookup) and not ADJECTIVAL.search(name) and _is_own_part(text, start):
            found += coined_candidates(text, start, end, None)
    return found



def component_heads(text: str) -> list[re.Match]:
    """The matches of `_COMPONENT_HEAD.finditer(text)` after a word that starts with a
    capital (the word before " " + the noun): most kinds follow a lower-case word ("a
    linear layer"), which leaves no run to read.

    Found from the capitalised words instead: `_CAPITAL_BEFORE_HEAD` is led by " " and a
    capital, which `re` checks in C, and takes the word to its end only where a kind's
    noun follows; `_COMPONENT_HEAD`, led by its space, is tried at every space (4 times
    slower on the corpus). A word starts after a space or at the text's start; text with
    non-ASCII characters, whose capitals `[A-Z]` does not hold, is read the plain way
    (`tests/extract/test_coined_parts.py` compares the two).
    """
    if not text.isascii():
        return [head for head in _COMPONENT_HEAD.finditer(text)
                if text[text.rfind(" ", 0, head.start()) + 1 : head.start()][:1].isupper()]
    heads = []
    first_space = text.find(" ")
    if first_space > 0 and text[0].isupper():  # the first word has no space before it
        head = _COMPONENT_HEAD.match(text, first_space)
        if head is not None:
            heads.append(head)
    for word in _CAPITAL_BEFORE_HEAD.finditer(text):
        heads.append(_COMPONENT_HEAD.match(text, word.end()))
    return heads


def _is_own_part(text: str, at: int) -> bool:
    """Whether the sentence around `at` says the component is the paper's own: "we" or
    "our", or a word of building or making up ("integrates", "consists of", "core")."""
    sentence = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    end = min(i for i in (text.find(". ", at), text.find("\n", at), len(text)) if i >= 0)
    return _OWN_PART.search(text, sentence, end) is not None

_OWN_PART = re.compile(
    r"(?<![\w-])(?:[Ww]e|[Oo]ur|[Ii]ts|propos\w*|introduc\w*|design\w*|develop\w*|consists?|compris\w*|"
    r"integrat\w*|incorporat\w*|includ\w*|core|key|novel|new)(?![\w-])"
)
# The noun of a component's kind after its name, in lower case or as part of it.
_COMPONENT_HEAD = re.compile(
    r" ((?:[Mm]odule|[Bb]lock|[Ll]ayer|[Mm]echanism|[Hh]ead|[Aa]dapter|[Bb]ranch|[Ll]oss|"
    r"[Cc]omponent|[Ee]ncoder|[Dd]ecoder|[Aa]lgorithm|[Ss]trategy)s?)(?![\w-])"
)
# A capitalised word with the noun of a kind after it (the noun not taken: it may be the
# next match's word, "its Bridge Module Head").
_CAPITAL_BEFORE_HEAD = re.compile(r" [A-Z][^ ]*(?=" + _COMPONENT_HEAD.pattern + ")")
_NAME_GOES_ON = re.compile(r" [A-Z]")
# An article, "our" or "its", perhaps a modifier, then a Title-Case run ending where the
# component noun starts.
_BEFORE_COMPONENT = re.compile(
    rf"(?<![\w-])(?:[Aa]n?|[Oo]ur|[Ii]ts|[Tt]he)(?: (?:novel|new|proposed|modular|lightweight|"
    rf"dedicated|learnable|dual|key))? ({WORD}(?:(?: (?:to|of|and))? {WORD})*)$"
)


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
        _VERSION.fullmatch(w) for w in words[1:])
    if not shaped and not (all(w[:1].isupper() for w in words) and _named_again(text, name, title_end)):
        return []
    return coined_candidates(text, 0, head.end(1), None) if may_be_coined(name, lookup) else []

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
