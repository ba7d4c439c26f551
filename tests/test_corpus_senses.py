"""Papers that define an acronym as another thing (graph/corpus_senses.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus import settle_corpus
from paperkg.graph.corpus_senses import other_sense_papers
from paperkg.graph.records import EntityType, entity_id
from paperkg.graph.store import Store

from corpus_papers import acronym_paper, papers_naming

BENCHMARK, DATASET, MODEL = EntityType.BENCHMARK, EntityType.DATASET, EntityType.MODEL

# Sentences of the 75k corpus that name the DPG benchmark, and the one paper that defines DPG
# as a kind of game.
DPG_BENCHMARK = [
    "Our model reaches 80.9 overall score on the DPG benchmark.",
    "Extensive studies on the GenEval and DPG benchmark demonstrate the superior performance.",
    "The method achieves 0.87 GenEval score and 86.9 on the DPG benchmark.",
]
DPG_GAMES = ["Dynamic Population Games (DPGs) provide a tractable framework for modeling strategic interaction.",
             "We study equilibrium learning in Karma DPGs."]


def test_a_paper_defining_a_benchmark_acronym_as_another_thing_leaves_it(tmp_path):
    papers = [acronym_paper(f"b{i}", [s], "DPG", entity_type=BENCHMARK) for i, s in enumerate(DPG_BENCHMARK)]
    papers.append(acronym_paper("games", DPG_GAMES, "DPG", "Dynamic Population Games", BENCHMARK))
    store = Store(tmp_path / "senses.db")
    store.write_batch(papers)
    with store:
        settle_corpus(store)
        assert papers_naming(store, "DPG") == {"b0", "b1", "b2"}
        settle_corpus(store)  # a second step pulls the held paper back and holds it again
        assert papers_naming(store, "DPG") == {"b0", "b1", "b2"}
        assert store.get_entities([entity_id("DPG")])[entity_id("DPG")].type is BENCHMARK


# (paper, text, vote, defined type, sentence) rows, as the store holds them.
def row(paper_id: str, text: str, vote: str, sentence: str) -> tuple[str, str, str, str, str]:
    return (paper_id, text, vote, "", sentence)


def test_other_senses_are_the_defining_papers_that_never_call_it_so():
    rows = [row("b1", "NBA", "DATASET", "Experiments on the ETH-UCY and NBA datasets show gains."),
            row("b2", "NBA", "", "We forecast trajectories on NBA and JRDB."),
            row("t1", "non-deterministic Büchi automata", "named-definition",
                "We study linear temporal logic (LTL), and non-deterministic Büchi automata (NBAs).")]
    assert other_sense_papers("NBA", DATASET, rows) == {"t1"}
    assert other_sense_papers("NBA", DATASET, rows[1:]) == set()  # no paper calls it a dataset


def test_a_definition_in_a_sentence_about_data_names_the_data():
    rows = [row("d1", "PPMI", "DATASET", "Results on the PPMI dataset."),
            row("d2", "Parkinson Progression Marker Initiative", "named-definition",
                "We used imaging data from the Parkinson Progression Marker Initiative (PPMI).")]
    assert other_sense_papers("PPMI", DATASET, rows) == set()


def test_a_long_form_whose_words_the_typed_papers_write_names_the_same_thing():
    rows = [row("v1", "AVerImaTeC", "BENCHMARK", "AVerImaTeC is a benchmark for the verification of image-text claims."),
            row("v2", "Automatic Verification of Image-Text Claims", "named-definition",
                "The Automatic Verification of Image-Text Claims (AVerImaTeC) Shared Task")]
    assert other_sense_papers("AVerImaTeC", BENCHMARK, rows) == set()


def test_a_model_acronym_defined_as_a_place_loses_that_paper_only():
    rows = [row("m1", "SEA", "MODEL", "We fine-tune the SEA model on our corpus."),
            row("m2", "SEA", "", "SEA improves accuracy by 3 points."),
            row("p1", "Southeast Asia", "named-definition",
                "A multilingual omni-perception system tailored for Southeast Asia (SEA)."),
            row("p2", "Skinned Multi-Person Linear", "named-definition",
                "A volumetric body model based on the Skinned Multi-Person Linear (SMPL) formulation.")]
    assert other_sense_papers("SEA", MODEL, rows) == {"p1"}  # p2's sentence speaks of a model


def test_a_type_noun_elsewhere_in_the_defining_sentence_speaks_of_another_thing():
    rows = [row("d1", "ABC", "DATASET", "We converted the Fusion 360 dataset and the ABC dataset."),
            row("d2", "ABC", "", "Results on ABC show consistent gains."),
            row("c1", "Aging Brain Care", "named-definition",
                "ADRD-Bench consolidates questions from seven established medical benchmarks and a novel set "
                "of 149 questions derived from the Aging Brain Care (ABC) program."),
            row("s1", "Scanning Transmission Electron Microscopes", "named-definition",
                "We tackle the calibration problem for Scanning Transmission Electron Microscopes (STEM) by "
                "employing variational autoencoders (VAEs), trained on simulated data.")]
    assert other_sense_papers("ABC", DATASET, rows) == {"c1", "s1"}


def test_a_type_noun_just_after_the_parenthesis_names_the_thing():
    rows = [row("d1", "OAI", "DATASET", "Results on the OAI dataset."),
            row("d2", "Osteoarthritis Initiative", "named-definition",
                "We draw knee radiographs from the Osteoarthritis Initiative (OAI) cohort data and report results.")]
    assert other_sense_papers("OAI", DATASET, rows) == set()


def test_an_apposition_after_the_definition_names_the_thing():
    rows = [row("d1", "HATS", "DATASET", "On the HATS dataset, the best LLMs achieve 92% agreement with human annotators."),
            row("d2", "Human Assessed Transcription Side-by-side", "named-definition",
                "In this paper, we firstly present Human Assessed Transcription Side-by-side (HATS), an original "
                "French manually annotated data set in terms of human perception of transcription errors.")]
    assert other_sense_papers("HATS", DATASET, rows) == set()
