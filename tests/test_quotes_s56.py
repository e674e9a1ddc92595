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
            ("Les pêcheurs voient en ce barrage une menace pour la rivière.", "en ce barrage une menace",
             "Les pêcheurs"),
            ("Plusieurs commerçants voient dans la piétonnisation une chance de relancer le quartier.",
             "dans la piétonnisation une chance", "Plusieurs commerçants"),
            ("Au centre, 55% des électeurs interrogés voient en Claire Dumas, une bonne présidente.",
             "en Claire Dumas, une bonne présidente", "55% des électeurs interrogés"),
            ("L'historienne voit dans ce traité le germe de la crise suivante.", "dans ce traité le germe",
             "L'historienne")):
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
    for quote in quotes_in(fr, "Il s'agit de ceux qui voient en Moreau un chef providentiel.").values():
        assert quote.speaker is None or "chef" not in quote.speaker.text, quote


def test_an_infinitive_report_in_a_detached_relative_ends_with_the_relative(fr):
    """*X, qui a préféré démentir la rumeur, a quitté…*: an infinitive report inside a relative set off by commas
    ends with the relative, as its verb's own report would, not in the main clause after it."""
    for text, content in (
            ("Le maire, qui a préféré démentir la rumeur, a quitté la séance avant la fin.", "la rumeur"),
            ("La porte-parole, qui a tenu à démentir ces chiffres, a ensuite quitté la salle.", "ces chiffres")):
        assert first_quote_holding(fr, text, content).content.text == content, text
    # a speech verb's infinitive holds the view: one report, not a second one nested in it
    text = ("Lundi, devant la rapporteuse Marie Caron, qui a dit voir dans ce budget un progrès pour les familles, le "
            "maire a maintenu que les chiffres étaient faux.")
    quotes = quotes_holding(quotes_in(fr, text), "progrès")
    assert [q.content.text for q in quotes] == ["voir dans ce budget un progrès pour les familles"]
    assert quotes[0].speaker_canonical == "Marie Caron"


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
    """*», vu son âge*: *vu* is a form of *voir*, which reports only in its frame of a view, so the rules that read
    a verb by its form alone (an incise the tagger missed) leave it out (the sentence is a guard: today's parse
    reads it right either way)."""
    assert "vu" not in speech_forms("fr") and "traite" not in speech_forms("fr")
    assert "affirme" in speech_forms("fr")
    text = "La chanteuse Léa Morin, décrite comme \"une valeur sûre\", vu son succès récent auprès des jeunes."
    assert all(q.speaker is None or "succès" not in q.speaker.text for q in quotes_in(fr, text).values())


def test_a_causative_report_takes_the_subject_the_parser_hung_on_faire(fr):
    """*Samedi, elle a fait savoir que…*: the parser may hang *a fait* on the infinitive with the subject on it;
    that subject reports, and the pronoun takes up the person the text described before."""
    quote = first_quote_holding(fr, "Samedi, elle a fait savoir qu'elle rédigeait un recours contre l'arrêté.",
                                "recours")
    assert quote is not None and quote.producer == "rule:quotes.indirect_clause" and quote.speaker.text == "elle"
    text = ("Depuis lundi, la première à rejoindre la pétition est Claire Dumas. Au conseil, l'élue a demandé au "
            "préfet plus de transparence. Samedi, elle a fait savoir qu'elle rédigeait un recours contre l'arrêté.")
    quote = first_quote_holding(fr, text, "recours")
    assert quote is not None and quote.speaker_canonical == "Claire Dumas"


def test_pour_qui_after_a_name_or_after_the_persons_a_noun_counts(fr):
    """*X pour qui…* with no comma: after a name it is still the name's view (a name is no group a relative could
    restrict); after *l'appui de nombreux riverains*, the persons hold the view, not the support."""
    text = "\"Rien n'est joué\", juge l'économiste Marc Léger pour qui la reprise restera fragile cette année."
    quote = first_quote_holding(fr, text, "reprise")
    assert quote is not None and quote.producer == "rule:quotes.according_to_stance_relative"
    assert quote.speaker_canonical == "Marc Léger"
    text = "Le projet bénéficie de l'appui de nombreux riverains pour qui le parc est indispensable."
    quote = first_quote_holding(fr, text, "le parc")
    assert quote is not None and quote.speaker.text == "nombreux riverains"
    # a thing is for someone, no view: no comma, no name, no group of opinion holders
    assert not first_quote_holding(fr, "La commune a versé une aide aux familles pour qui la rentrée est chère.",
                                   "rentrée")


def test_the_newsroom_s_note_is_no_name_and_no_speaker(fr):
    """*(ma nièce, NDLR)*: the newsroom's note in brackets is no person (the tagger often calls it one), so the
    writer's *je* is not resolved to it, and a name it glosses keeps its entity."""
    doc = fr("Le soir même, nous avons trié les jouets avec la cadette (ma nièce, NDLR) et je me suis dit \"Voilà "
             "une bonne chose de faite\". Le préfet (Paul Roux, N.D.L.R.) a indiqué que le texte serait voté.")
    names = {e.canonical for e in doc._.entities}
    assert "Paul Roux" in names and not any("NDLR" in n or "N.D.L.R" in n for n in names), names
    quote = first_quote_holding(fr, doc.text, "bonne chose")
    assert quote is not None and quote.speaker_canonical is None
