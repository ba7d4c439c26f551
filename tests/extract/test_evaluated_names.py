"""Data names found by the words that say a paper was evaluated on them (context_names.py's
"on" and plural-noun cues, roles round 9e), each on the corpus sentence it came from, read as
EVALUATES_ON end to end; and the near cases the same words must leave alone.
"""

import pytest

from paperkg.graph.extract.rules.context_names import find_context_names
from paperkg.graph.extract.rules.cues import type_of_shape
from paperkg.graph.records import EntityType, Role


def typed(text: str) -> dict[str, EntityType | None]:
    return {hit.text: hit.type for hit in find_context_names(text)}


@pytest.mark.parametrize(("text", "names", "entity_type"), [
    # "Experiments on X <report verb>": arXiv 2604.21631, 2511.20186, 2505.08294.
    ("Experiments on RobustNeRF and NeRF On-the-go show that DualSplat outperforms existing "
     "methods.", ("RobustNeRF", "NeRF On-the-go"), EntityType.DATASET),
    ("Experiments on ExoEgo4D validate that Exo2EgoSyn significantly improves the baselines.",
     ("ExoEgo4D",), EntityType.DATASET),
    ("Experiments on FakeAVCeleb and LAV-DF show state-of-the-art (SOTA) performance.",
     ("FakeAVCeleb", "LAV-DF"), EntityType.DATASET),
    # a plural data noun right before the names: arXiv 2509.10208, 2505.13839.
    ("Experiments on knowledge conflict evaluation benchmarks ECARE KRE and COSE KRE show that "
     "the SI FACT model improves.", ("ECARE KRE", "COSE KRE"), EntityType.BENCHMARK),
    ("Extensive experiments on real-world datasets N3DV and MeetRoom demonstrate that MGStream "
     "surpasses existing streaming approaches.", ("N3DV", "MeetRoom"), EntityType.DATASET),
    # a score and its metric before "on": arXiv 2604.18573.
    ("and +17.6% mIoU on VSPW video scene parsing, all while reducing", ("VSPW",),
     EntityType.DATASET),
    # a plain capitalised word in the list drops out alone (roles round 12): arXiv 2506.20243.
    ("Evaluated on Avalinguo and Speechocean762, our approach improves F1-score by 2.8.",
     ("Speechocean762",), EntityType.DATASET),
])
def test_names_evaluated_on_are_typed_as_data(text, names, entity_type):
    found = typed(text)
    for name in names:
        assert found.get(name) is entity_type, (name, found)


@pytest.mark.parametrize(("text", "name"), [
    # a name after the "and" that closed the list opens the main clause (arXiv 2504.14875).
    ("Evaluating on large-scale datasets WebVid2M and VideoCC3M, ReSpec attains state-of-the-art "
     "performance on five zeroshot video retrieval tasks.", "ReSpec"),
    # a bare score before "on" is as often a model improved (arXiv 2504.01337).
    ("We achieve an average performance improvement of 0.51% and 0.33% on LLaMA-MoE and "
     "Qwen-MoE respectively across ten downstream NLP benchmarks.", "LLaMA-MoE"),
    # "on X" and a verb with no experiments before it says nothing of data.
    ("Building on FlashAttention shows that kernels matter.", "FlashAttention"),
    # a bare acronym after a plain word of the list is as often a maker (arXiv 2504.09118).
    ("We evaluate our customized code generation pipeline on Intel, AMD, and ARM platforms, "
     "achieving up to 10x speedup.", "AMD"),
])
def test_names_near_those_cues_stay_untyped(text, name):
    found = typed(text)
    assert found.get(name) is None, found


@pytest.mark.parametrize(("text", "name"), [
    ("Experiments on RobustNeRF and NeRF On-the-go show that DualSplat outperforms existing "
     "methods.", "RobustNeRF"),
    ("Extensive experiments on long-context benchmarks LongBench and Needle-In-A-Haystack "
     "demonstrate that our approach maintains accuracy.", "Needle-In-A-Haystack"),
    ("Our method gains +17.6% mIoU on VSPW video scene parsing.", "VSPW"),
])
def test_such_names_are_evaluated_on(names_extractor, found, text, name):
    assert found(names_extractor, text)[name].role is Role.EVALUATES_ON


def test_a_name_ending_in_leaderboard_is_a_benchmark():
    # arXiv 2505.02550; "leaderboard" as a word after a name was typed already, not as its end.
    assert type_of_shape("Open PL LLM Leaderboard") is EntityType.BENCHMARK
    assert type_of_shape("Polish Medical Leaderboard") is EntityType.BENCHMARK
    assert type_of_shape("Leaderboard") is None  # the word alone names nothing


@pytest.mark.parametrize(("text", "role"), [
    # arXiv 2504.13125: data taken "as a benchmark" is what the paper reports on.
    ("We fine-tuned foundation models using the Open FinLLM Leaderboard as a benchmark. "
     "Building on Qwen2.5 and Deepseek-R1, we employed supervised fine-tuning.", Role.EVALUATES_ON),
    # a benchmark the paper introduces stays its own.
    ("We introduce the Open FinLLM Leaderboard as a benchmark for financial models.",
     Role.INTRODUCES),
])
def test_data_taken_as_a_benchmark_is_evaluated_on(names_extractor, found, text, role):
    assert found(names_extractor, text)["Open FinLLM Leaderboard"].role is role
