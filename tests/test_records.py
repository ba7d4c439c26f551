"""Identity rules every stage relies on: entity keys and paper ids."""

import pytest

from paperkg.graph.records import Role, entity_id, entity_key, paper_id


def test_ascii_names_fold_like_any_other():
    assert entity_key("CIFAR-10") == "cifar10"
    assert entity_key("Stable Diffusion 2.1") == entity_key("stable-diffusion-2.1")
    assert entity_key("PixArt-α") == "pixartalpha" and entity_key("Tülu 3") == "tulu3"


@pytest.mark.parametrize("spellings", [
    ("CIFAR-10", "CIFAR10", "cifar 10", "Cifar-10"),
    ("Stable Diffusion 2.1", "Stable-Diffusion-2.1", "stable diffusion 2.1"),
    ("PixArt-α", "PixArt-alpha", "PixArt alpha"),
    ("Tülu", "Tulu"),
    ("LLM", "LLMs"),
    ("Video LLM", "Video LLMs", "video-LLM"),
])
def test_spellings_of_one_name_share_a_key(spellings):
    assert len({entity_key(s) for s in spellings}) == 1


@pytest.mark.parametrize("a, b", [
    ("Stable Diffusion 2.1", "Stable Diffusion 21"),
    ("GPT-3.5", "GPT-35"),
    ("AWS", "AW"),
    ("C++", "C"),
    ("Transformers", "Transformer"),  # only acronym plurals fold
])
def test_different_names_keep_different_keys(a, b):
    assert entity_key(a) != entity_key(b)


def test_entity_id_is_the_key_and_never_empty():
    assert entity_id("FLAMe-RM-24B") == entity_key("FLAMe-RM-24B") == "flamerm24b"
    assert entity_id("---") == "unnamed"


def test_paper_id_prefers_the_arxiv_id_without_version():
    assert paper_id("Any title", "2503.11792v3") == "2503.11792"
    assert paper_id("Any title", "hep-th/9901001v1") == "hep-th/9901001"


def test_paper_id_from_title_is_a_stable_slug_of_twelve_words():
    title = "DC-Solver: Improving Predictor-Corrector Diffusion Sampler via Dynamic Compensation"
    assert paper_id(title) == "dc-solver-improving-predictor-corrector-diffusion-sampler-via-dynamic-compensation"
    assert paper_id(title + " and much more text after it") == paper_id(title + " and much more")
    assert paper_id("Ünïcödé Tïtle") == "unicode-title"


def test_roles_order_by_strength():
    assert max(Role, key=lambda r: r.strength) is Role.INTRODUCES
    assert Role.MENTIONS.strength < Role.USES.strength < Role.EVALUATES_ON.strength
