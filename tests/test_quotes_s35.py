"""What French grammar says about a verb's auxiliary, its frames and the pronouns that take up people, read on the
develop sets' errors (issue 14, session 35), on invented sentences:

- a pronominal verb takes *être* in its compound tenses (*il s'est opposé à…*): that *être* makes no passive, so
  the *il* before it is the speaker, not an impersonal subject (``syntax.impersonal_passive``);
- *s'engager à* + an infinitive or *ce que* is a promise (``speech_frames`` ``à+inf``), not *s'engager* in a
  fight or at an age; *reprocher à X de* + an infinitive reproaches (``speech_frames`` ``reprocher obj,de``);
- a speech verb whose object is whom it aims at (``quote_words`` ``target_verbs``: *menacer*, *soutenir*) reports
  nothing in the passive without a *que* clause (``indirect._passive_report``): *Y est menacé / soutenu par X*;
- *celui-là* / *celle-là* take up the former of two people named together, of the pronoun's gender, *celui-ci* /
  *celle-ci* the latter (``speakers._former``);
- results, texts, proposals, indices and censuses are sources a figure is given by (``source_nouns.tsv``: *selon
  des résultats provisoires*).

Guards from the reviews: a passive pronominal with its *que* clause stays impersonal (*il s'est dit que…*), a
commitment asked for, refused, demanded or supposed is none (*refuse de s'engager à*, *si X s'engage à*), a
self-reproach is no speech (*se reprocher de*), *celui-là* with one person named nearby is that person, *selon*
after a verb of variation means "depending on" (*varieront selon les résultats*), *nous a assuré que* (told us)
is speech (only the subject's own clitic makes a reflexive), a relative's passive subject never speaks."""

from __future__ import annotations

import pytest
from conftest import first_quote_holding, quotes_in


_BUDGET = "Marc Dubreuil et Hélène Vasseur se sont affrontés sur le budget de la commune. "


@pytest.mark.parametrize("text, said_words, speaker", [
    # a pronominal verb in a compound tense has a personal subject
    ("Paul Girard a présenté son budget lundi. Il s'est opposé à la fermeture de la maternité de Vierzon.",
     "la fermeture de la maternité", "Paul Girard"),
    ("Nadia Ferhat a tenu une réunion publique. Elle s'est engagée à publier les comptes de la régie avant "
     "l'été.",
     "publier les comptes", "Nadia Ferhat"),
    # *reprocher à X de* + infinitive
    ("Lucie Fabre a reproché au ministre d'avoir caché les chiffres du chômage.", "caché les chiffres",
     "Lucie Fabre"),
    # the former and the latter
    (_BUDGET + "Celui-là a répliqué que les comptes étaient publics depuis janvier.",
     "les comptes étaient publics", "Marc Dubreuil"),
    (_BUDGET + "Celle-ci a répliqué que les comptes étaient publics depuis janvier.",
     "les comptes étaient publics", "Hélène Vasseur"),
    # guard from the first review: *celui-là* with one person named nearby is that person
    ("Alice Marchand présidait le conseil en mars.\nRémi Castel a reçu les délégués de la chambre "
     "d'agriculture. Celui-là a affirmé que la commune paierait les clôtures.",
     "la commune paierait", "Rémi Castel"),
    # guards from the second review: *nous a assuré que* (told us) is speech, only the subject's own clitic reflexive
    ("La gérante de la coopérative, Sandrine Bellec, nous a assuré que les livraisons reprendraient lundi.",
     "les livraisons reprendraient", "Sandrine Bellec"),
    ("Le pilote Karim Haddou m'a rappelé que la piste était fermée depuis deux jours.",
     "la piste était fermée", "Karim Haddou"),
])
def test_a_report_and_its_speaker(fr, text, said_words, speaker):
    said = first_quote_holding(fr, text, said_words)
    assert said is not None and said.speaker_canonical == speaker


@pytest.mark.parametrize("text", [
    "Le club de Rodez s'engage à fond dans la course au titre cette saison.",
    "Mathieu Carles s'est engagé dans la marine à dix-neuf ans, après son baccalauréat.",
])
def test_s_engager_without_an_infinitive_is_no_promise(fr, text):
    assert quotes_in(fr, text) == {}


@pytest.mark.parametrize("text, reported", [
    ("Le barrage de la vallée est menacé par les crues du printemps, selon les hydrologues.", False),
    ("Le candidat sortant est soutenu par trois associations de commerçants du centre-ville.", False),
    ("La nouvelle grille des salaires est dénoncée par les syndicats de la fonction publique.", True),
])
def test_a_passive_reports_only_what_its_verb_says(fr, text, reported):
    passives = [q for q in quotes_in(fr, text).values() if q.producer.endswith("indirect_passive")]
    assert bool(passives) is reported


@pytest.mark.parametrize("text, cue_word", [
    ("Yann Corre a quitté la séance. Il s'est confirmé depuis que la centrale avait rejeté l'offre du repreneur.",
     "confirm"),
    ("Le syndicat refuse de s'engager à suspendre la grève des contrôleurs.", "engage"),
    ("Si la direction s'engage à maintenir les postes, les salariés reprendront le travail lundi.", "engage"),
    ("Le gardien Loïc Berthou se reproche de ne pas avoir arrêté le tir des Lyonnais.", "reproche"),
])
def test_what_a_pronominal_or_a_pledge_does_not_report(fr, text, cue_word):
    assert not [q for q in quotes_in(fr, text).values() if q.cue is not None and cue_word in q.cue.text]


def test_a_figure_given_by_results_is_according_to_them(fr):
    text = "La liste sortante obtient 54,2 % des suffrages au second tour, selon des résultats encore provisoires."
    said = first_quote_holding(fr, text, "54,2 %")
    assert said is not None and said.kind == "according_to" and "résultats" in said.speaker.text


def test_a_relative_passive_on_a_source_noun_makes_no_report(fr):
    # guard: *résultat* is a source noun now, and a relative's passive subject is what is judged, never who judges
    assert quotes_in(fr, "Les résultats, qui sont jugés décevants par la direction, seront publiés lundi.") == {}


@pytest.mark.parametrize("text, cue_word", [
    ("La fédération critique dès qu'elle le peut la réforme des retraites.", "critique"),
    ("Hugo Marchal s'est avisé que les subventions ne couvriraient pas les travaux.", "avisé"),
])
def test_a_locution_or_a_realisation_is_no_report(fr, text, cue_word):
    # *dès que*, *avant que*: an adverbial clause, not what is said; *s'aviser que*: to realise, not to say
    assert not [q for q in quotes_in(fr, text).values()
                if q.cue is not None and cue_word in q.cue.text and q.kind == "indirect" and "qu" in q.content.text[:3]]


@pytest.mark.parametrize("text", [
    "Les indemnités des commerçants varieront selon les résultats de chaque agence régionale.",
    "Selon la proposition retenue par le conseil, le coût du chantier oscillera entre trois et cinq millions.",
])
def test_selon_after_a_verb_of_variation_means_depending_on(fr, text):
    # guard from the second review: *selon* after *varier*, *osciller*, *calculer* (``quote_words`` ``variation_verbs``)
    assert not [q for q in quotes_in(fr, text).values() if q.kind == "according_to"]
