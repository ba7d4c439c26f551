"""The gazetteer readers, the case policy and spelling variants of the matcher."""

from pathlib import Path

import pytest

from paperkg.graph.errors import GazetteerError
from paperkg.graph.extract import Extractor, Gazetteer, read_gazetteer, read_name_list
from paperkg.graph.extract.names.patterns import is_case_sensitive, spelling_variants
from paperkg.graph.records import EntityType, entity_id

SHARED = Path(__file__).resolve().parents[2] / "shared"

TSV = """name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of
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
    path = tmp_path / "names.tsv"
    path.write_text(TSV, encoding="utf-8")
    return path


def test_gazetteer_rows_become_entities_with_ids_and_external_ids(gazetteer_file):
    entities = {e.name: e for e in read_gazetteer(gazetteer_file)}
    assert set(entities) == {"CIFAR-10", "DINOv2", "MUSE", "machine unlearning",
                             "Stable Diffusion", "Stable Diffusion 2.1"}
    dino = entities["DINOv2"]
    assert dino.type is EntityType.MODEL and dino.id == entity_id("DINOv2")
    assert ("hf", "facebook/dinov2-base") in dino.external_ids
    assert ("wikidata", "Q117250953") in dino.external_ids
    assert entities["Stable Diffusion 2.1"].variant_of == entity_id("Stable Diffusion")
    assert entities["CIFAR-10"].aliases == ("CIFAR10",)


def test_malformed_row_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("name\ttype\nImageNet\tDATASET\nResNet\tMODELL\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad\.tsv:3: unknown type 'MODELL'"):
        read_gazetteer(path)


def test_missing_header_is_an_error(tmp_path):
    path = tmp_path / "nohead.tsv"
    path.write_text("ImageNet\tDATASET\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="nohead.tsv:1: expected the header"):
        read_gazetteer(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="no such file"):
        read_gazetteer(tmp_path / "absent.tsv")


def test_lookup_meets_every_spelling(gazetteer_file):
    gazetteer = Gazetteer(read_gazetteer(gazetteer_file))
    for spelling in ("CIFAR10", "CIFAR-10", "cifar 10"):
        assert gazetteer.lookup(spelling).name == "CIFAR-10"
    assert gazetteer.lookup("Stable-Diffusion-2.1").name == "Stable Diffusion 2.1"
    assert gazetteer.lookup("ResNet") is None


def test_merged_adds_entities_without_changing_the_original(gazetteer_file, tmp_path):
    gazetteer = Gazetteer(read_gazetteer(gazetteer_file))
    (tmp_path / "extra.txt").write_text("TabPFN\n")
    merged = gazetteer.merged(read_name_list(tmp_path / "extra.txt", EntityType.MODEL))
    assert merged.lookup("TabPFN") is not None and gazetteer.lookup("TabPFN") is None


def test_name_list_reads_bare_names_and_tsv_aliases(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# my models\nTabPFN\nFLAMe\tFoundational Large Autorater Models|FLAMe-24B\n\n")
    entities = read_name_list(path, EntityType.MODEL)
    assert [e.name for e in entities] == ["TabPFN", "FLAMe"]
    assert entities[1].aliases == ("Foundational Large Autorater Models", "FLAMe-24B")
    assert all(e.type is EntityType.MODEL and e.origin == "user" for e in entities)


def test_empty_name_list_is_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("# nothing\n\n")
    with pytest.raises(GazetteerError, match="no names found"):
        read_name_list(path, EntityType.DATASET)


def test_name_list_from_shared_names_imports(tmp_path):
    path = SHARED / "names" / "torchvision_dataset_classes.txt"
    if not path.exists():
        pytest.skip("../shared/names is absent")
    entities = read_name_list(path, EntityType.DATASET)
    assert len(entities) > 10
    extractor = Extractor(Gazetteer(entities), discover=False)
    text = "We train on " + entities[0].name + " and report accuracy."
    assert any(m.text == entities[0].name for m in extractor.extract_text(text))


def test_short_acronyms_match_case_sensitively_long_names_do_not():
    assert is_case_sensitive("MUSE") and is_case_sensitive("GLUE") and is_case_sensitive("QuALITY")
    assert is_case_sensitive("LargeST")
    assert not is_case_sensitive("machine unlearning")
    assert not is_case_sensitive("CIFAR-10") and not is_case_sensitive("Stable Diffusion")
    assert is_case_sensitive("MultiPLE") and is_case_sensitive("RewardBench")
    # Deliberately cased names whose lower case is an English word keep their capitals.
    assert is_case_sensitive("ComplEx") and is_case_sensitive("ReVeal")
    assert is_case_sensitive("INTERACTION dataset")


def test_spelling_variants_cover_hyphens_and_letter_digit_joints():
    assert {"CIFAR-10", "CIFAR10", "CIFAR 10", "CIFAR - 10"} <= set(spelling_variants("CIFAR-10", EntityType.DATASET))
    assert {"CIFAR-10", "CIFAR 10"} <= set(spelling_variants("CIFAR10", EntityType.DATASET))
    assert "SAEs" in set(spelling_variants("SAE", EntityType.METHOD))


def test_one_letter_and_a_digit_match_only_as_written():
    # SciER 53719258: "at t 0" is a time step, not the model T0; "F 1" is still F1.
    assert is_case_sensitive("T0") and is_case_sensitive("F 1")
    extractor = Extractor.default()
    assert not any(m.text == "t 0" for m in extractor.extract_text("the layer at t 0 ."))
    assert any(m.text == "F 1" for m in extractor.extract_text("We report F 1 on the test set ."))


def test_two_lower_case_words_also_match_hyphenated():
    # "machine comprehension and question-answering" (GSAP-NER 1704.05179)
    assert "question-answering" in set(spelling_variants("question answering", EntityType.TASK))
    assert "Stable-Diffusion" not in set(spelling_variants("Stable Diffusion", EntityType.MODEL))
    extractor = Extractor.default()
    found = {m.text: m for m in extractor.extract_text("Machine comprehension and question-answering are hard.")}
    assert found["question-answering"].entity_id == entity_id("question answering")
    assert found["question-answering"].type is EntityType.TASK


def test_muse_the_benchmark_is_not_muse_the_verb(gazetteer_file):
    extractor = Extractor(Gazetteer(read_gazetteer(gazetteer_file)), discover=False)
    assert [m.text for m in extractor.extract_text("We muse about results on MUSE.")] == ["MUSE"]


def test_all_spellings_of_cifar_link_to_one_entity(gazetteer_file):
    extractor = Extractor(Gazetteer(read_gazetteer(gazetteer_file)), discover=False)
    text = "Accuracy on CIFAR10, on CIFAR-10 and on CIFAR - 10 and cifar-10."
    mentions = extractor.extract_text(text)
    assert [m.text for m in mentions] == ["CIFAR10", "CIFAR-10", "CIFAR - 10", "cifar-10"]
    assert {m.entity_id for m in mentions} == {entity_id("CIFAR-10")}


def test_bundled_gazetteer_loads():
    gazetteer = Gazetteer.bundled()
    assert all(e.id == entity_id(e.name) for e in gazetteer.entities)


def test_an_alias_that_adds_a_head_noun_gives_the_bare_name(tmp_path):
    # GSAP-NER 2104.03088: "Using the [Iris] dataset"; the phrase keeps the head.
    from extract_fixtures import extractor_from_tsv

    tsv = ("name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of\n"
           "Iris\tDATASET\tIris dataset\nCORD receipts\tBENCHMARK\tConsolidated Receipt Dataset\n"
           "Transformer\tMETHOD\tTransformer architecture\n")
    extractor = extractor_from_tsv(tsv, tmp_path)
    text = "Using the Iris dataset and the Consolidated Receipt Dataset, we test the Transformer architecture."
    mentions = {m.text: m for m in extractor.extract_text(text)}
    assert set(mentions) == {"Iris", "Consolidated Receipt Dataset", "Transformer"}
    iris = mentions["Iris"]
    assert text[iris.phrase_start : iris.phrase_end] == "Iris dataset"
