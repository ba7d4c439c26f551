"""Names that are a sentence's first words (graph/corpus_fragments.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_fragments import opens_every_sentence
from paperkg.graph.records import Entity, EntityType, Mention, Paper, PaperExtraction, entity_id
from paperkg.graph.store import Store

# Papers of the 75k corpus whose title or sentence opens with "Adapting CLIP".
ADAPTING_CLIP = [
    "AdaptCLIP: Adapting CLIP for Universal Visual Anomaly Detection",
    "Adapting CLIP to few-shot segmentation remains hard without dense labels.",
    "Adapting CLIP for medical images: a study of prompt learning.",
]
# A paper that names CLIP, and papers that name a dataset whose first word is a gerund, inside sentences.
CLIP = "We compare against CLIP on zero-shot classification."
SPIKING_SPEECH_COMMANDS = [
    "We evaluate on the Spiking Heidelberg Digits and Spiking Speech Commands datasets.",
    "Spiking Speech Commands is a spiking version of the Speech Commands dataset.",
    "Results on Spiking Speech Commands show a 2% gain.",
]


def named(pid: str, sentence: str, name: str, kind: EntityType = EntityType.MODEL) -> PaperExtraction:
    start = sentence.index(name)
    mention = Mention(pid, "abstract", start, start + len(name), name, sentence, kind, entity_id(name), 0.8,
                      "kg_shapes")
    return PaperExtraction(Paper(pid, f"Paper {pid}", sentence), (mention,),
                           (Entity(entity_id(name), name, kind, origin="discovered"),))


def settled_types(tmp_path, papers: list[PaperExtraction], names: list[str]) -> list[str | None]:
    store = Store(tmp_path / "fragments.db")
    store.write_batch(papers)
    settle_corpus(store)
    with store:
        found = store.get_entities([entity_id(name) for name in names])
        return [found[entity_id(name)].type.value if entity_id(name) in found else None for name in names]


def test_a_gerund_and_a_stored_model_opening_every_sentence_is_not_a_name(tmp_path):
    papers = [named(f"a{i}", s, "Adapting CLIP") for i, s in enumerate(ADAPTING_CLIP)] + [named("c", CLIP, "CLIP")]
    assert settled_types(tmp_path, papers, ["Adapting CLIP", "CLIP"]) == [None, "MODEL"]


def test_a_name_written_inside_sentences_stays(tmp_path):
    dataset = EntityType.DATASET
    papers = [named(f"s{i}", s, "Spiking Speech Commands", dataset) for i, s in enumerate(SPIKING_SPEECH_COMMANDS)]
    papers.append(named("c", "We train on the Speech Commands dataset.", "Speech Commands", dataset))
    assert settled_types(tmp_path, papers, ["Spiking Speech Commands"]) == ["DATASET"]


def test_a_title_part_or_a_sentence_opens_with_the_mention():
    assert opens_every_sentence(["", "n: ", "ch. "])
    assert not opens_every_sentence(["", "he "])
    assert not opens_every_sentence([])
