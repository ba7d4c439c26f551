"""The real server: uvicorn on 127.0.0.1, a free port, one GraphQL request, a clean stop."""

import json
import urllib.request

import pytest

from paperkg.api.app import create_app

from live_fixtures import serving
from seed_graph import PAPERS, build_seed_graph


@pytest.mark.server
def test_uvicorn_serves_graphql_and_stops_cleanly(tmp_path):
    kg = build_seed_graph(tmp_path / "kg.db")
    try:
        with serving(create_app(kg)) as address:  # fails if uvicorn does not start or stop within 10 s
            request = urllib.request.Request(
                f"http://{address}/graphql",
                data=json.dumps({"query": "{ papers { totalCount } }"}).encode(),
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200
                assert json.load(response) == {"data": {"papers": {"totalCount": len(PAPERS)}},
                                               "extensions": {"cost": 2}}
    finally:
        kg.store.close()
