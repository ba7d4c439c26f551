"""Data named in a sentence's opening phrase, where the clause after it measures a result.

The role gold counts data as evaluated on when the paper reports results on it, whatever
verb draws on it first: "Training on 30 labeled volumes from the FLARE22 dataset, our method
achieves a mean Dice of 0.704 across 13 abdominal organs" (arXiv 2604.08167), "On the
downstream task of creating hierarchical clustering trees for 17 LLMs from the
UltraFeedback dataset, PROMPT2BOX can identify 8.9% more LLM weaknesses than vector
baselines" (arXiv 2603.21438). The words before the name ("from", "training on") give
data only used as often; what tells the two apart is the sentence's shape: the data opens
it, and its main clause reports a number the paper measured, with a verb of result, and
names no other data the number could be on ("Trained on X, our model achieves 81% on Y").
"""

from __future__ import annotations

import re

# The opening phrase ends at the first ", " after the name, this near.
_PHRASE_REACH = 100
# A verb of result, then a measured number in the same clause: "achieves a mean Dice of 0.704",
# "can identify 8.9% more", "improves accuracy by 3.1 points", "attains 58.7 AP".
# Read from the clause's start: its subject, at most 40 characters and no article opening an
# apposition ("InternVid-TG, a substantial dataset with 1.25M events ..., surpassing ...", heldout).
_MEASURED = re.compile(
    r"(?!an?\s)[^,;.]{0,40}?\b(?:achiev|attain|obtain|reach|outperform|surpass|improv|identif|yield|reduc|boost|gain)\w*"
    r"[^.;]{0,60}?(?<![\w.])\d+(?:\.\d+)?\s*(?:\\?%|x\b|\u00d7|points?\b|pp\b)?")
# Another place a result may be on, by its name: "on the Y", "across Y" ("across 13 organs" counts what was measured).
_OTHER_TARGET = re.compile(r"\b(?:on|across)\s+(?:the\s+)?[A-Z]")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")


# The words that open a phrase before the main clause: a preposition, or a participle
# ("Training on ...", "Applied to dermoscopic images from the ISIC database, our method ...");
# a sentence opened by its subject ("We demonstrate ..., achieving ...") has its main clause first.
_PREPOSITIONS = frozenset("on in for with across from under over at by using".split())


def opens_a_measured_result(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the data name at `start`-`end` stands in its sentence's opening phrase (a
    capitalised preposition or participle first, the phrase closed by the first ", " after
    the name) and the clause after that comma reports a measured result and no other place
    it is on. A name with no capital ("diabetic retinopathy cases") is no named data."""
    first = text[sentence_start : sentence_start + 20].split(None, 1)[:1]
    if not first or not first[0][:1].isupper():
        return False
    word = first[0].lower()
    if word not in _PREPOSITIONS and not word.endswith(("ing", "ed")):
        return False
    if text[start:end].islower():
        return False
    comma = text.find(", ", end, end + _PHRASE_REACH)
    if comma < 0 or ", " in text[sentence_start:end] or ". " in text[end:comma]:
        return False
    stop = _SENTENCE_END.search(text, comma)
    clause = text[comma + 2 : stop.start() if stop else len(text)]
    return _MEASURED.match(clause) is not None and _OTHER_TARGET.search(clause) is None
