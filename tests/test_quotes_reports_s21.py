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


@pytest.mark.parametrize("text, content, speaker", [
    ("Aux yeux de Marc Dubreuil, la réforme est morte.", "la réforme est morte", "Marc Dubreuil"),
    ("Du point de vue du ministère, les clubs amateurs sont les premiers perdants.",
     "les clubs amateurs sont les premiers perdants", "ministère"),
    ("De l'avis du syndicat, les locaux sont vétustes.", "les locaux sont vétustes", "syndicat"),
    ("Au dire de ses voisins, l'homme vivait seul.", "l'homme vivait seul", "ses voisins"),
])
def test_stance_locutions_put_the_clause_under_their_source(fr, text, content, speaker):
    # *aux yeux de X*, *du point de vue de X*, *de l'avis de X*, *au dire de X*: as *selon X*
    q = next(q for q in find_quotes(fr(text)) if q.producer == "rule:quotes.according_to")
    assert (q.content.text, q.speaker.text) == (content, speaker)


def test_a_stance_locution_needs_someone_behind_it(fr):
    assert not [q for q in find_quotes(fr("Il est devenu aux yeux de tous un symbole du quartier."))
                if q.kind == "according_to"]
