"""Indirect speech, session 11 (issue 14): speech locutions, a verb and a fixed noun that together
perform a speech act (``speech_locutions_fr.tsv``). Sentences written for the tests."""

from __future__ import annotations

from recoupe.analysis.lexicons import locution_words, speech_tokens
from recoupe.analysis.quotes import find_quotes

from conftest import indirect_by_cue


def test_locution_with_a_prepositional_complement_reports(fr):
    doc = fr("Le syndicat a mis en garde le gouvernement contre une hausse des tarifs.")
    assert [lemma for _, lemma in speech_tokens(doc, "fr")] == ["mettre en garde"]
    found = indirect_by_cue(find_quotes(doc), "mis")
    assert found and "contre une hausse des tarifs" in found[0].content.text
    assert "garde" not in found[0].content.text  # the locution's fixed words are no content


def test_locution_noun_may_carry_the_complement(fr):
    doc = fr("La ministre Claire Valin a lancé un nouvel appel à la retenue des deux camps.")
    verb = next(t for t in doc if t.lower_ == "lancé")
    lemma, fixed = locution_words(verb, "fr")
    assert lemma == "lancer appel" and [t.text for t in fixed] == ["appel"]  # determiner and adjective skipped
    found = indirect_by_cue(find_quotes(doc), "lancé")
    assert found and found[0].content.text.startswith("à la retenue")


def test_the_verb_alone_is_no_locution(fr):
    doc = fr("Le commerçant a mis la clé sous la porte après dix ans d'activité.")
    assert not [lemma for _, lemma in speech_tokens(doc, "fr")]
    assert not indirect_by_cue(find_quotes(doc), "mis")

