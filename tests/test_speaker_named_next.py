"""Speakers, third pass (issue 14, session 10, branch s10spk): a description the paragraph goes on to
name (``coreference.named_next``) and a person's title that the speaker scorer may not fill with an
organisation (``coreference.kind_clash``). Invented sentences only."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.coreference import Referent, kind_clash, named_next
from recoupe.analysis.quotes.syntax import phrase_bounds

NAMED_LATER = ("Le porte-parole de la mairie de Lyon a dénoncé mardi le projet du préfet Paul Roux, jugé « injuste ». "
               "« Ce plan ne tient pas », a affirmé aux journalistes Marc Lenoir.")


def _head(doc, word):
    return next(t for t in doc if t.text == word)


def test_a_description_the_paragraph_names_next_is_that_speaker(fr):
    quotes = find_quotes(fr(NAMED_LATER))
    q = next(q for q in quotes if q.cue is not None and "dénoncé" in q.cue.text)
    assert "porte-parole" in q.speaker.text  # the phrase stays what the article says
    assert q.speaker_canonical == "Marc Lenoir"
    assert q.speaker_evidence is not None and q.speaker_evidence.text == "Marc Lenoir"


def test_the_named_speaker_wins_over_the_last_person_subject(fr):
    # before named_next the speaker scorer gave the description to the prefect, subject of the
    # paragraph before
    text = ("Le préfet Paul Roux a présenté mardi son plan de circulation.\n\n"
            "Le porte-parole de la mairie de Lyon a dénoncé ce projet, jugé « injuste ». "
            "« Ce plan ne tient pas », a affirmé aux journalistes Marc Lenoir.")
    q = next(q for q in find_quotes(fr(text)) if q.cue is not None and "dénoncé" in q.cue.text)
    assert q.speaker_canonical == "Marc Lenoir"


def test_a_person_the_report_only_talks_about_is_passed_over(fr):
    doc = fr(NAMED_LATER)
    head = _head(doc, "porte-parole")
    found = named_next(doc, head, phrase_bounds(head), "fr")
    assert found is not None and found[0].canonical == "Marc Lenoir"  # not Paul Roux, named in the report


def test_someone_already_named_is_not_what_a_description_introduces(fr):
    doc = fr("Marc Lenoir a visité Berlin la semaine dernière.\n\n" + NAMED_LATER)
    head = _head(doc, "porte-parole")
    assert named_next(doc, head, phrase_bounds(head), "fr") is None


def test_an_indefinite_or_plural_description_is_not_named_next(fr):
    doc = fr("Un porte-parole de la mairie a dénoncé le projet, jugé « injuste ». « Ce plan ne tient pas », "
             "a affirmé Marc Lenoir.")
    head = _head(doc, "porte-parole")
    assert named_next(doc, head, phrase_bounds(head), "fr") is None
    doc = fr("Les porte-parole de la mairie ont dénoncé le projet, jugé « injuste ». « Ce plan ne tient pas », "
             "a affirmé Marc Lenoir.")
    head = _head(doc, "porte-parole")
    assert named_next(doc, head, phrase_bounds(head), "fr") is None


def test_a_persons_title_is_no_organisation(fr):
    doc = fr("Le chef de l'État a annoncé que la réforme serait votée.")
    chef = _head(doc, "chef")
    org = Referent("Conseil national", None, None, False, False, (0, 0))
    person = Referent("Paul Roux", None, "Masc", False, True, (0, 0))
    group = Referent("les syndicats", None, None, True, False, (0, 0))
    assert kind_clash(chef, org, "fr")
    assert kind_clash(chef, group, "fr")
    assert not kind_clash(chef, person, "fr")


def test_a_spokesperson_or_a_plain_noun_may_stand_for_a_body(fr):
    doc = fr("Le porte-parole a annoncé que la réforme serait votée. Le texte affirme que tout va bien. "
             "Les experts estiment que la crise durera.")
    org = Referent("Conseil national", None, None, False, False, (0, 0))
    person = Referent("Paul Roux", None, "Masc", False, True, (0, 0))
    assert not kind_clash(_head(doc, "porte-parole"), org, "fr")  # speaks on a body's behalf
    assert not kind_clash(_head(doc, "texte"), org, "fr")  # no role noun: nothing said
    assert not kind_clash(_head(doc, "experts"), person, "fr")  # plural: measured, not kept
