"""Issue 14, session 57: the noun an asking verb's participle qualifies (what was asked for), a purpose carried out
by a predicate noun (*sont en grève pour réclamer…*), a partitive object the parser reads as an oblique, the name
before an apposition when the parser lost the verb's subject, a *selon* phrase inside a detached clause (it vouches
for that clause only), a pronoun judged in the passive, *s'en prendre à*, the subject of an object relative, and an
unknown verb whose subject is inverted after a quotation. Invented sentences; misparses are pinned by hand."""

from conftest import first_quote_holding, hand_parsed, quotes_in

from recoupe.analysis.lexicons import object_complement_only, speech_forms
from recoupe.analysis.quotes.direct import _inverted_incise_verb
from recoupe.analysis.quotes.indirect import _framed_content, _partitive_object
from recoupe.analysis.quotes.syntax import speaker_head

VERB_FIN = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
PARTICIPLE = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"


def _reports(fr, text, kind="indirect"):
    return [q for q in quotes_in(fr, text).values() if q.kind == kind]


def test_the_noun_an_asking_verb_qualifies_is_what_was_asked_for(fr):
    """*la fermeture demandée par X*: X asked for the closure; the passive of an asking verb with a person as its
    subject (*le maire, interrogé par les élus*) still reports nothing said by the mayor."""
    found = _reports(fr, "La fermeture des deux usines demandée par les actionnaires a été repoussée.")
    assert len(found) == 1 and found[0].producer == "rule:quotes.indirect_said_noun"
    assert found[0].speaker.text == "les actionnaires" and found[0].content.text.startswith("La fermeture")


def test_a_purpose_hung_on_a_predicate_noun_is_carried_out(fr):
    """*sont en grève pour réclamer X*: the strike is under way and its demand is reported; a strike still to come
    reports no demand yet."""
    found = _reports(fr, "Les infirmières sont en grève pour réclamer une hausse de leurs salaires.")
    assert len(found) == 1 and found[0].speaker.text == "Les infirmières"
    assert found[0].content.text.startswith("une hausse")
    assert not _reports(fr, "Les infirmières seront en grève demain pour réclamer une hausse de leurs salaires.")


