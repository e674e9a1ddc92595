"""The French person-noun model (``recoupe.analysis.animacy``, issue 14, session 50): the nouns of persons no
lexicon lists score as persons, nouns of things do not, and a speech verb whose subject is such a noun of persons
reports speech. Words and sentences chosen for these tests; none is in the lexicons the model learnt from."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from recoupe.analysis import linear_model
from recoupe.analysis.animacy import MODEL_NAME, THRESHOLD, person_probability, vector_person_noun
from recoupe.analysis.lexicons import person_nouns, role_nouns

from conftest import first_quote_holding


def _noun(nlp, word: str):
    doc = Doc(nlp.vocab, words=[word], pos=["NOUN"], lemmas=[word])
    return doc[0]


def test_the_model_ships_with_its_card():
    model = linear_model.load(MODEL_NAME)
    assert model.coef.shape == (1, 300) and model.meta["threshold"] == THRESHOLD
    assert (linear_model.MODELS_DIR / MODEL_NAME / "MODEL_CARD.md").exists()


PERSONS = ("collègue", "homologue", "animatrice", "bourgmestre", "concitoyen")
THINGS = ("dispositif", "calendrier", "dimension", "mécanisme", "amendement")


def test_the_words_are_in_no_lexicon():
    """The test's premise: the model, not a list, decides these."""
    listed = set(person_nouns("fr")) | set(role_nouns("fr"))
    assert not listed & set(PERSONS + THINGS)


@pytest.mark.parametrize("word", PERSONS)
def test_a_noun_of_persons_no_lexicon_lists_reads_as_a_person(fr, word):
    assert vector_person_noun(_noun(fr, word))


@pytest.mark.parametrize("word", THINGS)
def test_a_noun_of_things_does_not(fr, word):
    assert not vector_person_noun(_noun(fr, word))


def test_another_language_or_a_word_without_vector_has_no_score(fr, en):
    assert person_probability(_noun(en, "colleague")) is None
    assert person_probability(_noun(fr, "zzqxwv")) is None


@pytest.mark.parametrize("sentence, fragment, subject", [
    ("Son homologue espagnol a dénoncé la fermeture de la frontière sans concertation.", "la fermeture", "homologue"),
    ("Un collègue du député a réclamé la démission du président de séance.", "la démission", "collègue"),
])
def test_a_speech_verb_with_an_unlisted_noun_of_persons_as_subject_reports_speech(fr, sentence, fragment, subject):
    """A noun object frame, which asks the subject to be someone who can speak (``credible_source``)."""
    quote = first_quote_holding(fr, sentence, fragment)
    assert quote is not None and quote.speaker is not None and subject in quote.speaker.text


def test_a_speech_verb_with_a_noun_of_things_as_subject_reports_nothing(fr):
    """Guard: *le calendrier* says nothing, whatever verb the sentence gives it."""
    assert first_quote_holding(fr, "Le calendrier affirme une ambition : « réformer avant l'été ».", "réformer") \
        is None
