"""Speakers (issue 14, session 15, branch s15spk): a subject pronoun the discourse leaves with no
antecedent takes the subject of an earlier clause of its sentence when that subject can speak (a body,
a person, a noun of the speaker lexicons), or, in the lede, the person named after it
(``coreference.Discourse._subject_earlier_in_sentence``, ``_named_after_in_lede``). Invented sentences only."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.coreference import Discourse


def _antecedent(doc, word, nth=0):
    pron = [t for t in doc if t.text == word][nth]
    return Discourse(doc).antecedent(pron, None, pron.idx)


BODY = ("Les inondations ont coûté cher aux communes du littoral.\n\n"
        "Pendant que l'Agence nationale de l'eau réunit ses délégués à Lyon, elle annonce qu'elle "
        "manque de moyens pour entretenir les digues.")


def test_a_body_subject_of_an_earlier_clause_is_the_antecedent(fr):
    ref = _antecedent(fr(BODY), "elle")
    assert ref is not None and "Agence" in ref.canonical


def test_the_report_names_the_body(fr):
    q = next(q for q in find_quotes(fr(BODY)) if "moyens" in q.content.text)
    assert q.speaker_canonical is not None and "Agence" in q.speaker_canonical


def test_a_thing_subject_is_no_antecedent(fr):
    doc = fr("Les inondations ont coûté cher.\n\nPendant que la pluie tombe sur la vallée, elle "
             "estime que les digues tiendront.")
    assert _antecedent(doc, "elle") is None


LEDE = ("Elle non plus ne briguera pas la présidence. Dans un entretien publié dimanche, Marie Roux a expliqué "
        "qu'elle soutiendrait le candidat du parti.\n\nLa campagne commence en mars.")


def test_a_pronoun_opening_the_lede_names_the_person_named_next(fr):
    ref = _antecedent(fr(LEDE), "Elle")
    assert ref is not None and ref.canonical == "Marie Roux"


def test_the_lede_pronoun_must_agree_in_gender(fr):
    assert _antecedent(fr(LEDE.replace("Elle non plus", "Il non plus")), "Il") is None


def test_a_pronoun_past_the_lede_stays_unresolved(fr):
    text = "La campagne commence en mars.\n\nLe vote aura lieu en mai.\n\n" + LEDE
    assert _antecedent(fr(text), "Elle") is None


def test_a_person_named_in_the_previous_report_takes_no_turn(fr):
    # ``Discourse._newcomer``: someone named inside what the previous speaker reported is what they
    # talked about, not a newcomer the next *il* stands for
    text = ("Paul Martin, économiste à l'université de Lyon, rappelle que le porte-parole du gouvernement, "
            "Marc Lenoir, a enfin pris la parole mardi. « Il a attendu trop longtemps », juge-t-il.")
    q = next(q for q in find_quotes(fr(text)) if "trop longtemps" in q.content.text)
    assert q.speaker_canonical == "Paul Martin"
