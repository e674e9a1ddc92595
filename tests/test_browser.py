"""The UI in a real browser: Debian's chromium driven by Playwright, against a real uvicorn server
on a free loopback port with the real models. Screenshots go to tests/artifacts/screenshots/ for a
person to look at. Skipped with a reason when chromium or Playwright is absent (CI installs them)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).parent / "artifacts" / "screenshots"
DEMO = Path(__file__).resolve().parents[1] / "src" / "recoupe" / "resources" / "demo"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium absent: install Debian's chromium (.ci/run does) to run the browser tests",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def engine():
    """One analysis engine (one set of models) for every server of this module."""
    from recoupe.service.engine import Engine

    e = Engine()
    yield e
    e.close()


def _serve(app, port):
    import uvicorn

    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    return srv, thread


@pytest.fixture(scope="module")
def server(tmp_path_factory, engine):
    """uvicorn in a thread of this process, serving the real app on 127.0.0.1:<free port>, with an
    empty corpus in a temporary SQLite file."""
    from recoupe.service import ServiceSettings, create_app

    port = _free_port()
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    srv, thread = _serve(create_app(ServiceSettings(host="127.0.0.1", port=port, db=f"sqlite:///{db}"), engine=engine),
                         port)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=20)


@pytest.fixture(scope="module")
def token_server(engine):
    """The same app started with a token: the UI must ask for it."""
    from recoupe.service import ServiceSettings, create_app

    port = _free_port()
    srv, thread = _serve(create_app(ServiceSettings(host="127.0.0.1", port=port, token="desk-token", corpus=False),
                                    engine=engine), port)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request leaving the server's origin, console errors and dialogs."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    page = context.new_page()
    page.foreign_requests = []
    page.dialogs = []
    page.console_errors = []
    page.on("request", lambda r: None if r.url.startswith((server, "data:")) else page.foreign_requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.set_default_timeout(120_000)  # the first analysis loads the models
    yield page
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def analyse(page, server, text: str) -> None:
    page.goto(server + "/#/analyze")
    page.fill("#text", text)
    page.click("#analyze-submit")
    page.wait_for_selector("#report-title")


def test_paste_demo_article_choose_a_quote(page, server):
    """Paste a demo article -> quotes highlighted in the text -> choose one -> speaker and cue shown,
    its span selected and scrolled into view."""
    text = (DEMO / "01_verdalys_fr.txt").read_text(encoding="utf-8")
    analyse(page, server, text)
    assert page.locator("#article-body .q").count() > 0, "no quote highlighted in the text"
    assert page.locator("#furniture li").count() > 0, "the furniture is not shown apart"
    shot(page, "01_article_report")
    direct = page.locator("button.finding.q").filter(has_text="Lefèvre").first
    direct.click()
    detail = page.locator("#detail")
    assert "Lefèvre" in detail.locator("[data-row='Speaker'] dd").inner_text()
    cue = detail.locator("[data-row='Cue'] dd").inner_text()
    assert cue and cue != "—"
    assert detail.locator("[data-row='Produced by'] dd").inner_text().startswith("rule:")
    selected = page.locator("#article-body .sel")
    assert selected.count() > 0
    assert selected.first.is_visible()
    sync_api.expect(selected.first).to_be_in_viewport(timeout=5000)  # scrolled to (smoothly)
    assert cue in page.locator("#article-body .sel.cue").first.inner_text()
    shot(page, "02_quote_chosen")
    # the chain and the ratings side by side, the grade with its reasons and unknowns
    assert page.locator(".chain-flow .outlet").count() >= 2
    assert page.locator("table.ratings tbody tr").count() >= 2
    assert page.locator(".grade").inner_text().strip()
    assert page.locator(".reasons li").count() > 0
    page.locator(".chain").scroll_into_view_if_needed()
    shot(page, "03_chain_and_credibility")
    assert page.foreign_requests == [], f"the page reached outside the server: {page.foreign_requests}"
    assert page.console_errors == []


def test_keyboard_and_french_interface(page, server):
    """Everything reachable from the keyboard; the interface switches to French and keeps the report."""
    text = (DEMO / "02_harbor_en.html").read_text(encoding="utf-8")
    analyse(page, server, text)
    first = page.locator("button.finding").first
    first.focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("aria-pressed") == "true"
    assert page.locator("#report .sel").count() > 0
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.locator("button.finding[aria-pressed='true']").count() == 1
    page.click("#lang-switch")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.locator("#findings-heading").inner_text() == "Indices"
    assert page.locator("#analyze-submit").inner_text() == "Analyser"
    assert page.locator("#report-title").inner_text().startswith("Harborline")
    # every form control has a label
    unlabelled = page.evaluate("""[...document.querySelectorAll('input, select, textarea')]
        .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
        .map(e => e.id || e.name)""")
    assert unlabelled == []
    shot(page, "04_french_interface")


HOSTILE_TITLE = '<script>window.__pwned = "title"</script>Le maire <img src=x onerror="window.__pwned=\'img\'"> démissionne'
HOSTILE = f"""{HOSTILE_TITLE}

« <img src=x onerror="window.__pwned='quote'">Nous n'avons rien à cacher <script>window.__pwned='q2'</script> », a déclaré Jean Dupont, le maire de Villeneuve, mardi.

Selon <a href="javascript:window.__pwned='link'">l'Agence <b onmouseover="window.__pwned='b'">Hostile</b></a>, le conseil municipal aurait voté contre le budget. <svg onload="window.__pwned='svg'"></svg> Les comptes de la ville ne seraient pas équilibrés.

