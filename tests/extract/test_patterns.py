"""graph/extract/names/patterns.py: the gazetteer matcher's case policy, spellings and shared
matchers; each fast path against the plain computation (kept here as the oracle).
"""

import random

from spacy.matcher import PhraseMatcher

from paperkg.graph.extract import Extractor, Gazetteer, read_gazetteer
from paperkg.graph.extract.names.patterns import (
    _PLAIN, PatternBook, _is_name_of, is_case_sensitive, spelling_variants, token_ids,
)
from paperkg.graph.extract.rules.cues import type_of_noun
from paperkg.graph.extract.text.tokenizer import blank_pipeline
from paperkg.graph.records import Entity, EntityType, entity_id
from sample_texts import CLAUSE_EDGE_TEXTS
from seed_page import seed_lines


def test_short_acronyms_match_case_sensitively_long_names_do_not():
    assert is_case_sensitive("MUSE") and is_case_sensitive("GLUE") and is_case_sensitive("QuALITY")
    assert is_case_sensitive("LargeST")
    assert not is_case_sensitive("machine unlearning")
    assert not is_case_sensitive("CIFAR-10") and not is_case_sensitive("Stable Diffusion")
    assert is_case_sensitive("MultiPLE") and is_case_sensitive("RewardBench")
    # Deliberately cased names whose lower case is an English word keep their capitals.
    assert is_case_sensitive("ComplEx") and is_case_sensitive("ReVeal")
    assert is_case_sensitive("INTERACTION dataset")


def test_spelling_variants_cover_hyphens_and_letter_digit_joints():
    assert {"CIFAR-10", "CIFAR10", "CIFAR 10", "CIFAR - 10"} <= set(spelling_variants("CIFAR-10", EntityType.DATASET))
    assert {"CIFAR-10", "CIFAR 10"} <= set(spelling_variants("CIFAR10", EntityType.DATASET))
    assert "SAEs" in set(spelling_variants("SAE", EntityType.METHOD))


def test_one_letter_and_a_digit_match_only_as_written():
    # SciER 53719258: "at t 0" is a time step, not the model T0; "F 1" is still F1.
    assert is_case_sensitive("T0") and is_case_sensitive("F 1")
    extractor = Extractor.default()
    assert not any(m.text == "t 0" for m in extractor.extract_text("the layer at t 0 ."))
    assert any(m.text == "F 1" for m in extractor.extract_text("We report F 1 on the test set ."))


def test_two_lower_case_words_also_match_hyphenated():
    # "machine comprehension and question-answering" (GSAP-NER 1704.05179)
    assert "question-answering" in set(spelling_variants("question answering", EntityType.TASK))
    assert "Stable-Diffusion" not in set(spelling_variants("Stable Diffusion", EntityType.MODEL))
    extractor = Extractor.default()
    found = {m.text: m for m in extractor.extract_text("Machine comprehension and question-answering are hard.")}
    assert found["question-answering"].entity_id == entity_id("question answering")
    assert found["question-answering"].type is EntityType.TASK


def test_muse_the_benchmark_is_not_muse_the_verb(gazetteer_file):
    extractor = Extractor(Gazetteer(read_gazetteer(gazetteer_file)), discover=False)
    assert [m.text for m in extractor.extract_text("We muse about results on MUSE.")] == ["MUSE"]


def test_all_spellings_of_cifar_link_to_one_entity(gazetteer_file):
    extractor = Extractor(Gazetteer(read_gazetteer(gazetteer_file)), discover=False)
    text = "Accuracy on CIFAR10, on CIFAR-10 and on CIFAR - 10 and cifar-10."
    mentions = extractor.extract_text(text)
    assert [m.text for m in mentions] == ["CIFAR10", "CIFAR-10", "CIFAR - 10", "cifar-10"]
    assert {m.entity_id for m in mentions} == {entity_id("CIFAR-10")}


def test_an_article_led_name_keeps_its_capitals(terms_extractor, found):
    assert is_case_sensitive("The Well") and not is_case_sensitive("Stable Diffusion")
    assert "the well" not in {k.lower() for k in found(terms_extractor, "It works as well as the well-known baseline.")}
    assert "The Well" in found(terms_extractor, "We evaluate on The Well, a physics dataset.")


