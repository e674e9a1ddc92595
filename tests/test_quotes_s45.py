"""Session 45: no-break spaces read as spaces by the tokenizer, indirect questions after asking verbs, the
*de*-infinitive of verbs of request and advice, and past participles with no auxiliary read as passives. Sentences
written for these tests; the tests of each mechanism fail on the commit before it, the guards pass on both."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig
from recoupe.analysis.component import doc_text
from recoupe.nlp import get_nlp

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))
NBSP, NNBSP = "\u00a0", "\u202f"


def _quotes(text, lang="fr"):
    return next(iter(_analyzer.findings_many([text], lang=lang))).quotes


def _shown(quotes):
    return [(q.producer, q.content.text, q.speaker and q.speaker.text, q.speaker_canonical) for q in quotes]


def test_no_break_spaces_are_no_tokens_and_the_text_keeps_them():
    """The tagger and parser read the words as they would with plain spaces; every offset and the Doc's text
    (``doc_text``) are the article's own."""
    text = f"Le maire a déclaré{NBSP}: «{NBSP}Nous paierons 10{NNBSP}000 euros{NBSP}»."
    doc = get_nlp("fr")(text)
    assert doc_text(doc) == text
    assert not any(t.is_space for t in doc), [t.text for t in doc]
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


def test_a_report_a_no_break_space_hid_from_the_parser():
    """*s'est\\xa0opposé*: the space token made *opposé* an adjective and the report went unread."""
    text = (f"Le ministre Hervé Castagne a reçu les élus corses mardi. Il s'est{NBSP}opposé à l'idée "
            f"d'amnistier les militants condamnés.")
    quotes = _quotes(text)
    found = [q for q in quotes if q.content.text.startswith("à l'idée d'amnistier")]
    assert found and found[0].speaker_canonical == "Hervé Castagne", _shown(quotes)
    assert text[found[0].content.start:found[0].content.end] == found[0].content.text


def test_findings_keep_the_no_break_spaces_of_the_text():
    text = f"«{NBSP}La ligne fermera en juin{NBSP}», a annoncé{NBSP}la présidente de la région, Odile{NBSP}Marchal."
    quotes = _quotes(text)
    assert quotes and " ".join(quotes[0].speaker_canonical.split()) == "Odile Marchal", _shown(quotes)
    for q in quotes:
        assert text[q.content.start:q.content.end] == q.content.text
        assert text[q.speaker.start:q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("text, content", [
    ("Un élu de l'opposition a demandé pourquoi la mairie avait retardé la publication de l'audit.",
     "pourquoi la mairie avait retardé la publication de l'audit"),
    ("Une internaute lui a demandé combien elle était payée pour cette mission.",
     "combien elle était payée pour cette mission"),
    ("La sénatrice s'est demandé comment l'État financerait la mesure.",
     "comment l'État financerait la mesure"),
])
def test_an_indirect_question_after_an_asking_verb(text, content):
    quotes = _quotes(text)
    assert any(q.content.text == content and q.kind == "indirect" for q in quotes), _shown(quotes)


def test_an_english_indirect_question():
    """A guard: the English parse already opened the clause on its wh-word."""
    quotes = _quotes("A council member asked why the audit had been delayed for six months.", "en")
    assert any(q.content.text == "why the audit had been delayed for six months" for q in quotes), _shown(quotes)


def test_a_question_quoted_after_a_colon_is_the_direct_quote_alone():
    """A guard (the review's): the quoted question is no indirect one as well."""
    quotes = _quotes("Le sénateur a interrogé le ministre : « Quand allez-vous agir ? »")
    assert [q.kind for q in quotes] == ["direct"], _shown(quotes)


def test_a_question_word_after_a_verb_that_asks_nothing_is_no_report():
    """*a expliqué pourquoi…* reports through the verb's own frames, not as a question."""
    quotes = _quotes("Le directeur a expliqué pourquoi il avait démissionné.")
    assert not any(q.content.text.startswith("pourquoi") and q.producer.endswith("indirect_clause")
                   for q in quotes), _shown(quotes)


@pytest.mark.parametrize("text, content", [
    ("La ministre a suggéré aux élus de reporter le vote.", "de reporter le vote"),
    ("L'agence préconise de limiter la vitesse à 90 km/h sur ces routes.",
     "de limiter la vitesse à 90 km/h sur ces routes"),
    ("Les familles supplient le gouvernement de rouvrir l'enquête.", "de rouvrir l'enquête"),
    ("Le syndicat s'interroge sur le montant des indemnités versées aux dirigeants.",
     "sur le montant des indemnités versées aux dirigeants"),
])
def test_the_frames_of_verbs_of_request_and_advice(text, content):
    quotes = _quotes(text)
    assert any(q.content.text.endswith(content) and q.kind == "indirect" for q in quotes), _shown(quotes)


@pytest.mark.parametrize("text", [
    "Les gendarmes ont interrogé sur les lieux plusieurs témoins de l'accident.",
    "La police a interrogé le suspect sur son emploi du temps.",
])
def test_interroger_reports_its_matter_in_the_reflexive_use_only(text):
    quotes = _quotes(text)
    assert not quotes, _shown(quotes)


def test_the_request_frames_take_an_infinitive_after_de():
    """*de son côté* is no request: the object is what was suggested."""
    quotes = _quotes("Le ministre a suggéré de son côté une pause dans les négociations.")
    assert [q.content.text for q in quotes] == ["une pause dans les négociations"], _shown(quotes)


@pytest.mark.parametrize("text", [
    "Accusé de corruption, le maire a démissionné.",
    "Le maire a démissionné jeudi, accusé de corruption par l'opposition.",
    "Sommé de s'expliquer, le directeur a quitté la séance.",
    "Interrogé sur le nombre de candidats, le maire a refusé de répondre.",
])
def test_a_past_participle_with_no_auxiliary_is_passive(text):
    """The noun it qualifies was accused or asked: it does not speak the participle's complement."""
    quotes = _quotes(text)
    assert not quotes, _shown(quotes)


@pytest.mark.parametrize("text, content, speaker", [
    ("Interrogé par la radio locale, le ministre a déclaré que la réforme serait votée.",
     "que la réforme serait votée", "le ministre"),
    ("Le texte, dénoncé par les syndicats, sera voté mardi.", "Le texte, dénoncé par les syndicats", "les syndicats"),
    ("Le ministre a dénoncé la réforme et réclamé son retrait.", "son retrait", "Le ministre"),
    ("La ministre a démenti toute rumeur de démission, affirmé qu'elle restait mobilisée et critiqué l'opposition.",
     "qu'elle restait mobilisée et critiqué l'opposition", "La ministre"),
])
def test_what_a_passive_participle_leaves_alone(text, content, speaker):
    """Guards: the main clause's report, a participle with its agent, a participle sharing an auxiliary."""
    quotes = _quotes(text)
    found = [q for q in quotes if q.content.text == content]
    assert found and found[0].speaker.text == speaker, _shown(quotes)
