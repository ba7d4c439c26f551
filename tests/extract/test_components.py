"""graph/extract/components.py: the `kg_` components run as spaCy components and share their matchers."""

from paperkg.graph.extract import Extractor, Gazetteer
from paperkg.graph.records import Entity, EntityType


def test_shared_matchers_keep_gazetteer_and_discovered_names_apart():
    gazetteer = Gazetteer([Entity("cifar10", "CIFAR-10", EntityType.DATASET)])
    extractor = Extractor(gazetteer)
    extractor.add_discovered([Entity("rewardbench", "RewardBench", EntityType.BENCHMARK,
                                     origin="discovered")])
    mentions = extractor.extract_text("We test on CIFAR-10 and RewardBench, then CIFAR-10 again.")
    found = sorted((m.text, m.component, m.confidence) for m in mentions)
    assert found == [("CIFAR-10", "kg_gazetteer", 0.95), ("CIFAR-10", "kg_gazetteer", 0.95),
                     ("RewardBench", "kg_discovered", 0.7)]


def test_pipeline_called_as_spacy_gives_the_extractor_mentions():
    extractor = Extractor(Gazetteer([Entity("cifar10", "CIFAR-10", EntityType.DATASET)]))
    text = "We evaluate the proposed sampler, DC-Solver, on CIFAR-10."
    doc = extractor.nlp(text)
    spans = [(c.start, c.end, c.name) for c in doc._.kg_mentions]
    expected = [(m.start, m.end) for m in extractor.extract_text(text)]
    assert [(s, e) for s, e, _ in spans] == expected
    assert ("CIFAR-10" in {name for *_, name in spans}) and doc._.kg_sentences.spans


def test_books_sharing_a_matcher_run_it_once_a_doc():
    extractor = Extractor(Gazetteer([Entity("cifar10", "CIFAR-10", EntityType.DATASET)]))
    extractor.add_discovered([Entity("rewardbench", "RewardBench", EntityType.BENCHMARK,
                                     origin="discovered")])
    doc = extractor.nlp("We test on CIFAR-10 and RewardBench.")
    state = doc.user_data["kg_state"]
    matcher = extractor.nlp.get_pipe("kg_gazetteer").book.matcher
    assert extractor.nlp.get_pipe("kg_discovered").book.matcher is matcher
    assert list(state.matches) == [matcher] and len(state.matches[matcher]) == 2
