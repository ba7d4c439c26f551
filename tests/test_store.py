"""The SQLite store: batches, idempotence, replacement, lookups, and bad files.

`Store` as its callers see it: graph/store.py and the mixins it is composed of
(store_writes, store_papers, store_entities, store_mentions, store_base).
"""

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from paperkg.graph.errors import StoreError
from paperkg.graph.records import (
    Entity, EntityType, Mention, Paper, PaperExtraction, Result, Role, entity_id,
)
from paperkg.graph.store import Store

MLP_ABSTRACT = (
    "We show that the performance of MLPs drastically improves with scale "
    "(93% on CIFAR10, 79% on CIFAR100, 69% on TinyImageNet)."
)


def extraction_of(paper: Paper, names: list[tuple[str, EntityType]]) -> PaperExtraction:
    """A real PaperExtraction with one mention of each name, at its first occurrence."""
    mentions, entities = [], []
    for name, type_ in names:
        start = paper.abstract.index(name)
        entities.append(Entity(entity_id(name), name, type_))
        mentions.append(Mention(paper.id, "abstract", start, start + len(name), name,
                                paper.abstract, type_, entity_id(name), 0.9, "kg_gazetteer",
                                Role.EVALUATES_ON))
    return PaperExtraction(paper, tuple(mentions), tuple(entities))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kg.db") as opened:
        yield opened


@pytest.fixture
def mlp_paper():
    return Paper(id="scaling-mlps-a-tale-of-inductive-bias", title="Scaling MLPs: A Tale of Inductive Bias",
                 abstract=MLP_ABSTRACT, date=date(2023, 6, 23), authors_count=3,
                 code_urls=("https://github.com/gregorbachmann/scaling_mlps",))


def test_paper_round_trips_through_the_store(store, mlp_paper):
    store.write_batch([extraction_of(mlp_paper, [("CIFAR10", EntityType.DATASET)])])
    assert store.get_papers([mlp_paper.id])[mlp_paper.id] == mlp_paper


def test_writing_the_same_batch_twice_changes_nothing(store, mlp_paper):
    batch = [extraction_of(mlp_paper, [("CIFAR10", EntityType.DATASET)])]
    first = store.write_batch(batch)
    second = store.write_batch(batch)
    assert (first.added, second.added, second.unchanged) == (1, 0, 1)
    assert len(store.mentions_of_papers([mlp_paper.id])[mlp_paper.id]) == 1


def test_changed_abstract_replaces_old_mentions(store, mlp_paper):
    store.write_batch([extraction_of(mlp_paper, [("CIFAR10", EntityType.DATASET)])])
    changed = replace(mlp_paper, abstract=MLP_ABSTRACT.replace("CIFAR10", "ImageNet"))
    report = store.write_batch([extraction_of(changed, [("ImageNet", EntityType.DATASET)])])
    assert report.updated == 1
    mentions = store.mentions_of_papers([mlp_paper.id])[mlp_paper.id]
    assert [m.entity_id for m in mentions] == ["imagenet"]
    assert store.count_papers("CIFAR10") == 0 and store.count_papers("ImageNet") == 1


def test_changed_papers_lists_only_new_or_different_ones(store, mlp_paper):
    store.write_batch([extraction_of(mlp_paper, [])])
    other = Paper(id="other", title="Other", abstract="Another abstract.")
    changed = replace(mlp_paper, upvotes=5)
    assert [p.id for p in store.changed_papers([mlp_paper, other])] == ["other"]
    assert [p.id for p in store.changed_papers([changed])] == [mlp_paper.id]


def test_find_entity_matches_any_spelling_of_an_alias(store, mlp_paper):
    store.write_batch([extraction_of(mlp_paper, [("CIFAR10", EntityType.DATASET)])])
    for spelling in ("CIFAR10", "cifar-10", "Cifar 10"):
        assert store.find_entity(spelling).id == "cifar10"
    assert store.find_entity("CIFAR-100") is None


def test_failed_batch_leaves_previous_state_whole(store, mlp_paper):
    store.write_batch([extraction_of(mlp_paper, [("CIFAR10", EntityType.DATASET)])])
    good = Paper(id="good", title="Good", abstract="Fine.")
    broken_mention = Mention("no-such-paper", "abstract", 0, 1, "x", "x", EntityType.MODEL, "x", 1.0, "t")
    broken = PaperExtraction(Paper(id="bad", title="Bad", abstract="x"), (broken_mention,),
                             (Entity("x", "x", EntityType.MODEL),))
    with pytest.raises(sqlite3.IntegrityError):
        store.write_batch([extraction_of(good, []), broken])
    assert store.count_papers() == 1
    assert store.get_papers(["good"]) == {}


def test_results_are_stored_and_read_back(store, mlp_paper):
    extraction = extraction_of(mlp_paper, [("CIFAR10", EntityType.DATASET)])
    start = MLP_ABSTRACT.index("93%")
    result = Result(mlp_paper.id, "abstract", start, start + len("93% on CIFAR10"), MLP_ABSTRACT,
                    "cifar10", "accuracy", 93.0, "%")
    store.write_batch([replace(extraction, results=(result,))])
    assert store.results_of_papers([mlp_paper.id])[mlp_paper.id] == [result]


def test_entities_list_by_type_and_search(store, mlp_paper):
    store.write_batch([extraction_of(mlp_paper, [("CIFAR10", EntityType.DATASET),
                                                 ("TinyImageNet", EntityType.DATASET)])])
    assert store.count_entities(EntityType.DATASET) == 2
    assert store.count_entities(EntityType.MODEL) == 0
    assert [e.id for e in store.list_entities(search="tiny")] == ["tinyimagenet"]
    assert store.list_entities(search="100%") == []


def test_search_text_is_never_fts_syntax(store, mlp_paper):
    store.write_batch([extraction_of(mlp_paper, [])])
    assert store.count_papers('MLPs" OR "x') == 0
    assert store.count_papers("NEAR(") == 0
    assert store.count_papers("inductive bias") == 1


def test_a_file_of_another_program_is_refused_clearly(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="another program"):
        Store(other)


def test_a_file_that_is_not_sqlite_is_refused_clearly(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a paperkg database"):
        Store(text)


def test_a_result_that_is_not_a_finite_number_is_left_out(store, mlp_paper):
    extraction = extraction_of(mlp_paper, [("CIFAR10", EntityType.DATASET)])
    nan = Result(mlp_paper.id, "abstract", 0, 3, MLP_ABSTRACT, "cifar10", "accuracy", float("nan"), "%")
    assert store.write_batch([replace(extraction, results=(nan,))]).added == 1
    assert store.results_of_papers([mlp_paper.id]) == {}


def test_iterators_cross_page_boundaries_without_loss(store):
    papers = [Paper(id=f"p{i:04d}", title=f"Paper {i}", abstract=f"Uses ImageNet, run {i}.")
              for i in range(1203)]
    store.write_batch(extraction_of(p, [("ImageNet", EntityType.DATASET)]) for p in papers)
    assert [p.id for p in store.iter_papers()] == [p.id for p in papers]
    edges = list(store.iter_edges())
    assert len(edges) == 1203 and {e.entity_id for e in edges} == {"imagenet"}
    assert [e.id for e in store.iter_entities()] == ["imagenet"]
