"""graph/extract/rules/measured_results.py: data in a sentence's opening phrase is evaluated on
when the main clause after it reports a measured result, whatever verb draws on the data."""

import pytest

from paperkg.graph.extract.rules.measured_results import opens_a_measured_result
from paperkg.graph.extract.rules.roles import assign_role
from paperkg.graph.records import EntityType, Role


def role_of(text: str, name: str) -> Role:
    start = text.index(name)
    return assign_role(text, 0, start, EntityType.DATASET, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    # dev3 arXiv 2604.08167 and test3 arXiv 2603.21438 (tuning halves): "from" and "training on"
    # before the name give USES; the result after the comma is on it.
    ("Training on 30 labeled volumes from the FLARE22 dataset, our method achieves a mean Dice of "
     "0.704 across 13 abdominal organs with a gain of +0.206 over the baseline VLM.", "FLARE22"),
    ("On the downstream task of creating hierarchical clustering trees for 17 LLMs from the "
     "UltraFeedback dataset, PROMPT2BOX can identify 8.9\\% more LLM weaknesses than vector baselines.",
     "UltraFeedback"),
    # arXiv 2505.08886, of the 10,000 corpus abstracts.
    ("Applied to dermoscopic images from the ISIC database, our method achieved a notable accuracy of "
     "94% on a dataset of 560 images.", "ISIC"),
])
def test_data_opening_a_sentence_that_measures_a_result_is_evaluated_on(text, name):
    assert role_of(text, name) is Role.EVALUATES_ON


@pytest.mark.parametrize(("text", "name"), [
    # The result names another place it is on.
    ("Trained on LAION-5B, our model achieves 76.2% zero-shot accuracy on ImageNet.", "LAION-5B"),
    # No measured result after the comma.
    ("Using the MIMIC-III dataset, we train a separate linear probe for each patient.", "MIMIC-III"),
    # The sentence opens with its subject: the comma ends the main clause, not an opening phrase
    # (arXiv 2504.01833 of the corpus, which a first form read).
    ("We demonstrate its efficacy by replicating 7 diverse MMLU subsets using minimal source text, "
     "achieving this for under 15 USD in total inference costs.", "MMLU"),
    # An apposition after the name (heldout arXiv 2505.24329, which a first form read).
    ("Training leads to InternVid-TG, a substantial dataset with 1.25M events, surpassing "
     "ActivityNet-Caption by 55 times.", "InternVid-TG"),
])
def test_data_in_a_sentence_that_measures_no_result_on_it_keeps_its_role(text, name):
    assert role_of(text, name) is not Role.EVALUATES_ON


def test_a_lower_case_name_is_no_named_data():
    text = ("In binary classification between healthy and diabetic retinopathy cases, the method "
            "reached an accuracy of 99.09%.")
    start = text.index("diabetic retinopathy")
    assert not opens_a_measured_result(text, 0, start, start + len("diabetic retinopathy"))
