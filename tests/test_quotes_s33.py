"""Speakers a reader finds from the sentence's grammar, read on the develop sets' remaining errors (issue 14,
session 33), on invented sentences:

- a singular noun of persons in a form marked feminine (*l'élue*, *l'envoyée*) says its gender where the elided
  article does not (``coreference.title_gender``, ``quote_words_fr.toml`` ``feminine_endings``), and one derived
  from a masculine (*l'intéressée*) names one person, whom no man named nearby fills;
- an incise closing a sentence says who spoke every quotation of that sentence, not only the last
  (``direct._sentence_incise``), but not a name in quotation marks (*l'opération « … »*);
- the impersonal *on* of a speech verb followed by a place or body (*assure-t-on à Matignon*) stands for that
  body, never for a news outlet the words were told to (``speakers._on_at_place``)."""

from __future__ import annotations

import pytest
from conftest import first_quote_holding


def test_a_feminine_form_after_an_elided_article_rules_out_a_man(fr):
    said = first_quote_holding(
        fr, "Paul Garnier a présenté le budget de la commune mardi. « Je n’ai jamais signé ce "
            "contrat », a répété l’intéressée.",
        "Je n’ai jamais signé")
    assert said is not None and said.speaker_canonical != "Paul Garnier"


def test_an_epicene_noun_after_an_elided_article_says_no_gender(fr):
    from recoupe.analysis.quotes.coreference import title_gender

    doc = fr("L’architecte a présenté les plans. L’élue a répondu. L’élu a répondu.")
    heads = [t for t in doc if t.dep_ == "nsubj"]
    assert [title_gender(t) for t in heads] == [None, "Fem", None]


def test_the_impersonal_on_at_a_place_is_the_body_there(fr):
    said = first_quote_holding(
        fr, "Une diplomate allemande s’est montrée prudente. « Nous tiendrons nos engagements », "
            "assure-t-on à Matignon.",
        "Nous tiendrons nos engagements")
    assert said is not None and said.speaker.text == "Matignon"


def test_the_impersonal_on_told_to_an_outlet_is_the_body_named_after(fr):
    # review guard: *à Reuters* names whom the words were told; the entourage speaks
    said = first_quote_holding(
        fr, "« Le calendrier ne bougera pas », explique-t-on à Reuters dans l’entourage de la ministre.",
        "Le calendrier ne bougera pas")
    assert said is not None and said.speaker is not None and "entourage" in said.speaker.text


# guards: a phrase the speaker's words must not contain (*à longueur de journée* is a time, not a body; the name
# of an operation is nobody's words, least of all the incise's speaker's)
SPEAKER_PHRASE_NOT = [
    pytest.param("Le maire Paul Durand a présenté le projet. « Il faut agir vite », nous répète-t-on à "
                 "longueur de journée.", "Il faut agir vite", "longueur", id="on-without-a-place"),
    pytest.param("La préfecture a lancé l’opération « Rues sûres » dans le quartier et il y a eu « plusieurs "
                 "arrestations », a affirmé le commissaire.", "Rues sûres", "commissaire",
                 id="closing-incise-leaves-a-name-in-quotation-marks"),
]


@pytest.mark.parametrize("text, fragment, word", SPEAKER_PHRASE_NOT)
def test_the_speaker_phrase_leaves_out(fr, text, fragment, word):
    said = first_quote_holding(fr, text, fragment)
    assert said is None or said.speaker is None or word not in said.speaker.text


# review guards: a name the quotation must not be resolved to (what the residents call the road is theirs; *à
# Reuters*, *au Figaro*, *à Michelin* name whom the words were told: after *à*, a body other than a seat of
# government may be that)
SPEAKER_NOT = [
    pytest.param("en", 'Neighbors call the crossing "a nightmare" and demand "a proper light," council member '
                       'Rita Moss said.', "a nightmare", "Rita Moss", id="incise-leaves-a-verb-of-namings-quotation"),
    pytest.param("fr", "« Le chantier avance bien », confie-t-on au Figaro.", "Le chantier avance bien", "Figaro",
                 id="on-told-to-an-outlet-names-no-outlet"),
    pytest.param("fr", "« Les commandes reprendront en mars », a-t-on répondu à Michelin.",
                 "Les commandes reprendront", "Michelin", id="on-before-a-company-it-answered"),
]


@pytest.mark.parametrize("lang, text, fragment, name", SPEAKER_NOT)
def test_the_quotation_is_not_given_to(request, lang, text, fragment, name):
    said = first_quote_holding(request.getfixturevalue(lang), text, fragment)
    if lang == "fr":  # resolved to another name, or to none
        assert said is not None and (said.speaker_canonical or "") != name
    else:
        assert said is None or said.speaker_canonical != name


# quotations whose speaker the grammar names: the mechanisms' cases and the reviews' guards
SPEAKER_NAMED = [
    # guard
    pytest.param("La conseillère régionale Anne Roussel a visité le chantier mardi. Paul Garnier l’a "
                 "accompagnée jusqu’au port. « Je n’ai jamais signé ce contrat », a répété l’intéressée.",
                 "Je n’ai jamais signé", "Anne Roussel", id="feminine-form-keeps-the-woman-named"),
    pytest.param("La trêve ne reviendra que lorsque les rebelles auront « rendu leurs armes » et accepté "
                 "« chacune de nos exigences », a affirmé le porte-parole Luc Amsel.",
                 "rendu leurs armes", "Luc Amsel", id="closing-incise-speaks-every-quotation"),
    # guard: a speech verb between the two quotations reports the first
    pytest.param("La ministre Claire Roche a promis « des moyens nouveaux » mais le syndicat répond "
                 "« qu’il attend des actes », a rapporté le journaliste Paul Vidal.",
                 "des moyens nouveaux", "Claire Roche", id="closing-incise-leaves-another-verbs-report"),
    # second review guard
    pytest.param("Le préfet Jean Lamy avait parlé d’« état d’urgence » et la ville doit « tenir bon », a "
                 "souligné la maire Claire Fabre.",
                 "état d’urgence", "Jean Lamy", id="closing-incise-leaves-an-earlier-verbs-fragment"),
    # second review guard: *l'appelante* may be the company that appealed (no kind veto)
    pytest.param("Le groupe Danone a fait appel de la décision. « Cette amende est infondée », soutient "
                 "l’appelante.",
                 "Cette amende est infondée", "Danone", id="derived-feminine-party-may-be-a-company"),
]


@pytest.mark.parametrize("text, fragment, speaker", SPEAKER_NAMED)
def test_the_quotation_goes_to_the_speaker_the_grammar_names(fr, text, fragment, speaker):
    said = first_quote_holding(fr, text, fragment)
    assert said is not None and said.speaker_canonical == speaker
