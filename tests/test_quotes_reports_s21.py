"""Quote rules of issue 14, session 21. Invented sentences only."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes


@pytest.mark.parametrize("text, content, speaker", [
    ("Les ventes ont doublé en un an, s'est réjoui mardi le directeur de la coopérative.",
     "Les ventes ont doublé en un an", "le directeur de la coopérative"),
    ("Le pont rouvrira avant l'été, se félicite la présidente du syndicat des transports.",
     "Le pont rouvrira avant l'été", "la présidente du syndicat des transports"),
])
def test_a_closing_incise_behind_a_clitic_reports_the_clause(fr, text, content, speaker):
    # the comma closes the incise before the pronominal verb's clitic (``indirect.closing_joint``)
    q = next(q for q in find_quotes(fr(text)) if q.producer == "rule:quotes.indirect_incise")
    assert q.content.text == content
    assert q.speaker.text == speaker


@pytest.mark.parametrize("text, cue", [
    ("Le trésorier a fait comprendre que la cotisation augmenterait.", "comprendre"),
    ("La directrice a laissé entendre que l'école fermerait en juin.", "entendre"),
])
def test_causative_locutions_of_communication_report(fr, text, cue):
    # *faire comprendre*, *laisser entendre*: the *faire savoir* locutions (``quote_words.causative_speech``)
    q = next(q for q in find_quotes(fr(text)) if q.producer == "rule:quotes.indirect_clause")
    assert q.content.text.startswith("que ")
    assert cue in q.cue.text
    assert q.speaker.text in ("Le trésorier", "La directrice")
