"""Session 52 speakers: the news-outlet lexicon (``news_outlets.tsv``) makes outlets no rating list rates news
outlets; an outlet noun of one kind (*l'hebdomadaire*) takes up an outlet of that kind, never one the lexicon gives
another kind (a daily), and first the title its own phrase names; an article the lexicon does not list with a name
is no part of it. Sentences written for these tests; the mechanisms' tests fail on the commit before them
(8e7ab59), the guards pass on both."""

from __future__ import annotations

from recoupe.analysis.chain import outlet_kinds, outlet_named

from conftest import first_quote_holding


def test_the_lexicon_names_outlets_no_list_rates():
    match = outlet_named("Le Canard enchaîné")
    assert match is not None and match.matched_by == "lexicon" and match.ratings == []
    assert outlet_named("Canard enchaîné") is not None  # the article the tagger leaves out
    assert outlet_kinds("Canard enchaîné", match) == {"weekly"}
    assert outlet_named("Fédération des chasseurs") is None


def test_a_weekly_noun_takes_up_the_weekly_not_the_daily_named_after(fr):
    text = ("Selon Le Canard enchaîné, le préfet aurait fait repeindre sa résidence. Le Progrès a repris "
            "l'information jeudi. Le préfet aurait aussi acheté une voiture de luxe, selon l'hebdomadaire.")
    q = first_quote_holding(fr, text, "voiture de luxe")
    assert q is not None and q.speaker.text == "l'hebdomadaire"
    assert q.speaker_canonical is not None and "Canard" in q.speaker_canonical


def test_a_weekly_noun_is_no_daily_the_scorer_would_fill_it_with(fr):
    """With only a daily named before it, *l'hebdomadaire* is not given that daily, by the rules or by the
    speaker scorer (before session 52 the rules gave it)."""
    text = ("Le Progrès a révélé l'affaire jeudi. Le préfet aurait aussi acheté une voiture de luxe, "
            "selon l'hebdomadaire.")
    q = first_quote_holding(fr, text, "voiture de luxe")
    assert q is not None and (q.speaker_canonical is None or "Progrès" not in q.speaker_canonical)


def test_a_noun_of_any_outlet_still_takes_up_the_outlet_named(fr):
    text = "Le Progrès a révélé l'affaire jeudi. Le préfet aurait aussi acheté une voiture de luxe, selon le média."
    q = first_quote_holding(fr, text, "voiture de luxe")
    assert q is not None and q.speaker_canonical is not None and "Progrès" in q.speaker_canonical


def test_an_outlet_noun_takes_the_title_it_names(fr):
    """*l'hebdomadaire Marianne*: the title the phrase names is the outlet, though the tagger calls a title that is
    a first name a person; it is an organisation in the entities (base 8e7ab59: no speaker resolved)."""
    text = "Selon l'hebdomadaire Marianne, la ministre occupe un appartement de cent mètres carrés."
    q = first_quote_holding(fr, text, "appartement")
    assert q is not None and q.speaker_canonical == "Marianne"
    assert {e.canonical: e.label for e in fr(text)._.entities}.get("Marianne") == "ORG"


def test_an_article_before_a_listed_name_is_no_part_of_it(en):
    """*the Daily Mail*: the lexicon lists *Daily Mail*, so the article stays out of the entity (an outlet listed
    with its article keeps it: *Le Canard enchaîné*); read as part of the name it lost the entity, and the source
    chain its link."""
    doc = en("The photos were published by the Daily Mail, but police had not mentioned a note in his room.")
    assert ("Daily Mail", "ORG") in {(e.canonical, e.label) for e in doc._.entities}


def test_a_scare_quoted_word_heads_its_phrase(fr):
    """*le « sage » des Républicains*: the parser reads the quoted word as an adjective of the party's name, which
    then heads the phrase and speaks; the arcs are rewired (``parse.repair_scare_quoted_heads``), and the phrase
    is a description of the person who spoke before."""
    text = ("Jean Dumont a parlé longuement. Pour le \"sage\" des Républicains, l'objectif premier reste les "
            "législatives. \"Je suis pour un parlementarisme constructif\", explique-t-il.")
    doc = fr(text)
    sage = next(t for t in doc if t.text == "sage")
    assert next(t for t in doc if t.text == "Républicains").head.i == sage.i
    q = first_quote_holding(fr, text, "parlementarisme")
    assert q is not None and q.speaker_canonical == "Jean Dumont"


def test_a_quoted_word_the_determiner_may_not_be_is_left(fr):
    """*la « complaisance » du gouvernement*: determiner and noun agree, nothing says the quoted word heads the
    phrase; the parse is left as it was."""
    doc = fr("Le ministre a dénoncé la \"complaisance\" du gouvernement envers les lobbies.")
    word = next(t for t in doc if t.text == "complaisance")
    assert word.head.text == "gouvernement" or word.dep_ != "amod"


def test_a_speaker_phrase_the_repair_rewired_names_it(fr):
    """A quote whose speaker phrase holds a word the parse repair made its head says so in its producer."""
    text = "Pour le \"sage\" des Républicains, l'objectif premier reste les législatives."
    q = first_quote_holding(fr, text, "objectif premier")
    assert q is not None and q.producer.endswith("+rule:parse.scare_quoted_head")
