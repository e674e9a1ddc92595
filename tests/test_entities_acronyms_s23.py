"""An acronym joins the one name of the article whose initials spell it (``entities._join_acronyms``,
issue 14, session 23): its quotes are then the named entity's (*tranche JLM* is Jean-Luc Morel's),
and the corpus keys one organisation, not two. Invented sentences."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def _entities(doc):
    return {e.canonical: (e.label, sorted({m.text for m in e.mentions})) for e in doc._.entities}


def test_an_organisation_spelt_out_in_the_article_is_its_acronym(fr):
    ents = _entities(fr("L'Agence européenne des forêts tiendra sa session en mai. D'après l'AEF, le risque "
                        "reste faible."))
    assert ents["Agence européenne des forêts"] == ("ORG", ["AEF", "Agence européenne des forêts"])
    assert "AEF" not in ents


def test_a_person_named_by_initials_speaks_under_the_full_name(fr):
    doc = fr("Jean-Luc Morel était à Lyon lundi. « Je ne céderai rien », tranche JLM devant les élus.")
    ents = _entities(doc)
    assert ents["Jean-Luc Morel"][0] == "PER" and "JLM" in ents["Jean-Luc Morel"][1]
    quote = next(q for q in find_quotes(doc) if q.content.text == "Je ne céderai rien")
    assert quote.speaker.text == "JLM" and quote.speaker_canonical == "Jean-Luc Morel"


def test_the_stop_words_may_count_or_not(fr):
    from recoupe.analysis.entities import RawMention, _initials, _Tokens

    toks = _Tokens(fr("La République en marche et l'Union pour la défense des artisans"))
    assert _initials(toks, RawMention(0, 4, "ORG", "test")) == {"LREM", "RM"}
    assert "UDA" in _initials(toks, RawMention(6, 12, "ORG", "test"))


def test_two_names_spelling_the_acronym_leave_it_apart(fr):
    ents = _entities(fr("Le Parti socialiste et Paris Sportif ont signé. Le PS a salué l'accord."))
    assert "PS" in ents and "PS" not in ents["Parti socialiste"][1]


def test_two_letters_never_stand_for_a_person(fr):
    ents = _entities(fr("Pierre Serre a quitté la réunion. Le PS a salué l'accord."))
    assert "PS" not in ents["Pierre Serre"][1]


def test_an_acronym_the_article_never_spells_out_stays_as_written(fr):
    assert "AEF" in _entities(fr("Selon l'AEF, le risque reste faible pour les voyageurs."))


def test_a_title_the_tagger_ran_into_a_name_is_split_off(fr):
    # the tagger's mention *Cohésion rurale Lucie Marchand* (a ministry's complement) and
    # *Premier ministre Luis Serrano* (a title alone): the person is named apart, and then speaks
    doc = fr("Plusieurs élus, dont la ministre de la Cohésion rurale Lucie Marchand, ont réagi. "
             "« Rien n'est joué », a-t-elle dit. Le Premier ministre Luis Serrano a salué le texte.")
    people = {e.canonical for e in doc._.entities if e.label == "PER"}
    assert {"Lucie Marchand", "Luis Serrano"} <= people
    quote = next(q for q in find_quotes(doc) if q.content.text == "Rien n'est joué")
    assert quote.speaker_canonical == "Lucie Marchand"


def test_a_body_named_after_someone_keeps_the_name(fr):
    from recoupe.analysis.entities import RawMention, _split_title_complement, _Tokens

    # the tagger's miscellaneous mention after *du*: the complement of no title, a museum's name
    doc = fr("Il a visité la salle du Musée des beaux-arts Jeanne Roux hier.")
    toks = _Tokens(doc)
    start = next(t.i for t in doc if t.text == "Musée")
    end = next(t.i for t in doc if t.text == "Roux") + 1
    mention = RawMention(start, end, "MISC", "test")
    assert _split_title_complement(toks, [mention], frozenset()) == [mention]


def test_an_acronym_with_an_article_is_no_person(fr):
    # *la LFI* is an organisation whatever name spells it; a place is spelt only by a place (*LR* is no
    # *La Rochelle*)
    ents = _entities(fr("Louis-François Isnard, maire de Lille, a voté. La LFI a dénoncé le texte. "
                        "Le congrès se tiendra à La Rochelle en septembre. LR a dénoncé un autre texte."))
    # each stays an organisation of its own; *la LFI*, written with its article, is spelt out from the list of known
    # bodies (session 42, ``acronyms.tsv``), *LR* without one is not
    assert ents["La France insoumise (LFI)"] == ("ORG", ["LFI"]) and "LFI" not in ents["Louis-François Isnard"][1]
    assert "LR" in ents and "LR" not in ents["La Rochelle"][1]


def test_two_letters_without_an_article_stand_for_no_organisation(en):
    ents = _entities(en("Amnesty International criticised the plan. Companies using AI tools must register them. "
                        "The European Union said on Monday that it would act. The EU also warned the firms."))
    assert ents["Amnesty International"][1] == ["Amnesty International"]
    assert "EU" in ents["European Union"][1]
