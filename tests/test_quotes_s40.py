"""Session 40 speaker phrases: an oblique the parser hangs on the subject noun (*Jeudi soir, au journal de X, le
candidat a confirmé…*) is the clause's when and where, and the outlet after an inverted subject (*a confié une
source à l'AFP*) is whom the source told: neither is part of who speaks. Sentences written for these tests; each
rule's test fails on the commit before it (f2014a4, 40e6450) for the reason it names, the guards pass on both."""

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


# ``syntax._addressee_outlet``: before, the outlet the source spoke to stayed in the speaker phrase
@pytest.mark.parametrize("incise, speaker", [
    ("a confié une source à l'AFP", "une source"),
    ("a glissé l'entourage de Paul Verrier au Parisien", "l'entourage de Paul Verrier"),
])
def test_the_outlet_a_source_told_is_no_part_of_the_speaker_phrase(incise, speaker):
    assert _quote(f"« Rien n'est encore tranché », {incise}.", "tranché").speaker.text == speaker


def test_an_outlet_in_an_apposed_title_stays():
    text = "« Le calendrier ne tient plus », estime Louise Garnier, journaliste à Libération."
    assert _quote(text, "calendrier").speaker.text == "Louise Garnier, journaliste à Libération"
