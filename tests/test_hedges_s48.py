"""Session 48 hedges: a *si* clause conditions the verbs of its own part of the sentence, not a conditional the
sentence states before a colon or semicolon. Sentences written for these tests; the rule's tests fail on the
commit before it (ff2fa98), the guards pass on both."""

from __future__ import annotations

import pytest

from recoupe.analysis.hedges import find_hedges


def _conditionals(doc):
    return [h.text for h in find_hedges(doc) if h.kind == "conditional"]


@pytest.mark.parametrize("text, hedge", [
    ("La candidature de la maire, qui viserait la présidence du syndicat selon ses proches, n'est plus évoquée : "
     "si elle est soutenue par le bureau, elle devra encore convaincre les adhérents.", "viserait"),
    ("Le club disposerait d'une offre pour son attaquant, selon la presse locale : si le président acceptait, le "
     "transfert serait bouclé lundi.", "disposerait"),
])
def test_a_condition_after_a_colon_leaves_the_conditional_before_it_a_hedge(fr, text, hedge):
    assert any(hedge in h for h in _conditionals(fr(text)))


@pytest.mark.parametrize("text", [
    "Si le budget était voté, les travaux reprendraient au printemps.",
    "Le chantier est arrêté : si le budget était voté, les travaux reprendraient au printemps.",
    "Les travaux reprendraient au printemps si le budget était voté ; le maire attend le vote.",
])
def test_a_condition_in_the_same_part_of_the_sentence_is_still_a_hypothesis(fr, text):
    """Guards: the *si* clause and the conditional on the same side of the colon or semicolon."""
    assert _conditionals(fr(text)) == []
