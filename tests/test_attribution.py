"""The attribution scorer (``recoupe eval attribution``) on a gold written for this test, and the
floors recoupe must keep on the annotated articles in ``../shared/data/attribution``."""

from __future__ import annotations

import json

import pytest

from recoupe.evaluation.attribution import (
    content_words,
    halves,
    locate,
    main,
    names_speaker,
    score_article,
    scores,
)
from recoupe.model import Analysis, ChainLink, Hedge, Quote, Span


ARTICLE = (
    "Un titre sans citation\n\n"
    "Le ministre Paul Verdier a déclaré que la réforme serait votée. « Nous irons jusqu'au bout », "
    "a-t-il ajouté. Selon le quotidien La Gazette, le texte pourrait changer. Le syndicat n'a pas répondu. "
    "La réforme pourrait coûter cher.\n"
)
GOLD = {
    "quotes": [
        {"kind": "indirect", "speaker": "Paul Verdier", "speaker_mention": "Le ministre Paul Verdier",
         "cue": "a déclaré", "evidence": "la réforme serait votée"},
        {"kind": "direct", "speaker": "Paul Verdier", "speaker_mention": "il", "cue": "a-t-il ajouté",
         "evidence": "Nous irons jusqu'au bout"},
        {"kind": "according_to", "speaker": "La Gazette (quotidien)", "speaker_mention": "le quotidien La Gazette",
         "cue": "Selon", "evidence": "le texte pourrait changer"},
    ],
    "hedges": [
        {"kind": "conditional", "evidence": "la réforme serait votée"},
        {"kind": "declined", "evidence": "Le syndicat n'a pas répondu"},
        {"kind": "conditional", "evidence": "le texte pourrait changer", "borderline": True},
    ],
    "sources": [{"name": "La Gazette", "evidence": "le quotidien La Gazette", "role": "cited"},
                {"name": "Agence Verte", "evidence": "Le syndicat", "role": "origin"}],
}


def _span(text: str, after: int = 0) -> Span:
    start = ARTICLE.index(text, after)
    return Span(text=text, start=start, end=start + len(text))


def _quote(kind: str, content: str, speaker: str | None, canonical: str | None = None) -> Quote:
    return Quote(kind=kind, cue=None, content=_span(content), speaker=_span(speaker) if speaker else None,
                 speaker_canonical=canonical, producer="test")


def _hedge(kind: str, text: str, after: int = 0) -> Hedge:
    s = _span(text, after)
    return Hedge(kind=kind, text=s.text, start=s.start, end=s.end, producer="test")


def _report(quotes, hedges, chain=()) -> Analysis:
    return Analysis(language="fr", body=ARTICLE, quotes=quotes, hedges=hedges, source_chain=list(chain))


def test_speaker_words_rule():
    assert content_words("Mike Pompeo") == ["mike", "pompeo"]
    assert names_speaker("Mike Pompeo", ["M. Pompeo"])
    assert names_speaker("Mike Pompeo", ["Il", "Mike Pompeo"])  # the resolved name counts
    assert not names_speaker("Mike Pompeo", ["Il", None])
    assert names_speaker("Volodymyr Zelensky", ["Zelenskyy"])  # one letter of slack on 6+ letters
    assert not names_speaker("Alain Juppé", ["Jupiter"])
    assert not names_speaker("ONU", ["l'ONU"])  # no content word of 4+ letters in the gold
    assert names_speaker("Élysée (présidence de la République)", ["l'Elysee"])  # accents folded


def test_locate_first_occurrence_or_nearest():
    text = "pourrait A. pourrait B."
    assert locate(text, "pourrait") == (0, 8)
    assert locate(text, "pourrait", near=11) == (12, 20)
    assert locate(text, "absent") is None


def test_scores_on_a_hand_made_gold():
    report = _report(
        quotes=[
            _quote("indirect", "que la réforme serait votée", "Le ministre Paul Verdier", "Paul Verdier"),
            _quote("direct", "Nous irons jusqu'au bout", "-il"),  # found, speaker unresolved
            _quote("indirect", "La réforme pourrait coûter cher", "La réforme"),  # no gold: a false positive
        ],
        hedges=[
            _hedge("conditional", "serait"),
            _hedge("declined_comment", "n'a pas répondu"),  # the guidelines' "declined"
            _hedge("conditional", "pourrait changer"),  # only on a borderline item: not scored
            _hedge("speculation", "coûter cher"),  # a false positive
        ],
        chain=[ChainLink(name="La Gazette", role="cited", evidence=_span("La Gazette"), producer="test")],
    )
    c = score_article(ARTICLE, GOLD, report)
    s = scores(c)
    assert (c.pred, c.pred_ok) == ({"indirect": 2, "direct": 1}, {"indirect": 1, "direct": 1})
    assert (c.gold, c.gold_found) == ({"indirect": 1, "direct": 1, "according_to": 1}, {"indirect": 1, "direct": 1})
    assert s.quotes_p == pytest.approx(2 / 3) and s.quotes_r == pytest.approx(2 / 3)
    assert s.speaker == pytest.approx(1 / 2)  # Verdier named; "-il" unresolved
    assert s.per_kind["according_to"][1] == 0.0
    assert (c.hedge_pred, c.hedge_pred_ok, c.hedge_gold, c.hedge_found) == (3, 2, 2, 2)
    assert s.hedge_kind == 1.0
    assert (c.sources, c.sources_found, c.sources_role_ok) == (2, 1, 1)


def test_speaker_is_judged_on_the_first_overlapping_prediction():
    report = _report(
        quotes=[_quote("according_to", "Le ministre Paul Verdier a déclaré que la réforme serait votée", "Le syndicat"),
                _quote("indirect", "que la réforme serait votée", "Le ministre Paul Verdier", "Paul Verdier")],
        hedges=[])
    c = score_article(ARTICLE, GOLD, report)
    assert c.speaker_ok == 0 and c.gold_found == {"indirect": 1}


def test_halves_alternate_in_file_name_order():
    split = halves(["b.txt", "a.txt", "d.txt", "c.txt"])
    assert split == {"dev": {"a.txt", "c.txt"}, "held": {"b.txt", "d.txt"}}


def test_command_runs_on_any_folder_with_the_layout(tmp_path, capsys):
    folder = tmp_path / "fr"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps({"a1.txt": GOLD}, ensure_ascii=False), encoding="utf-8")
    assert main(["--data", str(tmp_path), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "fr full: 1 articles, 3 gold quotes" in out
    assert main(["--data", str(tmp_path / "missing")]) == 2


# The floors on the annotated set itself live in the evaluation gate (src/recoupe/evaluation/gate.toml,
# run by tests/test_gate.py), pinned to the gold files' digest with the other quality figures.
