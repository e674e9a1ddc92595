"""Speakers (issue 14, session 15, branch s15turn): a quotation the filter kept, followed right after its
closing mark and comma by an inverted finite verb that no speech lexicon lists (*balaie*):
the incise by its position names the speaker (``speakers._incise_by_position`` in
``_closing_incise_subject``), where the quotation used to take the previous speaker's turn.
Invented sentences only."""

from __future__ import annotations

from recoupe.analysis.quotes.speakers import _closing_incise_subject
from recoupe.analysis.quotes.syntax import Candidate


def _closing(doc, words):
    start = doc.text.index(words)
    cand = Candidate("direct", "direct_scored", (start, start + len(words)), None, None, 0.5)
    found = _closing_incise_subject(doc, cand, "fr")
    return found.text if found is not None else None


def test_a_verb_outside_the_lexicon_right_after_the_closing_mark_is_an_incise(fr):
    doc = fr("Le conseil a voté le budget. « Ce plan ne tiendra pas six mois », balaie Paul Girard.")
    assert _closing(doc, "Ce plan ne tiendra pas six mois") == "Paul"


def test_the_same_verb_further_in_the_sentence_is_no_incise(fr):
    # not right after the quotation's mark: an ordinary clause, its verb not a speech verb
    doc = fr("« Ce plan ne tiendra pas six mois », et la salle, sans attendre, balaie Paul Girard.")
    assert _closing(doc, "Ce plan ne tiendra pas six mois") is None


def test_a_verb_with_its_subject_before_it_is_no_incise(fr):
    doc = fr("« Le chantier reprendra lundi », il balaie Paul Girard de la liste.")
    assert _closing(doc, "Le chantier reprendra lundi") is None


def test_an_incise_the_parser_made_a_conjunct_is_read_on_its_own_subject(fr):
    """*Le maire est « trahi », attaque le syndicat.* parsed as the parser sometimes reads it: *attaque* a
    conjunct of the quoted clause with no subject of its own and *syndicat* its object; ``subject_of``
    would lend it the clause's subject (*maire*), which is no incise's."""
    from spacy.tokens import Doc

    words = ["Le", "maire", "est", "«", "trahi", "»", ",", "attaque", "le", "syndicat", "."]
    heads = [1, 4, 4, 4, 4, 4, 7, 4, 9, 7, 4]
    deps = ["det", "nsubj:pass", "aux:pass", "punct", "ROOT", "punct", "punct", "conj", "det", "obj", "punct"]
    pos = ["DET", "NOUN", "AUX", "PUNCT", "VERB", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = morphs[7] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[9] = "Gender=Masc|Number=Sing"
    doc = Doc(fr.vocab, words=words, spaces=[n + 1 < len(words) and words[n + 1] not in (",", ".")
                                             for n in range(len(words))],
              heads=heads, deps=deps, pos=pos, morphs=morphs, lemmas=[w.lower() for w in words])
    doc._.entities = []
    assert _closing(doc, "trahi") == "syndicat"
