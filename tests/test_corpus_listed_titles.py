"""Listed data names a paper's title takes for its own (graph/corpus_listed_titles.py), on corpus
titles and sentences."""

from __future__ import annotations

from paperkg.graph.corpus_listed_titles import called_data, title_sense
from paperkg.graph.records import EntityType

from corpus_papers import papers_naming, rows_after_two_steps, settled_store, titled_paper

BENCHMARK = EntityType.BENCHMARK
# Titles and sentences of the 75k corpus (shortened): DART, a listed benchmark, as two papers' own methods.
METHOD_TITLE = "DART: Distilling Autoregressive Reasoning to Silent Thought"
METHOD_SENTENCE = "We propose DART, which distills autoregressive CoT into silent thought tokens."
DATA_TITLE = "DART: A Structured Dataset of Regulatory Drug Documents in Italian for Clinical NLP"
USE_SENTENCE = "On ARC (logic) and DART (math), Dr.LLM improves accuracy by up to +3.4%p."


def _dart_papers():
    return [titled_paper("method", METHOD_TITLE, METHOD_SENTENCE, "DART", "DART", BENCHMARK),
            titled_paper("data", DATA_TITLE, "We release DART for clinical NLP.", "DART", "DART", BENCHMARK),
            titled_paper("use", "Dr.LLM: Dynamic Layer Routing in LLMs", USE_SENTENCE, "DART", "DART", BENCHMARK)]


def test_a_title_that_takes_a_listed_benchmarks_name_moves_its_paper_to_a_sense(tmp_path):
    with settled_store(tmp_path / "titles.db", _dart_papers()) as store:
        assert papers_naming(store, "DART") == {"data", "use"}  # the data title and the use stay
        child = "dart~distillingautoregressivereasoningtosilentthought"
        entity = store.get_entities([child])[child]
        assert (entity.name, entity.type, entity.origin) == ("DART", EntityType.METHOD, "discovered")
        assert store.find_entity("DART").id == "dart"


def test_a_second_step_moves_nothing_more(tmp_path):
    first, second = rows_after_two_steps(tmp_path / "titles.db", _dart_papers())
    assert second == first


def test_a_paper_that_calls_the_name_data_stays(tmp_path):
    title = "ScreenSpot-Pro: GUI Grounding for Professional High-Resolution Computer Use"
    sentence = "We introduce ScreenSpot-Pro, a new benchmark designed to evaluate GUI grounding models."
    with settled_store(tmp_path / "titles.db",
                       [titled_paper("own", title, sentence, "ScreenSpot-Pro", "ScreenSpot-Pro", BENCHMARK)]) as store:
        assert papers_naming(store, "ScreenSpot-Pro") == {"own"}
    assert called_data("RewardBench 2", "We present a new benchmark, RewardBench 2, for reward models.")
    assert called_data("DART", "Results on the DART dataset.")
    assert not called_data("DART", "DART outperforms baselines on three benchmarks.")


def test_a_subtitle_of_data_or_an_evaluation_is_no_sense():
    assert title_sense("DART", "DART", DATA_TITLE) is None
    assert title_sense("CLEAR", "CLEAR", "CLEAR: A Comprehensive Linguistic Evaluation of Argument Rewriting") is None
    assert title_sense("SCOP", "SCOP", "SCOP: Evaluating the Comprehension Process of Large Language Models") is None
    assert title_sense("OSCAR", "OSCAR", "Beyond OSCAR: a survey") is None  # not at the title's start
    assert title_sense("CODA", "CoDA", "CoDA: Coordinated Diffusion Noise Optimization") == \
        "Coordinated Diffusion Noise Optimization"


def test_an_abstract_that_introduces_the_name_with_a_subtitle_is_read_as_a_title():
    abstract = ("To address these challenges, we introduce SHIFT: Leveraging SyntHetic Adult Datasets for "
                "Unsupervised InFanT Pose Estimation, which leverages the Mean-Teacher framework.")
    start = abstract.find("SHIFT")
    assert title_sense("SHIFT", "SHIFT", abstract, start) == \
        "Leveraging SyntHetic Adult Datasets for Unsupervised InFanT Pose Estimation"
    assert title_sense("SHIFT", "SHIFT", "Results on SHIFT: all splits.", 11) is None  # no verb of introducing
