"""Indirect speech, session 10 (issue 14): speech verbs in the infinitive that name no speech act, and
participial reports whose participle follows an object clitic. Sentences written for the tests."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.indirect import _unrealised_infinitive

from conftest import indirect_by_cue


def test_purpose_infinitive_is_no_report(fr):
    # not carried out: a purpose under a modal (session 51: one hung on a clause in the indicative reports)
    doc = fr("Marie Dupont devra multiplier les tribunes pour critiquer la réforme des retraites.")
    verb = next(t for t in doc if t.lower_ == "critiquer")
    assert _unrealised_infinitive(verb, "fr")
    assert not indirect_by_cue(find_quotes(doc), "critiquer")  # neither the rules nor the learned filter


def test_infinitive_complement_of_an_aspectual_verb_reports(fr):
    doc = fr("Marie Dupont continue de critiquer la réforme des retraites.")
    assert not _unrealised_infinitive(next(t for t in doc if t.lower_ == "critiquer"), "fr")
    found = indirect_by_cue(find_quotes(doc), "critiquer")
    assert found and found[0].content.text.startswith("la réforme")


def test_infinitive_with_a_que_clause_is_not_concerned(fr):
    doc = fr("Le sénateur Paul Mercier a profité du débat pour affirmer que la réforme serait votée en juin.")
    assert indirect_by_cue(find_quotes(doc), "affirmer")


def test_negated_speech_act_in_a_complement_frame_is_no_report(fr):
    doc = fr("Le ministre ne craint pas de bousculer les élus par toutes sortes de règlements.")
    assert not indirect_by_cue(find_quotes(doc), "craint")  # neither the rules nor the learned filter
    plain = fr("Le ministre Paul Mercier a dénoncé la fermeture des trois usines du groupe.")
    assert indirect_by_cue(find_quotes(plain), "dénoncé")


def test_negated_verb_with_a_que_clause_still_reports(fr):
    doc = fr("Le ministre Paul Mercier n'a pas nié que la fermeture des usines était décidée.")
    assert indirect_by_cue(find_quotes(doc), "nié")


def test_passive_report_with_a_pronoun_subject_holds_no_content(fr):
    noun = fr("Cet argument a été rejeté par le ministre Paul Mercier lors du débat de mardi.")
    assert indirect_by_cue(find_quotes(noun), "rejeté")
    pronoun = fr("Le texte a été voté en juin, alors qu'il avait été proposé par le groupe centriste dès 2018.")
    assert not indirect_by_cue(find_quotes(pronoun), "proposé")


def test_volition_verb_with_an_infinitive_is_no_report(fr):
    doc = fr("La sénatrice Marie Dupont souhaite quitter la commission des finances avant l'été.")
    # the rules no longer read an infinitive frame (the learned filter weighs the candidate on its own)
    assert not [q for q in indirect_by_cue(find_quotes(doc), "souhaite") if q.producer.startswith("rule:")]
    wish = fr("La sénatrice Marie Dupont souhaite que la commission des finances soit dissoute avant l'été.")
    assert indirect_by_cue(find_quotes(wish), "souhaite")
