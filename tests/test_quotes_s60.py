"""Issue 14, session 60: a quotation nobody speaks that opens a sentence inside its paragraph is the words of the
person the sentence before set up as its subject, as one opening its paragraph or following a colon already was;
a name inside that subject's own phrase (*X, partenaire de Y*) does not stand in the way; a speech verb the parser
hid in its subject phrase (in a name, before a *que* clause it made the root, after a comma) is read again as a
verb. Invented sentences."""

import pytest
from conftest import first_quote_holding

from recoupe.analysis.quotes import find_quotes


@pytest.mark.parametrize("text, fragment, canonical", [
    ("Sur le port de Lorient, la navigatrice Léa Morvan, partenaire de course d'Hugo Tanguy, a renoncé à la "
     "prochaine transat. « J'ai besoin de temps pour ma famille, et je reviendrai plus forte l'an prochain. »",
     "J'ai besoin de temps", "Léa Morvan"),
    ("Le maire Antoine Ferrand a inauguré la médiathèque samedi. « Je suis fier de ce chantier que nous avons "
     "mené à bien avec toute l'équipe. »", "Je suis fier de ce chantier", "Antoine Ferrand"),
])
def test_a_quotation_opening_the_next_sentence_is_the_subject_s(fr, text, fragment, canonical):
    quote = first_quote_holding(fr, text, fragment)
    assert quote is not None and quote.speaker_canonical == canonical
    assert canonical in quote.speaker.text  # the introducing mention is the evidence


def test_a_sentence_between_leaves_the_quotation_unspoken(fr):
    """Two sentence ends from the subject: the filter's quotation is not given to it."""
    text = ("Le maire Antoine Ferrand a inauguré la médiathèque samedi. Les habitants ont découvert les lieux. "
            "« Je suis fier de ce chantier que nous avons mené à bien avec toute l'équipe. »")
    quote = first_quote_holding(fr, text, "Je suis fier de ce chantier")
    assert quote is None or quote.speaker_canonical != "Antoine Ferrand"


def test_a_quotation_inside_a_sentence_is_no_new_sentence(fr):
    """A quotation after a comma continues its own sentence: the subject before is not read as introducing it."""
    text = ("Le maire Antoine Ferrand a inauguré la médiathèque samedi. Pour les habitants, « une belle "
            "surprise, enfin un lieu à nous ».")
    quote = first_quote_holding(fr, text, "une belle surprise")
    assert quote is None or quote.speaker_canonical != "Antoine Ferrand"


@pytest.mark.parametrize("text, content, speaker", [
    # the parser hung the verb inside the name before it
    ("Paul Arnaud critique une loi mal faite.", "une loi mal faite", "Paul Arnaud"),
    # it made the *que* clause the sentence's root, with the verb a word of the subject phrase
    ("Le député Denis Laval juge, lui, que la loi actuelle est mal faite.", "que la loi actuelle est mal faite",
     "Le député Denis Laval"),
    # after a comma, a *que* clause says the word is the verb, not an apposition
    ("Le rapporteur du budget, Yves Morin, juge, lui, que le calendrier est intenable.",
     "que le calendrier est intenable", "Le rapporteur du budget, Yves Morin"),
])
def test_a_speech_verb_the_parser_hid_in_the_subject_reports(fr, text, content, speaker):
    quote = first_quote_holding(fr, text, content)
    assert quote is not None and quote.kind == "indirect" and quote.content.text == content
    assert quote.speaker.text == speaker and quote.producer.endswith("+rule:parse.stand_in")


@pytest.mark.parametrize("text", [
    "Hélène Castel, juge des enfants, et son greffier sont arrivés.",  # an apposition: no clause after it
    "Victor Lenoir, critique de cinéma, a publié un essai.",
])
def test_a_noun_after_a_comma_stays_an_apposition(fr, text):
    assert not [q for q in find_quotes(fr(text)) if q.kind == "indirect"]


def test_the_person_named_before_a_colon_introduces_the_quotation(fr):
    """A sentence with no verb (or whose parse gives it no person for subject) names who speaks after its colon."""
    text = ("Dans un entretien accordé dimanche à la radio locale, la présidente du club, Anne Leclerc : « Nous "
            "allons reconstruire l'équipe avec nos jeunes. »")
    quote = first_quote_holding(fr, text, "Nous allons reconstruire")
    assert quote is not None and quote.speaker_canonical == "Anne Leclerc"


def test_a_name_completing_a_noun_introduces_nobody(fr):
    """*Un proche de X* speaks; X is who the noun is about."""
    text = ("Un proche de Julie Marchand s'inquiète : « On ne la reconnaît plus depuis des mois, elle ne sort plus "
            "de chez elle. »")
    quote = first_quote_holding(fr, text, "On ne la reconnaît plus")
    assert quote is None or quote.speaker_canonical != "Julie Marchand"
