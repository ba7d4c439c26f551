"""spaCy's affix and URL searches, made cheap for the chunks that cannot need them.

spaCy's tokenizer splits each chunk of text it has not seen before (a run of non-space
characters) with four regular expressions: prefixes, suffixes, infixes and URLs. The
English prefix and suffix ones are alternations of 119 and 82 rules, and the suffix one
is tried at every position of the chunk: on arXiv abstracts, where one chunk in twelve
is new, the four took 60% of the tokenizer's time. The searches here return what the compiled expressions return
(the same match spans, so the same tokens), doing less work to find it:

- a suffix rule ends at the chunk's end (spaCy appends ``$`` to each), so it consumes the
  chunk's last character; only the rules that can end with that character are tried, as
  one smaller expression, from the furthest position one of them can start (for a rule
  of unbounded length, such as a run of dots, from where the run of its characters
  at the chunk's end starts);
- a prefix rule starts the chunk (``^``): only the rules that can begin with its first
  character are tried;
- an infix begins with one of a known set of characters: the infix expression is tried
  only where one of them stands (a chunk holding none of them has no infix);
- every URL contains a "." (spaCy's URL pattern requires a dotted host or IP address):
  a chunk without one is no URL.

The character sets are read off each rule's parse tree (`re._parser`, the parser the
`re` module compiles with). A construct this reading does not know counts as "any
character", which costs speed, never correctness; tests/extract/test_affixes.py
checks the equality on real and edge-case text.

Each search object keeps the `pattern` of the expression it stands for, so spaCy's
`Tokenizer.to_bytes` / `to_disk` save the ordinary expressions (loading them back gives
the same tokens through the plain `re` searches).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence

from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

try:  # the parser `re` compiles with; private, so its absence only disables the shortcuts
    from re import _constants as C, _parser as sre_parse
except ImportError:  # pragma: no cover - Python versions without re._parser
    C = sre_parse = None

Ranges = list[tuple[int, int]]  # sorted, inclusive code point ranges
# The most characters an unbounded suffix rule may consume to be bounded by their run.
_LONGEST_RUN_SET = 256
# Flags under which a rule's characters are not what its literals say.
_UNSAFE_FLAGS = re.IGNORECASE | re.MULTILINE | re.LOCALE


def _no_match(string: str, pos: int = 0) -> None:
    return None


class _Rule:
    """A prefix or suffix rule as spaCy anchors it ("^" + rule, rule + "$").

    `edge` holds the characters a match can consume at the anchor (None: any), `longest`
    the longest match (None: unbounded), `alphabet` for an unbounded rule every character
    a match can consume (None: any), `anchored` whether the rule can be tried apart
    from the others: the anchor binds all of it (not so for "a|b" + "$", which anchors
    only "b") and it has no capturing group.
    """

    __slots__ = ("source", "edge", "longest", "alphabet", "anchored")

    def __init__(self, source: str, at_end: bool) -> None:
        self.source = source
        self.edge = self.longest = self.alphabet = None
        self.anchored = False
        parsed = _parse(source + "$" if at_end else "^" + source)
        if parsed is None:
            return
        op, value = parsed.data[-1 if at_end else 0]
        # A capturing group would renumber the groups of the rules after it when rules
        # are left out; spaCy's rules use (?:...) only.
        self.anchored = (op is C.AT and value is (C.AT_END if at_end else C.AT_BEGINNING)
                         and parsed.state.groups == 1)
        low, high = parsed.getwidth()
        if low > 0:  # an empty match consumes no character at the anchor
            self.edge = _edge_chars(parsed.data, from_end=at_end)
            self.longest = high if high < 1000 else None
            if self.longest is None:
                self.alphabet = _consumed_chars(parsed.data)

    def can_consume(self, char: str) -> bool:
        """Whether a match can consume `char` at the anchor."""
        return self.edge is None or _contains(self.edge, ord(char))


# Each search class's per-character searches, by its rules (see `_AnchoredSearch`).
_SEARCHES_BY_CHAR: dict[tuple[type, tuple[str, ...]], dict[str, object]] = {}


class _AnchoredSearch:
    """A prefix or suffix expression's `search`, by the chunk's character at the anchor.

    Args:
        entries: the rules, as in `Language.Defaults.prefixes` or `.suffixes`.
    """

    _at_end = False
    _compile = staticmethod(compile_prefix_regex)

    def __init__(self, entries: Sequence[str]) -> None:
        self.entries = tuple(entries)
        full = self._compile(self.entries)
        self.pattern, self._full = full.pattern, full.search
        rules = [_Rule(piece, self._at_end) for piece in _kept(self.entries)]
        # Unless every rule is anchored whole, the full expression is no union of them.
        self._rules = rules if all(rule.anchored for rule in rules) else None
        # A character's search, made at first sight and shared by every search of the same
        # rules in the process: each extractor builds its tokenizers afresh, and compiling
        # the searches again cost each a few milliseconds of its first texts.
        self._by_char: dict[str, object] = _SEARCHES_BY_CHAR.setdefault((type(self), self.entries), {})

    def __reduce__(self):
        return type(self), (self.entries,)


class PrefixSearch(_AnchoredSearch):
    """`compile_prefix_regex(entries).search`, trying only the rules that can begin with
    the chunk's first character."""

    def search(self, string: str) -> re.Match | None:
        """The prefix match of `string`, as the full expression finds it."""
        if not string or self._rules is None:
            return self._full(string)
        found = self._by_char.get(string[0])
        if found is None:
            found = self._by_char[string[0]] = self._search_at(string[0])
        return found(string)

    def _search_at(self, char: str) -> Callable[[str], re.Match | None]:
        rules = [rule.source for rule in self._rules if rule.can_consume(char)]
        # Every rule is anchored at the start, so `match` finds what `search` would.
        return compile_prefix_regex(rules).match if rules else _no_match


