"""Quotations the rules leave unattributed become candidates of the learned filter (issue 14,
session 10: ``recoupe.analysis.quotes.quotations``). Sentences are invented."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.quotations import quotation_candidates
from recoupe.analysis.quotes.reported import FEATURES, subject_kind


def _rows(doc, found=()):
    return [(c, dict(zip(FEATURES, x))) for c, x in quotation_candidates(doc, "fr", list(found), FEATURES, subject_kind,
                                                                        every=False)]


def test_a_quotation_no_rule_took_is_a_candidate_with_its_shape(fr):
    doc = fr("La séance a été longue.\n\nLa maire de Nantes, Claire Dubreuil, veut « reconstruire le marché couvert "
             "avant la fin de l'hiver prochain, quoi qu'il en coûte » et rien d'autre.")
    rows = _rows(doc)
    assert len(rows) == 1
    cand, x = rows[0]
    assert cand.kind == "direct" and cand.rule == "direct_scored"
    assert doc.text[cand.content[0]:cand.content[1]].startswith("reconstruire le marché")
    assert x["frame_quotation"] == 1.0 and x["q_ten_words"] == 1.0 and x["q_one_word"] == 0.0
    assert x["q_person_in_sentence"] == 1.0 and x["q_title_line"] == 0.0
    # the clause's subject names someone: it speaks for the quotation
    assert cand.speaker_token is not None and cand.speaker_token.text in ("maire", "Dubreuil", "Claire")
    assert x["subject_person"] == 1.0 or x["subject_role"] == 1.0


def test_a_subject_that_names_nobody_is_not_the_speaker(fr):
    doc = fr("L'affaire des factures éclabousse « le parti tout entier et ses dirigeants depuis dix ans ».")
    (cand, x), = _rows(doc)
    assert cand.speaker_token is None and x["subject_noun"] == 1.0


def test_a_quotation_a_rule_took_is_not_offered_again(fr):
    doc = fr("« Nous reconstruirons le marché avant l'hiver », a déclaré Claire Dubreuil mardi.")
    rules = [q for q in find_quotes(doc)]
    assert rules and rules[0].speaker_canonical == "Claire Dubreuil"
    from recoupe.analysis.quotes.syntax import Candidate

    taken = Candidate("direct", "direct_after", (rules[0].content.start, rules[0].content.end), None, None, 0.85)
    assert _rows(doc, [taken]) == []


def test_name_like_and_determiner_shapes(fr):
    doc = fr("Il a lu le « Journal du Matin » puis un article sur la « transition ».")
    shapes = {doc.text[c.content[0]:c.content[1]]: x for c, x in _rows(doc)}
    assert shapes["Journal du Matin"]["q_name_like"] == 1.0
    assert shapes["Journal du Matin"]["q_after_determiner"] == 1.0
    assert shapes["transition"]["q_one_word"] == 1.0 and shapes["transition"]["q_name_like"] == 0.0


def test_a_kept_quotation_nobody_attributes_is_left_out(fr, monkeypatch):
    """The speaker step drops a filter-kept quotation when neither its clause's subject nor the
    discourse names its speaker (a guess would put words in the wrong mouth)."""
    from recoupe.analysis.quotes import reported

    def keep_every_quotation(doc, lang, found, skip):
        out = []
        for cand, _ in quotation_candidates(doc, lang, found, FEATURES, subject_kind, every=False):
            cand.producer = "reported@test"
            out.append(cand)
        return out

    monkeypatch.setattr("recoupe.analysis.quotes.scored_quotes", keep_every_quotation)
    assert reported.FEATURES == FEATURES
    doc = fr("L'affaire des factures éclabousse « le parti tout entier et ses dirigeants depuis dix ans ».\n\n"
             "La maire, Claire Dubreuil, veut « reconstruire le marché couvert avant la fin de l'hiver prochain ».")
    kept = [q for q in find_quotes(doc) if q.producer == "reported@test"]
    assert [q.content.text[:14] for q in kept] == ["reconstruire l"]
    assert kept[0].speaker is not None
