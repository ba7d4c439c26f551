"""graph/extract/names/variants.py: versions and sizes split and attached ("Stable Diffusion
1.5/2.1", "Llama 2 7B"), editions but not counts.
"""

from __future__ import annotations

import pytest

from paperkg.graph.extract.names.variants import APOSTROPHES, SUFFIX_SECONDS, following_suffix
from paperkg.graph.records import entity_id
from seed_page import seed_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" 2010 evaluation campaign", " 2010"), ("-3 test collection", "-3"), (" 2000 images", None),
     (" 12 layers", None), ("'14 English-German", "'14"), (" ' 09 data", " ' 09"),
     ("'s test set", None), ("' 2010", None)],
)
def test_datasets_take_editions_but_not_counts(text, expected):
    found = following_suffix("IWSLT" + text, 5, integers=False, editions=True)
    assert (found[1] if found else None) == expected


def test_stable_diffusion_versions_are_split(names_extractor):
    text = "Applied to four popular generative models (Stable Diffusion 1.5/2.1, PixArt, and Kandinsky), our approach"
    mentions = names_extractor.extract_text(text)
    split = [m for m in mentions if m.entity_id.startswith("stablediffusion")]
    assert [m.text for m in split] == ["Stable Diffusion 1.5", "2.1"]
    assert split[1].entity_id == entity_id("Stable-Diffusion-2.1")
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("compared with GPT-3.5/4 on all tasks", ["gpt3.5", "gpt4"]),
        ("We fine-tune Llama 2 7B/13B/70B models", ["llama27b", "llama213b", "llama270b"]),
    ],
)
def test_version_and_size_lists_are_split(names_extractor, text, ids):
    mentions = names_extractor.extract_text(text)
    assert [m.entity_id for m in mentions] == ids
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_hyphenated_spelling_reaches_a_known_model_version(names_extractor, found):
    text = "and 0.394 MSE (NFE=5, CFG=7.5) on Stable-Diffusion-2.1."
    mentions = found(names_extractor, text)
    assert mentions["Stable-Diffusion-2.1"].entity_id == entity_id("Stable Diffusion 2.1")


def test_no_suffix_follows_where_the_suffix_guard_says_none_can():
    texts = [*seed_lines(), "Llama 2 7B, GPT-3.5 v2 WMT'14 CoNLL ' 03 X\u2019 09 IWSLT 2010 NTCIR-3 a-v1 b -7"]
    for text in texts:
        for end in range(len(text) + 1):
            if text[end + 1 : end + 2] in SUFFIX_SECONDS or text[end : end + 1] in APOSTROPHES:
                continue
            for integers in (False, True):
                assert following_suffix(text, end, integers, True) is None, (text, end)
                assert following_suffix(text, end, integers, False) is None, (text, end)
