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
# Capitalised words only (a hyphen may join a lower-case piece: "User Role-play Model").
_PLAIN_RUN = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)*")
# The clause that says what the part does: "that"/"which", perhaps an adverb, a verb in "s";
# or first one part noun the run names ("a Strategic Appraisal phase that infers").
_DOES = re.compile(r"(?: (?:phase|stage|module|mechanism|strategy|component|block|layer|unit|head|branch))?"
                   r",? (?:that|which) (?:[a-z]+ly )?(?:[a-z]+ and )?[a-z]{2,}s\b")


def find_described_parts(text: str, lookup) -> list[Candidate]:
    """INTRODUCES candidates of the Title-Case runs after "a"/"an" that a clause describes,
    past the title (which capitalises every word).

    Args:
        text: a title and abstract joined by a blank line, or any text.
        lookup: the known entity a surface form names, or None.
    """
    if "that " not in text and "which " not in text:
        return []
    found: list[Candidate] = []
    title_end = text.find("\n\n")
    for article in _ARTICLE.finditer(text, title_end + 2 if title_end >= 0 else 0):
        at = article.start()
        if text[at - 3 : at] == "as ":
            continue  # "AI as a Persuasion Judge, which explores ...": a role, not a part made
        if text[at - 2 : at] == ", " and (NAME_BEFORE.search(text, 0, at - 2) or _CAPITAL_BEFORE.search(text, 0, at - 2)):
            continue  # "we propose STPNet, a Scale-aware Text Prompt Network that": its description
        run = RUN.match(text, article.end())
        if run is None or _PLAIN_RUN.fullmatch(run.group()) is None or not _DOES.match(text, run.end()):
            continue
        name = run.group()
        if " " not in name and ("-" not in name or not name.rsplit("-", 1)[-1][:1].isupper()):
            continue  # one plain word, or a lower-case piece last ("a NN-mechanism that divides")
        found += read_run_name(text, run, lookup, single_ok=True, whole=True, names_noun=True)
    return found
