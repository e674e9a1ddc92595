"""A speech verb the tagger read as a noun or an adjective (*Le maire juge que…*: *juge* an adjective of
*maire*, no verb left in the sentence) is read again with an unambiguous verb in its place
(``recoupe.analysis.parse.repair_slipped_speech_verbs``), and the quote rules then find the report.
Issue 14, session 22. Invented sentences only."""

from __future__ import annotations

import pytest
from conftest import model_runner

from recoupe.analysis.quotes import find_quotes


@pytest.mark.parametrize("text, content, speaker", [
    ("Le conseiller municipal juge que la piscine coûte trop cher.", "que la piscine coûte trop cher",
     "Le conseiller municipal"),
    ("La doyenne Odile Marchal remarque que les inscriptions ont baissé.", "que les inscriptions ont baissé",
     "La doyenne Odile Marchal"),
    ("Le collectif des riverains critique le tracé de la rocade.", "le tracé de la rocade",
     "Le collectif des riverains"),
    ("Le syndicat agricole alerte sur la pénurie de saisonniers.", "sur la pénurie de saisonniers",
     "Le syndicat agricole"),
    ("Il presse ainsi ses voisins de signer la pétition.", "ses voisins de signer la pétition", "Il"),
])
def test_a_speech_verb_read_as_a_noun_reports_its_content(fr, text, content, speaker):
    quotes = find_quotes(fr(text))
    assert [(q.content.text, q.speaker.text) for q in quotes] == [(content, speaker)]


def test_a_speech_locution_after_the_slipped_verb_is_read_again(fr):
    # *pointe du doigt*: the locution's *du* is no noun complement (``speech_locutions_fr.tsv``)
    quotes = find_quotes(fr("La présidente de l'association Lucie Berthier pointe du doigt la hausse des loyers."))
    assert [q.speaker.text for q in quotes] == ["La présidente de l'association Lucie Berthier"]
    assert quotes[0].content.text.endswith("la hausse des loyers")


def test_the_repaired_verb_keeps_its_own_lemma_and_the_text_its_words(fr):
    text = "Le conseiller municipal juge que la piscine coûte trop cher."
    doc = fr(text)
    verb = next(t for t in doc if t.text == "juge")
    assert doc.text == text and [t.text for t in doc] == [t.text for t in fr.make_doc(text)]
    assert (verb.pos_, verb.lemma_, verb.dep_) == ("VERB", "juger", "ROOT")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["conseiller"]


@pytest.mark.parametrize("text, word", [
    ("Le juge a tranché en faveur des locataires.", "juge"),          # the noun, with its determiner
    ("La critique des élus porte sur le coût du chantier.", "critique"),  # the sentence has its verb
    ("Nouvelle alerte sur la sécheresse dans le Var", "alerte"),         # a headline: no speaker before it
    ("Le regard critique des élus sur le budget", "critique"),         # an adjective after a common noun
    ("Vive critique de l'opposition après le vote", "critique"),
    ("Anne Leroy, juge d'instruction, et son greffier.", "juge"),      # an apposition after a comma
    ("Photo : service presse de la préfecture", "presse"),              # a photo credit
    ("Le magistrat Léon Garnier juge d'instruction à Nantes", "juge"),  # a caption: the noun's complement
    ("Paul Vidal critique musical au journal régional", "critique"),    # an adjective the verb takes not
])
def test_the_noun_stays_a_noun(fr_base, text, word):
    from recoupe.analysis.parse import repair_slipped_speech_verbs

    doc = fr_base(text)
    before = [(t.pos_, t.dep_, t.head.i) for t in doc]
    repair_slipped_speech_verbs(doc, model_runner(fr_base))
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == before
    assert next(t for t in doc if t.text == word).pos_ != "VERB"


def test_the_repair_reads_the_sentence_again_only_where_the_stand_in_mends_it(fr_base):
    from recoupe.analysis.parse import repair_slipped_speech_verbs, slipped_speech_verbs

    text = "Le conseiller municipal juge que la piscine coûte trop cher."
    doc = fr_base(text)
    assert [doc[i].text for i, *_ in slipped_speech_verbs(doc)] == ["juge"]
    before = [(t.pos_, t.dep_, t.head.i) for t in doc]
    # a reading that makes no verb of the stand-in (no model ran) leaves the Doc as it was
    repair_slipped_speech_verbs(doc, lambda docs: [fr_base.make_doc(d.text) for d in docs])
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == before
    repair_slipped_speech_verbs(doc, model_runner(fr_base))
    assert (doc[3].pos_, doc[3].lemma_, doc[3].text) == ("VERB", "juger", "juge")
    assert doc.text == text


def test_a_candidate_the_stand_in_does_not_mend_leaves_the_others_repaired(fr_base):
    from recoupe.analysis.parse import repair_slipped_speech_verbs, slipped_speech_verbs

    # two candidates in one paragraph: the headline's is no speech verb, the report's is
    doc = fr_base("Nouvelle alerte sur les loyers. Le collectif des riverains critique le tracé de la rocade.")
    assert [doc[i].text for i, *_ in slipped_speech_verbs(doc)] == ["alerte", "critique"]
    repair_slipped_speech_verbs(doc, model_runner(fr_base))
    assert [(t.text, t.pos_ == "VERB") for t in doc if t.text in ("alerte", "critique")] == [
        ("alerte", False), ("critique", True)]
