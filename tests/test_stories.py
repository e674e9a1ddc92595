"""Stories, corroboration by independent origin, the relation graph and exports: written records
first (no store), then the seeds and demo articles ingested into a real SQLite corpus."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import need_shared
from recoupe.corpus import export as ex
from recoupe.corpus.corroboration import corroborate, origin_groups
from recoupe.corpus.graph import build_graph
from recoupe.corpus.records import ArticleRecord, profiles_of
from recoupe.corpus.stories import StoryIndex

T0 = datetime(2026, 3, 1, tzinfo=timezone.utc)
STRIKE = ("Dock workers in Rotterdam voted on Monday to end a 12-day strike that had halted container traffic. "
          "The union said members accepted a 4.5 percent wage increase over two years.")
STRIKE_FR = ("Les dockers de Rotterdam ont voté lundi la fin d'une grève de 12 jours qui avait bloqué le trafic de "
             "conteneurs. Le syndicat a indiqué que ses membres avaient accepté une hausse de salaire de 4,5 % sur deux ans.")
HEAT = ("Temperatures reached 44 degrees in Madrid on Sunday, a record for June. "
        "Authorities opened cooling centres and asked residents to avoid going out at midday.")


def record(aid, body, lang="en", days=0, domain=None, chain=(), group=None, claims=(), relations=(), entities=()):
    return ArticleRecord(id=aid, url=f"https://{domain or aid}.example/{aid}", domain=domain, publisher=domain,
                         language=lang, title=body.split(".")[0], date=T0 + timedelta(days=days), body=body,
                         entities=list(entities), claims=list(claims), chain=list(chain), relations=list(relations),
                         duplicate_group=group)


def test_incremental_stories_join_or_start():
    recs = [record("a", STRIKE), record("b", HEAT), record("c", STRIKE_FR, lang="fr", days=1),
            record("d", STRIKE, days=30)]  # same text a month later: outside the window, a new story
    profs = profiles_of(recs)
    index = StoryIndex()
    got = [index.assign(r.id, p, language=r.language, title=r.title) for r, p in zip(recs, profs)]
    assert got[0][0] == got[2][0] != got[1][0]
    assert got[3][0] not in (got[0][0], got[1][0])
    strike = index.story(got[0][0])
    assert strike.members == ["a", "c"] and set(strike.languages) == {"en", "fr"}
    assert index.assign("a", profs[0]) == (got[0][0], 1.0)  # already placed: nothing moves
    # rebuilding from stored assignments gives the same stories without comparing anything
    rebuilt = StoryIndex()
    for r, p, (sid, score) in zip(recs, profs, got):
        rebuilt.restore(sid, r.title, r.id, p, [], r.language, score)
    assert rebuilt.story(got[0][0]).members == ["a", "c"]


def test_relays_of_one_origin_count_once():
    hedge = {"role": "origin", "name": "ZeroHedge", "domain": "zerohedge.com"}
    recs = [record(f"r{i}", STRIKE + f" Relay {i}.", domain=f"relay{i}.net", chain=[hedge], days=i) for i in range(5)]
    recs.append(record("own", HEAT, domain="independent.org"))
    recs.append(record("copy", HEAT + " (copy)", domain="mirror.org", group=7))
    recs[-2].duplicate_group = 7
    origins = origin_groups(recs)
    assert len(origins) == 2
    zh = next(o for o in origins if o.name == "ZeroHedge")
    assert sorted(zh.articles) == [f"r{i}" for i in range(5)] and len(zh.relays) == 5
    other = next(o for o in origins if o is not zh)
    assert sorted(other.articles) == ["copy", "own"] and "duplicate" in other.reason


def test_undated_translation_names_its_source_when_the_text_says_so():
    """Without dates, the translation's own notice decides which article is the origin; when nothing
    tells, the two count once and the reason says the direction is unknown."""
    source = record("b-source", STRIKE, domain="wire.com")
    translated = record("a-translated", STRIKE_FR + " Article traduit de l'anglais.", lang="fr", domain="journal.fr")
    for r in (source, translated):
        r.date = None
    recs = [translated, source]  # the translation first in id order: only the notice can put the source first
    profs = dict(zip([r.id for r in recs], profiles_of(recs)))
    [origin] = origin_groups(recs, profs)
    assert origin.articles == ["b-source", "a-translated"] and origin.domain == "wire.com"
    assert origin.reason == "translation"
    plain = record("a-translated", STRIKE_FR, lang="fr", domain="journal.fr")
    plain.date = None
    recs = [plain, source]
    profs = dict(zip([r.id for r in recs], profiles_of(recs)))
    [origin] = origin_groups(recs, profs)
    assert sorted(origin.articles) == ["a-translated", "b-source"] and "direction unknown" in origin.reason


def test_translation_counts_once_and_claims_corroborate():
    c_en = {"text": "Dock workers accepted a 4.5 percent wage increase.", "score": 0.9, "status": "asserted",
            "entities": ["Rotterdam"], "quantities": [{"kind": "percent", "value": 4.5, "text": "4.5 percent"}]}
    c_fr = {"text": "Les dockers ont accepté une hausse de salaire de 4,5 %.", "score": 0.8, "status": "asserted",
            "entities": ["Rotterdam"], "quantities": [{"kind": "percent", "value": 4.5, "text": "4,5 %"}]}
    c_other = {"text": "Dockers accepted a 6 percent raise, the union said.", "score": 0.7, "status": "disputed",
               "entities": [], "quantities": [{"kind": "percent", "value": 6.0, "text": "6 percent"}]}
    recs = [record("en", STRIKE, domain="wire.com", claims=[c_en]),
            record("fr", STRIKE_FR, lang="fr", domain="journal.fr", days=1, claims=[c_fr]),
            record("x", "The Rotterdam port is moving again. Employers say the deal was too generous and warn of "
                   "higher costs for shippers.", domain="other.com", days=2, claims=[c_other])]
    profs = dict(zip([r.id for r in recs], profiles_of(recs)))
    origins = origin_groups(recs, profs)
    assert any(sorted(o.articles) == ["en", "fr"] and "translation" in o.reason for o in origins)
    claims = corroborate(recs, profs)
    wage = next(c for c in claims if "en" in c["articles"])
    assert "fr" in wage["articles"]  # matched across languages, confirmed by the shared number
    assert wage["first_appearance"]["article"] == "en"
    if "x" in wage["articles"]:
        assert wage["conflicting_numbers"] and wage["denials"]


def test_claims_in_one_language_matched_by_the_claim_matcher():
    from recoupe import vectors
    from recoupe.corpus.corroboration import matched_pairs

    claims = [("a", {"text": "Dock workers in Rotterdam accepted a 4.5 percent wage increase over two years."}),
              ("a", {"text": "The strike had halted container traffic for twelve days."}),
              ("b", {"text": "Rotterdam's dock workers have accepted a wage increase of 4.5 percent over two years."}),
              ("b", {"text": "Temperatures reached 44 degrees in Madrid on Sunday, a record for June."}),
              ("c", {"text": "Dock workers in Rotterdam accepted a 4.5 percent wage increase over two years."})]
    langs = {"a": "en", "b": "en", "c": "en"}
    got = matched_pairs(claims, langs, vectors.encode)
    assert (0, 2) in got  # a paraphrase in another article, confirmed by the re-ranker
    assert (0, 4) in got and (2, 4) in got  # the same text in a third article
    assert not any(3 in p for p in got)  # the heat wave matches nothing
    assert (0, 1) not in got  # never two claims of one article


def test_claim_index_excludes_candidates():
    from recoupe.corpus import claimmatch as cm

    index = cm.ClaimIndex(["a", "b", "c"], ["The Eiffel Tower will be demolished in 2025.",
                                             "Paris plans to tear down the Eiffel Tower next year.",
                                             "Drinking hot water cures the flu."])
    cand, X = index.features("The Eiffel Tower will be demolished in 2025.")
    assert 0 in cand
    cand, X = index.features("The Eiffel Tower will be demolished in 2025.", exclude=[0])
    assert 0 not in cand and set(cand) == {1, 2}
    best = int(np.argmax(X[:, cm.FEATURES.index("cos_max")]))
    assert cand[best] == 1 and X[best, cm.FEATURES.index("cos_max_minus_best")] == 0.0  # the best is the best left
    assert len(index.features("anything", exclude=[0, 1, 2])[0]) == 0


def test_graph_merges_surnames_and_counts_origins():
    ents = [{"key": "PER:mark zuckerberg", "canonical": "Mark Zuckerberg", "label": "PER"},
            {"key": "ORG:facebook", "canonical": "Facebook", "label": "ORG"}]
    rel = lambda s, aid: {"subject": s, "subject_label": "PER", "predicate": "ceo_of", "object": "Facebook",  # noqa: E731
                          "object_label": "ORG", "status": "asserted", "producer": "rule:relations.role:ceo_of",
                          "evidence": {"text": f"{s}, PDG de Facebook", "start": 0, "end": 10},
                          "sentence": {"start": 0, "end": 20}}
    recs = [record("a", STRIKE, entities=ents, relations=[rel("Mark Zuckerberg", "a")]),
            record("b", HEAT, entities=ents[1:], relations=[rel("Zuckerberg", "b")])]
    g = build_graph(recs, {"a": 0, "b": 0})
    assert len(g.edges) == 1 and g.edges[0]["source"] == "PER:mark zuckerberg"
    assert g.edges[0]["articles"] == ["a", "b"] and g.edges[0]["independent_origins"] == 1
    assert build_graph(recs).edges[0]["independent_origins"] == 2  # no origin map: each article its own

    gexf, graphml = ex.to_gexf(g), ex.to_graphml(g)
    ex.validate_gexf(gexf)
    ex.validate_graphml(graphml)
    broken = gexf.replace('source="n0"', 'source="n99"')
    with pytest.raises(ex.InvalidDocument):
        ex.validate_gexf(broken)
    with pytest.raises(ex.InvalidDocument):
        ex.validate_graphml(graphml.replace('attr.type="int"', 'attr.type="integer"'))
    with pytest.raises(ex.InvalidDocument):
        ex.validate_gexf(gexf.replace("<nodes>", "<edges/><nodes>", 1))


def test_hostile_text_stays_valid_xml():
    ents = [{"key": "PER:x", "canonical": "X <script>&\x01", "label": "PER"}]
    recs = [record("a", STRIKE, entities=ents)]
    g = build_graph(recs)
    ex.validate_gexf(ex.to_gexf(g))
    ex.validate_graphml(ex.to_graphml(g))
    assert "<script>" not in ex.to_gexf(g)


def test_claimreview_never_invents_a_rating():
    recs = {"a": record("a", STRIKE, domain="wire.com")}
    claim = {"claim": "Dock workers accepted a 4.5 percent wage increase.", "articles": ["a"],
             "first_appearance": {"article": "a"}}
    doc = ex.claimreview(claim, recs, {"name": "Desk"})
    assert doc["@type"] == "ClaimReview" and "reviewRating" not in doc
    assert doc["itemReviewed"]["@type"] == "Claim" and doc["itemReviewed"]["firstAppearance"]["url"].endswith("/a")
    with pytest.raises(ValueError):
        ex.claimreview(claim, recs, {})


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The two seeds and the demo articles ingested into a SQLite corpus."""
    need_shared("seeds", "expected.json")
    from importlib import resources
    from pathlib import Path

    from recoupe.cli import app

    db = str(tmp_path_factory.mktemp("corpus") / "c.db")
    demo = Path(str(resources.files("recoupe.resources").joinpath("demo")))
    paths = sorted(str(p) for p in need_shared("seeds").glob("0*.txt")) + \
        sorted(str(p) for p in demo.glob("*.*") if p.suffix in (".txt", ".html"))
    result = CliRunner().invoke(app, ["ingest", *paths, "--db", db])
    assert result.exit_code == 0, result.output
    return db


