"""Session 45 hedges: *alors* right after a present conditional draws the consequence of a hypothesis. Sentences
written for these tests; the rule's tests fail on the commit before it (7c02a37), the guards pass on both."""

from __future__ import annotations

import pytest

from conftest import hedge_texts


@pytest.mark.parametrize("text", [
    "Avec la réforme, la mutuelle des artisans cesserait alors d'être un modèle pour le pays.",
    "Ce serait alors au président de nommer un successeur au gouvernement.",
    "Faute d'accord, les données pourraient donc alors être perdues.",
])
def test_a_present_conditional_before_alors_is_a_consequence(fr, text):
    assert hedge_texts(fr(text), "conditional") == []


@pytest.mark.parametrize("text, hedge", [
    ("Le directeur aurait alors appelé son adjoint pour effacer les fichiers.", "aurait alors appelé"),
    ("Les occupants dormiraient alors au premier étage, selon les pompiers.", "dormiraient"),
])
def test_what_alors_leaves_a_hedge(fr, text, hedge):
    """Guards: a past conditional (*at that moment*) and a sentence naming its source relay a fact."""
    assert any(hedge in h for h in hedge_texts(fr(text), "conditional"))
