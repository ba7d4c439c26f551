"""The role of a dataset or benchmark read off the words before it (`extract/rules/roles.py`)."""

from __future__ import annotations

import pytest

from paperkg.graph.extract.rules.roles import assign_role
from paperkg.graph.records import EntityType, Role

D, M = EntityType.DATASET, EntityType.MODEL


def role_of(text: str, name: str, kind: EntityType = D) -> Role:
    return assign_role(text, 0, text.index(name), kind)


@pytest.mark.parametrize(("text", "name", "kind", "role"), [
    # One compares methods, not data: results "over" or "than" a dataset are results on it.
    ("Our method improves by 3 points over CIFAR-10 baselines.", "CIFAR-10", D, Role.EVALUATES_ON),
    ("It outperforms GPT-4 on reasoning.", "GPT-4", M, Role.COMPARES),
    # Data a model is trained on is used, not evaluated on.
    ("The detector is pretrained on the private Grounding20M dataset.", "Grounding20M", D, Role.USES),
    ("We achieve 10.38 FID on unconditional FFHQ.", "FFHQ", D, Role.EVALUATES_ON),
    # A method applied to data, or data in a sentence that reports an evaluation.
    ("We applied our digital staining method to the WBC dataset.", "WBC", D, Role.EVALUATES_ON),
    ("We applied it to the RGB images in the EgoHands dataset.", "EgoHands", D, Role.USES),
    ("We evaluate the system on tasks ranging from bars to digits from the MNIST dataset.",
     "MNIST", D, Role.EVALUATES_ON),
    ("We build a corpus from LAION-5B captions.", "LAION-5B", D, Role.USES),
])
def test_data_roles(text, name, kind, role):
    assert role_of(text, name, kind) is role