def test_seeds_across(seeded, expected):
    from recoupe.cli import app
    from recoupe.corpus import Corpus
    from recoupe.corpus import crosscheck as cc

    runner = CliRunner()
    listing = runner.invoke(app, ["stories", "--db", seeded, "--format", "json"])
    assert listing.exit_code == 0, listing.output
    stories = json.loads(listing.output[listing.output.index("["):])
    corpus = Corpus(seeded)
    recs = cc.records(corpus)
    seeds = [r for r in recs if "Zuckerberg" in r.body]
    assert len(seeds) == 2
    # shared entities by cross-article key
    keys = [set(e["canonical"] for e in r.entities) for r in seeds]
    assert set(expected["across"]["shared_entities"]) <= keys[0] & keys[1]
    # different stories (same people, different event: each title names someone the other never
    # mentions, Pete Buttigieg and Donald Trump; recoupe.corpus.similarity.names_apart)
    story_of = {a["id"]: st["id"] for st in stories for a in cc.story(corpus, st["id"])["articles"]}
    assert (story_of[seeds[0].id] == story_of[seeds[1].id]) is expected["across"]["same_story"]
    # their independent origins
    origins = origin_groups(seeds, None)
    assert sorted(o.name for o in origins) == sorted(expected["across"]["independent_origins"])
    # every story has the fields the issue names, and a story JSON from the CLI too
    sid = stories[0]["id"]
    shown = runner.invoke(app, ["story", sid, "--db", seeded, "--format", "json"])
    s = json.loads(shown.output)
    assert {"id", "title", "languages", "articles", "origins"} <= set(s)
    assert all({"id", "url", "outlet"} <= set(a) for a in s["articles"])
    assert all({"name", "domain"} <= set(o) for o in s["origins"])


