"""Phrase patterns for the gazetteer matcher: spelling variants and the case policy.

Case: a name matches case-insensitively (token attribute LOWER) when its lower-case form
is unlikely to be an ordinary word: it has no capitals ("machine unlearning"), is a
title-case phrase ("Stable Diffusion") or has digits ("CIFAR-10", "DINOv2"). A name with
a deliberately cased word ("MUSE", "ComplEx", "ReVeal", "ImageNet", "INTERACTION
dataset") or a single capitalised word ("Llama") matches case-sensitively (ORTH), so the
benchmark MUSE is not the verb "muse" and the method ComplEx is not "complex".

Spelling: every name also gets the spellings its hyphens and letter-digit joints allow
("CIFAR-10" -> "CIFAR10", "CIFAR 10", "CIFAR - 10"; "pretraining" -> "pre-training"),
two lower-case words joined by a hyphen ("question answering" -> "question-answering"),
and method-like names their plural ("SAE" -> "SAEs", "neural network" -> "neural
networks"). A title-case name led by an article ("The Well", "The Pile") keeps its
capitals: lower-cased it is an ordinary phrase ("as well").

Patterns are tokenized by a tokenizer of their own: the extraction pipeline's tokenizer
caches only `max_cache_size` chunks, and filling that cache with thousands of names
would slow every abstract that follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.attrs import IDX, LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab

from paperkg.graph.extract.rules.cues import type_of_noun
from paperkg.graph.extract.text.tokenizer import lean_tokenizer
from paperkg.graph.records import Entity, EntityType

_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z]{2})")
_ARTICLES = frozenset(("The", "A", "An"))
# Prefixes written joined or hyphenated alike ("pretraining" / "pre-training").
_PREFIX = re.compile(r"\b(pre|post|multi|semi|non|self|co)(?=[a-z]{4})(?!-)")
# A form whose tokens `_plain_token_ids` knows without tokenizing it: words of ASCII
# letters with single hyphens inside ("D-LIF"), lone hyphens ("D - LIF") and runs of
# digits ("VTON 360"), one space between two.
_PLAIN_WORD = r"(?:[A-Za-z]+(?:-[A-Za-z]+)*|-|[0-9]+)"
_PLAIN = re.compile(rf"{_PLAIN_WORD}(?: {_PLAIN_WORD})*")
_PLAIN_TOKEN = re.compile("[^ -]+|-")
# Between the forms tokenized as one text (see `token_ids`).
_JOIN = "\n"
# Entities whose patterns are made at once (see `PatternBook.add_entities`).
_ENTITIES_AT_ONCE = 100
# ASCII names' case tests (`_is_case_sensitive_ascii`).
_ONE_LETTER = re.compile(r"[^A-Za-z]*[A-Za-z][^A-Za-z]*")
_ASCII_CAPITAL = re.compile("[A-Z]")
_ASCII_DIGIT = re.compile("[0-9]")
_CAPITAL_TAIL = re.compile(r"\S[A-Z]")
_PLURAL_TYPES = frozenset({EntityType.METHOD, EntityType.MODEL, EntityType.TASK, EntityType.METRIC})


def is_case_sensitive(surface: str) -> bool:
    """Whether `surface` must match with its exact capitals (see the module docstring).

    A word with a capital after its first letter and no digit ("MUSE", "ComplEx",
    "ReVeal", "ImageNet") is written that way on purpose, and its lower-case form is
    often an ordinary word ("muse", "complex", "reveal"), so any name holding one keeps
    its capitals. Title-case phrases ("Stable Diffusion") and names with digits
    ("CIFAR-10", "DINOv2") do not need to; a single capitalised word ("Llama") does.

    An ASCII name (nearly all) is read by `_is_case_sensitive_ascii`, the same tests as
    a few searches in C (each discovered name's spellings are tested as it is added).
    """
    if surface.isascii():
        return _is_case_sensitive_ascii(surface)
    # `map` over str methods: the same tests as generator expressions, in half the time.
    if sum(map(str.isalpha, surface)) == 1:
        return True  # "T0", "F 1": in lower case a variable and a number ("at t 0")
    if surface == surface.lower():
        return False
    if len(surface) >= 3 and any(map(str.isdigit, surface)):
        return False
    words = surface.split()
    if any(_has_capital_tail(word) for word in words):
        return True
    # "The Well", "The Pile": lower-cased, a leading article makes them ordinary phrases.
    return len(words) == 1 or words[0] in _ARTICLES


def _is_case_sensitive_ascii(surface: str) -> bool:
    """`is_case_sensitive` of an ASCII name, its tests written as searches.

    In ASCII a letter is [A-Za-z], a capital [A-Z] (so a name equals its lower case when
    it has none) and a digit [0-9]. The capital-tail test is reached only by a name
    without digits (one of under three characters with a digit has at most one letter,
    and returned above), so it asks only for a capital right after another character
    of the same word (`\\S`: what `str.split` does not split on).
    `tests/extract/test_patterns.py` compares it with the general tests on random names.
    """
    if _ONE_LETTER.fullmatch(surface):
        return True
    if not _ASCII_CAPITAL.search(surface):
        return False
    if len(surface) >= 3 and _ASCII_DIGIT.search(surface):
        return False
    if _CAPITAL_TAIL.search(surface):
        return True
    words = surface.split()
    return len(words) == 1 or words[0] in _ARTICLES


def _has_capital_tail(word: str) -> bool:
    return any(map(str.isupper, word[1:])) and not any(map(str.isdigit, word))


def spelling_variants(surface: str, entity_type: EntityType) -> Iterator[str]:
    """Yield `surface` and the spellings of it that text may use instead.

    Args:
        surface: a name or alias as the gazetteer gives it.
        entity_type: its type; method-like types also get a plural.
    """
    forms = {surface}
    if "-" in surface:
        forms.update({surface.replace("-", " "), surface.replace("-", ""), surface.replace("-", " - ")})
    if surface.islower() and surface.count(" ") == 1:
        forms.add(surface.replace(" ", "-"))  # "question answering" -> "question-answering"
    if surface.islower() and _PREFIX.search(surface):
        forms.add(_PREFIX.sub(r"\1-", surface))
    if _LETTER_DIGIT.search(surface):
        forms.update({_LETTER_DIGIT.sub("-", surface), _LETTER_DIGIT.sub(" ", surface)})
    if entity_type in _PLURAL_TYPES:
        forms.update({plural for form in list(forms) if (plural := pluralize(form))})
    yield from sorted(forms)


def pluralize(surface: str) -> str | None:
    """The plural of a name's last word ("SAE" -> "SAEs"), or None if it has none."""
    last = surface.rsplit(" ", 1)[-1]
    if not last[-1:].isalpha() or last.endswith("s") or len(last) < 2:
        return None
    if last.islower() and last.endswith("y") and last[-2:-1] not in "aeiou":
        return surface[:-1] + "ies"
    return surface + "s"


def token_ids(tokenizer, forms: Iterable[str]) -> dict[str, tuple[list[int], tuple[int, ...]]]:
    """The LOWER ids and the ORTH ids of each form's tokens, as `tokenizer(form)` gives them.

    The forms are tokenized as one text, a newline between two: a `Doc` costs more to
    make than a short name costs to tokenize. spaCy splits each run of non-space
    characters on its own, so a form's tokens are those it has alone; the newline is a
    token of its own, so no special case (a match over tokens, "C++") can run from one
    form into the next. A form that begins or ends with a space is tokenized alone.
    """
    forms = list(dict.fromkeys(forms))
    found = _plain_token_ids(tokenizer, forms)
    joined = [form for form in forms if form not in found and form
              and not (form[0].isspace() or form[-1].isspace())]
    found.update(_joined_token_ids(tokenizer, joined) if joined else {})
    for form in forms:
        if form not in found:
            doc = tokenizer(form)
            found[form] = ([t.lower for t in doc], tuple(t.orth for t in doc))
    return found


def _plain_token_ids(tokenizer, forms: list[str]) -> dict[str, tuple[list[int], tuple[int, ...]]]:
    """`token_ids` of the forms `_PLAIN` describes, without tokenizing them.

    No prefix or suffix rule of spaCy's English tokenizer splits a run of ASCII letters, a
    run of digits or a lone hyphen, and the only infix rule that splits a word of letters
    and single hyphens is the hyphen's between two letters: "D-LIF" is "D", "-", "LIF".
    So each word's tokens are its letter runs, digit runs and hyphens, unless the word or
    one of them is a special case ("cannot", "gonna"); a token's ids are the hashes of its
    text and of its lower case (string ids). Tokenizing a new form costs some 20
    microseconds, hashing it under 1 (half of the discovered names' spellings have
    hyphens or digits). `tests/extract/test_patterns.py` compares these ids with the
    tokenizer's on random forms of letters, digits, hyphens and the special cases.
    """
    specials, found = tokenizer.rules.keys(), {}
    for form in forms:
        if _PLAIN.fullmatch(form):
            if "-" in form:
                if not specials.isdisjoint(form.split(" ")):
                    continue
                # A plain word has no hyphen at either end: its tokens are its letter
                # runs and hyphens, as the infix rule splits it.
                tokens, lowers = _PLAIN_TOKEN.findall(form), _PLAIN_TOKEN.findall(form.lower())
            else:
                tokens, lowers = form.split(" "), form.lower().split(" ")
            # (a plain form is ASCII: lower-cased, it splits into the same pieces)
            if specials.isdisjoint(tokens):
                found[form] = (list(map(get_string_id, lowers)), tuple(map(get_string_id, tokens)))
    return found


def _joined_token_ids(tokenizer, forms: list[str]) -> dict[str, tuple[list[int], tuple[int, ...]]]:
    """`token_ids` of forms that neither begin nor end with a space, tokenized as one text."""
    ends, offset = [], -len(_JOIN)
    for form in forms:
        offset += len(_JOIN) + len(form)
        ends.append(offset)  # where the newline after the form stands
    lowers, orths = [[] for _ in forms], [[] for _ in forms]
    i, end = 0, ends[0]
    # Tokens come in text order: a form's tokens are those before its newline, and the
    # newline's own token is left out.
    for idx, lower, orth in tokenizer(_JOIN.join(forms)).to_array([IDX, LOWER, ORTH]).tolist():
        while idx > end:
            i += 1
            end = ends[i]
        if idx < end:
            lowers[i].append(lower)
            orths[i].append(orth)
    return {form: (lower, tuple(orth)) for form, lower, orth in zip(forms, lowers, orths)}


class PatternBook:
    """One PhraseMatcher (on LOWER) over names, and the entity of each match key.

    A case-sensitive pattern is matched on LOWER too, under a key of its own, and a match
    of it counts only where the doc's words are the pattern's words exactly: the matches
    an ORTH matcher would give, from one matcher run instead of two (every ORTH match is a
    LOWER match, as a word's lower case is a function of the word).

    Args:
        vocab: the vocabulary of the pipeline the matcher will run in.
        share: another book whose matcher this one adds its names to, under keys of
            its own (`namespace`), so that one run of the matcher over a doc serves
            both books; each still finds only its own names.
        namespace: prefix of this book's match keys, which are the namespace and a
            number; must differ from the shared book's and not end in a digit.
        by_words: give every case-insensitive pattern one match key, and every
            case-sensitive one another, and tell a match's entity by its words (no two
            of a book's patterns have the same words). `PhraseMatcher.add` costs some
            4 microseconds more a key than a pattern (a lexeme and a set for the key),
            paid for each name discovered while extracting: the 5,615 patterns of the
            1,960 names of a 3,000-abstract pass are added in 14 ms under two keys,
            22 ms under 1,974, and found no slower (bench/README.md, twenty-third
            round). The gazetteer's
            book (added once at load, most matches) keeps a key an entity: a match
            read by key needs no tuple of its words.
    """

    def __init__(self, vocab: Vocab, share: PatternBook | None = None, namespace: str = "",
                 by_words: bool = False) -> None:
        self.matcher = PhraseMatcher(vocab, attr="LOWER") if share is None else share.matcher
        # One pattern tokenizer serves both books, built when the first names are added:
        # each costs a `spacy.blank` at load, and a book made only to be replaced by a
        # shared one (`GazetteerComponent.share_matchers`) never needs one.
        self._share = share
        self._tokenizer: Tokenizer | None = None
        self.namespace = namespace
        self.entities: dict[int, Entity] = {}
        # The case-sensitive keys, and (key, ORTH ids) of each of their patterns: one set
        # of tuples of ints, which the garbage collector stops tracking, not a set a key.
        self._cased_keys: set[int] = set()
        self._cased: set[tuple[int, tuple[int, ...]]] = set()
        self._seen: set[tuple[bool, tuple[int, ...]]] = set()
        self._ids: set[str] = set()  # of the entities with a pattern
        # Memos for matches of several words: whether a LOWER id is a head noun, and
        # the lower-case name and aliases of an entity (by the object's id).
        self._head_nouns: dict[int, bool] = {}
        self._names: dict[int, frozenset[str]] = {}
        # `by_words`: the two keys, and the entity of each pattern's LOWER ids
        # (case-insensitive) and ORTH ids (case-sensitive).
        self._by_words = by_words
        self._word_keys = (f"{namespace}0", f"{namespace}1")
        self._lower_key, self._cased_key = map(get_string_id, self._word_keys)
        self._by_lower: dict[tuple[int, ...], Entity] = {}
        self._by_orth: dict[tuple[int, ...], Entity] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def add_entities(self, entities: Iterable[Entity]) -> None:
        """Add every name and alias of `entities`, with their spelling variants.

        A few hundred entities at a time: their spellings are tokenized together, and
        the whole gazetteer's at once would leave the process 13 MB larger (the many
        small objects made at once keep memory the allocator does not give back).
        """
        entities = iter(entities)
        while chunk := list(islice(entities, _ENTITIES_AT_ONCE)):
            self._add_chunk(chunk)

    def _add_chunk(self, entities: list[Entity]) -> None:
        strings = self.matcher.vocab.strings
        forms = [[(form, is_case_sensitive(form)) for surface in (entity.name, *entity.aliases)
                  for form in spelling_variants(surface, entity.type)] for entity in entities]
        words = token_ids(self._pattern_tokenizer(), [form for group in forms for form, _ in group])
        if self._by_words:
            self._add_by_words(entities, forms, words)
            return
        for entity, group in zip(entities, forms):
            lower_keys, orth_keys = self._pattern_keys(group, words)
            if lower_keys or orth_keys:
                self._ids.add(entity.id)
            if lower_keys:
                name = self._new_key_name()
                self.entities[strings.add(name)] = entity
                self.matcher.add(name, [lower for lower, _ in lower_keys])
            if orth_keys:
                name = self._new_key_name()
                key = strings.add(name)
                self.entities[key] = entity
                self._cased_keys.add(key)
                self._cased.update((key, orth) for _, orth in orth_keys)
                self.matcher.add(name, [lower for lower, _ in orth_keys])

    def _add_by_words(self, entities: list[Entity], forms: list[list], words: dict) -> None:
        """`_add_chunk` of a `by_words` book: two `PhraseMatcher.add` calls in all."""
        lower_patterns, cased_patterns = [], []
        for entity, group in zip(entities, forms):
            lower_keys, orth_keys = self._pattern_keys(group, words)
            if lower_keys or orth_keys:
                self._ids.add(entity.id)
            for lower, _ in lower_keys:
                self._by_lower[tuple(lower)] = entity
                lower_patterns.append(lower)
            for lower, orth in orth_keys:
                self._by_orth[orth] = entity
                cased_patterns.append(lower)
        for name, patterns in zip(self._word_keys, (lower_patterns, cased_patterns)):
            if patterns:
                self.matcher.add(name, patterns)

    def _pattern_tokenizer(self) -> Tokenizer:
        """The tokenizer of this book's patterns (the shared book's, if it shares one)."""
        owner = self if self._share is None else self._share  # (an empty book is falsy)
        if owner._tokenizer is None:
            owner._tokenizer = lean_tokenizer()
        return owner._tokenizer

    def _new_key_name(self) -> str:
        """A match key's string not used before: the namespace and a number.

        Short, not the entity's id: spaCy's matcher decodes the string of every match's
        key and hashes it (to look up a callback), so a short key saves a little on each
        of the 12 matches an abstract has on average.
        """
        return f"{self.namespace}{len(self.entities)}"

    def _pattern_keys(self, forms: list[tuple[str, bool]], words: dict) -> tuple[list, list]:
        """The (LOWER ids, ORTH ids) of each new pattern: case-insensitive, case-sensitive.

        Args:
            forms: an entity's spellings, each with whether it is case-sensitive.
            words: the (LOWER ids, ORTH ids) of each spelling's tokens (`token_ids`).

        The LOWER ids are the list `PhraseMatcher.add` would make of the pattern doc.
        A pattern is new if no earlier one of this book had its words (their ORTH ids
        if case-sensitive, else their LOWER ids: string ids stand for their strings).
        """
        lower_keys, orth_keys = [], []
        for form, sensitive in forms:
            lower, orth = words[form]
            if not lower:
                continue
            seen = (True, orth) if sensitive else (False, tuple(lower))
            if seen in self._seen:
                continue
            self._seen.add(seen)
            (orth_keys if sensitive else lower_keys).append((lower, orth))
        return lower_keys, orth_keys

    def find(self, doc, text: str | None = None,
             matches: list | None = None) -> list[tuple[Entity, int, int, bool]]:
        """Every match in `doc` as (entity, start char, end char, case-sensitive).

        Case-insensitive matches come first, then case-sensitive ones, each in the
        matcher's order (by start, then end), as two matchers gave them.

        Args:
            doc: the tokens.
            text: the text `doc` was made from, if at hand (`doc.text` rebuilds it).
            matches: `self.matcher(doc)`, if at hand: books that share a matcher read
                one run of it (see `GazetteerComponent.run`).
        """
        if matches is None:
            matches = self.matcher(doc)
        if self._by_words:
            return self._find_by_words(doc, text, matches)
        found, cased_found = [], []
        entities, cased_keys, cased = self.entities, self._cased_keys, self._cased
        for key, start, end in matches:
            entity = entities.get(key)
            if entity is None:
                continue
            if key not in cased_keys:
                if end - start == 1:  # most matches: one Token object serves every test
                    token = doc[start]
                    idx = token.idx
                    found.append((entity, idx, idx + len(token), False))
                else:
                    found.append(self._found(doc, text, entity, start, end, False))
            elif end - start == 1:
                token = doc[start]
                if (key, (token.orth,)) in cased:
                    idx = token.idx
                    cased_found.append((entity, idx, idx + len(token), True))
            elif (key, tuple(doc[i].orth for i in range(start, end))) in cased:
                cased_found.append(self._found(doc, text, entity, start, end, True))
        found.extend(cased_found)
        return found

    def _find_by_words(self, doc, text: str | None, matches: list) -> list[tuple[Entity, int, int, bool]]:
        """`find` in a `by_words` book: each match's entity told by its words.

        A span has at most one match of each key, and `find` by keys gives at most one
        case-insensitive entity a span (no two patterns share their LOWER ids) and one
        case-sensitive (the one whose pattern has the doc's ORTH ids): the same entities,
        in the same order.
        """
        found, cased_found = [], []
        lower_key, cased_key, by_lower, by_orth = self._lower_key, self._cased_key, self._by_lower, self._by_orth
        for key, start, end in matches:
            if key == lower_key:
                if end - start == 1:
                    token = doc[start]
                    idx = token.idx
                    found.append((by_lower[(token.lower,)], idx, idx + len(token), False))
                else:
                    entity = by_lower[tuple(doc[i].lower for i in range(start, end))]
                    found.append(self._found(doc, text, entity, start, end, False))
            elif key == cased_key:
                if end - start == 1:
                    token = doc[start]
                    entity = by_orth.get((token.orth,))
                    if entity is not None:
                        idx = token.idx
                        cased_found.append((entity, idx, idx + len(token), True))
                else:
                    entity = by_orth.get(tuple(doc[i].orth for i in range(start, end)))
                    if entity is not None:
                        cased_found.append(self._found(doc, text, entity, start, end, True))
        found.extend(cased_found)
        return found

    def _found(self, doc, text: str | None, entity: Entity, start: int, end: int,
               sensitive: bool) -> tuple:
        """A match of several words as (entity, start char, end char, case-sensitive)."""
        first, last = doc[start].idx, doc[end - 1]
        # An alias that adds a head noun to the name ("Iris dataset", "Transformer
        # architecture") matches whole; the mention is the bare name and the
        # noun phrase keeps the head.
        if entity.type is not EntityType.METRIC and self._is_head_noun(last):
            before = doc[end - 2]
            bare_end = before.idx + len(before)
            bare = doc[start : end - 1].text if text is None else text[first:bare_end]
            if bare.lower() in self._names_of(entity):
                return entity, first, bare_end, sensitive
        return entity, first, last.idx + len(last), sensitive

    def _is_head_noun(self, token) -> bool:
        """Whether `token` is a type's head noun (`type_of_noun`), by its LOWER id.

        A match ends in a pattern's last word, so the memo stays as small as the
        patterns' last words, and each is decoded to text once.
        """
        verdict = self._head_nouns.get(token.lower)
        if verdict is None:
            verdict = self._head_nouns[token.lower] = type_of_noun(token.lower_) is not None
        return verdict

    def _names_of(self, entity: Entity) -> frozenset[str]:
        """The lower-case name and aliases of `entity`, remembered by the object's `id`
        (the book holds each of its entities for good, so no other takes that id)."""
        names = self._names.get(id(entity))
        if names is None:
            names = self._names[id(entity)] = frozenset(n.lower() for n in (entity.name, *entity.aliases))
        return names


def _is_name_of(surface: str, entity: Entity) -> bool:
    lower = surface.lower()
    return lower == entity.name.lower() or any(lower == alias.lower() for alias in entity.aliases)
