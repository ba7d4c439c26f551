"""graph/extract/names/variants.py: versions and sizes split and attached ("Stable Diffusion
1.5/2.1", "Llama 2 7B"), editions but not counts.
"""

from __future__ import annotations

import pytest

from paperkg.graph.extract.names.variants import (
    _SUFFIX, APOSTROPHES, SUFFIX_SECONDS, _may_end_in_suffix, _version_base, following_suffix,
)
from paperkg.graph.records import entity_id
from sample_texts import random_texts
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


SUFFIX_PIECES = ["Llama", "GPT", "-", " ", "_", "v", "2", "7", ".", "5", "B", "M", "K", "b", "Large", "large",
                 "Base", "XL", "XXL", "L", "Instruct", "Chat", "chat", "Tiny", "Mini", "mini", "Small", "Net",
                 "\n", "٣", "²", "x", "e"]


def test_a_version_base_is_looked_for_only_where_the_name_can_end_in_a_suffix():
    """`_version_base` skips `_SUFFIX` where `_may_end_in_suffix` says it cannot match: on
    the seed lines' words and word pairs and random names of suffix pieces (a Unicode digit,
    a superscript, a trailing newline among them), it answers as the expression alone."""
    def plain(name: str) -> str | None:
        match = _SUFFIX.match(name)
        return match.group("base").rstrip(" -_") if match and len(match.group("base")) >= 2 else None

    words = [word for line in seed_lines() for word in line.split()]
    names = [*words, *(" ".join(pair) for pair in zip(words, words[1:]))]
    names += random_texts(30000, SUFFIX_PIECES, 5, seed=7)
    for name in names:
        assert _version_base(name) == plain(name), name
        if _SUFFIX.match(name):
            assert _may_end_in_suffix(name), name
    assert sum(plain(name) is not None for name in names) > 1000
