"""Store search: user text stays quoted, so FTS5's query syntax never reaches SQLite."""

import pytest
from fastapi.testclient import TestClient

from paperkg.api.app import create_app

HOSTILE = ["NEAR(", "NEAR(unlearning machine, 2)", "*", "unlearn*", '"', '"unterminated', 'a" OR "b',
           "title:MUSE", "-MUSE", "^MUSE", "MUSE AND", "OR", "(", ")", "{title abstract}: x", "'; DROP TABLE papers; --"]


@pytest.fixture(scope="module")
def kg(seed_kg):
    return seed_kg


@pytest.mark.parametrize("search", HOSTILE)
def test_fts_syntax_in_a_search_is_text_not_a_query(kg, search):
    count = kg.store.count_papers(search)
    assert count == len(kg.store.list_papers(search, limit=100)) and count >= 0


def test_near_star_and_quote_are_matched_as_words(kg):
    assert kg.store.count_papers("NEAR(") == 0
    assert kg.store.count_papers("unlearn*") == 0  # a prefix query would match "unlearning"
    assert kg.store.count_papers("unlearning") > 0
    assert kg.store.count_papers('"MUSE"') == kg.store.count_papers("MUSE") > 0


@pytest.mark.parametrize("search", HOSTILE)
def test_fts_syntax_over_graphql_answers_without_errors(kg, search):
    client = TestClient(create_app(kg))
    body = client.post("/graphql", json={"query": "query($s: String) { papers(search: $s) { totalCount } }",
                                          "variables": {"s": search}}).json()
    assert "errors" not in body and body["data"]["papers"]["totalCount"] >= 0
