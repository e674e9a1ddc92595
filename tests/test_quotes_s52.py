"""Session 52 quote finding: a share of the people a poll asked closing its sentence after *pour* (*C'est non pour
93 % des étudiants interrogés*) holds the view the words before it state, as one opening it does; the people a
phrase says were asked (*des étudiants interrogés*) are a poll's respondents; *A en croire X* with the capital's
accent dropped, as French print often writes it, attributes as *À en croire X* does. Sentences written for these
tests; the mechanisms' tests fail on the commit before them (1886174), the guard passes on both."""

from __future__ import annotations

import pytest

from conftest import first_quote_holding, quotes_in


@pytest.mark.parametrize("text, content, speaker", [
    ("Le télétravail à plein temps ? C'est non pour 93 % des étudiants interrogés.", "C'est non",
     "93 % des étudiants interrogés"),
    ("Le ministre reste un mauvais gestionnaire pour 63 % des électeurs.", "Le ministre reste un mauvais gestionnaire",
     "63 % des électeurs"),
])
def test_a_poll_share_closing_its_sentence_holds_the_view(fr, text, content, speaker):
    q = first_quote_holding(fr, text, content)
    assert q is not None and q.kind == "according_to" and q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_share_of_people_no_poll_asked_holds_no_view(fr):
    """*pour 80 % des ménages*: a statistic about households, not what a poll's respondents think."""
    quotes = quotes_in(fr, "Le prix du gaz a augmenté de 12 % pour 80 % des ménages.")
    assert not [q for q in quotes.values() if q.kind == "according_to"]


def test_people_the_phrase_says_were_asked_are_respondents(fr):
    q = first_quote_holding(fr, "Pour 55 % des étudiants interrogés, le campus reste trop loin du centre.",
                            "le campus reste trop loin")
    assert q is not None and q.kind == "according_to" and q.speaker.text == "55 % des étudiants interrogés"


def test_a_en_croire_without_the_accent(fr):
    q = first_quote_holding(fr, "A en croire la préfecture, la manifestation a réuni deux mille personnes.",
                            "la manifestation a réuni")
    assert q is not None and q.kind == "according_to" and q.speaker.text == "la préfecture"
