"""Names a paper coins that open a sentence as the subject of what they do.

After an abstract has said what it does ("This thesis develops frameworks ...", "we
propose ..."), a name no list knows that opens a later sentence or clause and does
something is one of the paper's own: "CAVLI integrates attribution (LIME) with ...",
"Finally, InterMit offers a modular, training-free algorithm", "..., while PromptGenerator
produces task-relevant prompts"; and a definition so placed names a part of it: "Our
framework consists of three key modules. Ego-Exo View Alignment(EgoExo-Align) enforces
...", "Furthermore, Pose-Aware Latent Injection (PoseInj) injects ...". No cue before such
a name reaches it, so `context_names.py` leaves it untyped (cue "shape") and
`names/unlisted.py` drops it. Here those hits are read (six an abstract), not the text: a
regex over the text cost more than the whole rule does (about 4 us an abstract, some 0.6%
of an extraction pass; data/roles/README.md, round 10).

Only a name's first use in the abstract counts (a later one is a use of what came before),
and only a name-shaped one (inner capitals, digits, an acronym: "CAVLI", "BiasConnect"),
which `name_spans.py` marks; a lone capitalised word opening a sentence is no name.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.coined_forms import (
    RUN, abbreviates, coined_candidates, is_unlisted, may_be_coined,
)
from paperkg.graph.extract.rules.cues import is_stop_name
from paperkg.graph.extract.rules.name_spans import SHAPED

_TITLE_BREAK = "\n\n"
# What the name does: a verb in the third person, perhaps after an adverb ("CAVLI
# integrates", "ASAC fine-tunes", "PAR dynamically adjusts", "EMR then refines"); not a
# copula, "has" or "does", a word that only looks like a verb, a plural noun ("Grad-CAM
# visualizations probe ..."), nor a verb that speaks of the limits of others' work.
_NOT_DOING = frozenset(
    """is has was does as its this thus us plus across versus whereas various previous suffers fails
    lacks struggles remains relies requires needs ignores neglects overlooks""".split())
_NOUN_ENDINGS = ("ions", "ments", "ities", "ings", "ss")
_ADVERBS = frozenset("also then first further thus".split())


def _does(text: str, end: int) -> bool:
    """Whether the words after a name ending at `end` (perhaps with the close of its short
    form) say that it does something. Plain string methods, no regex: most names are
    followed by no such word, and this runs for every name that opens a clause."""
    at = end + 2 if text.startswith(") ", end) else end + 1
    if text[at - 1 : at] != " ":
        return False
    space = text.find(" ", at)
    word = text[at:space] if space > 0 else text[at:]
    if word in _ADVERBS or word.endswith("ly") and word.isalpha():
        at = space + 1
        space = text.find(" ", at)
        word = text[at:space] if space > 0 else text[at:]
    word = word.rstrip(",.;:")
    return (word[-1:] == "s" and word.islower() and word not in _NOT_DOING
            and (not word.endswith(_NOUN_ENDINGS) or word == "brings"))


# The abstract speaks of its own work: "we", "our", "this paper", "this thesis". Plain
# needles: a regex led by these words' first letters stops at every "o" and "t".
_OWN_WORK = ("We ", " we ", "Our ", " our ", *(f"{this} {noun}" for this in ("This", "this")
                                              for noun in ("paper", "work", "thesis", "study", "article")))
# Words opening a clause before the name that make it a contrast with others' work, or its
# subject another's: "However, X suffers ...", "Unlike X, ...".
_NOT_OPENERS = frozenset("however but unlike although though whereas despite compared among recently "
                         "prior previously existing traditionally currently".split())
_OPENER_WORDS = 5  # "To capture intersectional interactions, BiasConnect builds ..."
_OPENER_REACH = 60  # characters: five words
# A clause of the same sentence that names another part: "A physics-aware backbone
# PhysicsUNet encodes ..., while PromptGenerator produces ...".
_CONTRASTED = (", while ", ", whereas ")
_SENTENCE_ENDS = frozenset((". ", "? ", "! "))
# The two characters before a name that may open a sentence or clause: a sentence's end, a
# comma, the end of "while" (a short form's parenthesis, "Injection (PoseInj)", apart).
_BEFORE_SUBJECT = _SENTENCE_ENDS | {", ", "e "}


def find_subject_names(text: str, hits, lookup, earlier=()) -> list[Candidate]:
    """INTRODUCES candidates of the untyped name-shaped hits that open a sentence or clause
    as its subject, doing something, after the abstract has spoken of its own work.

    Args:
        text: a title and abstract joined by a blank line.
        hits: its `find_context_names` (only the untyped ones, cue "shape", are read).
        lookup: the known entity a surface form names, or None; names the curated lists
            know are existing things, never coined here.
        earlier: the candidates of the earlier components (only read): a hit they read as
            a size or version of a listed name ("DeepSeek-Prover-V2-7B") is not coined.

    Returns:
        The candidates, in text order: the name itself, or for a definition "Long Form
        (LF)" the long form with its short form (`coined_forms.coined_candidates`).
    """
    # Most hits stand inside a sentence: the characters next to them say so at once, read
    # for every hit in one comprehension (a loop's statements cost twice as much).
    places = [hit for hit in hits if hit[5] == "shape" and (
        text[hit[0] - 2 : hit[0]] in _BEFORE_SUBJECT or text[hit[0] - 1] == "(" and text.startswith(") ", hit[1]))]
    if not places:
        return []
    abstract = text.find(_TITLE_BREAK) + len(_TITLE_BREAK)
    found: list[Candidate] = []
    for hit in places:
        start, end, name = hit[0], hit[1], hit[2]
        before = text[start - 2 : start]
        if before == "e " and not text.endswith(_CONTRASTED, 0, start):
            continue  # "the X", not ", while X"
        # The next word's last letter first: a verb's "s", an adverb's ("also", "then", "-ly").
        if text[text.find(" ", end + 2) - 1] not in "synot" or start < abstract or not _does(text, end):
            continue
        if before in _SENTENCE_ENDS:
            opens = start
        elif before[1] == "(":
            opens = _definition_opening(text, start)
        else:
            opens = _clause_opening(text, start)
        if opens < abstract:
            continue
        defined = before[1:] == "("
        if text.find(name, abstract) != start:
            continue
        if not speaks_of_itself(text, abstract - 1, opens) or not may_be_coined_hit(hit, lookup, earlier):
            continue
        if defined:
            found += _defined_subject(text, hit, lookup)
        else:
            found += coined_candidates(text, start, end, None)
    return found


def speaks_of_itself(text: str, start: int, end: int) -> bool:
    """Whether the text between `start` and `end` speaks of the paper's own work."""
    return any(text.find(words, start, end) >= 0 for words in _OWN_WORK)


