"""What a paper introduces, decided over the whole paper rather than one window at a time.

`roles.py` gives each mention the role of the nearest cue before it, and "we propose ..."
or "our ..." up to 90 characters back made INTRODUCES of every name in reach: the generic
concepts a contribution is about ("we propose a novel form of self-attention that turns
Transformers into ...", "our biological reservoir computing system") and the parts of a
longer name ("IG-CAM (Instance-Guided Class Activation Mapping)"). A paper introduces
names it coins, so here:

- a window's INTRODUCES stands only for the first name after its cue (and the names
  listed with it, or named as its parts: "FuseRL, a framework comprising FuseSFT and
  FusePO", "SlideCoder integrates a Color Gradient-based Segmentation algorithm"), and only
  for a name the paper coins there (`introduced_names.is_coined_here`: a name in the proper
  sense, not a concept the gazetteer lists in lower case, not the object of a preposition
  or a gerund, not the tail of a longer name, not a modifier of another noun);
- it is given where the paper says it in other ways: "X is introduced", "the proposed X",
  "our trained model, X", a coined acronym ("a Semantic Fusion Block (SFB)", "we propose
  verifiable process supervision (VPS), a ..."; Schwartz & Hearst definitions, see
  `abbreviations.py`), and a name no list knows defined by its apposition ("We integrate
  these designs into CARVE, a resolution-enhanced model").

`carry_list_roles` then carries EVALUATES_ON down a list of data past the 90 characters
a cue reaches ("experiments on CIFAR-10, CIFAR-100, ..., and Caltech-101"), and takes back
a title's EVALUATES_ON.

The title ("MUSE: ...") and the context rules of `context_names.py` ("we propose X", "called X")
and `coined_names.py` set their INTRODUCES on the candidate, and those stand as they are; a
title's opening name keeps INTRODUCES when another rule's candidate won its span.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.background_sentences import demote_background_introductions
from paperkg.graph.extract.rules.introduced_siblings import introduce_siblings
from paperkg.graph.extract.rules.made_kinds import introduce_made_kinds
from paperkg.graph.extract.rules.made_passives import introduce_made_passives
from paperkg.graph.extract.rules.namely_made import introduce_namely_names
from paperkg.graph.extract.rules.coined_parts import ITEM, ITEM_BEFORE, PARTS_WORDS
from paperkg.graph.extract.rules.cues import GENERAL_PHRASES
from paperkg.graph.extract.rules.named_objects import object_verb_end
from paperkg.graph.extract.rules.coined_acronyms import is_title_case
from paperkg.graph.extract.rules.introduced_names import (
    DEFINERS, MADE_HEADS, PASSIVE_STARTS, after_our, defines_coined_short_form, is_coined_here,
    is_defined_by_apposition, is_introduced_otherwise, is_listed_name, is_made_data,
    is_proper_name,
)
from paperkg.graph.records import EntityType, Role
from paperkg.graph.speed import mention_of

_INTRODUCES, _MENTIONS, _EVALUATES_ON = Role.INTRODUCES, Role.MENTIONS, Role.EVALUATES_ON
_DATA = frozenset({EntityType.DATASET, EntityType.BENCHMARK})
_TASK = EntityType.TASK
_TITLE_BREAK = "\n\n"  # between the title and the abstract in the text a paper is read as
# What joins two items of a list of data: a comma or "and", perhaps past a result in
# parentheses ("FUNSD (0.79), CORD"), the close of a short form and an article ("the Human
# Connectome Project (HCP) and the Autism ..."), and a few words that describe the next
# item, named in parentheses, past items so named that no rule extracted ("landmarks (ROxf
# and RPar), products (SOP), fashion items (In-Shop), and bird species (CUB-200)"); or the
# open parenthesis of a short form of the item before ("... Project (HCP"). A slash may join
# two describing words ("and long-context/multilingual benchmarks (LongBench, XNLI, XCOPA)").
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+)"
_DESCRIBED = r"(?:[\w/-]+\s+){1,5}\("
# One or two lower-case words may follow an item, its kind or its task ("the KITTI dataset, the
# Waymo dataset", "ImageNet-1K classification, COCO object detection, and ADE20K semantic
# segmentation").
_LIST_JOIN = re.compile(
    rf"\)?(?:\s*\([^()]{{0,40}}\))?(?:\s+[a-z][\w-]*){{0,2}}{_SEPARATOR}(?:the\s+)?(?:{_DESCRIBED}[^()]{{1,30}}\){_SEPARATOR})*"
    rf"(?:{_DESCRIBED})?|\s+\(")
# What may stand between two names that one cue introduces together ("X and Y", "X, Y"),
# perhaps past the close of the first one's short form ("a generation-axis pipeline (GAP)
# and time-step parallelism (TSP)").
_JOINED = re.compile(r"\)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
# The parts of what was just introduced: "we propose FuseRL, a framework comprising FuseSFT".
# What names a size or version of a model (casefolded): "-7B", "-X", "-Large", " v2".
_VARIANT = re.compile(r"v?\d[\w.]*|\d+(?:\.\d+)?[bmk]|large|base|small|lite|mini|tiny|pro|max|plus|xl|x|l|s|m")
_PARTS_OF = re.compile(r"\b(?:comprising|consisting of|composed of|made up of)\s+\Z")
# A sentence saying what an introduced thing is made of: "SlideCoder integrates a X and a Y",
# or "It synergizes X (A), which ..., and Y (B)" right after the sentence that introduced it.
_PARTS_SENTENCE = re.compile(
    r"(?:[A-Z]\w+, )?(\S+) (?:integrates|incorporates|comprises|consists of|combines|contains|"
    r"features|includes|introduces|employs|synergizes|unifies|couples)\b"
)

# The words before a mention that may make it introduced ("the proposed X", "our X", "a new
# X", "a novel X"), in one search: the same answer as a `str.find` of each in turn.
_INTRO_WORDS = re.compile("proposed|ur |new|novel")


def settle_introductions(text: str, pairs: list) -> list:
    """The (mention, candidate) pairs of one paper with INTRODUCES where the paper coins a name.

    Args:
        text: the paper's text ("title\\n\\nabstract"), which candidates' offsets point into.
        pairs: (Mention, Candidate) in text order, roles as `assign_role` or a rule set them.

    Returns:
        `pairs` itself, a mention replaced where its role changes (few papers have any).
    """
    last_intro = None  # the last introduced mention: its end, sentence and whether it stood
    introduced: set[str] = set()  # the names introduced so far, folded
    sentence, parts_from = None, -1  # where the current sentence lists an introduced name's parts
    rejected = None  # the last first name after a cue that was not introduced
    joins: dict[str, str] = {}  # a name in parentheses -> the entity of the long form before it
    for i, (mention, c) in enumerate(pairs):
        start = c.start
        if mention.sentence is not sentence:
            sentence = mention.sentence
            parts_from = _parts_start(text, start, sentence, introduced, pairs, i) if introduced else -1
        if mention.role is _INTRODUCES:
            joined = last_intro is not None and last_intro[1] == mention.sentence and bool(
                _JOINED.fullmatch(text, last_intro[0], start))
            kept = True
            if c.role is None:  # a window's cue, not a rule that read the words next to it
                first = last_intro is None or last_intro[1] != mention.sentence or joined or (
                    last_intro[2] and _PARTS_OF.search(text, last_intro[0], start) is not None)
                kept = (first and not _is_listed(c, text) or after_our(text, start)) and is_coined_here(text, c)
                kept = kept and (not joined or last_intro[2]) or _defines_last_intro(
                    text, c, last_intro, mention.sentence)
                if not kept:  # the cue's reach was wrong; its own apposition may still define it
                    kept = text.startswith(", a", c.end) and is_defined_by_apposition(
                        text, c, _MENTIONS, mention.sentence) or _defines_rejected_phrase(
                        text, c, last_intro, rejected, mention.sentence) or _names_the_object(
                        text, pairs, i, last_intro, joins)
                    if not kept:
                        pairs[i] = (_with_role(mention, _MENTIONS), c)
                        rejected = c if first else None
            last_intro = (c.end, mention.sentence, kept)
            if kept:
                introduced.add(text[start : c.end].casefold())
            continue
        if 0 <= parts_from <= start and _is_coined_part(text, c):
            pairs[i] = (_with_role(mention, _INTRODUCES), c)
            continue
        before = text[start - 2 : start]
        # "; and " ends in "d " (read the plain way at a start under 6, where the offset wraps)
        if before == "; " or (before == "d " or start < 6) and text.startswith("; and ", start - 6):
            if _opens_a_parallel_clause(text, c, last_intro, mention.sentence):
                pairs[i] = (_with_role(mention, _INTRODUCES), c)
                last_intro = (c.end, mention.sentence, True)
                introduced.add(text[start : c.end].casefold())
                continue
        if before == ") " and _is_enumerated_definition(text, c, mention.sentence):
            pairs[i] = (_with_role(mention, _INTRODUCES), c)
            introduced.add(text[start : c.end].casefold())
            continue
        # The words that could introduce a mention, looked for in C first: most have none.
        near = start - 40 if start > 40 else 0
        if (text.startswith(", a", c.end) or text.startswith(" (", c.end) and c.type in _DATA) and (
                is_defined_by_apposition(text, c, mention.role, mention.sentence)):
            pairs[i] = (_with_role(mention, _INTRODUCES), c)
            last_intro = (c.end, mention.sentence, True)
            introduced.add(text[start : c.end].casefold())
            continue
        if c.component in DEFINERS or text.startswith(PASSIVE_STARTS, c.end) or _INTRO_WORDS.search(
                text, near, start) is not None or (
                # "our <3-4 words> approach, NAME" and data "forming the NAME dataset": one
                # character or a type first, since every mention that gets here tests them
                text[start - 2] == "," and (text.find("ur ", start - 60 if start > 60 else 0, near) >= 0
                                            or text.find("resulting", near, start) >= 0)) or (
                c.type in _DATA and text.startswith(MADE_HEADS, c.end)):
            if is_introduced_otherwise(text, c) or _defines_last_intro(text, c, last_intro, mention.sentence) or (
                    is_made_data(text, c)):
                pairs[i] = (_with_role(mention, _INTRODUCES), c)
                last_intro = (c.end, mention.sentence, True)
                introduced.add(text[start : c.end].casefold())
                continue
        if _names_the_object(text, pairs, i, last_intro, joins):
            pairs[i] = (_with_role(mention, _INTRODUCES), c)
            last_intro = (c.end, mention.sentence, True)
            introduced.add(text[start : c.end].casefold())
    if pairs and pairs[0][0].role is not _INTRODUCES:
        _introduce_title_head(text, pairs)
    if introduced:
        _introduce_variants(text, pairs, introduced)
        _join_long_forms(text, pairs, joins)
    introduce_siblings(text, pairs, _with_role)
    introduce_made_kinds(text, pairs, _with_role)
    introduce_made_passives(text, pairs, _with_role)
    introduce_namely_names(text, pairs, _with_role)
    demote_background_introductions(text, pairs, _with_role)
    return pairs


def _names_the_object(text: str, pairs: list, i: int, last_intro, joins: dict) -> bool:
    """Whether the mention `pairs[i]`, in parentheses, names what an introducing verb before
    it makes ("we propose a Cross-modal Consistency Learning framework (CCL-SLR)",
    `named_objects.object_verb_end`). A name introduced inside that object is the same
    thing's long form when only the head noun stands between them, and the two are joined
    into one entity (in `joins`); any other name introduced there is what the verb made."""
    mention, c = pairs[i]
    if c.start == 0 or text[c.start - 1] != "(" or not text.startswith(")", c.end):
        return False  # (one character read, not sliced: most mentions get no further)
    verb_end = object_verb_end(text, c, mention.sentence)
    if verb_end < 0:
        return False
    if last_intro is None or not last_intro[2] or last_intro[1] != mention.sentence or last_intro[0] <= verb_end:
        return True
    if len(text[last_intro[0] : c.start - 1].split()) > 1:
        return False  # "we propose FakeScope, an expert multimodal model (LMM)"
    for long, long_c in reversed(pairs[:i]):
        if long_c.end == last_intro[0] and long.role is _INTRODUCES:
            joins.setdefault(mention.text, long.entity_id)
            break
    return True


def _join_long_forms(text: str, pairs: list, joins: dict[str, str]) -> None:
    """One entity for a coined name introduced under its long form and, apart, under its
    short form: "HIPIF: ..." (title) and "we propose Hierarchical Planning and Information
    Folding (HIPIF)", where the title's name was found before the definition and the two
    were kept apart, so that the paper introduced each. The mentions of both take the
    entity of the one named first, which the pipeline builds the entity from. Names the
    curated lists know are linked by the lists, and left. `joins` holds such pairs found
    where the paper names the object of its verb ("a Cross-modal Consistency Learning
    framework (CCL-SLR)")."""
    wanted: dict[str, str] = dict(joins)  # a short form's text -> the entity of its introduced long form
    for i, (mention, c) in enumerate(pairs):
        if mention.role is not _INTRODUCES or _is_listed_entity(c):
            continue
        if len(c.aliases) == 2 and mention.text == c.aliases[0]:
            wanted.setdefault(c.aliases[1], mention.entity_id)
        elif text.startswith(" (", c.end) and " " in mention.text and i + 1 < len(pairs):
            # "the Intention-centered Emotional Support Conversation (IntentionESC) framework",
            # read as two names by rules that do not pair them
            short, short_c = pairs[i + 1]
            if short_c.start == c.end + 2 and text.startswith(")", short_c.end):
                wanted.setdefault(short.text, mention.entity_id)
    if not wanted:
        return
    moved: dict[str, str] = {}
    for mention, c in pairs:
        long_id = wanted.get(mention.text)
        if long_id is None or long_id == mention.entity_id or _is_listed_entity(c):
            continue
        if long_id not in moved and mention.entity_id not in moved:
            moved[mention.entity_id] = long_id  # the short form's entity, for now
    if not moved:
        return
    order = {}  # each entity -> where its first mention stands
    for i, (mention, _) in enumerate(pairs):
        order.setdefault(mention.entity_id, i)
    moved = dict(sorted((one, other), key=order.__getitem__)[::-1] for one, other in moved.items())
    for i, (mention, c) in enumerate(pairs):
        kept = moved.get(mention.entity_id)
        if kept is not None:
            pairs[i] = (_with_role(mention, mention.role, kept), c)


def _is_listed_entity(c) -> bool:
    """Whether a candidate names an entity of the curated lists."""
    return c.entity is not None and c.entity.origin == "gazetteer"


def _is_listed(c, text: str) -> bool:
    """Whether the curated lists know a name that a cue only reaches: an existing thing,
    which the cue does not make the paper's ("we introduce a ... strategy: a Transformer
    pretrained on ...", "we propose a hybrid ... Swin Transformer-based framework"). The
    lists hold names of the corpus's own papers, so a listed name the verb names at once
    ("we introduce Dr. GRPO, an ...", "a framework termed as HCP") or the paper calls its
    own ("our FLAMe-RM-24B model") is still introduced."""
    if c.entity is None or c.entity.origin != "gazetteer":
        return False
    return _NAMED_BY_THE_VERB.search(text, max(0, c.start - 40), c.start) is None


# An introducing verb right before a name, its object with no article: "we introduce Dr. GRPO".
_NAMED_BY_THE_VERB = re.compile(
    r"\b(?:introduc|propos|present|releas|develop|design|build|construct|curat|creat|contribut|"
    r"call|nam|term|dub)\w*(?:\s+as)?\s+\Z")


def _is_enumerated_definition(text: str, c, sentence: str) -> bool:
    """Whether a definition no list knows opens an enumerated item of a sentence that says
    what a contribution is made of: "The ME grand challenge (MEGC) 2025 introduces two tasks
    ...: (1) ME spot-then-recognize (ME-STR), which ...; and (2) ME visual question answering
    (ME-VQA)" (`coined_parts.find_enumerated_parts` reads such items when Title Case), or
    after bare markers: "we further introduce three metrics: 1) Inclusion Ratio (IN-R) and
    Fill Ratio (FI-R) for assessing layout control; and 2) Background Similarity (BG-S) for
    measuring background consistency" (a definition `term_phrases.py` gives as one mention)."""
    if c.component not in DEFINERS or len(c.aliases) != 2 or is_listed_name(c):
        return False  # a name the corpus discovered may still be coined here
    if not text.startswith(c.aliases[0], c.start) or not is_proper_name(c.aliases[1]):
        return False
    item = ITEM_BEFORE.search(text, max(0, c.start - 6), c.start)
    first_items = ITEM
    if item is None:
        item = _BARE_ITEM_BEFORE.search(text, max(0, c.start - 6), c.start)
        first_items = _BARE_ITEM
    at = text.rfind(sentence, 0, c.start + len(sentence))
    if item is None or at < 0:
        return False
    first = first_items.search(text, at, c.start + 1)
    return first is not None and PARTS_WORDS.search(text, at, first.start()) is not None


# Enumerated items marked "1) ", "2) " with no opening parenthesis, the same as "(1) ".
_BARE_ITEM = re.compile(r"(?<![\w(])(?:[1-9]|i{1,3}|iv|v|vi)\) (?=[A-Z])")
_BARE_ITEM_BEFORE = re.compile(r"(?<![\w(])(?:[1-9]|i{1,3}|iv|v|vi)\) \Z")


def _introduce_variants(text: str, pairs: list, introduced: set[str]) -> None:
    """INTRODUCES for the sizes and versions of a name the paper introduces, wherever they
    stand ("we propose PaQ-RT-DETR ... PaQ-RT-DETR-X achieves the highest overall mAP@50",
    "VideoJudge-7B outperforms larger MLLM judge baselines"): the paper's own variants
    (data/roles/README.md: "X-Large, X-Lite")."""
    # A variant starts with its stem: a name whose first letter (folded one character at a
    # time, as `casefold` folds) starts no introduced name is no variant, and is not sliced.
    firsts = {name[:1] for name in introduced}
    for i, (mention, c) in enumerate(pairs):
        if mention.role is _INTRODUCES or text[c.start].casefold()[:1] not in firsts:
            continue
        name = text[c.start : c.end].casefold()
        stem, _, variant = name.rpartition("-")
        if not stem:
            stem, _, variant = name.rpartition(" ")
        if stem in introduced and _VARIANT.fullmatch(variant) or _extends_introduced(text, c, name, introduced):
            pairs[i] = (_with_role(mention, _INTRODUCES), c)


# What a named extension adds to the paper's own name after a hyphen: pieces, each with a
# capital or a digit ("SAGE-MM", "RTT-GRPO", "X-241B-A28B"), not a word ("X-based", "X-style").
_EXTENSION = re.compile(r"(?:-(?=[^-\s]*[A-Z0-9])[A-Za-z0-9.]+)+")


def _extends_introduced(text: str, c, name: str, introduced: set[str]) -> bool:
    """Whether a name is a name the paper introduces with capitalised pieces after a hyphen:
    its own part or variant, whatever verb uses it ("to train the orchestrator, SAGE-MM, which
    lies at the core of SAGE", "optimizes the policy model via RTT-GRPO" after "RTT introduces
    ..."; round 18). Each hyphen is tried as the stem's end."""
    at = name.find("-")
    while at > 0:
        if name[:at] in introduced and _EXTENSION.fullmatch(text, c.start + at, c.end):
            return True
        at = name.find("-", at + 1)
    return False


def _introduce_title_head(text: str, pairs: list) -> None:
    """INTRODUCES for the name a title opens with before its colon ("YOLO-ROC: A
    High-Precision ..."), when another rule's candidate of the same span (a short form's
    use, say) won over the title rule's and left it another role. A name the curated lists
    know is an existing thing ("BERT: ..."), and keeps its role."""
    mention, c = pairs[0]
    if c.start != 0 or text[c.end : c.end + 1] != ":" or " " in text[: c.end]:
        return
    if c.entity is not None and c.entity.origin != "discovered" or not is_proper_name(text[: c.end]):
        return
    pairs[0] = (_with_role(mention, _INTRODUCES), c)


def _parts_start(text: str, start: int, sentence: str, introduced: set[str], pairs: list, i: int) -> int:
    """Where the parts begin in a sentence that says what an introduced name is made of
    ("SlideCoder integrates a ... algorithm and a ... method", or "It synergizes ..." right
    after the sentence that introduced it), or -1."""
    match = _PARTS_SENTENCE.match(sentence)
    if match is None:
        return -1
    at = text.rfind(sentence, 0, start + len(sentence))
    if at < 0:
        return -1
    subject = match.group(1)
    if subject == "It":
        if not _follows_an_introduction(text, at, pairs, i):
            return -1
    elif subject.casefold() not in introduced:
        return -1
    return at + match.end()


def _follows_an_introduction(text: str, at: int, pairs: list, i: int) -> bool:
    """Whether the sentence at `at`, whose first mention is `pairs[i]`, comes right after a
    sentence that introduced a name, so that its "It" is that name: "we introduce
    GUIPruner, a ... framework. It synergizes ..."."""
    if i == 0:
        return False
    previous = pairs[i - 1][0].sentence
    before = text.rfind(previous, 0, at)
    if before < 0 or text[before + len(previous) : at].strip():
        return False  # a sentence without names stands between them
    for mention, _ in reversed(pairs[:i]):
        if mention.sentence is not previous:
            return False
        if mention.role is _INTRODUCES:
            return True
    return False


# A definition that does something, the subject of its clause: "(DHCL) introduces ...".
_DEFINED_SUBJECT = re.compile(r"\s*\([^()]{1,20}\)\s+[a-z]+s\b")


def _opens_a_parallel_clause(text: str, c, last_intro, sentence: str) -> bool:
    """Whether `c`, after "; " or "; and ", is a Title-Case definition that opens a clause
    of a sentence that introduced a name before it, each clause one part of the paper's
    own: "Specifically, Structure-Guided Neighborhood Enhancement (SGNE) retrieves ...;
    Dynamic Hard Contrastive Learning (DHCL) introduces ...; and Gradient-Decoupled Dual
    Injection (GDDI) performs ..." (arXiv 2509.06531)."""
    if last_intro is None or not last_intro[2] or last_intro[1] != sentence:
        return False
    if c.component != "kg_abbreviations" or len(c.aliases) != 2 or is_listed_name(c):
        return False
    long = c.aliases[0]
    return (text.startswith(long, c.start) and " " in long and is_title_case(long)
            and is_proper_name(c.aliases[1]) and _DEFINED_SUBJECT.match(text, c.end) is not None)


def _is_coined_part(text: str, c) -> bool:
    """A part named like a coinage: Title Case, several words or name-shaped, in no list."""
    name = text[c.start : c.end]
    return ((c.entity is None or c.entity.origin != "gazetteer") and is_proper_name(name)
            and " " in name and is_title_case(name) and not _ends_in_general_phrase(name))


def _ends_in_general_phrase(name: str) -> bool:
    """Whether a name is a kind of a general concept: "an extended Continuous Time Markov
    Decision Process" is a Markov decision process, not a part the paper coins."""
    folded = " ".join(name.lower().split())
    return any(folded == phrase or folded.endswith(" " + phrase) for phrase in GENERAL_PHRASES)


def _defines_rejected_phrase(text: str, c, last_intro, rejected, sentence: str) -> bool:
    """Whether `c` is the short form coined for the phrase a cue reached first and that was
    not introduced, a lower-case phrase: "We propose a representation-level language shift
    (LS) that ..." (`introduced_names.defines_coined_short_form`)."""
    return (rejected is not None and last_intro is not None and last_intro[1] == sentence
            and last_intro[0] == rejected.end and defines_coined_short_form(text, rejected, c))


def _defines_last_intro(text: str, c, last_intro, sentence: str) -> bool:
    """Whether `c` is the short form defined right after the name just introduced, which the
    rules may have cut short: "called Semantic Relations-based Unsupervised Framing
    Analysis (SUFA)", where "Analysis" was left out of the name."""
    if last_intro is None or not last_intro[2] or last_intro[1] != sentence:
        return False
    if c.component != "kg_abbreviations" or text[c.start - 1 : c.start] != "(":
        return False
    between = text[last_intro[0] : c.start - 1]
    return len(between) < 25 and len(between.split()) <= 2 and not any(p in between for p in ",;()")


def carry_list_roles(text: str, pairs: list) -> list:
    """The (mention, candidate) pairs with EVALUATES_ON carried down a list of data.

    A cue reaches 90 characters back (`roles.WINDOW`), so the last names of a long list
    ("experiments on CIFAR-10, CIFAR-100, ..., EuroSAT, and Caltech-101") had no cue in
    reach; a dataset or benchmark with no role that a list joins to the one before it,
    evaluated on, in the same sentence, is evaluated on as well.

    A title reports no experiments: its "on" says what a paper is about ("... Low-level
    Information on Generalizable AI-Generated Image Detection", "... Learning on RISC-V-based
    Ultra-Low-Power SoC"), and Title Case makes names of its words; data a paper evaluates
    on is evaluated on in its abstract, so a title's EVALUATES_ON is taken back.

    Args:
        text: the paper's text, which candidates' offsets point into.
        pairs: (Mention, Candidate) in text order, roles as `settle_introductions` left them.

    Returns:
        `pairs` itself, a mention replaced where its role changes.
    """
    title_end = text.find(_TITLE_BREAK)
    last = None  # the last mention: its end, its sentence and whether it was data evaluated on
    for i, (mention, c) in enumerate(pairs):
        evaluated = mention.role is _EVALUATES_ON
        if evaluated and c.end <= title_end:  # "... Low-level Information on Generalizable ..."
            pairs[i] = (_with_role(mention, _MENTIONS), c)
            evaluated = False
        if (not evaluated and last is not None and last[2] and mention.role is not _INTRODUCES
                and last[1] is mention.sentence and _LIST_JOIN.fullmatch(text, last[0], c.start) is not None):
            if c.type not in _DATA:  # an item typed otherwise ("evaluation (CPsyCounE)") keeps the list
                last = (c.end, mention.sentence, True)
                continue
            if mention.role is _MENTIONS:
                pairs[i] = (_with_role(mention, _EVALUATES_ON), c)
                evaluated = True
        elif (last is not None and last[2] and c.type is _TASK and c.start == last[0] + 1
                and last[1] is mention.sentence and text[last[0]] == " "):
            last = (c.end, mention.sentence, True)  # the task run on the data before it: "COCO object detection"
            continue
        last = (c.end, mention.sentence, evaluated and c.type in _DATA)
    return pairs


def _with_role(mention, role: Role, entity_id: str | None = None):
    """The same mention with another role (and perhaps of another entity)."""
    m = mention
    return mention_of(m.paper_id, m.field, m.start, m.end, m.text, m.sentence, m.type, entity_id or m.entity_id,
                      m.confidence, m.component, role, m.phrase_start, m.phrase_end, m.sentence_start,
                      m.sentence_end)
