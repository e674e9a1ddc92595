"""Session 38 hedges: the concordance of tenses through an infinitive, conditions stated otherwise than by *si*,
*sembler* as a copula of appearance, a conditional the morphologizer read into an imperfect. Sentences written
for these tests; each rule's tests fail on the commit before it (51a8de6) for the reason they name."""

from __future__ import annotations

import pytest

from recoupe.analysis.hedges import find_hedges


def _conditionals(doc):
    return [h.text for h in find_hedges(doc) if h.kind == "conditional"]


def _speculation(doc):
    return [h.text for h in find_hedges(doc) if h.kind == "speculation"]


@pytest.mark.parametrize("text", [
    "Le maire a fait savoir qu'il trancherait la question avant l'été.",
    "La sénatrice avait tenu à préciser qu'elle voterait contre le texte.",
])
def test_the_future_in_the_past_after_an_infinitive_of_speech_is_no_hedge(fr, text):
    # the infinitive has no tense: the past of *a fait*, *avait tenu* governs the concordance
    assert _conditionals(fr(text)) == []


def test_a_conditional_governor_keeps_the_hedges_below_it(fr):
    doc = fr("Le parquet s'apprêterait à poursuivre des courtiers qui auraient aidé l'escroc à fuir.")
    assert any("auraient aidé" in h for h in _conditionals(doc))


@pytest.mark.parametrize("text", [
    "Ce serait alors au Parlement de trancher la question.",
    "En cas de désaccord, l'adoption définitive n'interviendrait qu'en février.",
])
def test_a_condition_stated_without_si_makes_a_hypothesis(fr, text):
    assert _conditionals(fr(text)) == []


@pytest.mark.parametrize("text, hedge", [
    ("Le cargo aurait alors sombré en quelques minutes, selon des pêcheurs.", "sombré"),
    ("Les électeurs devraient connaître le gouvernement lundi (il sera resserré en cas de victoire).", "devraient"),
])
def test_a_narrative_then_or_a_condition_on_another_clause_leaves_the_hedge(fr, text, hedge):
    assert any(hedge in h for h in _conditionals(fr(text)))


def test_an_imperfect_read_as_a_conditional_is_no_hedge(fr):
    # *espérait*, which the morphologizer tags Mood=Cnd here: the stem ends in r; the conditional is *espérerait*
    doc = fr("Il espérait être accueilli par la préfète dès son retour.")
    assert "Cnd" in doc[1].morph.get("Mood")  # what the test is about: the tagger's slip
    assert _conditionals(doc) == []


@pytest.mark.parametrize("text, marker", [
    ("Pour les deux délégations, le calendrier semble serré.", "semble serré"),
    ("Certaines nominations semblent toutefois destinées à rassurer les élus.", "semblent"),
    ("Cela dit, il me semble que la réforme arrive trop tard.", "il me semble que"),
])
def test_seeming_with_an_attribute_is_speculation(fr, text, marker):
    assert any(h.startswith(marker) for h in _speculation(fr(text)))


@pytest.mark.parametrize("text", [
    "Ce choix me semble juste et mesuré.",
    "« Notre liste semble déranger beaucoup de monde », a-t-il lancé.",
])
def test_a_judgement_with_its_experiencer_or_a_quoted_impression_is_not_the_outlets(fr, text):
    assert _speculation(fr(text)) == []


@pytest.mark.parametrize("text", [
    "Le préfet a promis des sanctions contre ceux qui bloqueraient les dépôts de carburant.",
    "Elle décrit une ville où chacun trouverait sa place sans attendre.",
    "Les agriculteurs réclament un fonds qui couvrirait les pertes de récolte.",
])
def test_a_present_conditional_on_an_imagined_referent_is_no_hedge(fr, text):
    assert _conditionals(fr(text)) == []


def test_a_relative_on_a_definite_antecedent_stays_a_hedge(fr):
    doc = fr("Les enquêteurs examinent les courriels qui prouveraient la fraude.")
    assert any("prouveraient" in h for h in _conditionals(doc))


@pytest.mark.parametrize("text", [
    "Elle a retrouvé deux voisins qui sont inscrits sur les listes mais auraient du mal à se rendre au bureau de vote.",
    "Le préfet avait redouté de paraître reculer devant les manifestants.",
])
def test_a_conjoined_relative_on_a_number_and_an_appearance_feared_are_no_hedges(fr, text):
    assert [h.text for h in find_hedges(fr(text)) if h.kind in ("conditional", "speculation")] == []
