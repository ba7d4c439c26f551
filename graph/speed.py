"""The speed boundary: every shortcut that trades plainness for speed outside the rules.

Code elsewhere builds records with their dataclass constructors and leaves the garbage
collector alone; where a bench showed the plain way costs (the extractor builds about ten
mentions an abstract, the store reads thousands a page), it calls the functions here
instead. Each does exactly what its plain version does, which its tests check
(tests/test_speed.py):

- `entity_of` and `mention_of` build the frozen dataclasses of records.py by filling the
  instance's `__dict__` at once, skipping the generated `__init__`;
- `new_record` builds a named tuple from a tuple of all its fields, skipping the named
  tuple's own Python `__new__`;
- `gc_paused` pauses the cyclic garbage collector over a batch of extraction;
- `fast_entity_key` is `records.entity_key` with an ASCII path of C string methods;
- `Memo` remembers a function's answers in a dict whose hits cost no Python frame.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from paperkg.graph.records import (
    _ACRONYM_WORD, _STRAY_DOTS, Entity, EntityType, Mention, Role, entity_key,
)

# A named tuple's own `__new__` is Python code taking its fields one by one; tuple's,
# given all of them in order (`new_record(NameHit, (start, end, ...))`), builds the same
# record in C in about half the time (some 18,000 hits a 3,000-abstract run).
new_record = tuple.__new__

def entity_of(
    id: str, name: str, type: EntityType, aliases: tuple[str, ...], variant_of: str | None,
    external_ids: tuple[tuple[str, str], ...], origin: str,
) -> Entity:
    """An `Entity` of all its field values: `Entity(id, name, ...)`, in half the time.

    Filled like `mention_of` (see there); the extractor builds one for about every
    second mention it keeps, at 0.8 us each through the dataclass's `__init__`.
    """
    entity = object.__new__(Entity)
    entity.__dict__.update(id=id, name=name, type=type, aliases=aliases, variant_of=variant_of,
                           external_ids=external_ids, origin=origin)
    return entity


def mention_of(
    paper_id: str, field: str, start: int, end: int, text: str, sentence: str,
    type: EntityType, entity_id: str, confidence: float, component: str, role: Role,
    phrase_start: int | None, phrase_end: int | None,
    sentence_start: int | None = None, sentence_end: int | None = None,
) -> Mention:
    """A `Mention` of all its field values: `Mention(paper_id, field, ...)`, faster.

    A frozen dataclass's generated `__init__` sets each of the 13 fields through
    `object.__setattr__`; filling the instance's `__dict__` at once gives the same object
    (equal, same hash, same attributes) in under half the time (0.5 us instead of 1.2),
    which counts where the extractor builds about ten mentions an abstract and the store
    reads thousands a page.
    """
    mention = object.__new__(Mention)
    mention.__dict__.update(
        paper_id=paper_id, field=field, start=start, end=end, text=text, sentence=sentence,
        type=type, entity_id=entity_id, confidence=confidence, component=component, role=role,
        phrase_start=phrase_start, phrase_end=phrase_end,
        sentence_start=sentence_start, sentence_end=sentence_end,
    )
    return mention


class Memo(dict):
    """`compute(key)` of each key, computed when first asked for and remembered.

    `memo[key]` of a remembered key is a dictionary look-up in C, with no Python frame;
    a new key calls `__missing__`. Emptied when it holds `limit` keys, so it stays
    bounded. It pays where most keys repeat and `compute` is a call of its own: the
    extractor rounds 33,386 confidences (a few values) a 3,000-abstract pass, 2.3 ms
    through a `Memo` against 6.9 ms by `round`.
    """

    def __init__(self, compute: Callable[[Any], Any], limit: int = 200_000) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key):
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, if it was running.

    A batch allocates hundreds of thousands of small objects (candidates, mentions,
    matches), and most live until the batch ends, so the collector's passes over them,
    and over the loaded pipeline, find nothing to free: on 3,000 abstracts they cost
    0.05-0.1 s of 1.8 s, and whether a full pass falls in a run moved the bench by 2%.
    Nothing in a batch makes reference cycles that need the collector: reference
    counting frees what it drops. The collector runs again after the batch, as before.

    What the batch leaves alive (its extractions, the caches) goes straight to the oldest
    generation, where objects that survive two young passes end up anyway: re-enabled
    with them all in the youngest, the collector scanned them at the next allocation,
    0.008 s a batch of 1,000 (1.5% of the run). `gc.freeze` then `gc.unfreeze` moves every
    tracked object to the oldest generation without a scan; skipped when the caller has
    frozen objects of its own, which `gc.unfreeze` would release.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            age_young_objects()
            gc.enable()


def age_young_objects() -> None:
    """Move every object the collector tracks to its oldest generation, unscanned."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


# What `entity_key` drops of an ASCII text once lower-cased: all but [0-9a-z.+] (`_NON_WORD`).
_KEY_DROPS = {code: None for code in range(128) if not (chr(code).isdigit() or "a" <= chr(code) <= "z"
                                                        or chr(code) in ".+")}
_ACRONYM_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def fast_entity_key(name: str) -> str:
    """`entity_key(name)`, in half the time for an ASCII name (most of them).

    The extractor keys some 30,000 surfaces a 3,000-abstract run, most of them new on a
    first pass: an acronym's plural is looked for only where the name ends in a capital or
    a digit and "s" (`_ACRONYM_WORD` ends so), and what `_NON_WORD` removes goes by
    `str.translate`; a name with other characters, which `_fold` changes, takes the plain way.
    """
    name = name.strip()
    if not name.isascii():
        return entity_key(name)
    if name[-1:] == "s" and name[-2:-1] in _ACRONYM_LETTERS and _ACRONYM_WORD.search(name):
        name = name[:-1]  # `_ACRONYM_PLURAL.sub`: the "s" after a capital or digit
    text = name.lower().translate(_KEY_DROPS)
    return _STRAY_DOTS.sub("", text) if "." in text else text
