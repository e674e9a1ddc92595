"""Speakers (issue 14, session 14, branch s14spk): a definite description of a person that nobody
holds and that takes up no previous speaker stands for the person the narrative named last
(``speakers._person_named_just_before``). Invented sentences only."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.coreference import Discourse
from recoupe.analysis.quotes.speakers import _person_named_just_before
from recoupe.analysis.quotes.syntax import phrase_bounds

OPENED = ("Anne Morel préside la chambre de commerce locale depuis 2015. Sa fille, Claire Dubois, "
          "a ouvert un café dans le quartier. « Les clients reviennent chaque matin », raconte la commerçante.")


def _named(doc, word):
    head = next(t for t in doc if t.text == word)
    return _person_named_just_before(doc, head, phrase_bounds(head), Discourse(doc), "fr")


def test_the_description_stands_for_the_person_named_just_before(fr):
    ref = _named(fr(OPENED), "commerçante")
    assert ref is not None and ref.canonical == "Claire Dubois"


def test_the_quote_names_that_person_with_the_mention_as_evidence(fr):
    q = next(q for q in find_quotes(fr(OPENED)) if "clients" in q.content.text)
    assert q.speaker is not None and "commerçante" in q.speaker.text  # the phrase stays what the article says
    assert q.speaker_canonical == "Claire Dubois"
    assert q.speaker_evidence is not None and "Dubois" in q.speaker_evidence.text


def test_a_description_of_the_other_gender_takes_nobody(fr):
    text = OPENED.replace("la commerçante", "le commerçant")
    assert _named(fr(text), "commerçant") is None


def test_a_plural_or_indefinite_description_takes_nobody(fr):
    assert _named(fr(OPENED.replace("la commerçante", "une commerçante")), "commerçante") is None
    assert _named(fr(OPENED.replace("raconte la commerçante", "racontent les commerçants")), "commerçants") is None


def test_a_person_named_two_paragraphs_up_is_out_of_reach(fr):
    text = ("Claire Dubois a ouvert un café dans le quartier.\n\nLe marché a lieu le samedi.\n\n"
            "Les travaux ont duré un an. « Les clients reviennent chaque matin », raconte la commerçante.")
    assert _named(fr(text), "commerçante") is None


def _entity(doc, name):
    from recoupe.analysis.quotes.index import entity_index
    return next(e for e in entity_index(doc).entities if e.canonical == name)


def test_a_list_of_names_after_a_description_is_no_apposition(fr):
    # the parser hangs the first name of the list on the noun as an apposition
    from recoupe.analysis.quotes.coreference import descriptions
    # the second name coordinated with the first one, then with the noun
    for text, noun in (("Pour le maire de la ville, Paul Martin et Jacques Petit ont « perdu la main ».", "maire"),
                       ("Pour le président du club, Paul Martin et Jacques Petit ont eu tort de vendre le stade.",
                        "président")):
        doc = fr(text)
        for name in ("Paul Martin", "Jacques Petit"):
            assert not any(noun in d for d in descriptions(doc, _entity(doc, name)))
    doc = fr("Le maire de la ville, Paul Martin, a présenté son programme lundi.")
    assert any("maire" in d for d in descriptions(doc, _entity(doc, "Paul Martin")))


def test_a_named_subject_after_a_document_frame_speaks_in_it(fr):
    # *vouloir rassurer* is no speech verb of the lexicon: the document frame's candidate carries it
    text = ("Dans un communiqué publié lundi, Marie Roux a voulu rassurer les habitants sur l'avenir "
            "de la mairie.")
    q = next(q for q in find_quotes(fr(text)) if "mairie" in q.content.text)
    assert q.producer == "rule:quotes.according_to_document"
    assert q.speaker_canonical == "Marie Roux"


def test_a_document_frame_over_a_clause_whose_subject_names_nobody_stays_the_source(fr):
    from recoupe.analysis.quotes.speakers import _document_voice
    from recoupe.analysis.quotes.syntax import Candidate
    text = "Dans un rapport publié lundi, les dépenses de la ville ont augmenté de dix pour cent en un an."
    doc = fr(text)
    start = text.index("les dépenses")
    cand = Candidate("according_to", "according_to_document", (start, len(text) - 1), (0, 4), doc[3], 0.6)
    assert _document_voice(doc, cand) is None
