"""Quotations the learned filter keeps with no speaker of their own (issue 14, session 13, branch
s13turn): a subhead takes the speaker of the quote it pulls from, not the previous turn
(``direct.subhead``, ``speakers._section_speaker``; session 17: or the first speaker of its section); a quotation after a colon or opening its paragraph
takes the person the sentence before introduced (``_introduced_speaker``); one nobody speaks, in an
article one person speaks through, is theirs when its paragraph names nobody else
(``_main_speaker``, ``_article_speaker``). The shipped filter decides which quotations are kept, as in
the product; each test of a rule firing fails on the code before it. Invented sentences only."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes

PULL_QUOTE = (
    "Le port de Brest change de cap\n\n"
    "La ville prépare un nouveau plan pour son port de commerce.\n\n"
    "La maire Hélène Garnier a présenté mardi son projet aux habitants. « Nous voulons un port ouvert "
    "à tous les habitants, toute l'année », a-t-elle expliqué.\n\n"
    "Au conseil municipal, l'opposition a voté contre. Son chef Marc Lefort a dénoncé un projet trop "
    "coûteux. « Ce plan va ruiner la ville », a-t-il affirmé.\n\n"
    "« Un port ouvert à tous, toute l'année »\n\n"
    "Les travaux commenceront en septembre et dureront deux ans.")

INTERVIEW = (
    "Entretien avec la maire de Brest\n\n"
    "La ville fait le bilan de six années de mandat.\n\n"
    "Hélène Garnier défend son bilan devant les habitants. « Nous avons tenu nos promesses », "
    "affirme-t-elle.\n\n"
    "Sur le logement, la maire se montre prudente. « Les loyers restent trop chers », reconnaît "
    "Hélène Garnier.\n\n"
    "Les écoles ont été rénovées. « Chaque enfant a désormais une classe chauffée », assure-t-elle.\n\n"
    "Le budget de la ville a doublé en six ans.\n\n"
    "Les transports restent le point noir du mandat. « Nous n'avons pas su investir à temps dans les "
    "lignes de bus. »")

INTERVIEW_OTHER = INTERVIEW.replace("Les transports restent le point noir du mandat.",
                                    "Les transports restent le point noir du mandat selon Marc Lefort.")

INTRODUCED = ("Un agent blessé lors d'un contrôle\n\n"
         "Le contrôle a eu lieu lundi matin près de la gare.\n\n"
         "Le ministre Paul Renard s'est rendu mardi soir sur place.\n\n"
         "« Je ne laisserai personne salir le travail de nos agents, et je le redirai devant le Parlement. »")

INTRODUCED_OTHER = INTRODUCED.replace("sur place.", "sur place, au lendemain d'une visite de Marc Lefort.")


def _quote(doc, words):
    return next((q for q in find_quotes(doc) if words in q.content.text), None)


def test_a_subhead_takes_the_speaker_of_the_quote_it_pulls_from(fr):
    q = _quote(fr(PULL_QUOTE), "Un port ouvert")
    assert q is not None
    # before: the previous turn (the opposition leader quoted just above it)
    assert q.speaker_canonical == "Hélène Garnier"


def test_a_subhead_no_quote_holds_is_left_out(fr):
    text = PULL_QUOTE.replace("« Un port ouvert à tous, toute l'année »", "« Une saison décisive pour la rade »")
    assert _quote(fr(text), "saison décisive") is None


def test_a_quotation_in_an_interview_is_its_subject_s(fr):
    q = _quote(fr(INTERVIEW), "investir à temps")
    assert q is not None and q.speaker_canonical == "Hélène Garnier"


def test_not_when_its_paragraph_names_someone_else(fr):
    q = _quote(fr(INTERVIEW_OTHER), "investir à temps")
    assert q is None or q.speaker_canonical != "Hélène Garnier"


def test_a_quotation_opening_its_paragraph_is_the_introduced_person_s(fr):
    q = _quote(fr(INTRODUCED), "salir le travail")
    assert q is not None and q.speaker_canonical == "Paul Renard"
    assert q.speaker_evidence is not None and "Renard" in q.speaker_evidence.text


def test_not_when_someone_else_was_named_since(fr):
    """The introduced-speaker rule stands back (the speaker scorer may still weigh the minister on
    its own evidence, which names no resolving mention)."""
    q = _quote(fr(INTRODUCED_OTHER), "salir le travail")
    assert q is None or q.speaker_evidence is None or "Renard" not in q.speaker_evidence.text


def test_the_subject_of_a_copular_clause_speaks_its_quotation(fr):
    """``quotations._clause_subject`` climbs to an adjective or noun with a copula, not only to a verb."""
    from recoupe.analysis.quotes.quotations import _clause_subject

    text = "Le maire de Lyon, Paul Renard, a été très clair : « Nous ne céderons rien sur ce dossier. »"
    doc = fr(text)
    start = text.index("«") + 2
    subject = _clause_subject(doc, start, text.index("»") - 1)
    assert subject is not None and subject.text == "maire"


SECTION = PULL_QUOTE.replace(
    "« Un port ouvert à tous, toute l'année »\n\nLes travaux commenceront en septembre et dureront deux ans.",
    "« Une saison décisive pour la rade »\n\nLes dockers, eux, attendent des garanties. « Nous voulons "
    "savoir combien d'emplois seront créés sur les quais », a déclaré leur délégué Yann Kerbrat.\n\n"
    "Les travaux commenceront en septembre et dureront deux ans.")


def test_a_subhead_no_quote_holds_takes_its_section_s_first_speaker(fr):
    """Session 17: a subhead announces the section below it; with no quote holding its words, the
    section's first attributed quote speaks (before: the previous turn, or left out)."""
    q = _quote(fr(SECTION), "saison décisive")
    assert q is not None and q.speaker_canonical == "Yann Kerbrat"


def test_a_quotation_s_clause_is_on_its_line(fr):
    """A quotation alone on its line has no clause subject on the next line, though the parser may run
    the two lines together (hand-built parse: the verb of the next line heads the quotation)."""
    from spacy.tokens import Doc

    from recoupe.analysis.quotes.quotations import _clause_subject

    words = ["«", "Un", "temps", "décisif", "»", "\n", "Il", "parle", "."]
    spaces = [True, True, True, True, False, False, True, False, False]
    heads = [2, 2, 7, 2, 2, 4, 7, 7, 7]
    deps = ["punct", "det", "obj", "amod", "punct", "dep", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "DET", "NOUN", "ADJ", "PUNCT", "SPACE", "PRON", "VERB", "PUNCT"]
    doc = Doc(fr.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    assert _clause_subject(doc, doc[1].idx, doc[3].idx + len(doc[3].text)) is None
    one_line = Doc(fr.vocab, words=words[:5] + ["Il", "parle", "."], spaces=spaces[:4] + [True, True, False, False],
                   heads=[2, 2, 6, 2, 2, 6, 6, 6], deps=deps[:5] + deps[6:], pos=pos[:5] + pos[6:])
    assert _clause_subject(one_line, one_line[1].idx, one_line[3].idx + len(one_line[3].text)).text == "Il"


def test_a_short_subhead_also_takes_its_section_s_first_speaker(fr):
    """A subhead of short words (none of four letters) cannot be matched by its words; the section's first
    speaker still speaks it (the fallback is reached whatever the subhead's length)."""
    q = _quote(fr(SECTION.replace("« Une saison décisive pour la rade »", "« Il y va fort »")), "Il y va fort")
    assert q is not None and q.speaker_canonical == "Yann Kerbrat"
