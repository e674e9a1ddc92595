"""What French grammar says about a verb's auxiliary, its frames and the pronouns that take up people, read on the
develop sets' errors (issue 14, session 35), on invented sentences:

- a pronominal verb takes *être* in its compound tenses (*il s'est opposé à…*): that *être* makes no passive, so
  the *il* before it is the speaker, not an impersonal subject (``syntax.impersonal_passive``);
- *s'engager à* + an infinitive or *ce que* is a promise (``speech_frames`` ``à+inf``), not *s'engager* in a
  fight or at an age; *reprocher à X de* + an infinitive reproaches (``speech_frames`` ``reprocher obj,de``);
- a speech verb in the passive reports only when its object is what it says (``speech_frames`` obj) or it has
  a *que* clause (``indirect._passive_report``): *Y est menacé / soutenu par X* reports nothing;
- *celui-là* / *celle-là* take up the former of two people, *celui-ci* / *celle-ci* the latter
  (``speakers._former``)."""

from __future__ import annotations

import pytest
from conftest import first_quote_holding, quotes_in


@pytest.mark.parametrize("text, said_words, speaker", [
    ("Paul Girard a présenté son budget lundi. Il s'est opposé à la fermeture de la maternité de Vierzon.",
     "la fermeture de la maternité", "Paul Girard"),
    ("Nadia Ferhat a tenu une réunion publique. Elle s'est engagée à publier les comptes de la régie avant l'été.",
     "publier les comptes", "Nadia Ferhat"),
])
def test_a_pronominal_verb_in_a_compound_tense_has_a_speaker(fr, text, said_words, speaker):
    said = first_quote_holding(fr, text, said_words)
    assert said is not None and said.speaker_canonical == speaker


@pytest.mark.parametrize("text", [
    "Le club de Rodez s'engage à fond dans la course au titre cette saison.",
    "Mathieu Carles s'est engagé dans la marine à dix-neuf ans, après son baccalauréat.",
])
def test_s_engager_without_an_infinitive_is_no_promise(fr, text):
    assert quotes_in(fr, text) == {}


def test_reprocher_a_x_de_reports_the_reproach(fr):
    said = first_quote_holding(fr, "Lucie Fabre a reproché au ministre d'avoir caché les chiffres du chômage.",
                               "caché les chiffres")
    assert said is not None and said.speaker_canonical == "Lucie Fabre"


@pytest.mark.parametrize("text, reported", [
    ("Le barrage de la vallée est menacé par les crues du printemps, selon les hydrologues.", False),
    ("Le candidat sortant est soutenu par trois associations de commerçants du centre-ville.", False),
    ("La nouvelle grille des salaires est dénoncée par les syndicats de la fonction publique.", True),
])
def test_a_passive_reports_only_what_its_verb_says(fr, text, reported):
    passives = [q for q in quotes_in(fr, text).values() if q.producer.endswith("indirect_passive")]
    assert bool(passives) is reported


@pytest.mark.parametrize("pronoun, speaker", [("Celui-là", "Marc Dubreuil"), ("Celle-ci", "Hélène Vasseur")])
def test_the_former_and_the_latter(fr, pronoun, speaker):
    text = (f"Marc Dubreuil et Hélène Vasseur se sont affrontés sur le budget de la commune. {pronoun} a répliqué "
            "que les comptes étaient publics depuis janvier.")
    said = first_quote_holding(fr, text, "les comptes étaient publics")
    assert said is not None and said.speaker_canonical == speaker
