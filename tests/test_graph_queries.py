"""The knowledge graph built from a real store, and its ranked questions."""

from datetime import date

import pytest

from paperkg.graph.errors import UnknownPaperError
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.records import (
    Entity, EntityType, Mention, Paper, PaperExtraction, Role, entity_id,
)
from paperkg.graph.store import Store

PAPERS = {
    # paper id: (day, abstract, [(name, type)])
    "blindspots": (1, "Applied to Stable Diffusion 2.1 and PixArt, trained on ImageNet.",
                   [("Stable Diffusion 2.1", EntityType.MODEL), ("PixArt", EntityType.MODEL),
                    ("ImageNet", EntityType.DATASET)]),
    "dc-solver": (2, "We achieve 0.394 MSE on Stable-Diffusion-2.1 and FID on ImageNet.",
                  [("Stable-Diffusion-2.1", EntityType.MODEL), ("ImageNet", EntityType.DATASET)]),
    "classifier": (3, "A ResNet trained on ImageNet.",
                   [("ResNet", EntityType.MODEL), ("ImageNet", EntityType.DATASET)]),
    "pixart-study": (4, "We study PixArt only.", [("PixArt", EntityType.MODEL)]),
}


def build_extraction(pid: str, day: int, abstract: str, names) -> PaperExtraction:
    paper = Paper(id=pid, title=pid, abstract=abstract, date=date(2024, 1, day))
    mentions = []
    for name, type_ in names:
        start = abstract.index(name)
        mentions.append(Mention(pid, "abstract", start, start + len(name), name, abstract,
                                type_, entity_id(name), 0.8, "kg_gazetteer", Role.USES))
    entities = tuple(Entity(entity_id(n), n, t) for n, t in names)
    return PaperExtraction(paper, tuple(mentions), entities)


@pytest.fixture
def kg(tmp_path):
    store = Store(tmp_path / "kg.db")
    store.write_batch(build_extraction(pid, *spec) for pid, spec in PAPERS.items())
    yield KnowledgeGraph(store)
    store.close()


def test_papers_sharing_a_model_finds_the_stable_diffusion_pair(kg):
    ranked = kg.papers_sharing("blindspots", EntityType.MODEL)
    assert [(r.paper_id, r.shared) for r in ranked] == [
        ("dc-solver", ("stablediffusion2.1",)),
        ("pixart-study", ("pixart",)),
    ]


def test_rare_shared_entities_outrank_common_ones(kg):
    ranked = kg.papers_sharing("dc-solver")
    assert ranked[0].paper_id == "blindspots"
    only_imagenet = next(r for r in ranked if r.paper_id == "classifier")
    assert ranked[0].score > only_imagenet.score
    assert ranked[0].explanation["stablediffusion2.1"] > ranked[0].explanation["imagenet"]


def test_shared_entities_of_two_papers(kg):
    assert kg.shared_entities("blindspots", "dc-solver") == ["imagenet", "stablediffusion2.1"]
    assert kg.shared_entities("blindspots", "dc-solver", EntityType.DATASET) == ["imagenet"]


def test_papers_of_an_entity_are_newest_first(kg):
    assert kg.papers_of("imagenet") == ["classifier", "dc-solver", "blindspots"]


def test_unknown_paper_raises_a_clear_error(kg):
    with pytest.raises(UnknownPaperError, match="no paper with id 'nope'"):
        kg.papers_sharing("nope")


def test_entity_uses_list_every_entity_of_a_paper(kg):
    uses = kg.entity_uses(["blindspots", "missing"])
    assert {u.entity_id for u in uses["blindspots"]} == {"stablediffusion2.1", "pixart", "imagenet"}
    assert uses["missing"] == []


def test_variants_are_followed_when_asked(tmp_path):
    store = Store(tmp_path / "v.db")
    text = "FLAMe-RM-24B is strong."
    paper = Paper(id="flame", title="FLAMe", abstract=text)
    mention = Mention("flame", "abstract", 0, 12, "FLAMe-RM-24B", text, EntityType.MODEL,
                      "flamerm24b", 0.9, "kg_shapes", Role.INTRODUCES)
    entities = (Entity("flamerm24b", "FLAMe-RM-24B", EntityType.MODEL, variant_of="flamerm"),
                Entity("flamerm", "FLAMe-RM", EntityType.MODEL, variant_of="flame"),
                Entity("flame", "FLAMe", EntityType.MODEL))
    store.write_batch([PaperExtraction(paper, (mention,), entities)])
    kg = KnowledgeGraph(store)
    assert kg.papers_of("flame") == []
    assert kg.papers_of("flame", include_variants=True) == ["flame"]
    assert kg.variants_of("flamerm") == ["flamerm24b"]
