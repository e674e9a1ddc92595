"""Session 44: a noun qualified by a speech verb's past participle with its agent is what the agent said (*la hausse
réclamée par les syndicats*, *les baisses d'impôts promises par la candidate*), when the verb's object frame makes
its object the content. Inside a sentence it is a report in passing: it takes no turn in the discourse, and its
speaker is the agent phrase, not a name the speaker scorer finds nearby. Sentences written for these tests; the
tests of the mechanism fail on the commit before it (no report), the guards pass on both."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quotes(text):
    return next(iter(_analyzer.findings_many([text], lang="fr"))).quotes


def _shown(quotes):
    return [(q.producer, q.content.text, q.speaker and q.speaker.text, q.speaker_canonical) for q in quotes]


@pytest.mark.parametrize("text, content, speaker", [
    ("Le rectorat a rejeté mardi la hausse des primes réclamée par les syndicats enseignants.",
     "la hausse des primes réclamée par les syndicats enseignants", "les syndicats enseignants"),
    ("Le budget devra financer plusieurs baisses d'impôts promises par Irène Castagnet pendant sa campagne.",
     "plusieurs baisses d'impôts promises par Irène Castagnet", "Irène Castagnet"),
])
def test_a_noun_said_by_the_agent_of_its_participle(text, content, speaker):
    quotes = _quotes(text)
    found = [q for q in quotes if q.content.text == content and q.producer == "rule:quotes.indirect_said_noun"]
    assert found, _shown(quotes)  # beside the main clause's report of it when its subject can speak (session 50)
    assert found[0].speaker.text == speaker


def test_a_sentence_headed_by_the_noun_is_a_report_of_its_own():
    """*Une version contestée par X.* is the whole sentence: a report like a passive clause, which takes its turn."""
    text = ("La préfecture a compté huit cents manifestants dans le centre. Une version contestée par Odile Ferrand, "
            "la déléguée syndicale. « Nous étions trois fois plus nombreux. »")
    quotes = _quotes(text)
    report = [q for q in quotes if q.content.text.startswith("Une version contestée")]
    assert report and report[0].producer == "rule:quotes.indirect_said_noun_alone", _shown(quotes)
    after = [q for q in quotes if q.content.text.startswith("Nous étions")]
    assert after and after[0].speaker_canonical == "Odile Ferrand", _shown(quotes)


def test_a_report_in_passing_takes_no_turn():
    """The quotation after *X a estimé que la taxe, annoncée par Y, …* continues X's turn, not Y's."""
    text = ("Mathilde Arnaud a estimé jeudi que la taxe sur les poids lourds, annoncée par le ministre Paul Verdier, "
            "restait trop floue. « Nous attendons des précisions avant l'été. »")
    quotes = _quotes(text)
    passing = [q for q in quotes if q.producer == "rule:quotes.indirect_said_noun"]
    assert passing and passing[0].speaker_canonical == "Paul Verdier", _shown(quotes)
    after = [q for q in quotes if q.content.text.startswith("Nous attendons")]
    assert after and after[0].speaker_canonical == "Mathilde Arnaud", _shown(quotes)


def test_the_agent_of_a_report_in_passing_is_not_traded_for_a_name_nearby():
    text = ("Pierre Lenoir a visité le chantier lundi matin. La fermeture de la ligne, annoncée par la direction "
            "régionale, inquiète les riverains.")
    quotes = _quotes(text)
    passing = [q for q in quotes if q.producer == "rule:quotes.indirect_said_noun"]
    assert passing and passing[0].speaker.text == "la direction régionale", _shown(quotes)
    assert passing[0].speaker_canonical != "Pierre Lenoir", _shown(quotes)


@pytest.mark.parametrize("text", [
    "La maison construite par son grand-père a brûlé dans la nuit.",  # not a speech verb
    "Selon les chiffres communiqués par la préfecture, trois cents personnes ont défilé.",  # the according-to reads it
    "Le tribunal a examiné les pièces communiquées par la défense.",  # a thing handed over, not words
    "D'après les chiffres communiqués par le ministère, le chômage a baissé.",  # the according-to reads it
    "Le maire a dénoncé la décision, a-t-il dit.",  # no participle
])
def test_no_report_in_passing(text):
    quotes = _quotes(text)
    assert not [q for q in quotes if q.producer == "rule:quotes.indirect_said_noun"], _shown(quotes)


def test_the_highest_agreeing_noun_of_the_phrase_is_the_one_qualified():
    """*le report du scrutin réclamé*: both nouns agree with *réclamé*; the phrase's head is what was asked for."""
    quotes = _quotes("Le ministre a écarté jeudi le report du scrutin municipal réclamé par l'opposition.")
    said = [q for q in quotes if q.producer == "rule:quotes.indirect_said_noun"]
    assert said and said[0].content.text == "le report du scrutin municipal réclamé par l'opposition", _shown(quotes)


def test_a_plural_agent_is_no_one_person():
    """The rules may give *les habitants* the préfet named before (a role's holder): a plural agent keeps its own
    phrase as speaker."""
    text = ("« La situation est sous contrôle », a déclaré le préfet Marc Olier. La fermeture du pont, dénoncée par "
            "les habitants du quartier, reste en vigueur.")
    quotes = _quotes(text)
    said = [q for q in quotes if q.producer == "rule:quotes.indirect_said_noun"]
    assert said and said[0].speaker.text == "les habitants du quartier", _shown(quotes)
    assert said[0].speaker_canonical != "Marc Olier", _shown(quotes)


def test_the_outer_verb_still_reports_the_noun_phrase():
    """*Le bailleur conteste la situation décrite par les locataires*: the noun phrase is what the locataires
    described and what the bailleur contests; the report in passing does not hide the outer one."""
    quotes = _quotes("Le bailleur de la résidence conteste la situation décrite par les locataires de l'immeuble.")
    speakers = {q.speaker.text for q in quotes if q.content.text.startswith("la situation décrite")}
    assert {"les locataires de l'immeuble", "Le bailleur de la résidence"} <= speakers, _shown(quotes)
