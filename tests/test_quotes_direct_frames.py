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
    quotes = find_quotes(fr("Paul Marchand s'est tu longtemps et en a profité pour affirmer que la ville ne "
                            "devrait « pas céder au chantage »."))
    found = _direct(quotes, "pas céder au chantage")
    assert found and found[0].speaker_canonical == "Paul Marchand"


def test_object_control_gives_no_speaker_to_the_infinitive(fr):
    # the subject of "empêche" is not who declares: no speaker is guessed from it
    quotes = find_quotes(fr("Le règlement interdit à Paul Marchand de déclarer que « la ville a menti »."))
    assert not any(q.speaker_canonical == "règlement" for q in _direct(quotes, "la ville a menti"))

