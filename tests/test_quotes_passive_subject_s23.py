"""A French passive's subject is what is said or whom it is said of, never who says it
(``syntax._passive_subject``, read by ``speaker_head``): *la trêve est proclamée, que…* made a report
spoken by "la trêve"; the agent speaks where there is one (*jugé utile par les artisans*). A subject
the speech verb shares with a passive it is coordinated to stays its own. Issue 14, session 23. Invented
sentences."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.syntax import speaker_head

from conftest import hand_parsed


def test_a_passive_subject_speaks_no_clause(fr):
    quotes = find_quotes(fr("Depuis lundi, la trêve est proclamée, que les deux camps respectent."))
    assert not [q for q in quotes if q.speaker is not None and q.speaker.text == "la trêve"]


def test_the_agent_of_a_passive_speaks(fr):
    # *Le projet est jugé utile par les artisans .* as the parser reads such a sentence at times: the subject
    # labelled ``nsubj`` beside the passive auxiliary, the agent an ``obl:arg``
    words = ["Le", "projet", "est", "jugé", "utile", "par", "les", "artisans", "."]
    heads = [1, 3, 3, 3, 3, 7, 7, 3, 3]
    deps = ["det", "nsubj", "aux:pass", "ROOT", "xcomp", "case", "det", "obl:arg", "punct"]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADJ", "ADP", "DET", "NOUN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[3] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    assert speaker_head(doc[3]).text == "artisans"


def test_a_subject_shared_with_a_coordinated_passive_speaks(fr):
    quotes = find_quotes(fr("L'arrêté avait été modifié avant sa publication et prévoyait que les bassins "
                            "seraient agrandis."))
    assert [(q.content.text, q.speaker.text) for q in quotes] == [("que les bassins seraient agrandis", "L'arrêté")]
