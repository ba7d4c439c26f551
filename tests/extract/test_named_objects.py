"""Names given in parentheses to what an introducing verb makes (`extract/rules/named_objects.py`,
applied by `contributions.settle_introductions`), on sentences of arXiv abstracts of the corpus."""

from __future__ import annotations

import pytest

from paperkg.graph.extract import Extractor
from paperkg.graph.records import Paper, Role


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


def introduced_entities(extractor, abstract: str) -> list[set[str]]:
    """The forms (name, aliases and mention texts) of each entity the paper introduces."""
    extraction = next(iter(extractor.extract([Paper("p", "Title", abstract)])))
    forms: dict[str, set[str]] = {}
    for m in extraction.mentions:
        forms.setdefault(m.entity_id, set()).add(m.text)
    introduced = {m.entity_id for m in extraction.mentions if m.role is Role.INTRODUCES}
    return [forms[e.id] | {e.name, *e.aliases} for e in extraction.entities if e.id in introduced]


def introduced_forms(extractor, abstract: str) -> set[str]:
    return set().union(*introduced_entities(extractor, abstract))


@pytest.mark.parametrize("abstract, name", [
    # arXiv 2503.12862: the object's head is a kind of thing, the name in parentheses after it.
    ("To achieve a more balanced rate-distortion trade-off and faster encoding, we propose an "
     "alternate optimization strategy (A-RDO). Additionally, we refine the entropy model.", "A-RDO"),
    # arXiv 2503.16801: a name that is not the initials of its long form.
    ("To address the problem of interaction consistency in long sequences, we propose an "
     "autoregressive diffusion model (ARDHOI) that predicts the next continuous token.", "ARDHOI"),
    # arXiv 2503.21771: "This paper proposes" as the introducing verb.
    ("This paper proposes a unified Text-to-Image and DEnse annotation generation method (TIDE) "
     "for underwater scenes.", "TIDE"),
    # arXiv 2503.16997: "a framework for X (NaMe)", a name in mixed case.
    ("In this paper, we introduce a Synergistic training framework for Foundation and Conventional "
     "models (SynFoC) to address the issue.", "SynFoC"),
    # arXiv 2511.07929 (dev3): the same past a short form inside the object.
    ("To address these challenges, we propose a novel contrastive language-image pre-training (CLIP) "
     "based FL approach for medical image classification (FedMedCLIP). Specifically, we introduce a "
     "masked feature adaptation module (FAM).", "FedMedCLIP"),
])
def test_a_name_given_to_the_object_of_an_introducing_verb_is_introduced(extractor, abstract, name):
    assert name in introduced_forms(extractor, abstract)


def test_a_name_given_after_its_long_form_joins_it(extractor):
    # arXiv 2503.12485: the window introduced the long form; the name is the same thing.
    abstract = ("Learning sign representations from RGB videos remains challenging. To address this "
                "dilemma, we propose a Cross-modal Consistency Learning framework (CCL-SLR), which "
                "leverages the cross-modal consistency. Experiments show that CCL-SLR is robust.")
    entities = introduced_entities(extractor, abstract)
    assert [forms for forms in entities if "CCL-SLR" in forms] == [
        {"CCL-SLR", "Cross-modal Consistency Learning"}]


@pytest.mark.parametrize("abstract, name", [
    # arXiv 2505.14916: what the object is based on.
    ("We propose an OCT super-resolution framework based on a plug-and-play diffusion model (PnP-DM) "
     "to reconstruct high-quality images from sparse measurements.", "PnP-DM"),
    # arXiv 2503.17792: what the introduced thing goes into.
    ("In this paper, we introduce a topology-preserving constraint into the iterative "
     "convolution-thresholding method (ICTM), resulting in a new method.", "ICTM"),
    # arXiv 2503.18682: a name spelling what the approach is for.
    ("We present a novel, hardware rasterized rendering approach for ray-based 3D Gaussian Splatting "
     "(RayGS), obtaining both fast and high-quality results for novel view synthesis.", "RayGS"),
    # arXiv 2503.24267: the verb's object is the name before, the parenthesis a class it is of.
    ("In this work, we propose FakeScope, an expert multimodal model (LMM) tailored for AI-generated "
     "image forensics.", "LMM"),
])
def test_a_name_the_object_is_built_on_or_is_for_is_not_introduced(extractor, abstract, name):
    assert name not in introduced_forms(extractor, abstract)