def test_graph_and_exports_from_the_store(seeded, tmp_path):
    from recoupe.cli import app

    runner = CliRunner()
    g = runner.invoke(app, ["graph", "--db", seeded, "--format", "json"])
    edges = json.loads(g.output)
    ceo = [e for e in edges if e["predicate"] == "ceo_of" and e["source_name"] == "Mark Zuckerberg"]
    assert ceo and ceo[0]["independent_origins"] == 2  # both seeds, two origins (Bloomberg, BuzzFeed News)
    for fmt in ("gexf", "graphml", "json"):
        out = tmp_path / f"g.{fmt}"
        r = runner.invoke(app, ["export", "--format", fmt, "--output", str(out), "--db", seeded])
        assert r.exit_code == 0, r.output
    ex.validate_gexf((tmp_path / "g.gexf").read_text(encoding="utf-8"))
    ex.validate_graphml((tmp_path / "g.graphml").read_text(encoding="utf-8"))
    r = runner.invoke(app, ["export", "--format", "csv", "--output", str(tmp_path / "csv"), "--db", seeded])
    assert r.exit_code == 0
    assert (tmp_path / "csv" / "relations.csv").read_text(encoding="utf-8").count("\n") >= 11
    bad = runner.invoke(app, ["story", "zzzzzz", "--db", seeded])
    assert bad.exit_code == 1 and "no story" in bad.output


