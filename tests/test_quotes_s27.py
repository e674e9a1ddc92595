"""Speakers and reports read on the develop sets' errors (issue 14, session 27), on invented sentences:

- a sentence's opening noun phrase the parser reads as a bare oblique of a finite verb, leaving it no
  subject, is that verb's subject (``syntax._bare_noun_subject``);
- *pour X* closed by a quotation that states something, not by a comma, is X's view, also after a fronted
  adverbial (``according_to._stance``, ``_quotes_a_clause``);
- a verb of evidence (*prouver*, *démontrer*: class ``reveal``) reports only when its subject can be a
  source, as the verbs marked ``doc`` already did (``indirect._evidence_without_source``);
- a capitalised quotation right after a verb of naming (*intitulé*, *s'appelle*: ``naming_verbs``) is the
  name given, not anyone's words, unless it holds a verb (``direct._named_as``);
- named people or bodies coordinated by *et* as the subject of a plural speech verb speak jointly: the speaker
  span covers the coordination (``speakers._with_conjuncts``);
- sources coordinated after *selon* are one phrase: the content no longer opens on *et Y*
  (``according_to._selon_phrase``)."""

from __future__ import annotations

from conftest import hand_parsed, quotes_in

from recoupe.analysis.quotes.syntax import subject_of


def test_an_opening_phrase_read_as_an_oblique_is_the_subject(fr):
    # Il a réagi. Le bras droit du maire, Marc, a dénoncé la provocation. — *bras* read as an oblique, as the
    # parser read it in a long paragraph of quotations
    words = ["Il", "a", "réagi", ".", "Le", "bras", "droit", "du", "maire", ",", "Marc", ",", "a", "dénoncé", "la",
             "provocation", "."]
    heads = [2, 2, 2, 2, 5, 13, 5, 8, 5, 10, 5, 13, 13, 13, 15, 13, 13]
    deps = ["nsubj", "aux:tense", "ROOT", "punct", "det", "obl:mod", "amod", "case", "nmod", "punct", "conj", "punct",
            "aux:tense", "ROOT", "det", "obj", "punct"]
    pos = ["PRON", "AUX", "VERB", "PUNCT", "DET", "NOUN", "ADJ", "ADP", "NOUN", "PUNCT", "PROPN", "PUNCT", "AUX",
           "VERB", "DET", "NOUN", "PUNCT"]
    morphs = [""] * 17
    morphs[12] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[13] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    assert subject_of(doc[13]).text == "bras"


def test_a_time_noun_opening_the_sentence_is_no_subject(fr):
    # Le lendemain, a dénoncé la provocation. — a fronted time phrase with the same bare oblique reading
    words = ["Le", "lendemain", ",", "a", "dénoncé", "la", "provocation", "."]
    heads = [1, 4, 4, 4, 4, 6, 4, 4]
    deps = ["det", "obl:mod", "punct", "aux:tense", "ROOT", "det", "obj", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "AUX", "VERB", "DET", "NOUN", "PUNCT"]
    morphs = ["", "", "", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
              "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part", "", "", ""]
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    assert subject_of(doc[4]) is None


def test_pour_x_closed_by_a_quotation_is_x_s_view(fr):
    found = quotes_in(fr, "Claire Dubois est ministre de la Culture. Au bout du compte, pour la ministre « le budget des "
                          "musées doit encore grossir » cette année.")
    view = next(q for text, q in found.items() if "musées" in text)
    assert view.producer == "rule:quotes.according_to_stance"
    assert view.speaker_canonical == "Claire Dubois"


def test_pour_x_before_a_quoted_word_is_no_view(fr):
    found = quotes_in(fr, "Marc Leroy a voté au second tour. Il a voté, pour Claire Dubois « sans conviction », au second "
                          "tour.")
    assert not any(q.producer.startswith("rule:quotes.according_to_stance") for q in found.values())


def test_a_verb_of_evidence_with_a_subject_that_cannot_speak_reports_nothing(fr):
    found = quotes_in(fr, "Les boutiques ouvertes en 2012 sont toujours là. Cette hausse inattendue prouve aussi que le "
                          "quartier reste vivant.")
    assert not any("quartier reste vivant" in text for text in found)


