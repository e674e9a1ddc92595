"""Cross-check endpoints against a real SQLite corpus holding the demo articles (and the seeds when
../shared has them), with the real engine: stories, a story, its claims by independent origin,
the relation graph in JSON, GEXF and GraphML (checked by the corpus's validators), exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.paths import shared_dir
from recoupe.service import ServiceSettings, create_app

from conftest import problem

DEMO = Path(__file__).resolve().parents[1] / "src" / "recoupe" / "resources" / "demo"
SEEDS = shared_dir() / "seeds"




@pytest.fixture(scope="module")
def client(engine, tmp_path_factory):
    db = tmp_path_factory.mktemp("xcorpus") / "corpus.db"
    app = create_app(ServiceSettings(warm=False, db=f"sqlite:///{db}"), engine=engine)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(DEMO.glob("0*"))]
        files += [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(SEEDS.glob("0*.txt"))]
        r = c.post("/v1/ingest/upload", files=files)
        assert r.status_code == 200 and r.json()["failed"] == 0, r.text
        yield c


def test_ingest_assigns_stories_and_lists_them_in_pages(client):
    page = client.get("/v1/stories", params={"limit": 50}).json()
    stories = page["items"]
    assert sum(s["articles"] for s in stories) == client.get("/v1/corpus").json()["articles"]
    assert [s["articles"] for s in stories] == sorted((s["articles"] for s in stories), reverse=True)
    first = client.get("/v1/stories", params={"limit": 1}).json()
    assert first["items"][0]["id"] == stories[0]["id"] and first["next_offset"] == 1
    second = client.get("/v1/stories", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] == stories[1]["id"]
    assert client.post("/v1/stories/update").json() == {"assigned": 0}  # nothing left to assign


def test_a_story_with_its_origins(client):
    sid = client.get("/v1/stories").json()["items"][0]["id"]
    story = client.get(f"/v1/stories/{sid}").json()
    ids = {a["id"] for a in story["articles"]}
    assert ids and story["origins"]
    assert {a for o in story["origins"] for a in o["articles"]} == ids  # every article under one origin
    assert client.get(f"/v1/stories/{sid[:6]}").json()["id"] == sid  # prefixes work
    problem(client.get("/v1/stories/szzzzzzzz"), 404)
    problem(client.get("/v1/stories/a b"), 422)


def test_claims_by_independent_origin(client):
    sid = client.get("/v1/stories").json()["items"][0]["id"]
    claims = client.get(f"/v1/stories/{sid}/claims").json()
    assert claims
    story_articles = {a["id"] for a in client.get(f"/v1/stories/{sid}").json()["articles"]}
    for c in claims:
        assert c["origin_count"] == len(c["independent_origins"])
        assert {s["article"] for o in c["independent_origins"] for s in o["supporting"]} == set(c["articles"])
        assert set(c["articles"]) <= story_articles
    assert client.get(f"/v1/stories/{sid}/claims").json() == claims  # the cached answer is the same


def test_claimreview_drafts_never_invent_a_rating(client):
    sid = client.get("/v1/stories").json()["items"][0]["id"]
    problem(client.get(f"/v1/stories/{sid}/claimreview"), 422)  # the author is required
    docs = client.get(f"/v1/stories/{sid}/claimreview", params={"author": "Desk", "claim": [0]}).json()
    assert len(docs) == 1 and docs[0]["@type"] == "ClaimReview"
    assert docs[0]["author"]["name"] == "Desk" and "reviewRating" not in docs[0]
    problem(client.get(f"/v1/stories/{sid}/claimreview", params={"author": "Desk", "claim": [999]}), 422)


def test_relation_graph_json_gexf_graphml(client):
    from recoupe.corpus import export as ex

    graph = client.get("/v1/graph").json()
    keys = {n["key"] for n in graph["nodes"]}
    assert all(e["source"] in keys and e["target"] in keys for e in graph["edges"])
    if SEEDS.is_dir():
        assert graph["edges"] and all(e["evidence"] for e in graph["edges"])
    gexf = client.get("/v1/graph.gexf")
    assert gexf.status_code == 200 and gexf.headers["content-type"].startswith("application/xml")
    assert "attachment" in gexf.headers["content-disposition"]
    ex.validate_gexf(gexf.text)
    ex.validate_graphml(client.get("/v1/graph.graphml").text)
    sid = client.get("/v1/stories").json()["items"][0]["id"]
    assert client.get("/v1/graph", params={"story": sid}).status_code == 200
    problem(client.get("/v1/graph.dot"), 422)
    problem(client.get("/v1/graph", params={"story": "szzzzzzzz"}), 404)


def test_export_json(client):
    data = client.get("/v1/export").json()
    assert {s["id"] for s in data["stories"]} == {s["id"] for s in client.get("/v1/stories").json()["items"]}
    assert data["graph"]["nodes"]


def test_story_assignment_needs_the_token_off_loopback(engine, tmp_path):
    app = create_app(ServiceSettings(warm=False, host="0.0.0.0", token="t", db=f"sqlite:///{tmp_path}/c.db"),
                     engine=engine)
    with TestClient(app) as c:
        problem(c.post("/v1/stories/update"), 401)
        assert c.get("/v1/stories").json()["items"] == []
