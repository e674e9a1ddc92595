"""Quoted words whose speaker phrase is an infinitive's or a participle's (issue 14, session 10,
branch s10direct). Sentences are invented."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def _direct(quotes, start: str):
    return [q for q in quotes if q.kind == "direct" and q.content.text.startswith(start)]


def test_an_apposed_name_speaks_for_its_participle(fr):
    quotes = find_quotes(fr("Même inquiétude chez la députée Claire Vasseur, accusant le gouvernement de créer "
                            "« une crise de toutes pièces »."))
    found = _direct(quotes, "une crise de toutes pièces")
    assert found and found[0].speaker_canonical == "Claire Vasseur"


def test_an_infinitive_speaks_for_the_subject_it_is_controlled_by(fr):
    quotes = find_quotes(fr("Paul Marchand s'est tu longtemps et s'est empressé d'affirmer que la ville ne "
                            "devrait « pas céder au chantage »."))
    found = _direct(quotes, "pas céder au chantage")
    assert found and found[0].speaker_canonical == "Paul Marchand"


def test_an_incise_whose_speech_verb_is_an_infinitive(fr):
    # "a tenu à préciser X": the speech verb is the infinitive of a control verb, the speaker inverted after it
    quotes = find_quotes(fr("« Nous ne céderons rien sur les salaires », a tenu à préciser Jean Dupont."))
    found = _direct(quotes, "Nous ne céderons rien")
    assert found and found[0].speaker_canonical == "Jean Dupont"


