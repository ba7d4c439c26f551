"""The graph-question fields of the schema, answered on the seed graph and checked against it:
Node ids, Paper.related, Entity.coUsed and timeline, trending, path, leaderboard, stats and
the papers and entities filters."""

import pytest

from paperkg.graph.queries import entity_node, paper_node
from paperkg.schema.execute import execute_query

from seed_graph import ENTITIES, PAPERS, run_query, seed_id, seed_node


@pytest.fixture(scope="module")
def kg(seed_kg_factory):
    return seed_kg_factory(copies=1)


def error_of(kg, query, **variables):
    result = execute_query(kg, query, variables or None)
    return result["errors"][0]["message"]


def test_node_ids_are_the_paths_of_the_rdf_iris_and_resolve_back(kg):
    data = run_query(kg, """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Paper { title } ... on Entity { name } } }""",
                     ids=[seed_node("muse"), "entity/rewardbench", "paper/nope"])
    assert data["nodes"] == [
        {"__typename": "Paper", "id": seed_node("muse"), "title": PAPERS["muse"][0]},
        {"__typename": "Entity", "id": "entity/rewardbench", "name": "RewardBench"}, None]
    assert run_query(kg, '{ node(id: "entity/ffhq") { id } }')["node"] == {"id": "entity/ffhq"}
    bare = run_query(kg, '{ paper(id: "%s") { id } }' % seed_id("flame"))["paper"]
    assert bare == {"id": seed_node("flame")}
    assert "not a node id" in error_of(kg, '{ node(id: "ffhq") { id } }')


def test_related_papers_share_what_they_list_with_its_weight(kg):
    data = run_query(kg, """query($id: ID!) { paper(id: $id) { related(first: 100) { totalCount
        edges { node { score paper { id } explanation { entity { id } weight } } } } } }""",
                     id=seed_node("blindspots"))["paper"]["related"]
    assert data["totalCount"] == len(data["edges"]) > 0
    mine = set(kg.graph[paper_node(seed_id("blindspots"))])
    for edge in data["edges"]:
        node = edge["node"]
        theirs = set(kg.graph[node["paper"]["id"].replace("/", ":", 1)])
        shared = {e["entity"]["id"].replace("/", ":", 1) for e in node["explanation"]}
        assert shared == mine & theirs
        assert node["score"] == pytest.approx(sum(e["weight"] for e in node["explanation"]), abs=1e-5)
    scores = [e["node"]["score"] for e in data["edges"]]
    assert scores == sorted(scores, reverse=True)


def test_related_restricted_to_benchmarks_evaluated_on(kg):
    data = run_query(kg, """query($id: ID!) { paper(id: $id) {
        related(types: [MODEL], roles: [EVALUATES_ON]) { edges { node { paper { id } shared { name } } } } } }""",
                     id=seed_node("dc-solver"))
    for edge in data["paper"]["related"]["edges"]:
        assert [e["name"] for e in edge["node"]["shared"]] == ["Stable Diffusion 2.1"]


def test_co_used_counts_papers_using_both(kg):
    data = run_query(kg, """{ entity(name: "CIFAR10") { coUsed(types: [DATASET, METHOD]) {
        totalCount edges { node { papers entity { id } } } } } }""")["entity"]["coUsed"]
    got = {e["node"]["entity"]["id"]: e["node"]["papers"] for e in data["edges"]}
    assert got == {"entity/cifar100": 2, "entity/tinyimagenet": 2, "entity/multilayerperceptron": 2}
    for entity_id, count in got.items():
        both = set(kg.graph[entity_node("cifar10")]) & set(kg.graph[entity_id.replace("/", ":", 1)])
        assert len(both) == count


@pytest.mark.parametrize("name", ["Stable Diffusion 2.1", "machine unlearning", "FLAMe", "Stable Diffusion"])
def test_timeline_sums_to_paper_count(kg, name):
    data = run_query(kg, """query($n: String!) { entity(name: $n) { paperCount timeline { month papers }
        family: papers(includeVariants: true) { totalCount } all: timeline(includeVariants: true) { papers } } }""",
                     n=name)["entity"]
    assert sum(m["papers"] for m in data["timeline"]) == data["paperCount"]
    assert sum(m["papers"] for m in data["all"]) == data["family"]["totalCount"]


