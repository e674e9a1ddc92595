"""Reported speech, session 18 (issue 14): frames the parser hides and sources the rules did not take.
Sentences written for the tests; each case failed before the change it covers."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes

from conftest import indirect_by_cue


def _quotes_with(doc, text: str) -> list:
    return [q for q in find_quotes(doc) if text in q.content.text]


# --- a locution's object read as an oblique (*met en avant X*) --------------------------------------

def test_locution_object_behind_its_fixed_words(fr):
    found = indirect_by_cue(find_quotes(fr("Le maire met en avant la qualité de vie de son quartier.")), "met")
    assert found and found[0].content.text.startswith("la qualité de vie")  # "en avant" is no content
    assert found[0].speaker.text == "Le maire"


def test_document_locution_needs_a_document(fr):
    report = _quotes_with(fr("Le bilan annuel met en évidence un net recul des investissements."), "net recul")
    assert report and report[0].speaker.text == "Le bilan annuel"
    assert not _quotes_with(fr("La sécheresse met en lumière les failles du réseau d'irrigation."), "failles")


# --- a participle qualifying a document (*une lettre appelant à…*) -------------------------------------

def test_document_participle_reports_for_the_document(fr):
    doc = fr("Depuis la publication mardi d'une lettre ouverte appelant au retour de la taxe carbone, le débat enfle.")
    found = _quotes_with(doc, "au retour de la taxe carbone")
    assert found and found[0].speaker.text.startswith("une lettre")
    assert found[0].producer.startswith("rule:quotes.indirect_document_")


def test_document_adopted_by_speakers_reports_for_them(fr):
    doc = fr("Les conseillers régionaux ont adopté jeudi une motion demandant à l'État de rouvrir la ligne.")
    found = _quotes_with(doc, "rouvrir la ligne")
    assert found and found[0].speaker.text == "Les conseillers régionaux"


def test_document_found_by_others_stays_the_source(fr):
    doc = fr("Les inspecteurs ont retrouvé une note interne évoquant la fermeture de deux usines.")
    found = _quotes_with(doc, "la fermeture de deux usines")
    assert found and found[0].speaker.text == "une note interne"


@pytest.mark.parametrize("text, content", [
    ("Les coureurs réclamant un dossard jaune partiront en premier.", "dossard"),
    ("Les experts ont reçu des médecins dénonçant la fermeture des urgences.", "fermeture"),  # a source noun of persons
])
def test_participle_on_a_noun_of_persons_is_no_document(fr, text, content):
    assert not [q for q in _quotes_with(fr(text), content) if "document" in q.producer]


def test_an_authors_report_stays_in_the_discourse(fr):
    doc = fr("Le syndicat a adopté jeudi une motion demandant que la direction rouvre la ligne. "
             "Il a aussi rappelé que la grève continuerait.")
    found = _quotes_with(doc, "la direction rouvre la ligne")
    assert found and found[0].producer == "rule:quotes.indirect_clause" and found[0].speaker.text == "Le syndicat"
    later = indirect_by_cue(find_quotes(doc), "rappelé")
    assert later and later[0].speaker_canonical is not None


def test_a_documents_clause_outranks_the_channel_holding_it(fr):
    doc = fr("Selon Le Monde, la direction a reçu mardi une lettre demandant que le site soit fermé avant l'été.")
    assert [q.kind for q in find_quotes(doc)] == ["indirect"]


def test_a_time_preposition_is_no_locution(fr):
    assert not indirect_by_cue(find_quotes(fr("Le ministre a mis avant Noël un terme aux négociations.")), "mis")


# --- the narrative infinitive (*Et d'ajouter que…*) -----------------------------------------------------

def test_narrative_infinitive_takes_the_previous_subject(fr):
    doc = fr("La porte-parole a confirmé le report du sommet. Et d'ajouter que la date restait à fixer.")
    found = indirect_by_cue(find_quotes(doc), "ajouter")
    assert found and found[0].speaker.text == "La porte-parole"
    assert found[0].content.text.startswith("que la date restait")


def test_narrative_infinitive_stays_in_its_paragraph(fr):
    doc = fr("La porte-parole a confirmé le report du sommet.\n\nEt d'ajouter que la date restait à fixer.")
    assert not indirect_by_cue(find_quotes(doc), "ajouter")


# --- *ce dernier* read as a determiner and an adjective --------------------------------------------------

def test_latter_hung_on_the_verb_is_the_subject(fr):
    doc = fr("Le candidat a rencontré Paul Vernet. Ce dernier lui a également conseillé de ne jamais céder s'il veut l'emporter.")
    found = indirect_by_cue(find_quotes(doc), "conseillé")
    assert found and found[0].speaker.text.lower().endswith("dernier")
    assert found[0].speaker_canonical == "Paul Vernet"


# --- persons counted in a survey or met in an exchange ------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("En 2019, 12 % des salariés affirmaient avoir subi des pressions.", "12 % des salariés"),
    ("En 2019, 8 % des personnes interrogées affirmaient avoir subi des pressions.", "8 % des personnes"),
])
def test_share_of_persons_speaks(fr, text, speaker):
    found = indirect_by_cue(find_quotes(fr(text)), "affirmaient")
    assert found and found[0].speaker.text.startswith(speaker)


def test_inverted_interlocutors_speak(fr):
    doc = fr("Les réserves de la nappe suffiront cet été, confirment cependant tous les interlocuteurs joints.")
    found = indirect_by_cue(find_quotes(doc), "confirment")
    assert found and "interlocuteurs" in found[0].speaker.text


# --- a passive's agent on the predicative complement --------------------------------------------------------

@pytest.mark.parametrize("text, agent", [
    ("Cette thèse a été rejetée comme étant infondée par l'Union européenne.", "Union européenne"),
    ("Ce chiffre a été démenti comme étant sans rapport avec la réalité par le ministère.", "ministère"),
])
def test_passive_agent_on_the_complement(fr, text, agent):
    found = [q for q in find_quotes(fr(text)) if q.producer == "rule:quotes.indirect_passive"]
    assert found and agent in found[0].speaker.text


# --- a negated denial --------------------------------------------------------------------------------------

def test_negated_denial_reports(fr):
    doc = fr("Dans un entretien, la sénatrice ne nie pas avoir commis des erreurs de calcul.")
    found = indirect_by_cue(find_quotes(doc), "nie")
    assert found and found[0].content.text.startswith("avoir commis des erreurs")


def test_other_negated_frames_still_do_not(fr):
    assert not indirect_by_cue(find_quotes(fr("Aucun élu ne conseille de fermer la gare.")), "conseille")


# --- *on peut lire dans X que…* ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, source", [
    ("On peut lire dans le bilan annuel de l'Insee que la dette locale a doublé en dix ans.", "bilan"),
    ("Dans la revue Nature, on découvre que les abeilles dorment la nuit.", "Nature"),
])
def test_reading_in_a_source_attributes_to_it(fr, text, source):
    found = [q for q in find_quotes(fr(text)) if q.kind == "according_to"]
    assert found and source in found[0].speaker.text
    assert found[0].producer == "rule:quotes.according_to_read"


def test_reading_without_a_source_attributes_nothing(fr):
    assert not [q for q in find_quotes(fr("On apprend que le ministre va démissionner.")) if q.kind == "according_to"]
