"""How a sentence uses a name (graph/extract/rules/name_use.py), on sentences of the arXiv cs corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.name_use import (
    _APPOSITION, _AT_VENUE, _CALLED, _GLUED_LEFT, _INTRO, PART, QUALIFIER, apposition_type, called_type,
    introduced_type,
    is_at_venue, is_glued_left, is_title, name_use, noun_type,
)
from paperkg.graph.records import EntityType

from sample_texts import name_texts, random_texts


def use(sentence: str, name: str) -> str | None:
    return name_use(sentence, sentence.index(name), name)


@pytest.mark.parametrize("sentence, name", [
    # 2507.02078: the networks are the benchmark, IEEE the body that publishes them
    ("The model is trained across multiple IEEE benchmark networks of varying size and complexity.", "IEEE"),
    # round 4: a count before the name
    ("Extensive experiments across four CD benchmarks demonstrate that our HSACNet achieves "
     "state-of-the-art performance.", "CD"),
    # round 4: an indefinite article, inside another name's apposition
    ("To study this problem, we introduce FormalML, a Lean 4 benchmark built from foundational "
     "theories of machine learning.", "Lean 4"),
    # a plural head after a name that is not one of a list
    ("BioBench provides a template recipe for building reliable AI-for-science benchmarks in any domain.",
     "AI-for-science"),
])
def test_a_name_that_qualifies_a_data_noun_is_a_qualifier(sentence, name):
    assert use(sentence, name) == QUALIFIER


@pytest.mark.parametrize("sentence, name", [
    ("Abundant experiments on SCARED and Hamlyn datasets demonstrate our superior performance.", "Hamlyn"),
    ("We report results on the HD-EPIC benchmark.", "HD-EPIC"),
    ("Utilizing datasets from IMDB, AG News, and the Measuring Hate Speech corpus, we evaluated "
     "performance.", "Measuring Hate Speech"),
    ("Evaluation on the BBC News dataset across retention rates shows three regimes.", "BBC News"),
])
def test_a_name_before_its_own_type_noun_is_no_qualifier(sentence, name):
    assert use(sentence, name) is None


@pytest.mark.parametrize("sentence, name", [
    # 2605.01512: glued to another name
    ("On the ACCIDENT@CVPR 2026 benchmark (2,027 real CCTV videos) we reach ACC^S = 0.539.", "CVPR 2026"),
    # 2606.14657: a name built on it
    ("In this work, we propose HPSv3++, a reward model framework that elevates the HPSv3 model.", "HPSv3"),
    # 2603.18240: carried on by a capitalised word
    ("This is an extended journal version of the conference paper published in ISIT 2025; submitted "
     "to IEEE Transactions on Communications (TCOM).", "IEEE"),
    # 2605.20818: an event held at a venue
    ("We describe our approach to the tracks of the Ego4D Episodic Memory Challenge at CVPR 2026.", "CVPR 2026"),
])
def test_a_name_inside_a_longer_name_or_a_venue_is_a_part(sentence, name):
    assert use(sentence, name) == PART


@pytest.mark.parametrize("sentence, name", [
    ("GPT-4o and Gemini 3.1 Pro effectively tie for the best composite score (0.728 and 0.727).", "Gemini 3.1"),
    ("Our method achieves 95.1% accuracy on CASME II, 87.1% on SAMM and 92.9% on MMEW.", "CASME"),
    ("This paper reviews the NTIRE 2026 Efficient Super-Resolution Challenge and its results.", "NTIRE 2026"),
    ("UoB-NLP at SemEval-2025 Task 11: Leveraging Adapters for Multilingual Emotion Detection", "SemEval-2025 Task 11"),
    ("In this paper, we ask whether WAMs need explicit future imagination at test time.", "WAM"),
])
def test_variants_campaigns_and_plurals_are_not_parts(sentence, name):
    assert use(sentence, name) is None


def test_a_title_says_nothing_of_parts():
    assert is_title("NeuroAlign: Hierarchical Multimodal Fusion of Dynamic and Structural Neuroimaging for MCI Analysis")
    assert not is_title("Conversational speech often reveals early signs of cognitive decline, such as MCI.")


@pytest.mark.parametrize("sentence, name, expected", [
    ("To address this gap, we introduce InfoSeek, a scalable framework for synthesizing complex Deep "
     "Research tasks.", "InfoSeek", EntityType.METHOD),
    ("In this work, we present ATOMIC (Autonomous Technology for Optical Microscopy & Intelligent "
     "Characterization), an end-to-end framework that integrates foundation models.", "ATOMIC", EntityType.METHOD),
    ("We introduce T-REX (T-REX: Table -- Refute or Entail eXplainer), the first live, interactive tool "
     "for claim verification over multimodal, multilingual tables.", "T-REX", EntityType.METHOD),
    ("We present SkillsBench, a benchmark of 86 tasks across 11 domains.", "SkillsBench", EntityType.BENCHMARK),
    ("To resolve this issue, we developed a simple yet effective lossless compressor called WISE, "
     "specifically designed for WSI images.", "WISE", EntityType.METHOD),
])
def test_a_papers_introduction_gives_its_reading(sentence, name, expected):
    assert introduced_type(sentence, name) is expected


def test_a_use_that_introduces_nothing_gives_no_reading():
    sentence = "Extensive experiments on the InfoSeek and Encyclopedic-VQA benchmarks show our method's gains."
    assert introduced_type(sentence, "InfoSeek") is None
    assert introduced_type("Sapiens, a foundational model, was adapted to our task.", "Sapiens") is None


VENUE_PIECES = ["held", "Workshop", "presented", "accepted", "challenge", " ", "  ", "\n", "\t", "at",
                "AT", "in", "In", "@", "ın", "İn", "aT", "x", "+", "_", "é", ".", ",", "2026", "\u00a0"]


def test_the_left_context_tests_read_from_the_end_equal_a_full_search():
    """The fast forms of `name_use`'s left-context regexes, against the plain searches."""
    lefts = [line[:end] for line in name_texts() for end in range(0, len(line), 7)]
    lefts += random_texts(20000, VENUE_PIECES, 8, seed=3)
    for left in lefts:
        assert is_glued_left(left) == bool(_GLUED_LEFT.search(left)), left
        assert is_at_venue(left) == bool(_AT_VENUE.search(left)), left
    assert sum(is_at_venue(left) for left in lefts) > 100


