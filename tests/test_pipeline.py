"""The analyze() contract on documents written for the tests."""

from __future__ import annotations

import pytest

import recoupe
from recoupe.ingest import Failed
from recoupe.pipeline import AnalysisError, Options

FAST = Options(genre=False, persuasion=False, credibility=False)

FR = """Un ministre visé par une enquête

Selon Le Monde, le ministre des Finances, Paul Garnier, aurait reçu des fonds d'une société étrangère. Garnier a démenti toute irrégularité.

Lire aussi : Le budget 2027 en débat

Sources : Le Monde via Reuters – Traduit par Exemple Infos"""


def test_report_keys_and_offsets():
    report = recoupe.analyze(FR, options=FAST)
    data = report.model_dump(by_alias=True)
    for key in ("title", "language", "publisher", "authors", "date", "body", "furniture", "entities",
                "quotes", "hedges", "claims", "source_chain", "genre", "persuasion", "signals", "credibility"):
        assert key in data
    assert report.language == "fr"
    assert report.title == "Un ministre visé par une enquête"
    garnier = next(e for e in report.entities if e.canonical == "Paul Garnier")
    assert {m.text for m in garnier.mentions} >= {"Paul Garnier", "Garnier"}
    for m in garnier.mentions:
        assert report.body[m.start : m.end] == m.text
    assert [f.kind for f in report.furniture] == ["related_link", "provenance"]


def test_same_input_same_output():
    assert recoupe.analyze(FR, options=FAST).to_json() == recoupe.analyze(FR, options=FAST).to_json()


def test_batch_keeps_order_and_reports_failures():
    items = [FR, "   ", "The council approved the new budget on Monday after a long and heated debate."]
    results = list(recoupe.analyze_many(items, options=FAST))
    assert isinstance(results[0], recoupe.Analysis) and results[0].language == "fr"
    assert isinstance(results[1], Failed)
    assert isinstance(results[2], recoupe.Analysis) and results[2].language == "en"


def test_unknown_language_is_reported_not_guessed():
    text = "Dies ist ein deutscher Artikel über die Wahl, den niemand auf Französisch geschrieben hat, und er ist lang genug."
    report = recoupe.analyze(text, options=FAST)
    assert report.language == "de"
    assert report.entities == []
    assert any("no language pipeline" in w for w in report.warnings)


def test_empty_input_raises_a_clear_error():
    with pytest.raises(AnalysisError, match="empty"):
        recoupe.analyze("  \n ")


def test_wire_dateline_is_the_origin_and_unrated_sources_are_not_graded():
    text = ("Port operator to cut jobs\n\nROTTERDAM (Reuters) - A port operator said on Monday it would cut 300 jobs, "
            "about 5% of its staff, after a fall in container traffic.\n\nThe company said the cuts would be made by June.")
    report = recoupe.analyze(text, options=Options(genre=False, persuasion=False))
    (link,) = [l for l in report.source_chain if l.role == "origin"]
    assert link.name == "Reuters" and link.domain == "reuters.com"
    assert report.body[link.evidence.start : link.evidence.end] == link.evidence.text == "ROTTERDAM (Reuters) -"
    bare = recoupe.analyze(text.replace("ROTTERDAM (Reuters) - ", ""), options=Options(genre=False, persuasion=False))
    assert bare.credibility.grade == "?"  # no list rates the publisher or an origin: no letter grade
