"""Session 50 quote finding: a surname the parser misreads before an object clitic (*Dupontel nous explique que…*,
the clitic taken for the subject) still names who speaks; an adverb of quantity heading a noun object (*exige plus
de moyens*) is a noun object of the speech verb; the bodies of civil society (a federation, a foundation, a collective)
speak as a body; words quoted in the clause of a speech verb whose subject is a thing (*le projet maintient…*)
are nobody's. Sentences written for these tests; the rules' tests fail on the commit before them (c8d7218),
the guards pass on both."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes.syntax import speaker_head, subject_of

from conftest import first_quote_holding, hand_parsed, quotes_in


def _clitic_misparse(fr, clitic: str, subject_dep: str, name_pos: str = "NUM", name_dep: str = "expl:subj",
                     person: str = "3", name: str = "Lemarquis"):
    """*<name> <clitic> raconte que la digue a cédé .* parsed as the French parser reads an unknown surname
    opening a sentence: the surname a numeral hung on the verb as an expletive, the clitic the subject."""
    words = [name, clitic, "raconte", "que", "la", "digue", "a", "cédé", "."]
    heads = [2, 2, 2, 7, 5, 7, 7, 2, 2]
    deps = [name_dep, subject_dep, "ROOT", "mark", "det", "nsubj", "aux:tense", "ccomp", "punct"]
    pos = [name_pos, "PRON", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    morphs = [""] * len(words)
    morphs[1] = "Number=Plur|Person=1" if clitic == "nous" else "Number=Plur|Person=2"
    morphs[2] = f"Mood=Ind|Number=Sing|Person={person}|Tense=Pres|VerbForm=Fin"
    morphs[5] = "Gender=Fem|Number=Sing"
    morphs[6] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[7] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    return hand_parsed(fr, words, heads, deps, pos, morphs)


@pytest.mark.parametrize("clitic", ["nous", "vous"])
@pytest.mark.parametrize("subject_dep", ["nsubj", "iobj"])
def test_a_misread_surname_before_an_object_clitic_is_the_subject(fr, clitic, subject_dep):
    """The clitic read as the subject (``nsubj``) or as the object it is (``iobj``): the surname speaks."""
    doc = _clitic_misparse(fr, clitic, subject_dep)
    head = speaker_head(doc[2])
    assert head is not None and head.text == "Lemarquis"


def test_a_clitic_that_agrees_with_the_verb_stays_its_subject(fr):
    """Guard: *nous racontons* (first person): *nous* is the subject, whatever precedes it."""
    doc = _clitic_misparse(fr, "nous", "nsubj", name_pos="ADV", name_dep="advmod", person="1")
    assert subject_of(doc[2]).text == "nous"


def test_a_digit_numeral_is_no_misread_surname(fr):
    """Guard: a numeral with digits is what the tagger says, not a name."""
    head = speaker_head(_clitic_misparse(fr, "nous", "iobj", name="2024")[2])
    assert head is None or head.text != "2024"


@pytest.mark.parametrize("sentence, fragment", [
    ("Les riverains exigent plus de fermeté contre les chauffards du quartier.", "plus de fermeté"),
    ("La présidente du conseil régional dénonce trop de retards sur la ligne ferroviaire.", "trop de retards"),
])
def test_an_adverb_of_quantity_heads_a_noun_object(fr, sentence, fragment):
    quote = first_quote_holding(fr, sentence, fragment)
    assert quote is not None and quote.kind == "indirect"


def test_a_negation_with_plus_reports_no_object(fr):
    """Guard: *ne réclame plus de* is the negation *ne… plus*, no demand made."""
    assert first_quote_holding(fr, "Le maire ne réclame plus de subventions à l'État depuis mars.", "subventions") \
        is None


@pytest.mark.parametrize("subject", ["L'intersyndicale", "La fédération des pêcheurs", "La fondation", "Le collectif"])
def test_a_body_of_civil_society_speaks_as_a_body(fr, subject):
    sentence = f"{subject} a dénoncé la fermeture du port de commerce sans concertation."
    quote = first_quote_holding(fr, sentence, "la fermeture du port")
    assert quote is not None and quote.speaker is not None and quote.speaker.text.startswith(subject.split()[0])


def test_an_adverb_before_de_that_is_no_quantity_opens_no_object(fr):
    """Guard: *lors de* is a preposition of time, not an object of the speech verb."""
    quotes = quotes_in(fr, "Le porte-parole du maire, Paul Girard, s’est exprimé sur cette réunion lors de son passage "
                           "sur la radio locale, lundi.")
    assert not any(text.startswith("lors") for text in quotes)


@pytest.mark.parametrize("sentence, fragment", [
    ("Le projet maintient seulement une surcotisation sur les \"contrats courts\" de moins de trois mois.",
     "contrats courts"),
    ("Cette dimension presque paternaliste ne va pas sans rappeler le projet de concevoir une \"ville connectée\", "
     "dans laquelle les salariés vivraient.", "ville connectée"),
])
def test_words_quoted_in_the_clause_of_a_thing_are_nobodys(fr, sentence, fragment):
    assert first_quote_holding(fr, sentence, fragment) is None


@pytest.mark.parametrize("sentence, fragment", [
    ("Les riverains ont dénoncé un \"véritable scandale\" lors de la réunion publique.", "véritable scandale"),
    ("La mairie a qualifié le projet de \"folie budgétaire\" mardi.", "folie budgétaire"),
])
def test_words_quoted_in_the_clause_of_someone_who_can_speak_are_theirs(fr, sentence, fragment):
    """Guard: people, a body, a source still speak the words quoted in their clause."""
    assert first_quote_holding(fr, sentence, fragment) is not None
