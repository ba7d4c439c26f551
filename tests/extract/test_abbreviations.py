"""graph/extract/rules/abbreviations.py: Schwartz & Hearst definitions, the entities they make, and
their fast paths.

Behaviour on real sentences (mostly from the seed page), then each shortcut against the
straightforward version it replaced (a regex tried at every position, a character loop),
kept here as the oracle, on real sentences, edge cases and texts made at random.
"""

import random
import re

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.abbreviations import (
    Definition, _clause_start, _define, _is_short_form, _long_form_in, _PAREN, _trimmed_long_form, bare_uses, best_long_form,
    find_definitions, is_venue, type_of_long_form,
)
from paperkg.graph.extract.text.sentences import split_sentences
from paperkg.graph.records import EntityType, Paper, Role, entity_id
from sample_texts import random_texts
from seed_page import seed_lines


def test_fields_are_not_abbreviation_entities():
    text = "Advances in natural language processing (NLP) use sparse autoencoders (SAEs)."
    assert [d.short for d in find_definitions(text)] == ["SAEs"]


@pytest.mark.parametrize(
    ("text", "long", "short"),
    [
        ("that we call deep kernel machines (DKMs).", "deep kernel machines", "DKMs"),
        ("Our method leverages sparse autoencoders (SAEs) to extract", "sparse autoencoders", "SAEs"),
        ("We further propose a cascade polynomial regression (CPR) which", "cascade polynomial regression", "CPR"),
        ("outperforms multilingual BERT (mBERT) on", "multilingual BERT", "mBERT"),
        ('presents a novel methodology, "Hollow-tree Super" (HOTS), designed', "Hollow-tree Super", "HOTS"),
    ],
)
def test_schwartz_hearst_definitions(text, long, short):
    (definition,) = find_definitions(text)
    assert (definition.long, definition.short) == (long, short)
    assert text[definition.long_start : definition.long_end] == long


def test_loose_parentheses_are_not_definitions():
    assert find_definitions("using reward modeling evaluation as a case study (FLAMe-RM).") == []
    assert find_definitions("As large language models (LLMs) advance") == []


def test_abbreviation_is_one_entity_and_later_uses_link_to_it(names_extractor):
    text = ("Next, we introduce a deep generalisation of kernel methods, that we call deep kernel "
            "machines (DKMs). Like most naive kernel methods, DKMs scale cubically.")
    mentions = names_extractor.extract_text(text)
    ids = {m.text: m.entity_id for m in mentions}
    assert ids["deep kernel machines"] == ids["DKMs"] == entity_id("deep kernel machines")
    assert [m.text for m in mentions].count("DKMs") == 2


def test_defined_network_unknown_to_the_gazetteer_is_a_named_model(names_extractor, found):
    # GSAP-NER 1809.02066 and 2112.00328: a network given a short form of its own is named.
    text = ("Stochastic configuration networks (SCNs) are randomized learners. We propose a "
            "deep attention convolutional neural network (DACNN) for tourism forecasting.")
    found_here = found(names_extractor, text)
    assert found_here["SCNs"].type is EntityType.MODEL
    assert found_here["DACNN"].type is EntityType.MODEL


def test_defined_family_known_to_the_gazetteer_keeps_its_type(tsv_extractor, names_tsv, found):
    known = tsv_extractor(names_tsv + "convolutional neural network\tMETHOD\tCNN\n")
    found_here = found(known, "We use convolutional neural networks (CNNs) for vision.")
    assert found_here["CNNs"].type is EntityType.METHOD


def test_concept_abbreviations_are_not_entities():
    names_extractor = Extractor.default()
    text = ("We reconstruct high-resolution (HR) images from low-resolution (LR) inputs and model "
            "the agent as a Markov decision process (MDP) over knowledge graphs (KGs).")
    assert {m.text for m in names_extractor.extract_text(text)}.isdisjoint({"HR", "LR", "MDP", "KGs"})


def test_venues_are_not_entities_and_campaigns_are_benchmarks():
    names_extractor = Extractor.default()
    text = ("Published at the Conference on Neural Information Processing Systems (NeurIPS). "
            "We use the data of the Text Analysis Conference (TAC).")
    by_text = {m.text: m.type for m in names_extractor.extract_text(text)}
    assert "NeurIPS" not in by_text and "Neural Information Processing Systems" not in by_text
    assert by_text["TAC"] is EntityType.BENCHMARK


def test_an_untyped_definition_takes_the_type_of_the_noun_after_it(names_extractor, found):
    # TDMSci train-260 and train-331
    text = "We conduct our experiments on the 2009 Knowledge Base Population (KBP) dataset."
    assert found(names_extractor, text)["KBP"].type is EntityType.DATASET
    text = "COAE dataset is the benchmark of the Chinese Opinion Analysis Exercise (COAE) workshop."
    assert found(names_extractor, text)["COAE"].type is EntityType.DATASET


PLAIN_BREAK = re.compile(r"[,;:!?]|\.\s|\s(?:and|or|but|which|that|where|while|whereas)\s|\(|\)")


