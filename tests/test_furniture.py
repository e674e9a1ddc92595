"""Furniture separation on made-up pages: cues, shapes, zones, and never cutting prose."""

from __future__ import annotations

import pytest

from recoupe.extract import extract, split_furniture

PAGE = """Un maire accusé d'avoir favorisé une entreprise locale

Un maire accusé d'avoir favorisé une entreprise locale

photo-mairie-de-village

Crédit photo : Jean Dupuis/Hans Lucas

Le maire de Saint-Exemple aurait attribué un marché public de 800 000 euros à une société dirigée par son beau-frère, selon des documents consultés par notre rédaction.

L'opposition réclame une enquête. « Nous voulons la transparence », a déclaré une conseillère municipale.

Lire aussi : Les marchés publics sous surveillance dans la région

… et la préfecture n'a pas encore réagi.

Le dossier sera examiné lors du prochain conseil municipal, prévu le 12 mars.

Source : AFP via Ouest-Exemple – Traduit par Le Site Exemple

Partager sur Facebook

VIDÉO - Les images du conseil municipal houleux

  1. quelle honte ce maire

Laisser un commentaire

Votre adresse e-mail ne sera pas publiée."""


def _kinds(split):
    return {f.text: f.kind for f in split.furniture}


def test_cues_shapes_and_zones():
    split = split_furniture(PAGE, title="Un maire accusé d'avoir favorisé une entreprise locale")
    kinds = _kinds(split)
    assert kinds["photo-mairie-de-village"] == "image_slug"
    assert kinds["Crédit photo : Jean Dupuis/Hans Lucas"] == "photo_credit"
    assert kinds["Lire aussi : Les marchés publics sous surveillance dans la région"] == "related_link"
    assert kinds["Source : AFP via Ouest-Exemple – Traduit par Le Site Exemple"] == "provenance"
    assert kinds["Partager sur Facebook"] == "share_prompt"
    assert kinds["VIDÉO - Les images du conseil municipal houleux"] == "video_teaser"
    assert kinds["1. quelle honte ce maire"] == "comment"
    assert kinds["Laisser un commentaire"] == "comment_form"
    assert kinds["Un maire accusé d'avoir favorisé une entreprise locale"] == "title_duplicate"
    assert split.body.count("Un maire accusé") == 1


def test_prose_is_kept_verbatim_and_mapped_back():
    split = split_furniture(PAGE)
    for sentence in ("… et la préfecture n'a pas encore réagi.", "« Nous voulons la transparence », a déclaré",
                     "prévu le 12 mars."):
        assert sentence in split.body
    for seg in split.body_map:
        assert split.body[seg.start : seg.end] == PAGE[seg.source_start : seg.source_start + seg.end - seg.start]
    for f in split.furniture:
        assert PAGE[f.source_start : f.source_end] == f.text
        assert f.kind == "title_duplicate" or f.text not in split.body
        assert f.producer.startswith("rule:furniture.")


@pytest.mark.parametrize("text, expected, kept", [
    (  # English cues
        "Council approves new budget\n\nThe council approved a $2m budget on Monday after a long debate.\n\n"
        "Read more: Budget talks stall again\n\nLeave a Reply\n\nYour email address will not be published.\n\n"
        "This article was originally published by Example Gazette.",
        {"Read more: Budget talks stall again": "related_link", "Leave a Reply": "comment_form",
         "This article was originally published by Example Gazette.": "provenance"},
        "The council approved",
    ),
    (  # headline-like lines under a related-links header, up to the next prose line
        "Titre\n\nUn long paragraphe d'article, avec assez de mots pour être lu comme de la prose par le filtre.\n\n"
        "Dans la même rubrique\n\nLa mairie lance un nouveau budget participatif\n\nLes travaux du pont reportés à l'été"
        "\n\nLe dernier paragraphe de l'article revient au sujet, et il est assez long pour être de la prose.",
        {"La mairie lance un nouveau budget participatif": "related_link",
         "Les travaux du pont reportés à l'été": "related_link"},
        "Le dernier paragraphe",
    ),
])
def test_cues_and_sections(text, expected, kept):
    split = split_furniture(text)
    kinds = _kinds(split)
    for line, kind in expected.items():
        assert kinds[line] == kind
    assert kept in split.body and kept not in " ".join(kinds)


def test_short_lines_inside_the_article_are_not_cut():
    text = ("Titre de l'article\n\nPremier paragraphe assez long pour être de la prose, avec un verbe et un point.\n\n"
            "Intertitre sans ponctuation\n\nDeuxième paragraphe tout aussi long, qui se termine normalement ici.")
    split = split_furniture(text)
    assert split.furniture == []
    assert "Intertitre sans ponctuation" in split.body


def test_html_goes_through_trafilatura_then_furniture():
    html = ("<html><head><title>Budget vote</title><meta name='author' content='Ana Lima'></head><body><article>"
            "<h1>Budget vote</h1><p>The council approved the budget on Monday, by nine votes to four, after hours.</p>"
            "<p>Read more: Other story about taxes</p><p>The mayor said the vote was a relief for the city.</p>"
            "</article></body></html>")
    doc = extract(html, url="https://www.example.org/news/budget")
    assert doc.title == "Budget vote"
    assert doc.hostname == "www.example.org"
    assert "approved the budget" in doc.body and "Read more" not in doc.body
    assert any(f.kind == "related_link" for f in doc.furniture)


def test_plain_text_bylines_give_the_authors():
    doc = extract("Un titre court\n\nPar Hélène Marchal et Paul Roy, publié le 3 mars\n\n"
                  "Un paragraphe d'article assez long pour être lu comme de la prose, avec un point final.")
    assert doc.authors == ["Hélène Marchal", "Paul Roy"]
    assert doc.furniture[0].kind == "byline"


def test_cue_alternations_match_where_a_single_cue_did():
    """Each cue kind's patterns are tried as one alternation (issue 9, sixth pass): the same cue,
    kind and confidence as trying each pattern alone (tests/reference_impl.py) on every line of the
    SemEval-2023 articles in six languages."""
    from recoupe.extract.furniture import _cue, split_lines
    from tests.conftest import need_shared
    from tests.reference_impl import furniture_cue

    root = need_shared("data", "genre", "semeval2023t3")
    lines = hits = 0
    for folder in sorted(root.glob("*/articles")):
        for path in sorted(folder.glob("*.txt"))[:120]:
            for line in split_lines(path.read_text(encoding="utf-8")):
                expected = furniture_cue(line)
                assert _cue(line) == expected, line.text
                lines += 1
                hits += expected is not None
    assert lines > 5000 and hits > 20
