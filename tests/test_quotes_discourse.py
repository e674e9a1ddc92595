"""The discourse speaker step (issue 14, s14disc): a report with no speaker phrase of its own, as the
learned reported-speech filter keeps them, continues the previous attributed quote's turn when it is
near, agrees in gender and number, and no other person became a subject in between. Sentences are
invented for the tests; the candidates are built by hand so that the step is tested whatever the
filter's operating point."""

from __future__ import annotations

from recoupe.analysis.component import doc_text
from recoupe.analysis.quotes.speakers import resolve
from recoupe.analysis.quotes.syntax import Candidate, auxiliary_subject
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
    return {doc_text(doc)[q.content.start:q.content.end]: q for q in resolve(doc, list(cands), "fr" if doc.lang_ == "fr" else "en")}


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
    assert q["à manifester samedi devant la préfecture"].speaker_canonical != "Paul Martin"


def test_another_person_subject_in_between_or_a_far_quote_breaks_the_turn(fr):
    doc = fr("Le député Paul Martin a déclaré que la réforme des retraites était injuste. "
             "La sénatrice Claire Dubois est arrivée en retard à la séance. "
             "Puis a appelé à manifester samedi devant la préfecture.")
    q = _quotes(doc, _cand(doc, "a déclaré", "la réforme des retraites était injuste", "Paul", None),
                _cand(doc, "a appelé", "à manifester samedi devant la préfecture"))
    assert q["à manifester samedi devant la préfecture"].speaker_canonical != "Paul Martin"
    doc = fr("Le député Paul Martin a déclaré que la réforme des retraites était injuste.\n\n"
             "La séance a duré trois heures.\n\nLe vote aura lieu mardi.\n\n"
             "Puis a appelé à manifester samedi devant la préfecture.")
    q = _quotes(doc, _cand(doc, "a déclaré", "la réforme des retraites était injuste", "Paul", None),
                _cand(doc, "a appelé", "à manifester samedi devant la préfecture"))
    assert q["à manifester samedi devant la préfecture"].speaker_canonical != "Paul Martin"


def test_a_subject_hung_on_the_auxiliary_is_the_speaker_phrase(fr, en):
    doc = fr("La ministre Claire Dubois a reçu les syndicats. Le député Paul Martin a déclaré que la réforme "
             "était injuste. Elle a, de son côté, affirmé que le projet avait pris du retard.")
    verb = token_at(doc, doc_text(doc).index("affirmé"))
    assert auxiliary_subject(verb) is not None and auxiliary_subject(verb).text == "Elle"
    q = _quotes(doc, _cand(doc, "a déclaré", "la réforme était injuste", "Paul", None),
                _cand(doc, "affirmé", "le projet avait pris du retard"))
    second = q["le projet avait pris du retard"]
    # the pronoun is the speaker phrase, resolved by gender: not the masculine previous speaker
    assert second.speaker is not None and second.speaker.text == "Elle"
    assert second.speaker_canonical == "Claire Dubois"
    doc = en("Senator John Reed said the bill would pass. He had, in a later statement, warned that the vote "
             "could slip to June.")
    q = _quotes(doc, _cand(doc, "said", "the bill would pass", "John", None),
                _cand(doc, "warned", "the vote could slip to June"))
    assert q["the vote could slip to June"].speaker_canonical == "John Reed"


def test_an_english_subjectless_report_continues_the_turn(en):
    doc = en("Senator John Reed said on Monday that the bill would pass. "
             "And urged colleagues to vote before the recess.")
    q = _quotes(doc, _cand(doc, "said", "the bill would pass", "John", None),
                _cand(doc, "urged", "colleagues to vote before the recess"))
    second = q["colleagues to vote before the recess"]
    assert second.speaker_canonical == "John Reed" and second.speaker_evidence is not None
