"""Four constructions the quote rules did not read (issue 14, session 24), on invented sentences:

- *X, pour qui …*: after a preposition French *qui* stands for a person, so the relative states X's view,
  as *Pour X, …* does (``according_to._stance_relative``); not when the relative is a verb's complement
  (*le candidat pour qui j'ai voté*, *…, pour qui ils ont voté, …*) or a thing done for them;
- a capitalised quotation right after a noun of a work (*le film « … »*) is a title, nobody's words, unless an
  incise follows it or it is a clause said in a programme;
- *Mais, ajoute X, « … »*: an incise with its inverted subject before the quotation it introduces
  (``syntax.fronted_incise_subject``), which also closes the words before it when it splits a sentence;
- *condamne sans réserve ce projet*: an object the parser hung on the oblique's noun is the verb's;
- a speaker phrase keeps both quotation marks of a title in its apposition (``syntax.phrase_bounds``);
- *X, qui affirme …, précise que …*: the relative's report ends before the main verb
  (``indirect.relative_report_end``), whose speaker is the antecedent (``syntax.subject_before_relative``)
  and which reports its own clause, not a quotation before it."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def _quotes(fr, text):
    return [(q.kind, q.content.text, q.speaker.text if q.speaker else None) for q in find_quotes(fr(text))]


def test_a_relative_after_pour_states_its_antecedent_view(fr):
    found = _quotes(fr, "Le maire de Lyon, pour qui la réforme est injuste, a voté contre.")
    assert ("according_to", "la réforme est injuste", "Le maire de Lyon") in found


def test_a_quotation_in_that_relative_is_the_antecedent_s_alone(fr):
    found = _quotes(fr, "Le philosophe cite Jean Martin, pour qui « le sens reste enfermé dans la phrase ».")
    assert found == [("according_to", "« le sens reste enfermé dans la phrase »", "Jean Martin")]


def test_a_restrictive_relative_holds_a_view_only_as_a_judgement(fr):
    found = _quotes(fr, "Le projet séduit plusieurs maires pour qui la ligne est vitale.")
    assert ("according_to", "la ligne est vitale", "plusieurs maires") in found
    assert _quotes(fr, "Le candidat pour qui j'ai voté a perdu la primaire.") == []


def test_a_relative_that_is_its_verb_s_complement_is_no_view(fr):
    assert _quotes(fr, "Le candidat, pour qui les électeurs ont voté, a perdu la primaire.") == []


def test_a_title_after_a_noun_of_a_work_is_nobody_s_words(fr):
    found = _quotes(fr, "Le critique Paul Durand a vanté le film « Les Ombres de la ville » dans sa chronique.")
    assert not any(kind == "direct" for kind, _, _ in found)


def test_a_speaker_phrase_keeps_both_marks_of_a_title(fr):
    found = _quotes(fr, "Paul Durand, auteur de l'ouvrage « Le Silence des mots », a dit que tout allait bien.")
    assert ("indirect", "que tout allait bien", "Paul Durand, auteur de l'ouvrage « Le Silence des mots »") in found


def test_a_word_said_of_a_work_is_still_a_quote(fr):
    found = _quotes(fr, "Paul Durand juge que son dernier livre est « désincarné et creux ».")
    assert any("désincarné et creux" in content for _, content, _ in found)


def test_a_fronted_incise_introduces_its_quotation(fr):
    found = _quotes(fr, "Marie Lenoir hésite encore. Mais, ajoute Paul Durand, « la crise est finie ».")
    assert ("direct", "la crise est finie", "Paul Durand") in found
    assert not any(content == "Mais" for _, content, _ in found)  # a connective reports nothing


def test_a_fronted_incise_that_splits_a_sentence_closes_both_parts(fr):
    quotes = find_quotes(fr("Le journal juge le ministre. Mais son « attitude », affirme Paul Durand, "
                            "« ne traduit rien d'autre qu'une grande fatigue »."))
    found = {(q.kind, q.content.text, q.speaker.text, q.producer) for q in quotes}
    assert ("direct", "ne traduit rien d'autre qu'une grande fatigue", "Paul Durand",
            "rule:quotes.direct_before") in found  # the rule's, not the learned filter's
    assert ("indirect", "Mais son « attitude »", "Paul Durand", "rule:quotes.indirect_incise") in found


def test_an_object_hung_on_an_oblique_noun_is_the_verb_s(fr):
    found = _quotes(fr, "Paul Durand condamne sans réserve ce projet de loi.")
    assert ("indirect", "ce projet de loi", "Paul Durand") in found


def test_a_report_in_a_detached_relative_ends_before_the_main_verb(fr):
    found = _quotes(fr, "Le syndicat, qui réclame depuis des mois une hausse des salaires, affirme que la grève continuera.")
    assert ("indirect", "une hausse des salaires", "Le syndicat") in found
    assert ("indirect", "que la grève continuera", "Le syndicat") in found


def test_a_verb_after_a_quotation_with_its_subject_before_reports_its_own_clause(fr):
    # no incise: *précise* has its subject before the quotation, which *dit vouloir publier* holds
    found = _quotes(fr, "L'agence, qui dit vouloir publier « un bilan complet et rapide », précise cependant "
                        "que nul tarif ne bougera avant mai.")
    assert ("indirect", "que nul tarif ne bougera avant mai", "L'agence") in found


def test_the_verb_after_a_detached_relative_has_its_antecedent_for_subject(fr):
    """*La commission, qui vise la ligne, précise que le tarif baisse.* as the parser may read it: *précise*
    hung inside the relative, with no subject."""
    from conftest import hand_parsed
    from recoupe.analysis.quotes.indirect import report_subject

    words = ["La", "commission", ",", "qui", "vise", "la", "ligne", ",", "précise", "que", "le", "tarif", "baisse", "."]
    heads = [1, 1, 1, 4, 1, 6, 4, 8, 4, 12, 11, 12, 8, 1]
    deps = ["det", "ROOT", "punct", "nsubj", "acl:relcl", "det", "obj", "punct", "ccomp", "mark", "det", "nsubj",
            "ccomp", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "VERB", "SCONJ", "DET", "NOUN", "VERB",
           "PUNCT"]
    fin = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs = ["", "Gender=Fem|Number=Sing", "", "PronType=Rel", fin, "", "Gender=Fem|Number=Sing", "", fin, "", "",
              "Gender=Masc|Number=Sing", fin, ""]
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    assert report_subject(doc[8], "fr").text == "commission"
    assert report_subject(doc[12], "fr").text == "tarif"  # a verb with a subject of its own keeps it


def test_a_split_quotation_keeps_one_quote_per_part(fr):
    found = _quotes(fr, "« La crise est finie », a déclaré Paul Durand, « et nous allons rebondir ».")
    assert ("direct", "La crise est finie", "Paul Durand") in found
    assert not any(kind == "indirect" for kind, _, _ in found)  # the first part is no report of its own


def test_a_relative_for_whom_something_is_done_is_no_view(fr):
    for text in ("Les agriculteurs, pour qui le gouvernement a débloqué une aide d'urgence, manifestent.",
                 "Le sénateur, pour qui cette loi a été taillée sur mesure, nie tout conflit d'intérêts.",
                 "Le message adressé par Paul Durand, pour qui sait lire entre les lignes, est limpide.",
                 "Le journaliste a demandé au ministre pour qui la réforme était vraiment avantageuse.",
                 "Cette prime concerne les salariés pour qui le télétravail est impossible."):
        assert not any(kind == "according_to" for kind, _, _ in _quotes(fr, text)), text


def test_a_quotation_in_a_relative_that_is_no_view_keeps_its_speaker(fr):
    found = _quotes(fr, "Le maire a dénoncé les promoteurs, pour qui la ville n'est qu'« un terrain de jeu ».")
    assert ("direct", "un terrain de jeu", "Le maire") in found


def test_words_said_in_a_broadcast_are_no_title(fr):
    found = _quotes(fr, "Le ministre a déclaré dans l'émission « Nous ne reculerons pas sur la réforme ».")
    assert ("direct", "Nous ne reculerons pas sur la réforme", "Le ministre") in found
    found = _quotes(fr, "La cinéaste présente son film « Ce récit suit un marin qui rentre au port », explique-t-elle.")
    assert any(kind == "direct" and content == "Ce récit suit un marin qui rentre au port" for kind, content, _ in found)


def test_a_quotation_after_the_speaker_s_comma_is_not_in_the_speaker_phrase(fr):
    found = _quotes(fr, "Or, rappelle l'avocat de la famille, « le dossier est vide ».")
    assert ("direct", "le dossier est vide", "l'avocat de la famille") in found


def test_a_verb_with_its_subject_before_the_quotation_is_no_incise(fr):
    found = _quotes(fr, "La ministre, pour qui « rien ne justifie la violence », a condamné les débordements.")
    assert ("according_to", "« rien ne justifie la violence »", "La ministre") in found
    assert all(speaker == "La ministre" for _, _, speaker in found)


def test_a_title_before_a_clause_of_its_own_stays_a_title(fr):
    found = _quotes(fr, "Dans son livre « Nous sommes tous coupables », l'ancien juge affirme que la justice est lente.")
    assert ("indirect", "que la justice est lente", "l'ancien juge") in found
    assert not any(kind == "direct" for kind, _, _ in found)


def test_words_said_during_a_programme_are_no_title(fr):
    found = _quotes(fr, "Le chanteur a dit lors de l'émission « Je ne reviendrai jamais sur scène ».")
    assert ("direct", "Je ne reviendrai jamais sur scène", "Le chanteur") in found


def test_a_restrictive_view_ends_with_its_clause(fr):
    found = _quotes(fr, "Plusieurs maires pour qui la ligne est vitale ont écrit au préfet de région.")
    assert ("according_to", "la ligne est vitale", "Plusieurs maires") in found


def test_an_antecedent_with_a_bracket_after_it_holds_the_view(fr):
    found = _quotes(fr, "Le député Jean Petit (PS), pour qui la réforme est injuste, a voté contre.")
    assert ("according_to", "la réforme est injuste", "Jean Petit") in found
