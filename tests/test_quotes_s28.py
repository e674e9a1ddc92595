"""Speakers read on the develop sets' errors (issue 14, session 28), on invented sentences:

- an incise inside a quotation whose verb the tagger read as a noun, or as a verb whose inverted subject became
  its object, still names the speaker when a phrase that can speak follows it and ends the sentence
  (``direct._slipped_incise``): *« …, analyse Jean Dupont. … »*; verbs listed after a shared subject, a first
  person's verbs and an address, spelt the same, are left alone;
- *interpréter* is an incise verb of French press style (``speech_verbs_fr.tsv``, class ``incise``);
- a description the article gives a named person (*Le député écologiste, X,* then *confie le député*) stands as
  that person, not re-weighed by the speaker scorer (``speakers._resolve_speaker``), also when the role noun
  is spelt with an accent (``coreference._role_holder`` compared the accented lemma with folded roles), and not
  when the description names another place by its proper name than the person's role does
  (``coreference._other_body``);
- a participial clause continuing a main verb whose parsed subject is a word of a quotation takes the inverted
  pronoun instead (``indirect.main_clause_speaker``)."""

from __future__ import annotations

import pytest
from conftest import quotes_in


def _by_start(quotes: dict, opening: str):
    return next(q for text, q in quotes.items() if text.startswith(opening))


@pytest.mark.parametrize("verb", ["analyse", "interprète"])
def test_an_incise_the_parse_missed_inside_a_quotation_names_the_speaker(fr, verb):
    quotes = quotes_in(fr, f"Le club a encore perdu. Le vrai souci, « c'est que le club a perdu son identité. Il ne "
                           f"gagne plus rien malgré un budget record, {verb} Jean Dupont. La direction devrait partir "
                           f"et laisser la place à une équipe neuve ». Le président n'a pas réagi.")
    quote = _by_start(quotes, "c'est que le club")
    assert quote.producer == "rule:quotes.direct_inside"
    assert quote.speaker_canonical == "Jean Dupont"


@pytest.mark.parametrize("text, opening, speaker", [
    # verbs listed after one subject: *le maire* is what the visitor asks for, not who speaks
    ("Le maire Jean Valois a reçu les habitants mardi soir. « Je vous écoute », leur a-t-il dit. « Chacun arrive, "
     "explique son problème, relance le maire, et repart souvent sans réponse. »", "Chacun arrive", "Jean Valois"),
    # a first person's verbs spelt as a third person's
    ("Paul Roche, boulanger : « Le matin, je me lève, allume le four, demande la livraison, puis j'ouvre la "
     "boutique. »", "Le matin", "Paul Roche"),
    # *interpréter* in its musical sense, inside the speaker's own quotation
    ("Claire Bonnet : « J'ai rencontré Marc, interprète Lucie Vernet, et nous avons parlé longuement. »",
     "J'ai rencontré", "Claire Bonnet"),
])
def test_a_verb_form_inside_a_quotation_that_is_no_incise_leaves_the_speaker(fr, text, opening, speaker):
    assert _by_start(quotes_in(fr, text), opening).speaker_canonical == speaker


def test_a_coordinated_verb_inside_a_quotation_is_no_incise(fr):
    # *salue* shares the subject *Il* with *est arrivé*: *la foule* is its object, not a speaker
    quotes = quotes_in(fr, "« Il est arrivé tard, salue la foule et repart aussitôt », a raconté Marie Durand.")
    assert _by_start(quotes, "Il est arrivé tard").speaker_canonical == "Marie Durand"


def test_a_description_given_to_a_named_person_stands(fr):
    quotes = quotes_in(fr, "La cérémonie aura lieu en juin. Le député écologiste, Paul Marnieras, élu depuis dix ans, "
                           "recevra la médaille dans sa commune de Créteil. Dans l'assistance, on remarquera Lucie "
                           "Morel, Marc Lenoir, Jeanne Roux... « Ce prix récompense surtout le travail de toute une "
                           "équipe », confie le député à un quotidien régional.")
    quote = _by_start(quotes, "Ce prix")
    assert quote.speaker.text == "le député"
    assert quote.speaker_canonical == "Paul Marnieras"
    assert quote.speaker_evidence.text == "Paul Marnieras"


@pytest.mark.parametrize("text, speaker", [
    # a complement naming another place: the mayor of Quimper is not the mayor of Brest
    ("Jean Morvan, maire de Quimper, a visité le port. « Nous voulons plus de bateaux », a déclaré le maire de "
     "Brest.", None),
    # a common noun's complement names no particular place: the mayor the article named
    ("Jean Morvan, maire de Quimper, a inauguré la médiathèque. « Nous avons attendu ce moment dix ans », a "
     "déclaré le maire de la ville.", "Jean Morvan"),
    ("Hélène Garnier, ministre de la Culture, était à Avignon. « Nous voulons un festival ouvert à tous », a "
     "déclaré la ministre de 52 ans.", "Hélène Garnier"),
    # a hyphenated name holds the shorter one
    ("Nadia Chérif, maire de Montreuil, a parlé aux habitants. « Nous ne fermerons aucune école », a promis la "
     "maire de Montreuil-sous-Bois.", "Nadia Chérif"),
])
def test_a_description_naming_another_place_is_not_that_role_holder(fr, text, speaker):
    assert _by_start(quotes_in(fr, text), "Nous").speaker_canonical == speaker


def test_an_english_description_naming_another_place_is_not_that_role_holder(en):
    quotes = quotes_in(en, "John Carver, the mayor of Springfield, opened the library. \"We waited ten years for "
                           "this,\" said the mayor of Shelbyville.")
    assert _by_start(quotes, "We waited").speaker_canonical is None


def test_a_participle_continues_the_inverted_speaker_not_a_word_of_the_quotation(fr):
    # the parser takes *monde* (inside the first quotation) for the subject of *affirmé*
    quotes = quotes_in(fr, "Marie Durand a présenté son programme mardi. \"Ces règles ne servent qu'à fatiguer les "
                           "artisans et, au final, le monde rural\", a-t-elle affirmé, soulignant que \"nous paierons "
                           "tous la facture\".")
    quote = _by_start(quotes, "nous paierons")
    assert quote.speaker.text == "-elle"
    assert quote.speaker_canonical == "Marie Durand"
