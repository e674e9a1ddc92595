"""A speaker phrase the parser cut into two side-by-side subjects (issue 14, branch s14spk2;
measured, not shipped: NOTES). Invented sentences only."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def test_a_phrase_cut_in_two_subjects_is_joined(fr):
    quotes = find_quotes(fr("« Nous ne céderons pas », a ajouté le numéro un chinois."))
    q = next(q for q in quotes if q.cue is not None and "ajouté" in q.cue.text)
    assert q.speaker is not None and "chinois" in q.speaker.text


def test_two_subjects_with_a_comma_between_stay_apart(fr):
    from recoupe.analysis.quotes.syntax import split_subject_end

    doc = fr("Le ministre a ajouté que la paix comptait.")
    head = next(t for t in doc if t.lower_ == "ministre")
    assert split_subject_end(head) is None  # one subject: nothing to join
