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


def test_a_phrase_about_the_words_names_their_author_not_whom_they_were_addressed_to():
    text = ("« Quand je vois que, sitôt à la tête du parti, tu commences à tout changer, je m'inquiète ». Cette phrase "
            "de Paul Martin à Jean Durand a fait le tour des réseaux.")
    found = [q for q in _quotes(text) if q.kind == "direct" and "je m'inquiète" in q.content.text]
    assert found and found[0].speaker_canonical == "Paul Martin"


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
    # the next sentence's subject reacts to the words, is set against their speaker, or is their target
    "« Le gouverneur doit partir maintenant ». Paul Girard n'a pas réagi aux slogans scandés samedi.",
    "« Vous avez menti aux électeurs ». La ministre de la Culture a démenti les accusations portées par le sénateur.",
    "« Il ment comme il respire ». Le président du club a porté plainte contre l'auteur de ce message.",
    "« Il n'y aura pas de hausse des tarifs ». Le directeur financier, lui, reste beaucoup plus prudent.",
    # a nickname or a title without a verb, a question put to someone
    "« Le Lion de Belfort ». Pierre Durand a dirigé le club pendant vingt ans.",
    "« Allez-vous vous représenter en 2028 ? » La présidente sortante a esquivé la question.",
])
def test_no_person_or_no_sentence_of_its_own_gives_no_speaker_from_the_next_sentence(text):
    assert not any(q.producer.startswith("rule:quotes.direct_introduced_next") for q in _quotes(text))


def test_a_sentence_cut_before_a_comma_is_one_sentence():
    """The parser sometimes ends a sentence after a fronted phrase (*D'après l'hebdomadaire | , X est…*): no
    sentence opens with a comma, so ``sentence_bounds`` reads the two parts as one, from either side."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from recoupe.analysis.text import sentence_bounds

    words = ["D'", "après", "l'", "hebdomadaire", ",", "Paul", "est", "absent", ".", "Il", "rentre", "."]
    spaces = [False, True, False, False, True, True, True, False, True, True, False, False]
    starts = [True, False, False, False, True, False, False, False, False, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)
    whole = (0, len("D'après l'hebdomadaire, Paul est absent."))
    assert sentence_bounds(doc[1]) == whole and sentence_bounds(doc[6]) == whole
    assert sentence_bounds(doc[10]) == (whole[1] + 1, len(doc.text))
    # after a clause (a finite verb) too, since session 53: the closing incise is read in its sentence, and a
    # reported clause stops at it (``indirect.closing_incise_start``)
    words = ["Paul", "a", "dit", "non", ",", "avance", "Le", "Monde", "."]
    spaces = [True, True, True, False, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, sent_starts=[True, False, False, False, True] + [False] * 4)
    doc[1].set_morph("VerbForm=Fin")
    assert sentence_bounds(doc[0]) == sentence_bounds(doc[6]) == (0, len(doc.text))


def test_an_incise_in_the_middle_of_its_sentence_reports_the_clause_after_it():
    """*Ironie de l'histoire, rappelle le journal, le député avait…*: the words before the incise frame the clause
    after it, which is what the incise's speaker reports."""
    text = ("Ironie de l'histoire, rappelle alors le journal, le député avait vivement reproché à sa rivale "
            "d'avoir critiqué le président.")
    reports = [q for q in _quotes(text) if q.producer.startswith("rule:quotes.indirect_incise")]
    assert [q.content.text for q in reports] == [
        "le député avait vivement reproché à sa rivale d'avoir critiqué le président"]
    assert reports[0].speaker.text == "le journal"


def test_an_incise_closing_its_sentence_keeps_the_words_before_it():
    text = "Le projet est abandonné, a indiqué la préfète."
    assert [q.content.text for q in _quotes(text) if q.kind == "indirect"] == ["Le projet est abandonné"]


def test_an_incise_between_two_parts_of_a_quotation_keeps_the_words_before_it():
    """*Mais son « attitude », affirme le quotidien, « n'est au fond que… »*: the quotation after the incise is the
    direct quote; the words before it stay the incise's report."""
    text = "Mais son « attitude », affirme le quotidien, « n'est au fond que l'illustration d'un pouvoir dévoyé »."
    assert [q.content.text for q in _quotes(text) if q.producer.startswith("rule:quotes.indirect_incise")] == [
        "Mais son « attitude »"]


@pytest.mark.parametrize("text, words", [
    # a relative or subordinate clause after the incise is the incise's own; the words before it are reported
    ("Et après ?, demande un agriculteur, qui aurait perdu la moitié de sa récolte.", "Et après ?"),
    ("Pas de commentaire, répond la préfecture, où l'on dit attendre les conclusions de l'enquête.",
     "Pas de commentaire"),
])
def test_an_incise_followed_by_its_own_clause_keeps_the_words_before_it(text, words):
    assert [q.content.text for q in _quotes(text) if q.producer.startswith("rule:quotes.indirect_incise")] == [words]


@pytest.mark.parametrize("text", [
    # the sentence before the quotation has a person for subject: it may have introduced the words
    "Lors du débat, la candidate a attaqué son adversaire. « Vous êtes le candidat des banques ». Paul Girard a "
    "répliqué sèchement.",
    # a contrast adverbial, a title taken up by a noun of works
    "« Nous ne lâcherons rien ». Le directeur de l'usine, de son côté, reste prudent.",
    "« Je ne regrette rien ». La chanteuse a enregistré cette chanson en 1960.",
])
def test_a_sentence_that_may_not_be_the_speakers_gives_no_speaker(text):
    assert not any(q.producer.startswith("rule:quotes.direct_introduced_next") for q in _quotes(text))
