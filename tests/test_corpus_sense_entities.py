"""One entity a sense of an acronym (graph/corpus_sense_entities.py), on corpus sentences."""

from __future__ import annotations

from dataclasses import replace

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_sense_entities import read_senses
from paperkg.graph.records import EntityType, entity_id
from paperkg.graph.store import Store

from corpus_papers import acronym_paper, papers_naming, stored_rows

MODEL = EntityType.MODEL

# Sentences of the 75k corpus (shortened) that define SRM as two unrelated things.
SPECULATIVE = ["We propose the Speculative Reward Model (SRM), a plug-and-play reward model for search.",
               "The SRM scores candidate reasoning steps."]
SPECULATIVE_TOO = ["A Speculative Reward Model (SRM) guides speculative decoding of reasoning chains.",
                   "SRM cuts the cost of verification."]
MASK = ["We design a Semantic Region Mask (SRM) model that restricts attention to object regions.",
        "The SRM improves segmentation of small objects."]
USE = ["Our reward search uses SRM to rank candidate steps."]


def _store(tmp_path, papers) -> Store:
    store = Store(tmp_path / "senses.db")
    store.write_batch(papers)
    return store


def _srm_papers():
    return [acronym_paper("spec1", SPECULATIVE, "SRM", "Speculative Reward Model"),
            acronym_paper("spec2", SPECULATIVE_TOO, "SRM", "Speculative Reward Model"),
            acronym_paper("mask", MASK, "SRM", "Semantic Region Mask"),
            acronym_paper("use", USE, "SRM")]


def test_an_acronym_defined_as_two_unrelated_models_is_two_entities(tmp_path):
    with _store(tmp_path, _srm_papers()) as store:
        settle_corpus(store)
        assert papers_naming(store, "SRM") == {"spec1", "spec2", "use"}
        child = "srm~semanticregionmask"
        entities = store.get_entities([entity_id("SRM"), child])
        assert entities[child].name == "SRM"  # the label stays the acronym
        assert entities[child].type is MODEL
        assert "Semantic Region Mask" in entities[child].aliases  # the long form, where the graph keeps it
        assert {m.paper_id for batch in store.iter_mentions() for m in batch if m.entity_id == child} == {"mask"}


def test_a_second_step_makes_the_same_senses(tmp_path):
    with _store(tmp_path, _srm_papers()) as store:
        settle_corpus(store)
    first = stored_rows(tmp_path / "senses.db")
    assert any(row[0] == "srm~semanticregionmask" for row in first["entities"])
    with Store(tmp_path / "senses.db") as store:
        settle_corpus(store)
    assert stored_rows(tmp_path / "senses.db") == first


# (paper, text, vote, defined type, sentence) rows, as the store holds them.
def row(paper_id: str, text: str, vote: str, sentence: str = "") -> tuple[str, str, str, str, str]:
    return (paper_id, text, vote, "", sentence)


def test_spellings_of_one_long_form_are_one_sense():
    rows = [row("m1", "Masked Diffusion Model", "named-definition"),
            row("m2", "Masked diffusion models", "named-definition"),
            row("m3", "masked discrete diffusion models", "named-definition"),
            row("m4", "Multi-shell Diffusion MRI", "named-definition")]
    senses = read_senses("MDM", rows)
    assert [(sense.key, sense.papers) for sense in senses] == [
        (None, frozenset({"m1", "m2", "m3"})), ("multishelldiffusionmri", frozenset({"m4"}))]


def test_a_long_form_half_spelled_out_says_no_sense():
    rows = [row("k1", "Knowledge-based Visual Question Answering", "named-definition"),
            row("k2", "Knowledge-based VQA", "named-definition"),
            row("k3", "KB-VQA", "TASK")]
    assert [sense.papers for sense in read_senses("KB-VQA", rows)] == [frozenset({"k1", "k2", "k3"})]


def test_a_long_form_inside_two_senses_says_neither_and_stays_with_the_main_one():
    rows = [row("a1", "Masked Diffusion Model", "named-definition"),
            row("a2", "masked diffusion model", "named-definition"),
            row("b1", "Motion Diffusion Model", "named-definition"),
            row("c1", "Diffusion Model", "named-definition")]
    senses = read_senses("MDM", rows)
    assert [(sense.key, sense.papers) for sense in senses] == [
        (None, frozenset({"a1", "a2", "c1"})), ("motiondiffusionmodel", frozenset({"b1"}))]


def test_papers_that_only_use_the_acronym_stay_with_the_sense_they_speak_of_on_a_tie():
    rows = [row("s1", "Speculative Reward Model", "named-definition"),
            row("r1", "Semantic Region Mask", "named-definition"),
            row("u1", "SRM", "", "The reward of SRM ranks steps speculatively.")]
    senses = read_senses("SRM", rows)
    assert senses[0].papers == frozenset({"s1", "u1"})
    assert senses[1].key == "semanticregionmask"


def test_a_sense_key_is_its_long_form_without_markup():
    rows = [row("m1", "Moving Target Defense", "named-definition"),  # the most confident mention
            row("d1", "\\emph{\\textbf{M}idas \\textbf{T}ouch for \\textbf{D}epth}", "named-definition"),
            row("m2", "MTD", "METHOD")]
    assert [sense.key for sense in read_senses("MTD", rows)] == [None, "midastouchfordepth"]


def test_spellings_a_hyphen_splits_are_one_sense():
    rows = [row("f1", "filtered back projection", "named-definition"),
            row("f2", "filtered back-projection", "named-definition"),
            row("f3", "filtered backprojection", "named-definition"),
            row("b1", "Facial Beauty Prediction", "named-definition")]
    senses = read_senses("FBP", rows)
    assert [(sense.key, sense.papers) for sense in senses] == [
        (None, frozenset({"f1", "f2", "f3"})), ("facialbeautyprediction", frozenset({"b1"}))]


def test_a_senses_long_form_finds_that_sense(tmp_path):
    # Extraction gives the acronym every long form as an alias, and the parent keeps them after
    # the split (a later step may merge the senses back): a name lookup goes to the entity whose
    # papers write the form, not to the sense most papers use.
    papers = [replace(paper, entities=tuple(replace(e, aliases=("Speculative Reward Model", "Semantic Region Mask"))
                                            for e in paper.entities))
              for paper in _srm_papers()]
    with _store(tmp_path, papers) as store:
        settle_corpus(store)
        assert store.find_entity("Semantic Region Mask").id == "srm~semanticregionmask"
        assert store.find_entity("semantic region-mask").id == "srm~semanticregionmask"
        assert store.find_entity("Speculative Reward Model").id == entity_id("SRM")
        assert store.find_entity("SRM").id == entity_id("SRM")
