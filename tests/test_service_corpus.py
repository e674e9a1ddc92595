"""The corpus API against a real SQLite store in a temporary folder and the real engine: ingest
(JSON, uploads, URLs refused for local targets), idempotence, list/filter/paginate, an article and
its report, entities, duplicate groups, problem details."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.service import ServiceSettings, create_app

from conftest import problem

DEMO = Path(__file__).resolve().parents[1] / "src" / "recoupe" / "resources" / "demo"
LOCAL = "http://127.0.0.1"




@pytest.fixture(scope="module")
def client(engine, tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    app = create_app(ServiceSettings(warm=False, db=f"sqlite:///{db}"), engine=engine)
    with TestClient(app, base_url=LOCAL) as c:
        docs = [{"text": (DEMO / "01_verdalys_fr.txt").read_text(encoding="utf-8"),
                 "url": "https://www.journaldesfaits.example/verdalys", "date": "2026-03-02"},
                {"html": (DEMO / "02_harbor_en.html").read_text(encoding="utf-8"), "url": "https://ledger.example/harbor"}]
        r = c.post("/v1/ingest", json={"documents": docs})
        assert r.status_code == 200, r.text
        c.first_ingest = r.json()
        yield c


def test_ingest_then_again_is_idempotent(client):
    first = client.first_ingest
    assert (first["added"], first["failed"]) == (2, 0)
    docs = [{"text": (DEMO / "01_verdalys_fr.txt").read_text(encoding="utf-8"),
             "url": "https://www.journaldesfaits.example/verdalys", "date": "2026-03-02"}]
    again = client.post("/v1/ingest", json={"documents": docs}).json()
    assert (again["added"], again["known"]) == (0, 1)


def test_upload_jsonl_text_and_junk_and_local_urls(client):
    record = {"text": (DEMO / "03_tribune_fr.txt").read_text(encoding="utf-8"), "url": "https://tribune.example/t",
              "date": "2026-02-10"}
    files = [("files", ("corpus.jsonl", (json.dumps(record) + "\n").encode(), "application/jsonl")),
             ("files", ("junk.bin", bytes(range(256)) * 4, "application/octet-stream"))]
    r = client.post("/v1/ingest/upload", files=files)
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["added"] == 1 and result["failed"] == 1
    assert any(e["source"] == "junk.bin" and "binary" in e["error"] for e in result["errors"])
    # URLs to the machine itself or the link-local metadata address are refused; the batch goes on
    r = client.post("/v1/ingest", json={"documents": [{"url": "http://127.0.0.1:9/x"},
                                                      {"url": "http://169.254.169.254/latest/meta-data/"}]})
    result = r.json()
    assert result["failed"] == 2 and all("refused" in e["error"] for e in result["errors"])


def test_articles_filter_and_paginate(client):
    everything = client.get("/v1/articles", params={"limit": 50}).json()
    ids = [a["id"] for a in everything["items"]]
    # the fixture's two articles, and the upload test's third when it ran before on this xdist worker
    stored = client.get("/v1/corpus").json()["articles"]
    assert len(ids) == stored >= 2 and everything["next_offset"] is None
    first = client.get("/v1/articles", params={"limit": 2}).json()
    assert first["next_offset"] == (2 if stored > 2 else None) and [a["id"] for a in first["items"]] == ids[:2]
    rest = client.get("/v1/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in rest["items"]] == ids[2:] and rest["next_offset"] is None
    english = client.get("/v1/articles", params={"language": "en"}).json()["items"]
    assert [a["language"] for a in english] == ["en"]
    by_outlet = client.get("/v1/articles", params={"outlet": "ledger.example"}).json()["items"]
    assert [a["domain"] for a in by_outlet] == ["ledger.example"]
    march = client.get("/v1/articles", params={"since": "2026-03", "until": "2026-03"}).json()["items"]
    assert march and all(a["date"].startswith("2026-03") for a in march)
    grade = everything["items"][0]["grade"]
    graded = client.get("/v1/articles", params={"grade": grade}).json()["items"]
    assert graded and all(a["grade"] == grade for a in graded)
    assert [a["title"] for a in client.get("/v1/articles", params={"q": "Harborline"}).json()["items"]] == \
        [a["title"] for a in english]
    problem(client.get("/v1/articles", params={"since": "last week"}), 422)
    problem(client.get("/v1/articles", params={"limit": 0}), 422)
    problem(client.get("/v1/articles", params={"limit": 100000}), 422)


def test_article_and_its_report(client):
    a = client.get("/v1/articles", params={"language": "en"}).json()["items"][0]
    detail = client.get(f"/v1/articles/{a['id']}").json()
    report = client.get(f"/v1/articles/{a['id'][:8]}/report").json()  # a unique prefix works too
    assert report["body"] == detail["body"]
    assert report["credibility"]["grade"] == a["grade"]
    assert detail["counts"]["quotes"] == len(report["quotes"])
    problem(client.get("/v1/articles/ffffffffffff"), 404)
    problem(client.get("/v1/articles/ab"), 422)


def test_entities_and_entity(client):
    page = client.get("/v1/entities", params={"limit": 3}).json()
    assert len(page["items"]) == 3 and page["next_offset"] == 3
    second = client.get("/v1/entities", params={"limit": 3, "offset": 3}).json()["items"]
    assert {e["key"] for e in second}.isdisjoint({e["key"] for e in page["items"]})
    top = page["items"][0]
    entity = client.get(f"/v1/entities/{top['key']}").json()
    assert entity["canonical"] == top["canonical"] and len(entity["articles"]) == top["articles"]
    people = client.get("/v1/entities", params={"label": "PER", "limit": 100}).json()["items"]
    assert people and all(e["label"] == "PER" for e in people)
    # a person named with a title in one article carries it as a role (demo 01: "Claire Dumont, PDG de Verdalys")
    roles = [r for p in people for r in client.get(f"/v1/entities/{p['key']}").json()["roles"]]
    assert any("Verdalys" in r for r in roles), roles
    problem(client.get("/v1/entities/PER:nobody at all"), 404)


def test_a_copy_joins_a_duplicate_group(client):
    # counted from what the module's other tests left (pytest-xdist may run them on another worker, or not before)
    before = client.get("/v1/corpus").json()["articles"]
    text = (DEMO / "02_harbor_en.html").read_text(encoding="utf-8")
    r = client.post("/v1/ingest", json={"documents": [{"html": text, "url": "https://mirror.example/harbor-copy"}]})
    assert r.json()["added"] + r.json()["copied"] == 1
    groups = client.get("/v1/duplicates").json()["items"]
    domains = {m["domain"] for g in groups for m in g["members"]}
    assert {"ledger.example", "mirror.example"} <= domains
    stats = client.get("/v1/corpus").json()
    assert stats["articles"] == before + 1 and stats["runs"]


def test_writes_to_the_corpus_need_the_token_off_loopback(engine, tmp_path):
    app = create_app(ServiceSettings(warm=False, host="0.0.0.0", token="t0ken", db=f"sqlite:///{tmp_path}/c.db"),
                     engine=engine)
    with TestClient(app) as c:
        problem(c.post("/v1/ingest", json={"documents": [{"text": "Le ministre a démissionné."}]}), 401)
        problem(c.post("/v1/ingest/upload", files={"files": ("a.txt", b"Le ministre", "text/plain")}), 401)
        assert c.get("/v1/articles").status_code == 200


def test_no_corpus_is_a_problem_not_a_crash(engine):
    app = create_app(ServiceSettings(warm=False, corpus=False), engine=engine)
    with TestClient(app, base_url=LOCAL) as c:
        body = problem(c.get("/v1/articles"), 404)
        assert body["type"].endswith("no-corpus")
        assert c.get("/v1/health").json()["corpus"] is False
