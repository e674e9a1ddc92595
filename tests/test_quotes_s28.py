"""Speakers read on the develop sets' errors (issue 14, session 28), on invented sentences:

- an incise inside a quotation whose verb the tagger read as a noun, or as a verb whose inverted subject became
  its object, still names the speaker (``direct._slipped_incise``): *« …, analyse Paul Martin. … »*;
- *interpréter* is an incise verb of French press style (``speech_verbs_fr.tsv``, class ``incise``);
- a description the article gives a named person (*Le sénateur socialiste, X,* then *déclare le sénateur*)
  stands as that person, not re-weighed by the speaker scorer (``speakers._resolve_speaker``), also when the role
  noun is spelt with an accent (``coreference._role_holder`` compared the accented lemma with folded roles);
- a participial clause continuing a main verb whose parsed subject is a word of a quotation takes the inverted
  pronoun instead (``indirect.main_clause_speaker``)."""

from __future__ import annotations

from conftest import quotes_in


def _by_start(quotes: dict, opening: str):
    return next(q for text, q in quotes.items() if text.startswith(opening))


def test_an_incise_the_tagger_read_as_a_noun_names_the_speaker(fr):
    quotes = quotes_in(fr, "La séance a été levée. Le problème aujourd’hui, « c’est que la ville a changé de cap. "
                           "Elle n’a plus rien à proposer malgré une forte présence, analyse Jean Dupont. Le conseil "
                           "devrait se retirer et retrouver la place qu’il avait à ses débuts ». Le maire n'a pas répondu.")
    quote = _by_start(quotes, "c’est que la ville")
    assert quote.producer == "rule:quotes.direct_inside"
    assert quote.speaker_canonical == "Jean Dupont"


def test_interpreter_is_an_incise_verb(fr):
    quotes = quotes_in(fr, "La séance a été levée. Le problème aujourd’hui, « c’est que la ville a changé de cap. "
                           "Elle n’a plus rien à proposer malgré une forte présence, interprète Jean Dupont. Le conseil "
                           "devrait se retirer ». Le maire n'a pas répondu.")
    assert _by_start(quotes, "c’est que la ville").speaker_canonical == "Jean Dupont"


def test_a_coordinated_verb_inside_a_quotation_is_no_incise(fr):
    # *salue* shares the subject *Il* with *est arrivé*: *la foule* is its object, not a speaker
    quotes = quotes_in(fr, "« Il est arrivé tard, salue la foule et repart aussitôt », a raconté Marie Durand.")
    quote = _by_start(quotes, "Il est arrivé tard")
    assert quote.speaker_canonical == "Marie Durand"


def test_a_description_given_to_a_named_person_stands(fr):
    quotes = quotes_in(fr, "Le mariage sera célébré le mois prochain. Le sénateur socialiste, Paul Marnieras, proche du "
                           "Premier ministre, épousera le 11 juillet sa compagne à Créteil. Parmi les invités figurent "
                           "Manuel Valls, Anne Hidalgo, Harlem Désir... « Notre société a bien avancé, il faut des femmes "
                           "et des hommes politiques engagés », déclare le sénateur à un site d'information.")
    quote = _by_start(quotes, "Notre société")
    assert quote.speaker.text == "le sénateur"
    assert quote.speaker_canonical == "Paul Marnieras"
    assert quote.speaker_evidence.text == "Paul Marnieras"


def test_a_participle_continues_the_inverted_speaker_not_a_word_of_the_quotation(fr):
    # the parser takes *peuple* (inside the first quotation) for the subject of *affirmé*
    quotes = quotes_in(fr, "Marie Durand a présenté le programme de son parti. \"Ces taxes ne servent strictement à "
                           "rien, si ce n'est à faire souffrir les ménages et, accessoirement, le peuple français\", "
                           "a-t-elle affirmé, ajoutant que \"nous sommes beaucoup plus victimes de ces taxes que les "
                           "entreprises\".")
    quote = _by_start(quotes, "nous sommes")
    assert quote.speaker.text == "-elle"
    assert quote.speaker_canonical == "Marie Durand"
