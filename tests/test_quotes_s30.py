"""Speakers read on a fresh development set's errors (issue 14, session 30, dev7), on invented sentences:

- an incise over a quotation closed by its own incise relays it (``quotes._relayed_quotation``): in
  *« … », expliquait alors X, rappelle Le Journal*, X speaks and the outlet is the channel; a quotation whose
  cue does not follow it (the quotation a subject) is not relayed;
- a date or a time is never the subject of an inverted incise (``syntax.time_phrase``): *«…», avait confié
  le 3 juin X*; a proper noun coordinated to an oblique's (*sur France Inter et LCI X*) is passed over to the
  person named after it (``syntax._past_conjunct``);
- a singular demonstrative a subject relative describes (*Celui qui a tout écouté estime…*) is taken up as *il* /
  *elle* (``speakers._described_by_relative``); not *celle que…*;
- guards from the review: a month in a name is no date (*Avril Haines*, *Le Soir*); *celui qui* keeps its gender,
  yields to a name apposed to it and to a report of its own relative (a maxim)."""

from __future__ import annotations

import pytest
from conftest import quotes_in


def _by_start(quotes: dict, opening: str):
    return next(q for text, q in quotes.items() if text.lstrip("«\"“ ").startswith(opening))


def test_an_outlet_recalling_a_quotation_is_its_channel_not_its_speaker(fr):
    quotes = quotes_in(fr, "Le conseil municipal s'est réuni hier. « Nous refusons tout accord avec ce parti, quelles "
                           "que soient les circonstances », expliquait alors Paul Durand, rappelle Le Figaro. Le texte "
                           "fut voté.")
    said = [q for text, q in quotes.items() if "Nous refusons" in text]
    assert said and all(q.speaker_canonical == "Paul Durand" for q in said)


def test_a_quotation_that_is_a_subject_keeps_the_report_around_it(fr):
    quotes = quotes_in(fr, "La ministre a fait le point. « Le but que je me suis donné » est que chaque élève trouve "
                           "une place en classe préparatoire, a-t-elle affirmé. La rentrée approche.")
    assert any("chaque élève trouve une place" in text for text in quotes)


@pytest.mark.parametrize("incise", ["avait confié le 3 juin Paul Mercier.",
                                    "avait confié le 3 juin au matin Paul Mercier, porte-parole du collectif."])
def test_a_date_after_the_verb_is_not_the_speaker(fr, incise):
    quotes = quotes_in(fr, f'"Elle correspond tout à fait au profil recherché" {incise}')
    said = _by_start(quotes, "Elle correspond")
    assert said.speaker.text.startswith("Paul Mercier") and said.speaker_canonical == "Paul Mercier"


@pytest.mark.parametrize("media", ["France Inter et LCI", "Europe 1 et CNews"])
def test_a_second_medium_of_an_oblique_is_passed_over(fr, media):
    quotes = quotes_in(fr, f"« Le projet de réforme est mort et enterré pour de bon », a estimé mardi sur {media} "
                           "Martine de Lasalle. « Il faut repartir de zéro », ajoute-t-elle.")
    assert _by_start(quotes, "Le projet").speaker_canonical == "Martine de Lasalle"
    assert _by_start(quotes, "Il faut").speaker_canonical == "Martine de Lasalle"


def test_a_date_before_a_description_is_skipped(fr):
    quotes = quotes_in(fr, "« Nous voulons une école ouverte à tous », a répété le 12 mars la directrice de l'école.")
    assert _by_start(quotes, "Nous voulons").speaker.text.startswith("la directrice")


@pytest.mark.parametrize("name, relative", [("Paul Mercier", "Celui qui a tout écouté"),
                                            ("Anne Mercier", "Celle qui a dirigé le groupe pendant dix ans")])
def test_a_demonstrative_described_by_a_relative_is_the_person_spoken_of(fr, name, relative):
    quotes = quotes_in(fr, f"« Je quitte le parti ce soir », a déclaré {name} mercredi. {relative} estime que la "
                           "ligne du parti a changé.")
    assert _by_start(quotes, "que la ligne").speaker_canonical == name


def test_a_demonstrative_with_an_object_relative_is_no_speaker(fr):
    from recoupe.analysis.quotes.speakers import _described_by_relative

    subject = fr("Celle qui a dirigé le groupe estime que la ligne a changé.")[0]
    taken_up = fr("Celle que tout le monde attendait affirme que la ligne a changé.")[0]
    assert _described_by_relative(subject, None) and not _described_by_relative(taken_up, None)


@pytest.mark.parametrize("incise", ["avait confié le\u00a03 juin dans la soirée\u00a0Paul Mercier, porte-parole du collectif.",
                                    "répétait encore ce jeudi matin,\u00a0Paul Mercier sur RTL."])
def test_a_no_break_space_in_an_incise_is_no_word(fr, incise):
    quotes = quotes_in(fr, "Le collectif a tenu une réunion publique. « Nous voulons une école ouverte à tous les "
                           f"enfants du quartier » {incise}")
    assert _by_start(quotes, "Nous voulons").speaker_canonical == "Paul Mercier"


@pytest.mark.parametrize("text, speaker", [
    ("Avril Haines a déclaré que la menace restait élevée.", "Avril Haines"),
    ("« La menace reste élevée », a déclaré Avril Haines devant le Sénat.", "Avril Haines"),
    ("Le Soir affirme que le gouvernement belge va tomber.", "Soir")])
def test_a_month_in_a_name_is_no_date(fr, text, speaker):
    quotes = quotes_in(fr, text)
    assert any(speaker in (q.speaker_canonical or "") for q in quotes.values())


@pytest.mark.parametrize("text, opening, not_speaker", [
    # the pronoun's gender: not the woman named last
    ("Marc Dupont a été battu. Julie Marchand a gagné. Celui qui a perdu a reconnu que la campagne avait été dure.",
     "que la campagne", "Julie Marchand"),
    # a name apposed to the pronoun (the parser hangs it on the relative's noun) is who speaks
    ("Julie Marchand est arrivée tôt. Celle qui préside l'association, Claire Dubois, a expliqué que la salle était "
     "pleine.", "que la salle", "Julie Marchand")])
def test_celui_qui_takes_up_no_one_it_cannot_be(fr, text, opening, not_speaker):
    assert _by_start(quotes_in(fr, text), opening).speaker_canonical != not_speaker


def test_a_maxim_in_a_relative_speaks_for_nobody(fr):
    quotes = quotes_in(fr, "Marc Dupont a parlé longtemps devant les élus. Celui qui prétend que la Terre est plate se "
                           "trompe lourdement.")
    assert all(q.speaker_canonical != "Marc Dupont" for text, q in quotes.items() if "Terre" in text)
