"""Session 39 speakers: a description takes up whom the narrative is about rather than a person named as a noun's
complement just before it, a pronoun after a dislocated phrase takes up whom the phrase names, and a subhead is
read as one when the text opens with its first paragraph (no title line). Sentences written for these tests; each
rule's test fails on the commit before the rule (fe09847) for the reason it names, the guards pass on both."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quotes(text):
    return next(iter(_analyzer.findings_many([text], lang="fr"))).quotes


def _speaker_of(text, fragment):
    return next(q.speaker_canonical for q in _quotes(text) if fragment in q.content.text)


# ``coreference.Discourse.person_named_near`` with ``actor``: before, the person named last (the complement) spoke
COMPLEMENT = ("Jean-Luc Morel a passé la matinée à Lille. Le chef du parti a suivi de près la gestion de Paul "
              "Vernet dans la région. S'il a « tardé à mesurer l'ampleur de la crise », selon l'eurodéputé, le "
              "ministre garde une marge de manœuvre.")


def test_a_description_takes_up_the_person_the_narrative_is_about_not_a_noun_s_complement():
    assert _speaker_of(COMPLEMENT, "tardé à mesurer") == "Jean-Luc Morel"


def test_the_complement_of_a_noun_of_what_one_says_names_who_speaks():
    text = ("Pas de soutien sans conditions pour Marc Aubry avant l'automne. C'est la position de Jean-Paul Férier, "
            "répétée lundi à la radio. « Nous verrons sur pièces », a déclaré le sénateur du Cher.")
    assert _speaker_of(text, "sur pièces") == "Jean-Paul Férier"


def test_a_person_named_after_a_preposition_does_not_take_the_complement_s_place():
    text = ("Un chèque en blanc pour Marc Aubry, jamais. Le choix de Jean-Paul Férier est fait depuis des mois. "
            "« Nous verrons sur pièces », a déclaré le sénateur du Cher.")
    assert _speaker_of(text, "sur pièces") == "Jean-Paul Férier"


# ``coreference.Discourse._dislocated_topic``: before, the pronoun took up the previous speaker (or nobody)
PREVIOUS = "« La ville a trop attendu », a réagi {} municipal{} {} Blanchet. "


def _accused(previous, opening):
    return PREVIOUS.format(*previous) + opening + " a accusé la mairie de « négliger les quartiers nord » depuis des années."


@pytest.mark.parametrize("opening, expected", [
    ("Quant au trésorier du collectif Bertrand Lhuillier, il", "Bertrand Lhuillier"),
    ("Quant à Claire Simonet, elle", "Claire Simonet"),
])
def test_a_pronoun_after_a_dislocated_phrase_takes_up_whom_it_names(opening, expected):
    assert _speaker_of(_accused(("le conseiller", "", "Henri"), opening), "négliger les quartiers") == expected


@pytest.mark.parametrize("previous, opening, expected", [
    (("la conseillère", "e", "Henriette"), "Quant à la trésorière du collectif, Claire Simonet, elle", "Claire Simonet"),
    (("le conseiller", "", "Henri"), "Le trésorier du collectif, Bertrand Lhuillier, il", "Bertrand Lhuillier"),
])
def test_what_other_rules_resolved_in_a_dislocation_stays(previous, opening, expected):
    assert _speaker_of(_accused(previous, opening), "négliger les quartiers") == expected


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
