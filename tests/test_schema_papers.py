"""GraphQL papers: lookup by id, Relay pagination, full-text search, mentions and results."""

import base64

import pytest

from paperkg.schema.execute import execute_query

from seed_graph import run_query as run, PAPERS, build_seed_graph, seed_id, seed_node

NEWEST_FIRST = ["blindspots", "restor", "dc-solver", "flame", "muse", "mlps"]


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    graph = build_seed_graph(tmp_path_factory.mktemp("seed") / "kg.db")
    yield graph
    graph.store.close()


def page_of(kg, first, after=None, search=None):
    return run(kg, """query($first: Int!, $after: String, $search: String) {
        papers(first: $first, after: $after, search: $search) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { id } } } }""", first=first, after=after, search=search)["papers"]


def test_paper_by_id_has_its_source_fields(kg):
    data = run(kg, """query($id: ID!) { paper(id: $id) {
        id title date authorsCount upvotes codeUrls urls arxivId } }""", id=seed_id("dc-solver"))
    assert data["paper"] == {
        "id": seed_node("dc-solver"), "title": PAPERS["dc-solver"][0], "date": "2024-09-05",
        "authorsCount": 4, "upvotes": None, "codeUrls": ["https://github.com/wl-zhao/DC-Solver"],
        "urls": ["https://github.com/wl-zhao/DC-Solver"], "arxivId": None,
    }


def test_unknown_paper_is_null_not_an_error(kg):
    assert run(kg, '{ paper(id: "no-such-paper") { title } }') == {"paper": None}


def test_pages_follow_cursors_through_every_paper_newest_first(kg):
    seen, after, pages = [], None, 0
    while True:
        page = page_of(kg, 2, after)
        pages += 1
        assert page["totalCount"] == len(PAPERS)
        assert page["pageInfo"]["hasPreviousPage"] == (after is not None)
        seen += [edge["node"]["id"] for edge in page["edges"]]
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert pages == 3
    assert seen == [seed_node(key) for key in NEWEST_FIRST]


def test_cursors_are_opaque_strings(kg):
    cursor = page_of(kg, 1)["edges"][0]["cursor"]
    assert seed_id("blindspots") not in cursor
    assert base64.b64decode(cursor)  # base64, not a raw offset


def test_empty_page_has_no_cursors(kg):
    page = page_of(kg, 0)
    assert page["edges"] == []
    assert page["pageInfo"] == {"hasNextPage": True, "hasPreviousPage": False, "startCursor": None, "endCursor": None}


@pytest.mark.parametrize("first", [101, 1000, -1])
def test_first_outside_0_to_100_is_refused_with_a_hint(kg, first):
    result = execute_query(kg, "query($f: Int!) { papers(first: $f) { totalCount } }", {"f": first})
    message = result["errors"][0]["message"]
    assert f"first: {first} is out of range" in message
    assert "0 to 100" in message and "after" in message


def test_first_of_100_is_served(kg):
    assert len(page_of(kg, 100)["edges"]) == len(PAPERS)


def test_a_cursor_from_another_list_is_refused(kg):
    entity_cursor = run(kg, "{ entities(first: 1) { edges { cursor } } }")["entities"]["edges"][0]["cursor"]
    for bad in [entity_cursor, "not-a-cursor", "!!!"]:
        result = execute_query(kg, "query($a: String) { papers(after: $a) { totalCount } }", {"a": bad})
        assert "is not a cursor of a paper list" in result["errors"][0]["message"]


def test_search_matches_title_and_abstract_words(kg):
    page = page_of(kg, 10, search="unlearning")
    assert page["totalCount"] == 2
    assert {e["node"]["id"] for e in page["edges"]} == {seed_node("muse"), seed_node("restor")}
    assert page_of(kg, 10, search="Autoraters")["edges"][0]["node"]["id"] == seed_node("flame")


def test_search_text_is_not_fts_syntax(kg):
    assert page_of(kg, 10, search='"unbalanced OR NEAR(')["totalCount"] == 0


def test_mentions_carry_sentence_role_and_entity(kg):
    data = run(kg, """query($id: ID!) { paper(id: $id) { abstract title
        mentions { text field start end sentence type role confidence component entity { name } } } }""",
               id=seed_id("dc-solver"))["paper"]
    mentions = data["mentions"]
    assert mentions[0]["field"] == "title"  # title first, then the abstract in text order
    for mention in mentions:
        assert mention["text"] == data[mention["field"]][mention["start"]:mention["end"]]
        assert mention["text"] in mention["sentence"]
    sd = next(m for m in mentions if m["text"] == "Stable-Diffusion-2.1")
    assert (sd["type"], sd["role"], sd["entity"]["name"]) == ("MODEL", "EVALUATES_ON", "Stable Diffusion 2.1")
    assert sd["sentence"].startswith("Notably, we achieve 10.38 FID")
    intro = next(m for m in mentions if m["text"] == "DC-Solver")
    assert intro["role"] == "INTRODUCES"


def test_mentions_filter_by_type(kg):
    data = run(kg, '{ paper(id: "%s") { mentions(type: METRIC) { text } } }' % seed_id("dc-solver"))
    assert [m["text"] for m in data["paper"]["mentions"]] == ["FID", "MSE"]


