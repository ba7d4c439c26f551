"""Names a paper coins where the shape rules miss them (`extract/rules/coined_names.py`),
on sentences of arXiv abstracts of the corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.coined_names import coined_name_candidates
from paperkg.graph.records import Entity, EntityType, Paper, Role


def unknown(surface: str) -> Entity | None:
    return None


def coined(text: str, lookup=unknown) -> list[str]:
    """The names `text` coins, as the rule reads them (not their short forms' uses)."""
    return [c.name for c in coined_name_candidates(text, lookup) if c.role is Role.INTRODUCES]


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def introduced(extractor, title: str, abstract: str) -> set[str]:
    """Every form of the entities a paper introduces: names, aliases and mention texts."""
    extraction = next(iter(extractor.extract([Paper("p", title, abstract)])))
    ids = {m.entity_id for m in extraction.mentions if m.role is Role.INTRODUCES}
    forms = {m.text for m in extraction.mentions if m.entity_id in ids}
    for entity in extraction.entities:
        if entity.id in ids:
            forms |= {entity.name, *entity.aliases}
    return forms


def test_a_plain_title_case_name_after_a_modifier_is_coined():
    text = ("We further propose an instance-level Shortcut Score that combines text-only "
            "confidence with visual necessity signals.")
    assert coined(text) == ["Shortcut Score"]


def test_a_long_form_joined_by_and_is_kept_whole_when_a_short_form_defines_it():
    text = ("In this paper, we propose a novel framework termed Segmenting Objectiveness and "
            "Task-Awareness (SOTA) for autonomous driving scenes.")
    found = coined_name_candidates(text, unknown)
    assert found[0].name == "Segmenting Objectiveness and Task-Awareness"
    assert found[0].aliases == ("Segmenting Objectiveness and Task-Awareness", "SOTA")


def test_without_a_short_form_a_run_stops_at_and():
    # Two names or one? Only a short form says "X and Y" is one name.
    text = ("To this end, we design Global Context Block and Local Detail Block to fuse "
            "features at two scales.")
    assert coined(text) == ["Global Context Block"]


def test_a_comma_inside_a_defined_name_is_kept():
    # arXiv's "\emph{Search More, Think Less}", as the rules read it without the markup.
    text = ("In this work, we propose Search More, Think Less (SMTL), a framework for "
            "long-horizon agentic search. SMTL replaces sequential reasoning.")
    found = coined_name_candidates(text, unknown)
    assert found[0].name == "Search More, Think Less"
    assert [text[c.start : c.end] for c in found[1:]] == ["SMTL", "SMTL"]


def test_a_name_with_an_ampersand_is_coined(extractor):
    found = introduced(extractor, "LLM Agents Already Know When to Call Tools",
                       "Building on this finding, we propose Probe&Prefill, which uses a "
                       "lightweight linear probe to route tool calls.")
    assert "Probe&Prefill" in found and "Probe" not in found


def test_a_colon_list_after_the_cue_coins_each_name():
    text = ("To quantify visual dependence, we introduce two dataset-level diagnostics: Blind Gap, "
            "measuring above-chance text-only performance, and Visual Gain, measuring the "
            "marginal benefit of adding video.")
    assert coined(text) == ["Blind Gap", "Visual Gain"]


def test_a_namely_list_and_a_benchmark_list_are_coined():
    text = ("To evaluate retrieval diversity, we introduce three interpretable metrics, namely "
            "Average Pairwise Distance, Positive Cluster Coverage, and Information Density Ratio, "
            "and construct two paragraph-level benchmarks: LocalNews and DSGlobal.")
    assert set(coined(text)) == {"Average Pairwise Distance", "Positive Cluster Coverage",
                                 "Information Density Ratio", "LocalNews", "DSGlobal"}


def test_a_suite_of_defined_metrics_is_coined():
    text = ("To move beyond qualitative visualization, we introduce a suite of quantitative "
            "metrics, Mean Boundary Repulsion (MBR), Aggregated Spurious Attractor Strength "
            "(ASAS), and Temporally-Aware Spurious Attractor Strength (TASAS), to measure it.")
    assert coined(text) == ["Mean Boundary Repulsion", "Aggregated Spurious Attractor Strength",
                            "Temporally-Aware Spurious Attractor Strength"]


def test_a_name_shaped_word_after_the_noun_it_names_is_coined():
    text = ("To facilitate insights into the film editing style, we construct a multi-shot "
            "video-text dataset Cine250K with detailed shot annotations.")
    assert coined(text) == ["Cine250K"]


def test_a_name_shaped_modifier_of_a_noun_is_not_coined():
    text = "We propose a novel method based on a BERT-style encoder for this task."
    assert coined(text) == []


def test_a_title_case_phrase_before_a_framework_noun_is_not_coined():
    text = ("In this study, we introduce a Flexible Fetal US image generation framework that "
            "synthesizes ultrasound images.")
    assert coined(text) == []


def test_a_task_named_in_title_case_keeps_its_connector():
    text = ("To address this, we formalize the Reference Image to Slide Generation task and "
            "propose Slide2Code, the first benchmark.")
    assert coined(text) == ["Reference Image to Slide Generation"]


def test_novel_before_a_title_case_name_with_a_type_head_coins_it():
    text = "It holds difficulty-tiered samples based on a novel Slide Complexity Metric."
    found = coined_name_candidates(text, unknown)
    assert [(c.name, c.type) for c in found] == [("Slide Complexity Metric", EntityType.METRIC)]


def test_a_lower_case_task_coined_with_its_short_form():
    text = ("This paper introduces the novel video-to-script (V2S) task, aiming to generate "
            "hierarchical, scene-by-scene scripts.")
    assert coined(text) == ["video-to-script"]


def test_a_listed_name_is_never_coined():
    listed = Entity("graphneuralnetwork", "Graph Neural Network", EntityType.METHOD)
    text = "We propose a novel Graph Neural Network for molecules."
    assert coined(text, lambda s: listed if s == "Graph Neural Network" else None) == []


def test_and_before_a_verb_needs_we_in_the_sentence():
    text = "Current models and present Foo Bar limits. We study it and construct Baz Corpus Two."
    assert coined(text) == ["Baz Corpus Two"]


def test_a_second_definition_joins_the_first_definitions_entity(extractor):
    found = introduced(
        extractor, "Semantic-based Unsupervised Framing Analysis (SUFA): A Novel Approach",
        "This research presents a novel approach to computational framing analysis, called "
        "Semantic Relations-based Unsupervised Framing Analysis (SUFA). SUFA leverages semantic "
        "relations.")
    assert {"SUFA", "Semantic Relations-based Unsupervised Framing Analysis",
            "Semantic-based Unsupervised Framing Analysis"} <= found


def test_a_coined_metric_is_not_extended_over_its_modifier(extractor):
    found = introduced(extractor, "From Accuracy to Visual Dependence",
                       "We further propose an instance-level Shortcut Score that combines "
                       "text-only confidence with visual necessity signals.")
    assert "Shortcut Score" in found and "instance-level Shortcut Score" not in found


def test_coined_mentions_point_at_their_text(extractor):
    abstract = ("To address this, we introduce Cross-Modal Belief Alignment, which operationalizes "
                "this cue, and a suite of metrics, Mean Boundary Repulsion (MBR).")
    extraction = next(iter(extractor.extract([Paper("p", "Belief", abstract)])))
    for mention in extraction.mentions:
        assert mention.text == abstract[mention.start : mention.end]


def test_a_name_holding_latex_math_is_coined():
    assert coined("To this end, we propose M$^2$D-LIF, a spiking neuron model.") == ["M$^2$D-LIF"]
    assert coined("We propose a $K$-step lookahead method.") == []


def test_an_acronym_may_modify_the_noun_before_the_name():
    text = ("To address these issues, we propose a novel robust MER framework, Causal Inference "
            "Distiller (CIDer), to generalize it.")
    assert coined(text) == ["Causal Inference Distiller"]


def test_novel_before_a_kind_of_model_is_not_a_name():
    assert coined("We propose Tool-MVR, a novel Tool-Augmented LLM that reasons.") == []


@pytest.mark.parametrize("text", [
    "Specifically, we build upon Attracting and Dispersing (AaD), a widely adopted SFDA technique.",
    "This paper presents a real-world AI application at TVS Supply Chain Solutions, reporting on it.",
    "RANSAC Revisited: An Improved Algorithm for Robust Subspace Recovery\n\nWe revisit RANSAC.",
    # arXiv 2511.07929 (dev3): a definition that begins a compound adjective.
    "Moreover, we design an adaptive Kullback-Leibler (KL) divergence-based distillation "
    "regularization method to enable mutual learning between FAM and MLP.",
])
def test_a_name_after_a_preposition_or_a_generic_phrase_is_not_coined(text):
    assert coined(text) == []


def test_a_short_form_given_to_two_things_keeps_them_apart(extractor):
    abstract = ("Facial expression recognition (FER) is hard. We introduce FREIA, built on two key "
                "innovations: (1) Free Energy-Driven Reward (FER) adapts rewards to balance it.")
    extraction = next(iter(extractor.extract([Paper("p", "FREIA", abstract)])))
    names = {e.id: e.name for e in extraction.entities}
    introduced_names = {names[m.entity_id] for m in extraction.mentions if m.role is Role.INTRODUCES}
    assert "Free Energy-Driven Reward" in introduced_names
    assert not any(n.lower() == "facial expression recognition" for n in introduced_names)


def test_a_taxonomy_is_not_a_list_of_coined_names():
    text = ("To frame this shift, we introduce a five-level taxonomy: Atomic Generation, "
            "Conditional Generation, In-Context Generation, and Agentic Generation.")
    assert coined(text) == []


def test_called_is_followed_by_the_name_at_once():
    assert coined("a novel approach called Unified Modeling of Lanes (UML), which works") == [
        "Unified Modeling of Lanes"]
    assert coined("Re-audits of two named published results yield ELICITATION DOMINATED verdicts.") == []


def test_a_span_read_as_a_listed_name_is_not_coined(extractor):
    # The abbreviation rule links "Iterative Refinement Module (IRM)" to the listed IRM
    # (invariant risk minimization) by its short form; coining it would introduce that.
    abstract = ("To address this, we propose a Graph Laplacian Attention-Based Transformer (GLAT) "
                "integrated with an Iterative Refinement Module (IRM) to enhance feature extraction.")
    extraction = next(iter(extractor.extract([Paper("p", "GLAT", abstract)])))
    listed = [e.id for e in extraction.entities if e.origin == "gazetteer"]
    assert not any(m.role is Role.INTRODUCES and m.entity_id in listed for m in extraction.mentions)


def test_a_name_after_a_past_tense_introducing_verb_is_coined():
    # "we developed" is the paper's as much as "we develop" (arXiv 2504.00463); a later
    # sentence's "we found" introduces nothing.
    text = ("To prevent the backbone network from losing the modeling capabilities of different "
            "low-level features during the later stages of modeling, we developed a Low-level "
            "Information Adapter that interacts with the features extracted by the backbone network.")
    assert coined(text) == ["Low-level Information Adapter"]
    assert coined("In addition, we found Distribution Matching Distillation could preserve it.") == []


def test_which_we_refer_to_as_introduces_the_name(extractor):
    abstract = ("In this work, we discover that a new type of latent action representation, which we "
                "refer to as *Residual Latent Action* (RLA), can be easily learned from DINO residuals.")
    forms = introduced(extractor, "Learning World Models", abstract)
    assert "RLA" in forms and "DINO" not in forms


def test_a_title_case_run_the_definite_article_makes_one_thing_names_the_noun_after_it():
    # arXiv 2507.06138: "the Code Triangle framework" is a framework called Code Triangle;
    # "a Multi-Agent Reinforcement Learning framework" is a framework of a kind.
    assert coined("We introduce the Code Triangle framework, which systematically evaluates LLMs "
                  "across three fundamental dimensions.") == ["Code Triangle"]
    assert coined("We propose a Multi-Agent Reinforcement Learning framework for traffic control.") == []



# Sentences of corpus abstracts that hold the "refer to ... as" cue (arXiv ids in comments).
REFER_SENTENCES = [
    # 2503.18512
    "We associate this characteristic with uncertainty and propose to apply uncertainty estimate to guide "
    "region-specific noise level control, a technique we refer to as Uncertainty-guided Noise Weighting.",
    # 2503.19937
    "In this paper, we explore how to decode textual prompts from reference images, a process we refer to "
    "as image reverse prompt engineering.",
    # 2503.21377
    "Our method, which we refer to as Mask, Inpaint and Denoise (MID), trains a denoiser to simultaneously "
    "denoise and inpaint synthetic clean-noisy pairs.",
    # 2504.02996
    "In this paper, we investigate this underexplored space, where models are evaluated under both "
    "distribution shifts and label noise, which we refer to as Noise-Aware Generalization (NAG).",
]


def test_the_refer_cue_is_scanned_only_where_its_literal_stands():
    # `coined_name_candidates` skips the "refer to ... as" scan of a text without the
    # literal; every match of the plain scan holds it, so the skip changes no candidate.
    import random

    from paperkg.graph.extract.rules.coined_names import _REFER_CUE, _REFER_LITERAL
    from seed_page import seed_lines

    rng = random.Random(21)
    pieces = ["we ", "We ", "e ", "refer ", "refer to ", "to ", "it ", "this ", "as ", "as", "X ", "-", "  "]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    matched = 0
    for text in [*seed_lines(), *REFER_SENTENCES, *made]:
        found = [m.span() for m in _REFER_CUE.finditer(text)]
        assert not found or _REFER_LITERAL in text, text
        matched += bool(found)
    assert matched > 50  # the made texts match too, not the real ones alone


def test_a_name_the_paper_refers_to_as_is_coined():
    # The skip keeps what the scan found where the literal stands.
    assert "Mask, Inpaint and Denoise" in coined(REFER_SENTENCES[2])


def test_the_we_cue_scanned_in_two_cases_ends_where_the_plain_cue_does():
    # `_we_cue_ends` scans "we ..." and "We ..." apart; its ends must be those of the plain
    # scan (`_WE_CUE`), in order and once each, including where the two cases nest.
    import random

    from paperkg.graph.extract.rules.coined_names import _WE_CUE, _we_cue_ends
    from seed_page import seed_lines

    rng = random.Random(26)
    pieces = ["we ", "We ", "e ", "Awe ", "we", "propose ", "proposed ", "introduces ", "build ", "then ",
              "further ", "a ", "X ", "-", "  ", "design-", "curated "]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(30000)]
    matched = nested = 0
    for text in [*seed_lines(), *REFER_SENTENCES, "We we propose X", "we We present Y", *made]:
        plain = [m.end() for m in _WE_CUE.finditer(text)]
        assert _we_cue_ends(text) == plain, text
        matched += bool(plain)
        nested += bool(plain) and "we we " in text.lower()  # one case's "we" among the other's words
    assert matched > 1000 and nested > 10  # the made texts match, and nest, not the real ones alone


