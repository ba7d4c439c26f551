"""Short match keys find exactly what keys named after the entities found; names of
letters and spaces get the ids that tokenizing them gives.

The reference is a book that owns its matcher alone: whatever its keys' strings, its
finds are the patterns' own. Books sharing a matcher must find the same, however many
keys each has (a key is its book's namespace and a number, so the numbers of two books
must never meet).
"""

import random

from paperkg.graph.extract import Extractor, Gazetteer
from paperkg.graph.extract.names.patterns import PatternBook, token_ids
from paperkg.graph.extract.text.tokenizer import blank_pipeline
from paperkg.graph.records import Entity, EntityType

# Cased and uncased names, several sharing words, enough for keys of several digits.
NAMES = [f"{stem}{n}" for n in range(1, 40) for stem in ("Bench", "ResNet-", "gpt ")]
ENTITIES = [
    *(Entity(f"e{i}", name, EntityType.MODEL, aliases=(name.upper(),)) for i, name in enumerate(NAMES)),
    Entity("muse", "MUSE", EntityType.BENCHMARK, aliases=("MUSE benchmark",)),
    Entity("complex", "ComplEx", EntityType.METHOD, aliases=("complex embeddings",)),
]
DISCOVERED = [
    *(Entity(f"d{i}", f"Solver{i}X", EntityType.METHOD, origin="discovered") for i in range(30)),
    Entity("muse", "MUSE", EntityType.BENCHMARK, origin="discovered"),
    Entity("bench1", "Bench1", EntityType.BENCHMARK, origin="discovered"),
]
TEXTS = """\
Bench1, BENCH1, bench1 and Bench12; ResNet-3, ResNet 3, RESNET-31 and gpt 7, GPT 17.
MUSE, muse, the MUSE benchmark; ComplEx, complex, complex embeddings; Solver3X, Solver29X.
Solver1X, solver1x, Solver11X beat Bench39 and ResNet39 on MUSE; gpt 38 and GPT 39 too.
""".splitlines()


def test_books_sharing_a_matcher_with_many_short_keys_find_what_each_finds_alone():
    vocab = blank_pipeline().vocab
    gazetteer, alone_gazetteer = PatternBook(vocab), PatternBook(vocab)
    discovered = PatternBook(vocab, share=gazetteer, namespace="kg_discovered:")
    alone_discovered = PatternBook(vocab)
    # Added in turns, as discovery adds names between batches.
    for part in (slice(0, 50), slice(50, None)):
        for book in (gazetteer, alone_gazetteer):
            book.add_entities(ENTITIES[part])
        for book in (discovered, alone_discovered):
            book.add_entities(DISCOVERED[part])
    assert not set(gazetteer.entities) & set(discovered.entities)
    tokenizer = blank_pipeline().tokenizer
    for text in TEXTS:
        doc = tokenizer(text)
        assert gazetteer.find(doc) == alone_gazetteer.find(doc), text
        assert discovered.find(doc) == alone_discovered.find(doc), text
        assert gazetteer.find(doc) and discovered.find(doc), text


def test_every_key_of_a_book_stands_for_one_entity_and_is_short():
    extractor = Extractor(Gazetteer(ENTITIES))
    extractor.add_discovered(DISCOVERED)
    strings = extractor.nlp.vocab.strings
    for pipe in ("kg_gazetteer", "kg_discovered"):
        book = extractor.nlp.get_pipe(pipe).book
        names = [strings[key] for key in book.entities]
        assert len(set(names)) == len(names)
        assert all(name == f"{book.namespace}{number}" for number, name in enumerate(names))
    doc = extractor.nlp.tokenizer("Bench1 and MUSE, Solver3X and ResNet-3.")
    found = {(entity.id, doc.text[start:end])
             for pipe in ("kg_gazetteer", "kg_discovered")
             for entity, start, end, _ in extractor.nlp.get_pipe(pipe).book.find(doc)}
    assert {("d3", "Solver3X"), ("e7", "ResNet-3"), ("muse", "MUSE")} <= found


def test_forms_of_letters_and_spaces_get_the_ids_their_tokens_have():
    tokenizer = blank_pipeline().tokenizer
    rng = random.Random(3)
    words = ["cannot", "Cannot", "gonna", "meta", "Meta", "IS", "is", "a", "I", "Bench",
             *(k for k in tokenizer.rules if k.isascii() and k.isalpha())]
    forms = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(2000)]
    forms += ["".join(rng.choice("aAzZqQ") for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    forms += ["a  b", " a", "a ", "a\tb", "ab12", "a-b", "é", ""]
    ids = token_ids(tokenizer, forms)
    for form in forms:
        doc = tokenizer(form)
        assert ids[form] == ([t.lower for t in doc], tuple(t.orth for t in doc)), form
