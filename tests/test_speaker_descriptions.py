"""Speakers given as descriptions (issue 14, session 11, branch s11desc): an outlet noun takes up an
outlet, not a body named after it (``coreference._outlet_before``); a definite description that takes up
the previous speaker (``Discourse.topic_speaker``) stands when its article's gender agrees with that
speaker's, instead of being re-weighed by the speaker scorer (``speakers._agrees_in_gender``).
Invented sentences only."""

from __future__ import annotations

import numpy as np

from recoupe.analysis.quotes import find_quotes, speakers
from recoupe.analysis.quotes.candidates import FEATURES, HEADS
from recoupe.analysis.quotes.coreference import Referent

OUTLET_THEN_BODY = ("Le quotidien La Gazette du Nord a publié lundi une longue enquête sur le port. "
                    "Le Sénat doit examiner jeudi un texte sur les ports. "
                    "Le quotidien affirme que les contrôles ont été réduits de moitié.")

TOPIC = ("« Nous ne céderons pas », a déclaré Sophie Marchal, élue du quartier, devant la mairie. "
         "Le chantier, confié à l'architecte Paul Roux, divise le quartier. "
         "La militante a ensuite estimé que le chantier devait attendre l'avis des habitants.")


def test_an_outlet_noun_takes_up_the_outlet_not_a_parliament_named_after_it(fr):
    q = next(q for q in find_quotes(fr(OUTLET_THEN_BODY)) if "contrôles" in q.content.text)
    assert q.speaker.text == "Le quotidien"
    assert q.speaker_canonical == "La Gazette du Nord"  # before: the last organisation, the senate


def _scorer_against_the_rules(X: np.ndarray) -> np.ndarray:
    """A speaker scorer that prefers any candidate to the rules' pick."""
    rule = sum(X[:, FEATURES.index(f"{h}*rule")] for h in HEADS)
    return np.where(rule > 0, 0.01, 0.99)


def test_a_description_taking_up_the_previous_speaker_stands(fr, monkeypatch):
    monkeypatch.setattr(speakers, "scores", _scorer_against_the_rules)
    q = next(q for q in find_quotes(fr(TOPIC)) if "chantier" in q.content.text)
    assert q.speaker.text == "La militante"
    # the feminine article agrees with the previous speaker: no scorer re-weighs the pick (before: the
    # scorer's other candidate, the architect named in between)
    assert q.speaker_canonical == "Sophie Marchal"


def test_the_pick_stands_only_when_the_article_says_an_agreeing_gender(fr):
    doc = fr("La militante a parlé. Le militant a parlé.")
    fem, masc = (t for t in doc if t.lemma_ == "militant")
    ref = Referent("X", None, None, False, True, (0, 0))
    assert speakers._agrees_in_gender(fem, ref) and speakers._agrees_in_gender(masc, ref)
    ref.gender = "Masc"
    assert not speakers._agrees_in_gender(fem, ref) and speakers._agrees_in_gender(masc, ref)


def test_an_english_description_says_no_gender(en):
    doc = en("The activist said the works must wait.")
    head = next(t for t in doc if t.text == "activist")
    assert not speakers._agrees_in_gender(head, Referent("X", None, None, False, True, (0, 0)))
