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

from conftest import quotes_holding, quotes_in


def test_a_feminine_form_after_an_elided_article_rules_out_a_man(fr):
    quotes = quotes_in(fr, "Paul Garnier a présenté le budget de la commune mardi. « Je n’ai jamais signé ce "
                           "contrat », a répété l’intéressée.")
    said = quotes_holding(quotes, "Je n’ai jamais signé")
    assert said and said[0].speaker_canonical != "Paul Garnier"


def test_a_feminine_form_after_an_elided_article_keeps_the_woman_named(fr):
    # guard
    quotes = quotes_in(fr, "La conseillère régionale Anne Roussel a visité le chantier mardi. Paul Garnier l’a "
                           "accompagnée jusqu’au port. « Je n’ai jamais signé ce contrat », a répété l’intéressée.")
    said = quotes_holding(quotes, "Je n’ai jamais signé")
    assert said and said[0].speaker_canonical == "Anne Roussel"


def test_an_epicene_noun_after_an_elided_article_says_no_gender(fr):
    from recoupe.analysis.quotes.coreference import title_gender

    doc = fr("L’architecte a présenté les plans. L’élue a répondu. L’élu a répondu.")
    heads = [t for t in doc if t.dep_ == "nsubj"]
    assert [title_gender(t) for t in heads] == [None, "Fem", None]


def test_a_closing_incise_speaks_every_quotation_of_its_sentence(fr):
    quotes = quotes_in(fr, "La trêve ne reviendra que lorsque les rebelles auront « rendu leurs armes » et accepté "
                           "« chacune de nos exigences », a affirmé le porte-parole Luc Amsel.")
    said = quotes_holding(quotes, "rendu leurs armes")
    assert said and said[0].speaker_canonical == "Luc Amsel"


def test_a_closing_incise_leaves_a_quotation_another_verb_reports(fr):
    # guard: a speech verb between the two quotations reports the first
    quotes = quotes_in(fr, "La ministre Claire Roche a promis « des moyens nouveaux » mais le syndicat répond "
                           "« qu’il attend des actes », a rapporté le journaliste Paul Vidal.")
    said = quotes_holding(quotes, "des moyens nouveaux")
    assert said and said[0].speaker_canonical == "Claire Roche"


def test_the_impersonal_on_at_a_place_is_the_body_there(fr):
    quotes = quotes_in(fr, "Une diplomate allemande s’est montrée prudente. « Nous tiendrons nos engagements », "
                           "assure-t-on à Matignon.")
    said = quotes_holding(quotes, "Nous tiendrons nos engagements")
    assert said and said[0].speaker.text == "Matignon"


def test_the_impersonal_on_without_a_place_names_nobody_there(fr):
    # guard: *à longueur de journée* is a time, not a body
    quotes = quotes_in(fr, "Le maire Paul Durand a présenté le projet. « Il faut agir vite », nous répète-t-on à "
                           "longueur de journée.")
    said = quotes_holding(quotes, "Il faut agir vite")
    assert not said or said[0].speaker is None or "longueur" not in said[0].speaker.text


def test_a_closing_incise_leaves_a_name_in_quotation_marks(fr):
    # review guard: the name of an operation is nobody's words, least of all the incise's speaker's
    quotes = quotes_in(fr, "La préfecture a lancé l’opération « Rues sûres » dans le quartier et il y a eu « plusieurs "
                           "arrestations », a affirmé le commissaire.")
    said = quotes_holding(quotes, "Rues sûres")
    assert not said or said[0].speaker is None or "commissaire" not in said[0].speaker.text


def test_a_closing_incise_leaves_a_quotation_a_verb_of_naming_governs(en):
    # review guard: what the residents call the road is theirs
    quotes = quotes_in(en, 'Neighbors call the crossing "a nightmare" and demand "a proper light," council member '
                           'Rita Moss said.')
    said = quotes_holding(quotes, "a nightmare")
    assert not said or said[0].speaker_canonical != "Rita Moss"


def test_the_impersonal_on_told_to_an_outlet_is_the_body_named_after(fr):
    # review guard: *à Reuters* names whom the words were told; the entourage speaks
    quotes = quotes_in(fr, "« Le calendrier ne bougera pas », explique-t-on à Reuters dans l’entourage de la ministre.")
    said = quotes_holding(quotes, "Le calendrier ne bougera pas")
    assert said and said[0].speaker is not None and "entourage" in said[0].speaker.text


def test_the_impersonal_on_told_to_an_outlet_alone_names_no_outlet(fr):
    # review guard
    quotes = quotes_in(fr, "« Le chantier avance bien », confie-t-on au Figaro.")
    said = quotes_holding(quotes, "Le chantier avance bien")
    assert said and (said[0].speaker_canonical or "") != "Figaro"


def test_the_impersonal_on_before_a_company_it_answered_names_no_company(fr):
    # second review guard: after *à*, a body other than a seat of government may be whom the words were told
    quotes = quotes_in(fr, "« Les commandes reprendront en mars », a-t-on répondu à Michelin.")
    said = quotes_holding(quotes, "Les commandes reprendront")
    assert said and (said[0].speaker_canonical or "") != "Michelin"


def test_a_closing_incise_leaves_a_quotation_an_earlier_speech_verb_governs(fr):
    # second review guard
    quotes = quotes_in(fr, "Le préfet Jean Lamy avait parlé d’« état d’urgence » et la ville doit « tenir bon », a "
                           "souligné la maire Claire Fabre.")
    said = quotes_holding(quotes, "état d’urgence")
    assert said and said[0].speaker_canonical == "Jean Lamy"


def test_a_derived_feminine_party_to_a_case_may_be_a_company(fr):
    # second review guard: *l'appelante* may be the company that appealed (no kind veto)
    quotes = quotes_in(fr, "Le groupe Danone a fait appel de la décision. « Cette amende est infondée », soutient "
                           "l’appelante.")
    said = quotes_holding(quotes, "Cette amende est infondée")
    assert said and said[0].speaker_canonical == "Danone"
