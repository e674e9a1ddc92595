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


@pytest.mark.parametrize("text, cue, speaker", [
    ("Le trésorier a fait comprendre que la cotisation augmenterait.", "comprendre", "Le trésorier"),
    ("La directrice a laissé entendre que l'école fermerait en juin.", "entendre", "La directrice"),
])
def test_causative_locutions_of_communication_report(fr, text, cue, speaker):
    # *faire comprendre*, *laisser entendre*: the *faire savoir* locutions (``quote_words.causative_speech``)
    q = next(q for q in find_quotes(fr(text)) if q.producer == "rule:quotes.indirect_clause")
    assert q.content.text.startswith("que ")
    assert cue in q.cue.text
    assert q.speaker.text == speaker


def test_a_causative_pair_outside_the_locutions_reports_nothing(fr):
    # the pairs, not the infinitives: *se faire entendre* is to be heard
    assert not find_quotes(fr("Les riverains se sont fait entendre lundi devant la mairie que le bruit gêne."))


@pytest.mark.parametrize("text, content, speaker", [
    ("Aux yeux de Marc Dubreuil, la réforme est morte.", "la réforme est morte", "Marc Dubreuil"),
    ("Du point de vue du ministère, les clubs amateurs sont les premiers perdants.",
     "les clubs amateurs sont les premiers perdants", "ministère"),
    ("De l'avis du syndicat, les locaux sont vétustes.", "les locaux sont vétustes", "syndicat"),
    ("Au dire de ses voisins, l'homme vivait seul.", "l'homme vivait seul", "ses voisins"),
    ("Aux dires de ses voisins, l'homme vivait seul.", "l'homme vivait seul", "ses voisins"),
    ("La réforme, aux yeux des économistes, ne rapportera rien.",
     "La réforme, aux yeux des économistes, ne rapportera rien", "économistes"),
])
def test_stance_locutions_put_the_clause_under_their_source(fr, text, content, speaker):
    # *aux yeux de X*, *du point de vue de X*, *de l'avis de X*, *au dire de X*: as *selon X*
    q = next(q for q in find_quotes(fr(text)) if q.producer == "rule:quotes.according_to")
    assert (q.content.text, q.speaker.text) == (content, speaker)


@pytest.mark.parametrize("text", [
    "Il est devenu, aux yeux de tous, un symbole du quartier.",  # nobody behind it
    # inside a clause the words are a verb's complement, no stance
    "Le conseil a tenu compte de l'avis du syndicat sur le projet de parking.",
    "Le maire a jeté de la poudre aux yeux des électeurs avant le vote.",
    "La ministre a parlé du point de vue des éleveurs devant les sénateurs.",
])
def test_a_stance_locution_is_detached_and_has_someone_behind_it(fr, text):
    assert not [q for q in find_quotes(fr(text)) if q.kind == "according_to"]
