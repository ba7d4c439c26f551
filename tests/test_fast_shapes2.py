"""`name_spans` reads a text in one scan, lower-case-led names ("mBERT") included.

Where the scan meets a word-initial lower-case run before a capital or digit, NAME_SPANS
matches from the run's start and the scan resumes after that span. The spans must be
those of cleaning every match of the plain NAME_SPANS scan (kept here as the reference),
wherever such runs sit: first, last, several in a row, next to capital-led names, behind
marks that do or do not start a word, and in texts where no span can be found at all.
"""

from extract_fixtures import seed_lines
from paperkg.graph.extract.rules.name_spans import (
    _SPANS_OR_AFTER_LOWER, NAME_SPANS, _cleaned_spans, name_spans,
)
from paperkg.graph.extract.rules.context_names import NameHit, find_context_names


LOWER_RUN_TEXTS = [
    "mBERT",
    "mBERT mBERT",
    "word2vec, doc2vec and fastText beat GloVe",
    "GloVe mBERT XLM-R iPhone-12 Pro eBay x86-64 e2e.BERT and sBERT-large 7B/13B",
    "The mT5 model: mT5-XXL (mT5), [xLSTM] {xLSTM} \"iGPT\" 'bGPT' <vLLM> ~kNN kNN-LM",
    "foo.barBaz foo-barBaz foo/barBaz foo+barBaz foo_barBaz éBERT ßGPT 2mBERT",
    "Stable Diffusion 1.5 mBERT 2 Llama 3 8B tinyLlama 1.1B",
    "We introduce mPLUG-Owl, a model. MUSE: mUSE\n\nwe introduce xFoo, a benchmark.",
    "aB aB1 a1 a A b B cD cd0 c0d ab/12 ab 12 iOS iOS17 macOS 14 (iOS) at iOS.",
    "on unconditional mFFHQ and on CIFAR10, models like gPT-4 and cLAUDE-3",
    "no names at all in this text, only lower case words and numbers like 2023 or 3.5",
    "NUL\0mBERT \0xLM\0 x\0Y",
    "",
]


def texts() -> list[str]:
    lines = seed_lines()
    return [*lines, *LOWER_RUN_TEXTS, " ".join(LOWER_RUN_TEXTS), "\n\n".join(LOWER_RUN_TEXTS)]


def test_one_scan_with_lower_case_runs_finds_the_spans_of_the_plain_regex():
    resumed = lower_led = 0
    for text in texts():
        spans = name_spans(text)
        assert spans == _cleaned_spans(text, NAME_SPANS.finditer(text)), text
        # The scan stopped at a run at least once: the resumed path was taken.
        resumed += _cleaned_spans(text, _SPANS_OR_AFTER_LOWER.finditer(text)) is None
        lower_led += sum(text[start].islower() for start, _, _ in spans)
    assert resumed > 10 and lower_led > 20


def test_a_lower_case_led_name_is_read_with_its_context():
    hits = find_context_names("We introduce mPLUG-Owl, a multimodal model, and evaluate it on xBench.")
    assert [(hit.text, hit.cue) for hit in hits[:1]] == [("mPLUG-Owl", "intro")]
    assert "xBench" in [hit.text for hit in hits]


def test_hits_are_the_named_tuples_their_fields_make():
    text = "We introduce FooNet, a model. The Penn Treebank and DINOv2 on mFFHQ."
    hits = find_context_names(text)
    assert {hit.cue for hit in hits} >= {"intro", "shape", "name_head"}
    for hit in hits:
        assert type(hit) is NameHit and hit == NameHit(*hit) and len(hit) == 7
        assert hit.text == text[hit.start : hit.end]
