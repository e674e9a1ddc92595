"""Session 38 hedges: the concordance of tenses through an infinitive, a condition stated by *en cas de*, *sembler*
as a copula of appearance, a referent wished for, a conditional the morphologizer read into an imperfect. Sentences
written for these tests; each rule's tests fail on the commit before it (51a8de6) for the reason they name; the
review guards fail on the reviewed commit (a8e144f)."""

from __future__ import annotations

import pytest

from conftest import hedge_texts


@pytest.mark.parametrize("text", [
    "Le maire a fait savoir qu'il trancherait la question avant l'été.",
    "La sénatrice avait tenu à préciser qu'elle voterait contre le texte.",
])
def test_the_future_in_the_past_after_an_infinitive_of_speech_is_no_hedge(fr, text):
    # the infinitive has no tense: the past of *a fait*, *avait tenu* governs the concordance
    assert hedge_texts(fr(text), "conditional") == []


def test_a_conditional_governor_keeps_the_hedges_below_it(fr):
    doc = fr("Le parquet s'apprêterait à poursuivre des courtiers qui auraient aidé l'escroc à fuir.")
    assert any("auraient aidé" in h for h in hedge_texts(doc, "conditional"))


def test_a_condition_stated_by_en_cas_de_makes_a_hypothesis(fr):
    doc = fr("En cas de blocage au Sénat, le vote final ne surviendrait qu'au printemps.")
    assert hedge_texts(doc, "conditional") == []


@pytest.mark.parametrize("text, hedge", [
    ("Le cargo aurait alors sombré en quelques minutes, selon des pêcheurs.", "sombré"),
    ("Les électeurs devraient connaître le gouvernement lundi (il sera resserré en cas de victoire).", "devraient"),
    ("Les enquêteurs examinent les courriels qui prouveraient la fraude.", "prouveraient"),
    # review guards (on a8e144f): *alors* and *sinon* read as conditions (at that time, except); a past conditional
    # under an infinitive of speech (an earlier event, never a future-in-the-past); relatives on real antecedents
    ("Les occupants dormiraient alors, selon les pompiers.", "dormiraient"),
    ("Aucun élu, sinon le maire, ne serait au courant du projet, selon nos informations.", "serait"),
    ("L'avocat a tenu à rappeler que son client aurait été frappé pendant sa garde à vue.", "frappé"),
    ("Le parquet s'intéresse à une société écran qui appartiendrait à l'épouse du maire.", "appartiendrait"),
    ("La police a arrêté celui qui serait le cerveau du réseau de trafic de drogue.", "serait"),
    ("Le village où se cacherait le chef rebelle a été bombardé dans la nuit.", "cacherait"),
])
def test_the_journalistic_conditional_stays_a_hedge(fr, text, hedge):
    assert any(hedge in h for h in hedge_texts(fr(text), "conditional"))


def test_an_imperfect_read_as_a_conditional_is_no_hedge(fr):
    # *espérait*, which the morphologizer tags Mood=Cnd here: the stem ends in r; the conditional is *espérerait*
    doc = fr("Il espérait être accueilli par la préfète dès son retour.")
    assert "Cnd" in doc[1].morph.get("Mood")  # what the test is about: the tagger's slip
    assert hedge_texts(doc, "conditional") == []


@pytest.mark.parametrize("text, marker", [
    ("Pour les deux délégations, le calendrier semble serré.", "semble serré"),
    ("Plusieurs promotions paraissent pourtant destinées à calmer les cadres du parti.", "paraissent"),
    ("Cela dit, il me semble que la réforme arrive trop tard.", "il me semble que"),
])
def test_seeming_with_an_attribute_is_speculation(fr, text, marker):
    assert any(h.startswith(marker) for h in hedge_texts(fr(text), "speculation"))


@pytest.mark.parametrize("text", [
    "Ce choix me semble juste et mesuré.",
    "« Notre liste semble déranger beaucoup de monde », a-t-il lancé.",
    "La sanction lui a semblé disproportionnée, mais il a renoncé à faire appel.",  # review guard: before *a*
])
def test_a_judgement_with_its_experiencer_or_a_quoted_impression_is_not_the_outlets(fr, text):
    assert hedge_texts(fr(text), "speculation") == []


@pytest.mark.parametrize("text", [
    "Les agriculteurs réclament un fonds qui couvrirait les pertes de récolte.",
    "Elle dit sa nostalgie d'une époque où chacun trouverait sa place sans attendre.",
])
def test_a_present_conditional_on_a_referent_wished_for_is_no_hedge(fr, text):
    assert hedge_texts(fr(text), "conditional") == []


def test_an_appearance_feared_is_no_hedge(fr):
    doc = fr("Le préfet avait redouté de paraître reculer devant les manifestants.")
    assert hedge_texts(doc, "conditional", "speculation") == []
