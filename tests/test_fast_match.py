"""The fast paths of name matching find exactly what the plain computations find.

Each test keeps the plain computation as its reference: the infix and suffix
expressions' own searches, a book that owns its matcher alone, a match read from the
doc's own tokens instead of the text, a pattern tokenized on its own.
"""

import random

from spacy.lang.en import English
from spacy.util import compile_infix_regex, compile_suffix_regex

from extract_fixtures import seed_lines
from paperkg.graph.extract import Extractor, Gazetteer
from paperkg.graph.extract.text.affixes import InfixFinditer, SuffixSearch
from paperkg.graph.extract.names.patterns import PatternBook, spelling_variants, token_ids
from paperkg.graph.extract.text.tokenizer import blank_pipeline
from paperkg.graph.records import Entity, EntityType

ENTITIES = [
    Entity("muse", "MUSE", EntityType.BENCHMARK, aliases=("MUSE benchmark",)),
    Entity("complex", "ComplEx", EntityType.METHOD, aliases=("complex embeddings",)),
    Entity("cifar10", "CIFAR-10", EntityType.DATASET, aliases=("CIFAR10 dataset",)),
    Entity("iris", "Iris", EntityType.DATASET, aliases=("Iris dataset",)),
    Entity("the-pile", "The Pile", EntityType.DATASET),
    Entity("transformer", "Transformer", EntityType.METHOD, aliases=("transformer architecture",)),
]
DISCOVERED = [
    Entity("rewardbench", "RewardBench", EntityType.BENCHMARK, origin="discovered"),
    Entity("dc-solver", "DC-Solver", EntityType.METHOD, origin="discovered"),
    Entity("muse", "MUSE", EntityType.BENCHMARK, origin="discovered"),
]
TEXTS = [
    "MUSE, Muse, muse and the MUSE benchmark; ComplEx, complex, COMPLEX embeddings.",
    "CIFAR-10, cifar10 and the CIFAR10 dataset; the Iris dataset and a Transformer architecture.",
    "The Pile, the pile; RewardBench and rewardbench; DC-Solver, DC - Solver, dc-solver.",
]



def long_strings(count: int, seed: int) -> list[str]:
    """Chunks of up to 40 characters, dense in the characters affix rules care about."""
    alphabet = list("aAzZs019.,:;-–—~/=+*^<>…°%)(😀αé'’\"")
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_infixes_tried_where_they_can_begin_are_the_full_expressions_matches():
    infixes = English.Defaults.infixes
    ours, plain = InfixFinditer(infixes).finditer, compile_infix_regex(infixes).finditer
    words = [w for line in seed_lines() for w in line.split()]
    extra = ["state-of-the-art", "a..b...c", "x-y-z-", "-x-", "10-20-30", "α-β-γ", "é…é"]
    for string in [*long_strings(5000, seed=5), *words, *extra]:
        assert [m.span() for m in ours(string)] == [m.span() for m in plain(string)], string


def test_suffix_searches_bounded_by_a_run_of_dots_are_the_full_expressions():
    suffixes = English.Defaults.suffixes
    ours, plain = SuffixSearch(suffixes).search, compile_suffix_regex(suffixes).search
    dots = ["...", "a...", "a.", "1.", "°C.", "x.y..", ".a.", "A.", "é..", "10%.", "a\n.", ".a"]
    words = [w for line in seed_lines() for w in line.split()]
    for string in [*long_strings(5000, seed=7), *words, *dots]:
        found, expected = ours(string), plain(string)
        assert (found and found.span()) == (expected and expected.span()), string


def test_books_sharing_a_matcher_find_what_each_finds_alone():
    vocab = blank_pipeline().vocab
    gazetteer, alone_gazetteer = PatternBook(vocab), PatternBook(vocab)
    discovered = PatternBook(vocab, share=gazetteer, namespace="kg_discovered:")
    alone_discovered = PatternBook(vocab)
    for book in (gazetteer, alone_gazetteer):
        book.add_entities(ENTITIES)
    for book in (discovered, alone_discovered):
        book.add_entities(DISCOVERED)
    tokenizer = blank_pipeline().tokenizer
    for text in [*TEXTS, *seed_lines()[:200]]:
        doc = tokenizer(text)
        assert gazetteer.find(doc) == alone_gazetteer.find(doc), text
        assert discovered.find(doc) == alone_discovered.find(doc), text


def test_names_added_between_docs_are_found_in_the_next_doc():
    extractor = Extractor(Gazetteer(ENTITIES))
    book = extractor.nlp.get_pipe("kg_discovered").book
    doc = extractor.nlp.tokenizer(TEXTS[2])
    assert book.find(doc) == []
    extractor.add_discovered(DISCOVERED[:2])
    names = [(entity.name, doc.text[start:end]) for entity, start, end, _ in book.find(doc)]
    assert ("RewardBench", "RewardBench") in names and ("DC-Solver", "DC - Solver") in names


def test_a_head_noun_after_a_name_stays_out_of_the_match():
    extractor = Extractor(Gazetteer(ENTITIES))
    book = extractor.nlp.get_pipe("kg_gazetteer").book
    text = "We use the Iris dataset and a transformer architecture, not MUSE benchmark."
    found = {text[start:end] for _, start, end, _ in book.find(extractor.nlp.tokenizer(text))}
    assert found == {"Iris", "transformer", "MUSE"}


def test_forms_tokenized_together_keep_the_tokens_each_has_alone():
    tokenizer = blank_pipeline().tokenizer
    forms = [form for entity in Gazetteer.bundled().entities
             for surface in (entity.name, *entity.aliases)
             for form in spelling_variants(surface, entity.type)]
    edge = ["C++", ":)", "(e.g.,", "a.m.", "don't", "'s", " x", "x ", "", " ", "a\nb", "a  b", "\n",
            "U.S.", "vs.", "C++ :)", "1.5B", "10a.m.", "\u00a0x", "x\u00a0", "--", "..."]
    ids = token_ids(tokenizer, [*forms, *edge])
    for form in [*forms, *edge]:
        doc = tokenizer(form)
        assert ids[form] == ([t.lower for t in doc], tuple(t.orth for t in doc)), form


def test_matches_read_with_the_text_at_hand_are_those_read_from_the_doc():
    extractor = Extractor.default()
    tokenizer = extractor.nlp.tokenizer
    texts = [*TEXTS, *seed_lines()[:300], "the Iris dataset, the  Iris  dataset, the IRIS Dataset"]
    for name in ("kg_gazetteer", "kg_discovered"):
        book = extractor.nlp.get_pipe(name).book
        for text in texts:
            doc = tokenizer(text)
            assert book.find(doc, text) == book.find(doc), text
