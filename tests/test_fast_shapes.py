"""The fast paths of `find_context_names` agree with the plain readings they replace.

One regex scan instead of two for the name spans; the left-hand cues skipped when the
word before a name can end none of them; the head and apposition cues' regexes tried only
where their first words or marks are; the title-case context read with rsplit. Each must
give exactly what the plain version gives (kept here as the reference, or as the claim
the shortcut rests on), on the seed page's lines and on edge cases.
"""


import pytest

from extract_fixtures import seed_lines
from paperkg.graph.extract.rules.cues import STOP_NAMES, TYPE_NOUNS
from paperkg.graph.extract.rules.name_spans import (
    NAME_SPANS, _cleaned_spans, _title_cased, name_spans,
)
from paperkg.graph.extract.rules.context_names import (
    _typed_intro,
    _APPOSITION_FIRST, _CALLED, _DATA_HEAD, _DATA_NOUN_STARTS, _INTRO_FILLERS, _INTRO_VERBS,
    _LIST_OPENERS, _MODIFIED_DATA_HEAD, _ON_MODIFIERS, _SPLIT_HEAD, _SPLIT_OR_DATA_STARTS,
    NameHit, _apposition_cue, _coordinated, _group_cue, _head_cue, _intro_cue,
    _may_end_left_cue, _noun_before_cue, _on_cue, _title_cue, find_context_names,
)
from paperkg.graph.records import EntityType


EDGE_TEXTS = [
    "mBERT and XLM-R beat word2vec; iPhone-12 Pro users",
    "RewardBench then mBERT: LLaMA-2 7B/13B vs. GPT-4o, DINOv2 and x86-64 or e2e.BERT",
    "Foo.barBaz and -mBERT .mBERT /mBERT +mBERT _mBERT émBERT, then DeepSeek-V3 and Qwen2.5",
    "the aB aB1 a1 Stable Diffusion 1.5/2.1 XL step1 A B C D E F mBERT A B C D E",
    "We INTRODUCE FooBench, and THE FooNet model; we also propose BarNet.",
    "Models, e.g., GPT-4 and Claude-3, and algorithms (e.g., RLHF and DPO) like  PPO.",
    "We train on  CIFAR10 and on\nImageNet-1K, on unconditional FFHQ and based on ResNet-50.",
    "a sampler  called DPM-Solver++, referred to as FooNet, denoted as BarNet-2",
    "FooNet , a new model for X. FooNet2 is a benchmark. FooNet3 —a new dataset. "
    "FooNet4: the corpus",
    "the AMI meeting corpus, the NIST MT08 test set, WMT09 data and the TAC 2008 data set",
    "the Foo annotated corpus, Bar2 arabic treebank and the Baz zero-shot benchmark-based eval",
    "the Foo dev set, Bar development data, Baz held-out split, Qux testsets, Quux training "
    "collection, X evaluation sets, Y validation data, Z train split, W testing splits, V dataset",
    "the Foo news corpora, Bar1 speech treebanks, Baz2 math datasets, Qux3 new benchmarks",
    "the Foo2\u00a0benchmark and Bar3\tmodel, Baz4 model-based tools, Qux5  models.",
    "MUSE: Machine Unlearning Six-way Evaluation\n\nWe study MUSE.",
    "datasets, FooSet, and the benchmarks, BarBench and BazBench; metrics: FooScore.",
    "",
    "X",
    "NUL\0 a\0b \0X x\0 \0 2\0 Y\0Z aB\0 \0mBERT",  # the scan's class holds NUL: never a span
]


def texts() -> list[str]:
    lines = seed_lines()
    # Title and abstract joined as the extractor joins them, so title cues are read too.
    return [*lines, *(f"{a}\n\n{b}" for a, b in zip(lines[::2], lines[1::2])), *EDGE_TEXTS]


def test_one_scan_finds_the_spans_of_the_plain_regex():
    for text in texts():
        assert name_spans(text) == _cleaned_spans(text, NAME_SPANS.finditer(text)), text


