"""graph/extract/text/detokenize.py: tokenized text ("RTE - 5") is read as written, with offsets
into the text as given; text written normally is left alone.
"""

from __future__ import annotations

import random
import re

from paperkg.graph.extract.text.detokenize import Detokenized, looks_tokenized, view_without
from sample_texts import random_texts
from seed_page import seed_lines


def test_tokenized_text_is_read_through_a_view_without_the_inserted_spaces():
    text = "We evaluate on the RTE - 5 test set ( Bentivogli et al . , 2009 ) and CTB 5 . 1 ."
    view = Detokenized(text)
    assert view.changed
    assert view.view == "We evaluate on the RTE-5 test set (Bentivogli et al., 2009) and CTB 5.1."
    start = view.view.index("RTE-5")
    assert text[slice(*view.original_span(start, start + 5))] == "RTE - 5"


def test_text_written_normally_is_read_as_it_is():
    text = "We propose BERT - a model that reads both ways. It is strong (really)."
    assert not looks_tokenized(text)
    assert Detokenized(text).view == text


def test_names_in_tokenized_text_are_found_with_offsets_into_the_text_as_given(default_extractor):
    text = "We report results on the MUC - 4 data and on CIFAR - 10 ."
    found = {m.text: m for m in default_extractor.extract_text(text)}
    assert "MUC - 4" in found and "CIFAR - 10" in found
    for mention in found.values():
        assert text[mention.start : mention.end] == mention.text
    assert found["CIFAR - 10"].entity_id == "cifar10"


def test_tokenized_text_is_told_as_the_plain_test_tells_it():
    def plain(text):
        if " , " not in text and " . " not in text and not text.endswith(" ."):
            return False
        spaced = len(re.findall(r"\w [,.;:)](?:\s|$)", text))
        return spaced > 0 and spaced > len(re.findall(r"\w[,.;:)](?:\s|$)", text))

    edges = ["RTE - 5 test set ( Bentivogli et al . )", "x ,y", "uses .NET", "ends with a .", "a , b , c. d",
             " ."]
    pieces = ["a", "b", " ", " ", " , ", " . ", ".", ";", ")", "x1", "\n"]
    texts = [*seed_lines(), *edges, *random_texts(5000, pieces, 20, seed=4)]
    assert sum(plain(text) for text in texts) > 300
    for text in texts:
        assert looks_tokenized(text) == plain(text), text


def test_the_view_is_made_as_the_plain_character_loop_makes_it():
    rng = random.Random(5)
    texts = random_texts(300, ["a", " ", ",", " .", "\\textbf{X}", "é", "\n", "BERT"], 40, seed=4)
    for text in texts:
        for removed in ({i for i in range(len(text)) if rng.random() < p} for p in (0.0, 0.1, 0.5, 1.0)):
            origin = [i for i in range(len(text)) if i not in removed]
            assert view_without(text, removed) == ("".join(text[i] for i in origin), origin)
