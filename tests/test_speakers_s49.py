"""Session 49 speakers: a bare description the article already used for someone who spoke names that person again,
even when an outlet spoke in between and another person is named after it; a definite description of a person that
no rule resolves takes up the person the lede is about; *« … », lui a répondu la salle* answers the previous speaker
rather than being them; a name right after the organisation a phrase names is its speaker's; a person named as the
*de* complement of a thing is passed over by a description taking up the person named last. Sentences written for
these tests; the rules' tests fail on the commit before them (9a6889d), the guards pass on both."""

from __future__ import annotations

import pytest

from conftest import first_quote_holding

DESCRIBED_AGAIN = (
    "Le gouvernement présente un plan de soutien aux éleveurs.\n\n"
    "Paul Renard a détaillé mardi les premières mesures. « Nous tiendrons nos engagements », a assuré le ministre.\n\n"
    "Le Courrier du Nord affirme que le plan coûtera deux milliards d'euros.\n\n"
    "Le ministre a promis « une aide rapide » aux exploitations, alors que Marc Olivier a réclamé « un audit "
    "complet » des dépenses.\n"
)


def test_a_description_names_again_whom_it_named_when_an_outlet_spoke_in_between(fr):
    quote = first_quote_holding(fr, DESCRIBED_AGAIN, "une aide rapide")
    assert quote is not None and quote.speaker_canonical == "Paul Renard"


def test_the_person_named_after_the_description_keeps_their_own_words(fr):
    """Guard: the second speaker of the sentence is still who the rules say."""
    quote = first_quote_holding(fr, DESCRIBED_AGAIN, "un audit")
    assert quote is not None and quote.speaker_canonical == "Marc Olivier"


PROTAGONIST = (
    "Claire Dumont a tenté jeudi de convaincre ses partisans que la bataille de Lyon restait ouverte. Dans la salle "
    "où sa concurrente Julie Bernard avait réuni ses troupes la veille, elle a reçu le soutien de Paul Girard.\n\n"
    "« Rien n'est joué, tout peut encore basculer dimanche », a insisté la candidate devant une salle comble. "
    "Combative, la députée du Rhône a ensuite critiqué « le bilan désastreux » de la majorité sortante.\n"
)


def test_a_description_nobody_else_holds_takes_up_the_protagonist_of_the_lede(fr):
    """Not the rival the lede names after her (what the speaker scorer chose)."""
    for fragment in ("Rien n'est joué", "le bilan désastreux"):
        quote = first_quote_holding(fr, PROTAGONIST, fragment)
        assert quote is not None and quote.speaker_canonical == "Claire Dumont"


def test_a_description_of_the_other_gender_does_not_take_up_the_protagonist(fr):
    """Guard: *le candidat* cannot be Claire Dumont."""
    text = PROTAGONIST.replace("a insisté la candidate", "a insisté le candidat")
    quote = first_quote_holding(fr, text, "Rien n'est joué")
    assert quote is not None and quote.speaker_canonical != "Claire Dumont"


def test_a_noun_that_names_no_person_does_not_take_up_the_protagonist(fr):
    """Guard: *la foule* is no description of one person."""
    text = PROTAGONIST.replace("a insisté la candidate devant une salle comble", "a scandé la foule")
    quote = first_quote_holding(fr, text, "Rien n'est joué")
    assert quote is None or quote.speaker_canonical != "Claire Dumont"


ANSWER = (
    "Claire Dumont a pris la parole devant ses partisans jeudi soir. « Nous pouvons encore gagner cette élection », "
    "a-t-elle lancé. « On va gagner, on va gagner », lui a répondu la salle, où se pressaient deux mille personnes.\n"
)


def test_an_answer_the_parser_read_with_its_subject_as_object_is_not_the_previous_speaker(fr):
    quote = first_quote_holding(fr, ANSWER, "On va gagner")
    assert quote is not None and quote.speaker_canonical != "Claire Dumont"


def test_a_name_after_the_organisation_of_the_phrase_names_its_speaker(fr):
    text = "« La participation sera décisive dimanche », estime le directeur des études de l'institut Ipsos Marc Delorme."
    quote = first_quote_holding(fr, text, "La participation")
    assert quote is not None and quote.speaker_canonical == "Marc Delorme"


@pytest.mark.parametrize("phrase", ["le porte-parole de Paul Girard", "le conseiller du ministre Paul Girard"])
def test_a_name_after_a_preposition_or_a_person_noun_is_not_the_speaker(fr, phrase):
    """Guards: whose spokesperson, or the minister a counsellor serves, is no speaker."""
    text = f"« Les travaux reprendront en juin », a assuré {phrase} devant la presse."
    quote = first_quote_holding(fr, text, "Les travaux")
    assert quote is not None and quote.speaker_canonical != "Paul Girard"


@pytest.mark.parametrize("named, speaker", [
    ("il a visité l'usine de Marc Olivier", "Paul Renard"),  # *l'usine de X*: X is talked about, not acting
    ("l'affaire a provoqué une tempête pour Marc Olivier", "Marc Olivier"),  # guard: only a *de* complement
])
def test_a_person_named_as_the_de_complement_of_a_thing_is_passed_over_by_a_description(fr, named, speaker):
    """*l'eurodéputé* takes up the one who acts, not a person the sentence talks about through a thing."""
    text = ("Paul Renard a passé la journée de lundi dans le Nord. Une fois n'est pas coutume, " + named + " à "
            "Roubaix. S'il a « tardé à comprendre l'urgence », selon l'eurodéputé, le ministre garde une marge de "
            "manœuvre.")
    quote = first_quote_holding(fr, text, "tardé à comprendre")
    assert quote is not None and quote.speaker_canonical == speaker
