"""Fixtures of the extract tests: real extractors over the bundled or a small gazetteer.

Extractors are module-scoped: building one loads spaCy's English rules, and each test
module gets its own, so the names one module's corpus runs discover never reach another's.
"""

import pytest

from paperkg.graph.extract import Extractor, Gazetteer, read_gazetteer
from seed_page import seed_papers

# Names of models, datasets, a task and a metric, for the rules on names in no list.
NAMES_TSV = """name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of
CIFAR-10\tDATASET\tCIFAR10
FFHQ\tDATASET
DINOv2\tMODEL
GPT-4\tMODEL
Stable Diffusion\tMODEL
machine unlearning\tTASK
accuracy\tMETRIC
"""
# Lower-case task and method names, for the phrase rules.
TERMS_TSV = """name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of
sentiment analysis\tTASK\tsentiment classification
knowledge distillation\tMETHOD\tKD
machine unlearning\tTASK
accuracy\tMETRIC
BLEU\tMETRIC
pretraining\tMETHOD
The Well\tDATASET
"""
# The gazetteer file format with a comment, external ids and a variant.
GAZETTEER_TSV = """name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of
# a comment line
CIFAR-10\tDATASET\tCIFAR10
DINOv2\tMODEL\t\tQ117250953\tfacebook/dinov2-base\t2304.07193\t
MUSE\tBENCHMARK\tMachine Unlearning Six-Way Evaluation
machine unlearning\tTASK\t\t\t\t\t
Stable Diffusion\tMODEL\tSD
Stable Diffusion 2.1\tMODEL\t\t\t\t\tStable Diffusion
"""


@pytest.fixture()
def gazetteer_file(tmp_path):
    """A gazetteer file of `GAZETTEER_TSV`."""
    path = tmp_path / "names.tsv"
    path.write_text(GAZETTEER_TSV, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tsv_extractor(tmp_path_factory):
    """Build an extractor whose only names are those of a TSV (the gazetteer file format),
    discovery off: `tsv_extractor(tsv) -> Extractor`."""
    def make(tsv: str) -> Extractor:
        path = tmp_path_factory.mktemp("gaz") / "names.tsv"
        path.write_text(tsv, encoding="utf-8")
        return Extractor(Gazetteer(read_gazetteer(path)), discover=False)

    return make


@pytest.fixture(scope="session")
def names_tsv():
    """`NAMES_TSV`, for a test that adds a name to it."""
    return NAMES_TSV


@pytest.fixture(scope="module")
def names_extractor(tsv_extractor):
    """An extractor over `NAMES_TSV`."""
    return tsv_extractor(NAMES_TSV)


@pytest.fixture(scope="module")
def terms_extractor(tsv_extractor):
    """An extractor over `TERMS_TSV`."""
    return tsv_extractor(TERMS_TSV)


@pytest.fixture(scope="module")
def default_extractor():
    """`Extractor.default()`: the bundled gazetteer and every rule."""
    return Extractor.default()


@pytest.fixture(scope="module")
def seed_paper_list():
    """The seed page's papers (`seed_page.seed_papers`)."""
    return seed_papers()


@pytest.fixture(scope="session")
def found():
    """`found(extractor, text)`: the mentions of `text` by their text, each checked against
    the mention invariants (its text at its offsets, its sentence in the text)."""
    def find(extractor: Extractor, text: str) -> dict:
        mentions = extractor.extract_text(text)
        for m in mentions:
            assert text[m.start : m.end] == m.text, m
            assert m.sentence in text and m.start >= text.index(m.sentence) - 0
            assert 0 <= m.confidence <= 1 and m.component.startswith("kg_")
        return {m.text: m for m in mentions}

    return find
