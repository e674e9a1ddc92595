"""What a verb's valency and a group's noun say about the words around them, read on the develop sets' errors
(issue 14, session 34), on invented sentences:

- the *à* / *to* complement of a verb of response (*a réagi à l'annonce*, *responded to the ruling*) is what was
  answered, never what was said (``quote_words`` ``response_verbs``, ``reported._answered``): the learned filter's
  wide candidates no longer offer it;
- *Pour X, …* states X's view when X names people by a stance they take or by their trade of commenting (*les
  adversaires de la réforme*, *les détracteurs du maire*: ``quote_words`` ``view_nouns``,
  ``according_to._view_holders``), not when X names whom a thing is for (*Pour les habitants du quartier, …*),
  nor when the clause is passive (what is done for them). Guards from the review: nouns of membership, a relative
  clause, a *que* clause the parser hung on the answered complement;
- a name right after a noun of a group (*la famille X*, *le clan X*: ``quote_words`` ``group_nouns``) is a
  household's: the group noun's article gives it no gender, and that mention is no person a description of one
  takes up (``index._group_named``)."""

from __future__ import annotations

import pytest
from conftest import first_quote_holding


def _wide_contents(nlp, text: str, lang: str) -> list[str]:
    from recoupe.analysis.quotes.reported import wide_candidates
    from recoupe.analysis.text import SpanSet

    doc = nlp(text)
    return [doc.text[c.content[0]:c.content[1]] for c, _ in wide_candidates(doc, lang, [], SpanSet([]))]


@pytest.mark.parametrize("text, answered", [
    ("Jean-Marc Dufour a réagi à l'allocution télévisée de la ministre de l'Agriculture après le second tour "
     "des régionales mardi.", "à l'allocution télévisée"),
    ("Le syndicat a répondu aux critiques du patronat dans un communiqué publié jeudi soir.", "aux critiques"),
])
def test_what_a_verb_of_response_answers_is_no_report(fr, text, answered):
    assert not [c for c in _wide_contents(fr, text, "fr") if c.startswith(answered)]


def test_what_a_verb_of_response_answers_is_no_report_in_english(en):
    text = "The mayor responded to the ruling of the regional court in a statement on Thursday evening."
    assert not [c for c in _wide_contents(en, text, "en") if c.startswith("to the ruling")]


@pytest.mark.parametrize("text, said_words, speaker", [
    ("La ministre a répondu aux élus que la décision était déjà prise.", "la décision était déjà prise",
     "La ministre"),
    ("Le Premier ministre a répondu aux journalistes qu'il ne démissionnerait pas.", "il ne démissionnerait pas",
     "Le Premier ministre"),
])
def test_a_verb_of_response_keeps_what_it_says(fr, text, said_words, speaker):
    # guards: the *que* clause of the same verb is its content, also where the parser hangs it on the complement
    said = first_quote_holding(fr, text, said_words)
    assert said is not None and said.speaker.text == speaker


@pytest.mark.parametrize("text, view, holder", [
    ("Pour les adversaires de la réforme, la hausse des tarifs frappera d'abord les petits commerces.",
     "la hausse des tarifs frappera", "adversaires"),
    ("Pour les détracteurs du maire, ce remaniement reste un aveu de faiblesse.",
     "ce remaniement reste un aveu", "détracteurs"),
])
def test_pour_and_people_named_by_their_view_state_that_view(fr, text, view, holder):
    said = first_quote_holding(fr, text, view)
    assert said is not None and said.kind == "according_to" and holder in said.speaker.text


def test_for_and_people_named_by_their_view_state_that_view_in_english(en):
    said = first_quote_holding(en, "For critics of the plan, the new tax will hit small shops first.",
                               "the new tax will hit")
    assert said is not None and "critics" in said.speaker.text


def test_for_and_whom_a_thing_is_for_states_no_view_in_english(en):
    # guard from the review: supporters are as often whom a thing is for
    assert first_quote_holding(en, "For supporters, tickets go on sale on Friday morning.", "tickets go") is None


@pytest.mark.parametrize("text, fragment", [
    ("Pour les habitants du quartier, la nouvelle ligne de tramway sera gratuite dès lundi.", "sera gratuite"),
    ("Pour les enfants qui vont à l'école, la cantine sera gratuite dès la rentrée.", "sera gratuite"),
    ("Pour sortir de l'impasse, le gouvernement a débloqué une aide de deux milliards.", "a débloqué"),
    ("Pour les écologistes, la loi prévoit une dérogation jusqu'en 2030.", "la loi prévoit"),
    ("Pour les observateurs, des places seront réservées au premier rang de la tribune.", "des places seront"),
    ("Pour le match qui opposera le PSG à l'OM, 2 000 policiers seront mobilisés.", "policiers seront"),
])
def test_pour_and_whom_a_thing_is_for_states_no_view(fr, text, fragment):
    # guards: whom a thing is for (a relative clause or not; a noun of membership), the *pour* of purpose, a
    # passive clause after a noun of stance (what is done for them)
    assert first_quote_holding(fr, text, fragment) is None


def test_a_name_after_the_noun_of_a_household_is_no_one_person(fr):
    # *la famille X*: the article of the group's noun gives the household no gender, and its name is no single
    # person a description of one takes up
    said = first_quote_holding(
        fr, "En mars, Léa Fontaine a ouvert une épicerie à Vannes, où elle vit, à deux pas de la ferme de la famille "
            "Kerbrat-Le Goff.\n« Les clients sont venus dès le premier jour », raconte la jeune femme, interrogée par "
            "Ouest-France.",
        "Les clients sont venus")
    assert said is not None and said.speaker_canonical != "Kerbrat-Le Goff"


def test_the_noun_of_a_household_says_no_gender_where_a_title_does(fr):
    # the noun of one person before a name (*la maire X*) still votes its article's gender; a household's does not
    from recoupe.analysis.quotes.coreference import entity_gender
    from recoupe.analysis.quotes.index import entity_index

    doc = fr("La maire Odile Kerbrat a inauguré la ferme de la famille Le Goff.")
    genders = {e.canonical: entity_gender(doc, e) for e in entity_index(doc).entities if e.label == "PER"}
    assert genders.get("Odile Kerbrat") == "Fem" and genders.get("Le Goff") is None


def test_a_household_named_after_a_member_keeps_that_member_named_last(fr):
    # review guard: *la famille X* after X was named on their own recalls X; the man named in between does not
    # become the person named last
    said = first_quote_holding(
        fr, "Karim Haddad, 52 ans, tient une boulangerie à Tourcoing. Le maire, Guillaume Morel, est passé le voir. "
            "La famille Haddad a reçu des lettres d'insultes. « Je ne baisserai pas le rideau », assure le "
            "boulanger.",
        "Je ne baisserai pas le rideau")
    assert said is not None and said.speaker_canonical == "Karim Haddad"
