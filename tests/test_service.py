"""The /v1 API through FastAPI's test client, with the real engine and models (no mocks):
analysis by text, HTML and upload, problem details, size limits, the write token, cross-origin
writes, URL fetching refused for loopback and link-local targets, CSP, no CORS, the OpenAPI schema."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.service import ServiceSettings, create_app
from recoupe.service.engine import Engine
from recoupe.service.pages import STATIC

from conftest import problem

DEMO = Path(__file__).resolve().parents[1] / "src" / "recoupe" / "resources" / "demo"
LOCAL = "http://127.0.0.1"



def client_for(engine, **settings) -> TestClient:
    settings.setdefault("warm", False)
    settings.setdefault("corpus", False)
    return TestClient(create_app(ServiceSettings(**settings), engine=engine), base_url=LOCAL)


@pytest.fixture(scope="module")
def client(engine):
    with client_for(engine) as c:
        yield c


def assert_problem(response, status: int) -> dict:
    body = problem(response, status)
    assert body["status"] == status and body["title"] and "instance" in body
    return body


# -- analysis -------------------------------------------------------------------------------------

def test_analyze_text_gives_the_full_report(client):
    text = (DEMO / "01_verdalys_fr.txt").read_text(encoding="utf-8")
    r = client.post("/v1/analyze", json={"text": text})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["language"] == "fr"
    assert report["title"].startswith("Le patron de Verdalys")
    assert any(q["speaker_canonical"] and "Lefèvre" in q["speaker_canonical"] for q in report["quotes"])
    assert [link["role"] for link in report["source_chain"]][:1] == ["origin"]
    assert report["credibility"]["grade"]
    quote = report["quotes"][0]["content"]
    assert report["body"][quote["start"]:quote["end"]] == quote["text"]  # offsets into the body, "in" alias kept
    assert quote["in"] == "body"


def test_analyze_html_with_metadata_hints(client):
    html = (DEMO / "02_harbor_en.html").read_text(encoding="utf-8")
    r = client.post("/v1/analyze", json={"html": html, "url": "https://www.reuters.com/x", "publisher": "Reuters Test",
                                         "lang": "en"})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["language"] == "en"
    assert report["publisher"]["name"] == "Reuters Test"
    assert report["url"] == "https://www.reuters.com/x"


def test_upload_html_file_and_unreadable_file(client):
    data = (DEMO / "02_harbor_en.html").read_bytes()
    r = client.post("/v1/analyze/upload", files={"file": ("harbor.html", data, "text/html")})
    assert r.status_code == 200, r.text
    assert r.json()["source"] == "harbor.html"
    assert "Harborline" in r.json()["title"]
    bad = client.post("/v1/analyze/upload", files={"file": ("x.bin", bytes(range(256)) * 8, "application/octet-stream")})
    assert "binary" in assert_problem(bad, 422)["detail"]


def test_bad_requests_are_problem_details(client):
    assert "give text, html or url" in assert_problem(client.post("/v1/analyze", json={}), 422)["detail"]
    both = assert_problem(client.post("/v1/analyze", json={"text": "a", "html": "<p>a</p>"}), 422)
    assert both["errors"]
    assert assert_problem(client.post("/v1/analyze", json={"text": "   \n "}), 422)["type"].endswith("unanalysable")
    assert_problem(client.post("/v1/analyze", json={"text": "x", "lang": "de"}), 422)
    assert_problem(client.post("/v1/analyze", content=b"{not json", headers={"content-type": "application/json"}), 422)
    assert_problem(client.get("/v1/nowhere"), 404)
    assert_problem(client.delete("/v1/analyze"), 405)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/v1/health", "http://169.254.169.254/latest/meta-data/",
                                 "http://localhost/", "http://[::1]/", "http://10.0.0.1/", "file:///etc/passwd",
                                 "javascript:alert(1)"])
def test_urls_to_the_local_network_are_refused(client, url):
    body = assert_problem(client.post("/v1/analyze", json={"url": url}), 422)
    assert body["type"].endswith("url-refused")
    assert "refused" in body["detail"]


def test_reads_are_answered_while_an_analysis_runs(client, engine):
    text = ((DEMO / "03_tribune_fr.txt").read_text(encoding="utf-8") + "\n\n") * 3
    result = {}
    worker = threading.Thread(target=lambda: result.update(r=client.post("/v1/analyze", json={"text": text})))
    worker.start()
    answered_while_busy = 0
    while worker.is_alive():
        started = time.perf_counter()
        health = client.get("/v1/health")
        assert health.status_code == 200
        if health.json()["pending_analyses"] > 0:
            answered_while_busy += 1
            assert time.perf_counter() - started < 2.0
        time.sleep(0.02)
    worker.join()
    assert result["r"].status_code == 200
    assert answered_while_busy >= 1, "no read was answered while the analysis ran"


def test_busy_engine_answers_503_with_retry_after():
    full = Engine(max_pending=0)
    try:
        with client_for(full) as c:
            r = c.post("/v1/analyze", json={"text": "Le ministre a démissionné mardi."})
            assert_problem(r, 503)
            assert r.headers["retry-after"] == "5"
    finally:
        full.close()


# -- limits, token, origins, headers ---------------------------------------------------------------

def test_request_size_limit(engine):
    with client_for(engine, max_request_bytes=2000) as c:
        r = c.post("/v1/analyze", json={"text": "x" * 5000})
        assert "limit of 2000 bytes" in assert_problem(r, 413)["detail"]

        def chunks():  # no Content-Length: the limit is enforced while the body streams in
            for _ in range(10):
                yield b"x" * 500

        r = c.post("/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert_problem(r, 413)
        assert c.get("/v1/health").status_code == 200


def test_writes_need_the_token_on_a_non_loopback_bind(engine):
    with client_for(engine, host="0.0.0.0") as open_bind:
        r = open_bind.post("/v1/analyze", json={"text": "Le ministre a démissionné."})
        assert "token" in assert_problem(r, 403)["detail"]
        assert open_bind.get("/v1/health").json()["writes_need_token"] is True
        assert open_bind.get("/v1/sources/lists").status_code == 200  # reads stay open
    with client_for(engine, host="0.0.0.0", token="s3cret-token") as c:
        assert_problem(c.post("/v1/analyze", json={}), 401)
        r = c.post("/v1/analyze", json={}, headers={"Authorization": "Bearer wrong"})
        assert assert_problem(r, 401)
        assert r.headers["www-authenticate"].startswith("Bearer")
        # with the right token the request goes through to validation (422: it has no text)
        assert_problem(c.post("/v1/analyze", json={}, headers={"Authorization": "Bearer s3cret-token"}), 422)
        assert_problem(c.post("/v1/analyze/upload", headers={"X-Recoupe-Token": "s3cret-token"}), 422)
        upload = c.post("/v1/analyze/upload", files={"file": ("a.txt", b"hello", "text/plain")})
        assert_problem(upload, 401)
    with client_for(engine, token="loop-token") as c:  # a token given on loopback is required too
        assert_problem(c.post("/v1/analyze", json={}), 401)


def test_cross_origin_writes_and_foreign_hosts_are_refused(client, engine):
    r = client.post("/v1/analyze", json={"text": "x"}, headers={"Origin": "https://evil.example"})
    assert "cross-origin" in assert_problem(r, 403)["detail"]
    r = client.post("/v1/analyze", json={}, headers={"Origin": "null"})
    assert_problem(r, 403)
    assert_problem(client.post("/v1/analyze", json={}, headers={"Origin": LOCAL}), 422)  # same origin passes
    # DNS rebinding: a loopback server answers only to loopback host names
    assert_problem(client.get("/v1/health", headers={"Host": "evil.example"}), 400)
    assert_problem(client.get("/v1/health", headers={"Host": "127.0.0.1.evil.example:80"}), 400)
    assert client.get("/v1/health", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/v1/health", headers={"Host": "[::1]:8000"}).status_code == 200


def test_security_headers_and_no_cors_by_default(client):
    for path in ("/", "/docs", "/static/js/app.js", "/v1/health", "/v1/nowhere"):
        r = client.get(path, headers={"Origin": "https://elsewhere.example"})
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in r.headers
    pre = client.options("/v1/analyze", headers={"Origin": "https://elsewhere.example",
                                                 "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers


def test_cors_only_for_configured_origins(engine):
    with client_for(engine, cors_origins=["https://desk.example"]) as c:
        ok = c.get("/v1/health", headers={"Origin": "https://desk.example"})
        assert ok.headers["access-control-allow-origin"] == "https://desk.example"
        other = c.get("/v1/health", headers={"Origin": "https://other.example"})
        assert "access-control-allow-origin" not in other.headers


def test_shipped_ui_has_no_inline_script_no_cdn_and_no_html_sinks():
    """Static checks of every shipped asset: what the CSP would block must not be relied on, and
    the JavaScript never parses data as markup."""
    files = [p for p in STATIC.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".js", ".css"}
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), f"external asset in {path.name}"
        assert "@import" not in text and "url(http" not in text
        if path.suffix == ".html":
            for tag in re.findall(r"<script\b[^>]*>", text):
                assert "src=" in tag, f"inline script in {path.name}"
            assert not re.search(r"<script\b[^>]*>\s*[^<\s]", text), f"inline script body in {path.name}"
            assert not re.search(r"\son[a-z]+\s*=", text), f"inline event handler in {path.name}"
            assert "style=" not in text
        if path.suffix == ".js":
            for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
                assert sink not in text, f"{sink} in {path.name}"


# -- the rest of the API ----------------------------------------------------------------------------

def test_sources_lookup(client):
    r = client.get("/v1/sources/lookup", params={"q": "https://www.ft.com/content/abc"})
    assert r.status_code == 200
    found = r.json()
    assert found["domain"] == "ft.com"
    lists = {x["id"] for x in client.get("/v1/sources/lists").json()}
    assert {r["list"] for r in found["ratings"]} | set(found["unrated_by"]) == lists
    missing = assert_problem(client.get("/v1/sources/lookup", params={"q": "<img src=x onerror=alert(1)>"}), 404)
    assert "<img" in missing["detail"]  # JSON carries it as data; the UI inserts it as text
    assert_problem(client.get("/v1/sources/lookup"), 422)


def test_examples_and_health(client):
    names = [e["name"] for e in client.get("/v1/examples").json()]
    assert len(names) == len([p for p in DEMO.iterdir() if p.suffix in (".txt", ".html")])
    assert client.get(f"/v1/examples/{names[0]}").json()["content"]
    assert_problem(client.get("/v1/examples/nope.txt"), 404)
    health = client.get("/v1/health").json()
    assert health["status"] == "ok" and health["writes_need_token"] is False


def test_openapi_schema_is_complete_and_resolves(client):
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for path, method in [("/v1/analyze", "post"), ("/v1/analyze/upload", "post"), ("/v1/sources/lookup", "get"),
                         ("/v1/sources/lists", "get"), ("/v1/health", "get"), ("/v1/examples", "get"),
                         ("/v1/ingest", "post"), ("/v1/ingest/upload", "post"), ("/v1/articles", "get"),
                         ("/v1/articles/{article_id}", "get"), ("/v1/articles/{article_id}/report", "get"),
                         ("/v1/entities", "get"), ("/v1/entities/{key}", "get"), ("/v1/duplicates", "get"),
                         ("/v1/stories", "get"), ("/v1/stories/{story_id}", "get"),
                         ("/v1/stories/{story_id}/claims", "get"), ("/v1/stories/{story_id}/claimreview", "get"),
                         ("/v1/stories/update", "post"), ("/v1/graph", "get"), ("/v1/graph.{fmt}", "get"),
                         ("/v1/export", "get")]:
        assert method in paths[path], (path, method)
        op = paths[path][method]
        assert op.get("summary") and "200" in op["responses"]
    analyze = paths["/v1/analyze"]["post"]
    assert analyze["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Analysis")
    assert "application/problem+json" in analyze["responses"]["422"]["content"]
    schemas = spec["components"]["schemas"]
    assert {"Analysis", "Problem", "AnalyzeRequest", "Quote", "ChainLink", "Credibility", "Story", "Graph",
            "CorroboratedClaim", "Page_ArticleSummary_"} <= set(schemas)
    assert "in" in schemas["Span"]["properties"]  # the report's own alias, not in_
    refs = set(re.findall(r'"\$ref":\s*"#/components/schemas/([^"]+)"', client.get("/openapi.json").text))
    assert refs <= set(schemas), refs - set(schemas)
    assert all(not p.startswith("/static") for p in paths)
    ids = [op["operationId"] for ops in paths.values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    for path, ops in paths.items():  # every {param} in a path is declared as a path parameter
        for op in ops.values():
            declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert set(re.findall(r"{(\w+)}", path)) == declared, path
            assert all(r.get("description") for r in op["responses"].values())


def test_serve_command_reports_a_bad_database_in_one_line():
    from typer.testing import CliRunner

    from recoupe.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", "postgresql://desk:hunter2@127.0.0.1:1/corpus", "--port", "1"])
    assert result.exit_code == 2
    out = result.output.strip()
    assert out.startswith("error: cannot open the corpus at postgresql://desk:***@127.0.0.1:1/corpus")
    assert "hunter2" not in out and "Traceback" not in out


def test_models_warm_up_in_the_background():
    """At start-up the engine loads the models with a short article in each language; health says when."""
    engine = Engine()
    try:
        with client_for(engine, warm=True) as c:
            deadline = time.monotonic() + 180
            while not c.get("/v1/health").json()["models_loaded"]:
                assert time.monotonic() < deadline, "models not loaded after 180 s"
                time.sleep(0.2)
            assert c.get("/v1/health").json()["pending_analyses"] == 0
    finally:
        engine.close()


def test_interface_strings_exist_in_french_and_english():
    """Every string key the UI asks for is in both dictionaries, and every value of the report's
    closed vocabularies (hedge kinds, claim statuses, chain roles, genres, quote kinds, relation
    statuses) has a label in both languages."""
    from typing import get_args

    from recoupe import model

    source = (STATIC / "js" / "i18n.js").read_text(encoding="utf-8")
    en_block, fr_block = source.split("\n  fr: {", 1)
    key = re.compile(r'^\s+"([\w.]+)":', re.M)
    en, fr = set(key.findall(en_block)), set(key.findall(fr_block))
    assert en == fr, (en - fr, fr - en)
    used = set()
    for path in [p for p in (STATIC / "js").glob("*.js") if p.name != "i18n.js"] + list(STATIC.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\("([\w.]+)"\)', text))
        used |= set(re.findall(r'data-i18n="([\w.]+)"', text))
        used |= set(re.findall(r'data-i18n-attr="\w+:([\w.]+)"', text))
        for pair in re.findall(r'count\([^,]+, "([\w.]+)", "([\w.]+)"\)', text):  # singular/plural keys
            used |= set(pair)
    assert used and used <= en, sorted(used - en)
    vocabularies = {
        "hedge": model.Hedge.model_fields["kind"].annotation,
        "status": model.Claim.model_fields["status"].annotation,
        "role": model.ChainLink.model_fields["role"].annotation,
        "genre": model.Genre.model_fields["label"].annotation,
        "quote": model.Quote.model_fields["kind"].annotation,
        "relstatus": model.Relation.model_fields["status"].annotation,
    }
    for prefix, literal in vocabularies.items():
        for value in get_args(literal):
            assert f"{prefix}.{value}" in en, f"{prefix}.{value}"