ABBREVIATION_EDGE_TEXTS = [
    "deep kernel machines (DKMs) and sparse autoencoders (SAEs)",
    "a model, and deep kernel machines (DKM)",
    "x. and deep kernel machines (DKM)",
    "first or and deep kernel machines (DKM)",
    "and (AB) or a b (AB)",
    "   (AB)",
    '"Hollow-tree Super" (HOTS) and \u201cquoted\u201d (Q)',
    "the \u0130stanbul Archive (\u0130A) and the Istanbul Archive (IA)",
    "a" * 230 + " b c (ABC)",
    "word " * 60 + "alpha beta (AB)",
    "alpha,beta gamma (BG) alpha;beta (AB)",
    "whereas alpha beta whereas (AB) where alpha beta (AB)",
    "x. and or and or but alpha beta (AB), y and or and alpha beta (AB)",
    "a1 b2 c3 d4 e5 f6 g7 h8 (ABCDEFGH) and a b c d e f g h i j k l m n o p (ABCDEFGHs)",
]


PIECES = [
    "and", "or", "whereas", "where", "that", "but", ".", ",", ";", ":", "!", "?", "(", ")", " ", " ", " ",
    "  ", "\n", "\t", "\u00a0", "deep", "kernel", "machines", "Deep", "a", "b", "ab", "x1", "2", '"',
    "\u201c", "-", "\u0130", " (DKM)", " (DKMs)", " (AB)", " (A B)", "( AB )", " (2B)", " (Ab)",
    " (ABCDEFGH)",
]


def plain_best_long_form(short, words):
    """The reference: Schwartz & Hearst's loop, one character of the long form at a time."""
    chars = [ch.lower() for ch in short if ch.isalnum()]
    if short.endswith("s") and len(chars) > 2 and short[-2].isupper():
        chars = chars[:-1]
    text = " ".join(words).lower()
    s_index, l_index = len(chars) - 1, len(text) - 1
    used_words = set()
    while s_index >= 0:
        ch = chars[s_index]
        while l_index >= 0 and (
            text[l_index] != ch or (s_index == 0 and l_index > 0 and text[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        used_words.add(text.count(" ", 0, l_index))
        s_index -= 1
        l_index -= 1
    first = text.count(" ", 0, l_index + 1)
    span = len(words) - first
    if span <= 0 or len(used_words) * 2 < span:
        return None
    return first


def plain_define(text, short, paren, short_start):
    """The reference: the whole window scanned for its last break, every word split off."""
    window_start = max(0, paren - 200)
    before = text[window_start:paren]
    clause = None
    for clause in PLAIN_BREAK.finditer(before):  # noqa: B007
        pass
    if clause is not None:
        window_start += clause.end()
        before = text[window_start:paren]
    runs = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", before)]
    runs = runs[-min(len(short) + 5, len(short) * 2):]
    if not runs:
        return None
    offset = plain_best_long_form(short, [word for _, word in runs])
    if offset is None:
        return None
    start, end = window_start + runs[offset][0], window_start + runs[-1][0] + len(runs[-1][1])
    found = _trimmed_long_form(text, short, start, end)
    if found is None:
        return None
    long, start, end = found
    return Definition(long, short, start, end, short_start, short_start + len(short))


def abbreviation_texts() -> list[str]:
    return [*seed_lines(), *ABBREVIATION_EDGE_TEXTS, *random_texts(3000, PIECES, 80)]


def test_last_clause_break_is_the_last_match_of_the_plain_scan():
    rng = random.Random(3)
    for text in abbreviation_texts():
        for _ in range(3):
            start = rng.randint(0, len(text))
            stop = rng.randint(start, len(text))
            plain = None
            for plain in PLAIN_BREAK.finditer(text, start, stop):  # noqa: B007
                pass
            assert _clause_start(text, start, stop) == (plain.end() if plain else start), (text, start, stop)


def test_definitions_are_those_of_the_plain_algorithm():
    defined = 0
    for text in abbreviation_texts():
        for match in _PAREN.finditer(text):
            if _is_short_form(short := match.group(1)):
                plain = plain_define(text, short, match.start(), match.start(1))
                assert _define(text, short, match.start(), match.start(1)) == plain, text
                defined += plain is not None
    assert defined > 300  # the comparison has teeth


def test_a_sentences_definitions_are_the_same_after_its_texts():
    # the long forms are remembered by their clause (`_long_form_in`): the votes read each
    # sentence's definitions after the extractor read the whole text's
    texts = abbreviation_texts()
    sentences = [text[start:end] for text in texts for start, end in split_sentences(text)]
    _long_form_in.cache_clear()
    alone = [find_definitions(sentence) for sentence in sentences]
    _long_form_in.cache_clear()
    for text in texts:
        find_definitions(text)
    read = _long_form_in.cache_info()
    after = [find_definitions(sentence) for sentence in sentences]
    assert after == alone
    # the comparison has teeth: many definitions, many of them read from the text's clauses
    assert sum(map(len, alone)) > 300 and _long_form_in.cache_info().hits - read.hits > 300


def test_long_form_search_agrees_with_the_character_loop():
    rng = random.Random(1)
    vocabulary = ["deep", "Kernel", "machines", "a", "ab", "b-a", "x", "\u0130x", "ss", "s", "AB", "k9", "9k"]
    shorts = ["DKM", "AB", "ABs", "SAEs", "\u0130A", "aB", "9K", "A-B", "ss", "KS", "A", "", "-"]
    for _ in range(5000):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 8))]
        short = rng.choice(shorts)
        assert best_long_form(short, words) == plain_best_long_form(short, words), (short, words)


