"""Session 40 speaker phrases: an oblique the parser hangs on the subject noun before it (*Jeudi soir, au journal de
X, le candidat a confirmé…*) is the clause's when and where, not part of who speaks. Sentences written for these
tests; the rule's test fails on the commit before it (f2014a4) for the reason it names, the guards (the read-only
review's cases, reworded) pass on both."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quote(text, fragment):
    quotes = next(iter(_analyzer.findings_many([text], lang="fr"))).quotes
    return next(q for q in quotes if fragment in q.content.text)


# ``syntax.phrase_bounds``: before, the speaker phrase ran from the sentence's start and named the channel
def test_a_fronted_time_and_place_is_no_part_of_the_speaker_phrase():
    text = ("Jeudi soir, au journal de TF1, le désormais candidat des écologistes a confirmé son projet de taxe sur "
            "les jets privés.")
    quote = _quote(text, "jets privés")
    assert quote.speaker.text == "le désormais candidat des écologistes"
    assert quote.speaker_canonical != "TF1"


def test_a_complement_of_the_speaker_noun_stays_in_its_phrase():
    text = "Le porte-parole du ministère de l'Intérieur a confirmé l'ouverture d'une enquête administrative."
    assert _quote(text, "enquête").speaker.text == "Le porte-parole du ministère de l'Intérieur"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Un détenu à la maison d'arrêt de Nantes a raconté : « On dort à trois dans neuf mètres carrés. »",
     "trois", "Un détenu à la maison d'arrêt de Nantes"),
    ("Un évacué au gymnase de Roubaix a expliqué : « L'eau est montée en une heure. »", "montée",
     "Un évacué au gymnase de Roubaix"),
])
def test_a_noun_made_from_a_participle_keeps_its_own_oblique(text, fragment, speaker):
    assert _quote(text, fragment).speaker.text == speaker


def test_a_name_the_parser_hung_in_the_fronted_oblique_stays_in_the_phrase():
    """The second review's: the parser may make the name an apposition of the fronted oblique's noun."""
    text = "Face aux élus, Jeanne Rivière, désormais candidate à la mairie, a affirmé que la taxe serait créée."
    assert "Jeanne Rivière" in _quote(text, "taxe").speaker.text


def test_an_oblique_inside_the_phrase_cuts_no_gap():
    """The second review's: *jusqu'ici* in the phrase's relative is no oblique of its head; the phrase does not stop
    at it."""
    text = ("Mardi, à Lille, le désormais candidat des écologistes, qui était jusqu'ici adjoint, a affirmé que la "
            "taxe serait créée.")
    whole = "le désormais candidat des écologistes"
    assert _quote(text, "taxe").speaker.text in (whole, whole + ", qui était jusqu'ici adjoint")