def test_prefixed_methods_match_hyphenated(terms_extractor, found):
    assert "pre-training" in set(spelling_variants("pretraining", EntityType.METHOD))
    assert found(terms_extractor, "Large-scale pre-training helps.")["pre-training"].type is EntityType.METHOD


def two_matcher_find(book, doc):
    """The reference: the book's patterns in a LOWER and an ORTH PhraseMatcher, as before."""
    lower, orth = PhraseMatcher(doc.vocab, attr="LOWER"), PhraseMatcher(doc.vocab, attr="ORTH")
    seen, entities = set(), {}
    for entity in {id(e): e for e in book.entities.values()}.values():
        docs = {False: [], True: []}
        for surface in (entity.name, *entity.aliases):
            for form in spelling_variants(surface, entity.type):
                sensitive = is_case_sensitive(form)
                pattern = book._tokenizer(form)
                words = tuple(t.text if sensitive else t.lower_ for t in pattern)
                if words and (sensitive, words) not in seen:
                    seen.add((sensitive, words))
                    docs[sensitive].append(pattern)
        entities[doc.vocab.strings.add(entity.id)] = entity
        for matcher, sensitive in ((lower, False), (orth, True)):
            if docs[sensitive]:
                matcher.add(entity.id, docs[sensitive])
    found = []
    for matcher, sensitive in ((lower, False), (orth, True)):
        for key, start, end in matcher(doc):
            entity, last = entities[key], doc[end - 1]
            if (end - start > 1 and entity.type is not EntityType.METRIC
                    and type_of_noun(last.lower_) is not None
                    and _is_name_of(doc[start:end - 1].text, entity)):
                last = doc[end - 2]
            found.append((entity, doc[start].idx, last.idx + len(last), sensitive))
    return found


def test_one_lower_matcher_finds_what_lower_and_orth_matchers_find():
    entities = [
        Entity("muse", "MUSE", EntityType.BENCHMARK, aliases=("MUSE benchmark",)),
        Entity("muse-2", "Muse", EntityType.MODEL),
        Entity("complex", "ComplEx", EntityType.METHOD, aliases=("complex embeddings",)),
        Entity("cifar10", "CIFAR-10", EntityType.DATASET, aliases=("CIFAR10 dataset",)),
        Entity("llama", "Llama", EntityType.MODEL, aliases=("LLaMA", "llama model")),
        Entity("the-pile", "The Pile", EntityType.DATASET),
        Entity("t0", "T0", EntityType.MODEL),
    ]
    extractor = Extractor(Gazetteer(entities))
    book = extractor.nlp.get_pipe("kg_gazetteer").book
    texts = [*seed_lines()[:300], *CLAUSE_EDGE_TEXTS,
             "MUSE, Muse, muse and the MUSE benchmark; ComplEx, complex, COMPLEX embeddings.",
             "CIFAR-10, cifar10, CIFAR10 dataset, Llama, LLaMA, llama, LLAMA model, The Pile, "
             "the pile, T0 and t0, at t 0."]
    for text in texts:
        doc = extractor.nlp.tokenizer(text)
        assert book.find(doc) == two_matcher_find(book, doc), text


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


def test_a_book_builds_its_pattern_tokenizer_only_when_names_are_added_and_shares_it():
    # Each pattern tokenizer is a `spacy.blank` (some 0.06 s at load); the discovered
    # names' first book, replaced by a shared one, must not build one for nothing.
    vocab = blank_pipeline().vocab
    gazetteer = PatternBook(vocab)
    discovered = PatternBook(vocab, share=gazetteer, namespace="kg_discovered:")
    assert gazetteer._tokenizer is None and discovered._tokenizer is None
    discovered.add_entities(DISCOVERED)
    assert gazetteer._tokenizer is not None and discovered._tokenizer is None
    assert discovered._pattern_tokenizer() is gazetteer._pattern_tokenizer()


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


