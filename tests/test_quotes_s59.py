"""Issue 14, session 59: a quotation a passive participle of judgement gives with its agent (*jugée « … » par X*) is
the agent's; an indefinite description that speaks brings in someone new, whom a later *il* / *elle* of an incise
takes up rather than a person named before it; a reported clause stops before another report whose subject is a
person's description. Invented sentences."""

import pytest
from conftest import first_quote_holding, hand_parsed, quotes_in

from recoupe.analysis.quotes.according_to import _opens_sentence


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Le sénateur Marc Olivier a proposé de supprimer la taxe, une piste jugée « irresponsable » par la ministre "
     "Claire Vidal.", "irresponsable", "la ministre Claire Vidal"),
    ("Cette réforme, dénoncée par les syndicats comme « un recul historique », entre en vigueur lundi.",
     "un recul historique", "les syndicats"),
    ("Le conseil a vu l'élue traitée de « menteuse » par un opposant.", "menteuse", "un opposant"),
])
def test_a_judgement_in_the_passive_is_its_agent_s(fr, text, fragment, speaker):
    quote = quotes_in(fr, text)[fragment]
    assert quote.kind == "direct" and quote.speaker.text == speaker


def test_an_agent_before_a_quotation_needs_the_word_that_links_them(fr):
    """*lancée par la région « … »*: a title after the agent, no *comme* or *de* giving it as a judgement."""
    quote = first_quote_holding(fr, "L'opération lancée par la région « Un arbre par élève » a été prolongée.",
                                "Un arbre par élève")
    assert quote is None or quote.speaker is None or "région" not in quote.speaker.text


def test_an_active_judgement_keeps_its_subject(fr):
    quote = first_quote_holding(fr, "Le ministre a qualifié de « honteuse » la décision du juge.", "honteuse")
    assert quote is not None and quote.speaker.text == "Le ministre"


def test_an_incise_pronoun_takes_up_the_newcomer_an_indefinite_description_brought(fr):
    text = ("Le président Paul Arnal visite la région. Un porte-parole de la préfecture a assuré mardi que la "
            "situation était sous contrôle. « Nous n'avons pas eu de blessés », a-t-il dit.")
    quote = first_quote_holding(fr, text, "Nous n'avons pas eu de blessés")
    assert quote is not None and quote.speaker_canonical != "Paul Arnal"
    assert "porte-parole" in quote.speaker_canonical


def test_a_definite_description_may_take_up_a_person_named_before(fr):
    text = ("Paul Arnal multiplie les visites. « Certainement pas », répond l'ancien ministre de Claire Vidal. "
            "« Il a cessé d'être crédible », a-t-il dit.")
    assert first_quote_holding(fr, text, "Il a cessé").speaker_canonical == "Paul Arnal"


@pytest.mark.parametrize("text, speakers", [
    ("Le maire a assuré que les travaux dureraient un an, alors que la préfète affirmait qu'ils en prendraient deux.",
     {"que les travaux dureraient un an": ("indirect", "Le maire"),
      "qu'ils en prendraient deux": ("indirect", "la préfète")}),
    ("La maire Claire Vidal estime que le préfet Paul Arnal a tort, alors que pour ce dernier, la fermeture s'impose.",
     {"que le préfet Paul Arnal a tort": ("indirect", "Claire Vidal"),
      "la fermeture s'impose": ("according_to", "Paul Arnal")}),
])
def test_a_reported_clause_leaves_out_another_s_report_or_view(fr, text, speakers):
    """A report whose subject describes someone else, a view held after a contrast (*alors que pour X, …*)."""
    quotes = quotes_in(fr, text)
    assert {content: (quotes[content].kind, quotes[content].speaker_canonical or quotes[content].speaker.text)
            for content in speakers} == speakers


def test_a_pronoun_subject_stays_in_the_reported_clause(fr):
    """*il* may be the speaker again (*alors qu'il affirmait l'an dernier…*): the clause runs on."""
    quotes = quotes_in(fr, "Le maire a assuré que les travaux dureraient un an, alors qu'il affirmait l'an dernier "
                           "qu'ils en prendraient deux.")
    assert any(text.startswith("que les travaux dureraient un an, alors qu'il") for text in quotes)


@pytest.mark.parametrize("text, speaker", [
    ("Paul Arnal a reçu Claire Vidal mardi. Celle-ci a assuré que le budget serait voté.", "Claire Vidal"),
    ("Claire Vidal a reçu Paul Arnal mardi. Celle-ci a assuré que le budget serait voté.", "Claire Vidal"),
    ("Claire Vidal a reçu Paul Arnal mardi. Celui-ci a assuré que le budget serait voté.", "Paul Arnal"),
    ("Jean Dupont répondait à Paul Arnal, lorsque celui-ci soutenait que la ligne serait rouverte.", "Paul Arnal"),
])
def test_celui_ci_takes_up_the_last_person_named_of_its_gender(fr, text, speaker):
    """Also in a sentence whose main clause's subject the speaker scorer would prefer (Grevisse: the latter)."""
    quote = next(q for q in quotes_in(fr, text).values() if q.kind == "indirect")
    assert quote.speaker_canonical == speaker


def test_a_stance_holder_may_carry_a_relative_clause(fr):
    quote = first_quote_holding(fr, "Pour beaucoup d'habitants qui travaillent en ville, la navette est indispensable.",
                                "la navette est indispensable")
    assert quote is not None and quote.kind == "according_to" and quote.speaker.text.startswith("beaucoup d'habitants")


@pytest.mark.parametrize("text", [
    "Pour les enfants qui mangent à la cantine, le repas sera gratuit.",
    "Pour la première fois depuis que le parc existe, les ours ont été comptés.",
])
def test_a_phrase_with_a_relative_clause_names_no_view_holder_by_itself(fr, text):
    assert not [q for q in quotes_in(fr, text).values() if q.kind == "according_to"]


@pytest.mark.parametrize("text, expected", [
    ("Le maire veut rouvrir la gare, alors que pour la préfète, le coût est trop élevé.", [("la préfète",
                                                                                           "le coût est trop élevé")]),
    ("Paul Arnal a présenté son plan. Pour ce dernier, la réforme est indispensable.", [
        ("ce dernier", "la réforme est indispensable")]),
    ("Le stade sera rénové, alors que pour la première fois, le budget baisse.", []),
    ("Pour ce faire, la mairie a embauché trois agents.", []),
])
def test_pour_after_a_contrast_or_before_ce_dernier(fr, text, expected):
    assert [(q.speaker.text, q.content.text) for q in quotes_in(fr, text).values() if q.kind == "according_to"] \
        == expected


def test_a_cut_the_parse_made_after_a_word_of_the_line_opens_no_sentence(fr):
    """The parser may read *Voyage éclair | pour le maire.* as two sentences: a word right before *pour* on its
    line says *pour* opens none (and *Pour X, …* there is no stance)."""
    doc = hand_parsed(fr, ["Voyage", "éclair", "pour", "le", "maire", "."], [0, 0, 4, 4, 4, 4],
                      ["ROOT", "amod", "case", "det", "ROOT", "punct"], ["NOUN", "ADJ", "ADP", "DET", "NOUN", "PUNCT"],
                      ["Gender=Masc|Number=Sing", "Number=Sing", "", "Definite=Def|Gender=Masc|Number=Sing",
                       "Gender=Masc|Number=Sing", ""])
    assert doc[2].is_sent_start
    assert not _opens_sentence(doc[2])
    assert _opens_sentence(doc[0])