def test_short_form_test_agrees_with_the_plain_one():
    def plain(short):
        if not 2 <= len(short) <= 10 or len(short.split()) > 2:
            return False
        if not (short[0].isalnum() and any(ch.isupper() for ch in short)):
            return False
        return short[0].isalpha() or (len(short) > 1 and short[1].isalpha())

    shorts = [match.group(1) for text in abbreviation_texts() for match in _PAREN.finditer(text)]
    letters = ["A", "b", "1", " ", "\u0130", "\u01c5", "\u2102", "-", "s", "\u00e9", "\u03a3"]
    shorts += random_texts(5000, letters, 12)
    for short in shorts:
        assert _is_short_form(short) == plain(short), short


@pytest.mark.parametrize(("long", "expected"), [
    ("Text Analysis Conference", EntityType.BENCHMARK),
    ("Chinese Opinion Analysis Evaluations", EntityType.BENCHMARK),
    ("text analysis conference", None),
    ("abstractive summarisation", EntityType.TASK),
    ("sequence labelling", EntityType.TASK),
    ("multi-object tracking", EntityType.TASK),
    ("word error rates", EntityType.METRIC),
    ("sparse autoencoders", EntityType.METHOD),
    ("Gaussian process", EntityType.METHOD),
    ("residual units-", EntityType.METHOD),
    ("stochastic configuration networks", EntityType.MODEL),
    ("neural address", None),
])
def test_long_forms_are_typed_by_their_head_word(long, expected):
    assert type_of_long_form(long) is expected


@pytest.mark.parametrize(("text", "venue"), [
    ("the International Conference on Machine Learning (ICML) and", True),
    ("at the Workshops of Neural Information Processing Systems (NeurIPS)", True),
    ("the Association for Computational Linguistics (ACL)", True),
    ("the Text Analysis Conference (TAC) track", False),
    ("a PreConference on Tests (PCT)", False),
    ("deep kernel machines (DKMs)", False),
])
def test_venues_are_told_by_their_head_words(text, venue):
    (definition,) = find_definitions(text)
    assert is_venue(text, definition) is venue


def plain_bare_uses(text, short):
    """The reference: every place `short` starts, kept when no word character touches it."""
    uses = []
    for start in range(len(text)):
        if not text.startswith(short, start):
            continue
        end = start + len(short) + text.startswith("s", start + len(short))
        before, after = text[start - 1 : start], text[end : end + 1]
        if not re.fullmatch(r"[\w-]", before) and not re.fullmatch(r"[\w-]", after):
            uses.append((start, end))
    return uses


def test_bare_uses_are_the_whole_word_occurrences():
    pieces = ["A", "B", "s", "-", "_", " ", "a", "1", "\u00e9", "AB", "ABs", "\n", "(AB)"]
    for text in [*seed_lines(), *random_texts(2000, pieces, 12)]:
        for short in ("A", "AB", "ABs", "A B", "s", "B-", "\u00e9", "LLM", "RL"):
            assert bare_uses(text, short) == plain_bare_uses(text, short), (text, short)


def test_a_paper_defining_a_listed_short_form_otherwise_names_its_own_entity():
    # arXiv 2506.22032: SGD and SAM are listed (stochastic gradient descent, Segment Anything),
    # but this paper defines both as its own modules, and its later uses are its own.
    abstract = ("To address challenge (2), we propose Selective Global Distillation (SGD), which distills "
                "knowledge from dense features exhibiting high similarity to the CLIP CLS token. Besides, "
                "we also use a Semantic Alignment Module (SAM) to further align dense visual features with "
                "semantic embeddings extracted from the frozen CLIP text encoder. SGD and SAM improve hIoU.")
    extraction = next(iter(Extractor.default().extract([Paper("p", "T", abstract)])))
    ids = {m.text: m.entity_id for m in extraction.mentions}
    assert ids["SGD"] == entity_id("Selective Global Distillation")
    assert ids["SAM"] == entity_id("Semantic Alignment Module")
    introduced = {m.entity_id for m in extraction.mentions if m.role is Role.INTRODUCES}
    assert entity_id("Selective Global Distillation") in introduced


def test_a_listed_short_form_defined_as_the_listed_thing_keeps_its_entity():
    abstract = "We fine-tune the Segment Anything Model (SAM) on our data. SAM then segments cells."
    extraction = next(iter(Extractor.default().extract([Paper("p", "T", abstract)])))
    assert {m.entity_id for m in extraction.mentions if m.text == "SAM"} == {"segmentanythingmodel"}
