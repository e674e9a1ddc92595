"""Typed relations: written sentences in French and English, then the seeds' expected relations."""

from __future__ import annotations

import pytest

import recoupe
from conftest import need_shared


def triples(text: str, lang: str) -> dict[tuple[str, str, str], object]:
    report = recoupe.analyze(text, lang=lang)
    return {(r.subject, r.predicate, r.object): r for r in report.relations}


@pytest.mark.parametrize("text,lang,expected", [
    ("Jean Dupont, directeur de campagne de Marie Leroy, a démenti toute rencontre.", "fr",
     ("Jean Dupont", "campaign_director_of", "Marie Leroy")),
    ("La porte-parole de Greenpeace, Claire Martin, a refusé de commenter.", "fr",
     ("Claire Martin", "spokesperson_of", "Greenpeace")),
    ("Paul Durand a travaillé chez Renault pendant dix ans.", "fr", ("Paul Durand", "worked_at", "Renault")),
    ("Hier, Emmanuel Macron a rencontré Olaf Scholz à Berlin.", "fr", ("Emmanuel Macron", "met", "Olaf Scholz")),
    ("John Smith, a spokesman for Boeing, declined to comment.", "en", ("John Smith", "spokesperson_of", "Boeing")),
    ("Senator Jane Doe criticized Elon Musk on Tuesday.", "en", ("Jane Doe", "criticised", "Elon Musk")),
    ("Bill Gates met Angela Merkel in Munich last year.", "en", ("Bill Gates", "met", "Angela Merkel")),
])
def test_written_sentences(text, lang, expected):
    found = triples(text, lang)
    assert expected in found, f"{expected} not in {sorted(found)}"
    rel = found[expected]
    assert text[rel.evidence.start:rel.evidence.end] == rel.evidence.text
    assert rel.sentence.start <= rel.evidence.start < rel.evidence.end <= rel.sentence.end
    assert rel.producer.startswith("rule:relations.")


def test_status_follows_the_hedges():
    found = triples("Selon le Canard enchaîné, Jean Dupont aurait rencontré Marie Leroy en secret.", "fr")
    rel = found[("Jean Dupont", "met", "Marie Leroy")]
    assert rel.status in ("reported", "conditional")
    plain = triples("Jean Dupont a rencontré Marie Leroy lundi.", "fr")[("Jean Dupont", "met", "Marie Leroy")]
    assert plain.status == "asserted"


def test_no_relation_without_two_entities():
    assert triples("Le gouvernement a rencontré les syndicats mardi.", "fr") == {}


def test_component_in_a_users_pipeline():
    import spacy

    import recoupe.analysis.entities  # noqa: F401
    import recoupe.analysis.hedges  # noqa: F401
    import recoupe.analysis.quotes  # noqa: F401
    import recoupe.analysis.relations  # noqa: F401
    from recoupe.nlp import MODELS

    nlp = spacy.load(MODELS["fr"])
    for name in ("recoupe_entities", "recoupe_quotes", "recoupe_hedges", "recoupe_relations"):
        nlp.add_pipe(name)
    doc = nlp("Jean Dupont a rencontré Marie Leroy lundi.")
    assert [(r.subject, r.predicate, r.object) for r in doc._.relations] == [("Jean Dupont", "met", "Marie Leroy")]


@pytest.mark.parametrize("name", ["000_c50cb6fb134df7c8.txt", "001_18984f24fe3e214c.txt"])
def test_seed_relations(name, expected):
    text = need_shared("seeds", name).read_text(encoding="utf-8")
    report = recoupe.analyze(text)
    for exp in expected[name]["relations"]:
        matches = [r for r in report.relations
                   if (r.subject, r.predicate, r.object) == (exp["subject"], exp["predicate"], exp["object"])]
        assert matches, f"missing {exp}"
        # the evidence we report overlaps the analyst's evidence in the body
        at = report.body.find(exp["evidence"])
        assert at >= 0
        assert any(r.evidence.start < at + len(exp["evidence"]) and at < r.evidence.end for r in matches), exp
        if "status" in exp:
            assert any(r.status == exp["status"] for r in matches), (exp, [r.status for r in matches])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_units_are_the_sentences_cut_at_line_breaks_as_before(lang):
    """The relation finder's units (sentences cut at line breaks) come from the text's newlines
    now: the same token ranges as visiting every token, on real articles and on texts with blank,
    doubled and leading line breaks."""
    from recoupe.analysis.relations import _units
    from recoupe.nlp import build_nlp
    from tests.reference_impl import relations_units

    folder = need_shared("data", "genre", "semeval2023t3", lang, "articles")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:30]]
    texts += ["Titre\n\nUne phrase.\n \nDeux  phrases\n\n\nTrois", "\n\nDébut\n", "a\nb\nc"]
    nlp = build_nlp(lang)
    units = 0
    for doc in nlp.pipe(texts):
        expected = [(u.start, u.end) for u in relations_units(doc)]
        assert [(u.start, u.end) for u in _units(doc)] == expected
        units += len(expected)
    assert units > 300