# Cased and uncased names, several sharing words, enough for keys of several digits.
MANY_NAMES = [f"{stem}{n}" for n in range(1, 40) for stem in ("Bench", "ResNet-", "gpt ")]


MANY_ENTITIES = [
    *(Entity(f"e{i}", name, EntityType.MODEL, aliases=(name.upper(),)) for i, name in enumerate(MANY_NAMES)),
    Entity("muse", "MUSE", EntityType.BENCHMARK, aliases=("MUSE benchmark",)),
    Entity("complex", "ComplEx", EntityType.METHOD, aliases=("complex embeddings",)),
]


MANY_DISCOVERED = [
    *(Entity(f"d{i}", f"Solver{i}X", EntityType.METHOD, origin="discovered") for i in range(30)),
    Entity("muse", "MUSE", EntityType.BENCHMARK, origin="discovered"),
    Entity("bench1", "Bench1", EntityType.BENCHMARK, origin="discovered"),
]


MANY_TEXTS = """\
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
            book.add_entities(MANY_ENTITIES[part])
        for book in (discovered, alone_discovered):
            book.add_entities(MANY_DISCOVERED[part])
    assert not set(gazetteer.entities) & set(discovered.entities)
    tokenizer = blank_pipeline().tokenizer
    for text in MANY_TEXTS:
        doc = tokenizer(text)
        assert gazetteer.find(doc) == alone_gazetteer.find(doc), text
        assert discovered.find(doc) == alone_discovered.find(doc), text
        assert gazetteer.find(doc) and discovered.find(doc), text


def test_every_key_of_a_book_stands_for_one_entity_and_is_short():
    extractor = Extractor(Gazetteer(MANY_ENTITIES))
    extractor.add_discovered(MANY_DISCOVERED)
    strings = extractor.nlp.vocab.strings
    book = extractor.nlp.get_pipe("kg_gazetteer").book
    names = [strings[key] for key in book.entities]
    assert len(set(names)) == len(names) > len(MANY_ENTITIES)
    assert all(name == f"{book.namespace}{number}" for number, name in enumerate(names))
    # The discovered names are told apart by their words, under two keys in all.
    discovered = extractor.nlp.get_pipe("kg_discovered").book
    assert not discovered.entities and len(discovered) == len(MANY_DISCOVERED) - 2  # MUSE, Bench1 known
    text = " ".join(MANY_TEXTS)
    keys = {strings[key] for key, _, _ in book.matcher(extractor.nlp.tokenizer(text))}
    assert {key for key in keys if key.startswith("kg_discovered:")} == {"kg_discovered:0"}
    doc = extractor.nlp.tokenizer("Bench1 and MUSE, Solver3X and ResNet-3.")
    found = {(entity.id, doc.text[start:end])
             for pipe in ("kg_gazetteer", "kg_discovered")
             for entity, start, end, _ in extractor.nlp.get_pipe(pipe).book.find(doc)}
    assert {("d3", "Solver3X"), ("e7", "ResNet-3"), ("muse", "MUSE")} <= found


def test_forms_of_letters_hyphens_digits_and_spaces_get_the_ids_their_tokens_have():
    """`_plain_token_ids` reads these forms without the tokenizer: words of letters with
    hyphens inside, lone hyphens and digit runs, among special cases and other text."""
    tokenizer = blank_pipeline().tokenizer
    rng = random.Random(3)
    words = ["cannot", "Cannot", "gonna", "meta", "Meta", "IS", "is", "a", "I", "Bench", "-", "360",
             "D-LIF", "e-mail", "co-op", "x-cannot", "Mr-X", "8-D",
             *(k for k in tokenizer.rules if k.isascii())]
    forms = [rng.choice((" ", "-")).join(rng.choice(words) for _ in range(rng.randint(1, 3)))
             for _ in range(4000)]
    forms += ["".join(rng.choice("aAzZqQ") for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    forms += ["".join(rng.choice("aZ07-- ") for _ in range(rng.randint(1, 9))) for _ in range(6000)]
    forms += ["a  b", " a", "a ", "a\tb", "ab12", "a-b", "a--b", "-a", "a-", "a - b", "1-a", "a-1",
              "10M", "7am", "é", ""]
    ids = token_ids(tokenizer, forms)
    assert sum(_PLAIN.fullmatch(form) is not None for form in forms) >= 3000
    for form in forms:
        doc = tokenizer(form)
        assert ids[form] == ([t.lower for t in doc], tuple(t.orth for t in doc)), form


# Names that share words in other cases, several of several words, one with a head noun.
CASE_NEIGHBOURS = [
    Entity("muse", "MUSE", EntityType.BENCHMARK, aliases=("MUSE benchmark",), origin="discovered"),
    Entity("muse-2", "MuSe", EntityType.MODEL, origin="discovered"),
    Entity("muse-3", "Muse Net", EntityType.MODEL, aliases=("MUSE NET",), origin="discovered"),
    Entity("t0", "T0", EntityType.MODEL, origin="discovered"),
    Entity("deep-muse", "deep muse", EntityType.METHOD, origin="discovered"),
]


def test_a_book_by_words_finds_what_a_book_by_keys_finds():
    """Two `PhraseMatcher` keys and a look-up by words (the discovered names' book) give the
    matches of one key an entity and case, in the same order, sharing a matcher or not."""
    gazetteer = Gazetteer.bundled().entities
    names = [*CASE_NEIGHBOURS, *MANY_DISCOVERED, *gazetteer[:1500]]
    vocab = blank_pipeline().vocab
    shared = PatternBook(vocab)
    shared.add_entities(gazetteer[1500:1700])
    books = [PatternBook(vocab), PatternBook(vocab, by_words=True),
             PatternBook(vocab, share=shared, namespace="d:"),
             PatternBook(vocab, share=shared, namespace="w:", by_words=True)]
    for part in (slice(0, 40), slice(40, 700), slice(700, None)):  # in turns, as batches add
        for book in books:
            book.add_entities(names[part])
    assert [len(book) for book in books] == [len(books[0])] * 4 and not books[1].entities
    tokenizer = blank_pipeline().tokenizer
    texts = [*MANY_TEXTS, *TEXTS, *CLAUSE_EDGE_TEXTS, *seed_lines()[:400],
             "MUSE, MuSe, muse, Muse Net, MUSE NET, muse net, the MUSE benchmark, T0, t0, deep muse.",
             " ".join(entity.name for entity in gazetteer[:1500:7])]
    found = cased = 0
    for text in texts:
        doc = tokenizer(text)
        by_keys = books[0].find(doc)
        assert books[1].find(doc) == by_keys, text
        assert books[2].find(doc) == books[3].find(doc) == by_keys, text
        assert books[3].find(doc, text) == by_keys, text
        found += len(by_keys)
        cased += sum(sensitive for *_, sensitive in by_keys)
    assert found > 250 and cased > 50


def _is_case_sensitive_reference(surface: str) -> bool:
    """`is_case_sensitive` as the general tests (str methods) read it, for any text."""
    if sum(map(str.isalpha, surface)) == 1:
        return True
    if surface == surface.lower():
        return False
    if len(surface) >= 3 and any(map(str.isdigit, surface)):
        return False
    words = surface.split()
    if any(any(map(str.isupper, w[1:])) and not any(map(str.isdigit, w)) for w in words):
        return True
    return len(words) == 1 or words[0] in ("The", "A", "An")


def test_ascii_names_are_cased_as_the_general_tests_case_them():
    rng = random.Random(23)
    alphabet = "aAbZzQ09-. _\t\n\x0b\x0c\x1c\x1f'"
    names = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(30000)]
    names += [f"{article} {rest}" for article in ("The", "A", "An", "the") for rest in ("Well", "Pile", "PiLe", "9")]
    names += [form for entity in Gazetteer.bundled().entities for form in (entity.name, *entity.aliases)]
    names += ["T0", "F 1", "t0", "1A", "A1", "ab", "Ab", "AB", "aB1", "MUSE", "ComplEx", "Stable Diffusion"]
    assert sum(name.isascii() for name in names) > 30000
    for name in names:
        assert is_case_sensitive(name) == _is_case_sensitive_reference(name), repr(name)
