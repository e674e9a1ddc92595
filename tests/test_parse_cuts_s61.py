"""A sentence the parser cut between two words of a name (*Marie-Claire | Le Men a jugé…*, *D'après BFM | Business,
…*) is read again with no sentence allowed to open there (``recoupe.analysis.parse.repair_cut_phrases``); the
source or the speaker then has its whole name; and a closing incise whose inverted subject the parse hung on
another word still names it (``indirect._stray_inverted_subject``: hand-made parses pin that misreading). Issue 14,
session 61. Invented sentences only."""

from __future__ import annotations

import pytest
from conftest import hand_parsed, model_runner

from recoupe.analysis.parse import cut_phrases, repair_cut_phrases
from recoupe.analysis.quotes import find_quotes


def test_a_source_named_in_two_words_is_the_source_whole(fr):
    quotes = find_quotes(fr("D'après BFM Business, la chaîne a perdu deux points d'audience cet automne."))
    assert [(q.content.text, q.speaker.text, q.producer) for q in quotes] == [
        ("la chaîne a perdu deux points d'audience cet automne", "BFM Business", "rule:quotes.according_to")]


def test_a_speaker_whose_name_the_parse_cut_is_named_whole(fr):
    doc = fr("Marie-Claire Le Men a jugé que le projet restait flou. Elle a ajouté que le calendrier serait revu.")
    assert [s.text for s in doc.sents] == ["Marie-Claire Le Men a jugé que le projet restait flou.",
                                           "Elle a ajouté que le calendrier serait revu."]
    assert [(q.content.text, q.speaker_canonical) for q in find_quotes(doc)] == [
        ("que le projet restait flou", "Marie-Claire Le Men"), ("que le calendrier serait revu", "Marie-Claire Le Men")]


def _cut_after(fr, words: list[str], cut: int):
    """``words`` parsed by hand as two sentences, the second opening at ``cut``: a flat reading, every word on
    its sentence's first word."""
    heads = [0 if i < cut else cut for i in range(len(words))]
    deps = ["ROOT" if i in (0, cut) else "dep" for i in range(len(words))]
    return hand_parsed(fr, words, heads, deps, ["X"] * len(words), [""] * len(words))


@pytest.mark.parametrize("words, cut, cuts", [
    (["Marie-Claire", "Le", "Men", "a", "jugé", "."], 1, [1]),  # inside a name
    (["Le", "maire", "a", "salué", "M.", "Dupont", "."], 5, [5]),  # after an abbreviation before a name
    (["POLITIQUE", "Le", "maire", "a", "démissionné", "."], 1, []),  # after a rubric opening the line
    (["Conclusion", "je", "suis", "reparti", "."], 1, []),  # a word in lower case opens no name
    (["Le", "maire", "a", "démissionné", ".", "Le", "conseil", "a", "voté", "."], 5, []),  # after a full stop
    (["Il", "a", "tout", "rangé", "etc.", "Le", "conseil", "a", "voté", "."], 5, []),  # *etc.* ends sentences
])
def test_only_a_cut_inside_a_name_is_mended(fr, words, cut, cuts):
    assert cut_phrases(_cut_after(fr, words, cut)) == cuts


def test_the_repair_keeps_the_words_and_the_other_sentences(fr_base):
    text = "Le conseil a voté le budget. Marie-Claire Le Men a jugé que le projet restait flou."
    doc = fr_base(text)
    first = [(t.dep_, t.head.i, t.pos_) for t in doc[:6]]
    mended = repair_cut_phrases(doc, model_runner(fr_base))
    assert mended == [8]  # the parser cut *Marie-Claire | Le Men*
    assert doc.text == text and [t.text for t in doc] == [t.text for t in fr_base.make_doc(text)]
    assert [s.text for s in doc.sents] == ["Le conseil a voté le budget.",
                                           "Marie-Claire Le Men a jugé que le projet restait flou."]
    assert [(t.dep_, t.head.i, t.pos_) for t in doc[:6]] == first
    assert doc.tensor is not None and len(doc.tensor) == len(doc)


# --- an incise whose inverted subject the parse hung elsewhere -------------------------------------------------------

_FINITE = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


@pytest.mark.parametrize("words, heads, deps, pos, found", [
    # *Le club a versé des primes aux joueurs, détaille Le Journal.* parsed with *Journal* the object of *versé* and
    # *détaille* a conjunct of it with no dependent of its own: the incise's subject, the words before its comma
    (["Le", "club", "a", "versé", "des", "primes", "aux", "joueurs", ",", "détaille", "Le", "Journal", "."],
     [1, 3, 3, 3, 5, 3, 7, 3, 9, 3, 11, 3, 3],
     ["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "case", "obl:arg", "punct", "conj", "det", "obj", "punct"],
     ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT", "VERB", "DET", "PROPN", "PUNCT"], 11),
    # *…, détaille le plan qui suit.*: a verb in the phrase after the noun, which is then no one's name
    (["Le", "club", "a", "versé", "des", "primes", ",", "détaille", "le", "plan", "qui", "suit", "."],
     [1, 3, 3, 3, 5, 3, 7, 3, 9, 3, 11, 9, 3],
     ["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "punct", "conj", "det", "obj", "nsubj", "acl:relcl", "punct"],
     ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "PRON", "VERB", "PUNCT"], None),
])
def test_an_incise_subject_the_parse_hung_on_the_reported_verb_is_read_on_the_surface(fr, words, heads, deps, pos,
                                                                                       found):
    from recoupe.analysis.quotes.indirect import _incise_content, inverted_object

    morphs = [_FINITE if p == "AUX" or w in ("détaille", "suit") else "Tense=Past|VerbForm=Part" if w == "versé" else ""
              for w, p in zip(words, pos)]
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    verb = doc[words.index("détaille")]
    subject = inverted_object(verb, "fr")
    assert (subject.i if subject is not None else None) == found
    if found is not None:
        assert _incise_content(verb, "fr") == (0, doc[words.index(",")].idx)


def test_a_phrase_hung_on_the_incise_past_a_comma_is_no_object_of_it(fr):
    from recoupe.analysis.quotes.indirect import _incise_content

    words = ["Les", "clubs", "fermeront", "le", "bar", ",", "assure", "-t", "-il", ",", "en", "hiver", "."]
    doc = hand_parsed(fr, words, heads=[1, 2, 2, 4, 2, 6, 2, 6, 6, 6, 11, 6, 2],
                      deps=["det", "nsubj", "ROOT", "det", "obj", "punct", "advcl", "dep", "nsubj", "punct", "case",
                            "obj", "punct"],
                      pos=["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "PRON", "PUNCT", "ADP",
                           "NOUN", "PUNCT"],
                      morphs=["", "", _FINITE, "", "", "", _FINITE, "", "Gender=Masc|Number=Sing|Person=3", "", "", "",
                              ""])
    assert _incise_content(doc[6], "fr") == (0, len("Les clubs fermeront le bar"))
