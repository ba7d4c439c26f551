"""The words and runs a coined name is read from, shared by `coined_names.py` and
`coined_parts.py`.

A run is Title-Case words joined by a comma or a lower-case connector ("Segmenting
Objectiveness and Task-Awareness", "Search More, Think Less"). `read_run_name` decides how
much of a run is a name: all of it when a short form defines it or a noun it names follows
it, else up to its first connector; and whether it is a name at all (not general words, not
a name the curated lists hold). `coined_candidates` makes the INTRODUCES candidate.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.abbreviations import bare_uses, type_of_long_form
from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.cues import TYPE_NOUNS, is_stop_name, type_of_noun, type_of_shape
from paperkg.graph.extract.rules.name_spans import SHAPED
from paperkg.graph.records import Entity, EntityType, Role

_COMPONENT = "kg_coined"
_CONFIDENCE = 0.75
_INTRODUCES = Role.INTRODUCES
# A Title-Case run: capitalised words, joined by a comma or by one lower-case connector at
# most between two of them ("Segmenting Objectiveness and Task-Awareness", "Search More,
# Think Less": arXiv's "\emph{...}" is already out of the text the rules read).
# A word may hold LaTeX math ("M$^2$D-LIF", "Echo-E$^3$Net"), kept as the paper writes it.
_MATH = r"\$[^$\s]{1,24}\$"
WORD = rf"[A-Z](?:[\w&+'-]|{_MATH})*"
RUN = re.compile(rf"{WORD}(?:(?:(?: (?:and|&|of|to|for|from|in|on|with|via|the))? |, ){WORD}|(?: \d[\w.]*)(?![\w-]))*")
_CONNECTORS = frozenset("and & of to for from in on with via the".split())
# A name made an adjective is no name: "(2) SOP-grounded reasoning".
ADJECTIVAL = re.compile(r"-(?:based|driven|grounded|guided|aware|level|style|like|free|specific|centric)$")
# First words that make a run a clause about other things, not a name: "(1) Existing
# LLM-as-a-Judge does not ...", "(2) Most Vision Transformers ...".
_NOT_FIRST = frozenset("existing recent previous prior current conventional most many some such "
                       "these those this we it they all each both".split())
# A short form right after the name: " (SOTA)"; or at the end of a wrapped name.
SHORT = re.compile(r" \(([A-Za-z][\w-]{1,9})\)")
# A compound adjective right after a definition, which makes the definition part of a
# longer modifier: "Kullback-Leibler (KL) divergence-based distillation".
_COMPOUND_AFTER = re.compile(r" [a-z]+-(?:based|driven|grounded|guided|aware|level|style|like|free|specific|centric)\b")
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


def read_run_name(text: str, run: re.Match, lookup, single_ok: bool, heads=None,
                  names_noun: bool = False, whole: bool = False) -> list[Candidate]:
    """The candidates of a Title-Case run: kept whole when a short form defines it or a
    noun it names follows it ("the Reference Image to Slide Generation task"), else up to
    its first connector or comma (with `whole`, which a part noun after it says, not at
    all: "the Learning to Align module"); a name if it holds "&", or is two words or
    more, not generic, or with `single_ok` (a noun before it that it names) one name-shaped word.
    With `names_noun` (a definite article before it), a run of two words or more names the
    noun after it ("we introduce the Code Triangle framework") rather than modifying it."""
    start, end = run.start(), run.end()
    short = SHORT.match(text, end)
    if short is not None and not abbreviates(short.group(1), text[start:end]):
        short = None
    if short is not None and _COMPOUND_AFTER.match(text, short.end()):
        return []  # "an adaptive Kullback-Leibler (KL) divergence-based ... method": a modifier
    if short is None and not whole and not _names_next_noun(text, start, end):
        end = _first_connector_end(text, start, end)
    name = text[start:end]
    words = name.split()
    if words[0].lower() in _NOT_FIRST or ADJECTIVAL.search(words[-1]):
        return []
    single = single_ok and len(words) == 1 and SHAPED.search(name) is not None
    marked = ("&" in name or "$" in name) and len(name) > 3  # no shape rule reads these
    if not (marked or short is not None or len(words) >= 2 or single):
        return []
    if heads is not None and words[-1].lower() not in heads and short is None:
        return []
    if not may_be_coined(name, lookup):
        return []
    if short is None and not single and not (names_noun and len(words) >= 2) and _modifies_noun(text, end):
        return []  # (a name-shaped word names the noun after it: "the VisionCreator model")
    return coined_candidates(text, start, end, short.group(1) if short else None)



def abbreviates(short: str, long: str) -> bool:
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



def may_be_coined(name: str, lookup) -> bool:
    """Not a stop name or a general phrase, not all general words, not a curated name."""
    if is_stop_name(name) or all(w.lower().rstrip("s") in _GENERIC or w.lower() in _GENERIC
                                 for w in name.split() if w.lower() not in _CONNECTORS):
        return False
    return is_unlisted(lookup(name))



def is_unlisted(entity: Entity | None) -> bool:
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


def coined_candidates(text: str, start: int, end: int, short: str | None) -> list[Candidate]:
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
