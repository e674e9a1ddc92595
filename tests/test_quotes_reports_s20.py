"""Reported speech and its speakers, session 20 (issue 14): constructions the parse hides or the rules
did not read (a gerund behind its clitics, a participle qualifying who speaks, declarative verbs with
an infinitive, a frame's complement hung on the object, a fact learnt from a source), and quotes that
said nothing (a *comme* without a report). Sentences written for the tests."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes

from conftest import indirect_by_cue


def test_a_gerund_behind_its_clitic_reports(fr):
    doc = fr("La sénatrice a pris de haut son rival en lui rétorquant que ce dossier restait secondaire aux yeux des électeurs.")
    found = indirect_by_cue(find_quotes(doc), "rétorquant")
    assert found and found[0].content.text.startswith("que ce dossier")
    assert found[0].producer == "rule:quotes.indirect_clause" and found[0].speaker.text == "La sénatrice"


def test_a_participle_reports_for_the_noun_it_qualifies(fr):
    doc = fr("Après deux jours de silence, le ministère indiquant alors qu'il ouvrait une enquête interne.")
    verb = next(t for t in doc if t.text == "indiquant")
    assert verb.dep_ == "acl" and verb.head.text == "ministère"  # no comma: the absolute participial clause
    found = indirect_by_cue(find_quotes(doc), "indiquant")
    assert found and found[0].speaker.text == "le ministère"
    assert found[0].content.text.startswith("qu'il ouvrait")


def test_a_participle_of_a_noun_that_cannot_speak_reports_nothing(fr):
    doc = fr("On voit un panneau indiquant que le village est proche.")
    assert not indirect_by_cue(find_quotes(doc), "indiquant")


def test_the_noun_a_participle_qualifies_speaks_rather_than_the_main_clause(fr):
    doc = fr("Le syndicat a rencontré le directeur expliquant que la grève continuerait.")
    found = indirect_by_cue(find_quotes(doc), "expliquant")
    assert found and found[0].speaker.text == "le directeur"


def test_a_declarative_verb_takes_an_infinitive(fr):
    doc = fr("Pierre Durand explique avoir été approché par un élu local en janvier.")
    found = indirect_by_cue(find_quotes(doc), "explique")
    assert found and found[0].content.text.startswith("avoir été approché")
    assert found[0].speaker_canonical == "Pierre Durand"


def test_a_frame_complement_hung_on_the_object(fr):
    doc = fr("Le syndicat a répliqué en qualifiant le ministre de menteur patenté.")
    verb = next(t for t in doc if t.text == "qualifiant")
    assert not [c for c in verb.children if c.dep_ != "obj" and c.i > verb.i and c.text == "menteur"]  # the misparse
    found = indirect_by_cue(find_quotes(doc), "qualifiant")
    assert found and found[0].content.text == "le ministre de menteur patenté"


def test_a_modifier_of_the_object_is_no_complement_of_the_frame(fr):
    quotes = find_quotes(fr("Pierre Durand conseille le maire de Lyon depuis 2010."))
    assert not [q for q in quotes if q.kind == "indirect"]


def test_a_passive_comme_names_its_agent(fr):
    quotes = find_quotes(fr("Comme indiqué par le ministère, les écoles resteront fermées jusqu'à lundi."))
    found = [q for q in quotes if q.kind == "according_to"]
    assert found and found[0].speaker.text == "le ministère"


def test_comme_before_an_infinitive_or_a_bare_participle_is_no_report(fr):
    for text in ("Il nie les faits, comme contester les chiffres ou recompter les votes, sans fin.",
                 "Comme indiqué, le conseil du parti a perdu la majorité en 1964 dans la région."):
        assert not [q for q in find_quotes(fr(text)) if q.kind == "according_to"], text
    reported = find_quotes(fr("Comme le rapporte Libération, le ministre a quitté ses fonctions hier soir."))
    assert [q.speaker_canonical for q in reported if q.kind == "according_to"] == ["Libération"]


def test_an_incise_yields_to_the_report_inside_it(fr):
    doc = fr("Faute de convaincre le comité, Paul Durand avait tout d'abord soutenu que les locaux étaient "
             "trop petits, avance encore Le Monde.")
    quotes = find_quotes(doc)
    found = indirect_by_cue(quotes, "soutenu")
    assert found and found[0].speaker_canonical == "Paul Durand"  # the subject the parse hangs on the auxiliary
    assert not [q for q in quotes if q.producer == "rule:quotes.indirect_incise"]


def test_an_incise_keeps_a_report_made_in_a_relative_clause(fr):
    doc = fr("Les riverains, qui affirment que l'eau est polluée, ont manifesté devant la mairie, "
             "a indiqué la préfecture.")
    incises = [q for q in find_quotes(doc) if q.producer == "rule:quotes.indirect_incise"]
    assert incises and incises[0].speaker.text == "la préfecture"


def test_a_first_name_opening_a_sentence_belongs_to_the_name(fr):
    doc = fr("Le débat a repris hier.\nMarine Le Pen a affirmé mardi qu'elle voterait contre le texte.")
    assert "Marine Le Pen" in {e.canonical for e in doc._.entities}
    found = indirect_by_cue(find_quotes(doc), "affirmé")
    assert found and found[0].speaker_canonical == "Marine Le Pen"


def test_a_fact_learnt_from_a_source(fr):
    quotes = find_quotes(fr("La commune a fermé deux écoles, a-t-on appris lundi auprès de la préfecture."))
    learnt = [q for q in quotes if q.producer == "rule:quotes.according_to_learned"]
    assert learnt and learnt[0].content.text == "La commune a fermé deux écoles"
    assert learnt[0].speaker.text.endswith("préfecture")
    quotes = find_quotes(fr("On a appris hier que le maire démissionnait."))
    assert not [q for q in quotes if q.producer == "rule:quotes.according_to_learned"]


def test_a_past_participle_is_the_attribute_of_se_dire(fr):
    found = indirect_by_cue(find_quotes(fr("La ministre s'est dite scandalisée par ces propos.")), "dite")
    assert found and found[0].content.text.startswith("scandalisée")
