"""graph/extract/rules/contests.py: contests a paper takes part in are evaluated on.

Sentences from the role gold's tuning halves (round 17) and from corpus abstracts; the
contest names are in no list.
"""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.contests import contest_cue
from paperkg.graph.extract.rules.context_names import find_context_names
from paperkg.graph.records import EntityType, Role


def cue_of(text: str, name: str):
    start = text.index(name)
    return contest_cue(text, start, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    # test6 2512.11682, test5 2604.20560, dev3 2604.24179.
    ("This work presents insights derived from our participation in the CURE-Bench NeurIPS 2025 "
     "Challenge, which benchmarks therapeutic-reasoning systems.", "CURE-Bench NeurIPS 2025 Challenge"),
    ("We describe our CL4Health 2026 submission for Dyspnea CRF filling (134 items).", "CL4Health 2026"),
    ("We propose a prompted weak supervision (PWS) approach for homophobia and transphobia detection in "
     "the LT-EDI 2026 shared task.", "LT-EDI 2026"),
    # arXiv 2504.14075, 2503.20836: a rank, a team.
    ("Our solution ranks second in the NTIRE 2025 Low-Light Enhancement Challenge.",
     "NTIRE 2025 Low-Light Enhancement Challenge"),
    ("We present the Named Entity Recognition system developed by the Edit Dunhuang team for the "
     "EvaHan2025 competition.", "EvaHan2025"),
])
def test_a_contest_the_paper_takes_part_in_is_evaluated_on(text, name):
    assert cue_of(text, name) == ("contest", EntityType.BENCHMARK, 0.75, Role.EVALUATES_ON)


@pytest.mark.parametrize(("text", "name"), [
    # Organisers' reports (arXiv 2504.10685, 2504.11975) and a contest only named (2503.12035).
    ("In this report, we present an overview of the 1st NTIRE 2025 CD-FSOD Challenge, highlighting the "
     "proposed solutions and summarizing the results submitted by the participants.",
     "1st NTIRE 2025 CD-FSOD Challenge"),
    ("We present the Mu-SHROOM shared task which is focused on detecting hallucinations.", "Mu-SHROOM"),
    ("We attribute the misinterpretation to a key factor: the Ambiguity Challenge inherent in GCD.",
     "Ambiguity Challenge"),
    # "submission" only after "our" (arXiv 2504.20657); no contest word at all.
    ("(Abridged from original for arXiv submission)", "arXiv"),
    ("Our method achieves 91.2% on CIFAR-10.", "CIFAR-10"),
])
def test_a_contest_named_or_organised_is_left_to_the_other_rules(text, name):
    assert cue_of(text, name) is None


def test_the_contest_outranks_our_before_its_name():
    # test5 2604.20560: "our X submission" is the paper's entry, not a name it introduces.
    hits = {h.text: h for h in find_context_names("We describe our CL4Health 2026 submission for CRF filling.")}
    assert hits["CL4Health 2026"].type is EntityType.BENCHMARK
    assert hits["CL4Health 2026"].role is Role.EVALUATES_ON
