"""Session 39 speakers and hedges: a pronoun after a dislocated phrase takes up whom the phrase is about, a subhead is
read as one when the text opens with its first paragraph (no title line), a past conditional beside a present *si*
is a reported one. Sentences written for these tests; each rule's test fails on the commit before the rule (fe09847)
for the reason it names, the guards (the two read-only reviews' cases, reworded) pass on both."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quotes(text):
    return next(iter(_analyzer.findings_many([text], lang="fr"))).quotes


def _speaker_of(text, fragment):
    return next(q.speaker_canonical for q in _quotes(text) if fragment in q.content.text)


# ``coreference.Discourse._dislocated_topic``: before, the pronoun took up the previous speaker (or nobody)
PREVIOUS = "« La ville a trop attendu », a réagi {} municipal{} {} Blanchet. "


def _accused(previous, opening):
    said = " a accusé la mairie de « négliger les quartiers nord » depuis des années."
    return PREVIOUS.format(*previous) + opening + said


@pytest.mark.parametrize("opening, expected", [
    ("Quant au trésorier du collectif Bertrand Lhuillier, il", "Bertrand Lhuillier"),
    ("Quant à Claire Simonet, elle", "Claire Simonet"),
])
def test_a_pronoun_after_a_dislocated_phrase_takes_up_whom_it_names(opening, expected):
    assert _speaker_of(_accused(("le conseiller", "", "Henri"), opening), "négliger les quartiers") == expected


@pytest.mark.parametrize("previous, opening, expected", [
    (("la conseillère", "e", "Henriette"), "Quant à la trésorière du collectif, Claire Simonet, elle",
     "Claire Simonet"),
    (("le conseiller", "", "Henri"), "Le trésorier du collectif, Bertrand Lhuillier, il", "Bertrand Lhuillier"),
])
def test_what_other_rules_resolved_in_a_dislocation_stays(previous, opening, expected):
    assert _speaker_of(_accused(previous, opening), "négliger les quartiers") == expected


@pytest.mark.parametrize("opening", [
    "Proche de Bertrand Lhuillier, il",  # an apposition with no determiner describes the pronoun's own referent
    "Le patron de la RATP, il",  # an organisation in a complement is not what the phrase is about
    "Quant à la RATP, il",  # *la RATP* is no *il*
    "Bertrand Lhuillier absent, il",  # a circumstance (the tagger reads *absent* into the name)
])
def test_no_topic_taken_from_an_apposition_a_complement_or_a_body_of_another_gender(opening):
    text = ("Henri Blanchet a pris la parole le premier. « La ville a trop attendu », a-t-il déclaré. "
            + opening + " a ajouté : « Le quartier nord est oublié. »")
    assert _speaker_of(text, "quartier nord est oublié") == "Henri Blanchet"


def test_no_dislocation_after_a_conjunction_and_an_oblique():
    text = _accused(("le conseiller", "", "Henri"), "Mais dans une interview au Courrier picard, il")
    assert _speaker_of(text, "négliger les quartiers") == "Henri Blanchet"


# ``direct.subhead``: before, a subhead in the text's second line was read as part of the lede
NO_TITLE = ("Au lendemain d'un conseil municipal houleux, l'opposition réclame un référendum sur le projet de port. "
            "« Les habitants doivent trancher, pas la mairie », a lancé mardi son chef de file, Marc Lefort.\n"
            "« Un port pour tous, toute l'année »\n"
            "Devant la presse, la maire a défendu son calendrier. « Nous voulons un port ouvert à tous, toute "
            "l'année, aux pêcheurs comme aux plaisanciers », a déclaré Hélène Garnier.\n"
            "« Un budget serré »\n"
            "Le conseil votera le budget en juin. « Chaque euro sera compté », a prévenu Hélène Garnier.\n"
            "Les travaux commenceront à l'automne.")


def test_a_subhead_in_the_second_line_of_a_text_without_title_pulls_from_the_section_below():
    quotes = [q for q in _quotes(NO_TITLE) if q.content.text == "Un port pour tous, toute l'année"]
    assert [q.speaker_canonical for q in quotes] == ["Hélène Garnier"]


def test_no_second_line_subhead_when_no_quoted_subhead_follows():
    from recoupe.analysis.quotes.direct import subhead
    from recoupe.nlp import get_base_nlp

    words = "Un port pour tous, toute l'année"
    text = NO_TITLE.replace("« Un budget serré »", "Photo Marc Lefort")  # a credit line is no subhead
    start = text.index(words)
    assert not subhead(get_base_nlp("fr")(text), start, start + len(words))


def test_a_short_first_line_is_still_a_title_and_the_line_after_it_no_subhead():
    from recoupe.analysis.quotes.direct import subhead
    from recoupe.nlp import get_base_nlp

    words = "Un port pour tous, toute l'année"
    text = NO_TITLE.replace(NO_TITLE.split("\n")[0], "Le port de la ville")
    start = text.index(words)
    assert not subhead(get_base_nlp("fr")(text), start, start + len(words))
    # the same line after a first paragraph is a subhead
    start = NO_TITLE.index(words)
    assert subhead(get_base_nlp("fr")(NO_TITLE), start, start + len(words))


# ``hedges._past_conditional``: before, any *si* clause in the sentence made the conditional a hypothesis
def _hedged(text):
    return [h.text for h in next(iter(_analyzer.findings_many([text], lang="fr"))).hedges]


def test_a_past_conditional_beside_a_present_si_is_a_reported_one():
    text = ("S'il n'est pas encore officiellement candidat, le maire aurait déjà réuni ses soutiens, selon nos "
            "informations.")
    assert any("aurait déjà réuni" in h for h in _hedged(text))


@pytest.mark.parametrize("text", [
    "Si le texte est adopté, les loyers baisseraient de 5 à 10 % selon les quartiers.",
    "Le suspect, s'il est reconnu coupable, encourrait trente ans de prison, selon le parquet.",
    "S'il était élu, il aurait réformé la police, selon ses proches.",
    "Selon le règlement, si un joueur est exclu, il serait suspendu deux matchs.",  # a passive's *serait*
])
def test_a_present_conditional_beside_si_or_a_past_one_beside_an_imperfect_stays_a_hypothesis(text):
    assert _hedged(text) == []


def test_a_dislocated_pick_points_at_the_name_in_the_phrase():
    text = _accused(("le conseiller", "", "Henri"), "Quant au trésorier du collectif Bertrand Lhuillier, il")
    quote = next(q for q in _quotes(text) if "négliger les quartiers" in q.content.text)
    evidence = quote.speaker_evidence
    assert evidence is not None and text[evidence.start:evidence.end] == "Bertrand Lhuillier"
