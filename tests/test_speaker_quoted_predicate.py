"""Speakers (issue 14, session 15, branch s15spk): quotes the filter kept with no speaker of their own.
A quotation opening with its clause's verb whose active subject before the mark is a document or a body
(``speakers._predicate_subject``); a report whose paragraph opens with the name the parse lost
(``_line_opening_name``); a sentence closing on an inverted incise (``_closing_incise_subject``), also
one whose verb no speech lexicon lists, read by its position right after the quotation (s15turn,
``_incise_by_position``). Invented sentences only."""

from __future__ import annotations

from recoupe.analysis.quotes.speakers import _predicate_subject
from recoupe.analysis.quotes.syntax import Candidate

from conftest import hand_parsed


def _found(finder, doc, cand):
    """The text of the speaker token ``finder`` recovers for ``cand``, or None."""
    found = finder(doc, cand)
    return found.text if found is not None else None


def _quotation(doc, words):
    start = doc.text.index(words)
    return Candidate("direct", "direct_scored", (start, start + len(words)), None, None, 0.5)


def _subject(doc, words):
    return _found(lambda d, c: _predicate_subject(d, c, "fr"), doc, _quotation(doc, words))


def test_a_document_whose_quoted_predicate_opens_the_quotation_speaks(fr):
    doc = fr("Les loyers ont encore augmenté cette année. L'étude « constate une hausse nette des loyers "
             "dans les grandes villes ».")
    assert _subject(doc, "constate une hausse nette des loyers dans les grandes villes") == "étude"


def test_a_person_subject_is_left_to_the_discourse(fr):
    # a person's quoted predicate may be a critic's words about them
    doc = fr("Le débat a tourné court. Marc Petit « ment comme il respire ».")
    assert _subject(doc, "ment comme il respire") is None


def test_a_passive_subject_does_not_speak(fr):
    doc = fr("La commission a tranché mardi. Les deux adjoints sont « écartés du bureau municipal ».")
    assert _subject(doc, "écartés du bureau municipal") is None


def test_a_quotation_that_does_not_open_the_predicate_takes_nobody(fr):
    doc = fr("Le rapport cite un témoin. Il décrit une situation « qui empire de semaine en semaine ».")
    assert _subject(doc, "qui empire de semaine en semaine") is None


def _opener(doc, verb):
    from recoupe.analysis.quotes.speakers import _line_opening_name

    start = doc.text.index(verb)
    cand = Candidate("indirect", "indirect_scored", (start + len(verb) + 1, len(doc.text)), (start, start + len(verb)),
                     None, 0.5)
    return _found(_line_opening_name, doc, cand)


SUBHEAD = ("Les riverains se mobilisent contre le projet de rocade.\n"
           "Un rapport accablant\n"
           "Marie Roux, présidente de l'association des riverains, rappelle que les nuisances ont doublé en un an.")


def test_a_report_with_no_subject_is_the_paragraph_opening_name(fr):
    # ``speakers._line_opening_name``: the subhead joined to the paragraph hides the name from the parse
    assert _opener(fr(SUBHEAD), "rappelle") == "Marie"


def test_a_sentence_end_or_another_verb_between_takes_nobody(fr):
    assert _opener(fr(SUBHEAD.replace("riverains, rappelle", "riverains. Elle rappelle")), "rappelle") is None
    assert _opener(fr(SUBHEAD.replace("riverains, rappelle", "riverains, dont le frère vit ici, rappelle")),
                   "rappelle") is None


def _closing(doc, words):
    from recoupe.analysis.quotes.speakers import _closing_incise_subject

    return _found(lambda d, c: _closing_incise_subject(d, c, "fr"), doc, _quotation(doc, words))


def test_a_sentence_closing_on_an_inverted_incise_attributes_its_quotations(fr):
    # ``speakers._closing_incise_subject``: every quotation of the sentence is the incise's subject's
    doc = fr("Le budget a été adopté mardi. Le projet « mal ficelé » coûtera « une fortune », estime Marc Lenoir.")
    assert _closing(doc, "mal ficelé") == "Marc"
    doc = fr("Le budget a été adopté mardi. Le projet « mal ficelé » coûtera « une fortune » estime Marc Lenoir.")
    assert _closing(doc, "mal ficelé") == "Marc"  # the comma the writer left out after the closing mark


def test_a_verb_that_continues_the_clause_or_a_later_sentence_is_no_incise(fr):
    doc = fr("Le budget a été adopté mardi. Le projet « mal ficelé » pèsera lourd. Marc Lenoir juge qu'il échouera.")
    assert _closing(doc, "mal ficelé") is None


# an inverted incise read by its position right after the quotation (``speakers._incise_by_position``, s15turn)

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
    words = ["Le", "maire", "est", "«", "trahi", "»", ",", "attaque", "le", "syndicat", "."]
    heads = [1, 4, 4, 4, 4, 4, 7, 4, 9, 7, 4]
    deps = ["det", "nsubj:pass", "aux:pass", "punct", "ROOT", "punct", "punct", "conj", "det", "obj", "punct"]
    pos = ["DET", "NOUN", "AUX", "PUNCT", "VERB", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = morphs[7] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[9] = "Gender=Masc|Number=Sing"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    assert _closing(doc, "trahi") == "syndicat"