class SuffixSearch(_AnchoredSearch):
    """`compile_suffix_regex(entries).search`, trying only the rules that can end with the
    chunk's last character, from the furthest position one of them can start."""

    _at_end = True
    _compile = staticmethod(compile_suffix_regex)

    def search(self, string: str) -> re.Match | None:
        """The leftmost suffix match in `string`, as the full expression finds it."""
        # "$" also matches before a final newline; chunks never hold one, but be exact.
        if not string or self._rules is None or string[-1] == "\n":
            return self._full(string)
        found = self._by_char.get(string[-1])
        if found is None:
            found = self._by_char[string[-1]] = self._search_at(string[-1])
        search, longest, run = found
        # A match ends at the end, so none starts before len - longest; a lookbehind
        # still sees the characters before `pos` (unlike a slice); a negative `pos` is 0.
        pos = len(string) - longest
        if run:  # a match of an unbounded rule ("\.\.+") lies in the end's run of its characters
            pos = min(pos, len(string.rstrip(run)))
        return search(string, pos)

    def _search_at(self, char: str) -> tuple[Callable[[str, int], re.Match | None], int, str]:
        """The search for chunks ending in `char`, the longest match of its bounded rules,
        and the characters its unbounded rules consume ("" if none)."""
        rules = [rule for rule in self._rules if rule.can_consume(char)]
        if not rules:
            return _no_match, 0, ""
        search = compile_suffix_regex([rule.source for rule in rules]).search
        unbounded = [rule.alphabet for rule in rules if rule.longest is None]
        if any(alphabet is None for alphabet in unbounded):
            return search, sys.maxsize, ""
        run = "".join(chr(c) for low, high in _merged([r for a in unbounded for r in a])
                      for c in range(low, high + 1))
        if len(run) > _LONGEST_RUN_SET:  # rstrip over a huge set would cost more than it saves
            return search, sys.maxsize, ""
        longest = max((rule.longest for rule in rules if rule.longest is not None), default=0)
        return search, longest, run


class InfixFinditer:
    """`re.compile("r1|r2|...").finditer` (spaCy's `compile_infix_regex`), trying the
    expression only where an infix can begin.

    Args:
        entries: the infix rules, as in `Language.Defaults.infixes`.
    """

    def __init__(self, entries: Sequence[str]) -> None:
        self.entries = tuple(entries)
        full = compile_infix_regex(self.entries)
        self.pattern, self._full, self._match = full.pattern, full.finditer, full.match
        parsed = _parse(self.pattern)
        starts = _edge_chars(parsed.data, from_end=False) if parsed is not None else None
        if parsed is not None and parsed.getwidth()[0] == 0:
            starts = None  # an empty infix can stand anywhere
        self._gate = self._ascii_gate = None
        if starts is not None:
            self._gate = re.compile(_char_class(starts)).search
            # A class of thousands of symbols is slow to test; most chunks are ASCII.
            ascii_starts = [(low, min(high, 127)) for low, high in starts if low < 128]
            self._ascii_gate = re.compile(_char_class(ascii_starts)).search

    def __reduce__(self):
        return type(self), (self.entries,)

    def finditer(self, string: str) -> Iterator[re.Match] | list[re.Match]:
        """Every infix match in `string`, as the full expression finds them."""
        if self._gate is None:
            return self._full(string)
        gate, match, found = self._ascii_gate if string.isascii() else self._gate, self._match, []
        # `finditer` tries every rule at every position from its last match on, and no
        # rule begins with a lookahead `re` could skip by; here the expression is tried
        # only at the characters an infix can begin with ("state-of-the-art": 3 of 16).
        # No infix is empty, so each search goes on where the last match ended, as
        # `finditer` does; `match` at a position still sees the text before it.
        start = gate(string)
        while start is not None:
            pos = start.start()
            infix = match(string, pos)
            if infix is not None:
                found.append(infix)
                pos = infix.end()
            else:
                pos += 1
            start = gate(string, pos)
        return found


