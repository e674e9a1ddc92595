"""Issue 14, session 56: *voir en qqn / dans qqch un…* (what the subject takes someone or something for), the passive
of a verb of judgement with its *comme* phrase, an infinitive report inside a detached relative, verbs that report in
one frame only kept out of the rules that read a verb by its form, the subject of a causative report, *pour qui*
after a name, and the newsroom's note (*NDLR*), which is no name. Invented sentences."""

from conftest import first_quote_holding, quotes_holding, quotes_in

from recoupe.analysis.lexicons import object_complement_only, speech_forms


def _complement_reports(fr, text):
    return [q for q in quotes_in(fr, text).values() if q.producer == "rule:quotes.indirect_complement"]


def test_voir_en_or_dans_reports_what_the_subject_takes_something_for(fr):
    """*voir en X un Y*, *voir dans X un Y*: the complement and the object are the view, said by the subject; the
    parser may read the object as the complement's apposition or modifier, and the pair is read all the same."""
    for text, start, speaker in (
            ("Les écologistes voient en ce projet une menace pour la forêt.", "en ce projet une menace",
             "Les écologistes"),
            ("Certains élus voient dans cette réforme une occasion de relancer le débat.",
             "dans cette réforme une occasion", "Certains élus"),
            ("Tandis qu'à droite, 70% des sympathisants du parti voient en Paul Martin, un bon maire.",
             "en Paul Martin, un bon maire", "70% des sympathisants du parti"),
            ("Le philosophe voit dans ce poème le primat du silence sur la parole.", "dans ce poème le primat",
             "Le philosophe")):
        found = _complement_reports(fr, text)
        assert len(found) == 1, (text, found)
        assert found[0].content.text.startswith(start) and found[0].speaker.text == speaker, text
    assert object_complement_only("voir", "fr")


def test_voir_without_the_frame_of_a_view_reports_nothing(fr):
    """The perceptual sense (a film seen, a person seen in a room, a match seen live) and a negated view report
    nothing; nor is the one taken for something its own speaker when the subject is a demonstrative's relative."""
    for text in ("Le public a vu un film d'animation samedi soir.",
                 "Des millions de spectateurs ont vu en direct la finale.",
                 "Le maire a vu dans la salle Jean Dupont.",
                 "Les habitants ne voient pas en ce projet une menace."):
        assert not _complement_reports(fr, text), text
    for quote in quotes_in(fr, "Il s'agit de ceux qui voient en Dupont un fervent républicain.").values():
        assert quote.speaker is None or "républicain" not in quote.speaker.text, quote


def test_an_infinitive_report_in_a_detached_relative_ends_with_the_relative(fr):
    """*X, qui a préféré démentir la rumeur, a quitté…*: an infinitive report inside a relative set off by commas
    ends with the relative, as its verb's own report would, not in the main clause after it."""
    for text, content in (
            ("Le maire, qui a préféré démentir la rumeur, a quitté la séance avant la fin.", "la rumeur"),
            ("Deux mois après les premiers articles, le sénateur Paul Roux, qui avait commencé par nier les faits "
             "qu'on lui reprochait, avait fini par reconnaître devant le juge qu'il détenait un compte à Jersey.",
             "les faits qu'on lui reprochait")):
        assert first_quote_holding(fr, text, content).content.text == content, text
    # a speech verb's infinitive holds the view: one report, not a second one nested in it
    text = ("Jeudi, face au patron du syndicat Paul Roux, qui a dit voir dans la réforme une chance pour l'emploi, "
            "la ministre avait répété que le texte ne changerait pas.")
    quotes = quotes_holding(quotes_in(fr, text), "chance")
    assert [q.content.text for q in quotes] == ["voir dans la réforme une chance pour l'emploi"]
    assert quotes[0].speaker_canonical == "Paul Roux"


