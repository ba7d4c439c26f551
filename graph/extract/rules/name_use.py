"""How one sentence uses a name: as a thing, as a qualifier of another noun, or as a part.

`mention_evidence` asks this before it reads a type noun after a name, because a type noun
after a name does not always say what the name is:

- **a qualifier**: "four CD benchmarks", "a Lean 4 benchmark", "AI-for-science benchmarks",
  "IEEE benchmark networks". A count or an indefinite article before the name, a plural
  head noun after a name that is not one of a list ("on SCARED and Hamlyn datasets" is a
  list, each a dataset), or a type noun that itself modifies a further noun ("benchmark
  networks") makes the name a kind, field, language or venue of the thing the noun names,
  not the thing (a head noun's pre-modifier classifies it: Quirk et al., 1985, 17.97);
- **a part of a longer name**: "ACCIDENT@CVPR 2026", "HPSv3++", "IEEE Transactions",
  "IEEE 802.11a", "CVPR 2026 VAND Workshop": the name is glued to other characters, or a
  capitalised word or a number carries the name on. Titles, where every word is
  capitalised, say nothing here.

`introduced_type` reads a paper's own introduction of a name ("we introduce InfoSeek, a
scalable framework"; "we present ATOMIC (Autonomous Technology for ...), an end-to-end
framework"): the type its apposition's head noun gives, for the reading of that paper.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.cues import TYPE_NOUNS, type_of_noun
from paperkg.graph.records import EntityType

QUALIFIER = "qualifier"
PART = "part"

DATA_NOUNS = frozenset(w for w, t in TYPE_NOUNS.items()
                       if t in (EntityType.BENCHMARK, EntityType.DATASET))
_QUANTIFIERS = frozenset(
    """a an two three four five six seven eight nine ten eleven twelve several multiple various
    many numerous diverse different other few some""".split())
_PLURAL_DATA_NOUNS = frozenset("benchmarks datasets corpora databases treebanks testbeds leaderboards suites".split())
# Plural nouns that a benchmark or dataset word modifies when the name is not the benchmark:
# "IEEE benchmark networks", "MCI benchmark systems".
_MODIFIED_BY_DATA_NOUNS = frozenset(
    "networks systems grids circuits feeders models images videos data signals recordings".split())
# An event held at a venue ("Challenge at CVPR 2026"); not a team at a shared task ("UoB at SemEval").
_AT_VENUE = re.compile(r"\b(?:challenge|workshop|competition|held|hosted|organi[sz]ed|presented|accepted|"
                       r"conference|track|session|published|appear)\s+(?:at|@|in)\s*$", re.IGNORECASE)
_LIST_JOINERS = ("and", "or", "&", ",", "/", "vs", "vs.", "versus")
# A campaign after a name is what the name names ("SemEval 2025 Task 3", "NTIRE 2026 Challenge").
_CAMPAIGN_WORDS = ("Challenge", "Competition", "Shared", "Task", "Track", "Contest", "Campaign", "Cup",
                   "challenge", "competition", "shared", "task", "track", "contest", "campaign")
_VARIANT_WORDS = frozenset(
    """Pro Flash Mini Nano Lite Max Plus Ultra Turbo Base Large Small Medium Tiny Huge Giant XL XXL
    Instruct Chat Coder Thinking Reasoning Preview Exp Experimental Omni Vision VL Edit Fast Air
    Sonnet Opus Haiku II III IV V VI Next Deep""".split())
_WORD = re.compile(r"[A-Za-z][\w-]*\.?|\d[\w.+-]*")
_GLUED_LEFT = re.compile(r"[\w@+]$")
_GLUED_RIGHT = re.compile(r"^(?:\+|@|(?!s\b)\w)")  # not a plural "WAMs"
_CAPITAL_WORD = re.compile(r"^\s([A-Z][\w.+-]*|\d[\w.+-]*)")
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")
# "a lossless compressor called WISE": the noun before "called" says what the paper names.
_CALLED = re.compile(r"\b([a-z]+)\s+(?:called|named|dubbed|termed|coined)\s+$")
_INTRO = re.compile(
    r"(?:\b[Ww]e\s+(?:\w+ly\s+)?(?:introduce|propose|present|develop|design|build|construct|release|"
    r"curate|create|contribute|offer)|\b(?:paper|work|study|report)\s+(?:introduces|proposes|presents))"
    r"\s+(?:the\s+|a\s+|an\s+)?$")
_APPOSITION = re.compile(r"^\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*,\s+(?:a|an|the)\s+([^;:.()]{0,80})")
# The words `_CALLED` and `_INTRO` end in (before their white space), for `introduced_type`.
_CALLED_LAST = ("called", "named", "dubbed", "termed", "coined")
_INTRO_LAST = ("introduce", "propose", "present", "develop", "design", "build", "construct", "release",
               "curate", "create", "contribute", "offer", "introduces", "proposes", "presents", "the", "a", "an")


def name_use(sentence: str, at: int, name: str) -> str | None:
    """QUALIFIER, PART or None, for the name at `at` in the sentence.

    Args:
        sentence: the sentence of a mention.
        at: where the name starts in it.
        name: the name as written there.
    """
    left, right = sentence[:at], sentence[at + len(name):]
    if is_glued_left(left) or _GLUED_RIGHT.match(right):
        return PART
    # `_is_part` first: it is rarely true (25 of 9,454 names on 3,000 abstracts), and the
    # campaign test of the name's words then runs only for those.
    if _is_part(sentence, left, right) and not any(w.startswith(_CAMPAIGN_WORDS) for w in name.split()):
        return PART  # a campaign's own name ("SemEval-2025 Task 11") is named "at" it
    words = right.split(None, 2)
    noun = words[0].lower().rstrip(".,;:") if words and right.startswith(" ") else ""
    if noun not in DATA_NOUNS:
        return None
    before = left.split()
    previous = before[-1].lower() if before else ""
    after = words[1].lower() if len(words) > 1 else ""
    listed = previous in _LIST_JOINERS or left.rstrip().endswith(",")
    if (previous in _QUANTIFIERS or previous.isdigit() or (noun in _PLURAL_DATA_NOUNS and not listed)
            or (words[0] == noun and after in _MODIFIED_BY_DATA_NOUNS)):
        return QUALIFIER
    return None


def _is_part(sentence: str, left: str, right: str) -> bool:
    """After "at" or "@" (a venue), or carried on by a capitalised word or a number that no
    campaign word follows ("IEEE Transactions"; not "NTIRE 2026 Efficient SR Challenge")."""
    if is_at_venue(left):
        return True
    following = _CAPITAL_WORD.match(right)
    if not following or is_title(sentence) or following.group(1).lower().rstrip(".") in TYPE_NOUNS:
        return False
    if _is_variant_word(following.group(1)):
        return False
    return not any(w.startswith(_CAMPAIGN_WORDS) for w in right.split()[:5])


def is_glued_left(left: str) -> bool:
    """`_GLUED_LEFT.search(left)`, read from the end: a match ends at the end or before a
    last newline, so it starts in the last two characters (searching the whole text before
    every name cost a fifth of the corpus votes' time)."""
    return _GLUED_LEFT.search(left, len(left) - 2 if len(left) > 2 else 0) is not None


def is_at_venue(left: str) -> bool:
    """`_AT_VENUE.search(left)`, after a look at the end: a match ends in "at", "in" or "@"
    and white space, which most texts do not (a search tried every position of them)."""
    tail = left.rstrip()[-2:]
    if tail.isascii() and tail[-1:] != "@" and tail.lower() not in ("at", "in"):
        return False  # non-ASCII letters may match "a", "i" or "n" case-blind: searched
    return _AT_VENUE.search(left) is not None


def _is_variant_word(word: str) -> bool:
    """A word that goes on a model's or dataset's name as its variant, size or version
    ("Gemini 3.1 Pro", "Gemma 4 E4B", "CASME II", "KITTI 2015")."""
    return any(c.isdigit() for c in word) or word.rstrip(".") in _VARIANT_WORDS


def is_title(sentence: str) -> bool:
    """Whether most longer words of a sentence are capitalised, as in a title."""
    words = _TITLE_WORD.findall(sentence)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 3 >= len(words) * 2


def introduced_type(sentence: str, name: str) -> EntityType | None:
    """The type a paper gives a name it introduces ("we introduce NAME, a ... framework"), or None."""
    at = sentence.find(name)
    if at < 0:
        return None
    left = sentence[:at]
    # Both cues end the text before the name, in white space after their last word: that
    # word is looked at first, and `re` searches (trying every word of `left`, a third of
    # the reading marks' time) only where it can match.
    last = left.rstrip()
    if len(last) == len(left):
        return None
    called = _CALLED.search(left) if last.endswith(_CALLED_LAST) else None
    if called:
        return noun_type(called.group(1))
    if not (last.endswith(_INTRO_LAST) and _INTRO.search(left)):
        return None
    apposition = _APPOSITION.match(sentence[at + len(name):])
    return apposition_type(apposition.group(1)) if apposition else None


# Words that end an apposition's first noun phrase, whose head is its last word before them:
# prepositions, relatives and the participles that start a post-modifier ("a code-centric
# agent framework for generating ...", "a benchmark dataset designed to ...").
_PHRASE_ENDS = frozenset(
    """for of with that which who whose where to in on at from by via using and or as across over
    through between into under within against toward towards among beyond without per like than
    about around upon onto versus a an the this these its their our
    based designed built trained tailored capable consisting
    comprising containing covering featuring spanning derived aimed intended dedicated focused
    developed used enabling leveraging""".split())


def called_type(before: str) -> EntityType | None:
    """The type the noun before "called", "named", "dubbed", "termed" or "coined" gives the
    name right after `before` ("a novel method called Dual LoRA", "a dataset named X").

    As in `introduced_type`, the word before the white space that ends `before` is looked at
    first: `_CALLED` ends there, and `re` tried it at every word of the 40 characters
    before each name a vote reads (9,375 on the first 3,000 abstracts, 46 of them a match)."""
    last = before.rstrip()
    if len(last) == len(before) or not last.endswith(_CALLED_LAST):
        return None
    called = _CALLED.search(before)
    return noun_type(called.group(1)) if called else None


def apposition_type(words: str) -> EntityType | None:
    """The type an apposition's words give the name before them ("NAME, a code-centric agent
    framework for ..."): its first noun phrase's head, where that is a type noun, for the head
    says what the phrase names and the words before it only qualify it ("agent" a framework;
    Quirk et al., 1985, 17.97); but a benchmark noun anywhere in that phrase makes it a
    benchmark, a thing made to evaluate whatever it is called ("a benchmark framework", "a
    benchmark dataset"). Else the first lowercase type noun, as in "a family of models"."""
    found = _WORD.findall(words)
    phrase: list[str] = []
    for at, word in enumerate(found):
        if word.lower() in _PHRASE_ENDS or (phrase and _type_noun(phrase[-1]) and _ends_clause(word, found[at + 1:])):
            break  # "a poisoning attack method targeting 3DGS models", "the model achieves a score"
        phrase.append(word)
    if any(_type_noun(w) is EntityType.BENCHMARK for w in phrase):
        return EntityType.BENCHMARK
    if phrase and _type_noun(phrase[-1]):
        return _type_noun(phrase[-1])
    return next((_type_noun(w) for w in found if _type_noun(w)), None)


def _type_noun(word: str) -> EntityType | None:
    return noun_type(word) if word.islower() else None


def _ends_clause(word: str, rest: list[str]) -> bool:
    """Whether a word after a type noun starts a clause: a participle or a verb ("framework
    integrating ...", "strategy improves ...", "paradigm requiring models"), not a gerund
    that modifies a further type noun in the singular ("a model merging framework")."""
    if not word.islower() or _type_noun(word) or not word.endswith(("ing", "s")):
        return False
    return not (rest and _type_noun(rest[0]) and not rest[0].endswith("s"))


# Nouns of systems that the extraction's cue lexicon leaves out, for a paper's reading and
# the corpus's votes only: "A2A, an agent interoperability protocol", "a compressor called WISE".
_MORE_SYSTEM_NOUNS = frozenset(
    """protocol protocols standard standards compressor compressors codec codecs engine engines
    platform platforms simulator simulators format formats app apps software""".split())


def noun_type(word: str) -> EntityType | None:
    """`type_of_noun`, and METHOD for the system nouns above."""
    found = type_of_noun(word)
    if found is None and word.lower() in _MORE_SYSTEM_NOUNS:
        return EntityType.METHOD
    return found
