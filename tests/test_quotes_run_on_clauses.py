"""Report contents that run past their end (issue 14, session 15): a noun, infinitive or prepositional
complement, or a *que* clause, that the parser lets run into a second clause with its own subject, so
that another speaker's words (or the clause the report hangs in) land in the first report
(``indirect._run_on_clause``). Sentences written for the tests, read through the pipeline."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def _said(fr, sentence: str) -> dict[str, str]:
    """Each indirect or according-to quote of ``sentence``: speaker phrase -> content."""
    return {q.speaker.text: q.content.text for q in find_quotes(fr(sentence))
            if q.speaker is not None and q.kind in ("indirect", "according_to")}


def test_a_noun_object_ends_before_a_juxtaposed_clause_with_a_noun_subject(fr):
    said = _said(fr, "Le maire signale une erreur du logiciel, la préfète parle d'un problème de réseau.")
    assert said["Le maire"] == "une erreur du logiciel"


def test_a_noun_object_ends_before_a_second_report(fr):
    said = _said(fr, "Le député dénonce une réforme injuste, le ministre affirme que les comptes sont sains.")
    assert said["Le député"] == "une réforme injuste"
    assert said["le ministre"] == "que les comptes sont sains"


def test_a_que_clause_ends_where_the_clause_it_hangs_in_resumes(fr):
    said = _said(fr, "Face au député qui soutenait que les comptes étaient faux, la ministre a répondu "
                     "que tout était en ordre.")
    assert "que les comptes étaient faux" in said.values()
    assert not any("la ministre" in content for content in said.values())


def test_a_que_clause_in_a_subordinate_clause_ends_before_the_main_clause(fr):
    said = _said(fr, "Alors que la directrice soutenait que le budget était tenu, le trésorier a reconnu un "
                     "déficit important.")
    assert said["la directrice"] == "que le budget était tenu"


def test_a_que_clause_keeps_a_juxtaposed_clause_of_the_speaker(fr):
    """Not a report, not the clause above: the speaker's own words may run on (*que A, B*)."""
    said = _said(fr, "Le maire a affirmé que les prix montent, les salaires baissent.")
    assert said["Le maire"] == "que les prix montent, les salaires baissent"


def test_a_relative_clause_stays_in_the_noun_object(fr):
    said = _said(fr, "Le député dénonce une réforme injuste, qui pénalise les retraités.")
    assert said["Le député"] == "une réforme injuste, qui pénalise les retraités"


def test_the_speaker_cut_off_as_a_complement_is_no_quote(fr):
    """*Comme le confirment X, …*: the parser makes X the verb's object; cut before the main clause it
    would be the speaker alone. The *comme* rule keeps the main clause as X's."""
    quotes = find_quotes(fr("Comme le confirment plusieurs économistes, la dette augmente encore."))
    contents = [q.content.text for q in quotes]
    assert "plusieurs économistes" not in contents
    assert not any(c.startswith("plusieurs économistes,") for c in contents)
    assert "la dette augmente encore" in contents
