"""The corpus store on SQLite with real analyses of the bundled demo articles: ingest, re-ingest
(row counts unchanged), exact copies and near-duplicates, findings tables, regrade under a new
ratings snapshot, --reanalyze, inputs of every kind and bad input."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from recoupe.corpus import Corpus
from recoupe.corpus import store as t
from recoupe.ingest import iter_paths
from recoupe.ingest.inputs import iter_inputs

DEMO = Path(str(resources.files("recoupe.resources").joinpath("demo")))
VERDALYS = (DEMO / "01_verdalys_fr.txt").read_text(encoding="utf-8")
HARBOR = (DEMO / "02_harbor_en.html").read_text(encoding="utf-8")
TRIBUNE = (DEMO / "03_tribune_fr.txt").read_text(encoding="utf-8")


def _harbor_copy() -> str:
    """What an aggregator does with a wire story: the first paragraphs, its own furniture."""
    import re

    paragraphs = re.findall(r"<p>(.*?)</p>", HARBOR, flags=re.S)[:4]
    return "\n\n".join(["Harborline Shipping to cut 900 jobs", "Share on Facebook", *paragraphs,
                        "Subscribe to our newsletter"])


def _records() -> list[dict]:
    return [
        {"text": VERDALYS, "url": "https://www.journal-des-faits.example/verdalys?utm_source=feed"},
        {"text": VERDALYS, "url": "https://relay.example/verdalys-copie"},  # exact copy elsewhere
        {"html": HARBOR, "url": "https://www.exampleledger-demo.com/harbor", "date": "2026-03-14"},
        {"text": _harbor_copy(), "url": "https://aggregator.example/harbor", "date": "2026-03-15"},
        {"text": TRIBUNE, "url": "https://tribune.example/trottinettes"},
    ]


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "inputs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, corpus_file):
    db = tmp_path_factory.mktemp("db") / "corpus.db"
    c = Corpus(f"sqlite:///{db}")
    c.first_stats = c.ingest(iter_paths([str(corpus_file)]))
    yield c
    c.close()


def _rows(c: Corpus) -> dict:
    return {k: v for k, v in c.stats().items() if k != "runs"}


def test_ingest_stores_every_article_once(corpus):
    s = corpus.first_stats
    assert (s.added, s.copied, s.failed) == (4, 1, 0)
    assert corpus.count() == 5
    rows = _rows(corpus)
    assert rows["inputs"] == 5 and rows["judgements"] == 5
    with corpus.session() as s:
        assert s.scalar(select(t.Article.content_hash).where(t.Article.exact_of.is_not(None))) is not None
        journal = s.scalars(select(t.Article).where(t.Article.domain == "journal-des-faits.example")).one()
        assert journal.canonical_url == "https://www.journal-des-faits.example/verdalys"  # tracking dropped
        # the findings tables hold exactly what the stored findings report holds
        for a in s.scalars(select(t.Article)):
            f = a.findings
            assert f["credibility"] is None and f["signals"] == [] and f["publisher"]["ratings"] == []
            for model, key in ((t.Entity, "entities"), (t.Quote, "quotes"), (t.Hedge, "hedges"), (t.Claim, "claims"),
                               (t.ChainLink, "source_chain")):
                n = s.scalar(select(__import__("sqlalchemy").func.count()).select_from(model)
                             .where(model.article_id == a.id))
                assert n == len(f[key]), (a.id, key)


def test_reingest_adds_nothing(corpus, corpus_file):
    before = corpus.stats()
    again = corpus.ingest(iter_paths([str(corpus_file)]))
    assert (again.added, again.copied, again.known, again.failed) == (0, 0, 5, 0)
    assert corpus.stats() == before  # not even a row in `runs`


def test_exact_copy_and_syndication_groups(corpus):
    groups = corpus.duplicate_groups()
    assert len(groups) == 2
    by_domain = {m["domain"]: (g, m) for g in groups for m in g["members"]}
    g, relay = by_domain["relay.example"]
    assert relay["relation"] == "syndication" and relay["containment"] == 1.0
    g, copy = by_domain["aggregator.example"]
    origin = by_domain["exampleledger-demo.com"][1]
    assert origin["relation"] == "origin" and copy["relation"] == "syndication"
    assert g["origin"] == origin["article_id"] and g["origin_reason"] in ("wire credit", "earliest date")
    assert 0.5 <= copy["containment"] < 1.0 and copy["jaccard"] < copy["containment"]
    assert corpus.group_of(copy["article_id"])["id"] == g["id"]


def test_listing_filters_and_findings_queries(corpus):
    fr = corpus.articles(language="fr")
    assert {a["language"] for a in fr} == {"fr"} and len(fr) == 3
    ledger = corpus.articles(outlet="exampleledger-demo.com")
    assert len(ledger) == 1 and ledger[0]["date"].startswith("2026-03-14")
    assert [a["domain"] for a in corpus.articles(since="2026-03-15")] == ["aggregator.example"]
    assert len(corpus.articles(until="2026-03")) == 2
    grades = {a["grade"] for a in corpus.articles()}
    assert grades and None not in grades
    g = next(iter(grades))
    assert all(a["grade"] == g for a in corpus.articles(grade=g))
    aid = ledger[0]["id"]
    assert corpus.resolve(aid[:8]) == aid
    reuters = corpus.entities(name="Reuters")
    assert reuters and all(e["key"].endswith("reuters") for e in reuters)
    assert any(i["key"] == reuters[0]["key"] and i["articles"] >= 2 for i in corpus.entity_index())
    quotes = corpus.quotes(article=aid)
    assert any(q["speaker"] and "Reyes" in q["speaker"] for q in quotes)
    money = [c for c in corpus.claims(article=aid) if any(n["currency"] == "USD" for n in c["numbers"])]
    assert money and corpus.claims(value=money[0]["numbers"][0]["value"])
    report = corpus.report(aid)
    assert report.credibility is not None and report.body.startswith(corpus.article(aid)["body"][:40])


def test_regrade_under_new_ratings(corpus, tmp_path):
    from recoupe.sources.ratings import default_ratings
    from recoupe.sources.registry import import_list

    assert corpus.regrade()["judged"] == 0  # every article already judged under the current snapshot
    old_id = default_ratings().id
    user_list = tmp_path / "mylist.csv"
    user_list.write_text("domain,score,label\nexampleledger-demo.com,0.05,fabricates\n", encoding="utf-8")
    written = import_list(user_list, "csv", "corpus-test-list")
    default_ratings.cache_clear()
    try:
        from recoupe.corpus import engine

        assert engine.ratings_id() != old_id
        result = corpus.regrade()
        assert result["judged"] == 5
        aid = corpus.articles(outlet="exampleledger-demo.com")[0]["id"]
        judged = corpus.judgement(aid)
        assert any(r["list"] == "corpus-test-list" for r in judged["publisher"]["ratings"])
        assert corpus.judgement(aid, old_id)["ratings_id"] == old_id  # the old judgement is kept
        assert {j["ratings_id"] for j in corpus.article(aid)["judgements"]} == {old_id, engine.ratings_id()}
        assert corpus.regrade()["judged"] == 0
    finally:
        Path(written).unlink()
        default_ratings.cache_clear()


def test_reanalyze_replaces_reports_of_an_older_analyser(corpus, corpus_file):
    aid = corpus.articles(outlet="tribune.example")[0]["id"]
    with corpus.session() as s, s.begin():  # as if an older release had written it
        s.execute(update(t.Article).where(t.Article.id == aid).values(analyzer="older"))
    before = _rows(corpus)
    plain = corpus.ingest(iter_paths([str(corpus_file)]))
    assert plain.added == 0 and _rows(corpus) == before
    with corpus.session() as s:
        assert s.get(t.Article, aid).analyzer == "older"
    redo = corpus.ingest(iter_paths([str(corpus_file)]), reanalyze=True)
    assert redo.added == 1 and redo.known == 4
    with corpus.session() as s:
        assert s.get(t.Article, aid).analyzer != "older"
    after = _rows(corpus)
    # judgements of the replaced findings go with them (the article is judged once, afresh)
    assert [j["current"] for j in corpus.article(aid)["judgements"]] == [True]
    assert {k: v for k, v in after.items() if k != "judgements"} == {k: v for k, v in before.items() if k != "judgements"}


def _warc(path: Path, pages: list[tuple[str, str]], truncate: bool = False) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - 200] if truncate else data)
    return path


def test_warc_feed_and_bad_inputs(tmp_path):
    html2 = HARBOR.replace("900 jobs", "1,200 jobs").replace("Tom Reyes", "Ana Ruiz")
    warc = _warc(tmp_path / "crawl.warc.gz", [("https://www.exampleledger-demo.com/harbor", HARBOR),
                                              ("https://other.example/harbor-2", html2)])
    broken = _warc(tmp_path / "broken.warc.gz", [("https://a.example/1", HARBOR), ("https://a.example/2", html2)],
                   truncate=True)
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Le Journal</title>"
        "<item><title>Verdalys</title><link>https://journal.example/verdalys</link>"
        "<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description><![CDATA["
        + "".join(f"<p>{p}</p>" for p in VERDALYS.split("\n\n")) + "]]></description></item></channel></rss>",
        encoding="utf-8")
    fake_feed = tmp_path / "not-a-feed.xml"
    fake_feed.write_text("<html><body><p>Just a page</p></body></html>", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    items = list(iter_inputs([str(warc), str(broken), str(feed), str(fake_feed), str(empty),
                              str(tmp_path / "vanished.txt"), "http://10.0.0.1/", "http://127.0.0.1:1/"]))
    failed = {getattr(i, "source", None): i.error for i in items if hasattr(i, "error")}
    docs = [i for i in items if not hasattr(i, "error")]
    assert [d.url for d in docs[:2]] == ["https://www.exampleledger-demo.com/harbor", "https://other.example/harbor-2"]
    assert docs[0].hints["crawled"].startswith("20")
    assert any("broken WARC" in e for e in failed.values())
    assert any(d.url == "https://journal.example/verdalys" and d.hints["date"].startswith("2026-03-02") for d in docs)
    assert "not a feed (an HTML page)" in failed[str(fake_feed)]
    assert "empty" in failed[str(empty)] and "no such file" in failed[str(tmp_path / "vanished.txt")]
    assert "private" in failed["http://10.0.0.1/"] and "loopback" in failed["http://127.0.0.1:1/"]

    c = Corpus(f"sqlite:///{tmp_path / 'c.db'}")
    stats = c.ingest(iter(items))
    assert stats.failed == len(failed) and stats.added + stats.copied + stats.known == len(docs)
    stored = {f["source"] for f in c.failures()}
    assert set(failed) <= stored
    assert c.articles(outlet="other.example")[0]["date"]  # the capture date stands in
    c.close()


def test_cli_listing_formats(corpus):
    from recoupe.cli import app

    runner = CliRunner()
    out = runner.invoke(app, ["articles", "--db", corpus.url, "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert len(rows) == 5 and {"id", "url", "domain", "language", "title", "date", "grade"} <= set(rows[0])
    out = runner.invoke(app, ["articles", "--db", corpus.url, "--format", "jsonl", "--lang", "en"])
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert lines and all(r["language"] == "en" for r in lines)
    out = runner.invoke(app, ["articles", "--db", corpus.url])
    assert out.exit_code == 0 and "Harborline" in out.stdout
    out = runner.invoke(app, ["show", rows[0]["id"][:10], "--db", corpus.url, "--format", "json"])
    shown = json.loads(out.stdout)
    assert shown["id"] == rows[0]["id"] and shown["report"]["credibility"]["grade"]
    out = runner.invoke(app, ["show", "ffffffffff", "--db", corpus.url])
    assert out.exit_code == 1
    out = runner.invoke(app, ["duplicates", "--db", corpus.url, "--format", "json"])
    assert len(json.loads(out.stdout)) == 2
    out = runner.invoke(app, ["db", "upgrade", "--db", corpus.url])
    from recoupe.corpus.migrate import head

    assert out.exit_code == 0 and f"{head()} -> {head()}" in out.output  # already at the newest revision


def test_hostile_text_is_escaped(tmp_path):
    from recoupe.cli.corpus import _safe

    assert _safe("[bold red]x[/] \x1b[31mred\x07") == "\\[bold red]x\\[/]  [31mred "


def test_jsonl_streams_past_an_oversized_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": VERDALYS, "url": "https://a.example/1"}) + "\n")
        fh.write(json.dumps({"text": "x" * (30 * 1024 * 1024)}) + "\n")  # a 30 MB line
        fh.write("{not json\n")
        fh.write(json.dumps({"html": HARBOR}) + "\n")
    items = list(iter_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failed", "Failed", "RawDocument"]
    assert items[1].source.endswith(":2") and "too large" in items[1].error
    assert items[3].html == HARBOR


def test_add_an_analysed_report(corpus, tmp_path):
    aid = corpus.articles(outlet="tribune.example")[0]["id"]
    report = corpus.report(aid)
    other = Corpus(f"sqlite:///{tmp_path / 'other.db'}")
    assert other.add(report) == aid  # same body and canonical URL: same id
    assert other.add(report) == aid and other.count() == 1
    assert other.findings(aid)["entities"] == corpus.findings(aid)["entities"]
    assert other.judgement(aid)["credibility"]["grade"] == corpus.judgement(aid)["credibility"]["grade"]
    other.close()


def test_progress_total_known_only_for_plain_files(tmp_path, corpus_file):
    from recoupe.cli.corpus import _expected

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.html").write_text("x", encoding="utf-8")
    assert _expected([str(tmp_path)], None, None) == 2
    assert _expected([str(corpus_file)], None, None) is None
    assert _expected(["-"], None, None) is None
    assert _expected([str(tmp_path)], None, ["feed.rss"]) is None
