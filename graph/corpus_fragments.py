"""Names that are a sentence's first words: "Adapting CLIP", "Fine-tuning LLaMA-3.1-8B".

A title or a sentence that opens with a verb's gerund and its object ("Adapting CLIP for
Universal Visual Anomaly Detection", "Fine-tuning Llama 3.1 8B with Direct Preference
Optimization substantially ...", "Evaluating 15 models on two benchmarks ...") capitalises
the gerund, and extraction reads the two words as one capitalised name of the object's type.
Over the corpus such an entity shows its shape (docs/audit/README.md, "Rules after round
22"): a capitalised "-ing" word, then the name of a model, dataset or benchmark the store
holds ("CLIP", "GPT-5") or a number, and every mention of it in every paper opens a sentence
or a title's part. A name that carries such a word ("Spiking Speech Commands", "Spiking
Point Mamba", "Reasoning Gym") is written inside sentences too ("on the Spiking Speech
Commands dataset"), or its last words name nothing the store holds, and is kept.
"""

from __future__ import annotations

import re

from .corpus_readings import SENTENCE_OPENING
from .records import entity_id
from .store_schema import FIELD_TEXT

# Discovered models, datasets and benchmarks named by a capitalised word and more ("Adapting CLIP").
_CANDIDATES = ("SELECT id, name FROM entities e WHERE e.origin = 'discovered' "
               "AND e.type IN ('MODEL', 'DATASET', 'BENCHMARK') AND instr(e.id, '~') = 0 "
               "AND e.name GLOB '[A-Z][a-z]*ing *' {scope} ORDER BY id")
# "Adapting CLIP", "Fine-tuning LLaMA-3.1-8B": a gerund, a space, the rest of the name.
_GERUND_FIRST = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?ing (?P<rest>\S.*)$")
_TYPED = "SELECT 1 FROM entities WHERE id = ? AND type IN ('MODEL', 'DATASET', 'BENCHMARK')"
# Each mention's text before it in its field (up to 3 characters are enough to see ". ").
_BEFORE = (f"SELECT substr({FIELD_TEXT}, max(1, m.start - 2), min(m.start, 3)) "
           "FROM mentions m JOIN papers p ON p.id = m.paper_id WHERE m.entity_id = ?")


def opening_fragments(db, scope: str = "") -> list[str]:
    """The discovered models, datasets and benchmarks in `scope` (see `corpus._scope`) named
    by a gerund and a stored model, dataset or benchmark or a number, every mention of which
    opens a sentence or a title's part (see above), in id order.

    Args:
        db: the store's connection, in the corpus step's transaction, after its verdicts.
        scope: an SQL condition on the entity id, "" for every entity.

    Returns:
        The ids of the entities to hold as not names.
    """
    candidates = db.execute(_CANDIDATES.format(scope=scope.replace("{}", "e.id"))).fetchall()
    return [found_id for found_id, name in candidates
            if (found := _GERUND_FIRST.match(name)) and _names_a_thing(db, found["rest"])
            and opens_every_sentence([before for (before,) in db.execute(_BEFORE, (found_id,))])]


def _names_a_thing(db, rest: str) -> bool:
    return rest.isdigit() or db.execute(_TYPED, (entity_id(rest),)).fetchone() is not None


def opens_every_sentence(befores: list[str]) -> bool:
    """Whether every mention, given the text right before it in its field, opens a sentence
    or a title's part ("", ". ", ": "), and there is one."""
    return bool(befores) and all(SENTENCE_OPENING.search(before) for before in befores)
