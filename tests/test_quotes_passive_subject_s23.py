"""A French passive's subject is what is said or whom it is said of, never who says it
(``syntax._passive_subject``, read by ``speaker_head``): *la trêve est proclamée, que…* made a report
spoken by "la trêve"; the agent speaks where there is one (*jugé dangereux par les syndicats*). A subject
the speech verb shares with a passive it is coordinated to stays its own. Issue 14, session 23. Invented
sentences."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def test_a_passive_subject_speaks_no_clause(fr):
    quotes = find_quotes(fr("Depuis lundi, la trêve est proclamée, que les deux camps respectent."))
    assert not [q for q in quotes if q.speaker is not None and q.speaker.text == "la trêve"]


def test_the_agent_of_a_passive_speaks(fr):
    quotes = find_quotes(fr("Dans le détail, son bilan est davantage jugé positif par les cadres et les retraités."))
    assert quotes and all(q.speaker is not None and q.speaker.text.startswith("les cadres") for q in quotes)


def test_a_subject_shared_with_a_coordinated_passive_speaks(fr):
    quotes = find_quotes(fr("L'arrêté avait été modifié avant sa publication et prévoyait que les bassins "
                            "seraient agrandis."))
    assert [(q.content.text, q.speaker.text) for q in quotes] == [("que les bassins seraient agrandis", "L'arrêté")]
