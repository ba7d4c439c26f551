"""Parts of a paper's system named as agents: "a Meta-Thinker produces structured guidance that
steers a Memory Manager", "A Scene-Aware Prompt Generator produces image-specific soft prompts".

`coined_parts.find_named_parts` reads a name before a part noun it knows (module, block,
mechanism, encoder, decoder, adapter), and only those: a part named for what it does, a
capitalised agent noun in "-er" or "-or" ("Manager", "Reasoner", "Generator", "Estimator"), is
read nowhere else, and none of the shape rules takes a run of ordinary capitalised words. Here
such a run after "a" or "an" in the abstract is coined: the indefinite article describes a
part as it is made, as round 14 found for defined parts (`coined_parts._A_PART_BEFORE`); "the"
names an existing one. The run is two words or more, or one hyphenated word ("Meta-Thinker"),
no list's name ("a Vision Transformer", "a Masked Autoencoder" are existing things).
`background_sentences.py` later demotes those named before the abstract speaks of the paper.
"""

from __future__ import annotations

import re

from paperkg.graph.extract.rules.candidates import Candidate
from paperkg.graph.extract.rules.coined_forms import RUN, read_run_name

# "a"/"an" right before a capital, as two searches each led by a literal that re finds in C
# (" a", "A"): one regex of both, led by "[Aa]", stopped at every "a" of every word and cost 22
# microseconds an abstract, these two 4 (3,000 corpus abstracts).
_LOWER_ARTICLE = re.compile(r" an? (?=[A-Z])")
_UPPER_ARTICLE = re.compile(r"An? (?=[A-Z])")
# A capitalised agent noun closing the run: "Manager", "Reasoner", "Meta-Thinker"; not an
# architecture of a kind ("a Temporal Fusion Transformer", "a Convolutional Auto-Encoder",
# "a Perceiver Transformer": existing designs, on 10,000 corpus abstracts 14 of 16 such runs)
# nor a noun that only ends like one ("a Concept Prior", "an Active Pixel Sensor", "Transfer").
_AGENT_LAST = re.compile(r"(?:^|[ -])(?!(?:Transformer|Autoencoder|Encoder|Prior|Sensor|Transfer|Layer|Order|"
                         r"Error|Vector|Factor)$)[A-Z][a-z]{2,}(?:er|or)$")
# Capitalised words only: a run that a connector or an apostrophe joins is a phrase ("Neural
# Network for Multiple NLP Tasks Transfer", "Occam 's Razor" in tokenised text).
_PLAIN_RUN = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)*")
# A name-shaped word (a capital or digit past its first letter, or LaTeX's brace) right
# before ", a": "PDIG, a ...", "\\textbf{NFA-ViT}, a ...", not "generalization, a Pose Augmentor".
NAME_BEFORE = re.compile(r"(?<![\w-])[\w-]+[A-Z\d}][\w-]*\}?\Z")
# The noun of a kind right after the run, which the run then modifies: "a Hybrid
# Mamba-Transformer framework", "a Kaggle Freelancer dataset".
_KIND_AFTER = re.compile(r" (?:framework|architecture|model|network|dataset|data|approach|method|system)\b")


def find_agent_parts(text: str, lookup) -> list[Candidate]:
    """INTRODUCES candidates of the Title-Case runs ending in an agent noun after "a"/"an",
    past the title (which capitalises every word).

    Args:
        text: a title and abstract joined by a blank line, or any text.
        lookup: the known entity a surface form names, or None.
    """
    found: list[Candidate] = []
    title_end = text.find("\n\n")
    for at, end in _articles(text, title_end + 2 if title_end >= 0 else 0):
        if text[at - 2 : at] == ", " and NAME_BEFORE.search(text, 0, at - 2):
            continue  # "we propose PDIG, a Photovoltaic Defect Image Generator": a name's description
        run = RUN.match(text, end)
        if run is None or "," in run.group() or _KIND_AFTER.match(text, run.end()):
            continue
        name = run.group()
        if _PLAIN_RUN.fullmatch(name) is None or _AGENT_LAST.search(name) is None or (" " not in name and "-" not in name):
            continue
        found += read_run_name(text, run, lookup, single_ok=True, whole=True, names_noun=True)
    return found


def _articles(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each "a "/"an " (or "A "/"An " opening a word) before a capital, in
    text order."""
    found = [(m.start() + 1, m.end()) for m in _LOWER_ARTICLE.finditer(text, max(0, start - 1))]
    for m in _UPPER_ARTICLE.finditer(text, start):
        before = text[m.start() - 1 : m.start()]
        if m.start() == 0 or not (before.isalnum() or before in "-_"):
            found.append((m.start(), m.end()))
    return sorted(found) if found else found
