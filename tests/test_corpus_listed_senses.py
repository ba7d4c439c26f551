"""Listed names of two senses (graph/corpus_listed_senses.py), on corpus sentences."""

from __future__ import annotations

from paperkg.graph.corpus_listed_senses import listed_sense_papers, spelled_out
from paperkg.graph.records import EntityType

from corpus_papers import listed_paper, papers_naming, rows_after_two_steps, settled_store

BENCHMARK = EntityType.BENCHMARK
# Sentences of the 75k corpus (shortened): GEM, a listed benchmark, as a paper's own model.
GAUSSIAN = "We propose GEM, a Gaussian Evolution Model for non-autoregressive occupancy world modeling."
BENCHMARK_USE = "We evaluate on the GEM benchmark for natural language generation."
UNDEFINED = "Namely, we adapt the self-self attention formulation of GEM to spatial activity grounding."


def _gem_papers():
    return [listed_paper("gauss", GAUSSIAN, "GEM", "GEM", BENCHMARK, ("GEM benchmark",)),
            listed_paper("bench", BENCHMARK_USE, "GEM", "GEM", BENCHMARK, ("GEM benchmark",)),
            listed_paper("plain", UNDEFINED, "GEM", "GEM", BENCHMARK, ("GEM benchmark",))]


def test_a_listed_benchmark_spelled_out_as_a_model_is_a_sense_of_its_own(tmp_path):
    with settled_store(tmp_path / "listed.db", _gem_papers()) as store:
        assert papers_naming(store, "GEM") == {"bench", "plain"}  # the listed name keeps the undefined use
        child = "gem~gaussianevolutionmodel"
        entity = store.get_entities([child])[child]
        assert (entity.name, entity.type) == ("GEM", EntityType.MODEL)
        assert "Gaussian Evolution Model" in entity.aliases
        assert store.find_entity("GEM").id == "gem"
        assert store.find_entity("Gaussian Evolution Model").id == child


def test_a_second_step_moves_nothing_more(tmp_path):
    first, second = rows_after_two_steps(tmp_path / "listed.db", _gem_papers())
    assert second == first


def test_the_lists_own_long_form_stays():
    rows = [("p1", "HELM", "We evaluate on HELM (Holistic Evaluation of Language Models) scenarios."),
            ("p2", "HELM", "We introduce HELM (Hierarchical and Explicit Label Modeling), a novel framework.")]
    moved = listed_sense_papers("HELM", BENCHMARK, ["HELM", "Holistic Evaluation of Language Models"], rows)
    assert moved == {"p2": ("hierarchicalandexplicitlabelmodeling", "Hierarchical and Explicit Label Modeling")}


def test_a_long_form_of_the_listed_kind_stays_where_the_list_spells_nothing():
    rows = [("d1", "DiT", "We build on the Diffusion Transformer (DiT) backbone.")]
    assert listed_sense_papers("DiT", EntityType.MODEL, ["DiT"], rows) == {}


def test_a_method_noun_after_a_listed_dataset_with_a_determiner_moves_its_paper():
    rows = [("b1", "BIRD", "Experiments show that the proposed BIRD method is fast."),
            ("b2", "GSM-Symbolic", "We extend MGSM with GSM-Symbolic approach."),
            ("b3", "BIRD", "The BIRD dataset and the BIRD method are compared.")]
    assert listed_sense_papers("BIRD", BENCHMARK, ["BIRD"], rows[:1]) == {"b1": ("method", None)}
    assert listed_sense_papers("GSM-Symbolic", BENCHMARK, ["GSM-Symbolic"], rows[1:2]) == {}
    assert listed_sense_papers("BIRD", BENCHMARK, ["BIRD"], rows[2:]) == {}  # it calls it data too


def test_words_after_the_name_are_no_long_form():
    assert spelled_out("ARC", "ARC", "ARC, which was originally a puzzle set, is hard.") is None
    assert spelled_out("TOMI", "TOMI", "We introduce TOMI (Transforming and Organizing Music Ideas) as a novel "
                       "approach.") == "Transforming and Organizing Music Ideas"
    assert spelled_out("GTR", "GTR", "GTR: Graph-Table-RAG for Cross-Table Question Answering") == "Graph-Table-RAG"
