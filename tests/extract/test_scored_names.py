"""graph/extract/rules/scored_names.py: name-shaped words that no cue typed are data where the
sentence scores something on them, or where they are listed after the task they are run on."""

import pytest

from paperkg.graph.extract.rules.scored_names import scored_data_type
from paperkg.graph.records import EntityType


def type_of(text: str, name: str) -> EntityType | None:
    start = text.index(name)
    return scored_data_type(text, start, start + len(name))


@pytest.mark.parametrize(("text", "name"), [
    # test4 arXiv 2606.20954 (a tuning half), corpus arXiv 2504.19086.
    ("In downstream evaluation, LRE gives the best budgeted answer quality on LoCoMo reading 68% "
     "fewer tokens.", "LoCoMo"),
    ("with improvements of +8.8% mPC on Cityscapes-C and +7.9% mPC on DWD over baselines.", "DWD"),
    # corpus arXiv 2604.16406: "in" with a clause of result right after the name.
    ("PHASE transfers zero-shot to 512 unseen real scenarios in exiD, achieving a 96.3% success rate.", "exiD"),
    # Listed after the task in an evaluation: corpus arXiv 2511.08628, 2601.23133, 2503.22890.
    ("Extensive experiments on 3D action recognition (HDM05, FPHA), EEG classification "
     "(MAMEM-SSVEPII), and graph tasks demonstrate state-of-the-art performance.", "FPHA"),
    ("Extensive experiments on 3D action recognition (HDM05, FPHA), EEG classification "
     "(MAMEM-SSVEPII), and graph tasks demonstrate state-of-the-art performance.", "MAMEM-SSVEPII"),
    ("Experiments on mathematical reasoning (CAP-GSM8K) and causal judgment (CausalL2) reveal four "
     "mechanisms.", "CausalL2"),
    ("We evaluate the performance on three open datasets of regular structure (MSCMRseg), multiple "
     "organs (BTCV) and irregular pathology (MyoPS).", "MyoPS"),
])
def test_unlisted_names_where_results_are_reported_are_data(text, name):
    assert type_of(text, name) is EntityType.DATASET


@pytest.mark.parametrize(("text", "name"), [
    # No score in the sentence; a speed on a device; a noun after the name; "in" a metric.
    ("We run our agent on LoCoMo reading the whole history.", "LoCoMo"),
    ("It delivers 28% to 46% end-to-end speedup on B200 without any fine-tuning.", "B200"),
    ("and 44% on ICD-10 coding (outperforming GPT-4 by 14%).", "ICD-10"),
    ("It achieves a 6.1% increase in NTA-IoU over the baseline.", "NTA-IoU"),
    # Parentheses: a short form of the task, models, and a clause rather than a list of tasks
    # (corpus arXiv 2506.02494, 2503.16760, 2503.16163).
    ("The corpus contains evaluation data across both image-to-text (I2T) and generation tasks.", "I2T"),
    ("Through our experiments, we find that on both classical (ResNet) and cutting-edge (ConvMixer) "
     "models, we reach the same accuracy.", "ConvMixer"),
    ("LLMs achieved results on long-text tasks, but the limited GPU memory (VRAM) resources struggle.", "VRAM"),
])
def test_unlisted_names_elsewhere_stay_untyped(text, name):
    assert type_of(text, name) is None