def plain_title_cased(text, start):
    """The reference: the context read with strip and split."""
    before = text[max(0, start - 3) : start]
    if start == 0 or not before.strip(" ") or before.rstrip(" ")[-1:] in ".!?:(\"\n":
        return True
    previous = text[max(0, start - 25) : start].split()
    return bool(previous) and previous[-1][:1].isupper() and previous[-1] not in STOP_NAMES


def test_title_case_is_read_as_with_strip_and_split():
    for text in [*texts(), "A  B", "x.  Y", "AI X", "(  X", "\u2009\u00a0X", "Foo\tX"]:
        for start in range(len(text) + 1):
            assert _title_cased(text, start) == plain_title_cased(text, start), (text, start)


def plain_group_cue(text, group):
    """The reference: every cue read, the left-hand window always split."""
    first, last = group[0], group[-1]
    left = text[max(0, first[0] - 60) : first[0]].split()
    right = text[last[1] : last[1] + 70]
    if len(group) == 1 and first[0] <= 1 or text[max(0, first[0] - 2) : first[0]] == "\n\n":
        title = _title_cue(text, first)
        if title is not None:
            return title
    intro = _intro_cue(left)
    if intro is not None:
        return intro if intro[1] is not None else _typed_intro(intro, right, text[last[0] : last[1]], group)
    return (
        _head_cue(right, text[last[0] : last[1]])
        or _apposition_cue(right, single=len(group) == 1)
        or _noun_before_cue(left, right)
        or _on_cue(text, left, right)
    )


def test_group_cues_are_those_of_reading_every_cue():
    groups = 0
    for text in texts():
        for group in _coordinated(text, name_spans(text)):
            groups += 1
            assert _group_cue(text, group) == plain_group_cue(text, group), text[group[0][0] :]
    assert groups > 300


def test_no_left_cue_ends_at_a_word_that_may_end_none():
    words = {w for text in texts() for w in text.split()}
    for vocabulary in (_INTRO_FILLERS, _INTRO_VERBS, _CALLED, _LIST_OPENERS, _ON_MODIFIERS,
                       TYPE_NOUNS):
        for word in vocabulary:
            words.update((word, word.title(), word.upper(), f"{word},", f"{word}:", f"({word}"))
    prefixes = ([], ["we"], ["We", "introduce"], ["datasets", "such"], ["referred", "to"],
                ["based"], ["models", "like"], ["evaluate", "on"], ["a", "sampler"],
                ["the", "benchmark,"])
    rights = ("", " ", ", ", ") and", " model", ".")
    checked = 0
    for word in words:
        if _may_end_left_cue(word):
            continue
        for prefix in prefixes:
            left = [*prefix, word]
            assert _intro_cue(left) is None, left
            for right in rights:
                checked += 1
                assert _noun_before_cue(left, right) is None, (left, right)
                assert _on_cue("", left, right) is None, (left, right)
    assert checked > 10_000


def test_right_hand_cues_skip_only_windows_they_cannot_match():
    skipped = 0
    for text in texts():
        for start in range(len(text)):
            right = text[start : start + 70]
            if right[1:5] not in _SPLIT_OR_DATA_STARTS:
                skipped += 1
                assert not _SPLIT_HEAD.match(right) and not _DATA_HEAD.match(right), right
            words = right.split(None, 1)
            if len(words) < 2 or words[1][:4] not in _DATA_NOUN_STARTS:
                assert not _MODIFIED_DATA_HEAD.match(right), right
            if right[:1] not in _APPOSITION_FIRST:
                stripped = right.lstrip(" ")
                assert stripped[:1] not in (",", "-", "—", ":"), right
                assert not stripped.startswith("is "), right
    assert skipped > 10_000


def test_hits_are_immutable_records_read_by_name():
    hits = find_context_names("We score models on the RewardBench benchmark.")
    assert hits == [NameHit(23, 34, "RewardBench", EntityType.BENCHMARK, 0.8, "head")]
    hit = hits[0]
    assert hit.type is EntityType.BENCHMARK and hit.cue == "head" and hit.role is None
    with pytest.raises(AttributeError):
        hit.text = "Other"  # type: ignore[misc]
