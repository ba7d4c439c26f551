"""Task phrases led by a word of stage, mode or standing (graph/corpus_mode_phrases.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus_mode_phrases import led_by_mode_word
from paperkg.graph.records import EntityType

from corpus_papers import acronym_paper, sentence_paper, type_after_steps

TASK = EntityType.TASK

# Sentences of the 75k corpus that write "initial prediction" and "static retrieval" as one paper's step or mode.
INITIAL_PREDICTION = [
    "At the initial prediction stage, the model proposes a coarse layout of the scene.",
    "The refinement module corrects the initial prediction with a learned residual.",
    "We replace the initial prediction of the backbone with a retrieval-based estimate.",
]
STATIC_RETRIEVAL = [
    "Unlike finetuning or static retrieval methods, our agent updates its memory online.",
    "Static pipelines rely on static retrieval of documents fixed before generation.",
    "We compare against static retrieval over a frozen index.",
]
# Sentences that write an organ-segmentation task: the word before the task noun says what is segmented.
ORGAN_SEGMENTATION = [
    "We evaluate on organ segmentation in abdominal CT scans.",
    "Organ segmentation remains hard for small structures such as the pancreas.",
    "The foundation model improves organ segmentation across five public datasets.",
]


def papers(sentences: list[str], name: str) -> list:
    """A paper a sentence, each with a discovered TASK mention of `name` where the sentence writes it so."""
    return [sentence_paper(f"p{i}", s, name, TASK) for i, s in enumerate(sentences) if name in s]


def test_a_task_phrase_led_by_a_stage_word_is_not_a_name(tmp_path):
    assert type_after_steps(tmp_path, papers(INITIAL_PREDICTION, "initial prediction"), "initial prediction") is None


def test_a_task_phrase_led_by_a_mode_word_is_not_a_name(tmp_path):
    assert type_after_steps(tmp_path, papers(STATIC_RETRIEVAL, "static retrieval"), "static retrieval") is None


def test_a_task_phrase_led_by_what_it_acts_on_stays(tmp_path):
    assert type_after_steps(tmp_path, papers(ORGAN_SEGMENTATION, "organ segmentation"), "organ segmentation") == "TASK"


def test_a_mode_phrase_a_paper_gives_an_acronym_stays(tmp_path):
    named = acronym_paper("named", ["We study direct speech translation (DST) without transcripts."],
                          "direct speech translation", entity_type=TASK)
    found = papers(["Cascaded systems still rival direct speech translation on long inputs.",
                    "We release a corpus for direct speech translation between low-resource languages."],
                   "direct speech translation")
    assert type_after_steps(tmp_path, [named, *found], "direct speech translation") == "TASK"


def test_the_first_word_decides():
    assert led_by_mode_word("initial prediction")
    assert led_by_mode_word("surface-level recognition")
    assert not led_by_mode_word("disease prediction")
    assert not led_by_mode_word("few-shot classification")
    assert not led_by_mode_word("prediction of initial states")
    assert not led_by_mode_word("")
