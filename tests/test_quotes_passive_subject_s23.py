"""A French passive's subject is what is said or whom it is said of, never who says it
(``syntax._subject_of_passive``, read by ``speaker_head``): *la trêve est proclamée, que…* made a report
spoken by "la trêve"; the agent speaks where there is one (*jugé utile par la Capeb*; not *par la suite*).
A subject the speech verb shares with a passive it is coordinated to, the subject of *contraint de*
before a speech infinitive and the subject of a verb whose *être* is a tense auxiliary stay speakers.
Issue 14, session 23. Invented sentences."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.syntax import speaker_head

from conftest import hand_parsed


def test_a_passive_subject_speaks_no_clause(fr):
    quotes = find_quotes(fr("Depuis lundi, la trêve est proclamée, que les deux camps respectent."))
    assert not [q for q in quotes if q.speaker is not None and q.speaker.text == "la trêve"]


def test_the_agent_of_a_passive_speaks(fr):
    # *Le projet est jugé utile par la Capeb .* as the parser reads such a sentence at times: the subject
    # labelled ``nsubj`` beside the passive auxiliary, the agent an ``obl:arg``
    words = ["Le", "projet", "est", "jugé", "utile", "par", "la", "Capeb", "."]
    heads = [1, 3, 3, 3, 3, 7, 7, 3, 3]
    deps = ["det", "nsubj", "aux:pass", "ROOT", "xcomp", "case", "det", "obl:arg", "punct"]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADJ", "ADP", "DET", "PROPN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[3] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    assert speaker_head(doc[3]).text == "Capeb"
    # a *par* phrase that names no one (*par la suite*) is a time, no agent: nobody speaks
    words[7], pos[7] = "suite", "NOUN"
    assert speaker_head(hand_parsed(fr, words, heads, deps, pos, morphs)[3]) is None


def test_a_subject_shared_with_a_coordinated_passive_speaks(fr):
    quotes = find_quotes(fr("L'arrêté avait été modifié avant sa publication et prévoyait que les bassins "
                            "seraient agrandis."))
    assert [(q.content.text, q.speaker.text) for q in quotes] == [("que les bassins seraient agrandis", "L'arrêté")]


@pytest.mark.parametrize("text, content, speaker", [
    # the subject of *contraint* speaks the infinitive after it
    ("Le ministre a été contraint de reconnaître : « Nous avons échoué. »", "Nous avons échoué.", "Le ministre"),
    # *être* as the tense auxiliary of a verb of movement, which the parser may read as a passive
    ("La députée est montée au créneau pour dénoncer une réforme injuste.", "pour dénoncer une réforme injuste",
     "La députée"),
    ("Les deux parties sont convenues que le cessez-le-feu serait respecté.",
     "que le cessez-le-feu serait respecté", "Les deux parties"),
])
def test_a_subject_that_speaks_stays(fr, text, content, speaker):
    quotes = find_quotes(fr(text))
    assert [(q.content.text, q.speaker.text) for q in quotes] == [(content, speaker)]


def test_a_relative_passive_makes_no_report(fr):
    # *qui est jugé dangereux par les syndicats*: the relative's passive is left to the reading of its
    # antecedent, as before; it made a report whose content ran into the main clause
    assert find_quotes(fr("Le texte, qui est jugé dangereux par les syndicats, sera examiné mardi.")) == []
