"""Speakers and reports read on the develop sets' errors (issue 14, session 26), on invented sentences:

- an outlet cited as a source where it is named (*X a estimé, selon Le Courrier, que…*) is a voice of a press
  review as one that spoke: *précise le journal* after it is that outlet, not one quoted paragraphs before
  (``coreference._outlet_before``, ``_cited_where``);
- a miscellaneous name opening on an article or a preposition (*En Marche*, *La Relève*) is no person, so a
  description naming it (*le candidat du mouvement En Marche*) takes up the previous speaker
  (``index.is_person``);
- a word in capitals the tagger reads as a common word is shouting, no name that could speak
  (``entities._shouted``);
- a colon after the speech verb's own adverbials opens its content (*précise encore :*), an adverb of
  quantity with its noun is an object (*réclament davantage de moyens*), *questionner*, *railler*,
  *moquer* take their object as what the act is about;
- the antecedent of a relative *qui* through an adjective before it (*cette mouvance radicale, qui se dit…*)."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def _quotes(fr, text):
    return {q.content.text: q for q in find_quotes(fr(text))}


def test_le_journal_takes_up_the_outlet_the_sentence_before_cited(fr):
    found = _quotes(fr, "Le maire Paul Renard a présenté son budget, explique Le Parisien. « Une hausse modeste », précise "
                        "le quotidien.\nLe député Marc Leroy a estimé, selon Le Figaro, que la réforme allait trop loin. "
                        "« Le texte sera amendé », précise le journal.")
    assert found["Une hausse modeste"].speaker_canonical == "Le Parisien"
    assert found["Le texte sera amendé"].speaker_canonical == "Le Figaro"


def test_a_regional_title_the_tagger_calls_a_place_is_the_outlet_cited(fr):
    found = _quotes(fr, "La maire Claire Dubois a ouvert la séance, explique Le Parisien. « Une séance calme », précise le "
                        "quotidien.\nLe conseiller Marc Leroy jugeait la mesure injuste, selon Ouest France. À Rennes, "
                        "la maire lui a répondu, rapporte le quotidien régional.")
    reply = next(q for text, q in found.items() if text.startswith("À Rennes"))
    assert reply.speaker_canonical == "Ouest France"


def test_a_party_whose_name_opens_on_a_preposition_is_no_speaker(fr):
    found = _quotes(fr, "Emmanuel Macron a présenté son programme mardi. « Nous allons gagner », a déclaré le candidat du "
                        "mouvement En Marche! dans un entretien.")
    assert found["Nous allons gagner"].speaker_canonical == "Emmanuel Macron"


def test_a_shouted_word_is_no_name(fr):
    doc = fr("Mais le PIRE, c'est quand on te dit « tu es trop gros ». Il faut FAIRE attention. La CGT et l'OMS "
             "ont réagi.")
    names = {e.canonical for e in doc._.entities}
    assert "PIRE" not in names and "FAIRE" not in names
    assert {"CGT", "OMS"} <= names


def test_a_colon_after_the_verbs_adverbials_opens_its_content(fr):
    found = _quotes(fr, "Le ministère de la Santé précise encore : les vaccins ont été livrés et stockés.")
    assert "les vaccins ont été livrés et stockés" in found
    assert found["les vaccins ont été livrés et stockés"].speaker.text == "Le ministère de la Santé"


def test_an_adverb_of_quantity_with_its_noun_is_the_object(fr):
    assert "plus de moyens pour les hôpitaux" in _quotes(fr, "Les syndicats réclament plus de moyens pour les hôpitaux.")
    assert "trop de gardes" in _quotes(fr, "Les infirmières dénoncent trop de gardes.")
    assert not _quotes(fr, "Comme il le soulignait en mars lors d'une rencontre avec Claire Dubois, la région compte.").get(
        "lors d'une rencontre avec Claire Dubois")


def test_mocking_and_questioning_report_their_object(fr):
    found = _quotes(fr, "Au cours de son discours, le président a moqué les candidats présents dans la salle.")
    assert "les candidats présents dans la salle" in found
    found = _quotes(fr, "La sénatrice Claire Dubois a questionné la légitimité de la commission.")
    assert found["la légitimité de la commission"].speaker_canonical == "Claire Dubois"


def test_a_relative_speaker_reaches_its_noun_past_an_adjective(fr):
    found = _quotes(fr, "Le syndicat majoritaire, qui affirme que la grève continuera, appelle au calme.")
    assert found["que la grève continuera"].speaker.text == "Le syndicat majoritaire"
    found = _quotes(fr, "On ne peut s'étonner que cette mouvance radicale, qui se dit « progressiste », trahisse ses alliés.")
    assert found["progressiste"].speaker.text == "cette mouvance radicale"
