"""The discourse speaker step (issue 14, s14disc): a report with no speaker phrase of its own, as the
learned reported-speech filter keeps them, continues the previous attributed quote's turn when it is
near, agrees in gender and number, and no other person became a subject in between. Sentences are
invented for the tests; the candidates are built by hand so that the step is tested whatever the
filter's operating point."""

from __future__ import annotations

from recoupe.analysis.component import doc_text
from recoupe.analysis.quotes.speakers import resolve
from recoupe.analysis.quotes.syntax import Candidate
from recoupe.analysis.text import token_at


def _cand(doc, cue: str, content: str, speaker: str | None = None, producer: str | None = "model:reported@1"):
    text = doc_text(doc)
    c0 = text.index(cue)
    s0 = text.index(content)
    head = None
    if speaker is not None:
        head = token_at(doc, text.index(speaker))
    return Candidate("indirect", "indirect_scored" if producer else "indirect_clause", (s0, s0 + len(content)),
                     (c0, c0 + len(cue)), head, 0.5, producer=producer)


def _quotes(doc, *cands):
    lang = "fr" if doc.lang_ == "fr" else "en"
    return {doc_text(doc)[q.content.start:q.content.end]: q for q in resolve(doc, list(cands), lang)}


def test_a_subjectless_report_continues_the_previous_speaker(fr):
    doc = fr("Le député Paul Martin a déclaré que la réforme des retraites était injuste. "
             "Et a appelé à manifester samedi devant la préfecture.")
    q = _quotes(doc, _cand(doc, "a déclaré", "la réforme des retraites était injuste", "Paul", None),
                _cand(doc, "a appelé", "à manifester samedi devant la préfecture"))
    second = q["à manifester samedi devant la préfecture"]
    assert second.speaker_canonical == "Paul Martin"
    # it names the mention that resolved it
    assert second.speaker_evidence is not None and "Martin" in second.speaker_evidence.text


def test_the_verb_number_must_agree(fr):
    doc = fr("Le député Paul Martin a déclaré que la réforme des retraites était injuste. "
             "Puis ont appelé à manifester samedi devant la préfecture.")
    q = _quotes(doc, _cand(doc, "a déclaré", "la réforme des retraites était injuste", "Paul", None),
                _cand(doc, "ont appelé", "à manifester samedi devant la préfecture"))
    assert "à manifester samedi devant la préfecture" not in q  # no turn: unattributed, so left out


def test_another_person_subject_in_between_or_a_far_quote_breaks_the_turn(fr):
    doc = fr("Le député Paul Martin a déclaré que la réforme des retraites était injuste. "
             "La sénatrice Claire Dubois est arrivée en retard à la séance. "
             "Puis a appelé à manifester samedi devant la préfecture.")
    q = _quotes(doc, _cand(doc, "a déclaré", "la réforme des retraites était injuste", "Paul", None),
                _cand(doc, "a appelé", "à manifester samedi devant la préfecture"))
    assert "à manifester samedi devant la préfecture" not in q  # no turn: unattributed, so left out
    doc = fr("Le député Paul Martin a déclaré que la réforme des retraites était injuste.\n\n"
             "La séance a duré trois heures.\n\nLe vote aura lieu mardi.\n\n"
             "Puis a appelé à manifester samedi devant la préfecture.")
    q = _quotes(doc, _cand(doc, "a déclaré", "la réforme des retraites était injuste", "Paul", None),
                _cand(doc, "a appelé", "à manifester samedi devant la préfecture"))
    assert "à manifester samedi devant la préfecture" not in q  # no turn: unattributed, so left out


def test_a_rule_quotation_with_no_speaker_phrase_continues_the_turn(fr):
    doc = fr("La ministre Claire Dubois a déclaré que la réforme serait votée en juin. "
             "Et a ajouté : « Nous irons jusqu'au bout de ce texte. »")
    text = doc_text(doc)
    c0, s0 = text.index("a ajouté"), text.index("Nous irons")
    quotation = Candidate("direct", "direct_before", (s0, s0 + len("Nous irons jusqu'au bout de ce texte.")),
                          (c0, c0 + len("a ajouté")), None, 0.9)
    q = _quotes(doc, _cand(doc, "a déclaré", "la réforme serait votée en juin", "Claire", None), quotation)
    assert q["Nous irons jusqu'au bout de ce texte."].speaker_canonical == "Claire Dubois"


def test_an_english_subjectless_report_continues_the_turn(en):
    doc = en("Senator John Reed said on Monday that the bill would pass. "
             "And urged colleagues to vote before the recess.")
    q = _quotes(doc, _cand(doc, "said", "the bill would pass", "John", None),
                _cand(doc, "urged", "colleagues to vote before the recess"))
    second = q["colleagues to vote before the recess"]
    assert second.speaker_canonical == "John Reed" and second.speaker_evidence is not None