def test_the_passive_of_a_judgement_reports_its_comme_phrase(fr):
    """*X est considéré par Y comme Z*: what Y takes X for is part of the report, and Y alone is the speaker (the
    parser hangs *comme Z* on the agent); the same for a participle qualifying a noun."""
    quote = first_quote_holding(fr, "Le directeur est considéré par les enquêteurs comme le cerveau de l'opération.",
                                "enquêteurs")
    assert quote is not None and quote.producer == "rule:quotes.indirect_passive"
    assert quote.content.text.endswith("comme le cerveau de l'opération") and quote.speaker.text == "les enquêteurs"
    quote = first_quote_holding(fr, "Le vaccin, considéré par les médecins comme la meilleure protection, reste peu "
                                    "utilisé.", "médecins")
    assert quote is not None and quote.content.text.endswith("comme la meilleure protection")
    assert quote.speaker.text == "les médecins"


def test_a_verb_of_one_frame_is_no_incise_by_its_form(fr):
    """*», vu sa proximité avec X*: *vu* is a form of *voir*, which reports only in its frame of a view, so the
    rules that read a verb by its form alone (an incise the tagger missed) leave it out."""
    assert "vu" not in speech_forms("fr") and "traite" not in speech_forms("fr")
    assert "affirme" in speech_forms("fr")
    text = ("La ministre de la Culture Anne Roche, considérée comme \"une recrue de choix\", vu sa proximité passée "
            "avec Paul Martin.")
    assert all(q.speaker is None or "proximité" not in q.speaker.text for q in quotes_in(fr, text).values())


def test_a_causative_report_takes_the_subject_the_parser_hung_on_faire(fr):
    """*Mardi soir, il a fait savoir que…*: the parser may hang *a fait* on the infinitive with the subject on it;
    that subject reports, and the pronoun takes up the person the text described before."""
    quote = first_quote_holding(fr, "Mardi soir, il a fait savoir qu'il préparait une lettre pour défendre son idée.",
                                "lettre")
    assert quote is not None and quote.producer == "rule:quotes.indirect_clause" and quote.speaker.text == "il"
    text = ("Dès lundi, le premier à suivre Paul Roux a été Luc Martin. Dans les couloirs du Sénat, le sénateur a "
            "appelé Anne Vial à la prudence. Mardi soir, il a fait savoir qu'il préparait une lettre pour défendre "
            "son idée.")
    quote = first_quote_holding(fr, text, "lettre")
    assert quote is not None and quote.speaker_canonical == "Luc Martin"


def test_pour_qui_after_a_name_or_after_the_persons_a_noun_counts(fr):
    """*X pour qui…* with no comma: after a name it is still the name's view (a name is no group a relative could
    restrict); after *le soutien de plusieurs élus*, the persons hold the view, not the support."""
    text = ("\"Le maire doit désormais agir\", estime le politologue Paul Roux pour qui démissionner est la "
            "dernière chose à faire.")
    quote = first_quote_holding(fr, text, "démissionner")
    assert quote is not None and quote.producer == "rule:quotes.according_to_stance_relative"
    assert quote.speaker_canonical == "Paul Roux"
    text = "Il peut compter sur le soutien de plusieurs élus pour qui il est le candidat naturel à la succession."
    quote = first_quote_holding(fr, text, "candidat naturel")
    assert quote is not None and quote.speaker.text == "plusieurs élus"
    # a thing is for someone, no view: no comma, no name, no group of opinion holders
    assert not first_quote_holding(fr, "La commune a versé une aide aux familles pour qui la rentrée est chère.",
                                   "rentrée")


def test_the_newsroom_s_note_is_no_name_and_no_speaker(fr):
    """*(mon fils, NDLR)*: the newsroom's note in brackets is no person (the tagger often calls it one), so the
    writer's *je* is not resolved to it, and a name it glosses keeps its entity."""
    doc = fr("Ensuite on a rangé la cave avec le petit dernier (mon fils, NDLR) et je me suis dit \"Bon, au moins "
             "ça fait du vide\". Le ministre (Paul Roux, N.D.L.R.) a indiqué que le texte serait voté.")
    names = {e.canonical for e in doc._.entities}
    assert "Paul Roux" in names and not any("NDLR" in n or "N.D.L.R" in n for n in names), names
    quote = first_quote_holding(fr, doc.text, "du vide")
    assert quote is not None and quote.speaker_canonical is None