def _partitive(fr):
    """*Les riverains réclament des garanties .* with *des* read as a preposition and *garanties* as an oblique of the
    verb."""
    words = ["Les", "riverains", "réclament", "des", "garanties", "."]
    return hand_parsed(fr, words, [1, 2, 2, 4, 2, 2], ["det", "nsubj", "ROOT", "case", "obl:arg", "punct"],
                       ["DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
                       ["", "Gender=Masc|Number=Plur", VERB_FIN.replace("Sing", "Plur"), "", "Number=Plur", ""])


def test_a_partitive_read_as_an_oblique_is_the_object(fr):
    doc = _partitive(fr)
    assert _partitive_object(doc[4])
    found = _framed_content(doc[2], "réclamer", doc[1], "fr")  # a verb with no *de* frame
    assert found is not None and doc.text[found[0][0]:found[0][1]] == "des garanties"


def test_a_phrase_with_du_after_a_noun_complements_that_noun(fr):
    """*dans les pages du quotidien*: *du quotidien* hung on the verb by the parser is the noun's complement."""
    words = ["Il", "écrit", "dans", "les", "pages", "du", "quotidien", "."]
    doc = hand_parsed(fr, words, [1, 1, 4, 4, 1, 6, 1, 1],
                      ["nsubj", "ROOT", "case", "det", "obl:mod", "case", "obl:arg", "punct"],
                      ["PRON", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
                      ["", VERB_FIN, "", "", "", "", "", ""])
    assert not _partitive_object(doc[6])


def _name_then_apposition(fr, participle_subject: bool):
    """*Pour défendre le projet, Marie Leroy, <apposition>, a assuré que tout allait bien.* with the name hung on the
    infinitive before it and, when ``participle_subject``, the apposition's participle read as the verb's subject."""
    if participle_subject:
        apposition, apposition_pos = ["réélue", "en", "mars"], ["VERB", "ADP", "NOUN"]
        apposition_heads, apposition_deps = [18, 10, 8], ["nsubj", "case", "obl:mod"]
    else:
        apposition, apposition_pos = ["présidente", "du", "comité"], ["NOUN", "ADP", "NOUN"]
        apposition_heads, apposition_deps = [5, 10, 8], ["appos", "case", "nmod"]
    words = ["Pour", "défendre", "le", "projet", ",", "Marie", "Leroy", ",", *apposition, ",", "a", "assuré", "que",
             "tout", "allait", "bien", "."]
    verb = 8 + len(apposition) + 2
    apposition_heads = [verb if h == 18 else h for h in apposition_heads]
    heads = [1, 8 if participle_subject else verb, 3, 1, 1, 1, 5, 8, *apposition_heads, verb, verb, verb, verb + 3,
             verb + 3, verb, verb + 3, verb]
    deps = ["mark", "advcl", "det", "obj", "punct", "dep" if participle_subject else "obj", "flat:name", "punct",
            *apposition_deps, "punct", "aux:tense", "ROOT", "mark", "nsubj", "ccomp", "advmod", "punct"]
    pos = ["ADP", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", *apposition_pos, "PUNCT", "AUX", "VERB",
           "SCONJ", "PRON", "VERB", "ADV", "PUNCT"]
    morphs = [""] * len(words)
    morphs[1] = "VerbForm=Inf"
    morphs[verb - 1] = VERB_FIN
    morphs[verb] = PARTICIPLE
    morphs[verb + 3] = "Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin"
    if participle_subject:
        morphs[8] = PARTICIPLE.replace("Masc", "Fem")
    return hand_parsed(fr, words, heads, deps, pos, morphs), verb


def test_the_name_before_an_apposition_is_the_subject_the_parser_lost(fr):
    for participle_subject in (False, True):
        doc, verb = _name_then_apposition(fr, participle_subject)
        assert doc[verb].text == "assuré"
        head = speaker_head(doc[verb])
        assert head is not None and head.text == "Marie", participle_subject


def test_a_source_inside_a_detached_clause_vouches_for_that_clause(fr):
    for text, content in (
            ("Le club a recruté un entraîneur qui avait, d'après L'Equipe, refusé deux offres à l'étranger.",
             "qui avait, d'après L'Equipe, refusé deux offres à l'étranger"),
            ("Le club compte recruter deux attaquants en évitant, selon son entraîneur, de creuser le déficit.",
             "en évitant, selon son entraîneur, de creuser le déficit")):
        found = _reports(fr, text, "according_to")
        assert [q.content.text for q in found] == [content], text


def test_a_source_closing_its_clause_vouches_for_the_sentence(fr):
    """*… qui…, selon X, qui…*, *… sur lequel…, selon X, …*: the source ends the clause (a relative about the source
    follows) or the clause opens on a preposition: the whole sentence is what the source says."""
    for text in ("Le club a recruté un entraîneur qui connaît bien la ligue, selon L'Equipe, qui cite un proche du "
                 "président.",
                 "Le projet sur lequel travaillent trois bureaux d'études, selon la mairie, avance bien."):
        found = _reports(fr, text, "according_to")
        assert len(found) == 1 and found[0].content.text == text.rstrip("."), text


def test_a_pronoun_judged_in_the_passive_is_what_the_agent_judges(fr):
    """*Elle a été jugée trop timide par les syndicats*: the clause is the unions' judgement of what *elle* stands
    for; a pronoun subject of another passive still points back at words said before and reports nothing new."""
    found = _reports(fr, "Elle a été jugée trop timide par les syndicats.")
    assert len(found) == 1 and found[0].speaker.text == "les syndicats"
    assert found[0].content.text.startswith("Elle a été jugée trop timide")
    assert not _reports(fr, "Il avait été proposé par le maire.")


def test_s_en_prendre_a_reports_its_target_as_a_criticism(fr):
    """*s'en prendre à qqn* (frame ``se+en+à``): the target of a verbal attack is reported as *critiquer*'s object
    is, in the compound tense the parser reads as a passive too; *prendre* reports nothing in its other uses."""
    for text, content, speaker in (
            ("La députée s'en prend aux dirigeants de la fédération.", "aux dirigeants de la fédération",
             "La députée"),
            ("Le sénateur s'en est pris violemment au ministre de la Santé.", "au ministre de la Santé",
             "Le sénateur")):
        found = _reports(fr, text)
        assert len(found) == 1 and found[0].content.text == content and found[0].speaker.text == speaker, text
    for text in ("Le ministre a pris le train pour Lyon.", "La ministre se prend à rêver d'une victoire."):
        assert not _reports(fr, text), text
    assert object_complement_only("prendre", "fr") and "prend" not in speech_forms("fr")


def test_the_antecedent_of_an_object_relative_is_not_its_subject(fr):
    """*… a croisé Jean Martin, qu'il accuse depuis longtemps de…*: *il* in the object relative is not Jean Martin,
    the person the relative is about, though he was named after the previous speaker took the turn."""
    text = ("Paul Durand, le maire de la ville, a répondu aux élus : « Nous tiendrons nos engagements. » "
            "Il a croisé mardi Jean Martin, qu'il accuse depuis longtemps de bloquer le dossier.")
    quote = first_quote_holding(fr, text, "bloquer le dossier")
    assert quote.speaker.text == "il" and quote.speaker_canonical == "Paul Durand"


def test_an_unknown_verb_with_its_subject_inverted_after_a_quotation_is_an_incise(fr):
    """*», grince-t-il*, *», a-t-elle taclé*: French inverts a clitic subject after a quotation only in an incise, so
    the verb need not be a known speech verb; a verb or a participle with an infinitive after it leaves the infinitive
    to the rules that read it."""
    for text, words, speaker, canonical in (
            ("Paul Durand est sorti de la salle. « Rien ne va plus », grince-t-il.", "Rien ne va plus", "-il",
             "Paul Durand"),
            ("Anne Roy a quitté la réunion. « Nous avons gagné », a-t-elle taclé.", "Nous avons gagné", "-elle",
             "Anne Roy")):
        quote = first_quote_holding(fr, text, words)
        assert quote is not None and quote.producer == "rule:quotes.direct_after", text
        assert quote.speaker.text == speaker and quote.speaker_canonical == canonical, text
    doc = fr("« Oui », peut-il dire.")
    assert _inverted_incise_verb(next(t for t in doc if t.text == "peut")) is None
    doc = fr("« Non », a-t-il pu entendre dans la salle.")
    assert doc[4].text == "a" and _inverted_incise_verb(doc[4]) is None
