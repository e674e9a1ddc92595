"""Session 48 hedges: a *si* clause conditions the verbs of its own part of the sentence, not a conditional the
sentence states before a colon; a first-group conditional in *-eraient* the tagger took for another word is still
one; a conditional after comparative *comme* compares with an imagined act. Sentences written for these tests; the
rules' tests fail on the commit before them (ff2fa98), the guards pass on both."""

from __future__ import annotations

import pytest

from conftest import hedge_texts


@pytest.mark.parametrize("text, hedge", [
    ("La candidature de la maire, qui viserait la présidence du syndicat selon ses proches, n'est plus évoquée : "
     "si elle est soutenue par le bureau, elle devra encore convaincre les adhérents.", "viserait"),
    ("Le club disposerait d'une offre pour son attaquant, selon la presse locale : si le président acceptait, le "
     "transfert serait bouclé lundi.", "disposerait"),
])
def test_a_condition_after_a_colon_leaves_the_conditional_before_it_a_hedge(fr, text, hedge):
    assert any(hedge in h for h in hedge_texts(fr(text), "conditional"))


@pytest.mark.parametrize("text", [
    "Si le budget était voté, les travaux reprendraient au printemps.",
    "Le chantier est arrêté : si le budget était voté, les travaux reprendraient au printemps.",
    "Les travaux reprendraient au printemps si le budget était voté ; le maire attend le vote.",
])
def test_a_condition_in_the_same_part_of_the_sentence_is_still_a_hypothesis(fr, text):
    """Guards: the *si* clause and the conditional on the same side of the colon or semicolon."""
    assert hedge_texts(fr(text), "conditional") == []


@pytest.mark.parametrize("text, hedge", [
    ("Selon les derniers sondages, Julie Marchand et Paul Bernard se détacheraient nettement devant le maire "
     "sortant.", "détacheraient"),
    ("Selon une enquête récente, les deux candidats se détacheraient devant le maire sortant au premier tour.",
     "détacheraient"),
    ("Ces pays se fixeraient conjointement des objectifs ambitieux et exempteraient mutuellement leurs produits de "
     "taxes.", "fixeraient"),
])
def test_a_conditional_the_tagger_took_for_another_word_is_still_a_hedge(fr, text, hedge):
    """The tagger reads these *-eraient* forms as a noun, an adjective or an adverb: the ending is the verb's."""
    assert any(hedge in h for h in hedge_texts(fr(text), "conditional"))


@pytest.mark.parametrize("text", [
    "Les militants espéraient une victoire au premier tour.",
    "Les supporters serraient les rangs devant le stade.",
    "Les deux équipes se retiraient du championnat à la fin de la saison.",
])
def test_an_imperfect_of_a_verb_in_rer_is_no_conditional(fr, text):
    """Guards: imperfects whose stem ends in r share the ending *-raient*."""
    assert hedge_texts(fr(text), "conditional") == []


@pytest.mark.parametrize("text", [
    "Ses conseillers lui soufflaient un ordre comme ils le feraient à un stagiaire.",
    "Les agents traitent les dossiers comme ils le feraient pour leurs propres familles.",
])
def test_a_conditional_after_comparative_comme_compares_with_an_imagined_act(fr, text):
    assert hedge_texts(fr(text), "conditional") == []


def test_a_mistagged_conditional_after_comme_is_no_hedge_either(fr):
    """Guard of the *-eraient* rule: the verb the tagger took for a noun is read after *comme* as the others are."""
    doc = fr("Ses conseillers lui soufflaient un ordre comme ils l'intimeraient à un stagiaire.")
    assert hedge_texts(doc, "conditional") == []


def test_a_speech_verb_after_comme_still_reports(fr):
    """Guard: *comme l'aurait confié X* relays, with the journalistic conditional, what X said."""
    assert any("aurait confié" in h for h in hedge_texts(fr(
        "Le projet a été abandonné, comme l'aurait confié le ministre à ses proches."), "conditional"))