def test_trending_models(kg):
    data = run_query(kg, """{ trending(type: MODEL, months: 6, minPapers: 2) { previousWindow recentWindow
        totalCount trends { entity { name } previousPapers recentPapers growth } } }""")["trending"]
    assert data["recentWindow"] == ["2025-01", "2025-06"]
    assert data["trends"][0]["entity"]["name"] in {"DINOv2", "Kandinsky", "PixArt", "Stable Diffusion 1.5"}
    assert all(t["recentPapers"] >= 2 for t in data["trends"])
    growth = [t["growth"] for t in data["trends"]]
    assert growth == sorted(growth, reverse=True)


def test_path_hops_are_real_edges(kg):
    data = run_query(kg, """query($a: ID!) { path(source: $a, target: "entity/ffhq") { length
        hops { sourceId targetId role mentionCount explanation paper { id } entity { id } } } }""",
                     a=seed_node("blindspots"))["path"]
    assert data["length"] == len(data["hops"]) == 3
    for hop in data["hops"]:
        a, b = (hop["sourceId"].replace("/", ":", 1), hop["targetId"].replace("/", ":", 1))
        assert kg.graph.has_edge(a, b)
        assert kg.graph.edges[a, b]["role"].value == hop["role"]
        assert {hop["paper"]["id"], hop["entity"]["id"]} == {hop["sourceId"], hop["targetId"]}
    assert data["hops"][-1]["targetId"] == "entity/ffhq"


def test_leaderboard_is_sorted_in_the_metric_direction(kg):
    data = run_query(kg, """{ lower: leaderboard(entity: "entity/ffhq", metric: "FID") { direction
        entries { edges { node { rank value sentence paper { id } model { name } } } } }
        higher: leaderboard(entity: "CIFAR10") { direction metric entries(first: 1) {
          totalCount edges { node { rank value } } pageInfo { endCursor } } } }""")
    lower = data["lower"]
    assert lower["direction"] == "LOWER_IS_BETTER"
    entries = [e["node"] for e in lower["entries"]["edges"]]
    values = [e["value"] for e in entries]
    assert values == sorted(values) and values[0] == 10.38
    assert entries[0]["model"] == {"name": "DC-Solver"} and "10.38 FID" in entries[0]["sentence"]
    higher = data["higher"]
    assert higher["direction"] == "HIGHER_IS_BETTER" and higher["entries"]["totalCount"] == 2
    after = higher["entries"]["pageInfo"]["endCursor"]
    rest = run_query(kg, '{ leaderboard(entity: "CIFAR10") { entries(after: "%s") { edges { node { rank value } } } } }'
                     % after)["leaderboard"]["entries"]["edges"]
    assert [e["node"] for e in higher["entries"]["edges"] + rest] == [
        {"rank": 1, "value": 93.0}, {"rank": 2, "value": 93.0}]


def test_stats_count_by_type(kg):
    data = run_query(kg, "{ stats { papers entities edges byType { type entities papers } } }")["stats"]
    assert data["papers"] == 2 * len(PAPERS) and data["entities"] == len(ENTITIES)
    by_type = {t["type"]: t for t in data["byType"]}
    assert by_type["BENCHMARK"] == {"type": "BENCHMARK", "entities": 3, "papers": 6}


def test_papers_filters_by_entity_alias_role_and_dates(kg):
    data = run_query(kg, """{ a: papers(entity: "Stable-Diffusion-2.1", role: EVALUATES_ON, since: "2025-01-01")
        { totalCount edges { node { id date } } }
        b: papers(hasCode: true, orderBy: UPVOTES) { totalCount }
        c: papers(search: "unlearning", type: BENCHMARK, first: 1) { totalCount edges { node { title } } } }""")
    assert data["a"]["totalCount"] == 2 and all(e["node"]["date"] >= "2025-01-01" for e in data["a"]["edges"])
    assert data["b"]["totalCount"] == 2
    assert data["c"]["totalCount"] == 4
    message = error_of(kg, '{ papers(entity: "no such thing") { totalCount } }')
    assert "entity: 'no such thing' names no entity" in message


def test_entities_filters(kg):
    data = run_query(kg, """{ a: entities(search: "stable diff", orderBy: NAME) { totalCount edges { node { name } } }
        b: entities(minPapers: 4, type: TASK) { edges { node { name paperCount } } } }""")
    assert [e["node"]["name"] for e in data["a"]["edges"]] == [
        "Stable Diffusion", "Stable Diffusion 1.5", "Stable Diffusion 2.1"]
    assert data["b"]["edges"] == [{"node": {"name": "machine unlearning", "paperCount": 4}}]
    typo = run_query(kg, '{ entities(search: "stabel difusion") { edges { node { name } } } }')
    assert typo["entities"]["edges"] == [{"node": {"name": "Stable Diffusion"}}]
