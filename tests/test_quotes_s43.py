"""Session 43: the *que* of a reported clause that the parser read as a relative pronoun, on the addressee or on a
time phrase between the verb and the clause (*a rappelé aux adhérents qu'il a toujours refusé…*, *a répété la
semaine dernière qu'elle se présenterait…*), or tagged a pronoun inside the verb's own complement (*a expliqué à X
qu'il avait perdu…*), opens the reported clause. Sentences written for these tests; the tests of the mechanism fail
on the commit before it (no clause read, or the addressee or the date read into the content), the guards pass on
both; the read-only review's cases are guards that fail on the first version of the rule (30c1653)."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quotes(text):
    return next(iter(_analyzer.findings_many([text], lang="fr"))).quotes


def _shown(quotes):
    return [(q.producer, q.content.text, q.speaker and q.speaker.text) for q in quotes]


@pytest.mark.parametrize("text, content, speaker", [
    ("Le patron de la fédération, Luc Marchetti, a rappelé aux adhérents qu'il a toujours refusé cette fusion.",
     "qu'il a toujours refusé cette fusion", "Luc Marchetti"),
    ("Armelle Doucet a répété la semaine dernière qu'elle se présenterait aux municipales.",
     "qu'elle se présenterait aux municipales", "Armelle Doucet"),
    ("Le conseiller Hugo Lemaire a expliqué à Sandrine Vial qu'il avait perdu l'élection.",
     "qu'il avait perdu l'élection", "Hugo Lemaire"),
])
def test_a_clause_read_as_a_relative_is_the_report(text, content, speaker):
    quotes = _quotes(text)
    found = [q for q in quotes if q.content.text == content]
    assert found, _shown(quotes)
    assert found[0].producer == "rule:quotes.indirect_clause"
    assert found[0].speaker_canonical == speaker
    assert not any(q.content.text.endswith(content) and q.content.text != content for q in quotes), _shown(quotes)


@pytest.mark.parametrize("text", [
    # a relative whose subject is inverted, its object clitic read as the subject
    "L'éditrice Maud Carrel a choisi de publier les carnets que lui a confiés le romancier disparu.",
    # a consequence announced before the que
    "Le ministre a rappelé si souvent que la dette était un fardeau qu'on ne l'écoute plus.",
])
def test_a_relative_or_a_consequence_is_no_report_of_its_own(text):
    quotes = _quotes(text)
    assert not any(q.content.text.startswith(("que lui a", "qu'on ne")) for q in quotes), _shown(quotes)


def test_the_relative_of_the_noun_a_verb_reports_stays_with_the_noun():
    quotes = _quotes("La syndicaliste dénonce une réforme qu'elle juge injuste.")
    assert any(q.content.text == "une réforme qu'elle juge injuste" for q in quotes), _shown(quotes)
    assert not any(q.content.text == "qu'elle juge injuste" for q in quotes), _shown(quotes)


def test_a_noun_with_a_clause_of_its_own_keeps_it():
    quotes = _quotes("Elle souligne la contradiction entre le fait que le maire soit élu et qu'il cumule les mandats.")
    assert not any(q.content.text.startswith("que le maire") for q in quotes), _shown(quotes)


@pytest.mark.parametrize("text, relative", [
    # the read-only review's cases: a relative on the noun the verb reports, whatever the parse
    ("Le ministre de l'Intérieur a défendu la loi qu'il a fait adopter l'an dernier.", "qu'il a fait adopter"),
    ("Le chef de l'État a salué le travail que les soignants ont accompli pendant la crise.", "que les soignants"),
    ("La ministre a rappelé devant les députés les engagements que la France a pris à Paris.", "que la France"),
    # an object clitic fills no clause
    ("Le ministre a rappelé les mots que son père lui répétait.", "que son père"),
    # a locution
    ("Le ministre a dit sa satisfaction maintenant que la loi est votée.", "que la loi"),
    # a participle that agrees with the relative que before it
    ("Le président a promis aux électeurs qu'il a rencontrés une baisse des impôts.", "qu'il a rencontrés"),
])
def test_a_relative_the_review_found_stays_a_relative(text, relative):
    quotes = _quotes(text)
    assert not any(q.content.text.startswith(relative) for q in quotes), _shown(quotes)
