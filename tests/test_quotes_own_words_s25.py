"""Who speaks a quotation, read from its own words and its set-off (issue 14, session 25), on invented sentences:

- a person a quotation names in its own words is what the speaker talks about, not who speaks
  (``speakers.named_in_own_words``): the speaker scorer does not put the quotation in that person's mouth, the
  rules' pick included; an organisation may name itself, and a name the editor inserts in brackets is no
  mention by the speaker; nor is a person named as the speech verb's own object (``speakers.argument_of``:
  *il a qualifié X de « boucher »*, *a-t-elle dit à X*); a speaker may still name themselves (*« Moi, X, … »*);
- *Mais, dit la sénatrice et ancienne préfète, « … »*: a fronted incise whose subject has a conjunct;
- *« … » comme X le faisait remarquer*: a quotation closed right before a *comme* clause sets it off as a
  comma does, the quotation is what X said, and *faire* + speech verb is the clause's verb."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes


def _speakers(fr, text):
    return {q.content.text: (q.speaker.text if q.speaker else None, q.speaker_canonical) for q in find_quotes(fr(text))}


def test_a_pronoun_does_not_take_up_the_person_its_quotation_names(fr):
    said = _speakers(fr, "Le maire Paul Renard a ouvert la séance lundi soir devant les élus.\nLe préfet Marc Leroy est "
                         "arrivé en retard. « Marc Leroy se moque des habitants depuis des mois », a-t-il lancé.")
    speaker, canonical = said["Marc Leroy se moque des habitants depuis des mois"]
    assert speaker == "-il" and canonical in (None, "Paul Renard")


def test_a_quotation_about_the_previous_speaker_is_not_theirs(fr):
    said = _speakers(fr, "La ministre Claire Dubois a présenté son plan jeudi. « Nous tiendrons nos engagements », a-t-elle "
                         "assuré.\n« Claire Dubois n'a rien compris à la colère des agriculteurs », réplique-t-on au syndicat.")
    assert said["Nous tiendrons nos engagements"][1] == "Claire Dubois"
    assert said["Claire Dubois n'a rien compris à la colère des agriculteurs"][1] != "Claire Dubois"


def test_a_name_the_editor_inserts_in_brackets_is_no_mention(fr):
    said = _speakers(fr, "Le maire Paul Renard a ouvert la séance. « Nous (Paul Renard et son adjoint, ndlr) ne "
                         "partirons pas », a-t-il lancé.")
    assert said["Nous (Paul Renard et son adjoint, ndlr) ne partirons pas"][1] == "Paul Renard"


def test_a_speaker_may_name_themselves_or_their_family(fr):
    said = _speakers(fr, "Marie Dupont a pris la parole. « Moi, Marie Dupont, je ne renoncerai jamais », a-t-elle lancé.")
    assert said["Moi, Marie Dupont, je ne renoncerai jamais"][1] == "Marie Dupont"


def test_a_fronted_incise_with_a_coordinated_subject_introduces_its_quotation(fr):
    found = [q for q in find_quotes(fr("Le député Paul Martin a critiqué le projet. Mais, dit la sénatrice et ancienne "
                                       "préfète, « j'ai vécu ces querelles de l'intérieur et je sais ce qu'elles "
                                       "coûtent »."))
             if q.content.text.startswith("j'ai vécu")]
    assert found and found[0].speaker.text == "la sénatrice"
    assert found[0].producer == "rule:quotes.direct_before"


def test_a_comme_clause_after_a_quotation_attributes_it(fr):
    found = [(q.content.text, q.speaker.text) for q in find_quotes(fr(
        "Le candidat affronte désormais la foule, « la meute » comme Paul Martin le faisait remarquer au meeting."))]
    assert ("la meute", "Paul Martin") in found


def test_a_comme_clause_opening_the_next_sentence_vouches_for_what_follows(fr):
    found = [(q.content.text, q.speaker.text) for q in find_quotes(fr(
        "Le ministre Paul Martin a pris la parole. « Nous partirons bientôt. » Comme le rapporte Le Monde, la réforme "
        "reste nécessaire pour tous."))]
    assert ("la réforme reste nécessaire pour tous", "Le Monde") in found


def test_a_comme_clause_not_set_off_still_compares(fr):
    assert find_quotes(fr("Le budget a doublé en deux ans exactement comme le maire l'avait prédit au conseil.")) == []


def test_a_pronoun_does_not_take_up_its_own_verb_s_object(fr):
    said = _speakers(fr, "Le président américain a visité Varsovie. Sur place, il a qualifié Paul Martin de « boucher ».")
    assert said["boucher"][0] == "il" and said["boucher"][1] != "Paul Martin"


def test_the_one_spoken_to_does_not_speak(fr):
    said = _speakers(fr, "Marie Dupont a reçu le maire Paul Martin. « Nous ne céderons rien », a-t-elle dit à Paul Martin.")
    assert said["Nous ne céderons rien"][1] == "Marie Dupont"


def test_a_quotation_that_is_an_object_or_a_title_is_not_the_comme_clause_s(fr):
    found = [(q.kind, q.content.text) for q in find_quotes(fr(
        "Les électeurs ont voté « non » comme Paul Martin le leur avait demandé."))]
    assert ("according_to", "non") not in found


def test_a_comme_clause_inside_a_quotation_is_the_quoted_speaker_s(fr):
    found = [(q.kind, q.content.text) for q in find_quotes(fr(
        "« Les syndicats parlent de \"trahison\" comme Paul Martin le disait hier soir », a affirmé Marie Dupont."))]
    assert not any(kind == "according_to" for kind, _ in found)


@pytest.mark.parametrize("text, content, speaker", [
    ("Paul Martin a témoigné devant la cour. « Le juge m'a regardé et m'a dit : \"Paul Martin, vous êtes libre\" », "
     "a-t-il raconté.", "Le juge m'a regardé et m'a dit : \"Paul Martin, vous êtes libre\"", "Paul Martin"),
    ("Marie Dupont a pris la parole. « Je m'appelle Marie Dupont et je ne renoncerai pas », a-t-elle lancé.",
     "Je m'appelle Marie Dupont et je ne renoncerai pas", "Marie Dupont"),
])
def test_a_name_the_speaker_quotes_or_gives_as_their_own_is_no_veto(fr, text, content, speaker):
    assert _speakers(fr, text)[content][1] == speaker


def test_a_name_after_a_stance_of_the_speaker_is_still_bound(fr):
    said = _speakers(fr, "Marie Dupont a pris la parole. « Pour moi, Marie Dupont se moque des habitants », a-t-elle lancé.")
    assert said["Pour moi, Marie Dupont se moque des habitants"][1] != "Marie Dupont"


def test_an_english_speaker_may_give_their_name(en):
    said = _speakers(en, 'John Smith spoke to reporters. "My name is John Smith and I will not resign," he said.')
    assert said["My name is John Smith and I will not resign"][1] == "John Smith"
