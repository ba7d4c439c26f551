"""Papers that write a listed data name as a company, hardware, software or a therapy lose it
(graph/corpus_listed_outside.py); the papers that use the data keep it."""

from __future__ import annotations

from corpus_papers import listed_paper, papers_naming, rows_after_two_steps, settled_store, titled_paper

from paperkg.graph.corpus_listed_outside import outside_words, written_outside
from paperkg.graph.records import EntityType

_PINTEREST = [
    listed_paper("2505.00001", "The Visual Product Graph is deployed in production at Pinterest.", "Pinterest",
                 "Pinterest", EntityType.DATASET),
    listed_paper("2505.00002", "At Pinterest, the ability to extract product attributes matters.", "Pinterest",
                 "Pinterest", EntityType.DATASET),
    listed_paper("2505.00003", "We release two alt-text datasets, sourced from Twitter and Pinterest.", "Pinterest",
                 "Pinterest", EntityType.DATASET),
]
_CBT = [
    titled_paper("2505.00004", "Emotional Arcs in Real and LLM-Generated CBT Sessions",
                 "We compare real CBT sessions with generated ones.", "CBT", "CBT", EntityType.BENCHMARK),
    listed_paper("2505.00005", "We report accuracy on CBT and bAbI.", "CBT", "CBT", EntityType.BENCHMARK),
    listed_paper("2505.00006", "The CBT dataset holds children's book passages read in therapy sessions.", "CBT",
                 "CBT", EntityType.BENCHMARK),
]


def test_company_papers_lose_a_listed_dataset_the_data_paper_keeps(tmp_path):
    with settled_store(tmp_path / "kg.db", _PINTEREST) as store:
        assert papers_naming(store, "Pinterest") == {"2505.00003"}


def test_therapy_sessions_lose_a_listed_benchmark_its_data_uses_keep(tmp_path):
    with settled_store(tmp_path / "kg.db", _CBT) as store:
        assert papers_naming(store, "CBT") == {"2505.00005", "2505.00006"}


def test_a_second_step_holds_nothing_more(tmp_path):
    first, second = rows_after_two_steps(tmp_path / "kg.db", _PINTEREST + _CBT)
    assert first == second
    assert len(first["held_mentions"]) == 4  # two Pinterest papers, the CBT title and abstract


def test_words_after_the_name_stop_at_a_type_noun_and_leave_joined_words_out():
    assert outside_words(" GPUs, through asynchronous execution") == ["gpus"]
    assert outside_words("-based counseling. Results") == ["based", "counseling"]
    assert outside_words(" traffic simulation platform for Greensboro") == ["traffic", "simulation", "platform"]
    assert outside_words(" dataset of therapy sessions") == []
    assert outside_words(" cross-website and cross-domain splits") == []
    assert outside_words("2025 results") == []


def test_a_company_is_a_capitalised_word_at_a_clause_end():
    assert written_outside("Pinterest", "is deployed in production at ", ".")
    assert written_outside("Pinterest", "ranking models at ", " by leveraging VLMs")
    assert not written_outside("AIME2025", "relative gains over baselines at ", ". Our analysis")
    assert not written_outside("Touché", "JU-NLP at ", ": Covert Advertisement")
    assert not written_outside("Pinterest", "trained at ", " scale")
    assert written_outside("SUMO", "Traffic microsimulation software such as ", " generate rich data")
    assert not written_outside("CARLA", "driving simulators such as ", " and MetaDrive")
