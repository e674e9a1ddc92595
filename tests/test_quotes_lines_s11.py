"""Session 11 (issue 14): a sentence boundary at every line break, set before the parser. Sentences
written for the tests."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def _indirect(quotes, cue_contains):
    return [q for q in quotes if q.kind == "indirect" and q.cue is not None and cue_contains in q.cue.text]


def test_every_line_starts_a_sentence(fr):
    doc = fr("Le maire présente son plan pour la ville\n\nLes travaux commenceront en mars, a précisé Jean Dupont.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Le maire présente son plan pour la ville"
    assert starts[1].startswith("Les travaux")
    found = _indirect(find_quotes(doc), "précisé")
    assert found and found[0].content.text == "Les travaux commenceront en mars"
