"""Offices the article takes for granted (issue 14, session 30; ``quotes.offices``, ``office_holders.toml``): a
description that is exactly an office's name stands for the person the article names who held it, on invented
sentences about real office holders; the article's own appositions come first, and a description with more
words than the office's name, an indefinite one, or one that no named person held resolves nothing here."""

from __future__ import annotations

import pytest
from conftest import quotes_in

from recoupe.analysis.quotes.coreference import description_words
from recoupe.analysis.quotes.offices import apposed_phrases, known_holder, offices, offices_named


def _by_start(quotes: dict, opening: str):
    return next(q for text, q in quotes.items() if text.startswith(opening))


RESOLVED = {
    "an office the article never gives is its holder": (
        "Alain Juppé et Éric Ciotti ont débattu jeudi soir à Nice devant des militants. Le maire de Bordeaux a "
        "estimé que la campagne devait rester digne.", "que la campagne", "Alain Juppé"),
    "the former holder is the earlier of two": (
        "François Hollande publie un livre sur son quinquennat. Emmanuel Macron a refusé de le commenter. L'ancien "
        "chef de l'Etat y affirme que son successeur a surtout profité des circonstances.", "que son successeur",
        "François Hollande"),
    "of two holders the one named last speaks": (
        "Nicolas Sarkozy reste silencieux depuis sa défaite. Jean-François Copé a rencontré mercredi le chef du "
        "gouvernement britannique à Londres. Le président de l'UMP a jugé que Londres offrait un bon diagnostic de "
        "la crise européenne.", "que Londres", "Jean-François Copé"),
    "a feminine office takes the woman who held it": (
        "Angela Merkel a reçu lundi à Berlin le Premier ministre Manuel Valls. Manuel Valls a salué l'accueil. "
        "« Nous avons bâti une confiance mutuelle au fil des crises », a déclaré la chancelière.", "Nous avons",
        "Angela Merkel"),
    "the holder of the description's gender wins": (
        "Angela Merkel a reçu lundi Olaf Scholz à Berlin. « L'Europe doit rester unie », a déclaré la chancelière.",
        "L'Europe", "Angela Merkel"),
    "the article's own apposition comes first": (
        "Alain Juppé était absent. Le maire de Bordeaux, Paul Verdier, a répondu aux journalistes. « Nous "
        "tiendrons nos engagements », a assuré le maire de Bordeaux.", "Nous tiendrons", "Paul Verdier"),
    "ex- is read as a former holder": (
        "L'ex-ministre de l'Intérieur Gérald Darmanin a critiqué Bruno Retailleau. « La sécurité recule », a "
        "dénoncé l'ex-ministre de l'Intérieur.", "La sécurité", "Gérald Darmanin"),
    "a pronoun taking up an office is its holder": (
        "« Avec Xavier Bertrand, nous défendons la même ligne », dit Anne Mercier. Le président de la région "
        "Hauts-de-France a confirmé qu'il renonçait à se présenter. Il avait jugé que sa collègue ferait une "
        "excellente candidate.", "que sa collègue", "Xavier Bertrand"),
}


@pytest.mark.parametrize("case", RESOLVED)
def test_an_office_resolves_to_its_holder(fr, case):
    text, opening, holder = RESOLVED[case]
    assert _by_start(quotes_in(fr, text), opening).speaker_canonical == holder


def test_a_description_with_more_words_than_the_office_is_not_it():
    assert [o.key for o in offices_named(description_words("maire de Bordeaux"))] == ["mayor_bordeaux"]
    assert offices_named(description_words("maire adjoint de Bordeaux")) == []
    assert offices_named(description_words("Premier ministre de Jacques Chirac")) == []


def test_an_indefinite_description_introduces_someone(fr):
    quotes = quotes_in(fr, "François Fillon était à Lyon mardi. Un ancien Premier ministre a estimé que la droite "
                           "devait se rassembler.")
    assert _by_start(quotes, "que la droite").speaker_canonical != "François Fillon"


def test_every_office_lists_names_and_holders():
    for office in offices():
        assert office.names and all(office.names), office.key
        assert office.holders and all(len(words) >= 1 for spellings in office.holders for words in spellings), office.key


@pytest.mark.parametrize("text, name, apposed", [
    ("conclut Anne Mercier, tandis que le maire de Lyon a confirmé hier soir son retrait de la course.",
     "Anne Mercier", []),
    ("a répondu Paul Verdier, maire de Lyon, devant la presse.", "Paul Verdier", [" maire de Lyon"]),
    ("Alain Juppé était absent. Le maire de Bordeaux, Paul Verdier, a répondu.", "Paul Verdier",
     [" Le maire de Bordeaux"]),
    ("Le maire de Bordeaux a reçu Paul Verdier mardi.", "Paul Verdier", [])])
def test_an_apposition_is_a_short_phrase_between_commas_with_no_verb(fr, text, name, apposed):
    doc = fr(text)
    start = text.index(name)
    assert [text[s:e] for s, e in apposed_phrases(doc, start, start + len(name))] == apposed


def test_a_former_holder_is_nobody_when_a_holder_served_twice(fr):
    doc = fr("Donald Trump et Joe Biden se sont affrontés. L'ancien président américain a affirmé que tout était faux.")
    head = next(t for t in doc if t.text == "président")
    bounds = (doc[head.i - 2].idx, doc[head.i + 1].idx + len(doc[head.i + 1].text))
    assert doc.text[bounds[0]:bounds[1]] == "L'ancien président américain"
    assert known_holder(doc, head, bounds, bounds[1], "fr") is None


def test_a_speaker_from_the_record_names_the_rule_in_its_producer(fr):
    quotes = quotes_in(fr, RESOLVED["an office the article never gives is its holder"][0])
    said = _by_start(quotes, "que la campagne")
    assert said.producer.endswith("+rule:quotes.office_holder")
    assert said.speaker_evidence is not None and said.speaker_evidence.text == "Alain Juppé"
