"""Roles: what a paper does with each entity it mentions, read off the words before it.

The cue nearest to the mention, within its sentence and at most `WINDOW` characters
before it, decides: "we propose/introduce/present X" and "our X" -> INTRODUCES;
"outperforms X", "compared with X", "than X", "over X" -> COMPARES; "on X", "evaluated
on X" for a dataset or benchmark -> EVALUATES_ON; "using X", "based on X", "with X",
"on X" for anything else -> USES; no cue -> MENTIONS. A cue reaches past a list of
names ("outperforming both GPT-4-0125 (85.9%) and GPT-4o") but not past a clause
break (";", " which ", " while ").
"""

from __future__ import annotations

import re

from paperkg.graph.records import EntityType, Role

WINDOW = 90
_CUE_ALTERNATIVES = (
    r"(?P<intro>(?:we|We)\s+(?:\w+\s+){0,2}?(?:introduce|propose|present|release|develop|design|"
    r"build|construct|curate|create|contribute|call|name|term)[sd]?\b|(?:called|named|dubbed|"
    r"termed)\b)"
    r"|(?P<compare>(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|compared? (?:with|to|against)|"
    r"comparison (?:with|to)|than|over|versus|vs\.?|against|relative to|improv\w+ (?:up)?on)\b)"
    r"|(?P<evaluate>(?:evaluat\w+|test\w*|benchmark\w*|experiments?|results?|performance|"
    r"accuracy|achiev\w+|scores?)\b[^.;]{0,40}?\b(?:on|across|in)\b|(?:[Oo]n|across)\b)"
    r"|(?P<use>(?:using|uses?|used|use of|based on|built (?:up)?on|with|via|leverag\w+|employ\w*|"
    r"adopt\w*|appl(?:y|ies|ying|ied)|fine-?tun\w+|trained|train\w*|initiali[sz]ed from|from)\b)"
)
# One leading \b for every cue, and a look-ahead on the letters cues start with, so
# that most positions fail at once; the alternatives, and so the match, are unchanged.
_CUES = re.compile(rf"\b(?=[abcdefilnoprstuvwOW])(?:{_CUE_ALTERNATIVES})")
# The same cues with the character before them, for ASCII text, where the \b before a
# cue's first letter is a character of [^A-Za-z0-9_] before it: led by a character set,
# so re skips to those in C instead of trying every position (see `_last_cue`).
_CUES_AFTER_BREAK = re.compile(rf"[^A-Za-z0-9_](?=[abcdefilnoprstuvwOW])(?:{_CUE_ALTERNATIVES})")
_OUR = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+)?$")
_BARRIER_WORDS = ("which", "while", "whereas", "but")
_EVALUATED = frozenset({EntityType.DATASET, EntityType.BENCHMARK})


def assign_role(text: str, sentence_start: int, start: int, entity_type: EntityType) -> Role:
    """The role of the mention starting at `start` (see the module docstring).

    Args:
        text: the field the mention is in.
        sentence_start: where the mention's sentence starts.
        start: where the mention starts.
        entity_type: the mention's type; "on X" means EVALUATES_ON only for data.
    """
    left = text[max(sentence_start, start - WINDOW) : start]
    left = left[clause_start(left) :]
    if "ur" in left and _OUR.search(left):  # "ur": most windows have no "our" to look for
        return Role.INTRODUCES
    last = _last_cue(left)  # the nearest cue
    if last is None:
        return Role.MENTIONS
    kind = last.lastgroup
    if kind == "intro":
        return Role.INTRODUCES
    if kind == "compare":
        return Role.COMPARES
    if kind == "evaluate":
        return Role.EVALUATES_ON if entity_type in _EVALUATED else Role.USES
    return Role.USES


def _last_cue(left: str) -> re.Match | None:
    """The last cue of `_CUES.finditer(left)`: a match with its end and its group.

    In ASCII text a cue starts at the start of `left`, right where the last cue ended
    (after "vs."), or after a character of [^A-Za-z0-9_], which `_CUES_AFTER_BREAK`
    takes with it (so the match may start one character early); each search starts
    where the last cue ended, as `finditer`'s do.
    """
    last = None
    if not left.isascii():
        for last in _CUES.finditer(left):  # noqa: B007 - the nearest cue is the last one
            pass
        return last
    position, match = 0, _CUES.match(left)
    while True:
        if match is None:
            match = _CUES_AFTER_BREAK.search(left, position)
            if match is None:
                return last
        last, position = match, match.end()
        match = _CUES.match(left, position)


def clause_start(left: str) -> int:
    r"""Where the last clause of `left` starts: after its last ";", ". " or barrier word.

    The same offset as the end of the last match of the regex
    `;|\bwhich\b|\bwhile\b|\bwhereas\b|\bbut\b|\. ` (whose matches never overlap), found
    with `str.rfind`: that regex, tried at every position of every mention's window,
    cost as much as the role cues themselves.
    """
    end = left.rfind(";") + 1
    dot = left.rfind(". ")
    if dot >= 0:
        end = max(end, dot + 2)
    if "wh" not in left and "but" not in left:  # no barrier word here: most windows
        return end
    for word in _BARRIER_WORDS:
        limit = len(left)
        while (found := left.rfind(word, 0, limit)) >= 0:
            after = found + len(word)
            if not _is_word_char(left, found - 1) and not _is_word_char(left, after):
                end = max(end, after)
                break
            limit = after - 1
    return end


def _is_word_char(text: str, index: int) -> bool:
    r"""What `\w` says of `text[index]` (False outside the text), as `\b` reads it."""
    if index < 0 or index >= len(text):
        return False
    char = text[index]
    return char.isalnum() or char == "_"
