"""Speakers and reports read on the develop sets' errors (issue 14, session 26), on invented sentences:

- an outlet cited as a source where it is named (*X a jugé, selon Le Courrier, que…*) is a voice of a press
  review as one that spoke: *précise le journal* after it is that outlet, not one quoted paragraphs before,
  unless an outlet that spoke relays it in the same sentence (``coreference._outlet_before``, ``_cited``);
- a miscellaneous name opening on an article or a preposition (*En Commun*, *La Relève*) is no person, so a
  description naming it (*la porte-parole du mouvement En Commun*) takes up the previous speaker
  (``index.is_person``);
- a sentence opened by an interview (*Dans une interview au Courrier, X écarte…*) reports what its subject
  says, whatever the verb (``according_to._in_document``, ``interview_nouns``);
- a report's content does not end on the opening mark of the next sentence's quotation, which the sentence
  splitter may leave behind (``text.trim_final_punct``)."""

from __future__ import annotations

from conftest import quotes_in


def test_le_journal_takes_up_the_outlet_the_sentence_before_cited(fr):
    found = quotes_in(fr, "Le maire Paul Renard a présenté son budget, explique Le Parisien. « Une hausse modeste », précise "
                          "le quotidien.\nLe député Marc Leroy a jugé, selon Le Figaro, que la réforme irait bien trop "
                          "vite. « Le texte sera amendé », précise le journal.")
    assert found["Une hausse modeste"].speaker_canonical == "Le Parisien"
    assert found["Le texte sera amendé"].speaker_canonical == "Le Figaro"


def test_an_outlet_relaying_another_stays_the_voice_of_its_sentence(fr):
    found = quotes_in(fr, "« Les chiffres sont faux », écrit Libération, qui reprend une étude parue dans Le Monde. "
                          "« Cette étude est accablante », ajoute le quotidien.")
    assert found["Cette étude est accablante"].speaker_canonical == "Libération"


def test_a_regional_title_the_tagger_calls_a_place_is_the_outlet_cited(fr):
    found = quotes_in(fr, "La maire Claire Dubois a ouvert la séance, explique Le Parisien. « Une séance calme », précise le "
                          "quotidien.\nLe conseiller Marc Leroy jugeait la mesure injuste, selon Ouest France. À Rennes, "
                          "la maire lui a répondu, relate le quotidien régional.")
    reply = next(q for text, q in found.items() if text.startswith("À Rennes"))
    assert reply.speaker_canonical == "Ouest France"


def test_a_party_whose_name_opens_on_a_preposition_is_no_speaker(fr):
    found = quotes_in(fr, "Claire Dubois a présenté son programme mardi. « Nous allons gagner », a lancé la porte-parole du "
                          "mouvement En Commun dans un entretien.")
    assert found["Nous allons gagner"].speaker_canonical == "Claire Dubois"


def test_a_report_does_not_end_on_the_next_quotations_opening_mark(fr):
    found = quotes_in(fr, "Le député Marc Leroy a jugé, selon Le Figaro, que la réforme allait trop loin. « Le texte sera "
                          "amendé », précise le journal.")
    assert "que la réforme allait trop loin" in found


def test_a_sentence_opened_by_an_interview_is_what_its_subject_says(fr):
    found = quotes_in(fr, "Claire Dubois a présenté son plan lundi. Dans l'interview qu'elle a donnée mardi au Courrier, "
                          "la ministre écarte toute hausse d'impôt.")
    said = found["la ministre écarte toute hausse d'impôt"]
    assert said.speaker.text == "la ministre" and said.speaker_canonical == "Claire Dubois"
    assert not quotes_in(fr, "Dans une interview, les résultats du trimestre sont passés en revue.")
