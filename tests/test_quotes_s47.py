"""Session 47: a quotation that is a sentence of its own, followed in its paragraph by a sentence whose subject
names a person (*« … ». La secrétaire générale du syndicat a donné le ton*), is that person's words: the lede's
way of putting the words first and the speaker after. Sentences written for these tests; the mechanism's test
fails on the commit before it, the guards pass on both."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quotes(text, lang="fr"):
    return next(iter(_analyzer.findings_many([text], lang=lang))).quotes


@pytest.mark.parametrize("text, words, speaker", [
    # a description of a person (a noun of roles) as the next sentence's subject
    ("« Nous ne lâcherons rien sur les salaires ». La secrétaire générale du syndicat a donné le ton mardi "
     "devant les grévistes.", "Nous ne lâcherons rien sur les salaires", "La secrétaire générale du syndicat"),
    # a name with its apposition, the stop inside the marks
    ('"Je ne serai pas candidat." Pierre Lemarchand, maire de la commune depuis 2008, a mis fin au suspense '
     "jeudi soir.", "Je ne serai pas candidat", "Pierre Lemarchand"),
    # after another sentence of the paragraph
    ("Le conseil municipal s'est réuni lundi. « Il faudra revoir tout le budget ». Le maire a reconnu des "
     "erreurs de calcul.", "Il faudra revoir tout le budget", "Le maire"),
])
def test_a_quotation_standing_alone_is_spoken_by_the_person_the_next_sentence_names(text, words, speaker):
    found = [q for q in _quotes(text) if q.kind == "direct" and words in q.content.text]
    assert found and found[0].speaker is not None and found[0].speaker.text.startswith(speaker)


def test_the_next_sentence_keeps_its_own_report():
    """The next sentence's verb is no verb of saying the quotation: what it reports stays its own quote."""
    text = ("Le conseil municipal s'est réuni lundi. « Il faudra revoir tout le budget ». Le maire a reconnu des "
            "erreurs de calcul.")
    assert any(q.kind == "indirect" and "erreurs de calcul" in q.content.text for q in _quotes(text))


@pytest.mark.parametrize("text", [
    # the next sentence's subject is a body, not a person
    "« Le pont sera rouvert en mars ». La mairie a publié un calendrier des travaux.",
    # a title, taken up by a noun of works
    "« Les Misérables ». Ce roman a été adapté au cinéma une dizaine de fois.",
    # the words after a colon belong to the clause that announced them
    "Le verdict est tombé : « coupable de tous les chefs ». La juge a ensuite levé l'audience.",
    # the next sentence is in another paragraph
    "« Il faudra revoir tout le budget ».\nLe maire a ensuite quitté la salle sous les applaudissements.",
])
def test_no_person_or_no_sentence_of_its_own_gives_no_speaker_from_the_next_sentence(text):
    assert not any(q.producer.startswith("rule:quotes.direct_introduced_next") for q in _quotes(text))
