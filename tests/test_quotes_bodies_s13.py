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


def test_a_verbless_root_is_the_subject_of_a_finite_speech_verb(fr):
    doc = fr("Un rapport confidentiel de la Cour des comptes, consulté par notre rédaction, accuse la direction "
             "de gaspiller les fonds publics.")
    verb = next(t for t in doc if t.lower_ == "accuse")
    root = verbless_root_subject(verb)
    if verb.sent.root.pos_ in ("NOUN", "PROPN"):  # the misparse the rule repairs
        assert root is not None and root.lower_ == "rapport"
    found = _indirect(find_quotes(doc), "accuse")
    assert found and "rapport" in found[0].speaker.text
    assert "gaspiller" in found[0].content.text
    assert not any(q.content.text.startswith("Un rapport") for q in find_quotes(doc))


def test_a_sentence_with_its_own_main_verb_is_left_alone(fr):
    doc = fr("Le maire a critiqué le projet de rocade.")
    verb = next(t for t in doc if t.lower_ == "critiqué")
    assert verbless_root_subject(verb) is None


def test_an_inverted_subject_read_as_an_object_speaks(fr):
    doc = fr("Les tarifs augmenteront de dix pour cent en mars, avait affirmé cette étude.")
    found = _indirect(find_quotes(doc), "affirmé")
    assert found and "étude" in found[0].speaker.text
    assert found[0].content.text.startswith("Les tarifs augmenteront")


def test_an_object_that_cannot_speak_is_no_inverted_subject(fr):
    doc = fr("Les syndicats ont manifesté, puis ont dénoncé la hausse des loyers.")
    verb = next(t for t in doc if t.lower_ == "dénoncé")
    assert inverted_object(verb, "fr") is None


def test_a_speech_verb_form_tagged_as_an_adjective_with_a_subject_is_a_verb(fr):
    doc = fr("L’historien écossais Paul Martin remarque que trois petits pays très développés, confrontés à un "
             "péril intense, ont bien mieux géré la crise que les autres.")
    found = _indirect(find_quotes(doc), "remarque")
    assert found and "Paul Martin" in found[0].speaker.text
    assert found[0].content.text.startswith("que trois petits pays")


def test_the_noun_of_the_same_form_stays_a_noun(fr):
    doc = fr("Sa remarque sur la météo a fait rire la salle.")
    assert not _indirect(find_quotes(doc), "remarque")
