"""graph/relatedness.py: related papers and co-usage from the sparse index, checked against
plain networkx loops (the reference oracles below) and against the seed graph's facts."""

import math
from collections import defaultdict
from dataclasses import replace

import networkx as nx
import pytest

from paperkg.graph.index import GraphIndex
from paperkg.graph.kg import KnowledgeGraph
from paperkg.graph.queries import entity_node, node_id, paper_node
from paperkg.graph.records import EntityType, PaperExtraction, Role, SharedPapers
from paperkg.graph.relatedness import rank_co_used, rank_related
from paperkg.graph.store import Store

from seed_graph import ENTITIES, PAPERS, seed_extraction, seed_id


def oracle_papers_sharing(graph: nx.Graph, paper_id: str, type=None, limit=10) -> list[SharedPapers]:
    """The networkx ranking papersSharing used before the index: the reference it must equal."""
    paper_total = sum(1 for _, kind in graph.nodes(data="kind") if kind == "paper")
    source = paper_node(paper_id)
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for entity in graph.neighbors(source):
        if type is not None and graph.nodes[entity]["type"] != EntityType(type):
            continue
        rarity = math.log(1 + paper_total / max(graph.degree(entity), 1))
        for other in graph.neighbors(entity):
            if other != source:
                weights[other][node_id(entity)] = rarity
    ranked = sorted(weights.items(), key=lambda item: (-sum(item[1].values()), -len(item[1]), item[0]))
    return [SharedPapers(node_id(o), tuple(sorted(s, key=lambda e: (-s[e], e))), round(sum(s.values()), 6),
                         {e: round(w, 6) for e, w in s.items()}) for o, s in ranked[:limit]]


def oracle_co_used(graph: nx.Graph, entity_id: str, type=None) -> list[tuple[str, int]]:
    counts: dict[str, int] = defaultdict(int)
    for paper in graph.neighbors(entity_node(entity_id)):
        for other in graph.neighbors(paper):
            if other != entity_node(entity_id) and (type is None or graph.nodes[other]["type"] == type):
                counts[node_id(other)] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@pytest.fixture(scope="module")
def kg(seed_kg_factory):
    return seed_kg_factory(copies=3)


@pytest.mark.parametrize("key", list(PAPERS))
@pytest.mark.parametrize("type_", [None, EntityType.MODEL, EntityType.TASK, EntityType.DATASET])
def test_papers_sharing_equals_the_networkx_ranking(kg, key, type_):
    for limit in (1, 5, 30):
        fast = kg.papers_sharing(seed_id(key), type_, limit)
        slow = oracle_papers_sharing(kg.graph, seed_id(key), type_, limit)
        assert fast == slow
        assert [f.explanation for f in fast] == [s.explanation for s in slow]


def test_shared_entities_are_truly_in_both_papers(kg):
    for key in PAPERS:
        for related in kg.related_papers(seed_id(key), limit=100).items:
            mine = set(kg.graph[paper_node(seed_id(key))])
            theirs = set(kg.graph[paper_node(related.paper_id)])
            assert {entity_node(e) for e in related.shared} == mine & theirs
            assert related.score == pytest.approx(sum(related.explanation.values()))


def test_total_counts_every_paper_sharing_anything_and_pages_continue(kg):
    source = seed_id("blindspots")
    whole = kg.related_papers(source, limit=100)
    sharing = {p for e in kg.graph[paper_node(source)] for p in kg.graph[e]} - {paper_node(source)}
    assert whole.total == len(sharing) == len(whole.items)
    pages = kg.related_papers(source, limit=2).items + kg.related_papers(source, limit=2, offset=2).items
    assert pages == whole.items[:4]


def test_roles_restrict_both_papers_edges(kg):
    source = paper_node(seed_id("blindspots"))
    ranking = kg.related_papers(seed_id("blindspots"), roles=[Role.EVALUATES_ON], limit=100)
    for related in ranking.items:
        for entity in related.shared:
            assert kg.graph.edges[source, entity_node(entity)]["role"] == Role.EVALUATES_ON
            assert kg.graph.edges[paper_node(related.paper_id), entity_node(entity)]["role"] == Role.EVALUATES_ON
    by_paper = {r.paper_id: r.shared for r in ranking.items}
    # dc-solver EVALUATES_ON Stable Diffusion 2.1 too; the sparse autoencoder is only USED.
    assert by_paper[seed_id("dc-solver")] == ("stablediffusion2.1",)
    assert all("sparseautoencoder" not in shared for shared in by_paper.values())
    used = kg.related_papers(seed_id("blindspots"), roles=[Role.USES], limit=100).items
    assert {r.shared for r in used} == {("dinov2", "sparseautoencoder")}


def test_include_variants_counts_flame_rm_24b_as_flame(tmp_path):
    flame = seed_extraction("flame")
    only = {"parent": "FLAMe", "variant": "FLAMe-RM-24B"}
    store = Store(tmp_path / "kg.db")
    for suffix, name in only.items():
        paper = replace(flame.paper, id=f"{flame.paper.id}-{suffix}")
        mentions = tuple(replace(m, paper_id=paper.id) for m in flame.mentions if m.entity_id == ENTITIES[name].id)
        store.write_batch([PaperExtraction(paper, mentions, flame.entities, ())])
    kg = KnowledgeGraph(store)
    parent = f"{flame.paper.id}-parent"
    assert kg.related_papers(parent).total == 0
    found = kg.related_papers(parent, include_variants=True).items
    assert [(r.paper_id, r.shared) for r in found] == [(f"{flame.paper.id}-variant", ("flame",))]
    assert found[0].explanation["flame"] == pytest.approx(math.log(1 + 2 / 2))


@pytest.mark.parametrize("entity", ["stablediffusion2.1", "machineunlearning", "cifar10", "flame"])
@pytest.mark.parametrize("type_", [None, EntityType.MODEL, EntityType.DATASET])
def test_co_usage_equals_counting_over_networkx(kg, entity, type_):
    ranking = rank_co_used(kg.index, entity, [type_] if type_ else None, limit=1000)
    assert [(c.entity_id, c.papers) for c in ranking.items] == oracle_co_used(kg.graph, entity, type_)
    assert ranking.total == len(ranking.items)


def test_datasets_used_alongside_cifar10_are_cifar100_and_tinyimagenet(kg):
    ranking = kg.co_used("cifar10", types=[EntityType.DATASET])
    assert [(c.entity_id, c.papers) for c in ranking.items] == [("cifar100", 4), ("tinyimagenet", 4)]


def test_unknown_ids_rank_nothing(kg):
    assert rank_related(kg.index, "no-such-paper").total == 0
    assert rank_co_used(kg.index, "no-such-entity").items == []


def test_index_numbers_papers_newest_first_and_folds_variants_to_roots(kg):
    index: GraphIndex = kg.index
    dates = [kg.graph.nodes[paper_node(p)]["date"] for p in index.paper_ids]
    assert dates == sorted(dates, reverse=True)
    root = index.root[index.entity_pos["flamerm24b"]]
    assert index.entity_ids[root] == "flame"