def may_be_coined_hit(hit, lookup, earlier=()) -> bool:
    """Whether a name-shaped hit may be a name the paper coins: no stop name, no listed
    name or use of one, no plural ("DGMs focus ..."), no capitalised word that only opens
    its sentence ("Featuring 736 sequences", "Higher SES entails", "Stage 1 provides"), no
    adjective ("STEM-related tasks", "DCoLT-reinforced LLaDA")."""
    name = hit.text
    if is_stop_name(name) or name[-1:] == "s" and name[-2:-1].isupper() or _NOT_A_NAME.search(name):
        return False
    first, _, rest = name.partition(" ")
    if rest and (not SHAPED.search(first) or not is_unlisted(lookup(name.rsplit(" ", 1)[1]))):
        return False  # "Post-hoc Grad-CAM visualizations ...": a use of a listed name
    if not is_unlisted(lookup(name)):
        return False
    for c in earlier:
        if c.start == hit.start and (not is_unlisted(c.entity) or c.variant_of is not None
                                     and not is_unlisted(lookup(c.variant_of))):
            return False
    return True


# An ordinary word and a number ("Stage-II", "Study 2", "Track 1"), or a word made an adjective.
_NOT_A_NAME = re.compile(r"^[A-Z][a-z]+[- ](?:\d+|[IVX]+)$|-[a-z]+ed\b")


def _long_form_start(text: str, short_start: int) -> int:
    """Where the clause holding a definition's long form starts: the long form runs from it
    to the short form's parenthesis ("Ego-Exo View Alignment(EgoExo-Align)")."""
    before = text.rfind(", ", 0, short_start)
    stop = max(text.rfind(". ", 0, short_start), before)
    return stop + 2 if stop >= 0 else -1


def _definition_opening(text: str, short_start: int) -> int:
    """Where the sentence starts whose subject is a definition with its short form at
    `short_start`, when the long form opens the sentence or a clause of it, or -1."""
    start = _long_form_start(text, short_start)
    if start < 2:
        return -1
    return start if text[start - 2 : start] in _SENTENCE_ENDS else _clause_opening(text, start)


def _clause_opening(text: str, start: int) -> int:
    """Where the sentence starts whose subject a name at `start`, after a comma, is: the name
    follows a short opening phrase ("Finally, ", "Extending this, ") or ", while"; or -1.
    A sentence opening with a contrast or a comparison ("However, ", "Among the selected
    models, ") speaks of others' work as often as of the paper's.
    """
    contrasted = text.endswith(_CONTRASTED, 0, start)
    # A short opener ends a sentence within a few words; only ", while" looks further back.
    sentence = text.rfind(". ", 0 if contrasted else max(0, start - _OPENER_REACH), start - 2) + 2
    if sentence < 2:
        return -1
    opener = text[sentence : start - 2]
    first = opener[: opener.find(" ")] if " " in opener else opener
    if not first[:1].isupper() or first.lower() in _NOT_OPENERS:
        return -1
    if contrasted:
        return sentence  # "A physics-aware backbone PhysicsUNet ..., while PromptGenerator produces"
    if opener.count(" ") >= _OPENER_WORDS or "," in opener or "(" in opener:
        return -1
    return sentence


def _defined_subject(text: str, hit, lookup) -> list[Candidate]:
    """The definition "Long Form (LF)" that opens a clause, its short form the hit: the long
    form is a Title-Case run from the clause's start to the parenthesis, whose letters the
    short form takes in order, and not general words ("Deep Learning (DL) techniques")."""
    long_start = _long_form_start(text, hit.start)
    run = RUN.match(text, long_start)
    if run is None or run.end() not in (hit.start - 1, hit.start - 2):
        return []
    long = run.group()
    if " " not in long or not abbreviates(hit.text, long) or not may_be_coined(long, lookup):
        return []
    return coined_candidates(text, run.start(), run.end(), hit.text)
