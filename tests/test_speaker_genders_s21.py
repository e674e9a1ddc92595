"""Genders that tell speakers apart (issue 14, session 21): first names from every French-speaking
locale of the extracted table (``first_names.tsv``, ``recoupe.training.first_names``), French epicene
first names gendered in no language, and a description by a noun of a person (``person_nouns.tsv``:
*l'élu*, *la militante*) that the speaker scorer may not fill with a person of the other gender
(``coreference.fill_gender_clash``). Invented sentences and names only."""

from __future__ import annotations

from recoupe.analysis.quotes import coreference
from recoupe.analysis.quotes.coreference import first_name_gender

COUNCIL = ("Lucie Garnier et Marc Delorme ont présenté mardi le budget de la commune. "
           "Selon l'élu municipal, les travaux de la piscine coûteront deux millions d'euros.")


def test_first_names_of_other_french_speaking_locales_say_a_gender():
    assert first_name_gender("Marion Vasseur", "fr") == "Fem"  # listed by fr_BE, not fr_FR


def test_a_first_name_one_language_lists_under_both_genders_says_none_in_either():
    # the French rows leave *Alex* out, and the English rows must not give it back a gender
    assert first_name_gender("Alex Morel", "fr") is None
    assert first_name_gender("Jordan Smith", "en") is None


def test_french_epicene_first_names_say_no_gender_in_any_language():
    # the French lookup falls back on the English rows: *Dominique* would read as a woman through them
    for name in ("Dominique Ferrand", "Claude Barbier", "Camille Lenoir"):
        assert first_name_gender(name, "fr") is None
        assert first_name_gender(name, "en") is None


def test_a_noun_of_fixed_gender_says_nothing_of_the_persons_sex(fr):
    doc = fr("Marc Delorme a été agressé lundi soir. Selon la victime, les agresseurs étaient trois.")
    head = next(t for t in doc if t.text == "victime")
    marc = next(e for e in doc._.entities if e.canonical == "Marc Delorme")
    assert not coreference.fill_gender_clash(doc, head, marc, "fr")


def test_a_person_noun_description_clashes_with_a_person_of_the_other_gender(fr):
    doc = fr(COUNCIL)
    head = next(t for t in doc if t.text == "élu")
    people = {e.canonical: e for e in doc._.entities}
    assert coreference.fill_gender_clash(doc, head, people["Lucie Garnier"], "fr")
    assert not coreference.fill_gender_clash(doc, head, people["Marc Delorme"], "fr")


# A pronoun that takes up a person the paragraph turned to since the previous turn (``Discourse._newcomer``)
# stands: the speaker scorer does not give the turn back to the previous speaker. Invented.
TURN = ("« Le port doit rester public », a déclaré lundi Hervé Lemoine, le maire de la ville. "
        "Même prudence chez Bruno Cazals, patron de la coopérative fruitière. "
        "« Rien ne presse », a-t-il estimé devant la presse.")


def test_a_pronoun_taking_up_a_newcomer_stands_against_the_scorer(fr, monkeypatch):
    from recoupe.analysis.quotes import find_quotes, speakers
    from test_speaker_descriptions import _scorer_against_the_rules

    monkeypatch.setattr(speakers, "scores", _scorer_against_the_rules)
    q = next(q for q in find_quotes(fr(TURN)) if "presse" in q.content.text)
    assert q.speaker.text == "-il"
    assert q.speaker_canonical == "Bruno Cazals"  # before: the scorer's pick, the previous speaker
