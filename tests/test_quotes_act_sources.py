"""Quotes, session 14 (issue 14): a French past participle with an inverted subject and no auxiliary
is a finite verb the tagger misread (*dit*, *écrit* are both), so an incise with it reports what comes
before it; *membre* is a noun of persons; nouns of acts that carry a body's statement (*décision*,
*avis*, *version*…) are source nouns. Sentences written for the tests."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.index import credible_source
from recoupe.analysis.quotes.syntax import finite, phrase_bounds


def _indirect(quotes, cue_contains):
    return [q for q in quotes if q.kind == "indirect" and q.cue is not None and cue_contains in q.cue.text]


def test_an_incise_with_a_participle_form_reports_the_words_before_it(fr):
    doc = fr("La réforme est injuste, dit Paul Martin, patron d'une entreprise locale : « Personne ne nous a consultés. »")
    found = _indirect(find_quotes(doc), "dit")
    assert found and found[0].content.text == "La réforme est injuste"
    assert "Paul Martin" in found[0].speaker.text


def _doc(fr, words, heads, deps, pos, morphs):
    return Doc(fr.vocab, words=words, spaces=[n + 1 < len(words) and words[n + 1] not in (",", ".", ":")
                                              for n in range(len(words))],
               heads=heads, deps=deps, pos=pos, morphs=morphs)


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
    doc = _doc(fr, words, heads, deps, pos, morphs)
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
    doc = _doc(fr, words, heads, deps, pos, morphs)
    assert not finite(doc[2])
    assert finite(doc[7])


def test_a_member_of_a_body_names_who_speaks(fr):
    doc = fr("Un membre du syndicat a dénoncé une décision injuste.")
    subject = next(t for t in doc if t.lower_ == "membre")
    assert credible_source(subject, phrase_bounds(subject), "fr")
    found = _indirect(find_quotes(doc), "dénoncé")
    assert found and "une décision injuste" in found[0].content.text
    assert "membre" in found[0].speaker.text


def test_a_body_s_decision_is_a_source_of_selon(fr):
    doc = fr("Selon la décision du tribunal administratif, le projet est illégal.")
    found = [q for q in find_quotes(doc) if q.kind == "according_to"]
    assert found and found[0].content.text == "le projet est illégal"
    assert "tribunal" in found[0].speaker.text


def test_selon_a_measure_is_no_source(fr):
    doc = fr("Selon la taille de l'entreprise, l'aide varie de mille à cinq mille euros.")
    assert not [q for q in find_quotes(doc) if q.kind == "according_to"]
