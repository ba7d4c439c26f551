"""graph/extract/text/phrase_extents.py: the noun phrase each mention stands in ("TED corpus"),
and the adoption of an enclosing phrase against a plain scan.
"""

from __future__ import annotations

import random

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.text.phrase_extents import _adopt_enclosing, _REACH, phrase_extents
from paperkg.graph.records import EntityType


T = EntityType


def phrases(default_extractor: Extractor, text: str) -> dict[str, str]:
    """Each mention's text -> the text of its phrase."""
    return {m.text: text[m.phrase[0] : m.phrase[1]] for m in default_extractor.extract_text(text)}


def extent_texts(text: str, names: list[tuple[str, EntityType]]) -> list[str]:
    spans = []
    for name, kind in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name), kind))
    return [text[s:e] for s, e in phrase_extents(text, spans)]


def test_phrase_takes_the_head_noun_of_a_dataset_or_task():
    text = "Subsequently , we design a multi - label classification task using the TED corpus ."
    assert extent_texts(text, [("multi - label classification", T.TASK), ("TED", T.DATASET)]) == [
        "multi - label classification task", "TED corpus",
    ]


def test_phrase_takes_a_split_and_a_language_before_the_head():
    text = "Word error rates on the English Switchboard test set are reported."
    assert extent_texts(text, [("Switchboard", T.DATASET)]) == ["English Switchboard test set"]


def test_parenthesised_short_form_joins_the_phrase_and_both_mentions_share_it():
    text = "We train on the Chinese Treebank ( CTB ) and report accuracy."
    found = extent_texts(text, [("Chinese Treebank", T.DATASET), ("CTB", T.DATASET)])
    assert found == ["Chinese Treebank ( CTB )", "Chinese Treebank ( CTB )"]


def test_names_joined_by_a_slash_share_one_head():
    text = "evaluating on documents from the Reuters RCV1 / RCV2 corpora ."
    found = extent_texts(text, [("Reuters RCV1", T.DATASET), ("RCV2", T.DATASET)])
    assert found == ["Reuters RCV1 / RCV2 corpora"] * 2


def test_names_joined_by_and_keep_their_own_phrases():
    text = "We use the PKU and MSRA benchmark datasets ."
    assert extent_texts(text, [("PKU", T.DATASET), ("MSRA", T.DATASET)]) == [
        "PKU", "MSRA benchmark datasets",
    ]


def test_glosses_citations_and_other_types_are_left_out():
    text = "The FBIS corpus ( news domain ) and BERT ( Devlin et al. , 2019 ) and GLUE ( 2019 )."
    found = extent_texts(text, [("FBIS corpus", T.DATASET), ("BERT", T.MODEL), ("GLUE", T.BENCHMARK)])
    assert found == ["FBIS corpus", "BERT", "GLUE"]


def test_a_name_without_head_or_short_form_keeps_its_span():
    text = "We evaluate on ImageNet and report top-1 accuracy."
    assert extent_texts(text, [("ImageNet", T.DATASET)]) == ["ImageNet"]


def test_extractor_mentions_carry_their_phrase(default_extractor):
    text = "Here we describe our experiments on the FrameNet corpus, which is large."
    assert phrases(default_extractor, text)["FrameNet"] == "FrameNet corpus"


def test_a_phrase_never_runs_from_the_title_into_the_abstract(default_extractor):
    from paperkg.graph.records import Paper

    paper = Paper(id="p", title="Results on GENIA", abstract="Data sets are scarce in biomedicine.")
    (extraction,) = default_extractor.extract([paper])
    genia = next(m for m in extraction.mentions if m.text == "GENIA")
    assert genia.field == "title" and genia.phrase == (genia.start, genia.end)


def plain_adopt_enclosing(spans, extents):
    """The reference: every mention tests the phrases of the `_REACH` mentions before it."""
    adopted = list(extents)
    for index in range(1, len(spans)):
        start, end, kind = spans[index]
        for earlier in range(index - 1, max(index - _REACH, 0) - 1, -1):
            e_start, e_end = adopted[earlier]
            if spans[earlier][2] == kind and e_start <= start and end <= e_end and any(
                extents[i] != spans[i][:2] for i in range(index)
            ):
                adopted[index] = (e_start, max(e_end, adopted[index][1]))
                break
    return adopted


def test_enclosing_phrases_are_adopted_as_the_plain_scan_adopts_them():
    rng = random.Random(7)
    kinds = [EntityType.DATASET, EntityType.TASK]
    for _ in range(3000):
        spans, extents, at = [], [], 0
        for _ in range(rng.randint(0, 9)):
            start = at + rng.randint(0, 3)
            end = start + rng.choice([0, 1, 2, 5])  # empty spans too
            spans.append((start, end, rng.choice(kinds)))
            wide = rng.random() < 0.3
            extents.append((start - rng.randint(0, 4) * wide, end + rng.randint(0, 12) * wide))
            at = end
        assert _adopt_enclosing(spans, extents) == plain_adopt_enclosing(spans, extents), (spans, extents)