def test_a_verb_of_evidence_with_a_person_still_reports(fr):
    found = quotes_in(fr, "Le ministre Marc Leroy a prouvé mardi que la réforme avait réduit les délais.")
    said = next(q for text, q in found.items() if "délais" in text)
    assert said.speaker_canonical == "Marc Leroy"


def test_a_title_after_a_verb_of_naming_is_no_quotation(fr):
    found = quotes_in(fr, "« Nous voulons réduire les inégalités », affirment-ils dans ce texte, intitulé simplement "
                          "« Communiqué de Marc Leroy et Claire Dubois ». Le collectif s'appelle « Demain la Ville ».")
    assert "Nous voulons réduire les inégalités" in found
    assert not any("Communiqué" in text or "Demain" in text for text in found)


def test_a_title_that_states_something_and_a_compound_tense_stay_quotations(fr):
    found = quotes_in(fr, "La pétition, intitulée « Sauvons la gare de Vierzon », a recueilli 5 000 signatures. Marc Leroy a "
                          "appelé « Les Républicains à voter contre ».")
    assert any("Sauvons la gare de Vierzon" in text for text in found)
    assert any("Les Républicains à voter contre" in text for text in found)


def test_an_incise_after_a_fronted_phrase_keeps_its_inverted_subject(fr):
    found = quotes_in(fr, "Message bien reçu, a répondu le Premier ministre.")
    said = found["Message bien reçu"]
    assert said.speaker is not None and said.speaker.text == "le Premier ministre"


def test_a_stance_followed_by_an_incise_is_the_incise_s(fr):
    found = quotes_in(fr, "Pour ses proches « il était toujours souriant », a témoigné un voisin.")
    assert [q.speaker.text for q in found.values()] == ["un voisin"]


def test_a_disclosure_by_a_person_noun_outside_the_lexicons_still_reports(fr, en):
    french = quotes_in(fr, "Le pilote a dévoilé que l'appareil avait déjà connu plusieurs pannes.")
    assert any("plusieurs pannes" in text for text in french)
    english = quotes_in(en, "The nurse disclosed that patients had waited for hours.")
    assert any("waited for hours" in text for text in english)


def test_a_conjunct_of_a_compound_tense_is_no_naming_participle(fr):
    found = quotes_in(fr, "La maire a remercié les bénévoles du club et appelé « Les habitants à la prudence ».")
    assert "Les habitants à la prudence" in found


def test_coordinated_named_subjects_speak_jointly(fr):
    found = quotes_in(fr, "Paul Martin et Claire Dubois ont affirmé que la réforme était injuste. La décision a surpris "
                          "Marc Leroy et Anne Roux, qui ont rappelé au ministre que les crédits étaient gelés.")
    first = found["que la réforme était injuste"]
    assert first.speaker.text == "Paul Martin et Claire Dubois" and first.speaker_canonical == "Paul Martin"
    assert found["que les crédits étaient gelés"].speaker.text == "Marc Leroy et Anne Roux"


def test_a_subject_with_an_unnamed_conjunct_keeps_its_own_span(fr):
    found = quotes_in(fr, "Paul Martin et son équipe ont affirmé que la réforme était injuste.")
    assert found["que la réforme était injuste"].speaker.text == "Paul Martin"


def test_a_singular_verb_or_a_disjunction_is_no_joint_speaker(fr):
    found = quotes_in(fr, "La décision a surpris Marc Leroy et Anne Roux, qui a rappelé que les crédits étaient gelés. "
                          "Paul Martin ou Claire Dubois a affirmé que la réforme était injuste.")
    assert found["que les crédits étaient gelés"].speaker.text == "Anne Roux"
    assert found["que la réforme était injuste"].speaker.text == "Paul Martin"


def test_coordinated_sources_after_selon_are_one_phrase(fr):
    found = quotes_in(fr, "Selon des sources policières et judiciaires, le suspect a avoué. La réforme est injuste selon Paul "
                          "Martin et son équipe.")
    assert "le suspect a avoué" in found
    assert found["le suspect a avoué"].speaker.text == "des sources policières et judiciaires"
    assert found["La réforme est injuste"].speaker.text == "Paul Martin et son équipe"
