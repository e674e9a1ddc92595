"""Session 41 hedges: the attribute of *sembler* / *paraître* where the parser gives it another role. Sentences
written for these tests; the rule's tests fail on the commit before it (86fbf50), the guards pass on both."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from recoupe.analysis.hedges import _misread_attributes, find_hedges


def _speculation(doc):
    return [h.text for h in find_hedges(doc) if h.kind == "speculation"]


@pytest.mark.parametrize("text, marker", [
    ("Le nouveau règlement semble une aubaine pour les grandes enseignes.", "semble une aubaine"),  # read as object
    ("Le projet de loi semble hors de portée.", "semble hors de portée"),  # a prepositional attribute
    ("Le maire, qui semble aujourd'hui en mesure de l'emporter, a parlé.", "semble aujourd'hui en mesure"),
])
def test_an_attribute_the_parser_reads_as_an_object_or_an_oblique(fr, text, marker):
    assert any(h.startswith(marker) for h in _speculation(fr(text))), _speculation(fr(text))


def _parsed(fr, words, heads, deps, pos, morphs):
    """A doc with the parse given (the parser's slips are not reproducible from sentences at will)."""
    return Doc(fr.vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)


def test_a_participle_the_parser_made_the_head_of_sembler_is_its_attribute(fr):
    # *Xavier Bertrand semble tenté par une candidature*, as the parser read a sentence of the kind: *semble* the
    # auxiliary of *tenté*
    doc = _parsed(fr, ["Bertrand", "semble", "tenté", "par", "une", "candidature"], [2, 2, 2, 5, 5, 2],
                  ["nsubj", "aux:tense", "ROOT", "case", "det", "obl:agent"], ["PROPN", "VERB", "VERB", "ADP", "DET",
                                                                                  "NOUN"],
                  ["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "", ""])
    for tok, lemma in zip(doc, ["Bertrand", "sembler", "tenter", "par", "un", "candidature"]):
        tok.lemma_ = lemma
    assert [t.text for t in _misread_attributes(doc[1])] == ["tenté"]


@pytest.mark.parametrize("text", [
    "La sanction semble à beaucoup une injustice.",  # *à* + someone: whose impression
    "Ce compromis me semble une erreur.",  # a dative clitic: a judgement
    "Son deuxième roman paraîtra en avril chez un petit éditeur.",  # *paraître*, to be published
    # the read-only review's cases, reworded: *paraître* published, *à* + someone whose impression it is
    "L'hebdomadaire paraît cinq jours par semaine.",
    "Ce vendredi paraît le troisième volume de ses mémoires.",
    "Le recueil, paru l'an dernier, a été traduit en douze langues.",
    "Le plan a semblé une évidence au conseil municipal.",
    "Le texte semble aux élus locaux une provocation.",
    # the second review's: a date the parser makes the xcomp of *paraître* (published) is no attribute
    "Le quotidien régional ne paraîtra pas dimanche en raison d'une grève.",
    "Le dernier roman de l'auteur paraît jeudi chez Gallimard.",
    "L'enquête, parue lundi dans Le Monde, a fait grand bruit.",
])
def test_a_judgement_or_a_publication_is_no_seeming(fr, text):
    assert _speculation(fr(text)) == []