class UrlMatch:
    """A URL expression's `match`, answering None at once for a chunk that lacks a
    character every match must contain.

    Args:
        regex: the compiled URL expression (`Language.Defaults.url_match.__self__`).
    """

    def __init__(self, regex: re.Pattern) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        parsed = _parse(regex.pattern)
        self._required = tuple(chr(c) for c in sorted(_required_chars(parsed.data))) if parsed else ()

    def __reduce__(self):
        return type(self), (self.regex,)

    def match(self, string: str) -> re.Match | None:
        """The URL match at the start of `string`, as `regex.match` finds it."""
        for char in self._required:
            if char not in string:
                return None
        return self.regex.match(string)


def _kept(entries: Sequence[str]) -> list[str]:
    """The rules spaCy's `compile_*_regex` joins (it drops blank ones)."""
    return [piece for piece in entries if piece.strip()]


def _parse(source: str):
    """The parse tree of `source`, or None if it cannot be read safely."""
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(source)
    except (re.error, RecursionError):
        return None
    return None if parsed.state.flags & _UNSAFE_FLAGS else parsed


def _edge_chars(items, from_end: bool) -> Ranges | None:
    """The characters a match of `items` can begin (or end) with; None for any."""
    ranges, nullable = _edge(items, from_end)
    return None if ranges is None or nullable else _merged(ranges)


def _edge(items, from_end: bool) -> tuple[Ranges | None, bool]:
    """(first or last characters of a sequence, whether it can match the empty string)."""
    ranges: Ranges = []
    for op, value in reversed(items) if from_end else items:
        found, nullable = _edge_of(op, value, from_end)
        if found is None:
            return None, True
        ranges += found
        if not nullable:
            return ranges, False
    return ranges, True


def _edge_of(op, value, from_end: bool) -> tuple[Ranges | None, bool]:
    if op is C.LITERAL:
        return [(value, value)], False
    if op is C.IN:
        return _class_ranges(value), False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: look at the next item
        return [], True
    if op is C.BRANCH:
        ranges, nullable = [], False
        for branch in value[1]:
            found, empty = _edge(branch.data, from_end)
            if found is None:
                return None, True
            ranges += found
            nullable = nullable or empty
        return ranges, nullable
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, pattern = value
        return _edge(pattern.data, from_end) if not (add_flags or del_flags) else (None, True)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        low, _high, pattern = value
        found, nullable = _edge(pattern.data, from_end)
        return found, nullable or low == 0
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _edge(value.data, from_end)
    return None, True  # NOT_LITERAL, ANY, group references, ...: any character


def _consumed_chars(items) -> Ranges | None:
    """Every character a match of `items` can consume (lookarounds consume none); None: any."""
    ranges: Ranges = []
    for op, value in items:
        if op is C.LITERAL:
            found = [(value, value)]
        elif op is C.IN:
            found = _class_ranges(value)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        elif op is C.BRANCH:
            branches = [_consumed_chars(branch.data) for branch in value[1]]
            found = None if None in branches else [r for branch in branches for r in branch]
        elif op is C.SUBPATTERN:
            _group, add_flags, del_flags, pattern = value
            found = _consumed_chars(pattern.data) if not (add_flags or del_flags) else None
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
            found = _consumed_chars(value[2].data)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            found = _consumed_chars(value.data)
        else:
            found = None  # NOT_LITERAL, ANY, categories, group references: any character
        if found is None:
            return None
        ranges += found
    return ranges


def _class_ranges(items) -> Ranges | None:
    """The code points of a character class `[...]`; None if negated or by category."""
    ranges = []
    for op, value in items:
        if op is C.LITERAL:
            ranges.append((value, value))
        elif op is C.RANGE:
            ranges.append(value)
        else:
            return None
    return ranges


def _required_chars(items) -> set[int]:
    """Characters that every match of `items` contains (a subset: literals only)."""
    required: set[int] = set()
    for op, value in items:
        if op is C.LITERAL:
            required.add(value)
        elif op is C.IN and len(value) == 1 and value[0][0] is C.LITERAL:
            required.add(value[0][1])
        elif op is C.BRANCH:
            required |= set.intersection(*(_required_chars(b.data) for b in value[1]))
        elif op is C.SUBPATTERN and not (value[1] or value[2]):
            required |= _required_chars(value[3].data)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and value[0] >= 1:
            required |= _required_chars(value[2].data)
    return required


def _merged(ranges: Ranges) -> Ranges:
    out: Ranges = []
    for low, high in sorted(ranges):
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def _contains(ranges: Ranges, char: int) -> bool:
    i = bisect_right(ranges, (char, 0x10FFFF + 1)) - 1
    return i >= 0 and ranges[i][0] <= char <= ranges[i][1]


def _char_class(ranges: Ranges) -> str:
    """A `[...]` expression for `ranges` (never empty: "[^\\s\\S]" matches nothing)."""
    if not ranges:
        return r"[^\s\S]"
    parts = (f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)
    return "[" + "".join(parts) + "]"
