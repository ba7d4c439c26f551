"""How a paper seen again is merged with what the store already knows of it.

The rule, field by field: the newest non-empty value wins. A later record never replaces
a known field with an empty one (None, "" or an empty list), so a listing without dates,
author counts or upvotes leaves the known ones in place. Upvotes take the latest value
given, even a lower one (a count is a reading, not a maximum). `source` always names where
the paper was last seen. Title and abstract are never empty (readers skip such records);
when either changes, the paper's mentions and results are extracted again and replace
the old ones.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from .records import Paper

# Fields that say what the paper is (its id) or where it was read, not what it says.
_NOT_MERGED = frozenset({"id", "source"})
# A change in these is a change in the text that mentions are extracted from.
TEXT_FIELDS = ("title", "abstract")


def is_empty(value: object) -> bool:
    """Whether a field's value says nothing: None, an empty string or an empty tuple."""
    return value is None or value == "" or value == ()


def merge_paper(known: Paper | None, new: Paper) -> Paper:
    """`new`, with every field it leaves empty filled from `known` (None: nothing known).

    Example: known has date 2024-07-08, new has date None -> the result has 2024-07-08.
    """
    if known is None:
        return new
    kept = {
        f.name: getattr(known, f.name)
        for f in fields(Paper)
        if f.name not in _NOT_MERGED and is_empty(getattr(new, f.name)) and not is_empty(getattr(known, f.name))
    }
    return replace(new, **kept) if kept else new


def changed_fields(known: Paper, merged: Paper) -> list[str]:
    """The names of the fields whose value `merged` changes, in the order Paper declares them."""
    return [
        f.name for f in fields(Paper)
        if f.name not in _NOT_MERGED and getattr(known, f.name) != getattr(merged, f.name)
    ]


@dataclass(frozen=True)
class PaperChange:
    """What writing one paper would do: add it, update some fields, or nothing."""

    paper: Paper
    is_new: bool
    fields: tuple[str, ...] = ()

    @property
    def replaces_mentions(self) -> bool:
        """Whether the paper's text changed, so its mentions would be extracted again."""
        return any(name in TEXT_FIELDS for name in self.fields)


def plan_change(known: Paper | None, new: Paper) -> PaperChange:
    """What writing `new` over `known` would change, after the merge rule."""
    merged = merge_paper(known, new)
    if known is None:
        return PaperChange(merged, is_new=True)
    return PaperChange(merged, is_new=False, fields=tuple(changed_fields(known, merged)))
