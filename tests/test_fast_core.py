"""The fast paths of roles, mentions, entities and resolution agree with plain versions.

Each shortcut here (cues grouped by first letter, a sentence walk instead of a binary
search, entities built once) must give exactly what the straightforward computation
gives; the tests keep that computation as the reference and compare on the seed page's
sentences and on edge cases.
"""

import random
import re

import pytest
from test_extract_fast_paths import seed_lines
from test_extract_pipeline import seed_papers

from paperkg.graph.extract import Extractor
from paperkg.graph.extract.text.phrase_extents import _REACH, _adopt_enclosing
from paperkg.graph.extract.rules.results import Span, find_results
from paperkg.graph.extract.rules.roles import (
    _CUE_ALTERNATIVES, _CUE_PATTERNS, _CUES_AFTER_BREAK, _KINDS_BY_LETTER, _OUR, _cue_trie,
)
from paperkg.graph.extract.text.sentences import SentenceIndex
from paperkg.graph.extract.names.variants import APOSTROPHES, SUFFIX_SECONDS, following_suffix
from paperkg.graph.records import EntityType, entity_id

CUE_EDGE_TEXTS = [
    "We propose X; we then present Y, called Z, termed W, named V, dubbed U",
    "compared with A, compare to B, comparison to C, vs. D, vs E, versus F, relative to G",
    "improved upon H, improves on I, outperforming J, surpassed K, beats L, exceeds M",
    "evaluated extensively on N; tested in O. results across P, accuracy on Q, scores in R",
    "On S, on T, across U, using V, uses W, use of X, based on Y, built upon Z, with A",
    "via B, leveraging C, employs D, adopted E, applies F, fine-tuned G, finetuning H",
    "trained on I, training J, initialized from K, initialised from L, from M, over N, than O",
    "we we we propose, We can easily build, we curated, we contributes",
    "(using A) -based on B \"with C\" [on D] /from E\nWe present F",
]


def test_cue_trie_matches_what_the_plain_alternation_matches():
    plain = re.compile(_CUE_ALTERNATIVES)
    trie = re.compile(_cue_trie(_CUE_PATTERNS))
    for text in [*seed_lines(), *CUE_EDGE_TEXTS]:
        for at in range(len(text)):
            expected, found = plain.match(text, at), trie.match(text, at)
            assert (found and found.span()) == (expected and expected.span()), (text, at)
            if found:
                kind = _KINDS_BY_LETTER[text[at]].match(text, at)
                assert (kind.span(), kind.lastgroup) == (expected.span(), expected.lastgroup)


def test_cues_after_a_break_start_one_character_early():
    plain = re.compile(rf"(?<![A-Za-z0-9_])(?:{_CUE_ALTERNATIVES})")
    for text in CUE_EDGE_TEXTS:
        spans = [(m.start() + 1, m.end()) for m in _CUES_AFTER_BREAK.finditer(" " + text)]
        assert spans == [(m.start() + 1, m.end() + 1) for m in plain.finditer(text)]


def test_our_before_a_name_is_found_as_the_word_break_form_finds_it():
    plain = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+)?$")
    texts = [*seed_lines(), "our X", "Our ", "four our", "(our big-data ", "tour  ", "Éour x ", "_our x "]
    for text in texts:
        for end in range(len(text) + 1):
            left = text[max(0, end - 90) : end]
            assert bool(_OUR.search(left)) == bool(plain.search(left)), left


def test_no_suffix_follows_where_the_suffix_guard_says_none_can():
    texts = [*seed_lines(), "Llama 2 7B, GPT-3.5 v2 WMT'14 CoNLL ' 03 X\u2019 09 IWSLT 2010 NTCIR-3 a-v1 b -7"]
    for text in texts:
        for end in range(len(text) + 1):
            if text[end + 1 : end + 2] in SUFFIX_SECONDS or text[end : end + 1] in APOSTROPHES:
                continue
            for integers in (False, True):
                assert following_suffix(text, end, integers, True) is None, (text, end)
                assert following_suffix(text, end, integers, False) is None, (text, end)


@pytest.fixture(scope="module")
def extractor():
    return Extractor.default()


@pytest.fixture(scope="module")
def papers():
    return seed_papers()


def test_mentions_carry_the_sentence_the_index_finds(extractor, papers):
    for extraction in extractor.extract(papers):
        paper = extraction.paper
        text = f"{paper.title}\n\n{paper.abstract}"
        sentences = SentenceIndex(text)
        for m in extraction.mentions:
            offset = 0 if m.field == "title" else len(paper.title) + 2
            assert m.sentence == sentences.sentence_at(offset + m.start), m


def test_results_read_only_targets_and_models(extractor, papers):
    kept = {EntityType.DATASET, EntityType.BENCHMARK, EntityType.MODEL}
    for paper in papers:
        doc = extractor.nlp(f"{paper.title}\n\n{paper.abstract}")
        spans = [Span(c.start, c.end, c.type, entity_id(c.name)) for c in doc._.kg_mentions]
        every = find_results(doc.text, spans, doc._.kg_sentences)
        assert find_results(doc.text, [s for s in spans if s.type in kept], doc._.kg_sentences) == every


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