def plain_introduced_type(sentence: str, name: str) -> EntityType | None:
    """`introduced_type` as first written: both cues searched in all the text before the name."""
    at = sentence.find(name)
    if at < 0:
        return None
    called = _CALLED.search(sentence[:at])
    if called:
        return noun_type(called.group(1))
    if not _INTRO.search(sentence[:at]):
        return None
    apposition = _APPOSITION.match(sentence[at + len(name):])
    return apposition_type(apposition.group(1)) if apposition else None


INTRO_WORDS = ["we", "We", "introduce", "introduced", "introduces", "propose", "present", "presents",
               "paper", "work", "offer", "newly", "the", "a", "an", "A", "The", "called", "named",
               "termed", "coined", "dubbed", "compressor", "model", "NAME", "NAME,", "(x)", "é", "-"]
# Words with white space of several kinds after them (`str.rstrip` and `\\s` strip alike).
INTRO_PIECES = INTRO_WORDS + [word + space for word in INTRO_WORDS for space in (" ", " ", "  ", "\n", "\t", "\u00a0")]


def test_introduced_type_reads_the_cues_last_word_first_as_a_full_search():
    """The fast form (the cues' last word looked at before `re` searches), against the plain
    searches, on the seed lines (every capitalised word a name) and random texts of the
    cues' words before the name and an apposition after it."""
    pairs = [(line, word) for line in name_texts() for word in set(line.split()) if word[:1].isupper()]
    pairs += [(f"{opener} {verb} {article}NAME{apposition}", "NAME")
              for opener in ("We", "we newly", "This paper", "Our work", "a study")
              for verb in ("introduce", "introduces", "propose", "proposes", "present", "presents", "develop",
                           "design", "build", "construct", "release", "curate", "create", "contribute",
                           "offer", "introduced", "called", "named", "dubbed", "termed", "coined")
              for article in ("", "the ", "a ", "an ", "the\n", "a  ")
              for apposition in (", a framework for x", " (x y), an end-to-end benchmark")]
    appositions = [", a framework for x", " (x y), an end-to-end benchmark", ", the model", " is good", ""]
    pairs += [(text + appositions[i % len(appositions)], "NAME")
              for i, text in enumerate(random_texts(30000, INTRO_PIECES + ["NAME"] * 5, 8, seed=5))]
    for sentence, name in pairs:
        assert introduced_type(sentence, name) is plain_introduced_type(sentence, name), (sentence, name)
    lefts = [s[:s.find(n)] for s, n in pairs if n in s]
    assert sum(bool(_CALLED.search(left)) for left in lefts) > 100
    assert sum(bool(_INTRO.search(left)) for left in lefts) > 30
    assert sum(plain_introduced_type(s, n) is not None for s, n in pairs) > 30


def test_called_type_reads_the_cues_last_word_first_as_a_full_search():
    """`called_type` looks at the word before the closing white space before `re` searches:
    the same types as the plain search, on the lefts of the seed lines' names and random
    texts of the cue's words and six kinds of white space."""
    lefts = [line[:end] for line in name_texts() for end in range(0, len(line), 5)]
    lefts += random_texts(30000, INTRO_PIECES, 8, seed=9)
    for left in lefts:
        for before in (left, left[-40:]):
            plain = _CALLED.search(before)
            assert called_type(before) is (noun_type(plain.group(1)) if plain else None), before
    assert sum(called_type(left) is not None for left in lefts) > 100


def test_an_apposition_is_typed_by_the_head_of_its_first_noun_phrase():
    # corpus sentences' appositions (75k graph): the head, not the first type noun, says what it is
    assert apposition_type("code-centric agent framework for generating educational videos") is EntityType.METHOD
    assert apposition_type("novel data-free model merging framework to flexibly generate merged models") \
        is EntityType.METHOD
    assert apposition_type("novel poisoning attack method targeting 3DGS models") is EntityType.METHOD
    assert apposition_type("novel paradigm requiring models to simultaneously act as precise archivists") \
        is EntityType.METHOD
    assert apposition_type("novel defense method against sleeper agents") is EntityType.METHOD
    # a benchmark noun makes a benchmark whatever the head; no type noun in the phrase: the first one after
    assert apposition_type("large-scale model steering benchmark") is EntityType.BENCHMARK
    assert apposition_type("new benchmark dataset designed to evaluate") is EntityType.BENCHMARK
    assert apposition_type("family of self-supervised models that learn dense visual representations") \
        is EntityType.MODEL
    assert apposition_type("learned retention policy that constructs a compact evidence state") is None
