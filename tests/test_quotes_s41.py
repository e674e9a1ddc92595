"""Session 41: a verb the direct rules read as closing a quotation before it (the quotation sits in a fronted clause)
still reports what follows it, said by its own subject. Sentences written for these tests; the rule's tests fail on
the commit before it for the reason they name, the guards (incises of every kind, the read-only review's cases) pass
on it."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quotes(text):
    return next(iter(_analyzer.findings_many([text], lang="fr"))).quotes


@pytest.mark.parametrize("text, content, speaker", [
    # a quotation in a fronted participial clause, an infinitive frame after the verb
    ("Tendant la main aux « électeurs déçus par la gauche », la candidate a appelé les abstentionnistes à voter "
     "dimanche.", "à voter dimanche", "la candidate"),
    # a quotation in a fronted adverbial, a *que* clause after the verb
    ("Interrogé sur son « plan de relance », le maire de Valence a assuré que les travaux reprendraient en mai.",
     "que les travaux reprendraient en mai", "le maire de Valence"),
    # a quotation in a fronted prepositional phrase, a noun object after the verb
    ("Dans le cadre de son « Plan Mobilité 2030 », la présidente de région annonce un triplement des lignes de car.",
     "un triplement des lignes de car", "la présidente de région"),
])
def test_a_verb_after_a_fronted_quotation_reports_what_follows_it(text, content, speaker):
    quotes = _quotes(text)
    reported = [q for q in quotes if q.kind == "indirect" and content in q.content.text]
    assert reported, [(q.kind, q.content.text, q.cue and q.cue.text) for q in quotes]
    assert reported[0].speaker.text == speaker
    assert reported[0].content.start > reported[0].cue.end  # what follows the verb, not the quotation before it


@pytest.mark.parametrize("text", [
    "« Nous partirons à l'aube », a déclaré le capitaine au quotidien régional.",  # inverted subject
    "« Qui paiera la facture ? », lui a demandé Inès, une habitante du quartier.",  # an object clitic, then the subject
    "« Nous ne céderons rien », avait-il affirmé quelques heures après le vote du conseil.",  # an inverted clitic
    "« Il n'y a rien à cacher », admet le directeur de l'usine devant les salariés.",
    # a quotation that opens the sentence, its subject put first: whom it was said to, when, or the quotation
    # taken up (the read-only review's cases, reworded)
    "« Il n'y aura pas de report », la rectrice a prévenu les parents jeudi.",
    "« Je ne céderai pas », le président du club a répété cette phrase devant les supporters.",
    "« Nous ferons appel », l'avocate a confirmé l'information à l'AFP.",
])
def test_an_incise_after_its_quotation_reports_nothing_more(text):
    quotes = _quotes(text)
    assert [q.kind for q in quotes] == ["direct"], [(q.kind, q.content.text) for q in quotes]


def test_a_subject_before_the_quotation_leaves_the_verb_to_it():
    text = "Ce proche du candidat, qui « votera blanc dimanche », ne se dit pas surpris par le score du parti."
    reported = [q for q in _quotes(text) if q.kind == "indirect"]
    assert all(q.speaker is None or "votera" not in q.speaker.text for q in reported)


def test_a_quotation_opening_the_sentence_still_leaves_a_clause_of_its_own():
    text = "« Nous sommes prêts », la capitaine a assuré que l'équipe jouerait sans pression."
    assert [q.content.text for q in _quotes(text) if q.kind == "indirect"] == ["que l'équipe jouerait sans pression"]
