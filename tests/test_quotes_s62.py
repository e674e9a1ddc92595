"""A speaker phrase shows the person, not the circumstances of the saying the parse hung on it (*a déclaré le maire
à la presse*: ``speakers.without_occasion``); *plus tôt* and *plus tard* are adverbial locutions the parse repair
reads past; a *que* closing a comparison (*plus tôt que prévu*) opens no reported clause; *railler* and *moquer*
report their object; a person a verb calls or thanks is no report, nor the name of a body in quotation marks.
Issue 14, session 62. Invented sentences only; a hand-made parse pins the broken locution."""

from __future__ import annotations

import pytest
from conftest import first_quote_holding, quotes_in

from recoupe.analysis.quotes import find_quotes


@pytest.mark.parametrize("text, fragment, speaker, canonical", [
    ("« Tout a été vérifié », a déclaré le maire à la presse.", "Tout a été vérifié", "le maire", None),
    ("« Rien n'est joué », a assuré Hélène Vasseur, ce jeudi sur LCI.", "Rien n'est joué", "Hélène Vasseur",
     "Hélène Vasseur"),
    ("« Le budget tiendra », a affirmé l'ancienne sénatrice dans un entretien au Figaro.", "Le budget tiendra",
     "l'ancienne sénatrice", None),
    ("« Il faut tenir », a lancé la préfète en accueillant des apprentis.", "Il faut tenir", "la préfète", None),
    ("« Nous avons perdu », a reconnu Paul Lemoine samedi sur Facebook.", "Nous avons perdu", "Paul Lemoine",
     "Paul Lemoine"),
    ("« C'est un échec », a estimé le garde des Sceaux lors de sa visite mardi à Brest.", "un échec",
     "le garde des Sceaux", None),
    ("« Je reste », a confié Anne Morel à une journaliste de Ouest-France.", "Je reste", "Anne Morel", "Anne Morel"),
    ("« La route rouvrira », a déclaré le préfet de région ce 2 juillet.", "La route", "le préfet de région",
     None),
])
def test_the_speaker_phrase_stops_before_the_occasion(fr, text, fragment, speaker, canonical):
    quote = first_quote_holding(fr, text, fragment)
    assert (quote.speaker.text, quote.speaker_canonical) == (speaker, canonical)
    assert text[quote.speaker.start:quote.speaker.end] == speaker


@pytest.mark.parametrize("text, fragment, speaker", [
    # a title's own complement, not where the words were said
    ("« La ligne est claire », a déclaré Marc Dupuis, porte-parole du groupe au palais Bourbon.", "La ligne",
     "Marc Dupuis, porte-parole du groupe au palais Bourbon"),
    ("« On verra », a dit le candidat à la mairie de Lyon.", "On verra", "le candidat à la mairie de Lyon"),
    # a time that is a noun's own complement
    ("« Le texte passera », a dit le directeur de l'édition du soir.", "Le texte passera",
     "le directeur de l'édition du soir"),
])
def test_a_complement_of_the_speaker_stays(fr, text, fragment, speaker):
    assert first_quote_holding(fr, text, fragment).speaker.text == speaker


def test_a_report_past_plus_tot_and_a_time_phrase(fr):
    text = "La directrice Inès Garnier avait fait savoir plus tôt dans la journée qu'elle refusait ce compromis."
    quote = first_quote_holding(fr, text, "refusait")
    assert (quote.content.text, quote.speaker_canonical) == ("qu'elle refusait ce compromis", "Inès Garnier")


@pytest.mark.parametrize("text", [
    "Le maire Luc Ferrat a annoncé plus tôt que prévu la fermeture du marché.",
    "La ministre Anne Roy a réagi plus vivement que prévu aux critiques du rapport.",
])
def test_the_second_term_of_a_comparison_is_no_report(fr, text):
    assert not [q for q in find_quotes(fr(text)) if q.content.text.startswith("que")]


def test_a_clause_after_aussi_que_is_still_reported(fr):
    quote = first_quote_holding(fr, "La directrice Léa Morin estime aussi qu'il est temps de recruter.", "temps")
    assert (quote.content.text, quote.speaker_canonical) == ("qu'il est temps de recruter", "Léa Morin")


@pytest.mark.parametrize("text, content", [
    ("Le ministre Paul Bréval a moqué les promesses de ses adversaires.", "les promesses de ses adversaires"),
    ("La députée Inès Carré a raillé le fait que le gouvernement se félicite d'un budget en déficit.",
     "le fait que le gouvernement se félicite d'un budget en déficit"),
])
def test_mocking_reports_its_object(fr, text, content):
    quotes = quotes_in(fr, text)
    assert content in quotes and quotes[content].kind == "indirect"


@pytest.mark.parametrize("words, heads, deps, broken", [
    # the parse hangs the reported clause on the locution's last word: read again without it
    (["Les", "syndicats", "estiment", "quant", "à", "eux", "que", "la", "grève", "continue", "."],
     [1, 2, 2, 2, 5, 3, 9, 8, 9, 5, 2],
     ["det", "nsubj", "ROOT", "advmod", "case", "fixed", "mark", "det", "nsubj", "ccomp", "punct"], ["quant à eux"]),
    # a locution holding a degree word not at its head is no comparison: read again as well
    (["Le", "maire", "rappelle", "une", "fois", "de", "plus", "que", "la", "loi", "tient", "."],
     [1, 2, 2, 4, 2, 6, 4, 10, 9, 10, 6, 2],
     ["det", "nsubj", "ROOT", "det", "obl", "case", "fixed", "mark", "det", "nsubj", "ccomp", "punct"],
     ["une fois de plus"]),
    # the same reading after *plus tôt*: a comparison's first term, whose *que* a second reading would misread
    (["Le", "maire", "a", "annoncé", "plus", "tôt", "que", "prévu", "la", "fermeture", "."],
     [1, 3, 3, 3, 5, 3, 7, 5, 9, 7, 3],
     ["det", "nsubj", "aux", "ROOT", "advmod", "advmod", "mark", "ccomp", "det", "obj", "punct"], []),
])
def test_a_locution_before_que_is_read_again_unless_it_compares(fr_base, words, heads, deps, broken):
    from conftest import hand_parsed

    from recoupe.analysis.parse import broken_locutions, locution_index

    doc = hand_parsed(fr_base, words, heads, deps, ["X"] * len(words), [""] * len(words))
    assert [doc[a:b].text for a, b in broken_locutions(doc, locution_index(fr_base))] == broken



def test_a_person_called_is_no_report(fr):
    text = "Le ministre Paul Viala a appelé Karim Benali pour le remercier de son soutien."
    assert find_quotes(fr(text)) == []


@pytest.mark.parametrize("text", [
    "Le député Paul Viala s'est exprimé devant l'association « Terre Commune » samedi.",
    "Le préfet a lancé l'opération « Bouclier » contre les cambriolages.",
])
def test_the_name_of_a_body_or_an_operation_is_nobodys_words(fr, text):
    assert not [q for q in find_quotes(fr(text)) if q.kind == "direct"]