Le budget de 12 millions d'euros a été rejeté par 23 voix contre 10, selon le procès-verbal de la séance.

Sources : <img src=x onerror="window.__pwned='chain'">Le Courrier Hostile via Reuters – Traduit par <script>window.__pwned='tr'</script>La Gazette
"""


def test_hostile_article_stays_inert(page, server):
    """Markup and scripts in the title, body, quote and outlet name are shown as text, never run."""
    page.goto(server + "/#/analyze")
    page.fill("#text", HOSTILE)
    page.fill("#url", "javascript:alert(document.domain)")
    page.click("#analyze-submit")
    page.wait_for_selector("#report-title, #analyze-status .error")
    if page.locator("#report-title").count() == 0:  # the javascript: address must be refused as a URL, not run
        page.fill("#url", "")
        page.click("#analyze-submit")
        page.wait_for_selector("#report-title")
    # also through the API with a hostile outlet name and a javascript: url as metadata
    report = page.evaluate("""async (text) => {
        const r = await fetch('/v1/analyze', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({text, url: 'javascript:window.__pwned=1//', publisher: '<img src=x onerror="window.__pwned=\\'outlet\\'">'})});
        return await r.json(); }""", HOSTILE)
    assert report["publisher"]["name"].startswith("<img")
    page.evaluate("""(report) => import('/static/js/article.js').then(m => {
        const root = document.getElementById('report'); new m.ArticleView(root, {lists: []}).render(report); })""", report)
    page.wait_for_timeout(500)
    for b in page.locator("button.finding").all():
        b.click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    assert page.locator("#report script, #report img, #report svg, #report b, #report a[href^='javascript']").count() == 0
    assert "<script>" in page.locator("#report-title").inner_text()
    body = page.locator("#article-body").inner_text()
    assert "onerror=" in body and "javascript:" in body
    assert "<img" in page.locator(".report-head .meta").inner_text()
    chain = page.locator(".chain-flow").inner_text()
    assert "<img" in chain and "Courrier Hostile" in chain  # outlet names from the source chain, as text
    assert page.locator("#report a").count() == 0  # a javascript: address is not made a link
    shot(page, "05_hostile_article")
    assert page.foreign_requests == []


def test_api_page_without_cdn(page, server):
    page.goto(server + "/docs")
    page.wait_for_selector("details.op")
    assert page.locator("details.op .path", has_text="/v1/analyze").count() >= 1
    assert page.locator("#schema-Analysis").count() == 1
    assert page.foreign_requests == [], page.foreign_requests
    shot(page, "06_api_docs")


def test_sources_lookup_page(page, server):
    page.goto(server + "/#/sources")
    page.fill("#sources-q", "ft.com")
    page.click("#sources-form button[type=submit]")
    page.wait_for_selector("#sources-result table")
    assert page.locator("#sources-result tbody tr").count() >= 2
    page.fill("#sources-q", '<img src=x onerror="window.__pwned=1">')
    page.click("#sources-form button[type=submit]")
    page.wait_for_selector("#sources-status .error")
    assert "<img" in page.locator("#sources-status").inner_text()
    assert page.evaluate("window.__pwned") is None
    shot(page, "07_sources")


def test_corpus_ingest_examples_list_and_open_an_article(page, server):
    """Add the demo set from the articles page -> filter the list -> open an article -> its evidence;
    an entity page lists the articles naming it."""
    page.goto(server + "/#/articles")
    page.locator("details.ingest summary").click()
    page.click("#ingest-examples")
    page.wait_for_selector("details.ingest .status:has-text('Added to the corpus')")
    page.wait_for_selector("table.articles tbody tr")
    assert page.locator("table.articles tbody tr").count() == 3
    assert page.locator("nav a[data-view='articles']").is_visible()
    shot(page, "08_corpus_articles")
    page.select_option("#filter-language", "en")
    page.click("form.filters button[type=submit]")
    page.wait_for_function("location.hash.includes('language=en')")
    page.wait_for_selector("table.articles tbody tr")
    assert page.locator("table.articles tbody tr").count() == 1
    page.locator("table.articles tbody a").first.click()
    page.wait_for_selector("#report-title")
    assert "Harborline" in page.locator("#report-title").inner_text()
    assert page.locator("#article-body .q").count() > 0
    shot(page, "09_corpus_article")
    page.goto(server + "/#/entities")
    page.wait_for_selector("#view-corpus table tbody a")
    page.locator("#view-corpus table tbody a").first.click()
    page.wait_for_selector("#view-corpus h2")
    assert page.locator("#view-corpus ul li a").count() >= 1
    shot(page, "10_entity")
    assert page.foreign_requests == [] and page.console_errors == []


def test_token_asked_for_when_the_server_has_one(browser, token_server):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(token_server + "/#/analyze")
        page.wait_for_selector(".token-field:not([hidden])")
        page.fill("#text", (DEMO / "03_tribune_fr.txt").read_text(encoding="utf-8"))
        page.click("#analyze-submit")
        page.wait_for_selector("#analyze-status .error")
        assert "token" in page.locator("#analyze-status").inner_text()
        page.fill("#token", "desk-token")
        page.click("#analyze-submit")
        page.wait_for_selector("#report-title")
        assert page.locator("#report-title").inner_text().startswith("Les trottinettes")
    finally:
        context.close()
