"""Issue 14, session 58: speech under *pouvoir* or *devoir* in a simple tense is a possibility, an obligation or a
plan, not a report (its compound past and passé simple tell the act done); *déclarer* with a possessive noun of
feeling (*déclarent leur soutien*); a speaker phrase whose head noun is a predicate leaves out its clause (*C'est la
ministre qui…*). Invented sentences; a misparse is pinned by hand."""

import pytest
from conftest import hand_parsed, quotes_in

from recoupe.analysis.quotes.indirect import _hypothetical_speech
from recoupe.analysis.quotes.syntax import phrase_bounds


def _reports(fr, text):
    return [(q.speaker.text, q.content.text) for q in quotes_in(fr, text).values() if q.kind == "indirect"]


@pytest.mark.parametrize("text", [
    "La commission peut contester le résultat du vote.",
    "Le président devait annoncer son plan aux élus vendredi.",
    "Le maire aurait dû annoncer sa décision lundi.",
])
def test_speech_that_may_or_must_happen_is_no_report(fr, text):
    assert _reports(fr, text) == []


@pytest.mark.parametrize("text", [
    "Le maire a dû reconnaître que le projet coûterait plus cher.",
    "Le maire dut reconnaître que le projet coûterait plus cher.",
    "Le maire a pu constater que le chantier avançait.",
])
def test_a_modal_in_a_past_tense_tells_the_act_done(fr, text):
    assert [speaker for speaker, _ in _reports(fr, text)] == ["Le maire"]


def test_a_modal_inside_the_quotation_before_an_incise_is_not_the_incise_verb_s(fr):
    """The parser may hang the incise's verb on a modal of the quotation before it: *« Nous devons tenir », a
    martelé la présidente .* read with *martelé* an infinitive complement of *devons*."""
    words = ["«", "Nous", "devons", "tenir", "»", ",", "a", "martelé", "la", "présidente", "."]
    doc = hand_parsed(fr, words, [2, 2, 2, 2, 2, 2, 7, 2, 9, 7, 2],
                      ["punct", "nsubj", "ROOT", "xcomp", "punct", "punct", "aux:tense", "xcomp", "det", "nsubj",
                       "punct"],
                      ["PUNCT", "PRON", "VERB", "VERB", "PUNCT", "PUNCT", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
                      ["", "Number=Plur|Person=1", "Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin",
                       "VerbForm=Inf", "", "", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
                       "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part", "", "Gender=Fem|Number=Sing", ""])
    doc[2].lemma_ = "devoir"
    assert _hypothetical_speech(doc[3])  # the quotation's own infinitive is under its modal
    assert not _hypothetical_speech(doc[7])


def test_declarer_reports_a_possessive_noun_of_feeling(fr):
    assert _reports(fr, "Les élus de l'opposition ont déclaré leur soutien aux grévistes.") == [
        ("Les élus de l'opposition", "leur soutien aux grévistes")]
    assert _reports(fr, "Le contribuable a déclaré ses revenus en retard.") == []


@pytest.mark.parametrize("text, speaker", [
    ("C'est le préfet du Var qui est allé dénoncer ce matin la pollution de la rade.", "le préfet du Var"),
    ("C'est le syndicat des cheminots, qui a dénoncé la suppression des lignes.", "le syndicat des cheminots"),
])
def test_a_cleft_sentence_s_speaker_is_the_noun_phrase_alone(fr, text, speaker):
    assert [s for s, _ in _reports(fr, text)] == [speaker]


def test_a_predicate_noun_s_subject_and_copula_are_not_its_phrase(fr):
    """*Ce fut la doyenne du conseil .*: the phrase of *doyenne* is *la doyenne du conseil*."""
    words = ["Ce", "fut", "la", "doyenne", "du", "conseil", "."]
    doc = hand_parsed(fr, words, [3, 3, 3, 3, 5, 3, 3], ["nsubj", "cop", "det", "ROOT", "case", "nmod", "punct"],
                      ["PRON", "AUX", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
                      ["", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", "", "Gender=Fem|Number=Sing", "",
                       "Gender=Masc|Number=Sing", ""])
    start, end = phrase_bounds(doc[3])
    assert doc.text[start:end] == "la doyenne du conseil"
