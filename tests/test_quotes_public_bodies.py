"""Indirect speech, session 13 (issue 14): a public body named by its head noun speaks
(``institution_nouns.tsv`` read by ``credible_source``), and three parse errors that hid a report: a
sentence whose root is a noun (the parser found no main verb), an incise whose inverted subject the
parser read as the object of a coordinated verb, and a speech-verb form tagged as an adjective though it
has a subject and a clause. Sentences written for the tests."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.index import credible_source
from recoupe.analysis.quotes.indirect import inverted_object, verbless_root_subject
from recoupe.analysis.quotes.syntax import phrase_bounds


def _indirect(quotes, cue_contains):
    return [q for q in quotes if q.kind == "indirect" and q.cue is not None and cue_contains in q.cue.text]


def test_a_body_named_by_its_head_noun_is_a_source(fr):
    doc = fr("Le régime a dénoncé une ingérence étrangère dans les élections.")
    subject = next(t for t in doc if t.lower_ == "régime")
    assert credible_source(subject, phrase_bounds(subject), "fr")
    found = _indirect(find_quotes(doc), "dénoncé")
    assert found and "une ingérence étrangère" in found[0].content.text
    assert "régime" in found[0].speaker.text


def test_a_thing_is_still_no_source(fr):
    doc = fr("Les averses ont annoncé la fin de la saison sèche.")
    subject = next(t for t in doc if t.lower_ == "averses")
    assert not credible_source(subject, phrase_bounds(subject), "fr")
    assert not _indirect(find_quotes(doc), "annoncé")


def _misparsed(fr):
    """*Un avis du conseil, publié hier, accuse le maire de mentir.* as the parser sometimes reads such a
    sentence: no main verb, the noun *avis* as root and the finite *accuse* hung on *conseil*."""
    from spacy.tokens import Doc

    words = ["Un", "avis", "du", "conseil", ",", "publié", "hier", ",", "accuse", "le", "maire", "de", "mentir", "."]
    heads = [1, 1, 3, 1, 3, 3, 5, 3, 3, 10, 8, 12, 8, 1]
    deps = ["det", "ROOT", "case", "nmod", "punct", "acl", "advmod", "punct", "acl", "det", "obj", "mark", "xcomp",
            "punct"]
    pos = ["DET", "NOUN", "ADP", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT", "VERB", "DET", "NOUN", "ADP", "VERB", "PUNCT"]
    morphs = [""] * 14
    morphs[8] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[5] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    morphs[12] = "VerbForm=Inf"
    return Doc(fr.vocab, words=words, spaces=[w not in (",", ".") and n + 1 < len(words) and words[n + 1] not in (",", ".")
                                              for n, w in enumerate(words)],
               heads=heads, deps=deps, pos=pos, morphs=morphs)


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
    found = _indirect(find_quotes(doc), "noté")
    assert found and "enquête" in found[0].speaker.text
    assert found[0].content.text.startswith("Les ventes reculent")


def test_an_object_that_cannot_speak_is_no_inverted_subject(fr):
    doc = fr("Les syndicats ont manifesté, puis ont dénoncé la hausse des loyers.")
    verb = next(t for t in doc if t.lower_ == "dénoncé")
    assert inverted_object(verb, "fr") is None


def test_a_speech_verb_form_tagged_as_an_adjective_with_a_subject_is_a_verb(fr):
    doc = fr("Le démographe belge Luc Renard remarque que quatre régions rurales, longtemps délaissées, ont "
             "nettement moins souffert que les villes.")
    found = _indirect(find_quotes(doc), "remarque")
    assert found and "Luc Renard" in found[0].speaker.text
    assert found[0].content.text.startswith("que quatre régions")


def test_the_noun_of_the_same_form_stays_a_noun(fr):
    doc = fr("Sa remarque sur la météo a fait rire la salle.")
    assert not _indirect(find_quotes(doc), "remarque")
