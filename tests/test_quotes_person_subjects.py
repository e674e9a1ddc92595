"""Indirect speech, session 12 (issue 14): a noun of persons as the subject of a speech verb names who
speaks (``person_nouns.tsv``), except as the subject of a passive, who is addressed. Sentences
written for the tests."""

from __future__ import annotations

from recoupe.analysis.lexicons import person_nouns
from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.index import credible_source
from recoupe.analysis.quotes.syntax import phrase_bounds

from conftest import indirect_by_cue


def test_the_lexicon_holds_singular_lemmas_of_both_genders():
    nouns = person_nouns("fr")
    assert {"enseignant", "enseignante", "militant", "militante"} <= nouns
    assert not person_nouns("en")  # French only for now


def test_a_group_of_persons_reports_with_a_noun_object(fr):
    doc = fr("Les infirmières ont réclamé une prime de nuit plus élevée.")
    found = indirect_by_cue(find_quotes(doc), "réclamé")
    assert found and "une prime de nuit" in found[0].content.text
    assert "infirmières" in found[0].speaker.text


def test_a_feminine_plural_subject_is_credible(fr):
    doc = fr("Des étudiantes ont critiqué la réforme des bourses.")
    subject = next(t for t in doc if t.lower_ == "étudiantes")
    assert credible_source(subject, phrase_bounds(subject), "fr")


def test_a_thing_is_still_no_source(fr):
    doc = fr("Les prix ont dénoncé la fin de la saison.")
    subject = next(t for t in doc if t.lower_ == "prix")
    assert not credible_source(subject, phrase_bounds(subject), "fr")


def test_the_subject_of_a_passive_is_addressed_not_speaking(fr):
    doc = fr("Les riverains sont invités à quitter leurs maisons avant la crue.")
    subject = next(t for t in doc if t.lower_ == "riverains")
    assert not credible_source(subject, phrase_bounds(subject), "fr")
    assert not indirect_by_cue(find_quotes(doc), "invités")


def test_a_pronominal_speech_verb_is_no_passive(fr):
    doc = fr("Les enseignants se sont dit prêts à négocier avec le rectorat.")
    subject = next(t for t in doc if t.lower_ == "enseignants")
    assert credible_source(subject, phrase_bounds(subject), "fr")
