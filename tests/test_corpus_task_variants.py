"""Tasks written with their language or domain (graph/corpus_task_variants.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_task_variants import task_qualifier
from paperkg.graph.records import Entity, EntityType, Paper, PaperExtraction, Role, entity_id
from paperkg.graph.store import Store

from corpus_papers import sentence_paper

MODEL, TASK = EntityType.MODEL, EntityType.TASK
ASR = Entity(entity_id("ASR"), "ASR", TASK, aliases=("automatic speech recognition",), origin="gazetteer")

# Sentences of the 75k corpus that write "Arabic ASR" (and a model noun after it), and a named model.
ARABIC_ASR = [
    "In this work, we employ weakly supervised learning to train an Arabic ASR model using the Conformer architecture.",
    "In this work, we present a scalable training pipeline that combines weakly supervised learning with "
    "supervised fine-tuning to develop a robust Arabic ASR model.",
    "We evaluate HArnESS on Arabic ASR, Speaker Emotion Recognition (SER), and Dialect Identification (DID).",
]
PARLER_TTS = [
    "We investigate whether a state-of-the-art large speech model, Parler TTS, can generate intelligible speech.",
    "The Parler TTS model is fine-tuned on expressive speech.",
    "We compare against Parler TTS model outputs.",
]


def paper(pid: str, sentence: str, name: str, role: Role = Role.USES) -> PaperExtraction:
    return sentence_paper(pid, sentence, name, MODEL, role, others=(ASR,))


def other_papers(word: str, count: int = 30) -> list[PaperExtraction]:
    """Papers that write the word and name nothing: the corpus around the entity."""
    return [PaperExtraction(Paper(f"w{i}", f"Study {i}", f"We collect {word} speech recordings, set {i}."), (), ())
            for i in range(count)]


def stored_type(store: Store, name: str) -> EntityType | None:
    entity = store.get_entities([entity_id(name)]).get(entity_id(name))
    return entity.type if entity else None


def test_a_listed_task_after_a_language_is_a_task(tmp_path):
    store = Store(tmp_path / "tasks.db")
    store.write_batch([paper(f"a{i}", s, "Arabic ASR") for i, s in enumerate(ARABIC_ASR)] + other_papers("Arabic"))
    with store:
        settle_corpus(store)
        assert stored_type(store, "Arabic ASR") is TASK
        settle_corpus(store)  # a second step decides the same
        assert stored_type(store, "Arabic ASR") is TASK


def test_a_rare_word_before_the_task_is_a_name(tmp_path):
    papers = [paper(f"p{i}", s, "Parler TTS") for i, s in enumerate(PARLER_TTS)]
    store = Store(tmp_path / "tasks.db")
    store.write_batch(papers + [paper(f"a{i}", s, "Arabic ASR") for i, s in enumerate(ARABIC_ASR)])
    with store:
        settle_corpus(store)
        assert stored_type(store, "Parler TTS") is not TASK
        assert stored_type(store, "Arabic ASR") is not TASK  # "Arabic" in 3 papers only here


def test_a_name_a_paper_introduces_stays(tmp_path):
    introduced = "We present Arabic ASR, a Conformer model trained on dialectal speech."
    papers = [paper("intro", introduced, "Arabic ASR", Role.INTRODUCES)]
    papers += [paper(f"a{i}", s, "Arabic ASR") for i, s in enumerate(ARABIC_ASR)]
    store = Store(tmp_path / "tasks.db")
    store.write_batch(papers + other_papers("Arabic"))
    with store:
        settle_corpus(store)
        assert stored_type(store, "Arabic ASR") is not TASK


def test_the_words_before_the_task_must_be_common_words():
    tasks = {"ASR", "VQA", "sentiment analysis", "QA"}
    assert task_qualifier("Arabic ASR", tasks) == ["Arabic"]
    assert task_qualifier("Indonesian sentiment analysis", tasks) == ["Indonesian"]
    assert task_qualifier("German multimodal VQA", tasks) == ["German", "multimodal"]
    assert task_qualifier("Urban Dynamics VQA", tasks) is None  # title-cased words: a name
    assert task_qualifier("VBench ASR", tasks) is None
    assert task_qualifier("ASR", tasks) is None
    assert task_qualifier("Arabic speech", tasks) is None
