"""Session 46: a French passive the parser reads with *être* as a copula or a tense auxiliary (*les adhérents sont
priés de « … »*) is a passive all the same: its subject is whom the words are addressed to, not who speaks them.
Sentences written for these tests; the mechanism's test fails on the commit before it, the guards pass on both."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig
from recoupe.analysis.quotes.syntax import reflexive
from recoupe.nlp import get_nlp

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quotes(text, lang="fr"):
    return next(iter(_analyzer.findings_many([text], lang=lang))).quotes


@pytest.mark.parametrize("text, addressees", [
    # *sont* parsed as a copula, the participle with no voice: the parse of a present passive
    ('Ce mardi, les bénévoles sont ainsi invités à "distribuer trente tracts" pour faire connaître le festival.',
     "les bénévoles"),
    # *sont* parsed as a tense auxiliary, the participle with no voice
    ("Les riverains sont invités à « fermer leurs volets » jusqu'à nouvel ordre.", "Les riverains"),
])
def test_the_subject_of_a_passive_the_parser_misreads_does_not_speak(text, addressees):
    """*les bénévoles sont invités à « … »*: the volunteers are asked; the words are the organisers'."""
    assert [q for q in _quotes(text) if q.speaker is not None and q.speaker.text == addressees] == []


@pytest.mark.parametrize("text, speaker", [
    # a passive with its agent keeps reading the agent (``indirect_passive``)
    ("La directrice a été accusée de « mépris » par les syndicats de l'usine.", "les syndicats de l'usine"),
    # a pronominal verb takes *être* and is active
    ("Le sénateur s'est dit « très préoccupé » après le vote du budget.", "Le sénateur"),
    # an active speech verb keeps its subject
    ("Les riverains ont dénoncé un « vacarme permanent » devant la mairie.", "Les riverains"),
])
def test_active_and_agentive_reports_keep_their_speaker(text, speaker):
    assert speaker in [q.speaker.text for q in _quotes(text) if q.speaker is not None]


def test_reflexive_reads_the_clitic_and_its_place():
    doc = get_nlp("fr")("Le maire s'est dit satisfait.")
    verb = next(t for t in doc if t.lemma_ == "dire")
    assert reflexive(verb) and reflexive(verb, before=True)
    doc = get_nlp("fr")("Le maire a dit qu'il était satisfait.")
    verb = next(t for t in doc if t.lemma_ == "dire")
    assert not reflexive(verb)
