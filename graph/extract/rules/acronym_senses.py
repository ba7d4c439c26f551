"""A short acronym that a paper expands as another thing than the measure or data it names elsewhere.

Short acronyms are reused: FAR is "False Acceptance Rate" and "False Alarm Rate" in most
papers, and "Frame AutoRegressive (FAR), a strong baseline" in one; PSS is a score in four
and "Provably Secure Steganography (PSS)" in another. Where the entity is a metric, a
dataset or a benchmark and other papers define it by long forms that type it so, a paper
whose own long form is capitalised, gives no type by its head, and shares few word stems
with every one of those names a technique of its own: that paper's mentions are a method
(`other_sense_papers`), split off as a reading of its own (`corpus_verdicts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from paperkg.graph.extract.rules.evidence import is_short_acronym, long_form_type
from paperkg.graph.records import EntityType

_MEASURED = frozenset((EntityType.METRIC, EntityType.DATASET, EntityType.BENCHMARK))
_STOP = frozenset("and the for from with of via".split())
# A sentence that speaks of measuring may define a measure whose long form has no metric
# head ("a ... metric, Perceptual Strength of Embodiment (PSE)", "Average Treatment Effect
# (ATE) estimation"): it is left to the entity.
_MEASURE_WORDS = re.compile(r"\b(?:metrics?|measures?|scores?|estimat\w*|index|indices)\b", re.IGNORECASE)


def other_sense_papers(name: str, main: EntityType,
                       readings: Iterable[tuple[str, str, EntityType | str | None, str | None]]) -> set[str]:
    """The papers that expand the acronym `name` as another thing than its type `main`.

    Args:
        name: the entity's name.
        main: the type the corpus gives it.
        readings: (paper, sentence, what the sentence says the name is, the long form it
            defines) for each mention that gives a reading (`evidence.paper_reading`).
    """
    if main not in _MEASURED or not is_short_acronym(name):
        return set()
    readings = list(readings)
    typed = [_stems(long) for _, _, found, long in readings if found is main and long]
    if not typed:
        return set()
    typed_papers = {paper for paper, _, found, _ in readings if found is main}
    return {paper for paper, sentence, found, long in readings
            if paper not in typed_papers and found is None and long and _coined(long)
            and not _MEASURE_WORDS.search(sentence)
            and not any(_shares_half(_stems(long), known) for known in typed)}


def _coined(long: str) -> bool:
    """A long form of two or more capitalised words whose head gives no type ("Frame
    AutoRegressive"; not "Psychomotor retardation", a sentence's first word)."""
    return sum(w[:1].isupper() for w in long.split()) >= 2 and long_form_type(long) is None


def _stems(text: str) -> set[str]:
    return {w[:4] for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _STOP}


def _shares_half(words: set[str], known: set[str]) -> bool:
    return bool(words) and len(words & known) * 2 >= min(len(words), len(known))
