"""Names a paper coins for the parts of its contribution, and names its title opens with.

- the parts an enumeration names in a sentence about what a contribution is made of: "Our
  method introduces three key innovations: (1) Instance-Guided Refinement that ...";
- a title that is a name: "D-Convexity: A Unified ...", "Memex(RL): ...", "IJmond
  Industrial Smoke Segmentation Dataset".

`coined_names.coined_name_candidates` calls these beside its cue readers.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.candidates import Candidate
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
PARTS_WORDS = re.compile(
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
    for item in ITEM.finditer(text):
        sentence = max(text.rfind(". ", 0, item.start()), text.rfind("\n", 0, item.start())) + 1
        if sentence not in lead_checked:
            first = ITEM.search(text, sentence)
            lead_checked[sentence] = PARTS_WORDS.search(text, sentence, first.start()) is not None
        if lead_checked[sentence]:
            run = RUN.match(text, _past_openers(text, item.end()))
            if run is not None:
                found += read_run_name(text, run, lookup, single_ok=True)
    return found



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
    if not shaped and not (all(w[:1].isupper() for w in words) and (
            _named_again(text, name, title_end) or _named_as_a_kind(text, name, head.end(1), title_end, lookup))):
        return []
    return coined_candidates(text, 0, head.end(1), None) if may_be_coined(name, lookup) else []

_TITLE_HEAD = re.compile(r"([\w$^{}()+&.'-]+(?: [^\s:]+){0,2}) ?:\s")
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
