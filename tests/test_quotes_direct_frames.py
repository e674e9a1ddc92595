"""Quoted words whose speaker phrase is an infinitive's or a participle's, and incises whose inverted
subject the parser takes for an object (issue 14, session 10, branch s10direct). Sentences are invented."""

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
    quotes = find_quotes(fr("Paul Marchand s'est tu longtemps et en a profité pour affirmer que la ville ne "
                            "devrait « pas céder au chantage »."))
    found = _direct(quotes, "pas céder au chantage")
    assert found and found[0].speaker_canonical == "Paul Marchand"


def test_object_control_gives_no_speaker_to_the_infinitive(fr):
    # the subject of "empêche" is not who declares: no speaker is guessed from it
    quotes = find_quotes(fr("Le règlement interdit à Paul Marchand de déclarer que « la ville a menti »."))
    assert not any(q.speaker_canonical == "règlement" for q in _direct(quotes, "la ville a menti"))


def test_an_incise_whose_subject_the_parser_calls_an_object(fr):
    quotes = find_quotes(fr("« Les petites boutiques ferment les unes après les autres depuis dix ans, explique "
                            "ce rapport officiel. Les librairies sont les plus touchées. »"))
    found = _direct(quotes, "Les petites boutiques")
    assert found and found[0].producer == "rule:quotes.direct_inside"
    assert "rapport" in (found[0].speaker.text if found[0].speaker else "")


def test_a_speech_verb_with_a_real_object_is_not_an_incise(fr):
    quotes = find_quotes(fr("« Le projet avance bien, explique la directrice aux élus qui doutent encore. »"))
    assert not [q for q in quotes if q.producer == "rule:quotes.direct_inside"
                and q.speaker is not None and "élus" in q.speaker.text]
