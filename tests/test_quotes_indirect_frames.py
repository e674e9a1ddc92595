"""Indirect speech on unseen articles (issue 14): participial frames, person agreement of the subject,
the future, evidence verbs without a source, personal *il* mislabelled expletive. Sentences written
for the tests."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.indirect import _future_speech, _personal_expletive
from recoupe.analysis.quotes.syntax import subject_of

from conftest import indirect_by_cue


def test_participial_clause_reports_its_noun_object(fr):
    doc = fr("Le ministre de l'Industrie, Paul Mercier, a parlé mardi devant les députés, évoquant la fermeture "
             "prochaine de trois usines du groupe.")
    found = indirect_by_cue(find_quotes(doc), "évoquant")
    assert found, [(q.kind, q.cue and q.cue.text) for q in find_quotes(doc)]
    assert found[0].content.text.startswith("la fermeture prochaine")


def test_participle_modifying_a_noun_is_not_a_report(fr):
    doc = fr("Les habitants évoquant la fermeture des usines étaient nombreux à la réunion de mardi.")
    assert not indirect_by_cue(find_quotes(doc), "évoquant")


def test_object_clitic_is_not_the_subject_of_a_third_person_verb(fr):
    doc = fr("Jeanne Morel nous explique que le projet de rocade sera abandonné l'an prochain.")
    verb = next(t for t in doc if t.lower_ == "explique")
    subject = subject_of(verb)
    assert subject is not None and subject.lower_ != "nous"
    assert indirect_by_cue(find_quotes(doc), "explique")


def test_speech_in_the_simple_future_is_not_a_report(fr):
    doc = fr("Certains diront que la réforme arrive trop tard pour les petites communes.")
    assert _future_speech(next(t for t in doc if t.lower_ == "diront"), "fr")
    assert not indirect_by_cue(find_quotes(doc), "diront")
    past = fr("Le maire a dit que la réforme arrive trop tard pour les petites communes.")
    assert not _future_speech(next(t for t in past if t.lower_ == "dit"), "fr")
    assert indirect_by_cue(find_quotes(past), "dit")


def test_english_future_speech(en):
    doc = en("Critics will argue that the plan comes too late.")
    assert _future_speech(next(t for t in doc if t.lower_ == "argue"), "en")


def test_evidence_verb_needs_a_source_subject(fr):
    writer = fr("La hausse des loyers dans le centre montre que le marché reste très tendu.")
    assert not indirect_by_cue(find_quotes(writer), "montre")
    study = fr("Une étude de l'Insee publiée mardi montre que le marché reste très tendu.")
    assert indirect_by_cue(find_quotes(study), "montre")


def test_personal_pronoun_labelled_expletive_speaks():
    from recoupe.nlp import get_base_nlp

    vocab = get_base_nlp("fr").vocab
    words = ["Il", "croyait", "que", "tout", "irait", "bien", "."]
    doc = Doc(vocab, words=words, heads=[1, 1, 4, 4, 1, 4, 1],
              deps=["expl:subj", "ROOT", "mark", "nsubj", "ccomp", "advmod", "punct"],
              pos=["PRON", "VERB", "SCONJ", "PRON", "VERB", "ADV", "PUNCT"],
              lemmas=["il", "croire", "que", "tout", "aller", "bien", "."],
              morphs=["Gender=Masc|Number=Sing|Person=3", "Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin",
                      "", "", "Mood=Cnd|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "", ""])
    found = _personal_expletive(doc[1], "croire")
    assert found is not None and found.i == 0
    # a verb with an impersonal use (il convient que…) keeps its expletive impersonal
    assert _personal_expletive(doc[1], "convenir") is None


def test_future_speech_is_no_wide_candidate_either(fr):
    from recoupe.analysis.quotes.reported import recording

    sink: list = []
    with recording(sink):
        find_quotes(fr("Les opposants affirmeront que la réforme arrive trop tard. "
                       "Le maire a affirmé que la réforme arrive trop tard."))
    cues = [c["cue"] for per_doc in sink for c in per_doc]
    assert "a affirmé" in cues and "affirmeront" not in cues
