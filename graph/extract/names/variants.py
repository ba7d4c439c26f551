"""Versions and variants: "Stable Diffusion 1.5/2.1", "GPT-3.5/4", "FLAMe-RM-24B".

Splitting. A name followed by a slash-separated list of versions or sizes names one
entity per item: "Stable Diffusion 1.5/2.1" -> Stable Diffusion 1.5 and Stable Diffusion
2.1; "GPT-3.5/4" -> GPT-3.5 and GPT-4; "Llama 2 7B/13B/70B" -> Llama 2 7B, 13B and 70B.
Span convention: the first mention covers the base and the first item ("Stable Diffusion
1.5"); each further mention covers only its own item's characters ("2.1"), so that
`mention.text == field[start:end]` holds while `entity_id` names the whole variant
(entity_id("Stable Diffusion 2.1") == entity_id("Stable-Diffusion-2.1")).

Parents. A variant's parent is its name without its last size or version ("Llama 2 7B"
-> "Llama 2"), or without its last hyphenated piece when that prefix is itself a known
name ("FLAMe-RM" -> "FLAMe" where FLAMe is known), so "FLAMe-RM-24B" -> "FLAMe-RM" ->
"FLAMe".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.records import Entity, EntityType, entity_id

_ITEM = r"v?\d+(?:\.\d+)*(?:[BMKk]|[a-z])?"
_SPLIT = re.compile(rf"(?P<sep>[ -]?)(?P<first>{_ITEM})(?P<rest>(?:/{_ITEM})+)$")
_SUFFIX = re.compile(
    r"^(?P<base>.+?)(?P<sep>[ _-]?)(?P<tail>\d+(?:\.\d+)?[BMK]|v?\d+(?:\.\d+)+|v\d+|"
    r"(?:[Ll]arge|[Bb]ase|[Ss]mall|[Tt]iny|[Mm]ini|XL|XXL|[Ii]nstruct|[Cc]hat))$"
)
_FOLLOWING = re.compile(r"(?P<sep>[ -])(?P<tail>\d+(?:\.\d+)?[BM]|v?\d+\.\d+|v\d+)(?![\w.\-/])")
_FOLLOWING_INTEGER = re.compile(r"(?P<sep>[ -])(?P<tail>\d{1,2})(?![\w.\-/%])(?! (?:[a-z]|%))")
# Editions of a dataset or an evaluation campaign: "IWSLT 2010", "NTCIR-3", "SemEval-2013";
# a year followed by a counted noun is a count ("ImageNet 2000 images"), not an edition.
_FOLLOWING_EDITION = re.compile(
    r"(?P<sep>[ -])(?P<tail>(?:19|20)\d\d)(?![\w.\-/%])"
    r"(?! (?:images|samples|examples|papers|questions|instances|pairs|sentences|documents|"
    r"videos|words|tokens|items|articles|queries|dialogues|utterances|hours|training|test))"
    r"|(?P<hyphen>-)(?P<number>\d{1,2})(?![\w.\-/%])"
    # A two-digit year after an apostrophe: "WMT'14", "CoNLL '03", "CoNLL ' 09".
    r"|(?P<apostrophe> ?[\'\u2019] ?)(?P<year>\d\d)(?![\w.\-/%'\u2019])"
)

# A suffix needs, right after the name, a separator ([ -], or " " before an apostrophe)
# and then a digit, a "v" or an apostrophe, or else an apostrophe ("WMT'14"): where the
# second character is none of `SUFFIX_SECONDS` and the first none of `APOSTROPHES`,
# `following_suffix` finds nothing, and callers may skip it (most names).
SUFFIX_SECONDS = frozenset("0123456789v'\u2019")
APOSTROPHES = frozenset("'\u2019")


def split_versions(start: int, text: str) -> list[tuple[int, int, str]] | None:
    """Split a name ending in a slash list of versions into one (start, end, name) each.

    Args:
        start: the offset of `text` in its field.
        text: the mention's text, e.g. "Stable Diffusion 1.5/2.1".

    Returns:
        None when `text` holds no such list; else the first item's span with the base,
        then each further item's own span with the full variant name.
    """
    match = _SPLIT.search(text)
    if match is None or match.start() == 0:
        return None
    base = text[: match.start()]
    sep = match.group("sep")
    first_end = match.end("first")
    pieces = [(start, start + first_end, base + sep + match.group("first"))]
    offset = match.start("rest")
    for item in match.group("rest").split("/")[1:]:
        offset += 1
        pieces.append((start + offset, start + offset + len(item), base + sep + item))
        offset += len(item)
    return pieces


def following_suffix(
    text: str, end: int, integers: bool, editions: bool = False
) -> tuple[int, str] | None:
    """A version or size written right after a name ("Llama" + " 2", "Llama 2" + " 7B").

    Args:
        text: the whole field.
        end: where the name ends.
        integers: whether a bare small integer counts (model names: "Llama 2").
        editions: whether a year or a hyphenated number counts (datasets and
            benchmarks: "IWSLT 2010", "NTCIR-3").

    Returns:
        (new end, suffix text including its separator) or None.
    """
    match = (
        _FOLLOWING.match(text, end)
        or (integers and _FOLLOWING_INTEGER.match(text, end))
        or (editions and _FOLLOWING_EDITION.match(text, end))
    )
    if not match or text[match.end() : match.end() + 1] == "/":
        return None
    return match.end(), match.group(0)


def parent_name(name: str, is_known: Callable[[str], bool]) -> str | None:
    """The name `name` is a variant of, or None.

    Args:
        name: a model or dataset name.
        is_known: whether a name is a known entity (gazetteer, discovered, this text).
    """
    base = _version_base(name)
    if base is not None:
        return base
    if "-" in name:
        prefix = name.rsplit("-", 1)[0]
        if len(prefix) >= 2 and is_known(prefix):
            return prefix
    return None


@lru_cache(maxsize=65536)
def _version_base(name: str) -> str | None:
    """`name` without its last size or version ("Llama 2 7B" -> "Llama 2"), or None.

    Cached: the extractor asks for the parents of the same names over and over.
    """
    if not _may_end_in_suffix(name):
        return None
    match = _SUFFIX.match(name)
    if match and len(match.group("base")) >= 2:
        return match.group("base").rstrip(" -_")
    return None


# The words `_SUFFIX` takes as a name's last part, as `str.endswith` reads them ("XXL" ends in "XL").
_SUFFIX_WORDS = ("Large", "large", "Base", "base", "Small", "small", "Tiny", "tiny", "Mini", "mini", "XL",
                 "Instruct", "instruct", "Chat", "chat")


def _may_end_in_suffix(name: str) -> bool:
    """Whether `_SUFFIX` can match `name`, from its last characters: it ends in a digit, in
    "B", "M" or "K" after a digit, or in one of `_SUFFIX_WORDS`. `_SUFFIX`'s lazy base tries
    its tails at every character of the name (some 5 microseconds a name), and most names
    end otherwise ("ImageNet", "BERT"). A name ending in a newline, before which `$` also
    matches, goes to the expression."""
    last = name[-1:]
    if last.isdigit() or last == "\n":  # `isdigit` holds for every `\d` (Unicode decimals too)
        return True
    if last in ("B", "M", "K"):
        return name[-2:-1].isdigit()
    return name.endswith(_SUFFIX_WORDS)


# The types whose names take versions and sizes, and those that also take editions.
_VERSIONED = frozenset({EntityType.MODEL, EntityType.METHOD, EntityType.DATASET, EntityType.BENCHMARK})
_EDITIONED = frozenset({EntityType.DATASET, EntityType.BENCHMARK})
_MODEL = EntityType.MODEL  # a member read through its class costs a lookup each time


def split_variant_mentions(
    text: str, kept: list[Candidate], lookup: Callable[[str], Entity | None],
    knows: Callable[[str], bool],
) -> list[Candidate]:
    """Resolved mentions with version lists split ("Stable Diffusion 1.5/2.1") and sizes
    attached ("Llama 2 7B").

    Args:
        text: the text the mentions are in.
        kept: its resolved mentions, in text order (none overlap).
        lookup: the known entity a surface form names, or None.
        knows: whether a surface form names a known entity.

    Returns:
        The mentions, each kept as it is or replaced by the variants it names.
    """
    mentions = []
    last = len(kept) - 1
    for index, mention in enumerate(kept):
        if mention.type in _VERSIONED:
            limit = kept[index + 1].start if index < last else len(text)
            variants = _variants(text, mention, limit, lookup, knows)
            if variants is not None:
                mentions.extend(variants)
                continue
        mentions.append(mention)
    return mentions


def _variants(text: str, mention: Candidate, limit: int, lookup, knows) -> list[Candidate] | None:
    """The mentions `mention` becomes, or None when it stays as it is (most do)."""
    start, end, kind = mention.start, mention.end, mention.type
    if text[end + 1 : end + 2] in SUFFIX_SECONDS or text[end : end + 1] in APOSTROPHES:
        is_model, editions = kind is _MODEL, kind in _EDITIONED
        while (suffix := following_suffix(text, end, is_model, editions)) and suffix[0] <= limit:
            end = suffix[0]
    if end == mention.end and start <= end and text.find("/", start, end + 16) < 0:
        return None  # nothing attached, no slash in the name or after it: the common case
    if "/" not in text[mention.end : end + 16]:
        span_text = text[start:end]
    else:
        slash = re.match(r"[\w.\- ]*?(?:/v?\d+(?:\.\d+)*(?:[BMKk]|[a-z])?)+", text[end:limit])
        span_text = text[start : end + (slash.end() if slash else 0)]
    if "/" not in span_text and start + len(span_text) == mention.end:
        return None
    pieces = split_versions(start, span_text) or [(start, start + len(span_text), None)]
    if len(pieces) == 1 and pieces[0][1] == mention.end:
        return None
    return [_variant(mention, begin, stop, name or text[begin:stop], lookup, knows)
            for begin, stop, name in pieces]


def _variant(mention: Candidate, start: int, end: int, name: str, lookup, knows) -> Candidate:
    known = lookup(name)
    if known is not None:
        return Candidate(start, end, known.name, known.type, mention.confidence, mention.component,
                         known, mention.role)
    base = mention.entity or lookup(mention.name)
    parent = base.name if base is not None and entity_id(name) != base.id else None
    parent = parent or parent_name(name, knows)
    return Candidate(start, end, name, mention.type, mention.confidence, mention.component,
                     None, mention.role, variant_of=parent)
