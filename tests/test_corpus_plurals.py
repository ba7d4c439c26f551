"""Model names the corpus writes as classes before a plural type noun (graph/corpus_plurals.py),
on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_plurals import plural_classes, written_as_thing
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

MODEL = EntityType.MODEL

# Papers of the 75k corpus that name "Indic" models: a class of models, and its benchmarks.
INDIC = [
    "Across all four tasks, we find that Indic models do not align more closely with Indian cultural norms "
    "than global models.",
    "Our tokenizer achieves more than 40% improvement on average token-to-word ratio against state-of-the-art "
    "multilingual Indic models.",
    "This translates to 44% improvement in inference throughput over LLaMA4 while maintaining comparable "
    "performance on English and Indic benchmarks.",
]
# Papers that name "Knowledge tracing": the task, written as a sentence's subject in two of them.
KNOWLEDGE_TRACING = [
    "Knowledge tracing (KT) aims to predict learners' future performance based on historical learning "
    "interactions.",
    "Accurately assessing student knowledge is critical, yet traditional Knowledge Tracing (KT) methods rely on "
    "opaque latent embeddings, limiting interpretability.",
    "Existing approaches simulate student performance via Knowledge tracing (KT) models that often overlook "
    "the semantic content of questions.",
]
# Papers that name a release of a model family in the plural.
QWEN_INSTRUCT = [
    "Experiments on Qwen2.5-Instruct models across MATH500, AIME24, and GPQA-Diamond demonstrate the gains.",
    "It improves Best-of-N accuracy by 9.0% after optimization on Qwen2.5-Instruct models.",
    "We fine-tune Qwen2.5-Instruct models on our extended-refusal data.",
]


def named(pid: str, sentence: str, name: str) -> PaperExtraction:
    start = sentence.index(name) if name in sentence else sentence.lower().index(name.lower())
    text = sentence[start:start + len(name)]
    mention = Mention(pid, "abstract", start, start + len(text), text, sentence, MODEL, entity_id(name), 0.8,
                      "kg_shapes")
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,),
                           (Entity(entity_id(name), name, MODEL, origin="discovered"),))


def settle(tmp_path, name: str, sentences: list[str]) -> Store:
    store = Store(tmp_path / "plurals.db")
    store.write_batch([named(f"p{i}", s, name) for i, s in enumerate(sentences)])
    settle_corpus(store)
    return store


def type_of(store: Store, name: str) -> str | None:
    found = store.get_entities([entity_id(name)]).get(entity_id(name))
    return found.type.value if found else None


def test_a_model_name_written_before_plural_type_nouns_is_a_class(tmp_path):
    store = settle(tmp_path, "Indic", INDIC)
    with store:
        assert type_of(store, "Indic") is None
        assert settle_corpus(store).restored == 0  # a second step holds it again


def test_a_name_a_paper_writes_as_a_sentence_subject_is_no_class(tmp_path):
    store = Store(tmp_path / "plurals.db")
    store.write_batch([named(f"p{i}", s, "Knowledge tracing") for i, s in enumerate(KNOWLEDGE_TRACING)])
    with store.write_transaction() as db:
        assert plural_classes(db) == []  # the task; the step decides it elsewhere


def test_a_release_of_a_model_family_in_the_plural_stays(tmp_path):
    store = settle(tmp_path, "Qwen2.5-Instruct", QWEN_INSTRUCT)
    with store:
        assert type_of(store, "Qwen2.5-Instruct") == "MODEL"


def test_an_introduced_named_or_subject_mention_names_a_thing():
    assert written_as_thing(False, "we propose ", ", a lightweight model for")
    assert written_as_thing(False, "a framework named ", " that")
    assert written_as_thing(True, "", " (KT) aims to predict")
    assert not written_as_thing(True, "", " models do not align")
    assert not written_as_thing(False, "multilingual ", " models.")