def test_results_name_benchmark_metric_value_and_model(kg):
    data = run(kg, """query($id: ID!) { paper(id: $id) {
        results { metric value unit sentence entity { name type } model { name } } } }""", id=seed_id("flame"))
    first = data["paper"]["results"][0]
    assert first["entity"] == {"name": "RewardBench", "type": "BENCHMARK"}
    assert (first["metric"], first["value"], first["unit"]) == ("accuracy", 87.8, "%")
    assert first["model"] == {"name": "FLAMe-RM-24B"}
    assert "accuracy of 87.8%" in first["sentence"]


def test_result_without_a_model_has_null_model(kg):
    data = run(kg, '{ paper(id: "%s") { results { value model { name } entity { name } } } }' % seed_id("mlps"))
    assert data["paper"]["results"][0] == {"value": 93.0, "model": None, "entity": {"name": "CIFAR-10"}}


def test_entities_of_a_paper_filter_by_type(kg):
    data = run(kg, '{ paper(id: "%s") { entities(type: MODEL) { name type } } }' % seed_id("blindspots"))
    names = {e["name"] for e in data["paper"]["entities"]}
    assert names == {"DINOv2", "Stable Diffusion 1.5", "Stable Diffusion 2.1", "PixArt", "Kandinsky"}
    assert {e["type"] for e in data["paper"]["entities"]} == {"MODEL"}


def test_entity_uses_keep_the_strongest_role_and_count(kg):
    data = run(kg, '{ paper(id: "%s") { entityUses { role mentionCount confidence entity { name } } } }'
               % seed_id("mlps"))
    uses = data["paper"]["entityUses"]
    assert uses[0] == {"role": "USES", "mentionCount": 4, "confidence": 0.9,
                       "entity": {"name": "multi-layer perceptron"}}


def test_real_extraction_serves_phrases_and_metric_entities(tmp_path):
    from paperkg.graph.ingest import ingest_paths
    from paperkg.graph.kg import KnowledgeGraph
    from paperkg.graph.store import Store
    from seed_graph import SEED_PAGE

    store = Store(tmp_path / "kg.db")
    ingest_paths([SEED_PAGE], store, progress=False)
    kg = KnowledgeGraph(store)
    data = run(kg, """query($id: ID!) { paper(id: $id) {
        results { metric metricEntity { name type } entity { name } }
        mentions { text phrase phraseStart phraseEnd } } }""", id=seed_id("flame"))["paper"]
    accuracy = next(r for r in data["results"] if r["entity"]["name"] == "RewardBench")
    assert accuracy["metricEntity"] == {"name": "accuracy", "type": "METRIC"}
    for mention in data["mentions"]:
        assert mention["text"] in mention["phrase"]


@pytest.fixture(scope="module")
def venues_kg(tmp_path_factory):
    from datetime import date

    from paperkg.graph.kg import KnowledgeGraph
    from paperkg.graph.records import Paper, PaperExtraction
    from paperkg.graph.store import Store

    store = Store(tmp_path_factory.mktemp("venues") / "kg.db")
    papers = [Paper("a", "A", "Alpha.", year=2023, venue="NeurIPS 2023", doi="10.1234/a"),
              Paper("b", "B", "Beta.", year=2024, venue="NeurIPS 2024 Datasets and Benchmarks"),
              Paper("c", "C", "Gamma.", date=date(2024, 5, 1), year=2024, venue="ICML"),
              Paper("d", "D", "Delta."),
              Paper("e", "E", "Epsilon.", date=date(2024, 2, 1))]  # a year from its date alone
    store.write_batch([PaperExtraction(p) for p in papers])
    yield KnowledgeGraph(store)
    store.close()


def test_paper_has_year_venue_and_doi(venues_kg):
    data = run(venues_kg, '{ paper(id: "a") { year venue doi } }')
    assert data["paper"] == {"year": 2023, "venue": "NeurIPS 2023", "doi": "10.1234/a"}
    assert run(venues_kg, '{ paper(id: "d") { year venue doi } }')["paper"] == {"year": None, "venue": None, "doi": None}
    assert run(venues_kg, '{ paper(id: "e") { year } }')["paper"] == {"year": 2024}


@pytest.mark.parametrize(("arguments", "expected"), [
    ("year: 2024", ["b", "c", "e"]),
    ('venue: "neurips"', ["a", "b"]),
    ('venue: "NeurIPS", year: 2024', ["b"]),
    ('venue: "CVPR"', []),
    ("year: 1999", []),
    ('doi: "10.1234/a"', ["a"]),
    ('doi: "https://doi.org/10.1234/A"', ["a"]),
    ('doi: "doi:10.1234/a", year: 2023', ["a"]),
    ('doi: "10.1234/a", year: 2024', []),
    ('doi: "10.1234/b"', []),
])
def test_papers_filter_by_year_venue_and_doi(venues_kg, arguments, expected):
    data = run(venues_kg, f"{{ papers({arguments}) {{ totalCount edges {{ node {{ id }} }} }} }}")
    assert data["papers"]["totalCount"] == len(expected)
    assert sorted(edge["node"]["id"] for edge in data["papers"]["edges"]) == [f"paper/{p}" for p in expected]


def test_an_empty_venue_filter_says_what_to_give(venues_kg):
    result = execute_query(venues_kg, '{ papers(venue: "  ") { totalCount } }')
    assert "give part of a venue's name" in result["errors"][0]["message"]


def test_a_doi_filter_that_is_no_doi_says_what_to_give(venues_kg):
    result = execute_query(venues_kg, '{ papers(doi: "1234/a") { totalCount } }')
    assert "'1234/a' is not a DOI; give one as 10.NNNN/..." in result["errors"][0]["message"]