EN_ARTICLE = """Rotterdam dockers end 12-day strike

Dock workers in Rotterdam voted on Monday to end a 12-day strike that had halted container traffic in Europe's largest port.
The union FNV said its members accepted a 4.5 percent wage increase over two years.
Shipping companies estimated that the stoppage cost them 300 million euros.
Port authorities expect normal operations to resume by Thursday, a spokesman for the port said.
"""
FR_ARTICLE = """Les dockers de Rotterdam mettent fin à une grève de 12 jours

Les dockers de Rotterdam ont voté lundi la fin d'une grève de 12 jours qui avait bloqué le trafic de conteneurs dans le plus grand port d'Europe.
Le syndicat FNV a indiqué que ses membres avaient accepté une hausse de salaire de 4,5 % sur deux ans.
Les compagnies maritimes estiment que l'arrêt leur a coûté 300 millions d'euros.
Les autorités portuaires prévoient un retour à la normale d'ici jeudi, a déclaré un porte-parole du port.

Version originale : The Example Ledger. Traduit par la rédaction.
"""


def test_translation_linked_in_a_stored_story(tmp_path):
    from recoupe.cli import app
    from recoupe.corpus import Corpus
    from recoupe.corpus import crosscheck as cc

    (tmp_path / "en.txt").write_text(EN_ARTICLE, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FR_ARTICLE, encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert CliRunner().invoke(app, ["ingest", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--db", db]).exit_code == 0
    corpus = Corpus(db)
    assert cc.update_stories(corpus) == 2
    assert cc.update_stories(corpus) == 0  # incremental: nothing left to assign
    listing = cc.stories(corpus)
    assert len(listing) == 1 and sorted(listing[0]["languages"]) == ["en", "fr"]
    story = cc.story(corpus, listing[0]["id"])
    fr = next(a for a in story["articles"] if a["language"] == "fr")
    en = next(a for a in story["articles"] if a["language"] == "en")
    assert fr["translation_of"] == {"article": en["id"], "direction": "translates",
                                    "probability": fr["translation_of"]["probability"]}
    assert len(story["origins"]) == 1  # a translation is not an independent source


def _flat_profile(v: np.ndarray) -> "sim.Profile":
    from recoupe.corpus import similarity as sim

    v = (v / np.linalg.norm(v)).astype(np.float32)
    return sim.Profile(lang="en", title_vec=v, lead_vec=v, head_vec=v, full_vec=v, next_vec=v, sent_vecs=v[None, :],
                       sent_chars=np.array([100], np.float32), numbers=frozenset(), names=frozenset())


def test_undated_candidates_searched_exactly_below_exact_max(monkeypatch):
    """An undated article finds a story whose centroid LSH puts in no shared bucket (cosine 0.45,
    different hashes in every table) while the index holds at most EXACT_MAX stories."""
    from recoupe.corpus import stories as S

    rng = np.random.RandomState(5)
    index = StoryIndex(threshold=0.59)
    u = rng.standard_normal(512)
    u /= np.linalg.norm(u)
    for _ in range(500):  # a direction at cosine 0.45 from u hashing apart from it in all 8 tables
        w = rng.standard_normal(512)
        w -= (w @ u) * u
        v = 0.45 * u + np.sqrt(1 - 0.45**2) * w / np.linalg.norm(w)
        if all(a != b for a, b in zip(index._hashes(u.astype(np.float32)), index._hashes(v.astype(np.float32)))):
            break
    else:
        pytest.fail("no direction hashing apart found")
    index.restore("s-target", "t", "target", _flat_profile(u), [], "en", 1.0)
    for k in range(20):
        index.restore(f"s{k}", "t", f"other{k}", _flat_profile(rng.standard_normal(512)), [], "en", 1.0)
    article = _flat_profile(v)
    assert 0 in index.candidates(article, [])  # the target story is index 0
    monkeypatch.setattr(S, "EXACT_MAX", 0)
    assert 0 not in index.candidates(article, [])  # LSH alone misses it
