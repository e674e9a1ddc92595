"""Session 51 quote finding: *revenir sur X* comments on X (not a return to a place); a purpose infinitive
(*pour dénoncer X*) hung on a clause that tells what its subject did reports a speech act done; the infinitive
of a causative speech locution under a present participle (*…, laissant entendre que…*) reports for the main
clause's subject, and for the incise's when the parser hung the participle on the quotation's verb; one word
before an incise is a quotation; a singular description is no plural referent's. Sentences written for these
tests; the mechanisms' tests fail on the commit before them (5e857ac), the guards pass on both."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.indirect import _unrealised_infinitive

from conftest import first_quote_holding, indirect_by_cue


@pytest.mark.parametrize("text, content", [
    ("La préfète Hélène Garnier est longuement revenue sur le plan de circulation du centre-ville.",
     "le plan de circulation"),
    ("Le maire Olivier Texier est revenu sur sa promesse de gratuité des cantines.", "sa promesse"),
])
def test_revenir_sur_comments_on_its_complement(fr, text, content):
    q = first_quote_holding(fr, text, content)
    assert q is not None and q.kind == "indirect"
    assert q.speaker_canonical in ("Hélène Garnier", "Olivier Texier")


@pytest.mark.parametrize("text", [
    "Les gendarmes de Lourdes sont revenus sur les lieux de l'accident dès le lendemain.",
    "Le guide Olivier Texier est revenu sur ses pas pour chercher le groupe.",
])
def test_revenir_sur_a_place_reports_nothing(fr, text):
    assert not indirect_by_cue(find_quotes(fr(text)), "revenu")


@pytest.mark.parametrize("text, cue, content", [
    ("La députée Sabine Arnoux a convoqué la presse pour dénoncer la fermeture du centre de tri.", "dénoncer",
     "la fermeture du centre de tri"),
    ("Les viticulteurs du Var ont manifesté lundi pour réclamer une aide contre la grêle.", "réclamer",
     "une aide contre la grêle"),
])
def test_a_purpose_carried_out_reports(fr, text, cue, content):
    doc = fr(text)
    assert not _unrealised_infinitive(next(t for t in doc if t.lower_ == cue), "fr")
    found = indirect_by_cue(find_quotes(doc), cue)
    assert found and found[0].content.text.startswith(content)


@pytest.mark.parametrize("text, cue", [
    ("Il faudra multiplier les tribunes pour critiquer la réforme des retraites.", "critiquer"),
    ("La députée Sabine Arnoux pourrait intervenir pour réclamer un moratoire.", "réclamer"),
    ("La députée Sabine Arnoux n'a pas convoqué la presse pour dénoncer la fermeture du centre.", "dénoncer"),
    ("Les salariés du centre de tri organiseront une marche pour dénoncer sa fermeture.", "dénoncer"),
])
def test_a_purpose_not_carried_out_reports_nothing(fr, text, cue):
    doc = fr(text)
    assert _unrealised_infinitive(next(t for t in doc if t.lower_ == cue), "fr")
    assert not indirect_by_cue(find_quotes(doc), cue)


@pytest.mark.parametrize("text", [
    "Le sénateur Rémi Fabre a quitté l'hémicycle, laissant entendre qu'il voterait contre le budget.",
    "Le sénateur Rémi Fabre a quitté l'hémicycle en laissant entendre qu'il voterait contre le budget.",
])
def test_a_causative_speech_locution_under_a_participle_reports_for_the_main_subject(fr, text):
    q = first_quote_holding(fr, text, "voterait contre le budget")
    assert q is not None and q.kind == "indirect" and q.speaker_canonical == "Rémi Fabre"


def test_a_singular_description_is_no_plural_referent(fr):
    """The plural group that spoke before is no default for *l'édile* (without the veto the scorer filled it so)."""
    text = ("La maire Martine Quéré a accueilli trois candidats au marché. Les trois candidats à la mairie de Brest ont "
            "visité les étals pour faire part de leur soutien aux pêcheurs. « Je veux défendre les pêcheurs du port », "
            "a lancé l'édile.")
    q = first_quote_holding(fr, text, "Je veux défendre")
    assert q is not None and q.speaker.text == "l'édile"
    assert q.speaker_canonical != "Les trois candidats à la mairie de Brest"


def test_one_word_with_an_incise_is_a_direct_quote(fr):
    text = "La candidate Julie Vasseur a harangué les bénévoles. « Accrochez-vous », leur lance-t-elle à la fin du meeting."
    q = first_quote_holding(fr, text, "Accrochez-vous")
    assert q is not None and q.kind == "direct" and q.speaker_canonical == "Julie Vasseur"


def test_one_word_the_writer_sets_apart_stays_nobody_s(fr):
    text = "La candidate Julie Vasseur a parlé d'économie. Le mot « austérité » n'a pas été prononcé une seule fois."
    assert first_quote_holding(fr, text, "austérité") is None


def test_one_word_inside_a_sentence_is_its_incise_s_speaker_s(fr):
    text = "Le ministre a répondu aux critiques. Mais son « arrogance », affirme le quotidien régional, a choqué les élus."
    found = [q for q in find_quotes(fr(text)) if q.kind == "direct" and q.content.text == "arrogance"]
    assert found and found[0].speaker.text == "le quotidien régional"


def test_a_name_in_quotation_marks_before_an_incise_is_no_quote(fr):
    text = ("Le maire veut élargir l'alliance. « Je persiste et je signe, il faut discuter avec eux », les centristes, "
            "notamment ceux du « Modem », a martelé Alain Juppé, qui se fait souvent siffler.")
    assert not [q for q in find_quotes(fr(text)) if q.content.text == "Modem"]


def test_a_participle_hung_on_the_quotation_s_verb_reports_for_the_incise_s_speaker(fr):
    """*« J'ai … », avait-il glissé, laissant entendre que…*: the parser hangs the participle on the quoted verb."""
    text = ("La sénatrice Agathe Roussel était à Quimper. « J'ai appris la patience », avait-elle glissé, laissant "
            "alors entendre qu'elle n'en pensait pas moins.")
    q = first_quote_holding(fr, text, "n'en pensait pas moins")
    assert q is not None and q.kind == "indirect" and q.speaker_canonical == "Agathe Roussel"
