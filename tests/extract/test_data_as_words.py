"""graph/extract/rules/data_as_words.py: data names that qualify a kind of data or another noun
are not data a paper reports on; named data sets in lists, splits and definite plurals are."""

import pytest

from paperkg.graph.extract.rules.data_as_words import named_as_a_kind, named_as_a_modifier, named_as_a_piece
from paperkg.graph.extract.rules.roles import assign_role
from paperkg.graph.records import EntityType, Role


def role_of(text: str, name: str) -> Role:
    start = text.rindex(name)
    return assign_role(text, 0, start, EntityType.DATASET, start + len(name))


def places(text: str, name: str) -> tuple[str, int, int]:
    start = text.rindex(name)
    return text, start, start + len(name)


@pytest.mark.parametrize(("text", "name"), [
    # test3 arXiv 2504.16545 and dev2 arXiv 2508.03277 (tuning halves).
    ("Extensive experiments on both synthetic and real sparse ToF datasets demonstrate the viability "
     "of our approach.", "ToF"),
    ("Experiments on both a self-constructed patient-level Placental dataset and two public datasets "
     "demonstrate the effectiveness of our method.", "Placental"),
    # Corpus abstracts outside the gold (arXiv 2505.15355, 2504.13524).
    ("Among the models, the Elastic Net classifier consistently outperformed more complex neural "
     "networks, highlighting the effectiveness of traditional regularization techniques when applied "
     "to limited and high-dimensional MEG datasets.", "MEG"),
    ("Our OBIFormer achieves state-of-the-art denoising performance on synthetic and original OBI "
     "datasets.", "OBI"),
])
def test_data_qualifying_a_kind_of_data_is_not_evaluated_on(text, name):
    assert named_as_a_kind(*places(text, name))
    assert role_of(text, name) is Role.MENTIONS


@pytest.mark.parametrize(("text", "name"), [
    # heldout arXiv 2507.19867 and test6 arXiv 2606.05256 (tuning halves).
    ("Dialogs generated from DiscoDrive are rated higher than KVRET's human-collected dialogs in "
     "naturalness.", "KVRET"),
    ("We reanalyze data from a discontinued field experiment on Reddit's r/ChangeMyView.", "Reddit"),
    # Corpus abstracts outside the gold (arXiv 2505.14106, 2505.23030).
    ("offering three core tasks across ten diverse Reddit-based domains.", "Reddit"),
    ("CheXpert and CheXbert were evaluated on the same task using CheXpert-defined labels.",
     "CheXpert-defined"),
])
def test_data_qualifying_another_noun_is_not_evaluated_on(text, name):
    assert named_as_a_modifier(*places(text, name))
    assert role_of(text, name) is Role.MENTIONS


@pytest.mark.parametrize(("text", "name"), [
    # Lists, definite plurals, splits and a subset: what the 10,000 corpus abstracts showed a
    # first form taking (arXiv 2504.20234, 2505.13088, 2503.19755, 2505.11067, 2504.03868).
    ("The proposed method is evaluated on the DroneCrowd and newly shared UP-COUNT-TRACK datasets.",
     "UP-COUNT-TRACK"),
    ("We evaluate CoFF on four common datasets: 3DMatch, 3DLoMatch, IndoorLRS, and the recently "
     "released ScanNet++ datasets.", "ScanNet++"),
    ("Our method achieves 77.74 Driving Score on the challenge Bench2Drive datasets.", "Bench2Drive"),
    ("We assess the algorithm on a subset of the CIFAR100 dataset.", "CIFAR100"),
    ("Experiments show a new record on OpenLaneV2 benchmark with 40.5% mAP.", "OpenLaneV2"),
    ("Experiments on the challenging CrowdHuman dataset show gains.", "CrowdHuman"),
    ("Experiments on the Bunny and UVG datasets confirm that our method converges faster.", "UVG"),
    ("We report 94.1% accuracy on CIFAR-10's test set.", "CIFAR-10"),
])
def test_named_data_in_lists_splits_and_definite_plurals_stays_evaluated_on(text, name):
    assert not named_as_a_kind(*places(text, name))
    assert not named_as_a_modifier(*places(text, name))
    assert role_of(text, name) is Role.EVALUATES_ON


@pytest.mark.parametrize("text", ["", "datasets", " dataset", "a", "'s", "-based"])
def test_bad_input_does_not_crash(text):
    assert named_as_a_kind(text, 0, 0) in (True, False)
    assert named_as_a_modifier(text, 0, 0) in (True, False)


@pytest.mark.parametrize(("text", "name"), [
    # heldout arXiv 2506.10582 and test3 arXiv 2510.20244 (tuning halves).
    ("We evaluate our approach using DINO-Tiny on the mini-ImageNet dataset and show that random "
     "masking yields more robust attention maps.", "ImageNet"),
    ("Our method achieves strong results on Moment Retrieval and Highlight Detection tasks across "
     "QVHighlights and Charades- STA benchmarks.", "STA"),
    # Corpus abstracts outside the gold (arXiv 2601.23133, 2504.06039).
    ("Experiments on mathematical reasoning (CAP-GSM8K) and causal judgment reveal four mechanisms.", "GSM8K"),
    ("We achieve an AUC score of 76.86% on the Kvasir-Capsule and an AUC score of 76.98% on the "
     "Galar dataset.", "Kvasir"),
])
def test_a_piece_of_a_hyphenated_name_is_not_evaluated_on(text, name):
    assert named_as_a_piece(*places(text, name))
    assert role_of(text, name) is Role.MENTIONS


@pytest.mark.parametrize(("text", "name"), [
    # A dash that opens a list after a plural glues nothing (arXiv 2503.19308).
    ("We evaluate Mamba's performance across three large public benchmarks-AMOS, TotalSegmentator, "
     "and BraTS.", "AMOS"),
    # A whole hyphenated name, and a compound adjective after it, are not pieces.
    ("Experiments on CIFAR-10 show gains of 2.1%.", "CIFAR-10"),
    ("We report results on the EgoSchema benchmark.", "EgoSchema"),
])
def test_names_glued_to_nothing_are_no_pieces(text, name):
    assert not named_as_a_piece(*places(text, name))
