"""Names that open a sentence as its subject (`extract/rules/subject_names.py`), on sentences
of arXiv abstracts of the corpus, with the bundled gazetteer's names."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.rules.context_names import find_context_names
from paperkg.graph.extract.rules.subject_names import find_subject_names
from paperkg.graph.records import Role

from paper_roles import introduced


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def subjects(extractor, text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The names the rule coins in `text` ("title\\n\\nabstract"), with their aliases."""
    found = find_subject_names(text, find_context_names(text), extractor.lexicon.lookup)
    return [(c.name, c.aliases) for c in found if c.role is Role.INTRODUCES]


# arXiv 2508.20881: a thesis names its methods only as the subjects of its sentences.
THESIS = ("Understanding and evaluating computer vision models through the lens of counterfactuals\n\n"
          "This thesis develops frameworks that use counterfactuals to explain, audit, and mitigate bias "
          "in vision classifiers and generative models. The first part addresses vision classifiers. "
          "CAVLI integrates attribution (LIME) with concept-level analysis (TCAV) to quantify how strongly "
          "decisions rely on human-interpretable concepts. Extending this, ASAC introduces adversarial "
          "counterfactuals that perturb protected attributes while preserving semantics. To capture "
          "interactions, BiasConnect builds causal graphs diagnosing intersectional biases. Finally, "
          "InterMit offers a modular, training-free algorithm that mitigates intersectional bias.")


def test_names_opening_sentences_after_the_paper_speaks_of_itself_are_coined(extractor):
    assert [name for name, _ in subjects(extractor, THESIS)] == ["CAVLI", "ASAC", "BiasConnect", "InterMit"]
    assert {"CAVLI", "ASAC", "BiasConnect", "InterMit"} <= introduced(extractor, *THESIS.split("\n\n"))


def test_before_the_paper_speaks_of_itself_a_subject_is_another_work():
    text = ("T\n\nCAVLI integrates attribution with concept-level analysis. We study its failures.")
    assert find_subject_names(text, find_context_names(text), lambda name: None) == []


def test_a_definition_opening_a_sentence_coins_its_long_and_short_form(extractor):
    # arXiv 2511.20186: the parts after "consists of three key modules." in sentences of their own.
    text = ("Exo2EgoSyn\n\nIn this work, we introduce Exo2EgoSyn, an adaptation of WAN 2.2. Our framework "
            "consists of three key modules. Ego-Exo View Alignment(EgoExo-Align) enforces latent-space "
            "alignment between exocentric and egocentric first-frame representations. Multi-view "
            "Exocentric Video Conditioning (MultiExoCon) aggregates multi-view exocentric videos. "
            "Furthermore, Pose-Aware Latent Injection (PoseInj) injects relative camera pose information.")
    assert subjects(extractor, text) == [
        ("Ego-Exo View Alignment", ("Ego-Exo View Alignment", "EgoExo-Align")),
        ("Multi-view Exocentric Video Conditioning", ("Multi-view Exocentric Video Conditioning", "MultiExoCon")),
        ("Pose-Aware Latent Injection", ("Pose-Aware Latent Injection", "PoseInj")),
    ]


def test_a_clause_after_while_names_another_part(extractor):
    # arXiv 2504.09069
    title = "UniFlowRestore: A General Video Restoration Framework via Flow Matching and Prompt Guidance"
    abstract = ("We propose UniFlowRestore, a general video restoration framework. A physics-aware backbone "
                "PhysicsUNet encodes degradation priors as potential energy, while PromptGenerator produces "
                "task-relevant prompts as momentum.")
    assert "PromptGenerator" in introduced(extractor, title, abstract)


@pytest.mark.parametrize("sentence", [
    # arXiv 2503.22516: a comparison names existing models
    "Among the selected models, Prithvi-600M outperforms the baseline models, while CROMA achieves a "
    "very similar performance in F1-score.",
    # arXiv 2505.12158, 2505.13440: a capitalised word only opens its sentence
    "Higher SES entails a higher level of abstraction.",
    "In this way, Stage 1 provides a strong initialization.",
    # arXiv 2505.12486: a plural names a class of things
    "DGMs focus specifically on the subject itself compared to DINO or CLIP features.",
    # arXiv 2509.12682: a listed name's use, and a plural noun read as a verb
    "Post-hoc Grad-CAM visualizations probe feature utilization.",
    # arXiv 2505.16033: a definition of general words
    "Deep Learning (DL) techniques, including CNN and Transfer Learning models, are used. Deep "
    "Learning (DL) enables many things.",
    # a contrast speaks of others' work
    "However, FooNetX suffers from slow inference.",
])
def test_subjects_that_are_no_coinage_of_the_paper(extractor, sentence):
    text = f"T\n\nWe propose a method for this problem. {sentence}"
    assert subjects(extractor, text) == []


def test_a_capitalised_word_opening_a_sentence_is_no_part_of_a_name(extractor):
    # arXiv 2504.10414: "Featuring 736" is a span of name shape; the clause's subject is the name
    text = ("T\n\nWe present HUMOTO data. Featuring 736 sequences (7,875 seconds at 30 fps), HUMOTO "
            "captures interactions with 63 precisely modeled objects.")
    assert subjects(extractor, text) == []
    first = "T\n\nThis paper presents a dataset. Featuring 736 sequences, HUMOTO captures interactions."
    assert subjects(extractor, first) == [("HUMOTO", ())]


def test_a_name_used_before_is_not_coined_again(extractor):
    text = ("T\n\nWe compare with FooNetX on three benchmarks. FooNetX achieves a lower accuracy.")
    assert subjects(extractor, text) == []
