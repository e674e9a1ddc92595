"""A short form the article defines in parentheses right after a name (*le Bureau national des enquêtes fiscales
(Bonef)*) is that name's entity, as Schwartz and Hearst match abbreviations to their long forms
(``entities._join_defined_short_forms``, issue 14, session 55): the tagger may read it as a first name or a
place, and its quotes then go to a person. Invented sentences."""

from __future__ import annotations

from recoupe.analysis.entities import _abbreviates


def _entities(doc):
    return {e.canonical: (e.label, sorted({m.text for m in e.mentions})) for e in doc._.entities}


def test_a_short_form_defined_in_parentheses_joins_the_name_it_abbreviates(fr):
    for text, name, short in (
            ("Un rapport interne du Bureau national des enquêtes fiscales (Bonef) met en cause trois banques. Le "
             "Bonef accuse aussi deux notaires.", "Bureau national des enquêtes fiscales", "Bonef"),
            ("La Caisse autonome de retraite des libraires (Carel) proteste. Pour la Carel, la réforme est injuste.",
             "Caisse autonome de retraite des libraires", "Carel")):
        ents = _entities(fr(text))
        assert short in ents[name][1] and short not in ents, ents


def test_abbreviation_letters_follow_the_name_s_order_from_its_first_word():
    assert _abbreviates("Medef", "Mouvement des entreprises de France".split())
    assert _abbreviates("Insee", "Institut national de la statistique et des études économiques".split())
    assert not _abbreviates("Olec", "Office européen de contrôle des aliments".split())  # no *l* before *c*
    assert not _abbreviates("Paris", "Anne Morel".split())  # another first letter
    assert not _abbreviates("PS", "Pierre Dupont".split())  # no *s* in the name
