"""An adverbial locution the parser reads as a clause's words (*a peu à peu admis*: *peu* taken for the head of the
subject, the participle left with none) is left out of a second reading of its paragraph and grafted back as an
adverbial of the word it qualifies (``recoupe.analysis.parse.repair_broken_locutions``); the quote rules then
find the report. Issue 14, session 58. Invented sentences only."""

from __future__ import annotations

import pytest
from conftest import model_runner

from recoupe.analysis.quotes import find_quotes


@pytest.mark.parametrize("text, content, speaker", [
    ("Le maire a peu à peu admis que le chantier prendrait du retard.", "que le chantier prendrait du retard",
     "Le maire"),
    ("Le comité avait une fois de plus rappelé que les dons restent anonymes.", "que les dons restent anonymes",
     "Le comité"),
    ("La directrice a à son tour affirmé que les classes rouvriraient lundi.", "que les classes rouvriraient lundi",
     "La directrice"),
])
def test_a_report_with_a_locution_before_its_participle_has_its_speaker(fr, text, content, speaker):
    quotes = find_quotes(fr(text))
    assert [(q.content.text, q.speaker.text, q.producer) for q in quotes] == [
        (content, speaker, "rule:quotes.indirect_clause")]


def test_the_locution_qualifies_the_participle_and_the_words_stay(fr):
    text = "Le maire a peu à peu admis que le chantier prendrait du retard."
    doc = fr(text)
    assert doc.text == text and [t.text for t in doc] == [t.text for t in fr.make_doc(text)]
    verb = next(t for t in doc if t.text == "admis")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["maire"]
    first, *rest = doc[3:6]
    assert (first.dep_, first.head.text, first.pos_) == ("advmod", "admis", "ADV")
    assert [(t.dep_, t.head.i) for t in rest] == [("fixed", 3), ("fixed", 3)]
    assert doc.tensor is not None and len(doc.tensor) == len(doc)


def test_a_locution_the_parse_reads_right_is_left_alone(fr_base):
    from recoupe.analysis.parse import locution_index, locution_spans, repair_broken_locutions

    index = locution_index(fr_base)
    doc = fr_base("De son côté, la directrice a présenté le budget rectifié.")
    assert [doc[a:b].text for a, b in locution_spans(doc, index)] == ["De son côté"]
    before = [(t.pos_, t.dep_, t.head.i) for t in doc]
    assert repair_broken_locutions(doc, index, model_runner(fr_base)) == []
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == before


def test_locutions_are_matched_with_their_accents_and_either_apostrophe(fr_base):
    from recoupe.analysis.parse import locution_index, locution_spans

    index = locution_index(fr_base)
    doc = fr_base("Le préfet a tort : il a d’ores et déjà signé, et à tort.")
    assert [doc[a:b].text for a, b in locution_spans(doc, index)] == ["d’ores et déjà", "à tort"]


def test_the_new_reading_keeps_the_name_before_the_locution(fr, fr_base):
    from recoupe.analysis.parse import broken_locutions, locution_index

    text = "La sénatrice Odile Marchal a une fois de plus rappelé que le budget était intenable."
    first = fr_base(text)
    assert [first[a:b].text for a, b in broken_locutions(first, locution_index(fr_base))] == ["une fois de plus"]
    doc = fr(text)
    assert [(e.text, e.label_) for e in doc.ents] == [("Odile Marchal", "PER")]
    assert all(t.ent_iob_ == "O" for t in doc[5:9])
    verb = next(t for t in doc if t.text == "rappelé")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["sénatrice"]
    assert [(q.speaker.text, q.content.text) for q in find_quotes(doc)] == [
        ("La sénatrice Odile Marchal", "que le budget était intenable")]


def test_the_other_sentences_of_the_paragraph_keep_their_first_reading(fr_base):
    from recoupe.analysis.parse import locution_index, repair_broken_locutions

    text = ("Les riverains se plaignent du bruit depuis des mois. "
            "La sénatrice Odile Marchal a une fois de plus rappelé que le budget était intenable.")
    doc = fr_base(text)
    first = [(t.pos_, t.dep_, t.head.i) for t in doc]
    cut = next(s.end for s in doc.sents)
    assert repair_broken_locutions(doc, locution_index(fr_base), model_runner(fr_base)) != []
    assert [(t.pos_, t.dep_, t.head.i) for t in doc][:cut] == first[:cut]
    assert next(t for t in doc if t.text == "rappelé").dep_ == "ROOT"


def test_a_second_reading_with_fewer_subjects_is_not_kept(fr_base):
    from recoupe.analysis.parse import locution_index, repair_broken_locutions

    doc = fr_base("La sénatrice Odile Marchal a une fois de plus rappelé que le budget était intenable.")
    first = [(t.pos_, t.dep_, t.head.i) for t in doc]

    def unread(docs):  # a "reading" with no arcs at all (no model ran) has no subject: the first reading stays
        return [fr_base.make_doc(d.text) for d in docs]

    assert repair_broken_locutions(doc, locution_index(fr_base), unread) == []
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == first


@pytest.mark.parametrize("text, speaker, content", [
    ("La maire a, sur Twitter, dénoncé une décision injuste.", "La maire", "une décision injuste"),
    ("Le ministre a, lui aussi, annoncé qu'il quitterait son poste.", "Le ministre", "qu'il quitterait son poste"),
    ("Les syndicats ont, lors d'un meeting à Lyon, réclamé une hausse des salaires.", "Les syndicats",
     "une hausse des salaires"),
])
def test_words_set_off_by_commas_between_auxiliary_and_participle_are_read_past(fr, text, speaker, content):
    assert [(q.speaker.text, q.content.text) for q in find_quotes(fr(text))] == [(speaker, content)]


def test_an_insertion_keeps_its_own_reading_and_qualifies_the_participle(fr, fr_base):
    from recoupe.analysis.parse import broken_insertions

    text = "La maire a, sur Twitter, dénoncé une décision injuste."
    first = fr_base(text)
    assert [first[a:b].text for a, b in broken_insertions(first)] == [", sur Twitter,"]
    doc = fr(text)
    verb = doc[7]
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["maire"]
    assert (doc[2].dep_, doc[2].head.i) == ("aux:tense", 7)
    assert (doc[5].dep_, doc[5].head.i, doc[4].dep_, doc[4].head.i) == ("obl:mod", 7, "case", 5)
    assert [(t.dep_, t.head.i) for t in (doc[3], doc[6])] == [("punct", 7), ("punct", 7)]


def test_an_insertion_the_parse_reads_right_or_no_participle_is_left_alone(fr_base):
    from recoupe.analysis.parse import broken_insertions

    assert broken_insertions(fr_base("Il a, lui, ses raisons de douter.")) == []
    assert broken_insertions(fr_base("Le syndicat a, dans un communiqué, dénoncé la fermeture du site.")) == []
