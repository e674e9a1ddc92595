"""Issue 14, session 60: a quotation nobody speaks that opens a sentence inside its paragraph is the words of the
person the sentence before set up as its subject, as one opening its paragraph or following a colon already was;
a name inside that subject's own phrase (*X, partenaire de Y*) does not stand in the way; after a colon whose
sentence gives no person for subject, the person named last introduces it; a speech verb the parser hid in its
subject phrase (in a name, before a *que* clause it made the root, after a comma) is read again as a verb; the person
whose words or document a source noun names (*selon les propos de X*) speaks.
Invented sentences."""

import pytest
from conftest import first_quote_holding

from recoupe.analysis.quotes import find_quotes


@pytest.mark.parametrize("text, fragment, canonical", [
    # the quotation opens the next sentence of the paragraph; the subject's own phrase names someone else
    ("Sur le port de Lorient, la navigatrice Léa Morvan, partenaire de course d'Hugo Tanguy, a renoncé à la "
     "prochaine transat. « J'ai besoin de temps pour ma famille, et je reviendrai plus forte l'an prochain. »",
     "J'ai besoin de temps", "Léa Morvan"),
    ("Le maire Antoine Ferrand a inauguré la médiathèque samedi. « Je suis fier de ce chantier que nous avons "
     "mené à bien avec toute l'équipe. »", "Je suis fier de ce chantier", "Antoine Ferrand"),
    # a sentence with no verb names who speaks after its colon
    ("Dans un entretien accordé dimanche à la radio locale, la présidente du club, Anne Leclerc : « Nous "
     "allons reconstruire l'équipe avec nos jeunes. »", "Nous allons reconstruire", "Anne Leclerc"),
])
def test_a_quotation_is_the_words_of_who_introduced_it(fr, text, fragment, canonical):
    quote = first_quote_holding(fr, text, fragment)
    assert quote is not None and quote.speaker_canonical == canonical
    assert canonical in quote.speaker.text  # the introducing mention is the evidence


@pytest.mark.parametrize("text, fragment, other", [
    # two sentence ends from the subject
    ("Le maire Antoine Ferrand a inauguré la médiathèque samedi. Les habitants ont découvert les lieux. "
     "« Je suis fier de ce chantier que nous avons mené à bien avec toute l'équipe. »",
     "Je suis fier de ce chantier", "Antoine Ferrand"),
    # a quotation after a comma continues its own sentence
    ("Le maire Antoine Ferrand a inauguré la médiathèque samedi. Pour les habitants, « une belle "
     "surprise, enfin un lieu à nous ».", "une belle surprise", "Antoine Ferrand"),
    # *un proche de X* speaks; X is who the noun is about
    ("Un proche de Julie Marchand s'inquiète : « On ne la reconnaît plus depuis des mois, elle ne sort plus "
     "de chez elle. »", "On ne la reconnaît plus", "Julie Marchand"),
])
def test_nobody_introduced_the_quotation(fr, text, fragment, other):
    quote = first_quote_holding(fr, text, fragment)
    assert quote is None or quote.speaker_canonical != other


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


@pytest.mark.parametrize("text, canonical", [
    ("Selon les propos de Paul Girard, la pauvreté progresse partout.", "Paul Girard"),
    ("D'après les déclarations de Marie Dalmas, la pauvreté progresse partout.", "Marie Dalmas"),
    # guards: a role noun's complement is whom the speaker works for; a complement by *sur* is what it is about
    ("Selon l'avocat de Paul Girard, la procédure est close.", None),
    ("Selon un rapport sur Paul Girard, la procédure est close.", None),
])
def test_the_person_whose_words_a_source_noun_names_speaks(fr, text, canonical):
    quote = next(q for q in find_quotes(fr(text)) if q.kind == "according_to")
    assert quote.speaker_canonical == canonical
