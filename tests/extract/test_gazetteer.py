"""graph/extract/names/gazetteer.py: the gazetteer and name-list readers, their errors, and look-ups
by every spelling.
"""

from pathlib import Path

import pytest

from paperkg.graph.errors import GazetteerError
from paperkg.graph.extract import Extractor, Gazetteer, read_gazetteer, read_name_list
from paperkg.graph.records import EntityType, entity_id


SHARED = Path(__file__).resolve().parents[3] / "shared"


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


def test_bundled_gazetteer_loads():
    gazetteer = Gazetteer.bundled()
    assert all(e.id == entity_id(e.name) for e in gazetteer.entities)


def test_an_alias_that_adds_a_head_noun_gives_the_bare_name(tsv_extractor):
    # GSAP-NER 2104.03088: "Using the [Iris] dataset"; the phrase keeps the head.
    tsv = ("name\ttype\taliases\twikidata\thf\tarxiv\tvariant_of\n"
           "Iris\tDATASET\tIris dataset\nCORD receipts\tBENCHMARK\tConsolidated Receipt Dataset\n"
           "Transformer\tMETHOD\tTransformer architecture\n")
    extractor = tsv_extractor(tsv)
    text = "Using the Iris dataset and the Consolidated Receipt Dataset, we test the Transformer architecture."
    mentions = {m.text: m for m in extractor.extract_text(text)}
    assert set(mentions) == {"Iris", "Consolidated Receipt Dataset", "Transformer"}
    iris = mentions["Iris"]
    assert text[iris.phrase_start : iris.phrase_end] == "Iris dataset"
