"""Incises the parse hides (issue 14, session 15): a closing speech verb that the parser made the head
of the whole sentence, with the reported clause's subject as its own subject and the inverted subject
after it as its object (sentences parsed by hand as the parser sometimes reads them, ``_parsed``); and
the *comme* clause with its subject before the verb (*comme X l'a expliqué*), read from the word order.
Sentences written for the tests."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.indirect import _incise_content, inverted_object, report_subject

from conftest import hand_parsed

FIN_SING = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
FIN_PLUR = "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"


def _head_incise(fr, verb_morph=FIN_SING, noun_morph="Gender=Masc|Number=Sing"):
    """*Le tarif était trop élevé, assure le journal.* with *assure* as the root, *tarif* its subject,
    *était* hung on it and *journal* its object."""
    words = ["Le", "tarif", "était", "trop", "élevé", ",", "assure", "le", "journal", "."]
    heads = [1, 6, 6, 4, 6, 6, 6, 8, 6, 6]
    deps = ["det", "nsubj", "advmod", "advmod", "xcomp", "punct", "ROOT", "det", "obj", "punct"]
    pos = ["DET", "NOUN", "AUX", "ADV", "ADJ", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = FIN_SING
    morphs[6] = verb_morph
    morphs[8] = noun_morph
    return hand_parsed(fr, words, heads, deps, pos, morphs)


def test_a_head_verb_after_a_clause_and_a_comma_is_an_incise(fr):
    doc = _head_incise(fr)
    verb = doc[6]
    assert inverted_object(verb, "fr").text == "journal"
    assert report_subject(verb, "fr").text == "journal"
    start, end = _incise_content(verb, "fr")
    assert doc.text[start:end] == "Le tarif était trop élevé"


def test_a_head_verb_that_does_not_agree_with_the_noun_after_it_keeps_it_as_its_object(fr):
    doc = _head_incise(fr, verb_morph=FIN_SING, noun_morph="Gender=Masc|Number=Plur")
    assert inverted_object(doc[6], "fr") is None


def test_a_subject_with_a_relative_clause_before_the_comma_stays_the_subject(fr):
    """*Les élus, qui étaient absents, dénoncent le syndicat.*: the comma closes a relative clause, the
    verb is transitive."""
    words = ["Les", "élus", ",", "qui", "étaient", "absents", ",", "dénoncent", "le", "syndicat", "."]
    heads = [1, 7, 5, 5, 5, 1, 7, 7, 9, 7, 7]
    deps = ["det", "nsubj", "punct", "nsubj", "cop", "acl:relcl", "punct", "ROOT", "det", "obj", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[4] = "Mood=Ind|Number=Plur|Person=3|Tense=Imp|VerbForm=Fin"
    morphs[7] = FIN_PLUR
    morphs[9] = "Gender=Masc|Number=Plur"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    assert inverted_object(doc[7], "fr") is None


def test_a_subject_set_off_by_commas_with_no_clause_stays_the_subject(fr):
    """*Le maire, lui, dénonce le syndicat.*: no finite verb before the comma."""
    words = ["Le", "maire", ",", "lui", ",", "dénonce", "le", "syndicat", "."]
    heads = [1, 5, 3, 1, 5, 5, 7, 5, 5]
    deps = ["det", "nsubj", "punct", "appos", "punct", "ROOT", "det", "obj", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[5] = FIN_SING
    morphs[7] = "Gender=Masc|Number=Sing"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    assert inverted_object(doc[5], "fr") is None



def _coordinated_incise(fr, tail_dep="cc"):
    """*Le barrage tiendra encore dix ans, assure le syndicat ainsi que deux géologues.* with *assure*
    coordinated to *tiendra*, *syndicat* its object and the second speaker hung on *tiendra*."""
    words = ["Le", "barrage", "tiendra", "encore", "dix", "ans", ",", "assure", "le", "syndicat", "ainsi", "que", "deux",
             "géologues", "."]
    heads = [1, 2, 2, 2, 5, 2, 7, 2, 9, 7, 13, 10, 13, 2, 2]
    deps = ["det", "nsubj", "ROOT", "advmod", "nummod", "obl:mod", "punct", "conj", "det", "obj", tail_dep, "fixed",
            "nummod", "conj", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADV", "NUM", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "ADV", "SCONJ", "NUM", "NOUN",
           "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = "Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin"
    morphs[7] = FIN_SING
    return hand_parsed(fr, words, heads, deps, pos, morphs)


def test_a_second_speaker_coordinated_after_the_inverted_subject_keeps_the_incise(fr):
    doc = _coordinated_incise(fr)
    assert inverted_object(doc[7], "fr").text == "syndicat"
    start, end = _incise_content(doc[7], "fr")
    assert doc.text[start:end] == "Le barrage tiendra encore dix ans"


def test_words_after_the_object_that_are_no_coordination_keep_it_an_object(fr):
    doc = _coordinated_incise(fr, tail_dep="advmod")
    assert inverted_object(doc[7], "fr") is None


# -- *comme X l'a dit*: the comme clause with its subject before the verb -----------------------------

def _comme(quotes):
    return [q for q in quotes if q.kind == "according_to" and q.cue is not None and q.cue.text.lower().startswith("comme")]


@pytest.mark.parametrize("sentence, content, speaker", [
    ("Les loyers ont encore augmenté cette année, comme l'économiste Paul Durand l'a expliqué.",
     "Les loyers ont encore augmenté cette année", "Paul Durand"),
    ("Les loyers ont encore augmenté cette année (comme l'économiste Paul Durand l'a récemment expliqué dans une "
     "tribune).", "Les loyers ont encore augmenté cette année", "Paul Durand"),
    ("Comme la ministre le rappelle souvent, les loyers ont encore augmenté cette année.",
     "les loyers ont encore augmenté cette année", "ministre"),
    ("Le devis a doublé, comme le maire l'avait prédit.", "Le devis a doublé", "maire"),  # set off: a source
])
def test_a_comme_clause_with_its_subject_first_vouches_for_the_sentence(fr, sentence, content, speaker):
    found = _comme(find_quotes(fr(sentence)))
    assert found and found[0].content.text == content
    assert speaker in found[0].speaker.text


@pytest.mark.parametrize("sentence", [
    "Comme je l'ai expliqué, les loyers ont encore augmenté cette année.",  # the writer
    "Comme on le sait, les loyers ont encore augmenté cette année.",  # nobody
    "Le devis a doublé exactement comme le maire l'avait prédit.",  # not set off: a phrase compared
])
def test_the_writer_nobody_or_a_compared_phrase_is_no_comme_source(fr, sentence):
    assert not _comme(find_quotes(fr(sentence)))
