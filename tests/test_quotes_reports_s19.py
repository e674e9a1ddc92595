"""Reported speech, session 19 (issue 14): a subject the parser hangs on a fronted adverbial.
Sentences written for the tests."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes

from conftest import indirect_by_cue

FRONTED = ("Ce lundi, dans la matinale de la radio, Jeanne Martin, ministre du Travail, "
           "explique que les salariés devront patienter.")


def test_a_name_between_a_fronted_adverbial_and_its_verb_is_the_subject(fr):
    doc = fr(FRONTED)
    verb = next(t for t in doc if t.text == "explique")
    assert not [c for c in verb.children if c.dep_.startswith("nsubj")]  # the misparse this covers
    found = indirect_by_cue(find_quotes(doc), "explique")
    assert found and found[0].speaker_canonical == "Jeanne Martin"
    assert found[0].content.text.startswith("que les salariés")


def test_a_verb_with_a_fronted_subject_closes_no_incise(fr):
    doc = fr("Sur place, Julie Martin, qui ne cache pas sa fatigue, souhaite être entendue par le maire.")
    assert not [q for q in find_quotes(doc) if q.producer == "rule:quotes.indirect_incise"]


def test_an_apposition_to_a_person_is_left_to_the_parse(fr):
    doc = fr("Le ministre, Jean Dupont, a déclaré mardi que la réforme serait votée.")
    found = indirect_by_cue(find_quotes(doc), "déclaré")
    assert found and found[0].speaker_canonical == "Jean Dupont"
