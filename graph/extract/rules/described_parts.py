"""Parts of a paper's system named with what they do: "a Paper Agent that interprets
algorithmic concepts", "a lightweight Prompt Enhancer that expands concise user intents",
"MIND introduces a Strategic Appraisal phase that infers opponent willingness".

A run of ordinary capitalised words is read by no shape rule (`name_spans.py` finds it, but
only a cue types it), and `agent_parts.py` reads one after "a"/"an" only when it ends in an
agent noun ("Manager", "Reasoner"). Here the run may end in any word, for the clause after it
says what the part does: an indefinite article (perhaps two lower-case modifiers after it),
the run, perhaps one part noun it names ("phase", "module"), then "that" or "which" and a verb
in "s" (perhaps after an adverb: "that dynamically selects"). The article describes a part as
it is made, as `agent_parts.py` found; "the" names an existing one. The run is two words or
more, or one hyphenated word, in no curated list. Not the description of a name just given
("we propose STPNet, a Scale-aware Text Prompt Network that leverages ..."), which
`agent_parts._NAME_BEFORE` reads, nor a run of general words ("an efficient Multimodal LLM").
`background_sentences.py` later demotes those named before the abstract speaks of the paper.

On the first 10,000 corpus abstracts (`bench/extract_diff.py`) it adds 19 INTRODUCES pairs,
18 of them parts of the paper's own system ("a Paper Agent that interprets algorithmic
concepts", "a Guidance Branch that preserves ..."), one an existing thing ("we begin with a
Digital Surface Model, which serves as ..."): round 23, data/roles/README.md.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.agent_parts import NAME_BEFORE
from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.coined_forms import RUN, read_run_name

# "a"/"an", then at most two lower-case modifiers, before a capital: "a lightweight Prompt
# Enhancer", "an end-to-end Facial ...". A preposition or a verb among the modifiers would
# make the run another clause's object; lower-case words of those kinds are left out.
_ARTICLE = re.compile(r"(?<![\w-])[Aa]n? (?:(?!(?:of|for|to|by|with|in|on|and|or|that|which|is|are)\b)[a-z][\w-]* ){0,2}(?=[A-Z])")
# A capitalised word before ", a": "we propose Similar, a Step-wise Multi-dimensional
# Generalist Reward Model, which offers ...", a plain word that names the paper's system.
_CAPITAL_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]*\Z")
# Where a describing clause starts, and how far before it an article is looked for: two
# modifiers, a run of six words and a part noun fit in it.
_CLAUSE_WORDS = (" that ", " which ")
_REACH = 160
# Capitalised words only (a hyphen may join a lower-case piece: "User Role-play Model").
_PLAIN_RUN = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)*")
# The clause that says what the part does: "that"/"which", perhaps an adverb, a verb in "s";
# or first one part noun the run names ("a Strategic Appraisal phase that infers").
_PART_NOUNS = frozenset("phase stage module mechanism strategy component block layer unit head branch".split())
_DOES = re.compile(r"(?: (?:" + "|".join(sorted(_PART_NOUNS)) + r"))?"
                   r",? (?:that|which) (?:[a-z]+ly )?(?:[a-z]+ and )?[a-z]{2,}s\b")


def find_described_parts(text: str, lookup) -> list[Candidate]:
    """INTRODUCES candidates of the Title-Case runs after "a"/"an" that a clause describes,
    past the title (which capitalises every word).

    Args:
        text: a title and abstract joined by a blank line, or any text.
        lookup: the known entity a surface form names, or None.
    """
    found: list[Candidate] = []
    title_end = text.find("\n\n")
    first = title_end + 2 if title_end >= 0 else 0
    seen = -1
    # Only the words before a "that"/"which" can hold such a run: the article is looked for
    # there (a scan of the whole text stopped at every "a": 27 us an abstract, a thirtieth
    # of an extraction; these windows cost a few).
    for clause in _clause_starts(text, first):
        last = text[text.rfind(" ", 0, clause) + 1 : clause].rstrip(",")
        if not last[:1].isupper() and last not in _PART_NOUNS:
            continue  # "a method that ...": the clause follows no run and no part noun
        window = max(first, seen + 1, clause - _REACH)
        for article in _ARTICLE.finditer(text, window, clause):
            seen = article.start()
            found += _described(text, article, lookup)
    return found


def _clause_starts(text: str, start: int) -> list[int]:
    """Where each " that " and " which " from `start` on starts, in text order (`str.find`
    in C: a regex led by a space stops at every word)."""
    found = []
    for word in _CLAUSE_WORDS:
        at = text.find(word, start)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return sorted(found)


def _described(text: str, article: re.Match, lookup) -> list[Candidate]:
    """The candidate of the run after one article, when a clause describes it, else []."""
    at = article.start()
    if text[at - 3 : at] == "as ":
        return []  # "AI as a Persuasion Judge, which explores ...": a role, not a part made
    if text[at - 2 : at] == ", " and (NAME_BEFORE.search(text, 0, at - 2) or _CAPITAL_BEFORE.search(text, 0, at - 2)):
        return []  # "we propose STPNet, a Scale-aware Text Prompt Network that": its description
    run = RUN.match(text, article.end())
    if run is None or _PLAIN_RUN.fullmatch(run.group()) is None or not _DOES.match(text, run.end()):
        return []
    name = run.group()
    if " " not in name and ("-" not in name or not name.rsplit("-", 1)[-1][:1].isupper()):
        return []  # one plain word, or a lower-case piece last ("a NN-mechanism that divides")
    return read_run_name(text, run, lookup, single_ok=True, whole=True, names_noun=True)
