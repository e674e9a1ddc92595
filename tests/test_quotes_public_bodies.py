"""Indirect speech (issue 14): who may speak and the parse errors that hid a report.

Session 13: a public body named by its head noun speaks (``institution_nouns.tsv`` read by
``credible_source``); a sentence whose root is a noun (the parser found no main verb), an incise whose
inverted subject the parser read as the object of a coordinated verb, and a speech-verb form tagged as
an adjective though it has a subject and a clause. Session 14: *membre* is a noun of persons; nouns of
acts that carry a body's statement (*décision*, *avis*, *version*…) are source nouns; a French past
participle with an inverted subject and no auxiliary is a finite verb the tagger misread (*dit*,
*écrit* are both), so an incise with it reports what comes before it. Sentences written for the tests."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.index import credible_source
from recoupe.analysis.quotes.indirect import inverted_object, verbless_root_subject
from recoupe.analysis.quotes.syntax import finite, phrase_bounds

from conftest import hand_parsed, indirect_by_cue


@pytest.mark.parametrize("sentence, noun, content", [
    ("Le régime a dénoncé une ingérence étrangère dans les élections.", "régime", "une ingérence étrangère"),
    ("Un membre du syndicat a dénoncé une décision injuste.", "membre", "une décision injuste"),
])
def test_a_body_or_a_member_named_by_a_noun_speaks(fr, sentence, noun, content):
    doc = fr(sentence)
    subject = next(t for t in doc if t.lower_ == noun)
    assert credible_source(subject, phrase_bounds(subject), "fr")
    found = indirect_by_cue(find_quotes(doc), "dénoncé")
    assert found and content in found[0].content.text
    assert noun in found[0].speaker.text


def test_a_thing_is_still_no_source(fr):
    doc = fr("Les averses ont annoncé la fin de la saison sèche.")
    subject = next(t for t in doc if t.lower_ == "averses")
    assert not credible_source(subject, phrase_bounds(subject), "fr")
    assert not indirect_by_cue(find_quotes(doc), "annoncé")


def _misparsed(fr):
    """*Un avis du conseil, publié hier, accuse le maire de mentir.* as the parser sometimes reads such a
    sentence: no main verb, the noun *avis* as root and the finite *accuse* hung on *conseil*."""
    words = ["Un", "avis", "du", "conseil", ",", "publié", "hier", ",", "accuse", "le", "maire", "de", "mentir", "."]
    heads = [1, 1, 3, 1, 3, 3, 5, 3, 3, 10, 8, 12, 8, 1]
    deps = ["det", "ROOT", "case", "nmod", "punct", "acl", "advmod", "punct", "acl", "det", "obj", "mark", "xcomp",
            "punct"]
    pos = ["DET", "NOUN", "ADP", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT", "VERB", "DET", "NOUN", "ADP", "VERB", "PUNCT"]
    morphs = [""] * 14
    morphs[8] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[5] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    morphs[12] = "VerbForm=Inf"
    return hand_parsed(fr, words, heads, deps, pos, morphs, lemmas=False)


def test_a_verbless_root_is_the_subject_of_a_finite_speech_verb(fr):
    doc = _misparsed(fr)
    verb = doc[8]
    root = verbless_root_subject(verb)
    assert root is not None and root.text == "avis"
    assert verbless_root_subject(doc[5]) is None  # a participle is no finite verb


def test_a_sentence_with_its_own_main_verb_is_left_alone(fr):
    doc = fr("Le maire a critiqué le projet de rocade.")
    verb = next(t for t in doc if t.lower_ == "critiqué")
    assert verbless_root_subject(verb) is None


def test_an_inverted_subject_read_as_an_object_speaks(fr):
    doc = fr("Les ventes reculent depuis mars, a noté cette enquête.")
    verb = next(t for t in doc if t.lower_ == "noté")
    if verb.dep_ == "conj":  # the misparse the rule repairs
        assert inverted_object(verb, "fr").lower_ == "enquête"
    found = indirect_by_cue(find_quotes(doc), "noté")
    assert found and "enquête" in found[0].speaker.text
    assert found[0].content.text.startswith("Les ventes reculent")


def test_an_object_that_cannot_speak_is_no_inverted_subject(fr):
    doc = fr("Les syndicats ont manifesté, puis ont dénoncé la hausse des loyers.")
    verb = next(t for t in doc if t.lower_ == "dénoncé")
    assert inverted_object(verb, "fr") is None


def test_a_speech_verb_form_tagged_as_an_adjective_with_a_subject_is_a_verb(fr):
    doc = fr("Le démographe belge Luc Renard remarque que quatre régions rurales, longtemps délaissées, ont "
             "nettement moins souffert que les villes.")
    found = indirect_by_cue(find_quotes(doc), "remarque")
    assert found and "Luc Renard" in found[0].speaker.text
    assert found[0].content.text.startswith("que quatre régions")


def test_the_noun_of_the_same_form_stays_a_noun(fr):
    doc = fr("Sa remarque sur la météo a fait rire la salle.")
    assert not indirect_by_cue(find_quotes(doc), "remarque")


def test_an_incise_with_a_participle_form_reports_the_words_before_it(fr):
    doc = fr("La réforme est injuste, dit Paul Martin, patron d'une entreprise locale : « Personne ne nous a consultés. »")
    found = indirect_by_cue(find_quotes(doc), "dit")
    assert found and found[0].content.text == "La réforme est injuste"
    assert "Paul Martin" in found[0].speaker.text


def test_a_participle_with_an_inverted_subject_is_finite(fr):
    """*Le tarif est trop élevé, dit Paul Martin.* as the parser sometimes reads it: *dit* a past
    participle hung on the adjective, with *Paul* its subject after it."""
    words = ["Le", "tarif", "est", "trop", "élevé", ",", "dit", "Paul", "Martin", "."]
    heads = [1, 4, 4, 4, 4, 4, 4, 6, 7, 4]
    deps = ["det", "nsubj", "cop", "advmod", "ROOT", "punct", "parataxis", "nsubj", "flat:name", "punct"]
    pos = ["DET", "NOUN", "AUX", "ADV", "ADJ", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[6] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs, lemmas=False)
    assert finite(doc[6])


def test_an_absolute_participle_clause_is_not_finite(fr):
    """*Le discours terminé, le maire est parti.*: a participle whose subject comes first, no auxiliary."""
    words = ["Le", "discours", "terminé", ",", "le", "maire", "est", "parti", "."]
    heads = [1, 2, 7, 2, 5, 7, 7, 7, 7]
    deps = ["det", "nsubj", "advcl", "punct", "det", "nsubj", "aux:tense", "ROOT", "punct"]
    pos = ["DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    morphs[6] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[7] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs, lemmas=False)
    assert not finite(doc[2])
    assert finite(doc[7])


def test_a_body_s_decision_is_a_source_of_selon(fr):
    doc = fr("Selon la décision du tribunal administratif, le projet est illégal.")
    found = [q for q in find_quotes(doc) if q.kind == "according_to"]
    assert found and found[0].content.text == "le projet est illégal"
    assert "tribunal" in found[0].speaker.text


def test_selon_a_measure_is_no_source(fr):
    doc = fr("Selon la taille de l'entreprise, l'aide varie de mille à cinq mille euros.")
    assert not [q for q in find_quotes(doc) if q.kind == "according_to"]
