"""graph/extract/text/sentences.py: sentence boundaries, against the plain splitter and pattern they
replaced, and the sentence each extracted mention carries.
"""

import re

from paperkg.graph.extract.text.sentences import SentenceIndex, _boundaries, _BOUNDARY, split_sentences
from sample_texts import name_texts, random_texts
from seed_page import seed_lines


def test_sentences_split_at_full_stops_not_abbreviations():
    text = "We use e.g. BERT. It works, cf. Fig. 2. Then we stop."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "We use e.g. BERT.", "It works, cf. Fig. 2.", "Then we stop."]


def test_sentence_boundaries_are_those_of_the_plain_pattern():
    plain = re.compile(r"(?:[.!?][\"')\]]?)\s+(?=[A-Z0-9(\[\"'])|\n\s*\n")
    edges = ["A. B.\n\nC", "Title\n \n\nAbstract. (Yes) it is! 'Quoted.' \"Q?\" [1] x.) Y", "e.g. 5 x.\n\n\n"]
    for text in [*name_texts(), *edges]:
        assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]


PLAIN_SENTENCE_END = re.compile(r"(?:[.!?][\"')\]]?)\s+(?=[A-Z0-9(\[\"'])|\n\s*\n")


PLAIN_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|Tab|Ref|Refs|No|approx|resp|Dr|Mr|Ms|"
    r"Prof|St|Jr|Inc|Ltd|Co|Corp|al|viz|ca|w\.r\.t|[A-Z])\.$"
)


SENTENCE_EDGE_TEXTS = [
    "We use e.g. BERT. It works, cf. Fig. 2. Then we stop.",
    "Title ends with Plan B.\n\nAbstract starts. J. Smith et al. (2020) said so.",
    "A title, i.e.\n\n\nAbstract. (Yes) it is! 'Quoted.' \"Q?\" [1] x.) Y",
    "e.g. 5 x.\n\n\n",
    "Fig. 1 shows w.r.t. X. approx. 5 (approx. Five) e.g.) Then.\n \nNext",
    "no end mark\n\nlower case. after.\n\n",
]


SENTENCE_PIECES = [
    ".", ".", "!", "?", "\n", "\n\n", " ", " ", "\t", "e.g", "et al", "al", "J", "A", "Fig", "(", ")", '"',
    "'", "x", "1", "]", "[", "w.r.t", "approx", "No", "Word", "\u00a0", "\x1c", "\u00c9",
]


def plain_split_sentences(text):
    """The reference: every end mark matched, then tested for an abbreviation before it."""
    ends = []  # (where a sentence stops, where the next may start)
    for match in PLAIN_SENTENCE_END.finditer(text):
        stop = match.start() + len(match.group(0).rstrip())
        if text[match.start()] != "." or not PLAIN_ABBREVIATION_END.search(text, max(0, stop - 12), stop):
            ends.append((stop, match.end()))
    starts = [0, *(end for _, end in ends)]
    spans = [(start, stop) for start, (stop, _) in zip(starts, ends) if stop > start]
    return spans + [(starts[-1], len(text.rstrip()))] if text[starts[-1]:].strip() else spans


def sentence_texts() -> list[str]:
    no_marks = [piece for piece in SENTENCE_PIECES if piece not in "!?"]
    return [*seed_lines(), *SENTENCE_EDGE_TEXTS, "\n\n".join(seed_lines()),
            *random_texts(3000, SENTENCE_PIECES, 25), *random_texts(3000, no_marks, 25, seed=1)]


def test_sentences_are_those_of_the_plain_splitter():
    for text in sentence_texts():
        assert split_sentences(text) == plain_split_sentences(text), text


def test_full_stops_and_blank_lines_are_the_boundary_matches():
    for text in sentence_texts():
        assert [m.span() for m in _boundaries(text)] == [m.span() for m in _BOUNDARY.finditer(text)], text


def test_mentions_carry_the_sentence_the_index_finds(default_extractor, seed_paper_list):
    for extraction in default_extractor.extract(seed_paper_list):
        paper = extraction.paper
        text = f"{paper.title}\n\n{paper.abstract}"
        sentences = SentenceIndex(text)
        for m in extraction.mentions:
            offset = 0 if m.field == "title" else len(paper.title) + 2
            assert m.sentence == sentences.sentence_at(offset + m.start), m