def test_the_and_cue_led_by_its_d_finds_the_plain_cues_matches():
    # `_AND_CUE` is led by "d " with "and " read behind; its matches are those of the plain
    # expression, two characters later in their starts, at the same ends.
    import random
    import re

    from paperkg.graph.extract.rules.coined_names import _AND_CUE, _VERBS
    from seed_page import seed_lines

    plain_cue = re.compile(rf"and (?:(?:further|also|then|additionally) )?{_VERBS}(?![\w-])")
    rng = random.Random(27)
    pieces = ["and ", "band ", "nd ", "d ", "an ", "further ", "also ", "propose", "proposed ",
              "introduces", "build-", "X ", " ", "-"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(30000)]
    matched = 0
    for text in [*seed_lines(), *REFER_SENTENCES, *made]:
        plain = [m.span() for m in plain_cue.finditer(text)]
        assert [(m.start() - 2, m.end()) for m in _AND_CUE.finditer(text)] == plain, text
        matched += bool(plain)
    assert matched > 200  # the made texts match, not the real ones alone


@pytest.mark.parametrize(("text", "names"), [
    # arXiv 2507.15520 (test): "and further construct" after "we propose".
    ("Specifically, we propose a dynamic integral image representation, and further construct a "
     "novel Spatially-Adaptive Integral Illumination Estimator ($\\text{SAI}^2\\text{E}$).",
     ["Spatially-Adaptive Integral Illumination Estimator"]),
    # No "we" before the joined verb: another's work.
    ("Prior methods model the illumination and further construct a novel Spatially-Adaptive "
     "Integral Illumination Estimator ($\\text{SAI}^2\\text{E}$).", []),
])
def test_a_verb_joined_by_and_and_an_adverb_coins_the_name_after_it(text, names):
    assert coined(text) == names
